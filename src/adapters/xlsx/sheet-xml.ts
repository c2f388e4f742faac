/**
 * A small, fast reader of the parts of an .xlsx that a check needs: sheet names, shared strings,
 * number formats, cell values and merged ranges, straight from the XML text. No Node or browser
 * dependencies: the caller unzips (`partText(name)`). It gives the same grids as the ExcelJS
 * reader (tests compare them); anything unexpected throws, and the caller falls back to ExcelJS.
 */
import type { Grid } from "../../core/sheet/grid";
import { shownValue } from "./exceljs-read";

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
  return t.replace(ENTITY, (_m, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : e === "amp" ? "&" : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
}

function attr(tag: string, name: string): string | undefined {
  const i = tag.indexOf(` ${name}="`);
  if (i < 0) return undefined;
  const start = i + name.length + 3;
  return tag.slice(start, tag.indexOf('"', start));
}

/** Text of all <t> elements in a fragment, skipping phonetic runs. */
function runsText(fragment: string): string {
  const body = fragment.indexOf("<rPh") >= 0 ? fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : fragment;
  let out = "";
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] ?? "";
  return xmlText(out);
}

export function parseSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) out.push(m[1] === undefined ? "" : runsText(m[1]));
  return out;
}

/** Number format of each cell style (index of cellXfs). */
export function parseCellFormats(xml: string | undefined): Array<string | undefined> {
  if (!xml) return [];
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

/** Sheets in workbook order with their part paths; and whether dates count from 1904. */
export function parseWorkbook(workbookXml: string, relsXml: string): { sheets: SheetPart[]; date1904: boolean } {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetPart[] = [];
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const rid = m[0].match(/\s[A-Za-z0-9]+:id="([^"]+)"/)?.[1];
    const path = rid ? targets.get(rid) : undefined;
    if (name === undefined || !path) throw new Error("Không đọc được danh sách trang.");
    sheets.push({ name: xmlText(name), path });
  }
  const pr = workbookXml.match(/<workbookPr\b[^>]*>/)?.[0] ?? "";
  const d = attr(pr, "date1904");
  return { sheets, date1904: d === "1" || d === "true" };
}

function colNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

/** One worksheet's XML → grid values and merges. */
export function parseSheet(xml: string, name: string, strings: string[], formats: Array<string | undefined>, date1904: boolean): Grid {
  const start = xml.indexOf("<sheetData");
  if (start < 0) throw new Error("Không thấy dữ liệu trang.");
  const end = xml.indexOf("</sheetData>", start);
  const data = end < 0 ? "" : xml.slice(start, end);
  const values: unknown[][] = [];
  let rowNo = 0;
  for (const rm of data.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = attr(rm[1], "r");
    rowNo = r ? Number(r) : rowNo + 1;
    const out: unknown[] = [];
    let col = 0;
    if (rm[2]) {
      for (const cm of rm[2].matchAll(CELL)) {
        const a = cm[1];
        const ref = attr(a, "r");
        col = ref ? colNumber(ref) : col + 1;
        const inner = cm[2];
        if (!inner) continue;
        const t = attr(a, "t");
        const s = attr(a, "s");
        const fmt = s ? formats[Number(s)] : undefined;
        const vm = inner.match(/<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/);
        const v = vm ? vm[1] : undefined;
        const hasFormula = inner.indexOf("<f") >= 0;
        let value: unknown;
        if (t === "inlineStr") {
          const is = inner.match(/<is>([\s\S]*?)<\/is>/);
          value = is ? runsText(is[1]) : null;
        } else if (v === undefined) {
          if (!hasFormula) continue;
          value = { formula: "", result: undefined };
        } else if (t === "s") {
          value = strings[Number(v)];
          if (value === undefined) throw new Error("Chuỗi dùng chung không có.");
        } else if (t === "str") {
          value = hasFormula ? { formula: "", result: xmlText(v) } : xmlText(v);
        } else if (t === "b") {
          value = hasFormula ? { formula: "", result: v === "1" } : v === "1";
        } else if (t === "e") {
          value = hasFormula ? { formula: "", result: { error: xmlText(v) } } : { error: xmlText(v) };
        } else if (t === "d") {
          value = new Date(v);
        } else {
          const num = parseFloat(v);
          if (hasFormula) value = { formula: "", result: num };
          else if (isDateFormat(fmt)) value = new Date(Math.round((num - 25569 + (date1904 ? 1462 : 0)) * 86400000));
          else value = num;
        }
        const shown = shownValue(value, fmt);
        if (shown === null || shown === undefined) continue;
        while (out.length < col - 1) out.push(null);
        out[col - 1] = shown;
      }
    }
    while (out.length && (out[out.length - 1] === null || out[out.length - 1] === "")) out.pop();
    while (values.length < rowNo - 1) values.push([]);
    values[rowNo - 1] = out;
  }
  while (values.length && values[values.length - 1].length === 0) values.pop();
  const merges: string[] = [];
  const mc = xml.indexOf("<mergeCells", end);
  if (mc >= 0) for (const m of xml.slice(mc).matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)) merges.push(m[1]);
  return { sheet: name, origin: "A1", values, merges };
}

/** All worksheets, given a way to read a part of the package as text. */
export function parseWorkbookParts(partText: (path: string) => string | undefined): Grid[] {
  const wb = partText("xl/workbook.xml");
  const rels = partText("xl/_rels/workbook.xml.rels");
  if (!wb || !rels) throw new Error("Thiếu workbook.xml.");
  const { sheets, date1904 } = parseWorkbook(wb, rels);
  const strings = parseSharedStrings(partText("xl/sharedStrings.xml"));
  const formats = parseCellFormats(partText("xl/styles.xml"));
  const grids: Grid[] = [];
  for (const s of sheets) {
    if (!/worksheets\//.test(s.path)) continue; // chart sheets, dialog sheets
    const xml = partText(s.path);
    if (xml === undefined) throw new Error(`Thiếu phần ${s.path}.`);
    grids.push(parseSheet(xml, s.name, strings, formats, date1904));
  }
  if (grids.length === 0) throw new Error("Không có trang tính nào.");
  return grids;
}
