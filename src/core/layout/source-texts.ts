/**
 * The source sheet's own texts for the appendix, taken from the grid when the reader has not kept
 * them: each column's header as typed, each row's cells as typed (by role), the title and the
 * "(Kèm theo ...)" line of a title block above the table. Fills only what is missing.
 */
import { foldText } from "../text/fold";
import { parseAddress, plainCell, valueAt, type Grid } from "../sheet/grid";
import { typedText as textOf } from "../sheet/cell";
import { SOURCE_TEXT_ROLES as TEXT_ROLES, type IndicatorTable, type SourceTexts, type TableRow } from "../model";

/** A year typed as a number (2021) in a header cell. */
function numberText(v: unknown): string | undefined {
  return typeof v === "number" && Number.isInteger(v) ? String(v) : undefined;
}

/** "(1)", "(2)", "1", "A": a column-number row, not a title. */
const COLUMN_NUMBER = /^\s*\(?\s*(\d{1,2}|[A-Z])\s*\)?\s*$/;

/**
 * A column's header as typed: the header row's cell, or the nearest cell above it in the header
 * block (two-tier headers keep a merged title in the upper row), skipping column numbers.
 */
function headerText(grid: Grid, letter: string, headerRow: number, role: string): string | undefined {
  const top = Math.max(1, headerRow - 2);
  if (role.startsWith("year:")) {
    // a year column's own cell names its year, in the header row or the row under a group title
    const year = role.slice(5);
    for (let r = headerRow + 1; r >= top; r--) {
      const t = textOf(valueAt(grid, `${letter}${r}`)) ?? numberText(valueAt(grid, `${letter}${r}`));
      if (t !== undefined && t.includes(year)) return t;
    }
    return undefined;
  }
  for (let r = headerRow; r >= top; r--) {
    const t = textOf(valueAt(grid, `${letter}${r}`));
    if (t !== undefined && !COLUMN_NUMBER.test(t)) return t;
  }
  return undefined;
}

/** The value at an A1 address of the grid whose origin is `o` (valueAt, with the origin read once). */
function valueFrom(grid: Grid, o: { row: number; col: number }, at: string): unknown {
  const packed = plainCell(at);
  if (packed >= 0) return grid.values[Math.floor(packed / 65536) - o.row]?.[(packed % 65536) - o.col];
  const p = parseAddress(at);
  return grid.values[p.row - o.row]?.[p.col - o.col];
}

/** One cell of a row as typed into `out`, when it holds text. */
function putText(grid: Grid, table: IndicatorTable, r: TableRow, o: { row: number; col: number }, role: string, out: SourceTexts): void {
  const address = r.type === "indicator" ? r.cells[role] : undefined;
  const letter = table.mapping[role];
  const at = address ?? (letter ? `${letter}${r.row}` : undefined);
  if (!at) return;
  const t = textOf(valueFrom(grid, o, at));
  if (t !== undefined) out[role] = t;
}

/** A row's cells as typed, by role. `o` is the grid's origin, parsed once per table. */
function rowTexts(grid: Grid, table: IndicatorTable, r: TableRow, o: { row: number; col: number }): SourceTexts {
  const out: SourceTexts = {};
  if (r.type === "group") {
    putText(grid, table, r, o, "tt", out);
    putText(grid, table, r, o, "name", out);
    return out;
  }
  for (const role of TEXT_ROLES) putText(grid, table, r, o, role, out);
  for (const role in r.cells) if (role.startsWith("year:")) putText(grid, table, r, o, role, out);
  return out;
}

/** The title and "(Kèm theo ...)" line of the rows above the header, as typed. */
function titleBlock(grid: Grid, headerRow: number): { title?: string; kemTheo?: string } {
  const origin = parseAddress(grid.origin ?? "A1").row;
  const lines: string[] = [];
  let kemTheo: string | undefined;
  for (let i = 0; i < headerRow - origin && i < grid.values.length; i++) {
    const texts = (grid.values[i] ?? []).map(textOf).filter((t): t is string => t !== undefined);
    if (texts.length !== 1) continue;
    const t = texts[0];
    const f = foldText(t);
    if (/^\(?\s*kem theo/.test(f)) kemTheo = t;
    else if (/^phu luc\s+\S+\s*$/.test(f) || COLUMN_NUMBER.test(t)) continue;
    else if (/(chi tieu|ket qua|muc tieu|nghi quyet)/.test(f) || (lines.length > 0 && !kemTheo)) lines.push(t);
  }
  return { title: lines.length ? lines.join("\n") : undefined, kemTheo };
}

/** The title over the year columns of a two-tier header ("Thực hiện qua các năm"), as typed. */
function yearGroupTitle(grid: Grid, table: IndicatorTable): string | undefined {
  const first = Object.keys(table.mapping).filter((k) => k.startsWith("year:")).sort()[0];
  if (!first) return undefined;
  const letter = table.mapping[first];
  for (let r = table.headerRow; r >= Math.max(1, table.headerRow - 2); r--) {
    const t = textOf(valueAt(grid, `${letter}${r}`));
    if (t !== undefined && !t.includes(first.slice(5)) && !COLUMN_NUMBER.test(t)) return t;
  }
  return undefined;
}

/** Fill the table's missing headers, row texts, title and "Kèm theo" line from its grid. */
export function withSourceTexts(table: IndicatorTable, grid: Grid): IndicatorTable {
  if (!table.headers) {
    const headers: Partial<Record<string, string>> = {};
    for (const [role, letter] of Object.entries(table.mapping)) {
      const t = headerText(grid, letter, table.headerRow, role);
      if (t !== undefined) headers[role] = t;
    }
    const group = yearGroupTitle(grid, table);
    if (group !== undefined) headers.years = group;
    table.headers = headers;
  }
  const o = parseAddress(grid.origin ?? "A1");
  for (const r of table.rows) if (!r.texts) r.texts = rowTexts(grid, table, r, o);
  if (table.title === undefined || table.titleBlock?.kemTheo === undefined) {
    const block = titleBlock(grid, table.headerRow);
    if (table.title === undefined && block.title !== undefined) table.title = block.title;
    if (table.titleBlock?.kemTheo === undefined && block.kemTheo !== undefined) table.titleBlock = { ...(table.titleBlock ?? {}), kemTheo: block.kemTheo };
  }
  return table;
}
