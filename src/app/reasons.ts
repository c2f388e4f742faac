/**
 * The reasons behind the Đánh giá column, when the user asks for them (settings "reasons"): a note
 * on each computed verdict's cell where Excel has notes (ExcelApi 1.18), else a "Lý do" column. The
 * column is the one beside the Đánh giá column when that is empty on the table's rows; when it holds
 * data (a "Ghi chú" column), the next column that is empty there, so nothing typed is ever written
 * over; a "Lý do" column written before is used again. The plan says which column and why, before
 * anything is written. Pure; both workbook adapters and the pane use it.
 */
import { verdictReason } from "../core/evaluation/reason";
import type { Evaluation } from "../core/evaluation/evaluate";
import type { IndicatorTable } from "../core/model";
import { cellText, isBlankCell } from "../core/sheet/cell";
import { columnIndex, columnLetter, parseAddress, valueAt, gridMerges, type Grid } from "../core/sheet/grid";
import { foldText } from "../core/text/fold";
import { diffStatus } from "./status-column";
import type { ReasonColumn, ReasonPlan, StatusChange, StatusColumnRequest } from "./port";

/** The title of the reasons column, and how the add-in's notes begin (so they are told from the user's). */
export const REASON_HEADER = "Lý do";
export const REASON_NOTE_PREFIX = "Lý do đánh giá: ";
/** Width given to a new "Lý do" column: characters (.xlsx) and points (Excel, ~7 points a character of Calibri 11). */
export const REASON_COLUMN_CHARS = 60;
export const REASON_COLUMN_POINTS = 330;

export const reasonNote = (reason: string): string => REASON_NOTE_PREFIX + reason;
/** A note the add-in wrote (it may replace it); any other note is the user's. */
export const isReasonNote = (content: unknown): boolean => typeof content === "string" && content.startsWith(REASON_NOTE_PREFIX);

const isReasonHeader = (v: unknown) => foldText(cellText(v)).trim() === foldText(REASON_HEADER);

/** The sheet row of each evaluated row's status cell, with its evaluation. */
function statusRows(table: IndicatorTable): Map<number, Evaluation> {
  const out = new Map<number, Evaluation>();
  for (const r of table.rows) {
    if (r.type !== "indicator" || !r.evaluation) continue;
    let row = r.row;
    try {
      if (r.cells.status) row = parseAddress(r.cells.status).row;
    } catch {
      /* keep the row */
    }
    out.set(row, r.evaluation);
  }
  return out;
}

/**
 * The column for the reasons: beside the Đánh giá column when it is empty on the header row and
 * the rows written (or is a "Lý do" column already); else a "Lý do" column further right; else the
 * next column that is empty on those rows (past the used range at the latest, which always is).
 */
export function chooseReasonColumn(grid: Grid, headerRow: number, statusColumn: string, rows: readonly number[]): ReasonColumn {
  const origin = parseAddress(grid.origin ?? "A1");
  const merges = gridMerges(grid);
  const checked = [headerRow, ...rows];
  const at = (col: number, row: number) => valueAt(grid, `${columnLetter(col)}${row}`);
  const covered = (col: number, row: number) => merges.some((m) => row - origin.row >= m.top && row - origin.row <= m.bottom && col - origin.col >= m.left && col - origin.col <= m.right);
  const empty = (col: number) => checked.every((row) => isBlankCell(at(col, row)) && !covered(col, row));
  const header = (col: number) => cellText(at(col, headerRow)).trim();
  const beside = columnIndex(statusColumn) + 1;
  if (isReasonHeader(header(beside)) || empty(beside)) return { column: columnLetter(beside), headerRow };
  const passed = { column: columnLetter(beside), header: header(beside) };
  const last = origin.col + Math.max(0, ...grid.values.map((r) => r.length)) - 1;
  for (let c = beside + 1; c <= last; c++) if (isReasonHeader(header(c))) return { column: columnLetter(c), headerRow, passed };
  let c = beside + 1;
  while (c <= last && !empty(c)) c++;
  return { column: columnLetter(c), headerRow, passed };
}

/**
 * The request with each computed verdict's reason, and the column they go to where notes cannot be
 * used. A cell that writes something else than the engine's verdict (the sheet's own word, kept)
 * gets no reason: the reason explains the engine's verdict only.
 */
export function withReasons(req: StatusColumnRequest, table: IndicatorTable, grid: Grid): StatusColumnRequest {
  const evaluations = statusRows(table);
  const cells = req.cells.map((c) => {
    const e = evaluations.get(c.row);
    return e && c.value === e.label ? { ...c, reason: verdictReason(e) } : c;
  });
  const rows = cells.filter((c) => c.reason).map((c) => c.row);
  return { ...req, cells, reasons: chooseReasonColumn(grid, table.headerRow, req.column, rows) };
}

/** The "Lý do" column as a request of its own: its header (when empty) and one reason a row. */
export function reasonColumnRequest(req: StatusColumnRequest): StatusColumnRequest | null {
  if (!req.reasons) return null;
  const cells = req.cells.filter((c) => c.reason).map((c) => ({ row: c.row, value: c.reason! }));
  if (!cells.length) return null;
  return { sheet: req.sheet, column: req.reasons.column, cells: [{ row: req.reasons.headerRow, value: REASON_HEADER }, ...cells] };
}

/** The cells of the "Lý do" column that change; a header holding other text is left as it is. */
export function reasonColumnChanges(req: StatusColumnRequest, current: (row: number) => unknown): StatusChange[] {
  const col = reasonColumnRequest(req);
  if (!col) return [];
  const header = current(req.reasons!.headerRow);
  const keepHeader = !isBlankCell(header) && !isReasonHeader(header);
  return diffStatus(col, "values", current).filter((c) => !(keepHeader && c.row === req.reasons!.headerRow) && !(c.row === req.reasons!.headerRow && isReasonHeader(c.before)));
}

/** The plan of the reasons column. */
export function columnReasonPlan(req: StatusColumnRequest, changes: readonly StatusChange[]): ReasonPlan {
  return { way: "column", column: req.reasons, changes: changes.length, replaced: changes.filter((c) => c.before.trim() !== "").length, keptNotes: 0 };
}

/** One note to add or change on a Đánh giá cell. */
export interface NoteChange {
  row: number;
  /** the note's text now; null when the cell has none */
  before: string | null;
  content: string;
}

/** The notes to add or change: a cell with a note of the user's keeps it (counted in `kept`). */
export function noteChanges(req: StatusColumnRequest, current: (row: number) => string | null): { changes: NoteChange[]; kept: number } {
  const changes: NoteChange[] = [];
  let kept = 0;
  for (const c of req.cells) {
    if (!c.reason) continue;
    const now = current(c.row);
    const content = reasonNote(c.reason);
    if (now !== null && !isReasonNote(now)) kept++;
    else if (now !== content) changes.push({ row: c.row, before: now, content });
  }
  return { changes, kept };
}

/** How the reasons are described in the confirmation, in Vietnamese. */
export function describeReasonPlan(p: ReasonPlan, statusColumn: string): string {
  if (p.way === "notes") {
    const kept = p.keptNotes ? ` ${p.keptNotes} ô đã có ghi chú hoặc chú thích của người dùng: giữ nguyên, không thêm lý do.` : "";
    return p.changes ? `Lý do đánh giá: ${p.changes} ghi chú (note) trên các ô cột ${statusColumn}.${kept}` : `Lý do đánh giá: các ghi chú đã đúng.${kept}`;
  }
  const col = p.column!;
  const where = col.passed
    ? `Cột ${col.passed.column} bên cạnh đã có dữ liệu${col.passed.header ? ` (“${col.passed.header}”)` : ""} nên lý do ghi vào cột ${col.column}, cột trống kế tiếp`
    : `Lý do ghi vào cột ${col.column} (“${REASON_HEADER}”), cạnh cột Đánh giá`;
  const replaced = p.replaced ? `; ${p.replaced} ô của cột đó đang có nội dung khác sẽ được thay` : "";
  return p.changes ? `${where}: ${p.changes} ô${replaced}.` : `${where}: đã đúng, không ô nào thay đổi.`;
}
