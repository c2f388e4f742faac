/**
 * A small, fast reader of the parts of an .xlsx that a check needs: sheet names, shared strings,
 * number formats, cell values and merged ranges, straight from the XML text. No Node or browser
 * dependencies: the caller unzips (`part(name)` gives bytes or text). It gives the same grids as
 * the ExcelJS reader (tests compare them), reads parts written with a namespace prefix
 * (`<x:sheetData>`, as the .NET Open XML SDK writes), and stops at the limits of limits.ts while
 * it reads (ReaderLimitError); a part it cannot make sense of throws PackageFormatError.
 * Big parts are read in slices that end on a row boundary, so no string grows past a few MB.
 */
import type { Grid } from "../../core/sheet/grid";
import { shownValue } from "../../core/sheet/cell";
import { limitMessages, PackageFormatError, READER_LIMITS, ReaderLimitError, RowLimitError, type RowLimit } from "./limits";

/** Excel's built-in number formats that matter here (ids as in ExcelJS's table). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** The same test ExcelJS uses to turn numbers into dates. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(f);
}

const ENTITY = /&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g;
export function xmlText(t: string): string {
  if (t.indexOf("&") < 0) return t;
  return t.replace(ENTITY, (_m, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "amp") return "&";
    const cp = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : "";
  });
}

/**
 * Text as the user typed it: OOXML escapes (`_x000D_`, `_x005F_` for "_") decoded, and line ends
 * "\r\n" / "\r" as "\n" (what Excel shows as one line break).
 */
export function cellString(t: string): string {
  let s = t;
  if (s.indexOf("_x") >= 0) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  return s;
}

/** Value of attribute `name` in a start tag (either quote, any whitespace before it). */
export function attr(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const i = tag.indexOf(name + "=", from);
    if (i < 0) return undefined;
    from = i + 1;
    const before = tag.charCodeAt(i - 1);
    if (i > 0 && before !== 32 && before !== 10 && before !== 13 && before !== 9) continue;
    const q = tag[i + name.length + 1];
    if (q !== '"' && q !== "'") continue;
    const start = i + name.length + 2;
    const end = tag.indexOf(q, start);
    return end < 0 ? undefined : tag.slice(start, end);
  }
}

/** Text of all <t> elements in a fragment, skipping phonetic runs. */
function runsText(fragment: string): string {
  const body = fragment.indexOf("<rPh") >= 0 ? fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : fragment;
  let out = "";
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] ?? "";
  return own(cellString(xmlText(out)));
}

/**
 * A copy of a string cut from a big slice of XML: V8 keeps a substring as a view of its parent, so
 * a grid of a million names would keep every 8 MB slice of the sheet's XML alive. Short strings
 * are copied by V8 already.
 */
export function own(s: string): string {
  return s.length < 13 ? s : (s + " ").slice(0, -1);
}

/** Bytes or text of a part, as the unzipper gives it. */
export type PartData = string | Uint8Array;

const decoder = typeof TextDecoder !== "undefined" ? new TextDecoder("utf-8") : undefined;
function decode(b: Uint8Array, start: number, end: number): string {
  const sub = b.subarray(start, end);
  if (decoder) return decoder.decode(sub);
  /* istanbul ignore next */
  throw new PackageFormatError("Không giải mã được UTF-8.");
}

function bytesOf(s: string): number[] {
  return Array.from(s, (c) => c.charCodeAt(0));
}

function indexOfBytes(hay: Uint8Array, needle: number[], from: number): number {
  const first = needle[0];
  const last = hay.length - needle.length;
  for (let i = Math.max(0, from); i <= last; i++) {
    if (hay[i] !== first) continue;
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

function lastIndexOfBytes(hay: Uint8Array, needle: number[], from: number, floor: number): number {
  for (let i = Math.min(from, hay.length - needle.length); i >= floor; i--) {
    if (hay[i] !== needle[0]) continue;
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

/** The namespace prefix of a part's root element ("x" for `<x:worksheet ...>`), or "". */
export function rootPrefix(head: string): string {
  const re = /<([^?!/\s>][^\s>/]*)/g;
  const m = re.exec(head);
  if (!m) return "";
  const colon = m[1].indexOf(":");
  return colon > 0 ? m[1].slice(0, colon) : "";
}

/** `<x:row>` → `<row>`: element names of the part's own prefix without it, so one scanner reads both. */
export function unprefix(xml: string, prefix: string): string {
  if (!prefix) return xml;
  const p = prefix.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
  return xml.replace(new RegExp(`<(/?)${p}:`, "g"), "<$1");
}

const SLICE = 8 * 1024 * 1024;

/**
 * Slices of a part between `from` and `to` (byte or char offsets), each ending just after a
 * `close` tag (or at `to`), decoded and with the prefix removed. Keeps every string small.
 */
export function* slices(data: PartData, from: number, to: number, close: string, prefix: string): Generator<string> {
  const closeP = prefix ? close.replace("</", `</${prefix}:`) : close;
  if (typeof data === "string") {
    let p = from;
    while (p < to) {
      let end = Math.min(to, p + SLICE);
      if (end < to) {
        const k = data.lastIndexOf(closeP, end - closeP.length);
        if (k > p) end = k + closeP.length;
        else {
          const f = data.indexOf(closeP, end);
          end = f < 0 || f >= to ? to : f + closeP.length;
        }
      }
      yield unprefix(data.slice(p, end), prefix);
      p = end;
    }
    return;
  }
  const needle = bytesOf(closeP);
  let p = from;
  while (p < to) {
    let end = Math.min(to, p + SLICE);
    if (end < to) {
      const k = lastIndexOfBytes(data, needle, end - needle.length, p + 1);
      if (k > p) end = k + needle.length;
      else {
        const f = indexOfBytes(data, needle, end);
        end = f < 0 || f >= to ? to : f + needle.length;
      }
    }
    yield unprefix(decode(data, p, end), prefix);
    p = end;
  }
}

function partLength(d: PartData): number {
  return d.length;
}

export function headOf(d: PartData, n = 4096): string {
  return typeof d === "string" ? d.slice(0, n) : decode(d, 0, Math.min(d.length, n));
}

/** The whole part as text without its root prefix (for the small parts: workbook, rels, styles). */
function wholeText(d: PartData): string {
  const s = typeof d === "string" ? d : decode(d, 0, d.length);
  return unprefix(s, rootPrefix(s.slice(0, 4096)));
}

function findIn(d: PartData, s: string, from = 0): number {
  return typeof d === "string" ? d.indexOf(s, from) : indexOfBytes(d, bytesOf(s), from);
}

function findLastIn(d: PartData, s: string): number {
  return typeof d === "string" ? d.lastIndexOf(s) : lastIndexOfBytes(d, bytesOf(s), d.length - s.length, 0);
}

export function parseSharedStrings(xml: PartData | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const prefix = rootPrefix(headOf(xml));
  for (const chunk of slices(xml, 0, partLength(xml), "</si>", prefix)) {
    for (const m of chunk.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
      if (out.length >= READER_LIMITS.maxSharedStrings) throw new ReaderLimitError("maxSharedStrings", limitMessages.maxSharedStrings());
      out.push(m[1] === undefined ? "" : runsText(m[1]));
    }
  }
  return out;
}

/** Number format of each cell style (index of cellXfs). */
export function parseCellFormats(xmlData: PartData | undefined): Array<string | undefined> {
  if (!xmlData) return [];
  const xml = wholeText(xmlData);
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId"));
    const code = attr(m[0], "formatCode");
    if (code !== undefined) custom.set(id, xmlText(code));
  }
  const xfs = xml.match(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/);
  if (!xfs) return [];
  const out: Array<string | undefined> = [];
  for (const m of xfs[1].matchAll(/<xf\b[^>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId") ?? 0);
    out.push(id ? custom.get(id) ?? BUILTIN_FORMATS[id] : undefined);
  }
  return out;
}

export interface SheetPart {
  name: string;
  /** zip path: "xl/worksheets/sheet1.xml" */
  path: string;
}

/** "xl/workbook.xml" + "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml" (also "../", "/xl/..."). */
export function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** Relationship targets of a .rels part: id → { type, target resolved against `base` }. */
export function parseRels(relsXml: string, base: string): Map<string, { type: string; path: string }> {
  const out = new Map<string, { type: string; path: string }>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target && attr(m[0], "TargetMode") !== "External") out.set(id, { type: attr(m[0], "Type") ?? "", path: resolvePart(base, xmlText(target)) });
  }
  return out;
}

/** Sheets in workbook order with their part paths; and whether dates count from 1904. */
export function parseWorkbook(workbookXml: string, relsXml: string, workbookPath = "xl/workbook.xml"): { sheets: SheetPart[]; date1904: boolean } {
  const targets = parseRels(unprefix(relsXml, rootPrefix(relsXml.slice(0, 4096))), workbookPath);
  const wb = unprefix(workbookXml, rootPrefix(workbookXml.slice(0, 4096)));
  const sheets: SheetPart[] = [];
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const rid = m[0].match(/\s[A-Za-z0-9_.-]+:id\s*=\s*["']([^"']+)["']/)?.[1];
    const path = rid ? targets.get(rid)?.path : undefined;
    if (name === undefined || !path) throw new PackageFormatError("Danh sách trang trong workbook.xml không đọc được.");
    sheets.push({ name: cellString(xmlText(name)), path });
  }
  const pr = wb.match(/<workbookPr\b[^>]*>/)?.[0] ?? "";
  const d = attr(pr, "date1904");
  return { sheets, date1904: d === "1" || d === "true" };
}

/** Column number of a cell reference's letters ("AB12" → 28); -1 past Excel's last column, 0 when there are no letters. */
function colNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
    if (n > READER_LIMITS.maxColumns) return -1;
  }
  return n;
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;

/** Excel serial day → Date (UTC), counting from 1900 or 1904. */
function serialDate(num: number, date1904: boolean): Date {
  return new Date(Math.round((num - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

/** A cell's value from its attributes and inner XML (ExcelJS's value shapes). `undefined`: empty. */
function cellValue(a: string, inner: string, strings: string[], fmt: string | undefined, date1904: boolean, where: () => string): unknown {
  const t = attr(a, "t");
  const vm = inner.match(/<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/);
  const v = vm && vm[1] !== "" ? vm[1] : undefined;
  const hasFormula = inner.indexOf("<f") >= 0;
  const wrap = (x: unknown) => (hasFormula ? { formula: "", result: x } : x);
  if (t === "inlineStr") {
    const is = inner.match(/<is>([\s\S]*?)<\/is>/);
    return is ? runsText(is[1]) : undefined;
  }
  if (v === undefined) return hasFormula ? { formula: "", result: undefined } : undefined;
  if (t === "s") {
    const s = strings[Number(v)];
    if (s === undefined) throw new PackageFormatError(`${where()}: chuỗi dùng chung số ${v.slice(0, 20)} không có trong tệp.`);
    return s;
  }
  if (t === "str") return wrap(own(cellString(xmlText(v))));
  if (t === "b") return wrap(v.trim() === "1" || v.trim() === "true");
  if (t === "e") return wrap({ error: xmlText(v) });
  if (t === "d") {
    const d = new Date(v);
    return wrap(Number.isNaN(d.getTime()) ? xmlText(v) : d);
  }
  const num = Number(v.trim());
  if (!Number.isFinite(num) || v.trim() === "") return wrap(cellString(xmlText(v)));
  return wrap(isDateFormat(fmt) ? serialDate(num, date1904) : num);
}

/** "A1" range → bounds; undefined when not a range this sheet can hold. */
function rangeBounds(ref: string): { r1: number; c1: number; r2: number; c2: number } | undefined {
  const m = ref.trim().toUpperCase().replace(/\$/g, "").match(/^([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$/);
  if (!m) return undefined;
  const c1 = colNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? colNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  if (c1 < 1 || c2 < 1 || r1 < 1 || r2 < 1 || r1 > READER_LIMITS.maxRows || r2 > READER_LIMITS.maxRows) return undefined;
  return { r1: Math.min(r1, r2), r2: Math.max(r1, r2), c1: Math.min(c1, c2), c2: Math.max(c1, c2) };
}

/**
 * Cells hidden under a merge (all but the top-left one) are not shown by Excel: empty them, as
 * the ExcelJS reader does. Work is bounded: overlapping merges that would cost more than the grid
 * limit are refused.
 */
export function clearMergedCells(values: unknown[][], merges: string[], where: string): void {
  let work = 0;
  for (const ref of merges) {
    const b = rangeBounds(ref);
    if (!b) continue;
    const rEnd = Math.min(b.r2, values.length);
    for (let r = b.r1; r <= rEnd; r++) {
      const row = values[r - 1];
      const cEnd = Math.min(b.c2, row.length);
      for (let c = b.c1; c <= cEnd; c++) {
        if (r === b.r1 && c === b.c1) continue;
        row[c - 1] = null;
        if (++work > READER_LIMITS.maxGridCells) throw new ReaderLimitError("maxGridCells", limitMessages.maxGridCells(where));
      }
    }
  }
  for (const row of values) while (row.length && (row[row.length - 1] === null || row[row.length - 1] === "")) row.pop();
  while (values.length && values[values.length - 1].length === 0) values.pop();
}

/**
 * The last row of a sheet's <dimension ref="A1:F1000001"> (its used range, as Excel writes it
 * before the rows), from the first bytes of the sheet's XML; undefined when there is none.
 */
export function dimensionLastRow(head: string): number | undefined {
  const m = /<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*?\sref\s*=\s*["']([^"']*)["']/.exec(head);
  if (!m) return undefined;
  let last: number | undefined;
  for (const d of m[1].matchAll(/[A-Za-z]*\$?(\d+)/g)) last = Math.max(last ?? 0, Number(d[1]));
  return last !== undefined && Number.isFinite(last) && last >= 1 ? last : undefined;
}

/** One worksheet's XML → grid values and merges. `maxRows`: a command's row limit (RowLimitError past it). */
export function parseSheet(xml: PartData, name: string, strings: string[], formats: Array<string | undefined>, date1904: boolean, maxRows?: number): Grid {
  const where = `Trang "${name}"`;
  const prefix = rootPrefix(headOf(xml));
  const open = prefix ? `<${prefix}:sheetData` : "<sheetData";
  const close = prefix ? `</${prefix}:sheetData>` : "</sheetData>";
  const start = findIn(xml, open);
  if (start < 0) throw new PackageFormatError(`${where}: không thấy phần dữ liệu (sheetData).`);
  let end = findLastIn(xml, close);
  if (end < start) end = -1;
  const values: unknown[][] = [];
  let cells = 0;
  let rowNo = 0;
  if (end >= 0) {
    for (const chunk of slices(xml, start, end, "</row>", prefix)) {
      ROW.lastIndex = 0;
      for (const rm of chunk.matchAll(ROW)) {
        const r = attr(rm[1], "r");
        const n = r !== undefined ? Number(r) : NaN;
        if (Number.isInteger(n) && n >= 1) rowNo = n;
        else if (r !== undefined && /^\s*\d+\s*$/.test(r)) rowNo = Number.MAX_SAFE_INTEGER;
        else rowNo = rowNo + 1;
        if (rowNo > READER_LIMITS.maxRows) throw new ReaderLimitError("maxRows", limitMessages.maxRows(where, rowNo === Number.MAX_SAFE_INTEGER ? Number(r) : rowNo));
        const out: unknown[] = [];
        let col = 0;
        if (rm[2]) {
          for (const cm of rm[2].matchAll(CELL)) {
            const a = cm[1];
            const ref = attr(a, "r");
            const c = ref ? colNumber(ref.toUpperCase()) : 0;
            if (c < 0) throw new ReaderLimitError("maxColumns", limitMessages.maxColumns(where, ref!));
            col = c > 0 ? c : col + 1;
            if (col > READER_LIMITS.maxColumns) throw new ReaderLimitError("maxColumns", limitMessages.maxColumns(where, ref ?? `dòng ${rowNo}`));
            const inner = cm[2];
            if (!inner) continue;
            const s = attr(a, "s");
            const fmt = s ? formats[Number(s)] : undefined;
            const cellRef = () => (ref ? ref : `dòng ${rowNo}, cột ${col}`);
            const value = cellValue(a, inner, strings, fmt, date1904, () => `${where}, ô ${cellRef()}`);
            const shown = shownValue(value, fmt);
            if (shown === null || shown === undefined) continue;
            if (typeof shown === "string" && shown.length > READER_LIMITS.maxCellChars) throw new ReaderLimitError("maxCellChars", limitMessages.maxCellChars(where, cellRef(), shown.length));
            while (out.length < col - 1) out.push(null);
            out[col - 1] = shown;
          }
        }
        while (out.length && (out[out.length - 1] === null || out[out.length - 1] === "")) out.pop();
        if (maxRows !== undefined && rowNo > maxRows && out.length) throw new RowLimitError(name, maxRows, false);
        while (values.length < rowNo - 1) values.push([]);
        const prev = values[rowNo - 1];
        cells += out.length - (prev ? prev.length : 0);
        if (cells > READER_LIMITS.maxGridCells) throw new ReaderLimitError("maxGridCells", limitMessages.maxGridCells(where));
        values[rowNo - 1] = out;
      }
    }
  }
  while (values.length && values[values.length - 1].length === 0) values.pop();
  const merges: string[] = [];
  const tail = end >= 0 ? end : start;
  const mc = findIn(xml, prefix ? `<${prefix}:mergeCells` : "<mergeCells", tail);
  if (mc >= 0) {
    const mcEnd = findIn(xml, prefix ? `</${prefix}:mergeCells>` : "</mergeCells>", mc);
    const text = unprefix(typeof xml === "string" ? xml.slice(mc, mcEnd < 0 ? xml.length : mcEnd) : decode(xml, mc, mcEnd < 0 ? xml.length : mcEnd), prefix);
    for (const m of text.matchAll(/<mergeCell\b[^>]*>/g)) {
      const ref = attr(m[0], "ref");
      if (!ref || !rangeBounds(ref)) continue;
      if (merges.length >= READER_LIMITS.maxMerges) throw new ReaderLimitError("maxMerges", limitMessages.maxMerges(where));
      merges.push(ref);
    }
  }
  clearMergedCells(values, merges, where);
  return { sheet: name, origin: "A1", values, merges };
}

const REL_TYPE = {
  officeDocument: /\/officeDocument$/,
  sharedStrings: /\/sharedStrings$/,
  styles: /\/styles$/,
  worksheet: /\/worksheet$/,
};

/** Where the workbook part is: the package's officeDocument relationship, else xl/workbook.xml. */
export function workbookPartPath(part: (path: string) => PartData | undefined): string {
  const root = part("_rels/.rels");
  if (root) {
    for (const r of parseRels(wholeText(root), "").values()) if (REL_TYPE.officeDocument.test(r.type)) return r.path;
  }
  return "xl/workbook.xml";
}

/** Where a part's relationships are: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPathOf(partPath: string): string {
  const i = partPath.lastIndexOf("/");
  return `${partPath.slice(0, i + 1)}_rels/${partPath.slice(i + 1)}.rels`;
}

/** The worksheets of a package in workbook order (chart and dialog sheets left out), and what the reader needs besides. */
export interface WorkbookSheets {
  worksheets: SheetPart[];
  date1904: boolean;
  sharedStrings: string;
  styles: string;
}

/**
 * A reading of a package written once for both ways of getting its parts: it yields the path of each
 * part it needs, in the order it needs them, and is given the part's bytes back (or undefined);
 * `readSync` and `readAsync` drive it. So the CLI (parts inflated synchronously, one at a time) and
 * the page (parts inflated by a stream) read the same parts in the same order, and a file passes or
 * fails the limits at the same part in both.
 */
export type PartReading<T> = Generator<string, T, PartData | undefined>;

export function readSync<T>(reading: PartReading<T>, part: (path: string) => PartData | undefined): T {
  let step = reading.next();
  while (!step.done) step = reading.next(part(step.value));
  return step.value;
}

export async function readAsync<T>(reading: PartReading<T>, part: (path: string) => Promise<PartData | undefined>): Promise<T> {
  let step = reading.next();
  while (!step.done) step = reading.next(await part(step.value));
  return step.value;
}

/** The package's worksheets, from its workbook part and the workbook's relationships. */
export function* workbookSheets(): PartReading<WorkbookSheets> {
  const root = yield "_rels/.rels";
  const wbPath = workbookPartPath((p) => (p === "_rels/.rels" ? root : undefined));
  const wbData = yield wbPath;
  const relsData = yield relsPathOf(wbPath);
  if (!wbData || !relsData) throw new PackageFormatError(`Thiếu phần ${!wbData ? wbPath : relsPathOf(wbPath)} của sổ Excel.`);
  const relsText = wholeText(relsData);
  const { sheets, date1904 } = parseWorkbook(wholeText(wbData), relsText, wbPath);
  const rels = [...parseRels(relsText, wbPath).values()];
  const sheetPaths = new Set(rels.filter((r) => REL_TYPE.worksheet.test(r.type)).map((r) => r.path));
  return {
    // chart sheets, dialog sheets: not worksheets
    worksheets: sheets.filter((s) => (sheetPaths.size ? sheetPaths.has(s.path) : /worksheets\//.test(s.path))),
    date1904,
    sharedStrings: rels.find((r) => REL_TYPE.sharedStrings.test(r.type))?.path ?? "xl/sharedStrings.xml",
    styles: rels.find((r) => REL_TYPE.styles.test(r.type))?.path ?? "xl/styles.xml",
  };
}

/** The row limit for a sheet, when there is one that applies to it. */
export function rowLimitOf(limit: RowLimit | undefined, sheet: string): number | undefined {
  return limit && (!limit.applies || limit.applies(sheet)) ? limit.rows : undefined;
}

/** All worksheets' grids; `rowLimit`: a command's (RowLimitError). */
export function* workbookGrids(rowLimit?: RowLimit): PartReading<Grid[]> {
  const wb = yield* workbookSheets();
  const strings = parseSharedStrings(yield wb.sharedStrings);
  const formats = parseCellFormats(yield wb.styles);
  const grids: Grid[] = [];
  for (const s of wb.worksheets) {
    const xml = yield s.path;
    if (xml === undefined) throw new PackageFormatError(`Thiếu phần ${s.path} (trang "${s.name}").`);
    grids.push(parseSheet(xml, s.name, strings, formats, wb.date1904, rowLimitOf(rowLimit, s.name)));
  }
  if (grids.length === 0) throw new PackageFormatError("Sổ không có trang tính nào.");
  return grids;
}

/** All worksheets, given a way to read a part of the package (bytes or text); `rowLimit`: a command's (RowLimitError). */
export function parseWorkbookParts(part: (path: string) => PartData | undefined, rowLimit?: RowLimit): Grid[] {
  return readSync(workbookGrids(rowLimit), part);
}

/**
 * The last row with content of a sheet's XML read as it streams in, for a command's row limit on a
 * sheet without <dimension>: `push` each piece of text as it comes; true once a row with a value
 * lies past `limit` (the reader's own rule, parseSheet, decides for a sheet read whole).
 */
export class RowCounter {
  private carry = "";
  private prefix: string | undefined;
  private row = 0;

  constructor(private readonly limit: number) {}

  push(text: string): boolean {
    let s = this.carry + text;
    if (this.prefix === undefined) {
      // the root element's whole name is needed first (its prefix, "x" of <x:worksheet>)
      if (!/<[A-Za-z_][^\s>/]*[\s>/]/.test(s)) {
        this.carry = s;
        return false;
      }
      this.prefix = rootPrefix(s);
    }
    const close = this.prefix ? `</${this.prefix}:row>` : "</row>";
    let end = s.lastIndexOf(close);
    end = end >= 0 ? end + close.length : s.length > SLICE ? s.lastIndexOf(">") + 1 : 0;
    this.carry = s.slice(end);
    s = unprefix(s.slice(0, end), this.prefix);
    ROW.lastIndex = 0;
    for (const rm of s.matchAll(ROW)) {
      const r = Number(attr(rm[1], "r"));
      this.row = Number.isInteger(r) && r >= 1 ? r : this.row + 1;
      if (this.row > this.limit && rm[2] && /<v>[^<]|<is>|<t[\s>]/.test(rm[2])) return true;
    }
    return false;
  }
}
