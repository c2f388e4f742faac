/**
 * What the start view ("Tổng quan") says about the workbook: table found, problems, verdicts
 * filled, appendix made; and the one next useful action. Pure: the state in, data out.
 */
import { foldText } from "../core/text/fold";
import type { Analysis } from "../app/analyse";
import type { JobId } from "./jobs";

export type CheckState = "done" | "todo" | "problem";

export interface StateItem {
  key: "table" | "problems" | "verdicts" | "appendix";
  /** the icon and a word say the state (never colour alone) */
  state: CheckState;
  label: string;
  text: string;
  /** the job that deals with it */
  job: JobId;
}

export interface NextAction {
  label: string;
  job: JobId;
}

export interface WorkbookState {
  items: StateItem[];
  next: NextAction;
}

const isAppendixSheet = (name: string) => foldText(name).startsWith("phu luc");

export function workbookState(analysis: Analysis | null, sheets: readonly string[], appendixSheet: string | null): WorkbookState {
  const table = analysis?.table;
  const appendices = sheets.filter(isAppendixSheet);
  const appendixItem: StateItem = appendixSheet || appendices.length
    ? { key: "appendix", state: "done", label: "Phụ lục", text: `Đã có trang “${appendixSheet ?? appendices[appendices.length - 1]}”.`, job: "appendix" }
    : { key: "appendix", state: "todo", label: "Phụ lục", text: "Chưa lập.", job: "appendix" };
  if (!table || !analysis) {
    return {
      items: [
        {
          key: "table",
          state: "problem",
          label: "Bảng chỉ tiêu",
          text: analysis ? `Chưa thấy bảng trên trang “${analysis.sheet}”.` : "Chưa thấy bảng chỉ tiêu trong sổ.",
          job: "table",
        },
        appendixItem,
      ],
      next: { label: "Chọn bảng chỉ tiêu", job: "table" },
    };
  }
  const errors = analysis.findings.filter((f) => f.severity === "error").length;
  const warnings = analysis.findings.filter((f) => f.severity === "warning").length;
  // verdicts written but not what the figures give: filling the column fixes those
  const mismatches = analysis.findings.filter((f) => f.code === "status_mismatch").length;
  let filled = 0;
  for (const r of table.rows) if (r.type === "indicator" && (r.reportedText ?? "").trim()) filled++;
  const total = analysis.indicators;
  const problemText = errors || warnings ? [errors && `${errors} lỗi`, warnings && `${warnings} cảnh báo`].filter(Boolean).join(", ") + "." : "Không thấy lỗi.";
  const items: StateItem[] = [
    { key: "table", state: "done", label: "Bảng chỉ tiêu", text: `${total} chỉ tiêu, trang “${analysis.sheet}”.`, job: "table" },
    { key: "problems", state: errors ? "problem" : "done", label: "Kiểm tra", text: problemText, job: "check" },
    {
      key: "verdicts",
      state: filled === total && total > 0 && !mismatches ? "done" : "todo",
      label: "Cột Đánh giá",
      text: `${filled === total ? `Đã điền đủ ${total}/${total} ô` : `Đã điền ${filled}/${total} ô`}${mismatches ? `; ${mismatches} ô khác với số liệu` : ""}.`,
      job: "status",
    },
    appendixItem,
  ];
  const next: NextAction =
    errors > mismatches
    ? { label: `Xem ${errors} lỗi`, job: "check" }
    : filled < total || mismatches
      ? { label: "Điền cột Đánh giá", job: "status" }
      : appendixItem.state === "todo"
        ? { label: "Lập phụ lục", job: "appendix" }
        : { label: "Xem lại phụ lục", job: "appendix" };
  return { items, next };
}
