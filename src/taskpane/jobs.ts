/**
 * The pane's jobs and how they are grouped: the navigation, the start view and the help all read
 * this list, so a job's name is written once. Labels are Vietnamese and short (the pane can be
 * 320 px wide).
 */
export type JobId = "table" | "check" | "status" | "outlook" | "appendix" | "report" | "reconcile" | "consolidate";
export type ViewId = "overview" | JobId;

export interface JobGroup {
  id: string;
  label: string;
  jobs: JobId[];
}

export const JOB_GROUPS: JobGroup[] = [
  { id: "bang", label: "Bảng và kiểm tra", jobs: ["table", "check", "status"] },
  { id: "danh-gia", label: "Đánh giá và triển vọng", jobs: ["outlook"] },
  { id: "phu-luc", label: "Phụ lục và văn bản", jobs: ["appendix", "report", "reconcile"] },
  { id: "tong-hop", label: "Tổng hợp", jobs: ["consolidate"] },
];

export const VIEW_LABELS: Record<ViewId, string> = {
  overview: "Tổng quan",
  table: "Bảng chỉ tiêu",
  check: "Kiểm tra",
  status: "Cột Đánh giá",
  outlook: "Triển vọng",
  appendix: "Phụ lục",
  report: "Văn bản báo cáo",
  reconcile: "Soát dự thảo",
  consolidate: "Tổng hợp đơn vị",
};

/** The job after this one in its group's natural order, for the "Tiếp:" button at the end of a view. */
export const NEXT_JOB: Partial<Record<JobId, JobId>> = {
  table: "check",
  check: "status",
  status: "appendix",
  appendix: "report",
};

export function groupOf(view: ViewId): JobGroup | undefined {
  return JOB_GROUPS.find((g) => g.jobs.includes(view as JobId));
}
