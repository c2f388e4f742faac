/**
 * Read an indicator table from a plain grid, whatever shape the office keeps it in:
 * - the header (header.ts): found in the first 30 rows by what rows are, not only by their words;
 *   two tiers under merged titles; the title block above it;
 * - the rows (rows.ts): repeated headers and column-number rows skipped; groups (no target, result,
 *   year or status) and indicators; the hierarchy from the TT column and "-"/"+" marks;
 * - every text kept exactly as typed beside the normalised form used for matching.
 * The recognised column mapping is reported so the user can confirm or override it.
 */
import { gridMerges, sheetColumn, sheetRow, columnIndex, parseAddress, type Grid } from "./grid";
import { cellText } from "./cell";
import { describeRole, headerRole } from "./header-roles";
import { findHeader, headerAt, type HeaderInfo } from "./header";
import { buildRow, cellReader, isBlankRow, isColumnNumberRow, isRepeatedHeader, splitTtAndName, ttRank, type RowContext } from "./rows";
import { parseStatusLabel } from "../evaluation/evaluate";
import { fillFromReading, nearestParentIndexes, nearestParents } from "../evaluation/evaluate-table";
import { keepFoldedNames, rowReadingAt } from "../evaluation/prepared-row";
import type { IndicatorTable, TableRow } from "../model";

export { nearestParents, cellText, describeRole, headerRole };

export interface RecognisedColumn {
  role: string;
  column: string;
  header: string;
}

export type ReadResult =
  | { ok: true; table: IndicatorTable; recognised: RecognisedColumn[] }
  | { ok: false; error: { code: string; message: string; detail?: string } };

export interface ReadOptions {
  /** role → column letter, overriding the headers; "" means the table has no such column */
  mapping?: Record<string, string>;
  /** the term years, to tell a baseline column ("Thực hiện năm 2015") from a year column */
  years?: number[];
  /**
   * the header's sheet row, when the user chose the columns of a table whose header was not
   * recognised (without it, the row most like a header); data starts on the next row
   */
  headerRow?: number;
  /** keep each row's cells as typed (`texts`) while reading them, as withSourceTexts would take them */
  texts?: boolean;
  /**
   * false: the rows keep no cell addresses (`cells` empty), for a reader that never points at a cell
   * (consolidation reduces each unit's table to figures); ignored when `texts` is kept
   */
  addresses?: boolean;
}

type Failure = { ok: false; error: { code: string; message: string; detail?: string } };
const fail = (code: string, message: string, detail?: string): Failure => ({ ok: false, error: detail ? { code, message, detail } : { code, message } });

/** Read an indicator table. Never throws. */
export function readIndicatorTable(grid: Grid, opts: ReadOptions = {}): ReadResult {
  try {
    return readTable(grid, opts);
  } catch (e) {
    return fail("bad_grid", `Không đọc được trang "${grid?.sheet}": ${e instanceof Error ? e.message : String(e)}`);
  }
}

function readTable(grid: Grid, opts: ReadOptions): ReadResult {
  if (!grid.values || grid.values.length === 0) return fail("empty", `Trang "${grid.sheet}" không có dữ liệu.`);
  const origin = grid.origin ?? "A1";
  const found = findHeader(grid, opts.years);
  let h: HeaderInfo;
  if (found.ok) h = found.header;
  else if (opts.mapping?.name) {
    // the user chose the columns: take the header row they name, or the row most like one
    const r = opts.headerRow !== undefined ? opts.headerRow - parseAddress(origin).row : found.guess;
    if (r < 0 || r >= grid.values.length) return fail("bad_mapping", `Dòng tiêu đề ${opts.headerRow} nằm ngoài vùng dữ liệu của trang "${grid.sheet}".`);
    h = headerAt(grid, r, opts.years);
  } else {
    const message = `Không tìm thấy bảng chỉ tiêu trên trang "${grid.sheet}": ${found.looked}. Dòng tiêu đề cần có cột "Chỉ tiêu" và cột "Chỉ tiêu Nghị quyết" hoặc "Kết quả thực hiện"; có thể chọn cột bằng tay.`;
    return fail("no_table", message, found.looked);
  }
  const overridden = applyOverrides(h, opts.mapping ?? {}, parseAddress(origin).col);
  if (overridden) return overridden;
  if (!h.cols.has("name")) {
    const seen = h.columnTexts.filter((t) => t !== "").map((t) => `"${t.replace(/\s+/g, " ")}"`).join(", ");
    return fail("no_name_column", `Không xác định được cột tên chỉ tiêu trên trang "${grid.sheet}": dòng tiêu đề ${sheetRow(h.tiers[0], origin)} có ${seen}. Hãy chọn cột "Chỉ tiêu" bằng tay.`);
  }
  statusFromNotes(grid, h);
  const { rows, folded } = readRows(grid, h, opts.texts === true, opts.addresses !== false || opts.texts === true);
  const read = assemble(grid, h, rows);
  // the names folded while reading, for every later step; results computed from the years
  keepFoldedNames(read.table, folded);
  const parents = nearestParentIndexes(rows);
  rows.forEach((r, i) => {
    if (r.type === "indicator" && r.actualSource !== "given") fillFromReading(r, rowReadingAt(read.table, i, parents[i]));
  });
  return { ok: true, ...read };
}

/** The user's column choices over the recognised ones; an error when a letter is not a column. */
function applyOverrides(h: HeaderInfo, mapping: Record<string, string>, originCol: number): Failure | null {
  for (const [role, letter] of Object.entries(mapping)) {
    if (letter === "") {
      h.cols.delete(role); // the table has no such column
      continue;
    }
    let c: number;
    try {
      c = columnIndex(letter) - originCol;
    } catch {
      return fail("bad_mapping", `Cột "${letter}" cho "${describeRole(role)}" không hợp lệ.`);
    }
    if (c < 0) return fail("bad_mapping", `Cột "${letter}" nằm ngoài vùng dữ liệu.`);
    for (const [r, cc] of h.cols) if (cc === c && r !== role) h.cols.delete(r);
    h.cols.set(role, c);
  }
  return null;
}

/** "Ghi chú" holding statuses: the status column when there is none and most notes are statuses. */
function statusFromNotes(grid: Grid, h: HeaderInfo): void {
  if (h.cols.has("status") || !h.cols.has("note")) return;
  const nc = h.cols.get("note")!;
  let n = 0;
  let s = 0;
  for (let r = h.dataStart; r < grid.values.length; r++) {
    const t = cellText(grid.values[r]?.[nc]).trim();
    if (!t) continue;
    n++;
    if (parseStatusLabel(t)) s++;
  }
  if (n > 0 && s * 2 > n) {
    h.cols.set("status", nc);
    h.cols.delete("note");
  }
}

/** What building the rows needs, once per table: the columns, the cell reader, the column letters. */
function rowContext(grid: Grid, h: HeaderInfo, texts: boolean, addresses: boolean): RowContext {
  const origin = grid.origin ?? "A1";
  const { cols } = h;
  const at = cellReader(grid, gridMerges(grid), h.dataStart, [cols.get("name")!, cols.get("tt")]);
  const width = Math.max(h.columnTexts.length, ...[...cols.values()].map((c) => c + 1));
  return {
    cols,
    at,
    yearCols: yearColumns(h),
    letters: Array.from({ length: width }, (_, c) => sheetColumn(c, origin)),
    rowNo: 0,
    level: 0,
    groupPath: [],
    statusInNote: !cols.has("status") && cols.has("note"),
    typed: texts ? grid.values : undefined,
    addresses,
  };
}

/** Groups and indicators, in sheet order, with their depth and enclosing groups; and each indicator's name folded. */
function readRows(grid: Grid, h: HeaderInfo, texts: boolean, addresses: boolean): { rows: TableRow[]; folded: Array<string | undefined> } {
  const originRow = parseAddress(grid.origin ?? "A1").row;
  const nameCol = h.cols.get("name")!;
  const ttCol = h.cols.get("tt");
  const ctx = rowContext(grid, h, texts, addresses);
  const at = ctx.at;
  const rows: TableRow[] = [];
  const folded: Array<string | undefined> = [];
  // the enclosing rows and their ranks
  const stack: TableRow[] = [];
  const ranks: number[] = [];
  // the enclosing groups' names change only when a group enters or leaves the stack: rows between share one list
  let groupsChanged = false;
  let lastTtRank = 1;
  let empties = 0;
  let skippedHeader = false;
  const folds = new Map<string, string>();
  for (let r = h.dataStart; r < grid.values.length; r++) {
    const raw = grid.values[r] ?? [];
    if (isBlankRow(raw, at, r)) {
      if (++empties >= 5 && rows.length > 0) break;
      continue;
    }
    empties = 0;
    if (isRepeatedHeader(raw, h, skippedHeader, folds) || isColumnNumberRow(raw)) {
      skippedHeader = true;
      continue;
    }
    skippedHeader = false;
    const texts = splitTtAndName(at(r, ttCol), raw[nameCol]);
    let rank = ttRank(texts.tt, texts.marker);
    if (rank === null) rank = lastTtRank + 0.5;
    else if (!texts.marker) lastTtRank = rank;
    while (stack.length && ranks[ranks.length - 1] >= rank) {
      ranks.pop();
      if (stack.pop()!.type === "group") groupsChanged = true;
    }
    ctx.rowNo = originRow + r;
    ctx.level = stack.length;
    if (groupsChanged) ctx.groupPath = stack.filter((s) => s.type === "group").map((s) => s.name);
    groupsChanged = false;
    const row = buildRow(ctx, r, texts);
    rows.push(row);
    folded.push(ctx.folded);
    stack.push(row);
    ranks.push(rank);
    if (row.type === "group") groupsChanged = true;
  }
  return { rows, folded };
}

function yearColumns(h: HeaderInfo): Array<[number, number]> {
  const out = [...h.cols.entries()].filter(([r]) => r.startsWith("year:")).map(([r, c]) => [Number(r.slice(5)), c] as [number, number]);
  return out.sort((a, b) => a[0] - b[0]);
}

/** The table, the mapping as letters, and each column's title as typed. */
function assemble(grid: Grid, h: HeaderInfo, rows: TableRow[]): { table: IndicatorTable; recognised: RecognisedColumn[] } {
  const origin = grid.origin ?? "A1";
  const mapping: Record<string, string> = {};
  const headers: Record<string, string> = {};
  const recognised: RecognisedColumn[] = [];
  for (const [role, c] of [...h.cols.entries()].sort((a, b) => a[1] - b[1])) {
    const letter = sheetColumn(c, origin);
    mapping[role] = letter;
    headers[role] = h.columnTexts[c] ?? "";
    recognised.push({ role, column: letter, header: headers[role] });
  }
  const table: IndicatorTable = {
    sheet: grid.sheet,
    mapping,
    headerRow: sheetRow(h.tiers[0], origin),
    rows,
    years: yearColumns(h).map(([y]) => y),
    headers,
  };
  if (h.title?.title) table.title = h.title.title;
  if (h.title) table.titleBlock = h.title;
  return { table, recognised };
}

