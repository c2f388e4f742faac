/**
 * A plain grid of cell values: what every adapter (Office.js, ExcelJS, CSV) hands to the reader.
 * Rows and columns in `values` are 0-based offsets from `origin` (default "A1"); addresses given
 * back to the user are A1 addresses on the sheet.
 */
export interface Grid {
  sheet: string;
  /** top-left A1 address of values[0][0], default "A1" */
  origin?: string;
  values: unknown[][];
  /** merged ranges as A1 ranges: "A5:F5"; the value sits in the top-left cell */
  merges?: string[];
}

/** 1 → "A", 26 → "Z", 27 → "AA". */
export function columnLetter(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Số cột không hợp lệ: ${n}`);
  let s = "";
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/** "A" → 1, "AB" → 28 (case-insensitive). */
export function columnIndex(letters: string): number {
  const t = letters.trim().toUpperCase();
  if (!/^[A-Z]+$/.test(t)) throw new RangeError(`Tên cột không hợp lệ: "${letters}"`);
  let n = 0;
  for (const ch of t) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B3" / "$B$3" → { row: 3, col: 2 } (1-based sheet row and column). */
export function parseAddress(address: string): { row: number; col: number } {
  const quick = plainAddress(address);
  if (quick) return quick;
  const m = address.trim().replace(/\$/g, "").match(/^([A-Za-z]+)(\d+)$/);
  if (!m) throw new RangeError(`Địa chỉ ô không hợp lệ: "${address}"`);
  return { row: Number(m[2]), col: columnIndex(m[1]) };
}

/**
 * "B3" written plainly (upper-case letters, then digits without a leading zero, nothing else): read
 * in one pass, as the pattern below reads it. Null for anything else, which the pattern then reads.
 */
function plainAddress(a: string): { row: number; col: number } | null {
  const packed = plainCell(a);
  return packed < 0 ? null : { row: Math.floor(packed / PACK), col: packed % PACK };
}

const PACK = 65536;

/**
 * A plain "B3" as one number, row × 65 536 + column (1-based), without making an object: for
 * readers that look up many cells. −1 when the address is not plain (parseAddress reads those).
 */
export function plainCell(a: string): number {
  const n = a.length;
  let i = 0;
  let col = 0;
  for (; i < n && i < 4; i++) {
    const c = a.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i === n || i === 4) return -1;
  let row = 0;
  const digits = i;
  for (; i < n; i++) {
    const c = a.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    row = row * 10 + (c - 48);
  }
  if (a.charCodeAt(digits) === 48 || n - digits > 9) return -1;
  return row * PACK + col;
}

/** "A5:F5" (or a single "A5") → 1-based inclusive bounds. */
export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = range.split(":");
  const p = parseAddress(a);
  const q = b ? parseAddress(b) : p;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** Sheet address of values[r][c] (0-based) in a grid whose top-left cell is `origin`. */
export function cellAddress(r: number, c: number, origin = "A1"): string {
  const o = parseAddress(origin);
  return `${columnLetter(o.col + c)}${o.row + r}`;
}

/** 1-based sheet row of values[r] */
export function sheetRow(r: number, origin = "A1"): number {
  return parseAddress(origin).row + r;
}

/** Column letter of values[..][c] */
export function sheetColumn(c: number, origin = "A1"): string {
  return columnLetter(parseAddress(origin).col + c);
}

/** The value at a sheet address, or undefined outside the grid. */
export function valueAt(grid: Grid, address: string): unknown {
  const o = parseAddress(grid.origin ?? "A1");
  const p = parseAddress(address);
  return grid.values[p.row - o.row]?.[p.col - o.col];
}

/** Merged ranges as 0-based grid bounds, clipped to the grid. */
export function gridMerges(grid: Grid): Array<{ top: number; left: number; bottom: number; right: number }> {
  const o = parseAddress(grid.origin ?? "A1");
  const out: Array<{ top: number; left: number; bottom: number; right: number }> = [];
  for (const m of grid.merges ?? []) {
    let r;
    try {
      r = parseRange(m);
    } catch {
      continue;
    }
    const top = r.top - o.row;
    const left = r.left - o.col;
    const bottom = r.bottom - o.row;
    const right = r.right - o.col;
    if (bottom < 0 || right < 0) continue;
    out.push({ top: Math.max(0, top), left: Math.max(0, left), bottom, right });
  }
  return out;
}
