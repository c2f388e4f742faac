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
export type ColumnRole = "tt" | "name" | "unit" | "kind" | "direction" | "target" | "baseline" | "year" | "actual" | "status" | "note" | "rule" | "lead" | "weight";

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
  name: string;
  /** 0 for "I"/"A", 1 for "1", 2 for "1.1" ... */
  level: number;
}

export interface IndicatorRow {
  type: "indicator";
  row: number;
  tt: string;
  /** the name cell's text, trimmed, without a leading "-"/"+" mark */
  name: string;
  /** "-" or "+" when the row is a sub-row */
  marker?: "-" | "+";
  unit: string;
  level: number;
  kind: IndicatorKind;
  /** explicit direction written in the sheet, if any */
  directionSetting?: string;
  targetText: string;
  baseline?: unknown;
  /** year → value as written (numbers or text) */
  years: Record<number, unknown>;
  /** the result used: given in the sheet, or computed from the years */
  actual: unknown;
  actualSource: "given" | "computed" | "missing";
  /** status as written in the sheet ("Đạt"), and as read */
  reportedText?: string;
  reported?: Status | null;
  note?: string;
  /** names of the enclosing groups, outermost first */
  groupPath: string[];
  /** addresses of this row's cells by role (years by "year:2021") */
  cells: Partial<Record<string, string>>;
  evaluation?: Evaluation;
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
}

export interface IndicatorTable {
  sheet: string;
  /** role → column letter; "year:2021" for year columns */
  mapping: Record<string, string>;
  headerRow: number;
  rows: TableRow[];
  /** the term years that have columns */
  years: number[];
  info?: ReportInfo;
}
