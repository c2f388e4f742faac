/**
 * The outlook use case (issue 13): the pace each indicator still needs by the end of the term, its
 * likelihood, the appendix column texts and the chart trajectories. The CLI (`check`, `appendix`,
 * `demo`) and the task pane share it. Pure apart from what it is given.
 */
import type { IndicatorTable, ReportInfo } from "../core/model";
import {
  formatNeeded,
  LIKELIHOOD_LABELS,
  tableOutlook,
  tableTrajectories,
  yearSpan,
  type Likelihood,
  type Outlook,
  type OutlookOptions,
  type TableOutlook,
  type Trajectory,
} from "../core/outlook";
import type { CheckReport } from "./analyse";

export type { OutlookOptions, TableOutlook, Trajectory, Likelihood, Outlook };
export { LIKELIHOOD_LABELS };

/** What `check --json` gives each indicator under "outlook". */
export interface OutlookJson {
  needed: number | null;
  needed_per: "year" | "total";
  remaining_years: number[];
  likelihood: Likelihood;
  reason: string;
  /** the kind used (growth, level, cumulative_avg, cumulative_total, every_year) */
  kind: string | null;
}

/** "2020-2025", "2020 – 2025", "2020–2025" → the term; null when it is not two years in order. */
export function parseTermText(text: string): { termStart: number; termEnd: number } | null {
  const m = /^\s*(\d{4})\s*[-–—/]\s*(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return b > a && b - a <= 10 && a >= 1945 && b <= 2100 ? { termStart: a, termEnd: b } : null;
}

/** "2023" → 2023; null otherwise. */
export function parseYearText(text: string): number | null {
  const m = /^\s*(\d{4})\s*$/.exec(text);
  return m ? Number(m[1]) : null;
}

/** The outlook of an analysed table: null without a term and a report year. */
export function computeOutlook(a: { table: IndicatorTable; info?: ReportInfo }, opts: OutlookOptions = {}): TableOutlook | null {
  const o = tableOutlook(a.table, a.info ?? a.table.info, opts);
  if (o && opts.reportYear !== undefined && !(opts.reportYear > o.context.termStart && opts.reportYear <= o.context.termEnd)) return null;
  return o;
}

export function outlookJson(o: Outlook): OutlookJson {
  return { needed: o.needed, needed_per: o.neededPer, remaining_years: o.remainingYears, likelihood: o.likelihood, reason: o.reason, kind: o.kind };
}

export type CheckReportWithOutlook = Omit<CheckReport, "indicators"> & {
  indicators: Array<CheckReport["indicators"][number] & { outlook: OutlookJson | null }>;
};

/** The check report with each indicator's outlook (matched by sheet row). */
export function withOutlook(report: CheckReport, t: TableOutlook | null): CheckReportWithOutlook {
  const byRow = new Map<number, Outlook>();
  for (const x of t?.rows ?? []) byRow.set(x.row.row, x.outlook);
  return {
    ...report,
    indicators: report.indicators.map((i) => {
      const o = byRow.get(i.row);
      return { ...i, outlook: o ? outlookJson(o) : null };
    }),
  };
}

const YEAR_FROM: Record<string, string> = { flag: "theo tùy chọn", info: "theo trang Thông tin", years: "năm cuối có số liệu" };

/** The outlook as text lines (check output, kiem-tra.txt). */
export function outlookLines(t: TableOutlook | null): string[] {
  if (!t) return ["Triển vọng đến cuối nhiệm kỳ: chưa tính (thiếu nhiệm kỳ hoặc năm báo cáo; dùng --nhiem-ky 2020-2025 --nam 2023 hoặc trang Thông tin)."];
  const c = t.context;
  const lines = [`Triển vọng đến cuối nhiệm kỳ ${yearSpan(c.termStart, c.termEnd)} (năm báo cáo ${c.reportYear}, ${YEAR_FROM[c.reportYearSource]}): ${t.summary}.`];
  for (const { row, outlook } of t.rows) {
    const label = `${row.tt ? row.tt + " " : ""}${row.name}`;
    const short = label.length > 60 ? label.slice(0, 59) + "…" : label;
    lines.push(`  [${LIKELIHOOD_LABELS[outlook.likelihood]}] ${short} (dòng ${row.row}): ${outlook.reason}`);
  }
  return lines;
}

/** The appendix column text of one outlook: "Khó đạt (cần 9,45%/năm)". */
export function outlookCellText(o: Outlook, unit: string): string {
  const need = o.likelihood === "reached" || (o.likelihood === "unknown" && o.needed === null) ? "" : formatNeeded(o, unit);
  return need ? `${LIKELIHOOD_LABELS[o.likelihood]} (cần ${need})` : LIKELIHOOD_LABELS[o.likelihood];
}

/** AppendixOptions.outlook from a table outlook. */
export function outlookColumn(t: TableOutlook): { texts: Record<number, string> } {
  const texts: Record<number, string> = {};
  for (const { row, outlook } of t.rows) texts[row.row] = outlookCellText(outlook, row.unit);
  return { texts };
}

/** Trajectories to chart: every indicator with yearly values, or those on the given sheet rows. */
export function outlookCharts(t: TableOutlook | null, rows?: readonly number[]): Trajectory[] {
  if (!t) return [];
  const all = tableTrajectories(t);
  if (!rows) return all;
  const want = new Set(rows);
  return all.filter((tr) => want.has(tr.row));
}
