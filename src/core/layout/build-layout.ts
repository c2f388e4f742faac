/**
 * buildAppendixLayout: indicators + report information + options → the appendix as pure data.
 */
import { statusLabel, type Levels, type Status, type StatusWords, type Vocabulary } from "../evaluation/evaluate";
import { detectStatusStyle, wordsFor } from "../evaluation/vocabulary";
import { verdictReason } from "../evaluation/reason";
import type { GroupRow, IndicatorRow, IndicatorTable, ReportInfo, TableRow } from "../model";
import { formatViNumber } from "../text/numbers";
import { DEFAULT_PRESET, PRESET_NAMES, PRESETS, parsePreset, type Preset } from "./presets";
import { OUTLOOK_COLUMN_TITLE } from "./types";
import { balanceLines, estimateLines, estimateRowHeight, longDate, parseIsoDate, shortDate, toRoman, upperVi } from "./text";
import type {
  AppendixLayout,
  AppendixOptions,
  ColumnKey,
  ColumnTitleKey,
  FontSizes,
  LayoutCell,
  LayoutColumn,
  LayoutRow,
  Margins,
  Merge,
  Orientation,
  PresetName,
  StyleRole,
  TextStyle,
} from "./types";

/** Bad options: the message is Vietnamese and names what is wrong. */
export class LayoutError extends Error {}

export const DEFAULT_TITLE_PREFIX = "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU THEO NGHỊ QUYẾT ĐẠI HỘI";

export const DEFAULT_COLUMN_TITLES = {
  tt: "TT",
  name: "Chỉ tiêu",
  unit: "ĐVT",
  target: "Chỉ tiêu Nghị quyết",
  baseline: "Đầu nhiệm kỳ",
  years: "Thực hiện qua các năm",
  actual: "Kết quả thực hiện",
  status: "Đánh giá",
  note: "Ghi chú",
} as const;

/** Printed widths (mm) of the fixed columns at a 12 pt table font; "name" takes the rest. */
const BASE_WIDTHS: Record<string, number> = {
  tt: 12,
  unit: 22,
  target: 30,
  baseline: 18,
  year: 15,
  actual: 28,
  status: 24,
  note: 28,
};
const MIN_NAME_MM = 60;
const MIN_NAME_HARD_MM = 45;
const MIN_COL_MM = 10;

const A4 = { short: 210, long: 297 };

/**
 * Text composed by the tool from report information (committee, place): NFC, odd spaces to plain,
 * single spaces. Never used for the user's own cells, which are copied as typed (asTyped).
 */
function nfc(s: unknown): string {
  if (s === null || s === undefined) return "";
  return stripControls(String(s).normalize("NFC"))
    .replace(/[\u00A0\u2007\u202F\u2009\u200A\u3000]/g, " ")
    .replace(/[\u200B\uFEFF]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Control characters other than tab and line breaks are not allowed in .xlsx/.docx XML. */
function stripControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, "");
}

/**
 * The user's text exactly as typed: en dashes, double spaces, a leading "- ", line breaks and the
 * Unicode form all kept. Only characters XML cannot carry are dropped; "\r\n" becomes "\n".
 */
export function asTyped(s: unknown): string {
  if (s === null || s === undefined) return "";
  return stripControls(String(s).replace(/\r\n?/g, "\n"));
}

/** Default title from the report information. */
export function defaultTitle(info: ReportInfo): string {
  let committee = nfc(info.committee);
  const place = nfc(info.place);
  if (committee && place && committee.toLowerCase().endsWith(" " + place.toLowerCase())) {
    committee = committee.slice(0, committee.length - place.length).trim();
  }
  let t = DEFAULT_TITLE_PREFIX;
  if (committee) t += " " + upperVi(committee);
  if (info.congress) t += " LẦN THỨ " + upperVi(nfc(info.congress));
  if (info.termStart && info.termEnd) t += `, NHIỆM KỲ ${info.termStart} - ${info.termEnd}`;
  return t;
}

/** Default "(Kèm theo ...)" line in the preset's form; "…" where the information is missing. */
export function defaultKemTheo(info: ReportInfo, style: "party" | "state", documentKind = "Báo cáo"): string {
  const number = nfc(info.reportNumber) || "…";
  const of = nfc(info.issuerShort) || nfc(info.issuer) || "…";
  const ymd = parseIsoDate(info.reportDate);
  if (style === "party") {
    const date = ymd ? shortDate(ymd) : "…/…/…";
    return `(Kèm theo ${documentKind} số ${number}, ngày ${date} của ${of})`;
  }
  const date = ymd ? longDate(ymd) : "ngày … tháng … năm …";
  return `(Kèm theo ${documentKind} số ${number} ${date} của ${of})`;
}

function styleTable(fs: FontSizes): Record<StyleRole, TextStyle> {
  const s = (size: number, extra: Partial<TextStyle> = {}): TextStyle => ({
    size,
    bold: false,
    italic: false,
    underline: false,
    align: "left",
    valign: "middle",
    wrap: true,
    border: false,
    ...extra,
  });
  const cell = (extra: Partial<TextStyle> = {}) => s(fs.body, { border: true, ...extra });
  return {
    party: s(fs.party, { bold: true, align: "center" }),
    issuer: s(fs.issuer, { bold: true, align: "center" }),
    "place-date": s(fs.issuer, { italic: true, align: "center" }),
    "appendix-number": s(fs.appendixNumber, { bold: true, align: "center" }),
    title: s(fs.title, { bold: true, align: "center" }),
    "kem-theo": s(fs.kemTheo, { italic: true, align: "center" }),
    header: s(fs.header, { bold: true, align: "center", border: true }),
    "column-number": s(fs.header, { italic: true, align: "center", border: true }),
    group: cell({ bold: true }),
    "group-minor": cell({ bold: true, italic: true }),
    body: cell(),
    "body-center": cell({ align: "center" }),
    number: cell({ align: "center" }),
    status: cell({ align: "center" }),
    note: cell(),
    "signature-on-behalf": s(fs.signature, { bold: true, align: "center", valign: "top" }),
    "signature-position": s(fs.signature, { align: "center", valign: "top" }),
    "signature-name": s(fs.signature, { bold: true, align: "center", valign: "top" }),
    "recipients-title": s(fs.recipientsTitle, { underline: true, valign: "top", wrap: false }),
    recipients: s(fs.recipients, { valign: "top", wrap: false }),
  };
}

/** A cell value the Vietnamese way: numbers 8.397,5 / 7,8; text exactly as typed. */
export function cellText(v: unknown, decimals = 2): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? formatViNumber(v, { decimals }) : "";
  if (typeof v === "boolean") return v ? "Có" : "Không";
  if (v instanceof Date) return `${v.getDate()}/${v.getMonth() + 1}/${v.getFullYear()}`;
  return asTyped(v);
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A row's cell text for a role as typed, when the reader kept it; else `fallback`. */
function typed(r: TableRow, role: string, fallback: string): string {
  const t = r.texts?.[role];
  return t !== undefined ? asTyped(t) : fallback;
}

/** The name as typed: the kept cell text, else the marker and the parsed name ("- Khu vực dịch vụ"). */
function nameText(r: TableRow): string {
  if (r.texts?.name !== undefined) return asTyped(r.texts.name);
  return r.type === "indicator" && r.marker ? `${r.marker} ${asTyped(r.name)}` : asTyped(r.name);
}

/** Status words settled for the whole appendix. */
interface StatusChoice {
  vocabulary: Vocabulary;
  levels: Levels;
  words: StatusWords;
  /** the chosen vocabulary is the sheet's: a verdict the numbers confirm keeps the row's own spelling */
  sheetWords: boolean;
  source: "computed" | "reported";
}

/**
 * The status cell. Computed by default, in the sheet's words; where the numbers confirm the sheet's
 * verdict exactly, the row's own spelling ("Không đạt"). Where the tool cannot judge, the sheet's
 * own verdict as typed (statusFromSheet), else nothing for a row with neither target nor result.
 */
function statusText(row: IndicatorRow, sc: StatusChoice): { text: string; status?: Status; fromSheet?: boolean } {
  const ownText = typed(row, "status", row.reportedText ?? "");
  if (sc.source === "reported") return { text: ownText, status: row.reported ?? undefined };
  const e = row.evaluation;
  const label = (s: Status) => statusLabel(s, { vocabulary: sc.vocabulary, levels: sc.levels, words: sc.words });
  if (!e) return row.reported ? { text: label(row.reported), status: row.reported } : { text: ownText };
  if (e.status === "not_evaluable") {
    if (!isBlank(row.reportedText)) return { text: ownText, status: row.reported ?? undefined, fromSheet: true };
    if (isBlank(row.targetText) && isBlank(row.actual)) return { text: "", status: e.status };
    return { text: label(e.status), status: e.status };
  }
  const shown: Status = sc.levels === 2 && e.status === "exceeded" ? "met" : e.status;
  if (sc.sheetWords && row.reported === shown && !isBlank(row.reportedText)) return { text: ownText.trim(), status: e.status };
  return { text: label(e.status), status: e.status };
}

function checkMargins(m: Margins): void {
  for (const [k, v] of Object.entries(m)) {
    if (!Number.isFinite(v) || v < 0 || v > 60) throw new LayoutError(`Lề ${MARGIN_NAMES[k as keyof Margins]} phải là số milimét từ 0 đến 60, nhận được "${v}".`);
  }
}
const MARGIN_NAMES: Record<keyof Margins, string> = { top: "trên", bottom: "dưới", left: "trái", right: "phải" };

/** Page, fonts and numbers, checked: bad values throw a LayoutError naming them. */
interface PageChoice {
  presetName: PresetName;
  preset: Preset;
  decimals: number;
  orientation: Orientation;
  fs: FontSizes;
  margins: Margins;
}

/** The preset: the options', else the "Thông tin" sheet's "Thể thức", else DEFAULT_PRESET. */
function choosePreset(info: ReportInfo, opts: AppendixOptions): PresetName {
  if (opts.preset !== undefined) {
    const p = parsePreset(opts.preset);
    if (!p) throw new LayoutError(`Kiểu trình bày "${opts.preset}" không có. Chọn một trong: ${PRESET_NAMES.join(", ")}.`);
    return p;
  }
  return parsePreset(info.layout) ?? DEFAULT_PRESET;
}

function choosePage(info: ReportInfo, opts: AppendixOptions, warnings: string[]): PageChoice {
  const presetName = choosePreset(info, opts);
  const preset = PRESETS[presetName];
  const decimals = opts.decimals ?? 2;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) throw new LayoutError(`Số chữ số thập phân phải là số nguyên từ 0 đến 6, nhận được "${decimals}".`);
  const orientation = opts.orientation ?? "landscape";
  if (orientation !== "landscape" && orientation !== "portrait") throw new LayoutError(`Hướng giấy "${orientation}" không có. Chọn "landscape" (ngang) hoặc "portrait" (dọc).`);
  const fs: FontSizes = { ...preset.fontSizes, ...(opts.fontSizes ?? {}) };
  for (const [k, v] of Object.entries(fs)) {
    if (!Number.isFinite(v) || v < 6 || v > 30) throw new LayoutError(`Cỡ chữ "${k}" phải từ 6 đến 30 pt, nhận được "${v}".`);
  }
  const margins: Margins = { ...preset.marginsMm, ...(opts.marginsMm ?? {}) };
  checkMargins(margins);
  for (const k of Object.keys(margins) as Array<keyof Margins>) {
    const [lo, hi] = preset.marginRangesMm[k];
    if (margins[k] < lo || margins[k] > hi) {
      warnings.push(`Lề ${MARGIN_NAMES[k]} ${formatViNumber(margins[k])} mm nằm ngoài mức ${lo === hi ? `${lo} mm` : `${lo}–${hi} mm`} của ${preset.label}.`);
    }
  }
  if (fs.body < 10) warnings.push(`Cỡ chữ trong bảng ${fs.body} pt nhỏ hơn 10 pt, khó đọc khi in.`);
  return { presetName, preset, decimals, orientation, fs, margins };
}

/** Vocabulary, levels and words: the options', else the sheet's own (detectStatusStyle). */
function chooseStatus(table: IndicatorTable, opts: AppendixOptions): StatusChoice {
  const style = detectStatusStyle(table);
  const vocabulary: Vocabulary = opts.vocabulary ?? style.vocabulary;
  if (vocabulary !== "dat" && vocabulary !== "hoan-thanh") throw new LayoutError(`Cách ghi đánh giá "${vocabulary}" không có. Chọn "dat" hoặc "hoan-thanh".`);
  const levels: Levels = opts.levels ?? style.levels;
  if (levels !== 2 && levels !== 3) throw new LayoutError(`Số mức đánh giá phải là 2 hoặc 3, nhận được "${levels}".`);
  const sheetWords = vocabulary === style.vocabulary;
  const words: StatusWords = { ...wordsFor(style, vocabulary), ...(opts.words ?? {}) };
  return { vocabulary, levels, words, sheetWords: sheetWords && !opts.words, source: opts.statusSource ?? "computed" };
}

interface ColumnSpec {
  key: ColumnKey;
  title: string;
  base: number;
  year?: number;
}

/** Column titles: the options', else the sheet's headers as typed, else the defaults. */
function columnTitles(table: IndicatorTable, opts: AppendixOptions): Record<ColumnTitleKey, string> {
  const titles: Record<ColumnTitleKey, string> = { ...DEFAULT_COLUMN_TITLES };
  for (const k of Object.keys(titles) as ColumnTitleKey[]) {
    const fromSheet = table.headers?.[k];
    if (fromSheet !== undefined && fromSheet.trim() !== "") titles[k] = asTyped(fromSheet);
    const fromOpts = opts.columnTitles?.[k];
    if (fromOpts !== undefined && fromOpts.trim() !== "") titles[k] = asTyped(fromOpts);
  }
  return titles;
}

function columnSpecs(table: IndicatorTable, info: ReportInfo, opts: AppendixOptions, sc: StatusChoice, years: number[]): ColumnSpec[] {
  const titles = columnTitles(table, opts);
  const colOpts = opts.columns ?? {};
  const baselineYear = opts.baselineYear ?? info.termStart;
  const specs: ColumnSpec[] = [
    { key: "tt", title: titles.tt, base: BASE_WIDTHS.tt },
    { key: "name", title: titles.name, base: 0 },
    { key: "unit", title: titles.unit, base: BASE_WIDTHS.unit },
    { key: "target", title: titles.target, base: BASE_WIDTHS.target },
  ];
  if (colOpts.baseline) {
    const own = opts.columnTitles?.baseline ?? table.headers?.baseline;
    const t = own ? asTyped(own) : baselineYear ? `${titles.baseline} (${baselineYear})` : titles.baseline;
    specs.push({ key: "baseline", title: t, base: BASE_WIDTHS.baseline, year: baselineYear });
  }
  for (const y of years) specs.push({ key: `year:${y}`, title: asTyped(table.headers?.[`year:${y}`] ?? `Năm ${y}`), base: BASE_WIDTHS.year, year: y });
  specs.push({ key: "actual", title: titles.actual, base: BASE_WIDTHS.actual });
  // "Chưa hoàn thành" / "Hoàn thành vượt" need a wider column than "Chưa đạt"
  const longest = Math.max(...(["exceeded", "met", "not_met"] as Status[]).map((s) => statusLabel(s, sc).length));
  specs.push({ key: "status", title: titles.status, base: longest > 9 ? 30 : BASE_WIDTHS.status });
  if (colOpts.note) specs.push({ key: "note", title: titles.note, base: BASE_WIDTHS.note });
  if (opts.outlook) specs.push({ key: "outlook", title: opts.outlook.title ?? OUTLOOK_COLUMN_TITLE, base: 40 });
  return specs;
}

/** Widths: fixed columns at the table font, scaled down when the name column would fall under its minimum. */
function sizeColumns(specs: ColumnSpec[], printable: number, fs: FontSizes): LayoutColumn[] {
  const scaleFont = fs.body / 12;
  const fixed = specs.filter((c) => c.key !== "name").reduce((a, c) => a + c.base * scaleFont, 0);
  let factor = 1;
  if (printable - fixed < MIN_NAME_MM) factor = Math.max(0.1, (printable - MIN_NAME_MM) / fixed);
  const round1 = (x: number) => Math.floor(x * 10 + 1e-9) / 10;
  const columns: LayoutColumn[] = specs.map((c) => {
    const col: LayoutColumn = { key: c.key, title: c.title, widthMm: c.key === "name" ? 0 : round1(Math.max(MIN_COL_MM, c.base * scaleFont * factor)) };
    if (c.year !== undefined) col.year = c.year;
    return col;
  });
  const nameCol = columns.find((c) => c.key === "name")!;
  // the name column takes what is left; below MIN_NAME_MM only when the minimum widths of the others force it
  nameCol.widthMm = round1(Math.max(MIN_NAME_HARD_MM, printable - columns.reduce((a, c) => a + c.widthMm, 0)));
  return columns;
}

/** What the blocks below share: columns, styles, measuring, the status choice. */
interface Ctx {
  table: IndicatorTable;
  info: ReportInfo;
  opts: AppendixOptions;
  page: PageChoice;
  sc: StatusChoice;
  columns: LayoutColumn[];
  years: number[];
  styles: Record<StyleRole, TextStyle>;
  totalW: number;
  warnings: string[];
}

const spanWidth = (ctx: Ctx, col: number, span = 1) => ctx.columns.slice(col, col + span).reduce((a, c) => a + c.widthMm, 0);

/** Estimated height of a row of cells (cells spanning rows are measured by their caller). */
function rowHeight(ctx: Ctx, cells: LayoutCell[], min = 0): number {
  let h = min;
  for (const c of cells) {
    if ((c.rowSpan ?? 1) > 1) continue;
    const st = ctx.styles[c.role];
    const w = spanWidth(ctx, c.col, c.colSpan ?? 1) - (c.indent ? 3 * c.indent : 0);
    h = Math.max(h, estimateRowHeight(c.text, w, st.size, { bold: st.bold }));
  }
  return h;
}

function fullWidth(ctx: Ctx, text: string, role: StyleRole): LayoutCell {
  const n = ctx.columns.length;
  return n > 1 ? { col: 0, text, role, colSpan: n } : { col: 0, text, role };
}

/** Two-sided blocks (party header, signature): left = TT + Chỉ tiêu, right = the rest. */
function twoSided(ctx: Ctx, left: Omit<LayoutCell, "col">, right: Omit<LayoutCell, "col">): LayoutCell[] {
  const n = ctx.columns.length;
  const leftSpan = Math.min(2, n - 1);
  const rightSpan = n - leftSpan;
  return [
    { ...left, col: 0, ...(leftSpan > 1 ? { colSpan: leftSpan } : {}) },
    { ...right, col: leftSpan, ...(rightSpan > 1 ? { colSpan: rightSpan } : {}) },
  ];
}

/** "ĐẢNG CỘNG SẢN VIỆT NAM" / the issuer, "*" / place and date (opts.partyHeader). */
function partyHeaderRows(ctx: Ctx): LayoutRow[] {
  const { preset } = ctx.page;
  const info = ctx.info;
  const issuer = nfc(info.issuer);
  const rightTop = preset.partyLine ? "ĐẢNG CỘNG SẢN VIỆT NAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  const r1 = twoSided(ctx, { text: issuer ? upperVi(issuer) : "", role: "issuer" }, { text: rightTop, role: "party" });
  const ymd = parseIsoDate(info.reportDate);
  const placeDate = nfc(info.place) && ymd ? `${nfc(info.place)}, ${longDate(ymd)}` : "";
  const rightBottom = preset.partyLine ? placeDate : "Độc lập - Tự do - Hạnh phúc";
  const r2 = twoSided(ctx, { text: preset.partyLine ? "*" : "", role: "issuer" }, { text: rightBottom, role: preset.partyLine ? "place-date" : "issuer" });
  return [
    { section: "title", kind: "party", cells: r1, heightPt: rowHeight(ctx, r1) },
    { section: "title", kind: "party", cells: r2, heightPt: rowHeight(ctx, r2) },
    { section: "title", kind: "spacer", cells: [], heightPt: 10 },
  ];
}

/** The title: the options', the "Thông tin" sheet's, the title block's (all as typed), else composed. */
function chooseTitle(ctx: Ctx): { title: string; composed: boolean } {
  const { opts, info, table } = ctx;
  for (const t of [opts.title, info.appendixTitle, table.title]) if (t !== undefined && t.trim() !== "") return { title: asTyped(t), composed: false };
  if (!nfc(info.committee) || !info.congress || !info.termStart || !info.termEnd) {
    ctx.warnings.push('Thiếu đảng bộ, đại hội lần thứ hoặc nhiệm kỳ (trang "Thông tin"): tiêu đề phụ lục chưa đủ; có thể ghi tiêu đề riêng.');
  }
  return { title: defaultTitle(info), composed: true };
}

/** The "(Kèm theo ...)" line: the options', the "Thông tin" sheet's, the title block's, else composed. */
function chooseKemTheo(ctx: Ctx): string {
  const { opts, info, table } = ctx;
  if (opts.kemTheo !== undefined) {
    const k = asTyped(opts.kemTheo);
    return k.trim() === "" ? "" : k.trim().startsWith("(") ? k : `(${k})`;
  }
  for (const t of [info.kemTheo, table.titleBlock?.kemTheo]) if (t !== undefined && t.trim() !== "") return asTyped(t);
  const missing = [
    !nfc(info.reportNumber) && "số báo cáo",
    !parseIsoDate(info.reportDate) && "ngày báo cáo",
    !nfc(info.issuerShort) && !nfc(info.issuer) && "cơ quan ban hành",
  ].filter(Boolean);
  if (missing.length) ctx.warnings.push(`Chưa có ${missing.join(", ")} (trang "Thông tin"): dòng "Kèm theo" để trống chỗ "…".`);
  return defaultKemTheo(info, ctx.page.preset.kemTheoStyle, opts.documentKind ?? "Báo cáo");
}

/** Rows above the table: party header, "Phụ lục n", the title in balanced lines, "(Kèm theo ...)". */
function titleBlock(ctx: Ctx): { rows: LayoutRow[]; appendixLabel: string; title: string; kemTheo: string } {
  const rows: LayoutRow[] = ctx.opts.partyHeader ? partyHeaderRows(ctx) : [];
  const n = ctx.opts.appendixNumber === undefined ? 1 : ctx.opts.appendixNumber;
  if (n !== null && (!Number.isInteger(n) || n < 1)) throw new LayoutError(`Số phụ lục phải là số nguyên dương, nhận được "${n}".`);
  const appendixLabel = n === null ? "" : `Phụ lục ${ctx.page.preset.numbering === "roman" ? toRoman(n) : n}`;
  if (appendixLabel) {
    const c = [fullWidth(ctx, appendixLabel, "appendix-number")];
    rows.push({ section: "title", kind: "appendix-number", cells: c, heightPt: rowHeight(ctx, c) });
  }
  const { title, composed } = chooseTitle(ctx);
  const st = ctx.styles.title;
  // the user's title is written as typed (the cell wraps it); the composed one is set like the
  // printed title: balanced lines no wider than 60% of the table, or 140 mm when that is narrower
  const lineWidth = Math.max(ctx.totalW * 0.6, Math.min(ctx.totalW * 0.9, 140));
  const text = composed ? balanceLines(title, estimateLines(title, lineWidth, st.size, true)).join("\n") : title;
  const tc = [fullWidth(ctx, text, "title")];
  rows.push({ section: "title", kind: "title", cells: tc, heightPt: estimateRowHeight(text, ctx.totalW, st.size, { bold: true }) });
  const kemTheo = chooseKemTheo(ctx);
  if (kemTheo) {
    const c = [fullWidth(ctx, kemTheo, "kem-theo")];
    rows.push({ section: "title", kind: "kem-theo", cells: c, heightPt: rowHeight(ctx, c) });
  }
  rows.push({ section: "title", kind: "spacer", cells: [], heightPt: 10 });
  return { rows, appendixLabel, title, kemTheo };
}

/** Header rows: one, or two when year columns sit under a "Thực hiện qua các năm" group; "(1) (2)" row. */
function headerBlock(ctx: Ctx): LayoutRow[] {
  const { columns, years, opts } = ctx;
  const rows: LayoutRow[] = [];
  const colIndex = (k: ColumnKey) => columns.findIndex((c) => c.key === k);
  if (years.length) {
    const firstYearCol = colIndex(`year:${years[0]}`);
    const groupStart = opts.columns?.baseline ? colIndex("baseline") : firstYearCol;
    const groupEnd = firstYearCol + years.length - 1;
    const groupTitle = columnTitles(ctx.table, opts).years;
    const top: LayoutCell[] = [];
    const bottom: LayoutCell[] = [];
    columns.forEach((c, i) => {
      if (i < groupStart || i > groupEnd) top.push({ col: i, text: c.title, role: "header", rowSpan: 2 });
      else {
        if (i === groupStart) top.push({ col: i, text: groupTitle, role: "header", ...(groupEnd > groupStart ? { colSpan: groupEnd - groupStart + 1 } : {}) });
        bottom.push({ col: i, text: c.title, role: "header" });
      }
    });
    const h1 = rowHeight(ctx, top);
    // a two-row cell may need more than both rows give
    const spanned = rowHeight(ctx, top.filter((c) => c.rowSpan === 2).map((c) => ({ ...c, rowSpan: 1 })));
    rows.push({ section: "header", kind: "header", cells: top, heightPt: h1 });
    rows.push({ section: "header", kind: "header", cells: bottom, heightPt: Math.max(rowHeight(ctx, bottom), spanned - h1) });
  } else {
    const cells = columns.map((c, i): LayoutCell => ({ col: i, text: c.title, role: "header" }));
    rows.push({ section: "header", kind: "header", cells, heightPt: rowHeight(ctx, cells) });
  }
  if (opts.columns?.columnNumbers) {
    const cells = columns.map((_, i): LayoutCell => ({ col: i, text: `(${i + 1})`, role: "column-number" }));
    rows.push({ section: "header", kind: "column-numbers", cells, heightPt: rowHeight(ctx, cells) });
  }
  return rows;
}

function groupRow(ctx: Ctx, r: GroupRow): LayoutRow {
  const role: StyleRole = r.level >= 2 ? "group-minor" : "group";
  const cells = ctx.columns.map((c, i): LayoutCell => {
    if (c.key === "tt") return { col: i, text: typed(r, "tt", asTyped(r.tt)), role, align: "center" };
    if (c.key === "name") return { col: i, text: nameText(r), role };
    return { col: i, text: "", role };
  });
  return { section: "body", kind: r.level <= 0 ? "group-0" : r.level === 1 ? "group-1" : "group-2", cells, heightPt: rowHeight(ctx, cells), sourceRow: r.row };
}

/** A result or yearly value: the cell as typed when it was text, else the number the Vietnamese way. */
function valueText(r: IndicatorRow, role: string, v: unknown, decimals: number): string {
  return typeof v === "number" ? cellText(v, decimals) : typed(r, role, cellText(v, decimals));
}

function indicatorRow(ctx: Ctx, r: IndicatorRow): LayoutRow {
  const st = statusText(r, ctx.sc);
  const d = ctx.page.decimals;
  const cells = ctx.columns.map((c, i): LayoutCell => {
    switch (c.key) {
      case "tt":
        return { col: i, text: typed(r, "tt", asTyped(r.tt)), role: "body-center" };
      case "name":
        return r.marker ? { col: i, text: nameText(r), role: "body", indent: 1 } : { col: i, text: nameText(r), role: "body" };
      case "unit":
        return { col: i, text: typed(r, "unit", asTyped(r.unit)), role: "body-center" };
      case "target":
        return { col: i, text: typed(r, "target", asTyped(r.targetText)), role: "body-center" };
      case "baseline":
        return { col: i, text: valueText(r, "baseline", r.baseline, d), role: "number" };
      case "actual":
        return { col: i, text: r.actualSource === "given" ? valueText(r, "actual", r.actual, d) : cellText(r.actual, d), role: "number" };
      case "status":
        return { col: i, text: st.text, role: "status" };
      case "note":
        return { col: i, text: typed(r, "note", asTyped(r.note)), role: "note" };
      case "outlook":
        return { col: i, text: asTyped(ctx.opts.outlook?.texts[r.row]), role: "note" };
      default:
        return { col: i, text: valueText(r, c.key, r.years?.[c.year!], d), role: "number" };
    }
  });
  const row: LayoutRow = { section: "body", kind: r.marker ? "sub" : "indicator", cells, heightPt: rowHeight(ctx, cells), sourceRow: r.row };
  if (st.status) row.status = st.status;
  if (st.fromSheet) row.statusFromSheet = true;
  // the reason of a verdict the engine gave (not the sheet's word kept as typed)
  if (st.text && !st.fromSheet && ctx.sc.source !== "reported" && r.evaluation) row.reason = verdictReason(r.evaluation);
  return row;
}

/** Signature block and "Nơi nhận", side by side. */
function footBlock(ctx: Ctx): LayoutRow[] {
  const { opts, info } = ctx;
  const { preset } = ctx.page;
  const sigOpt = opts.signature;
  const recOpt = opts.recipients;
  if (!sigOpt && !recOpt) return [];
  const short = nfc(info.issuerShort) || (preset.partyLine ? "Thành ủy" : "Ủy ban nhân dân");
  const sig = typeof sigOpt === "object" ? sigOpt : {};
  const sigLines: Array<[string, StyleRole]> = sigOpt
    ? [
        // Party: "T/M THÀNH ỦY" / "BÍ THƯ"; state (NĐ 30/2020): "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"
        [asTyped(sig.onBehalf) || (preset.partyLine ? `T/M ${upperVi(short)}` : `TM. ${upperVi(short)}`), "signature-on-behalf"],
        [asTyped(sig.position) || (preset.partyLine ? "BÍ THƯ" : "CHỦ TỊCH"), "signature-position"],
        ["", "signature-position"],
        ["", "signature-position"],
        ["", "signature-position"],
        [asTyped(sig.name), "signature-name"],
      ]
    : [];
  const recList = Array.isArray(recOpt) ? recOpt.map(asTyped) : recOpt ? ["- Như trên,", "- Lưu Văn phòng."] : [];
  const recLines: Array<[string, StyleRole]> = recOpt ? [["Nơi nhận:", "recipients-title"], ...recList.map((t): [string, StyleRole] => [t, "recipients"])] : [];
  const rows: LayoutRow[] = [{ section: "foot", kind: "spacer", cells: [], heightPt: 10 }];
  for (let i = 0; i < Math.max(sigLines.length, recLines.length); i++) {
    const left = recLines[i] ?? ["", "recipients"];
    const right = sigLines[i] ?? ["", "signature-position"];
    const cells = twoSided(ctx, { text: left[0], role: left[1] }, { text: right[0], role: right[1] });
    rows.push({ section: "foot", kind: "signature", cells, heightPt: Math.max(rowHeight(ctx, cells), 18) });
  }
  return rows;
}

function mergesOf(rows: LayoutRow[]): Merge[] {
  const merges: Merge[] = [];
  rows.forEach((r, ri) => {
    for (const c of r.cells) {
      const rs = c.rowSpan ?? 1;
      const cs = c.colSpan ?? 1;
      if (rs > 1 || cs > 1) merges.push({ row: ri, col: c.col, rowSpan: rs, colSpan: cs });
    }
  });
  return merges;
}

function yearsShown(table: IndicatorTable, opts: AppendixOptions): number[] {
  const y = opts.columns?.years;
  const years = y === true ? [...table.years] : Array.isArray(y) ? [...y] : [];
  for (const v of years) if (!Number.isInteger(v) || v < 1900 || v > 2100) throw new LayoutError(`Năm "${v}" của cột năm không hợp lệ.`);
  return years;
}

/**
 * The appendix as data. Defaults come from the source sheet: its column titles and status words as
 * typed, its title and "Kèm theo" line (Thông tin sheet or title block), its cells' text exactly;
 * every option overrides the matching default.
 */
export function buildAppendixLayout(table: IndicatorTable, info: ReportInfo = table.info ?? {}, opts: AppendixOptions = {}): AppendixLayout {
  const warnings: string[] = [];
  const page = choosePage(info, opts, warnings);
  const sc = chooseStatus(table, opts);
  const pageW = page.orientation === "landscape" ? A4.long : A4.short;
  const pageH = page.orientation === "landscape" ? A4.short : A4.long;
  const printable = pageW - page.margins.left - page.margins.right;
  const years = yearsShown(table, opts);
  const columns = sizeColumns(columnSpecs(table, info, opts, sc, years), printable, page.fs);
  const totalW = columns.reduce((a, c) => a + c.widthMm, 0);
  if (totalW > printable + 0.05) {
    const advice = page.orientation === "portrait" ? "nên chọn giấy ngang hoặc bớt cột" : "nên bớt cột năm hoặc cột ghi chú";
    warnings.push(`Bảng rộng ${formatViNumber(totalW, { decimals: 0 })} mm, hơn khổ in ${formatViNumber(printable, { decimals: 0 })} mm: bản in được thu nhỏ cho vừa trang; ${advice}.`);
  }
  const ctx: Ctx = { table, info, opts, page, sc, columns, years, styles: styleTable(page.fs), totalW, warnings };
  const head = titleBlock(ctx);
  const rows: LayoutRow[] = [...head.rows];
  const headerFirst = rows.length;
  rows.push(...headerBlock(ctx));
  const headerCount = rows.length - headerFirst;
  for (const r of table.rows) rows.push(r.type === "group" ? groupRow(ctx, r) : indicatorRow(ctx, r));
  const tableLast = rows.length - 1;
  rows.push(...footBlock(ctx));
  const m = page.margins;
  return {
    preset: page.presetName,
    presetLabel: page.preset.label,
    fontName: opts.fontName ?? "Times New Roman",
    page: {
      paper: "A4",
      orientation: page.orientation,
      widthMm: pageW,
      heightMm: pageH,
      marginsMm: m,
      headerMm: Math.min(page.preset.pageNumberFromTopMm, m.top / 2),
      footerMm: Math.min(10, m.bottom / 2),
      pageNumbers: { position: page.preset.pageNumbers.position, firstPage: page.preset.pageNumbers.firstPage, size: page.fs.pageNumber },
      fitToWidth: true,
      centerHorizontally: true,
    },
    styles: ctx.styles,
    columns,
    rows,
    merges: mergesOf(rows),
    headerRows: { first: headerFirst, count: headerCount },
    tableRows: { first: headerFirst, last: tableLast },
    appendixLabel: head.appendixLabel,
    title: head.title,
    kemTheo: head.kemTheo,
    vocabulary: sc.vocabulary,
    levels: sc.levels,
    words: sc.words,
    warnings,
  };
}
