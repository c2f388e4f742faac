/**
 * The appendix written into a new worksheet through Office.js. It never overwrites: when "Phụ lục 1"
 * exists it uses "Phụ lục 1 (2)", "Phụ lục 1 (3)" and so on. Everything goes in with few syncs
 * whatever the number of rows: one to find a free name, then the writes, batched into requests that
 * stay under Excel on the web's 5 MB payload limit (one request up to ~4 MB of values, which holds
 * well over 10 000 indicators; larger tables take one more sync per ~4 MB). Values and number
 * formats are written as 2-D arrays in row chunks; formats go on whole ranges and on multi-area
 * ranges (getRanges) built from the layout's style roles, never cell by cell.
 * String enum values are used ("Landscape", "A4", "Continuous") so this runs without the Excel global.
 *
 * Every call above ExcelApi 1.1 is asked for with isSetSupported first (the list, with each call's
 * set, is in docs/trien-khai.md). On Excel 2016 (1.1 only) the appendix still has its values, text
 * format, fonts, bold/italic, alignment, wrapping and every border; title rows are centred across
 * the table instead of merged; what cannot be set (page layout, print titles, widths, merges) is
 * listed in a note under the table telling the user to set it once, and returned in `notes`.
 */
import { type AppendixLayout, type HAlign } from "../../core/layout";
import { safeSheetName } from "../../core/sheet/sheet-names";
import { columnLetter } from "../../core/sheet/grid";
import { formatViNumber } from "../../core/text/numbers";
import { reasonNote } from "../../app/reasons";

export interface WriteAppendixOptions {
  /** the most bytes of values one request may carry (default 4 000 000, under the 5 MB limit) */
  maxRequestBytes?: number;
  /** rows per values chunk (default 2 000) */
  chunkRows?: number;
  /** how many "(n)" names to try (default 20) */
  maxCandidates?: number;
  /** Office.context.requirements.isSetSupported; everything is assumed supported when absent */
  isSetSupported?: (name: string, version: string) => boolean;
  /** each computed verdict's reason as a note on its cell (ExcelApi 1.18; nothing without it: the printed appendix keeps its columns) */
  reasons?: boolean;
}

export interface WriteAppendixResult {
  sheetName: string;
  syncs: number;
  /** estimated bytes carried by each write request */
  requestBytes: number[];
  /** what this Excel could not set, in Vietnamese (also written under the table); [] when all was set */
  notes: string[];
}

/** The ExcelApi set each optional feature needs (Microsoft's requirement-set pages). */
export const APPENDIX_API = {
  nullObject: "1.4", // worksheets.getItemOrNullObject
  suspendCalculation: "1.6", // application.suspendApiCalculationUntilNextSync
  rangeByIndexes: "1.7", // worksheet.getRangeByIndexes
  gridlines: "1.8", // worksheet.showGridlines
  pageLayout: "1.9", // worksheet.pageLayout (paper, margins, zoom, headers/footers, setPrintTitleRows)
  multiArea: "1.9", // worksheet.getRanges
  indent: "1.9", // rangeFormat.indentLevel
  sizes: "1.2", // rangeFormat.columnWidth / rowHeight
  autofit: "1.2", // rangeFormat.autofitRows
  merge: "1.2", // range.merge
  notes: "1.18", // worksheet.notes.add
} as const;

const NOTE_PREFIX = "Ghi chú (xóa dòng này trước khi in): ";
const mmText = (mm: number) => formatViNumber(mm, { decimals: 1 });

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

/** Which optional calls this Excel has (each asked with isSetSupported; all when no answerer is given). */
type Api = Record<keyof typeof APPENDIX_API, boolean>;

function apiOf(isSetSupported?: (name: string, version: string) => boolean): Api {
  const supported = (version: string): boolean => {
    if (!isSetSupported) return true;
    try {
      return isSetSupported("ExcelApi", version) === true;
    } catch {
      return false;
    }
  };
  return Object.fromEntries(Object.entries(APPENDIX_API).map(([k, v]) => [k, supported(v)])) as Api;
}

/** The sheet being written: ranges by index, multi-area formats, and the request budget. */
interface Target {
  ws: Excel.Worksheet;
  api: Api;
  /** a rectangle by 0-based indexes: getRangeByIndexes (1.7), else its A1 address (1.1) */
  rangeAt(row: number, col: number, rows: number, cols: number): Excel.Range;
  /** the formats of several rectangles: one multi-area range each ~2 000 characters (1.9), else one range per rectangle */
  areas(rects: Rect[]): Array<{ format: Excel.RangeFormat; bytes: number }>;
  /** count `bytes` into the current request, sending it first when they would not fit */
  spend(bytes: number): Promise<void>;
}

/** The first free name among "Phụ lục 1", "Phụ lục 1 (2)"... (one sync). */
async function freeSheetName(context: Excel.RequestContext, names: string[], api: Api, sync: () => Promise<void>): Promise<string> {
  const sheets = context.workbook.worksheets;
  let free: number;
  if (api.nullObject) {
    const probes = names.map((n) => {
      const s = sheets.getItemOrNullObject(n);
      s.load("isNullObject");
      return s;
    });
    await sync();
    free = probes.findIndex((p) => p.isNullObject);
  } else {
    // ExcelApi 1.1: the names of every sheet (sheet names compare without regard to case)
    sheets.load("items/name");
    await sync();
    const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    free = names.findIndex((n) => !taken.has(n.toLowerCase()));
  }
  if (free < 0) throw new Error(`Đã có các trang từ "${names[0]}" đến "${names[names.length - 1]}": hãy xóa hoặc đổi tên bớt trang phụ lục cũ rồi thử lại.`);
  return names[free];
}

/** Rows repeated at the top of each printed page ("$5:$5"), or "" without a header. */
function printTitleRows(layout: AppendixLayout): string {
  const h = layout.headerRows;
  return h.count > 0 ? `$${h.first + 1}:$${h.first + h.count}` : "";
}

/** Print setup (ExcelApi 1.9): paper, margins, fit to width, print titles, page numbers; else a note saying what to set. */
async function setupPage(t: Target, layout: AppendixLayout, notes: string[]): Promise<void> {
  const p = layout.page;
  const titleRows = printTitleRows(layout);
  if (!t.api.pageLayout) {
    const m = p.marginsMm;
    const parts = [
      `khổ A4 ${p.orientation === "landscape" ? "ngang" : "dọc"}`,
      `lề trên ${mmText(m.top)} mm, dưới ${mmText(m.bottom)} mm, trái ${mmText(m.left)} mm, phải ${mmText(m.right)} mm`,
      ...(p.fitToWidth ? ["vừa một trang theo chiều ngang"] : []),
      ...(titleRows ? [`lặp lại dòng ${titleRows.replace(/\$/g, "")} ở đầu mỗi trang (In tiêu đề)`] : []),
      ...(p.pageNumbers ? [`số trang ở ${p.pageNumbers.position === "top-center" ? "giữa phía trên" : "giữa phía dưới"}${p.pageNumbers.firstPage ? "" : ", trừ trang đầu"}`] : []),
    ];
    notes.push(`Excel này chưa cho phần bổ trợ đặt trang in (cần ExcelApi 1.9): hãy đặt một lần trong Bố trí Trang: ${parts.join("; ")}.`);
    return;
  }
  const pl = t.ws.pageLayout;
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
  if (titleRows) pl.setPrintTitleRows(titleRows);
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
  await t.spend(OVERHEAD_BYTES * 4);
}

/** Column widths in points (ExcelApi 1.2); else a note with each width in cm. */
async function setColumnWidths(t: Target, layout: AppendixLayout, notes: string[]): Promise<void> {
  if (!t.api.sizes) {
    const widths = layout.columns.map((c, i) => `${letterOf(i)} ${mmText(c.widthMm / 10)} cm`).join(", ");
    notes.push(`Excel này chưa cho đặt độ rộng cột (cần ExcelApi 1.2): hãy kéo độ rộng cột trong chế độ xem Bố trí Trang: ${widths}.`);
    return;
  }
  layout.columns.forEach((c, i) => {
    t.rangeAt(0, i, 1, 1).format.columnWidth = Math.round(c.widthMm * PT_PER_MM * 10) / 10;
  });
  await t.spend(OVERHEAD_BYTES * layout.columns.length);
}

/** The whole area's font, wrap and vertical alignment; thin black borders on every cell of the table. */
async function baseFormats(t: Target, layout: AppendixLayout): Promise<void> {
  const nCols = layout.columns.length;
  const all = t.rangeAt(0, 0, layout.rows.length, nCols);
  all.format.font.name = layout.fontName;
  all.format.font.size = layout.styles.body.size;
  all.format.wrapText = true;
  all.format.verticalAlignment = "Center";
  const { first, last } = layout.tableRows;
  const tableRange = t.rangeAt(first, 0, last - first + 1, nCols);
  for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
    const b = tableRange.format.borders.getItem(edge);
    b.style = "Continuous";
    b.weight = "Thin";
    b.color = "#000000";
  }
  await t.spend(OVERHEAD_BYTES * 10);
}

/**
 * The layout's formats as requests: each distinct attribute value ("bold", "size:14", "h:center",
 * "indent:1") → the cells that need it. Only what differs from the base formats is listed. Without
 * merges (ExcelApi 1.1) a merged title row is centred across its columns instead.
 */
function formatRequests(layout: AppendixLayout, api: Pick<Api, "merge" | "indent">): Map<string, Array<[number, number]>> {
  const body = layout.styles.body;
  const want = new Map<string, Array<[number, number]>>();
  const add = (key: string, r: number, c: number) => {
    let a = want.get(key);
    if (!a) want.set(key, (a = []));
    a.push([r, c]);
  };
  const acrossRows = new Set<number>();
  if (!api.merge) for (const m of layout.merges) if (m.rowSpan === 1 && m.colSpan > 1) acrossRows.add(m.row);
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
      if (h !== "left" && !(h === "center" && acrossRows.has(r))) add(`h:${h}`, r, c);
      if (st.valign !== "middle") add(`v:${st.valign}`, r, c);
      if (!st.wrap) add("nowrap", r, c);
      if (cell.indent && api.indent) add(`indent:${cell.indent}`, r, c);
    }
  });
  for (const m of layout.merges) if (acrossRows.has(m.row)) for (let c = m.col; c < m.col + m.colSpan; c++) add("h:across", m.row, c);
  return want;
}

/** One format request on a range's format. */
function applyFormat(f: Excel.RangeFormat, key: string): void {
  const [k, v] = key.split(":");
  if (k === "size") f.font.size = Number(v);
  else if (k === "bold") f.font.bold = true;
  else if (k === "italic") f.font.italic = true;
  else if (k === "underline") f.font.underline = "Single";
  else if (k === "h") f.horizontalAlignment = v === "across" ? "CenterAcrossSelection" : H_ALIGN[v as HAlign];
  else if (k === "v") f.verticalAlignment = v === "top" ? "Top" : "Bottom";
  else if (k === "nowrap") f.wrapText = false;
  else if (k === "indent") f.indentLevel = Number(v);
}

/** The formats by role, each on few rectangles. */
async function roleFormats(t: Target, layout: AppendixLayout): Promise<void> {
  for (const [key, cells] of formatRequests(layout, t.api)) {
    for (const { format, bytes } of t.areas(rectangles(cells))) {
      applyFormat(format, key);
      await t.spend(bytes);
    }
  }
}

/** Heights of the title, header and foot rows from the layout (merged cells do not autofit), ExcelApi 1.2. */
async function setRowHeights(t: Target, layout: AppendixLayout): Promise<void> {
  if (!t.api.sizes) return;
  const byHeight = new Map<number, Array<[number, number]>>();
  layout.rows.forEach((row, r) => {
    if (row.section === "body") return;
    let a = byHeight.get(row.heightPt);
    if (!a) byHeight.set(row.heightPt, (a = []));
    a.push([r, 0]);
  });
  for (const [h, cells] of byHeight) {
    for (const { format, bytes } of t.areas(rectangles(cells))) {
      format.rowHeight = h;
      await t.spend(bytes);
    }
  }
}

/** Values and the text number format, as 2-D arrays in row chunks. */
async function writeValues(t: Target, layout: AppendixLayout, chunkRows: number, maxBytes: number): Promise<void> {
  const nRows = layout.rows.length;
  const nCols = layout.columns.length;
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
    await t.spend(bytes);
    const range = t.rangeAt(r0, 0, n, nCols);
    range.numberFormat = formats;
    range.values = values;
  }
}

/** Body rows autofit (Excel measures wrapped text itself); merges last, or a note when they cannot be made. */
function finishCells(t: Target, layout: AppendixLayout, notes: string[]): void {
  const bodyFirst = layout.headerRows.first + layout.headerRows.count;
  const { last } = layout.tableRows;
  if (t.api.autofit && last >= bodyFirst) t.rangeAt(bodyFirst, 0, last - bodyFirst + 1, layout.columns.length).format.autofitRows();
  if (t.api.merge) for (const m of layout.merges) t.rangeAt(m.row, m.col, m.rowSpan, m.colSpan).merge(false);
  else if (layout.merges.some((m) => m.rowSpan > 1))
    notes.push("Excel này chưa cho gộp ô (cần ExcelApi 1.2): các dòng tiêu đề đã được căn giữa qua các cột; hãy gộp tay các ô tiêu đề cột hai tầng (Trang đầu › Gộp và Căn giữa).");
}

/** What could not be set: one line under the table, not bordered, so the user sees it and sets it once. */
async function writeNote(t: Target, layout: AppendixLayout, notes: string[]): Promise<void> {
  if (!notes.length) return;
  const note = t.rangeAt(layout.rows.length + 1, 0, 1, 1);
  note.values = [[NOTE_PREFIX + notes.join(" ")]];
  note.format.font.italic = true;
  note.format.wrapText = false;
  await t.spend(OVERHEAD_BYTES + utf8Length(notes.join(" ")));
}

/** The reason of each computed verdict as a note on its status cell: read on screen, not printed. */
async function addReasonNotes(t: Target, layout: AppendixLayout): Promise<void> {
  const col = layout.columns.findIndex((c) => c.key === "status");
  if (col < 0) return;
  for (let r = 0; r < layout.rows.length; r++) {
    const reason = layout.rows[r].reason;
    if (!reason || !layout.rows[r].cells.some((c) => c.col === col && c.text)) continue;
    const text = reasonNote(reason);
    t.ws.notes.add(`${letterOf(col)}${r + 1}`, text);
    await t.spend(OVERHEAD_BYTES + utf8Length(text));
  }
}

export async function writeAppendixSheet(
  context: Excel.RequestContext,
  layout: AppendixLayout,
  baseName = "Phụ lục 1",
  opts: WriteAppendixOptions = {},
): Promise<WriteAppendixResult> {
  const maxBytes = opts.maxRequestBytes ?? 4_000_000;
  const api = apiOf(opts.isSetSupported);
  const notes: string[] = [];
  const requestBytes: number[] = [];
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  const sheetName = await freeSheetName(context, candidateNames(baseName, opts.maxCandidates ?? 20), api, sync);

  // the writes, batched by payload
  const suspend = () => {
    if (api.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
  };
  suspend();
  let pending = 0;
  const ws = context.workbook.worksheets.add(sheetName);
  const rangeAt = (row: number, col: number, rows: number, cols: number): Excel.Range =>
    api.rangeByIndexes ? ws.getRangeByIndexes(row, col, rows, cols) : ws.getRange(a1({ r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 }));
  const t: Target = {
    ws,
    api,
    rangeAt,
    areas: (rects) =>
      api.multiArea
        ? addressChunks(rects).map((address) => ({ format: ws.getRanges(address).format, bytes: OVERHEAD_BYTES + address.length }))
        : rects.map((r) => ({ format: rangeAt(r.r0, r.c0, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1).format, bytes: OVERHEAD_BYTES })),
    spend: async (bytes) => {
      if (pending > 0 && pending + bytes > maxBytes) {
        requestBytes.push(pending);
        await sync();
        suspend();
        pending = 0;
      }
      pending += bytes;
    },
  };
  if (api.gridlines) ws.showGridlines = false;
  await t.spend(OVERHEAD_BYTES);
  await setupPage(t, layout, notes);
  await setColumnWidths(t, layout, notes);
  await baseFormats(t, layout);
  await roleFormats(t, layout);
  await setRowHeights(t, layout);
  await writeValues(t, layout, Math.max(1, opts.chunkRows ?? 2000), maxBytes);
  finishCells(t, layout, notes);
  await writeNote(t, layout, notes);
  if (opts.reasons && api.notes) await addReasonNotes(t, layout);
  ws.activate();
  await t.spend(OVERHEAD_BYTES * (layout.merges.length + 2));
  requestBytes.push(pending);
  await sync();
  return { sheetName, syncs, requestBytes, notes };
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

