/**
 * The appendix written into a new worksheet through Office.js. It never overwrites: when "Phụ lục 1"
 * exists it uses "Phụ lục 1 (2)", "Phụ lục 1 (3)" and so on. Everything goes in with few syncs
 * whatever the number of rows: one to find a free name, then the writes, batched into requests that
 * stay under Excel on the web's 5 MB payload limit (one request up to ~4 MB of values, which holds
 * well over 10 000 indicators; larger tables take one more sync per ~4 MB). Values and number
 * formats are written as 2-D arrays in row chunks; formats go on whole ranges and on multi-area
 * ranges (getRanges) built from the layout's style roles, never cell by cell.
 * String enum values are used ("Landscape", "A4", "Continuous") so this runs without the Excel global.
 */
import { type AppendixLayout, type HAlign } from "../../core/layout";
import { safeSheetName } from "../../core/sheet/sheet-names";
import { columnLetter } from "../../core/sheet/grid";

export interface WriteAppendixOptions {
  /** the most bytes of values one request may carry (default 4 000 000, under the 5 MB limit) */
  maxRequestBytes?: number;
  /** rows per values chunk (default 2 000) */
  chunkRows?: number;
  /** how many "(n)" names to try (default 20) */
  maxCandidates?: number;
}

export interface WriteAppendixResult {
  sheetName: string;
  syncs: number;
  /** estimated bytes carried by each write request */
  requestBytes: number[];
}

const PT_PER_MM = 72 / 25.4;
const OVERHEAD_BYTES = 400; // per operation, a generous allowance for the request envelope

/** Column letter of a 0-based column index. */
const letterOf = (index: number): string => columnLetter(index + 1);

/** Candidate names: "Phụ lục 1", "Phụ lục 1 (2)", ... each ≤ 31 characters. */
export function candidateNames(baseName: string, count: number): string[] {
  const base = safeSheetName(baseName);
  const out = [base];
  for (let k = 2; k <= count; k++) {
    const suffix = ` (${k})`;
    out.push(base.slice(0, 31 - suffix.length).trim() + suffix);
  }
  return out;
}

interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Cells → few rectangles: runs of columns per row, merged down while the same runs repeat. */
export function rectangles(cells: Array<[number, number]>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const [r, c] of cells) {
    let a = byRow.get(r);
    if (!a) byRow.set(r, (a = []));
    a.push(c);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const open = new Map<string, Rect>();
  const done: Rect[] = [];
  for (const r of rows) {
    const cols = byRow.get(r)!.sort((a, b) => a - b);
    const runs: Array<[number, number]> = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && c === last[1] + 1) last[1] = c;
      else if (!last || c > last[1]) runs.push([c, c]);
    }
    const seen = new Set<string>();
    for (const [c0, c1] of runs) {
      const key = `${c0}:${c1}`;
      seen.add(key);
      const o = open.get(key);
      if (o && o.r1 === r - 1) o.r1 = r;
      else {
        if (o) done.push(o);
        open.set(key, { r0: r, c0, r1: r, c1 });
      }
    }
    for (const [key, o] of open) if (!seen.has(key) && o.r1 < r) {
      done.push(o);
      open.delete(key);
    }
  }
  done.push(...open.values());
  return done.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
}

const a1 = (r: Rect) => `${letterOf(r.c0)}${r.r0 + 1}:${letterOf(r.c1)}${r.r1 + 1}`;

/** Addresses joined for getRanges, in chunks short enough for one call each. */
function addressChunks(rects: Rect[], maxChars = 2000): string[] {
  const out: string[] = [];
  let cur = "";
  for (const r of rects) {
    const a = a1(r);
    if (cur && cur.length + 1 + a.length > maxChars) {
      out.push(cur);
      cur = a;
    } else cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

const H_ALIGN: Record<HAlign, "Left" | "Center" | "Right"> = { left: "Left", center: "Center", right: "Right" };

export async function writeAppendixSheet(
  context: Excel.RequestContext,
  layout: AppendixLayout,
  baseName = "Phụ lục 1",
  opts: WriteAppendixOptions = {},
): Promise<WriteAppendixResult> {
  const maxBytes = opts.maxRequestBytes ?? 4_000_000;
  const chunkRows = Math.max(1, opts.chunkRows ?? 2000);
  let syncs = 0;
  const requestBytes: number[] = [];
  const sync = async () => {
    syncs++;
    await context.sync();
  };

  // ---- 1. a free name (one sync)
  const sheets = context.workbook.worksheets;
  const names = candidateNames(baseName, opts.maxCandidates ?? 20);
  const probes = names.map((n) => {
    const s = sheets.getItemOrNullObject(n);
    s.load("isNullObject");
    return s;
  });
  await sync();
  const free = probes.findIndex((p) => p.isNullObject);
  if (free < 0) throw new Error(`Đã có các trang từ "${names[0]}" đến "${names[names.length - 1]}": hãy xóa hoặc đổi tên bớt trang phụ lục cũ rồi thử lại.`);
  const sheetName = names[free];

  // ---- 2. the writes, batched by payload
  const nRows = layout.rows.length;
  const nCols = layout.columns.length;
  const { first: tFirst, last: tLast } = layout.tableRows;
  const headerEnd = layout.headerRows.first + layout.headerRows.count; // exclusive
  const suspend = () => {
    const app = context.application as unknown as { suspendApiCalculationUntilNextSync?: () => void };
    app.suspendApiCalculationUntilNextSync?.();
  };
  suspend();
  let pending = 0;
  const spend = async (bytes: number) => {
    if (pending > 0 && pending + bytes > maxBytes) {
      requestBytes.push(pending);
      await sync();
      suspend();
      pending = 0;
    }
    pending += bytes;
  };

  const ws = sheets.add(sheetName);
  ws.showGridlines = false;
  const body = layout.styles.body;
  await spend(OVERHEAD_BYTES);

  // page layout
  const p = layout.page;
  const pl = ws.pageLayout;
  pl.orientation = (p.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
  pl.paperSize = "A4" as Excel.PaperType;
  pl.topMargin = p.marginsMm.top * PT_PER_MM;
  pl.bottomMargin = p.marginsMm.bottom * PT_PER_MM;
  pl.leftMargin = p.marginsMm.left * PT_PER_MM;
  pl.rightMargin = p.marginsMm.right * PT_PER_MM;
  pl.headerMargin = p.headerMm * PT_PER_MM;
  pl.footerMargin = p.footerMm * PT_PER_MM;
  pl.centerHorizontally = p.centerHorizontally;
  if (p.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (layout.headerRows.count > 0) pl.setPrintTitleRows(`$${layout.headerRows.first + 1}:$${headerEnd}`);
  if (p.pageNumbers) {
    const code = `&"${layout.fontName},Regular"&${p.pageNumbers.size}&P`;
    const hf = pl.headersFooters;
    // no number on page 1: a first-page header of its own, left empty
    hf.state = p.pageNumbers.firstPage ? "Default" : "FirstAndDefault";
    if (p.pageNumbers.position === "top-center") hf.defaultForAllPages.centerHeader = code;
    else hf.defaultForAllPages.centerFooter = code;
    if (!p.pageNumbers.firstPage) {
      hf.firstPage.centerHeader = "";
      hf.firstPage.centerFooter = "";
    }
  }
  await spend(OVERHEAD_BYTES * 4);

  // column widths (points)
  layout.columns.forEach((c, i) => {
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = Math.round(c.widthMm * PT_PER_MM * 10) / 10;
  });
  await spend(OVERHEAD_BYTES * nCols);

  // whole sheet area: font, wrap, vertical alignment
  const all = ws.getRangeByIndexes(0, 0, nRows, nCols);
  all.format.font.name = layout.fontName;
  all.format.font.size = body.size;
  all.format.wrapText = true;
  all.format.verticalAlignment = "Center";
  // the table: borders on every cell (inside lines included), text number format
  const tableRange = ws.getRangeByIndexes(tFirst, 0, tLast - tFirst + 1, nCols);
  for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
    const b = tableRange.format.borders.getItem(edge);
    b.style = "Continuous";
    b.weight = "Thin";
    b.color = "#000000";
  }
  await spend(OVERHEAD_BYTES * 10);

  // formats by role: each distinct attribute value → the cells that need it → rectangles → getRanges
  const want = new Map<string, Array<[number, number]>>();
  const add = (key: string, r: number, c: number) => {
    let a = want.get(key);
    if (!a) want.set(key, (a = []));
    a.push([r, c]);
  };
  layout.rows.forEach((row, r) => {
    for (const cell of row.cells) {
      const st = layout.styles[cell.role];
      // the master cell carries the format; covered cells of merges take it when merged
      const c = cell.col;
      if (st.size !== body.size) add(`size:${st.size}`, r, c);
      if (st.bold) add("bold", r, c);
      if (st.italic) add("italic", r, c);
      if (st.underline) add("underline", r, c);
      const h = cell.align ?? st.align;
      if (h !== "left") add(`h:${h}`, r, c);
      if (st.valign !== "middle") add(`v:${st.valign}`, r, c);
      if (!st.wrap) add("nowrap", r, c);
      if (cell.indent) add(`indent:${cell.indent}`, r, c);
    }
  });
  for (const [key, cells] of want) {
    for (const address of addressChunks(rectangles(cells))) {
      const f = ws.getRanges(address).format;
      const [k, v] = key.split(":");
      if (k === "size") f.font.size = Number(v);
      else if (k === "bold") f.font.bold = true;
      else if (k === "italic") f.font.italic = true;
      else if (k === "underline") f.font.underline = "Single";
      else if (k === "h") f.horizontalAlignment = H_ALIGN[v as HAlign];
      else if (k === "v") f.verticalAlignment = v === "top" ? "Top" : "Bottom";
      else if (k === "nowrap") f.wrapText = false;
      else if (k === "indent") f.indentLevel = Number(v);
      await spend(OVERHEAD_BYTES + address.length);
    }
  }

  // row heights: title, header and foot rows from the layout (merged cells do not autofit); body rows autofit
  const fixedRows: Array<[number, number]> = [];
  layout.rows.forEach((row, r) => {
    if (row.section !== "body") fixedRows.push([r, row.heightPt]);
  });
  const byHeight = new Map<number, Array<[number, number]>>();
  for (const [r, h] of fixedRows) {
    let a = byHeight.get(h);
    if (!a) byHeight.set(h, (a = []));
    a.push([r, 0]);
  }
  for (const [h, cells] of byHeight) {
    for (const address of addressChunks(rectangles(cells))) {
      ws.getRanges(address).format.rowHeight = h;
      await spend(OVERHEAD_BYTES + address.length);
    }
  }

  // values and the text number format, as 2-D arrays in row chunks
  const grid = (r: number): string[] => {
    const line = new Array<string>(nCols).fill("");
    for (const c of layout.rows[r].cells) line[c.col] = c.text;
    return line;
  };
  for (let r0 = 0; r0 < nRows; r0 += chunkRows) {
    const n = Math.min(chunkRows, nRows - r0);
    const values: string[][] = [];
    for (let r = r0; r < r0 + n; r++) values.push(grid(r));
    const formats: string[][] = values.map((line) => line.map(() => "@"));
    const bytes = jsonBytes(values) + formats.length * (nCols * 4 + 2) + OVERHEAD_BYTES;
    if (bytes > maxBytes) throw new Error(`Một khối ${n} dòng vượt giới hạn ${maxBytes} byte mỗi lần gửi: hãy giảm số dòng mỗi khối.`);
    await spend(bytes);
    const range = ws.getRangeByIndexes(r0, 0, n, nCols);
    range.numberFormat = formats;
    range.values = values;
  }

  // body rows: Excel measures wrapped text itself
  const bodyFirst = headerEnd;
  if (tLast >= bodyFirst) ws.getRangeByIndexes(bodyFirst, 0, tLast - bodyFirst + 1, nCols).format.autofitRows();

  // merges last
  for (const m of layout.merges) ws.getRangeByIndexes(m.row, m.col, m.rowSpan, m.colSpan).merge(false);
  ws.activate();
  await spend(OVERHEAD_BYTES * (layout.merges.length + 2));
  requestBytes.push(pending);
  await sync();
  return { sheetName, syncs, requestBytes };
}

function jsonBytes(values: string[][]): number {
  let n = 2;
  for (const line of values) {
    n += 3;
    for (const s of line) n += utf8Length(s) + 3;
  }
  return n;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

