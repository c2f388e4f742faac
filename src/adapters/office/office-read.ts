/**
 * Read a worksheet through Office.js into a Grid: the used range's values, number formats (percent
 * cells read as shown) and merged areas, in blocks under Excel's request limit (readSheetGrid).
 */
import type { Grid } from "../../core/sheet/grid";
import { shownValue } from "../../core/sheet/cell";
import { columnLetter } from "../../core/sheet/grid";

/** "Sheet1!B3:F40" or "'Chỉ tiêu'!B3" → "B3:F40" / "B3" */
export function stripSheet(address: string): string {
  const i = address.lastIndexOf("!");
  return (i >= 0 ? address.slice(i + 1) : address).replace(/\$/g, "").trim();
}

/** "'Chỉ tiêu'!A1:C1, 'Chỉ tiêu'!A3:A4" → ["A1:C1", "A3:A4"] (single cells dropped) */
export function splitAreas(address: string | undefined | null): string[] {
  if (!address) return [];
  // split on commas outside quoted sheet names
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out.map(stripSheet).filter((a) => a.includes(":"));
}

/** Excel's answer when a request or response is over its size limit (5 MB on the web). */
export function isPayloadLimitError(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | null;
  const code = String(err?.code ?? "");
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded" || /payload size/i.test(String(err?.message ?? ""));
}

export interface ReadSheetOptions {
  /** merged areas need ExcelApi 1.13: false on older Excel (2016/2019), and the grid has none */
  merges?: boolean;
  /** cells in the first block (default 20 000); later blocks are sized from the bytes measured */
  firstBlockCells?: number;
  /** bytes each block aims at (default 2 000 000, well under Excel on the web's 5 MB) */
  targetBytes?: number;
  /** the most cells one block may hold (default 200 000) */
  maxBlockCells?: number;
}

export interface ReadSheetStats {
  /** context.sync calls */
  syncs: number;
  /** rows of each block read */
  blockRows: number[];
  /** measured bytes (JSON of values and number formats) of each block */
  blockBytes: number[];
}

/** JSON size in bytes (UTF-8) of a 2-D array of cell values, as Office sends it. */
export function jsonBytes(rows: unknown[][]): number {
  let n = 2 + Math.max(0, rows.length - 1);
  for (const row of rows) {
    n += 2 + Math.max(0, row.length - 1);
    for (const v of row) {
      if (typeof v === "string") {
        n += 2;
        for (let i = 0; i < v.length; i++) {
          const c = v.charCodeAt(i);
          n += c < 0x80 ? (c === 34 || c === 92 ? 2 : c < 0x20 ? 6 : 1) : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
        }
      } else n += String(v).length;
    }
  }
  return n;
}

/** "B3" → 0-based row and column. */
function cellIndex(a1: string): { row: number; col: number } {
  const m = /^([A-Za-z]+)(\d+)$/.exec(a1);
  if (!m) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * Read a worksheet through Office.js into a Grid with ExcelApi 1.1 calls only (plus merged areas
 * where 1.13 is supported): one request for the used range's address and size (and merges), then
 * its values and number formats in blocks of whole rows, each one request kept under Excel on the
 * web's 5 MB limit. The first block is sized from the column count; later ones from the bytes per
 * row measured so far; a block Excel still refuses as too large is halved and asked again.
 * Percent-formatted numbers read as shown ("86,36%"), like the .xlsx reader.
 */
export async function readSheetGrid(context: Excel.RequestContext, sheetName: string, opts: ReadSheetOptions = {}, stats?: ReadSheetStats): Promise<Grid> {
  const st: ReadSheetStats = stats ?? { syncs: 0, blockRows: [], blockBytes: [] };
  const sync = async () => {
    st.syncs++;
    await context.sync();
  };
  const ws = context.workbook.worksheets.getItem(sheetName);
  const used = ws.getUsedRange();
  used.load("address,rowCount,columnCount");
  const merged = opts.merges === false ? null : used.getMergedAreasOrNullObject();
  merged?.load("address");
  await sync();
  const origin = stripSheet(used.address).split(":")[0];
  const merges = !merged || merged.isNullObject === true ? [] : splitAreas(merged.address);
  const { row: r0, col: c0 } = cellIndex(origin);
  const nRows = Math.max(1, used.rowCount);
  const nCols = Math.max(1, used.columnCount);
  const target = opts.targetBytes ?? 2_000_000;
  const maxCells = opts.maxBlockCells ?? 200_000;
  const rowCap = Math.max(1, Math.floor(maxCells / nCols));
  let block = Math.min(nRows, rowCap, Math.max(1, Math.floor((opts.firstBlockCells ?? 20_000) / nCols)));
  let bytesPerRow = 0;
  const values: unknown[][] = [];
  for (let r = 0; r < nRows; ) {
    const n = Math.min(block, nRows - r);
    const address = `${columnLetter(c0 + 1)}${r0 + r + 1}:${columnLetter(c0 + nCols)}${r0 + r + n}`;
    const range = ws.getRange(address);
    range.load("values,numberFormat");
    try {
      await sync();
    } catch (e) {
      if (isPayloadLimitError(e) && n > 1) {
        block = Math.max(1, Math.floor(n / 2));
        continue;
      }
      if (isPayloadLimitError(e)) throw new Error(`Dòng ${r0 + r + 1} của trang "${sheetName}" quá lớn để Excel gửi trong một lần (giới hạn 5 MB): hãy rút gọn nội dung các ô của dòng này.`);
      throw e;
    }
    const v = range.values as unknown[][];
    const f = (range.numberFormat ?? []) as unknown[][];
    const bytes = jsonBytes(v) + jsonBytes(f);
    st.blockRows.push(n);
    st.blockBytes.push(bytes);
    for (let i = 0; i < v.length; i++) {
      // as shown: a percent-formatted 0.8636 reads "86,36%", like the .xlsx reader
      values.push(v[i].map((x, c) => (typeof x === "number" ? shownValue(x, String(f[i]?.[c] ?? "")) : x === "" ? null : x)));
    }
    r += n;
    bytesPerRow = Math.max(bytesPerRow, bytes / n);
    block = Math.min(rowCap, Math.max(1, Math.floor(target / Math.max(1, bytesPerRow))));
  }
  return { sheet: sheetName, origin, values, merges };
}
