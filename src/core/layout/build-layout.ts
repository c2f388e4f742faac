/**
 * buildAppendixLayout: indicators + report information + options → the appendix as pure data.
 */
import { statusLabel, type Status, type Vocabulary } from "../evaluation/evaluate";
import type { IndicatorRow, IndicatorTable, ReportInfo, TableRow } from "../model";
import { formatViNumber } from "../text/numbers";
import { PRESETS, parsePreset } from "./presets";
import { OUTLOOK_COLUMN_TITLE } from "./types";
import { balanceLines, estimateLines, estimateRowHeight, longDate, parseIsoDate, shortDate, toRoman, upperVi } from "./text";
import type {
  AppendixLayout,
  AppendixOptions,
  ColumnKey,
  FontSizes,
  LayoutCell,
  LayoutColumn,
  LayoutRow,
  Margins,
  Merge,
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

/** Text as written: NFC, odd spaces to plain, single spaces; dashes and quotes kept as typed. */
function nfc(s: unknown): string {
  if (s === null || s === undefined) return "";
  return String(s)
    .normalize("NFC")
    .replace(/[\u00A0\u2007\u202F\u2009\u200A\u3000]/g, " ")
    .replace(/[\u200B\uFEFF]/g, "")
    // control characters are not allowed in .xlsx/.docx XML
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .replace(/\s+/g, " ")
    .trim();
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

/** A cell value the Vietnamese way: numbers 8.397,5 / 7,8; text as written (NFC, single spaces). */
export function cellText(v: unknown, decimals = 2): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? formatViNumber(v, { decimals }) : "";
  if (typeof v === "boolean") return v ? "Có" : "Không";
  if (v instanceof Date) return `${v.getDate()}/${v.getMonth() + 1}/${v.getFullYear()}`;
  return nfc(v);
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function statusText(row: IndicatorRow, vocabulary: Vocabulary, levels: 2 | 3, source: "computed" | "reported"): { text: string; status?: Status } {
  if (source === "reported") return { text: nfc(row.reportedText), status: row.reported ?? undefined };
  const e = row.evaluation;
  if (e) {
    if (e.status === "not_evaluable" && isBlank(row.targetText) && isBlank(row.actual)) return { text: "", status: e.status };
    return { text: statusLabel(e.status, { vocabulary, levels }), status: e.status };
  }
  if (row.reported) return { text: statusLabel(row.reported, { vocabulary, levels }), status: row.reported };
  return { text: nfc(row.reportedText) };
}

function checkMargins(m: Margins): void {
  for (const [k, v] of Object.entries(m)) {
    if (!Number.isFinite(v) || v < 0 || v > 60) throw new LayoutError(`Lề ${MARGIN_NAMES[k as keyof Margins]} phải là số milimét từ 0 đến 60, nhận được "${v}".`);
  }
}
const MARGIN_NAMES: Record<keyof Margins, string> = { top: "trên", bottom: "dưới", left: "trái", right: "phải" };

export function buildAppendixLayout(table: IndicatorTable, info: ReportInfo = table.info ?? {}, opts: AppendixOptions = {}): AppendixLayout {
  const presetName = opts.preset ?? "dang-2026";
  if (!parsePreset(presetName)) throw new LayoutError(`Kiểu trình bày "${presetName}" không có. Chọn một trong: dang-2026, dang-2018, nha-nuoc.`);
  const preset = PRESETS[presetName];
  const vocabulary: Vocabulary = opts.vocabulary ?? "dat";
  if (vocabulary !== "dat" && vocabulary !== "hoan-thanh") throw new LayoutError(`Cách ghi đánh giá "${vocabulary}" không có. Chọn "dat" hoặc "hoan-thanh".`);
  const levels = opts.levels ?? 3;
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
  const warnings: string[] = [];
  for (const k of Object.keys(margins) as Array<keyof Margins>) {
    const [lo, hi] = preset.marginRangesMm[k];
    if (margins[k] < lo || margins[k] > hi) {
      warnings.push(`Lề ${MARGIN_NAMES[k]} ${formatViNumber(margins[k])} mm nằm ngoài mức ${lo === hi ? `${lo} mm` : `${lo}–${hi} mm`} của ${preset.label}.`);
    }
  }
  if (fs.body < 10) warnings.push(`Cỡ chữ trong bảng ${fs.body} pt nhỏ hơn 10 pt, khó đọc khi in.`);

  const pageW = orientation === "landscape" ? A4.long : A4.short;
  const pageH = orientation === "landscape" ? A4.short : A4.long;
  const printable = pageW - margins.left - margins.right;

  // ---- columns
  const titles = { ...DEFAULT_COLUMN_TITLES, ...(opts.columnTitles ?? {}) };
  const colOpts = opts.columns ?? {};
  let years: number[] = [];
  if (colOpts.years === true) years = [...table.years];
  else if (Array.isArray(colOpts.years)) years = [...colOpts.years];
  for (const y of years) if (!Number.isInteger(y) || y < 1900 || y > 2100) throw new LayoutError(`Năm "${y}" của cột năm không hợp lệ.`);
  const baselineYear = opts.baselineYear ?? info.termStart;
  const specs: Array<{ key: ColumnKey; title: string; base: number; year?: number }> = [
    { key: "tt", title: titles.tt, base: BASE_WIDTHS.tt },
    { key: "name", title: titles.name, base: 0 },
    { key: "unit", title: titles.unit, base: BASE_WIDTHS.unit },
    { key: "target", title: titles.target, base: BASE_WIDTHS.target },
  ];
  if (colOpts.baseline) {
    const t = opts.columnTitles?.baseline ?? (baselineYear ? `${titles.baseline} (${baselineYear})` : titles.baseline);
    specs.push({ key: "baseline", title: t, base: BASE_WIDTHS.baseline, year: baselineYear });
  }
  for (const y of years) specs.push({ key: `year:${y}`, title: `Năm ${y}`, base: BASE_WIDTHS.year, year: y });
  specs.push({ key: "actual", title: titles.actual, base: BASE_WIDTHS.actual });
  // "Chưa hoàn thành" / "Hoàn thành vượt" need a wider column than "Chưa đạt"
  specs.push({ key: "status", title: titles.status, base: vocabulary === "hoan-thanh" ? 30 : BASE_WIDTHS.status });
  if (colOpts.note) specs.push({ key: "note", title: titles.note, base: BASE_WIDTHS.note });
  if (opts.outlook) specs.push({ key: "outlook", title: opts.outlook.title ?? OUTLOOK_COLUMN_TITLE, base: 40 });
  const scaleFont = fs.body / 12;
  const fixed = specs.filter((c) => c.key !== "name").reduce((a, c) => a + c.base * scaleFont, 0);
  let factor = 1;
  let nameW = printable - fixed;
  if (nameW < MIN_NAME_MM) {
    factor = Math.max(0.1, (printable - MIN_NAME_MM) / fixed);
    nameW = MIN_NAME_MM;
  }
  const round1 = (x: number) => Math.floor(x * 10 + 1e-9) / 10;
  const columns: LayoutColumn[] = specs.map((c) => {
    const col: LayoutColumn = {
      key: c.key,
      title: nfc(c.title),
      widthMm: c.key === "name" ? 0 : round1(Math.max(MIN_COL_MM, c.base * scaleFont * factor)),
    };
    if (c.year !== undefined) col.year = c.year;
    return col;
  });
  const nameCol = columns.find((c) => c.key === "name")!;
  // the name column takes what is left; below MIN_NAME_MM only when the minimum widths of the others force it
  nameCol.widthMm = round1(Math.max(MIN_NAME_HARD_MM, printable - columns.reduce((a, c) => a + c.widthMm, 0)));
  const totalW = columns.reduce((a, c) => a + c.widthMm, 0);
  if (totalW > printable + 0.05) {
    const advice = orientation === "portrait" ? "nên chọn giấy ngang hoặc bớt cột" : "nên bớt cột năm hoặc cột ghi chú";
    warnings.push(`Bảng rộng ${formatViNumber(totalW, { decimals: 0 })} mm, hơn khổ in ${formatViNumber(printable, { decimals: 0 })} mm: bản in được thu nhỏ cho vừa trang; ${advice}.`);
  }
  const nCols = columns.length;
  const colIndex = (k: ColumnKey) => columns.findIndex((c) => c.key === k);
  const spanWidth = (col: number, span = 1) => columns.slice(col, col + span).reduce((a, c) => a + c.widthMm, 0);

  const styles = styleTable(fs);
  const rows: LayoutRow[] = [];
  const height = (cells: LayoutCell[], min = 0) => {
    let h = min;
    for (const c of cells) {
      if ((c.rowSpan ?? 1) > 1) continue;
      const st = styles[c.role];
      const w = spanWidth(c.col, c.colSpan ?? 1) - (c.indent ? 3 * c.indent : 0);
      h = Math.max(h, estimateRowHeight(c.text, w, st.size, { bold: st.bold }));
    }
    return h;
  };
  const full = (text: string, role: StyleRole): LayoutCell => (nCols > 1 ? { col: 0, text, role, colSpan: nCols } : { col: 0, text, role });

  // ---- split for the two-sided blocks (party header, signature): left = TT + Chỉ tiêu
  const leftSpan = Math.min(2, nCols - 1);
  const rightCol = leftSpan;
  const rightSpan = nCols - leftSpan;
  const twoSided = (left: LayoutCell, right: LayoutCell): LayoutCell[] => [
    { ...left, col: 0, ...(leftSpan > 1 ? { colSpan: leftSpan } : {}) },
    { ...right, col: rightCol, ...(rightSpan > 1 ? { colSpan: rightSpan } : {}) },
  ];

  // ---- title block
  const issuer = nfc(info.issuer);
  if (opts.partyHeader) {
    const rightTop = preset.partyLine ? "ĐẢNG CỘNG SẢN VIỆT NAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    const r1 = twoSided({ col: 0, text: issuer ? upperVi(issuer) : "", role: "issuer" }, { col: 0, text: rightTop, role: "party" });
    rows.push({ section: "title", kind: "party", cells: r1, heightPt: height(r1) });
    const ymd = parseIsoDate(info.reportDate);
    const placeDate = nfc(info.place) && ymd ? `${nfc(info.place)}, ${longDate(ymd)}` : "";
    const rightBottom = preset.partyLine ? placeDate : "Độc lập - Tự do - Hạnh phúc";
    const r2 = twoSided({ col: 0, text: preset.partyLine ? "*" : "", role: "issuer" }, { col: 0, text: rightBottom, role: preset.partyLine ? "place-date" : "issuer" });
    rows.push({ section: "title", kind: "party", cells: r2, heightPt: height(r2) });
    rows.push({ section: "title", kind: "spacer", cells: [], heightPt: 10 });
  }
  const n = opts.appendixNumber === undefined ? 1 : opts.appendixNumber;
  if (n !== null && (!Number.isInteger(n) || n < 1)) throw new LayoutError(`Số phụ lục phải là số nguyên dương, nhận được "${n}".`);
  const appendixLabel = n === null ? "" : `Phụ lục ${preset.numbering === "roman" ? toRoman(n) : n}`;
  if (appendixLabel) {
    const c = [full(appendixLabel, "appendix-number")];
    rows.push({ section: "title", kind: "appendix-number", cells: c, heightPt: height(c) });
  }
  const title = opts.title !== undefined && opts.title.trim() !== "" ? upperVi(nfc(opts.title)) : defaultTitle(info);
  if (!(opts.title ?? "").trim() && (!nfc(info.committee) || !info.congress || !info.termStart || !info.termEnd)) {
    warnings.push('Thiếu đảng bộ, đại hội lần thứ hoặc nhiệm kỳ (trang "Thông tin"): tiêu đề phụ lục chưa đủ; có thể ghi tiêu đề riêng.');
  }
  {
    // set like the printed title: balanced lines, centred
    const st = styles.title;
    // lines no wider than 60% of the table, or 140 mm when that is narrower (portrait pages)
    const lineWidth = Math.max(totalW * 0.6, Math.min(totalW * 0.9, 140));
    const lines = estimateLines(title, lineWidth, st.size, true);
    const text = balanceLines(title, lines).join("\n");
    const c = [full(text, "title")];
    rows.push({ section: "title", kind: "title", cells: c, heightPt: estimateRowHeight(text, totalW, st.size, { bold: true }) });
  }
  let kemTheo: string;
  if (opts.kemTheo !== undefined) {
    const k = nfc(opts.kemTheo);
    kemTheo = k === "" ? "" : k.startsWith("(") ? k : `(${k})`;
  } else {
    kemTheo = defaultKemTheo(info, preset.kemTheoStyle, opts.documentKind ?? "Báo cáo");
    const missing = [
      !nfc(info.reportNumber) && "số báo cáo",
      !parseIsoDate(info.reportDate) && "ngày báo cáo",
      !nfc(info.issuerShort) && !nfc(info.issuer) && "cơ quan ban hành",
    ].filter(Boolean);
    if (missing.length) warnings.push(`Chưa có ${missing.join(", ")} (trang "Thông tin"): dòng "Kèm theo" để trống chỗ "…".`);
  }
  if (kemTheo) {
    const c = [full(kemTheo, "kem-theo")];
    rows.push({ section: "title", kind: "kem-theo", cells: c, heightPt: height(c) });
  }
  rows.push({ section: "title", kind: "spacer", cells: [], heightPt: 10 });

  // ---- header
  const headerFirst = rows.length;
  const firstYearCol = years.length ? colIndex(`year:${years[0]}`) : -1;
  const groupStart = years.length ? (colOpts.baseline ? colIndex("baseline") : firstYearCol) : -1;
  const groupEnd = years.length ? firstYearCol + years.length - 1 : -1;
  if (years.length) {
    const top: LayoutCell[] = [];
    const bottom: LayoutCell[] = [];
    columns.forEach((c, i) => {
      if (i < groupStart || i > groupEnd) top.push({ col: i, text: c.title, role: "header", rowSpan: 2 });
      else {
        if (i === groupStart) top.push({ col: i, text: nfc(titles.years), role: "header", ...(groupEnd > groupStart ? { colSpan: groupEnd - groupStart + 1 } : {}) });
        bottom.push({ col: i, text: c.title, role: "header" });
      }
    });
    const h1 = height(top);
    const h2 = height(bottom);
    // a two-row cell may need more than both rows give
    const spanned = height(top.filter((c) => c.rowSpan === 2).map((c) => ({ ...c, rowSpan: 1 })));
    rows.push({ section: "header", kind: "header", cells: top, heightPt: h1 });
    rows.push({ section: "header", kind: "header", cells: bottom, heightPt: Math.max(h2, spanned - h1) });
  } else {
    const cells = columns.map((c, i): LayoutCell => ({ col: i, text: c.title, role: "header" }));
    rows.push({ section: "header", kind: "header", cells, heightPt: height(cells) });
  }
  if (colOpts.columnNumbers) {
    const cells = columns.map((_, i): LayoutCell => ({ col: i, text: `(${i + 1})`, role: "column-number" }));
    rows.push({ section: "header", kind: "column-numbers", cells, heightPt: height(cells) });
  }
  const headerCount = rows.length - headerFirst;

  // ---- body
  for (const r of table.rows) rows.push(bodyRow(r));
  function bodyRow(r: TableRow): LayoutRow {
    if (r.type === "group") {
      const role: StyleRole = r.level >= 2 ? "group-minor" : "group";
      const cells = columns.map((c, i): LayoutCell => {
        if (c.key === "tt") return { col: i, text: nfc(r.tt), role, align: "center" };
        if (c.key === "name") return { col: i, text: nfc(r.name), role };
        return { col: i, text: "", role };
      });
      return { section: "body", kind: r.level <= 0 ? "group-0" : r.level === 1 ? "group-1" : "group-2", cells, heightPt: height(cells), sourceRow: r.row };
    }
    const st = statusText(r, vocabulary, levels, opts.statusSource ?? "computed");
    const cells = columns.map((c, i): LayoutCell => {
      switch (c.key) {
        case "tt":
          return { col: i, text: nfc(r.tt), role: "body-center" };
        case "name":
          return r.marker ? { col: i, text: `${r.marker} ${nfc(r.name)}`, role: "body", indent: 1 } : { col: i, text: nfc(r.name), role: "body" };
        case "unit":
          return { col: i, text: nfc(r.unit), role: "body-center" };
        case "target":
          return { col: i, text: nfc(r.targetText), role: "body-center" };
        case "baseline":
          return { col: i, text: cellText(r.baseline, decimals), role: "number" };
        case "actual":
          return { col: i, text: cellText(r.actual, decimals), role: "number" };
        case "status":
          return { col: i, text: st.text, role: "status" };
        case "note":
          return { col: i, text: nfc(r.note), role: "note" };
        case "outlook":
          return { col: i, text: nfc(opts.outlook?.texts[r.row]), role: "note" };
        default:
          return { col: i, text: cellText(r.years?.[c.year!], decimals), role: "number" };
      }
    });
    const row: LayoutRow = { section: "body", kind: r.marker ? "sub" : "indicator", cells, heightPt: height(cells), sourceRow: r.row };
    if (st.status) row.status = st.status;
    return row;
  }
  const tableLast = rows.length - 1;

  // ---- signature block and "Nơi nhận"
  const sigOpt = opts.signature;
  const recOpt = opts.recipients;
  if (sigOpt || recOpt) {
    const short = nfc(info.issuerShort) || (preset.partyLine ? "Thành ủy" : "Ủy ban nhân dân");
    const sig = typeof sigOpt === "object" ? sigOpt : {};
    const sigLines: Array<[string, StyleRole]> = sigOpt
      ? [
          // Party: "T/M THÀNH ỦY" / "BÍ THƯ"; state (NĐ 30/2020): "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"
          [nfc(sig.onBehalf) || (preset.partyLine ? `T/M ${upperVi(short)}` : `TM. ${upperVi(short)}`), "signature-on-behalf"],
          [nfc(sig.position) || (preset.partyLine ? "BÍ THƯ" : "CHỦ TỊCH"), "signature-position"],
          ["", "signature-position"],
          ["", "signature-position"],
          ["", "signature-position"],
          [nfc(sig.name), "signature-name"],
        ]
      : [];
    const recList = Array.isArray(recOpt) ? recOpt.map(nfc) : recOpt ? ["- Như trên,", "- Lưu Văn phòng."] : [];
    const recLines: Array<[string, StyleRole]> = recOpt ? [["Nơi nhận:", "recipients-title"], ...recList.map((t): [string, StyleRole] => [t, "recipients"])] : [];
    rows.push({ section: "foot", kind: "spacer", cells: [], heightPt: 10 });
    const k = Math.max(sigLines.length, recLines.length);
    for (let i = 0; i < k; i++) {
      const left = recLines[i] ?? ["", "recipients"];
      const right = sigLines[i] ?? ["", "signature-position"];
      const cells = twoSided({ col: 0, text: left[0], role: left[1] }, { col: 0, text: right[0], role: right[1] });
      rows.push({ section: "foot", kind: "signature", cells, heightPt: Math.max(height(cells), 18) });
    }
  }

  // ---- merges from spans
  const merges: Merge[] = [];
  rows.forEach((r, ri) => {
    for (const c of r.cells) {
      const rs = c.rowSpan ?? 1;
      const cs = c.colSpan ?? 1;
      if (rs > 1 || cs > 1) merges.push({ row: ri, col: c.col, rowSpan: rs, colSpan: cs });
    }
  });

  return {
    preset: presetName,
    presetLabel: preset.label,
    fontName: opts.fontName ?? "Times New Roman",
    page: {
      paper: "A4",
      orientation,
      widthMm: pageW,
      heightMm: pageH,
      marginsMm: margins,
      headerMm: Math.min(10, margins.top / 2),
      footerMm: Math.min(10, margins.bottom / 2),
      pageNumbers: { position: preset.pageNumbers.position, firstPage: preset.pageNumbers.firstPage, size: fs.pageNumber },
      fitToWidth: true,
      centerHorizontally: true,
    },
    styles,
    columns,
    rows,
    merges,
    headerRows: { first: headerFirst, count: headerCount },
    tableRows: { first: headerFirst, last: tableLast },
    appendixLabel,
    title,
    kemTheo,
    vocabulary,
    warnings,
  };
}
