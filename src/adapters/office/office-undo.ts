/**
 * Taking back the add-in's last write. Where Excel has ExcelApi 1.20, every write runs in one
 * Excel.run with `mergeUndoGroup: true`, so Ctrl+Z takes it back in one step (Microsoft: "Undo
 * capabilities with the Excel JavaScript API"). Elsewhere the adapter keeps what the write overwrote
 * and what it left, and `restore` puts the old contents back, but only when the workbook still holds
 * what the write left: it compares first (every ExcelApi), and where ExcelApi 1.7 has change events
 * it watches the sheets and says at once when the user changes them (events raised by this add-in's
 * own writes are told apart with `triggerSource`, ExcelApi 1.14, or else by comparing again).
 */
import { AppError } from "../../app/errors";
import { readSheetGrid } from "./office-read";

/** The ExcelApi sets the undo paths need. */
export const UNDO_API = { mergeUndoGroup: "1.20", changeEvents: "1.7", triggerSource: "1.14" } as const;

/** Cells overwritten by a write: their formulas and number formats before, their formulas after. */
export interface CellsBefore {
  sheet: string;
  /** a one-column run "F4:F7" (what writes touch) */
  address: string;
  formulas: unknown[][];
  numberFormat: unknown[][];
  after: unknown[][];
}

/** A note a write added or replaced (ExcelApi 1.18); `before` null when the cell had none. */
export interface NoteBefore {
  sheet: string;
  cell: string;
  before: string | null;
  after: string;
}

/** What the last write changed, enough to put it back. */
export interface UndoRecord {
  /** what the pane says it takes back ("cột Đánh giá (cột F)", "trang “Phụ lục 1”") */
  label: string;
  cells: CellsBefore[];
  notes: NoteBefore[];
  /** sheets the write added, with what they held just after it */
  sheets: Array<{ name: string; fingerprint: string }>;
  /** columns the write widened (the "Lý do" column, ExcelApi 1.2), with their width before in points */
  widths: Array<{ sheet: string; column: string; before: number }>;
}

/** A short, order-sensitive digest of a sheet's used range (FNV-1a over its address and values). */
export function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(16)}`;
}

/** What a sheet holds now, as a digest (its used range read in blocks under the request limit); null when it is gone. */
export async function sheetFingerprint(context: Excel.RequestContext, name: string): Promise<string | null> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  if (!sheets.items.some((s) => s.name === name)) return null;
  const grid = await readSheetGrid(context, name, { merges: false });
  return digest(JSON.stringify([grid.origin, grid.values]));
}

const sameCells = (a: unknown[][], b: unknown[][]) => JSON.stringify(a.map((r) => r.map((v) => (v === null || v === undefined ? "" : v)))) === JSON.stringify(b.map((r) => r.map((v) => (v === null || v === undefined ? "" : v))));

/** Reads what the record's cells and notes hold now (one sync). */
async function currentCells(context: Excel.RequestContext, r: UndoRecord) {
  const ranges = r.cells.map((c) => {
    const range = context.workbook.worksheets.getItem(c.sheet).getRange(c.address);
    range.load("formulas");
    return range;
  });
  const notes = r.notes.map((n) => {
    const note = context.workbook.worksheets.getItem(n.sheet).notes.getItemOrNullObject(n.cell);
    note.load("content");
    return note;
  });
  await context.sync();
  return { ranges, notes };
}

/** The first difference between the workbook and what the write left, in Vietnamese; null when none. */
export async function changedSince(context: Excel.RequestContext, r: UndoRecord): Promise<string | null> {
  const { ranges, notes } = await currentCells(context, r);
  for (let i = 0; i < r.cells.length; i++) if (!sameCells(ranges[i].formulas as unknown[][], r.cells[i].after)) return `các ô ${r.cells[i].address} (trang “${r.cells[i].sheet}”) đã được sửa`;
  for (let i = 0; i < r.notes.length; i++) if (notes[i].isNullObject || notes[i].content !== r.notes[i].after) return `ghi chú ở ô ${r.notes[i].cell} đã được sửa`;
  for (const s of r.sheets) {
    const now = await sheetFingerprint(context, s.name);
    if (now === null) return `trang “${s.name}” không còn`;
    if (now !== s.fingerprint) return `trang “${s.name}” đã được sửa`;
  }
  return null;
}

/** Puts the record back when nothing changed since; throws a Vietnamese AppError otherwise. */
export async function restore(context: Excel.RequestContext, r: UndoRecord): Promise<void> {
  const changed = await changedSince(context, r);
  if (changed)
    throw new AppError(
      "workbook_changed",
      `Không hoàn tác được ${r.label}: ${changed} sau lần ghi đó.`,
      "Ngăn tác vụ không ghi đè những gì bạn đã sửa. Dùng Ctrl+Z trong Excel, hoặc sửa lại bằng tay.",
    );
  for (const c of r.cells) {
    const range = context.workbook.worksheets.getItem(c.sheet).getRange(c.address);
    range.numberFormat = c.numberFormat as string[][];
    range.formulas = c.formulas as string[][];
  }
  for (const n of r.notes) {
    const notes = context.workbook.worksheets.getItem(n.sheet).notes;
    if (n.before === null) notes.getItem(n.cell).delete();
    else notes.getItem(n.cell).content = n.before;
  }
  for (const w of r.widths) context.workbook.worksheets.getItem(w.sheet).getRange(`${w.column}:${w.column}`).format.columnWidth = w.before;
  for (const s of r.sheets) context.workbook.worksheets.getItem(s.name).delete();
  await context.sync();
}
