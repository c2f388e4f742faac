/**
 * From a sheet's grid to what the task pane shows: the table read with the user's column mapping,
 * evaluated with the chosen vocabulary, its findings and counts. Pure: no workbook access.
 */
import type { Grid } from "../core/sheet/grid";
import { valueAt, columnLetter, parseAddress } from "../core/sheet/grid";
import type { IndicatorTable, ReportInfo } from "../core/model";
import type { Status } from "../core/evaluation/evaluate";
import { readIndicatorTable, cellText, type ReadResult, type RecognisedColumn } from "../core/sheet/reader";
import { evaluateTable } from "../core/evaluation/evaluate-table";
import { checkTable, type Finding } from "../core/checks/checks";
import { termYears } from "../core/sheet/info";
import { countByArea, type AreaCount } from "./areas";

export interface Analysis {
  sheet: string;
  grid: Grid;
  result: ReadResult;
  table?: IndicatorTable;
  recognised: RecognisedColumn[];
  findings: Finding[];
  statusCounts: Record<Status, number>;
  areas: AreaCount[];
  indicators: number;
  groups: number;
}

export interface AnalysisOptions {
  mapping?: Record<string, string>;
  info?: ReportInfo;
  vocabulary: "dat" | "hoan-thanh";
  levels: 2 | 3;
  /** percent; 0 = off */
  near: number;
}

export const STATUS_ORDER: Status[] = ["exceeded", "met", "near", "not_met", "not_evaluable"];

export function analyse(grid: Grid, opts: AnalysisOptions): Analysis {
  const years = termYears(opts.info);
  const result = readIndicatorTable(grid, { mapping: opts.mapping, years: years.length ? years : undefined });
  const statusCounts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>;
  const base = { sheet: grid.sheet, grid, result, statusCounts, findings: [] as Finding[], areas: [] as AreaCount[], recognised: [] as RecognisedColumn[], indicators: 0, groups: 0 };
  if (!result.ok) return base;
  const table = result.table;
  if (opts.info) table.info = opts.info;
  evaluateTable(table, { vocabulary: opts.vocabulary, levels: opts.levels, near: opts.near > 0 ? opts.near / 100 : undefined });
  const findings = checkTable(table, opts.info);
  let indicators = 0;
  let groups = 0;
  for (const r of table.rows) {
    if (r.type === "group") groups++;
    else {
      indicators++;
      if (r.evaluation) statusCounts[r.evaluation.status]++;
    }
  }
  return { ...base, table, recognised: result.recognised, findings, areas: countByArea(table), indicators, groups };
}

export interface ColumnChoice {
  letter: string;
  /** "F · Chỉ tiêu Nghị quyết ĐH VI" */
  label: string;
}

/** The columns a user can map a role to: every column of the grid, with its header text. */
export function columnChoices(grid: Grid, headerRow: number | undefined): ColumnChoice[] {
  const origin = parseAddress(grid.origin ?? "A1");
  const width = Math.max(0, ...grid.values.map((r) => r?.length ?? 0));
  const out: ColumnChoice[] = [];
  for (let c = 0; c < width; c++) {
    const letter = columnLetter(origin.col + c);
    const header = headerRow ? cellText(valueAt(grid, `${letter}${headerRow}`)) : "";
    const short = header.length > 40 ? header.slice(0, 39) + "…" : header;
    out.push({ letter, label: short ? `${letter} · ${short}` : `Cột ${letter}` });
  }
  return out;
}

/** Roles shown in the mapping editor, in table order. */
export const MAPPING_ROLES: Array<{ role: string; label: string; required?: boolean }> = [
  { role: "tt", label: "Số thứ tự (TT)" },
  { role: "name", label: "Tên chỉ tiêu", required: true },
  { role: "unit", label: "Đơn vị tính (ĐVT)" },
  { role: "kind", label: "Loại chỉ tiêu" },
  { role: "direction", label: "Chiều đánh giá" },
  { role: "target", label: "Chỉ tiêu Nghị quyết", required: true },
  { role: "baseline", label: "Đầu nhiệm kỳ" },
  { role: "actual", label: "Kết quả thực hiện" },
  { role: "status", label: "Đánh giá" },
  { role: "note", label: "Ghi chú" },
];

/** "F12", "'Chỉ tiêu'!F12" or a CellRef → {sheet, address} */
export function findingCell(f: { cell?: unknown }, sheet: string): { sheet: string; address: string } | null {
  const c = f.cell;
  if (!c) return null;
  if (typeof c === "object" && c !== null && "address" in c) {
    const o = c as { sheet?: string; address: string };
    return { sheet: o.sheet ?? sheet, address: o.address };
  }
  const s = String(c);
  const i = s.lastIndexOf("!");
  if (i < 0) return { sheet, address: s };
  return { sheet: s.slice(0, i).replace(/^'|'$/g, "").replace(/''/g, "'"), address: s.slice(i + 1) };
}
