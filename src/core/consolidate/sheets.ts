/**
 * The three sheets of a consolidation as plain rows, shared by the .xlsx writer (CLI, download) and
 * the pane's new sheets:
 * - the consolidated table in the template's layout (TT | Chỉ tiêu | ĐVT | Loại | Chiều | Chỉ tiêu
 *   Nghị quyết | Đầu kỳ | Năm … | Kết quả thực hiện | Đánh giá | Ghi chú | Cách tổng hợp | Đơn vị chủ
 *   trì), so `check` and `appendix` read it unchanged;
 * - unit × indicator: each unit's result and its verdict against its own target;
 * - "Thiếu số liệu": unit, indicator, lead unit, reason, grouped by lead unit.
 * Pure: values only; styling is the writer's.
 */
import { KIND_LABELS } from "../model";
import { templateHeader } from "../sample";
import { infoRows } from "../sheet/info";
import type { ReportInfo } from "../model";
import { coverageText, LEAD_COLUMN, MISSING_HEADER, RULE_COLUMN, RULES } from "./rules";
import type { ConsolidatedIndicator, Consolidation } from "./consolidate";

export interface SheetRows {
  /** rows from A1 */
  values: unknown[][];
  /** merged ranges "A1:B1" */
  merges: string[];
  /** header rows at the top (bold, repeated when printed) */
  headerRows: number;
  /** rows (1-based) that are group rows (bold) */
  groupRows: number[];
  widths: number[];
  /** 0-based columns kept as text (TT "1.1", "2.10") */
  textColumns: number[];
}

/** The text written in the Kết quả cell when there is no figure to write. */
function noValueText(r: ConsolidatedIndicator): string {
  if (r.rule === "needs_rule") return "Cần chọn cách tổng hợp";
  if (r.rule === "none") return "Không tổng hợp";
  return "Chưa có số liệu";
}

/** The name as the first unit typed it (with its "- " mark); the normalised name with the mark when that is not known. */
function shownName(r: ConsolidatedIndicator): string {
  if (r.nameText) return r.nameText;
  return r.marker ? `${r.marker} ${r.name}` : r.name;
}

/** The consolidated table in the template layout. */
export function tableSheet(c: Consolidation): SheetRows {
  const years = c.years;
  const header = [...templateHeader(years), RULE_COLUMN, LEAD_COLUMN];
  const values: unknown[][] = [header];
  const groupRows: number[] = [];
  for (const r of c.rows) {
    if (r.type === "group") {
      values.push([r.tt || null, r.nameText ?? r.name, ...header.slice(2).map(() => null)]);
      groupRows.push(values.length);
      continue;
    }
    const name = shownName(r);
    const result = r.rule === "count_met" ? r.display || noValueText(r) : (r.resultText ?? r.value ?? noValueText(r));
    values.push([
      r.tt || null,
      name,
      r.unitText || r.unit || null,
      KIND_LABELS[r.kind],
      r.direction ?? null,
      r.target || null,
      r.baseline ?? null,
      ...years.map((y) => r.years[y] ?? null),
      result,
      r.statusLabel ?? null,
      r.note,
      `${RULES[r.rule].label}${r.base && (r.rule === "weighted_mean" || r.rule === "growth") ? ` theo ${r.base}` : ""}`,
      r.lead ?? null,
    ]);
  }
  const widths = header.map((h) => ({ TT: 6, "Chỉ tiêu": 48, ĐVT: 10, Loại: 16, Chiều: 12, "Chỉ tiêu Nghị quyết": 16, "Ghi chú": 40, [RULE_COLUMN]: 24, [LEAD_COLUMN]: 20 })[h] ?? 12);
  return { values, merges: [], headerRows: 1, groupRows, widths, textColumns: [0] };
}

/** Unit × indicator: for each unit its result and its verdict against its own target. */
export function byUnitSheet(c: Consolidation): SheetRows {
  const fixed = ["TT", "Chỉ tiêu", "ĐVT", "Cách tổng hợp", "Tổng hợp", "Số đơn vị"];
  const top: unknown[] = [...fixed];
  const sub: unknown[] = fixed.map(() => null);
  const merges: string[] = [];
  const col = (n: number) => {
    let s = "";
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  };
  fixed.forEach((_, i) => merges.push(`${col(i + 1)}1:${col(i + 1)}2`));
  c.units.forEach((u, k) => {
    const first = fixed.length + 2 * k + 1;
    top.push(u, null);
    sub.push("Kết quả", "Đánh giá");
    merges.push(`${col(first)}1:${col(first + 1)}1`);
  });
  const values: unknown[][] = [top, sub];
  const groupRows: number[] = [];
  const failed = new Set(c.failures.map((f) => f.file));
  for (const r of c.rows) {
    if (r.type === "group") {
      values.push([r.tt || null, r.nameText ?? r.name]);
      groupRows.push(values.length);
      continue;
    }
    const row: unknown[] = [
      r.tt || null,
      shownName(r),
      r.unitText || r.unit || null,
      RULES[r.rule].label,
      r.rule === "count_met" ? r.display || null : (r.resultText ?? r.value ?? noValueText(r)),
      coverageText(r.covered, r.total),
    ];
    c.units.forEach((_, i) => {
      const cell = r.byUnit[i];
      if (!cell) row.push(failed.has(c.files[i]) ? "Không đọc được tệp" : null, null);
      else if (cell.value !== null) row.push(cell.raw || cell.value, cell.statusLabel ?? null);
      else row.push(cell.raw || (cell.reason === "no_row" ? "Không có dòng này" : "(trống)"), null);
    });
    values.push(row);
  }
  const widths = [6, 40, 10, 18, 14, 12, ...c.units.flatMap(() => [14, 12])];
  return { values, merges, headerRows: 2, groupRows, widths, textColumns: [0] };
}

/** "Thiếu số liệu": unit, indicator, lead unit, reason; grouped by lead unit. */
export function missingSheet(c: Consolidation): SheetRows {
  const values: unknown[][] = [MISSING_HEADER];
  for (const m of c.missing) values.push([m.unit, m.tt || null, m.name, m.lead ?? null, m.label]);
  if (c.missing.length === 0) values.push(["Không đơn vị nào thiếu số liệu.", null, null, null, null]);
  return { values, merges: [], headerRows: 1, groupRows: [], widths: [26, 6, 50, 22, 40], textColumns: [1] };
}

/** The "Thông tin" sheet of the consolidated workbook: the units' term, the consolidated unit's name. */
export function infoSheet(c: Consolidation, info: ReportInfo = {}): SheetRows {
  const merged: ReportInfo = { ...info };
  if (c.title) merged.unit = c.title;
  return { values: [["Thông tin", "Giá trị", "Ví dụ"], ...infoRows(merged)], merges: [], headerRows: 1, groupRows: [], widths: [36, 36, 42], textColumns: [1] };
}

/** The three result sheets as new sheets for an open workbook (the pane). */
export function paneSheets(c: Consolidation, names: { table: string; byUnit: string; missing: string }): Array<SheetRows & { baseName: string }> {
  return [
    { baseName: names.table, ...tableSheet(c) },
    { baseName: names.byUnit, ...byUnitSheet(c) },
    { baseName: names.missing, ...missingSheet(c) },
  ];
}
