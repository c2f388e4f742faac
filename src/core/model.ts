/**
 * The indicator model: what a sheet of indicators means, independent of where it came from.
 * Groups ("I", "1", "A") and indicators (with "-"/"+" sub-rows) in sheet order.
 */
import type { Evaluation, Status } from "./evaluation/evaluate";

/** How the result of an indicator is obtained from its yearly values. */
export type IndicatorKind =
  | "average_growth" // tốc độ tăng bình quân: from yearly values or rates
  | "level" // mức đạt được: the last year's value
  | "cumulative" // lũy kế: the sum over the years
  | "every_year" // hằng năm: every year must meet the target
  | "milestone" // mốc hoàn thành: done or not by a date
  | "qualitative"; // định tính

export const KIND_LABELS: Record<IndicatorKind, string> = {
  average_growth: "Tốc độ tăng bình quân",
  level: "Mức đạt được",
  cumulative: "Lũy kế",
  every_year: "Hằng năm",
  milestone: "Mốc hoàn thành",
  qualitative: "Định tính",
};

/** Column roles an indicator table can have. */
export type ColumnRole = "tt" | "name" | "unit" | "kind" | "direction" | "target" | "baseline" | "year" | "actual" | "status" | "note" | "ratio" | "rule" | "lead" | "weight";

/** A source cell, for messages and for selecting it in Excel: sheet name and A1 address. */
export interface CellRef {
  sheet: string;
  address: string;
}

export interface GroupRow {
  type: "group";
  /** 1-based row number in the sheet */
  row: number;
  tt: string;
  /** the name normalised for matching (single spaces, "-" for dashes) */
  name: string;
  /** the name exactly as typed (after a TT written into the same cell): show and write this one */
  nameText?: string;
  /** 0 for "I"/"A", 1 for "1", 2 for "1.1" ... */
  level: number;
  /** the cells' text exactly as typed, by role ("tt", "name"): what outputs copy */
  texts?: SourceTexts;
}

/**
 * Cell texts exactly as typed (dashes, double spaces, line breaks, a leading "- " kept), by column
 * role: "tt", "name", "unit", "target", "actual", "status", "note", "baseline", "year:2021".
 * Outputs copy these; the parsed fields (name, targetText...) are for matching and judging.
 */
export type SourceTexts = Partial<Record<string, string>>;

/** The roles whose cells are kept as typed (then the year columns a row fills): what the appendix copies. */
export const SOURCE_TEXT_ROLES = ["tt", "name", "unit", "target", "actual", "status", "note", "baseline"] as const;

export interface IndicatorRow {
  type: "indicator";
  row: number;
  tt: string;
  /** the name cell's text normalised for matching: trimmed, single spaces, without a leading "-"/"+" mark */
  name: string;
  /** the name cell's text exactly as typed (leading "- ", dashes, double spaces, line breaks kept): show and write this one */
  nameText?: string;
  /** "-" or "+" when the row is a sub-row */
  marker?: "-" | "+";
  /** the unit normalised for matching */
  unit: string;
  /** the unit as typed (from the ĐVT column, or from brackets at the end of the name) */
  unitText?: string;
  /** the unit was read from "(tỷ đồng)" at the end of the name: the table has no ĐVT column */
  unitFromName?: boolean;
  level: number;
  kind: IndicatorKind;
  /** explicit direction written in the sheet, if any */
  directionSetting?: string;
  /** the target cell's text exactly as shown */
  targetText: string;
  baseline?: unknown;
  /** year → value as written (numbers or text) */
  years: Record<number, unknown>;
  /** the result used: given in the sheet, or computed from the years */
  actual: unknown;
  actualSource: "given" | "computed" | "missing";
  /** the result cell's text exactly as shown, when the sheet gives one (">93", "61-62", "Hoàn thành") */
  actualText?: string;
  /** a "So sánh (%)" cell: the sheet's own ratio of result to plan, as shown */
  ratioText?: string;
  /** status as written in the sheet ("Đạt"; or a bare status in "Ghi chú"), exactly as typed, and as read */
  reportedText?: string;
  reported?: Status | null;
  note?: string;
  /** names of the enclosing groups, outermost first */
  groupPath: string[];
  /** addresses of this row's cells by role (years by "year:2021") */
  cells: Partial<Record<string, string>>;
  evaluation?: Evaluation;
  /** the cells' text exactly as typed, by role (name with its leading "- "): what outputs copy */
  texts?: SourceTexts;
}

export type TableRow = GroupRow | IndicatorRow;

/** Report information, from the "Thông tin" sheet or flags. */
export interface ReportInfo {
  /** cấp ủy / đảng bộ: "Đảng bộ thành phố Bảo Lộc" */
  committee?: string;
  /** the issuing body as signed: "Thành ủy Bảo Lộc"; short form in "của Thành ủy" */
  issuer?: string;
  issuerShort?: string;
  /** đại hội lần thứ: "VI" */
  congress?: string;
  /** nhiệm kỳ "2020-2025" as years */
  termStart?: number;
  termEnd?: number;
  reportType?: "so-ket" | "chinh-tri";
  evaluationYear?: number;
  /** số báo cáo: "203-BC/ThU" */
  reportNumber?: string;
  /** ngày báo cáo, ISO "2023-05-25" */
  reportDate?: string;
  /** nơi ban hành: "Bảo Lộc" */
  place?: string;
  /** đơn vị báo cáo (for consolidation): "Xã Lộc Châu" */
  unit?: string;
  /** the appendix title as typed ("Tiêu đề phụ lục") */
  appendixTitle?: string;
  /** the "(Kèm theo ...)" line as typed */
  kemTheo?: string;
  /** the layout chosen ("Thể thức"): a preset name or its label, read by parsePreset */
  layout?: string;
}

export interface IndicatorTable {
  sheet: string;
  /** role → column letter; "year:2021" for year columns */
  mapping: Record<string, string>;
  headerRow: number;
  rows: TableRow[];
  /** the term years that have columns */
  years: number[];
  /** role → the column's title exactly as typed; two header tiers joined by a line break ("Kết quả thực hiện\nNăm 2023") */
  headers?: Partial<Record<string, string>>;
  /** the title line(s) above the table, as typed */
  title?: string;
  /** the rest of the title block: "Phụ lục 1" and the "(Kèm theo …)" line, as typed */
  titleBlock?: { label?: string; title?: string; kemTheo?: string };
  info?: ReportInfo;
}
