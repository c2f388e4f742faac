/**
 * A corpus of indicator-table shapes met in real reports, generated in code (issue 10): Party
 * end-of-term and mid-term appendices, State plan tables, two-tier merged headers, title blocks,
 * "(1) (2)" number rows, headers repeated mid-table, units in brackets, group rows right under the
 * header, line breaks in names, numbers with percent formats and text results.
 *
 * Each case is a Grid as an adapter hands it to the reader (cells as shown), plus the raw rows and
 * number formats to write it as .xlsx, and what a person reading the sheet expects: the column of
 * each role, the number of indicators and groups, and every text exactly as typed.
 * A new shape met later becomes a new case here.
 */
import { shownValue } from "../../src/core/sheet/cell";
import { columnLetter, type Grid } from "../../src/core/sheet/grid";
import { loadReferenceRows } from "./reference";

/** A number stored with a number format: what Excel keeps, and what it shows. */
export interface Formatted {
  n: number;
  fmt: string;
  shown: string;
}
const pct = (n: number, fmt: string, shown: string): Formatted => ({ n, fmt, shown });

type Value = string | number | Formatted | null | undefined;

/** One row of data as the office typed it. */
export interface SpecRow {
  group?: boolean;
  tt?: string | number | null;
  name: string;
  unit?: Value;
  baseline?: Value;
  target?: Value;
  actual?: Value;
  status?: Value;
  note?: Value;
  ratio?: Value;
  years?: Record<number, Value>;
  /** the unit the reader should find in the name's brackets (no ĐVT column) */
  unitInName?: string;
  /** the note is a verdict ("Vượt kế hoạch"): the reported status when there is no status column */
  noteStatus?: boolean;
}

/** What the reader should give for one sheet row. */
export interface ExpectedRow {
  row: number;
  type: "group" | "indicator";
  tt: string;
  name: string;
  unit?: string;
  target?: string;
  actual?: string;
  status?: string;
  baseline?: string;
}

export interface ShapeCase {
  id: string;
  shape: string;
  /** cells as an adapter shows them */
  grid: Grid;
  /** raw values and formats, to write as .xlsx */
  raw: unknown[][];
  numFmt: Record<string, string>;
  mapping: Record<string, string>;
  indicators: number;
  groups: number;
  rows: ExpectedRow[];
  title?: string;
  /** role → the column title as a person reads it (two tiers joined by a line break) */
  headers: Record<string, string>;
}

/** A column of the table: the role it holds ("year:2021" for a year) and its header cells. */
interface Col {
  role: string;
  /** header text per header row; null under a horizontal merge or a vertical one */
  head: Array<string | null>;
}

interface Layout {
  id: string;
  shape: string;
  sheet?: string;
  /** rows above the table (title block) and their merges */
  above?: unknown[][];
  aboveMerges?: string[];
  title?: string;
  cols: Col[];
  /** extra header merges, relative to the first header row: [row, col, row2, col2] (0-based) */
  headMerges?: Array<[number, number, number, number]>;
  /** expected header text per role where it differs from the last non-empty header cell */
  headerText?: Record<string, string>;
  data: SpecRow[];
  /** a column-number row under the header */
  numberRow?: "paren" | "plain" | "formula";
  /** repeat the header rows before this data index */
  repeatAt?: number;
  /** group rows written "I. Name" in the first cell, merged across the row */
  mergedGroups?: boolean;
}

const isFormatted = (v: unknown): v is Formatted => typeof v === "object" && v !== null && "fmt" in v;

/** What a cell shows for a value the data gives: strings as typed, numbers in General format. */
export function shownText(v: Value): string {
  if (v === null || v === undefined) return "";
  if (isFormatted(v)) return v.shown;
  if (typeof v === "number") return String(v).replace(".", ",");
  return v;
}

function valueOf(row: SpecRow, role: string): Value {
  if (role.startsWith("year:")) return row.years?.[Number(role.slice(5))];
  return (row as unknown as Record<string, Value>)[role];
}

function build(l: Layout): ShapeCase {
  const raw: unknown[][] = [];
  const merges: string[] = [...(l.aboveMerges ?? [])];
  const numFmt: Record<string, string> = {};
  for (const r of l.above ?? []) raw.push(r.slice());
  const width = l.cols.length;
  const headRows = Math.max(...l.cols.map((c) => c.head.length));
  const writeHeader = () => {
    const top = raw.length;
    for (let h = 0; h < headRows; h++) raw.push(l.cols.map((c) => c.head[h] ?? null));
    for (const [r1, c1, r2, c2] of l.headMerges ?? []) merges.push(`${columnLetter(c1 + 1)}${top + r1 + 1}:${columnLetter(c2 + 1)}${top + r2 + 1}`);
  };
  writeHeader();
  if (l.numberRow) {
    raw.push(l.cols.map((_, i) => (l.numberRow === "plain" ? i + 1 : l.numberRow === "formula" && i === width - 1 ? `(${i + 1})=(${i})/(${i - 1})` : `(${i + 1})`)));
  }
  const rows: ExpectedRow[] = [];
  let groups = 0;
  let indicators = 0;
  l.data.forEach((d, i) => {
    if (l.repeatAt === i) writeHeader();
    const sheetRow = raw.length + 1;
    if (d.group) {
      groups++;
      if (l.mergedGroups) {
        raw.push([`${d.tt}. ${d.name}`, ...Array(width - 1).fill(null)]);
        merges.push(`A${sheetRow}:${columnLetter(width)}${sheetRow}`);
      } else raw.push(l.cols.map((c) => (c.role === "tt" ? d.tt ?? null : c.role === "name" ? d.name : null)));
      rows.push({ row: sheetRow, type: "group", tt: String(d.tt ?? ""), name: d.name });
      return;
    }
    indicators++;
    const cells = l.cols.map((c, ci) => {
      const v = c.role === "tt" ? d.tt ?? null : valueOf(d, c.role);
      if (isFormatted(v)) {
        numFmt[`${columnLetter(ci + 1)}${sheetRow}`] = v.fmt;
        return v.n;
      }
      return v ?? null;
    });
    raw.push(cells);
    const has = (role: string) => l.cols.some((c) => c.role === role);
    const e: ExpectedRow = { row: sheetRow, type: "indicator", tt: String(d.tt ?? ""), name: d.name };
    if (has("unit")) e.unit = shownText(d.unit);
    else if (d.unitInName) e.unit = d.unitInName;
    if (has("target")) e.target = shownText(d.target);
    if (has("actual")) e.actual = shownText(d.actual);
    e.status = has("status") ? shownText(d.status) : has("note") && d.noteStatus ? shownText(d.note) : "";
    if (has("baseline")) e.baseline = shownText(d.baseline);
    rows.push(e);
  });
  const grid: Grid = {
    sheet: l.sheet ?? "Phụ lục",
    values: raw.map((r, ri) => r.map((v, ci) => (v === null ? null : shownValue(v, numFmt[`${columnLetter(ci + 1)}${ri + 1}`])))),
    merges,
  };
  const mapping: Record<string, string> = {};
  const headers: Record<string, string> = {};
  l.cols.forEach((c, i) => {
    if (c.role === "-") return;
    mapping[c.role] = columnLetter(i + 1);
    const parts = c.head.filter((h): h is string => !!h);
    headers[c.role] = l.headerText?.[c.role] ?? parts.join("\n");
  });
  return { id: l.id, shape: l.shape, grid, raw, numFmt, mapping, indicators, groups, rows, title: l.title, headers };
}

const col = (role: string, ...head: Array<string | null>): Col => ({ role, head });

// ---------------------------------------------------------------------------------------------
// Data as offices type it

/** End-of-term political report: groups A/B/C, "1"/"2", sub-rows "- ...", Hoàn thành words. */
const PARTY: SpecRow[] = [
  { group: true, tt: "A", name: "CÁC CHỈ TIÊU VỀ KINH TẾ" },
  { tt: "1", name: "Tốc độ tăng trưởng kinh tế (GRDP) bình quân", unit: "%/năm", baseline: 7.2, target: "7 – 7,5", actual: 6.8, status: "Chưa hoàn thành" },
  { group: true, tt: "2", name: "Cơ cấu kinh tế" },
  { name: "- Dịch vụ", unit: "%", baseline: 45.1, target: "48 – 48,5", actual: 48.2, status: "Hoàn thành" },
  { name: "- Công nghiệp – xây dựng", unit: "%", baseline: 30.2, target: "31-32", actual: 33, status: "Hoàn thành vượt" },
  { name: "- Nông, lâm nghiệp  và thủy sản", unit: "%", baseline: 24.7, target: "3,0 – 2,0", actual: 2.5, status: "Hoàn thành" },
  { tt: "3", name: "Tổng vốn đầu tư toàn xã hội\n(5 năm)", unit: "tỷ đồng", baseline: "41.200", target: ">55.000", actual: "62.000", status: "Hoàn thành vượt" },
  { group: true, tt: "B", name: "CÁC CHỈ TIÊU VỀ XÃ HỘI" },
  { tt: "4", name: "Tỷ lệ hộ nghèo (theo chuẩn mới)", unit: "%", baseline: 4.5, target: "dưới 2", actual: 1.8, status: "Hoàn thành" },
  { tt: "5", name: "Tỷ lệ lao động qua đào tạo", unit: "%", baseline: 50, target: 65, actual: 64.5, status: "Không đạt" },
  { tt: "6", name: "Tỷ lệ trường đạt chuẩn quốc gia", unit: "%", baseline: 60, target: "≥ 80", actual: "trên 80", status: "Hoàn thành" },
  { group: true, tt: "C", name: "CÁC CHỈ TIÊU VỀ XÂY DỰNG ĐẢNG" },
  { tt: "7", name: "Kết nạp đảng viên mới", unit: "đảng viên", baseline: "95/năm", target: "Bình quân 110 – 120/năm", actual: "263 đảng viên/ 3 năm", status: "Gần đạt" },
  { tt: "8", name: "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ", unit: "%", baseline: 85, target: "> 90", actual: ">93", status: "Hoàn thành" },
];

/** The reference mid-term appendix (Bảo Lộc 2023), cells as typed. */
function midTerm(): SpecRow[] {
  return loadReferenceRows().map((r) =>
    r.target === "" && r.actual === "" ? { group: true, tt: r.tt, name: r.name } : { tt: r.tt || null, name: r.name, unit: r.unit || null, target: r.target, actual: r.actual, status: r.reported || null },
  );
}

/** A State plan table (UBND report): previous year's actual, this year's plan and estimate. */
const STATE: SpecRow[] = [
  { group: true, tt: "I", name: "CHỈ TIÊU KINH TẾ" },
  { tt: 1, name: "Tốc độ tăng trưởng tổng sản phẩm (GRDP)", unit: "%", baseline: 7.1, target: 7.5, actual: 7.3, ratio: 97.3, note: "Số liệu sơ bộ" },
  { tt: 2, name: "Thu ngân sách nhà nước trên địa bàn", unit: "tỷ đồng", baseline: 12450, target: 13000, actual: 13520, ratio: 104 },
  { tt: 3, name: "Chỉ số giá tiêu dùng (CPI) tăng", unit: "%", baseline: 3.5, target: "Khoảng 4", actual: 3.2 },
  { tt: 4, name: "Tỷ lệ đô thị hóa", unit: "%", baseline: 60, target: "61-62", actual: "61-62" },
  { group: true, tt: "II", name: "CHỈ TIÊU XÃ HỘI" },
  { tt: 5, name: "Giải quyết việc làm mới", unit: "lao động", baseline: "25.000", target: "26.000", actual: "26.500", ratio: 101.9, note: "Vượt kế hoạch", noteStatus: true },
  { tt: 6, name: "Tỷ lệ hộ nghèo giảm", unit: "%", baseline: 1.5, target: "1 – 1,5", actual: 1.6 },
  { tt: 7, name: "Số xã đạt chuẩn nông thôn mới\n(lũy kế)", unit: "xã", baseline: 40, target: 45, actual: "Hoàn thành" },
];

/** Rows with no ĐVT column: the unit in brackets at the end of the name. */
const UNITS_IN_NAME: SpecRow[] = [
  { group: true, tt: "I", name: "Kinh tế" },
  { tt: "1", name: "Thu ngân sách nhà nước (tỷ đồng)", target: 2500, actual: 2600, status: "Vượt", unitInName: "tỷ đồng" },
  { tt: "2", name: "Tổng vốn đầu tư phát triển [tỷ đồng]", target: 5000, actual: 4800, status: "Chưa đạt", unitInName: "tỷ đồng" },
  { group: true, tt: "II", name: "Xã hội" },
  { tt: "1", name: "Tỷ lệ bảo hiểm y tế (%)", target: 95, actual: 93.3, status: "Chưa đạt", unitInName: "%" },
  { tt: "2", name: "Tỷ lệ hộ nghèo (theo chuẩn giai đoạn 2021 – 2025) (%)", target: "dưới 1", actual: 0.8, status: "Đạt", unitInName: "%" },
];

/** Results as text: bounds, words, ranges, counts over years; numbers with percent formats. */
const TEXT_RESULTS: SpecRow[] = [
  { tt: "1", name: "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ", unit: "%", target: "> 90", actual: ">93", status: "Đạt" },
  { tt: "2", name: "Tỷ lệ trường đạt chuẩn", unit: "%", target: "trên 80", actual: "trên 80", status: "Đạt" },
  { tt: "3", name: "Kết nạp đảng viên mới", unit: "đảng viên", target: "110 – 120/năm", actual: "263 đảng viên/ 3 năm", status: "Chưa đạt" },
  { tt: "4", name: "Tỷ lệ đô thị hóa", unit: "%", target: "61-62", actual: "61-62", status: "Đạt" },
  { tt: "5", name: "Hoàn thành quy hoạch chung đô thị", unit: "", target: "Hoàn thành trước năm 2025", actual: "Hoàn thành", status: "Đạt" },
  { tt: "6", name: "Tỷ lệ bảo hiểm y tế", unit: "%", target: pct(0.95, "0%", "95%"), actual: pct(0.8636, "0.00%", "86,36%"), status: "Chưa đạt" },
  { tt: "7", name: "Tỷ lệ che phủ rừng", unit: "%", target: pct(0.06, "0.0%", "6,0%"), actual: pct(0.065, "0.0%", "6,5%"), status: "Đạt" },
];

/** Mid-term rows with yearly values under a two-tier header. */
const YEARLY: SpecRow[] = [
  { group: true, tt: "I", name: "Kinh tế" },
  { tt: "1", name: "Giá trị sản xuất tăng bình quân", unit: "%/năm", target: "8,5 – 9,5", years: { 2021: 7.6, 2022: 8.1, 2023: "ước 8,4" }, status: "Chưa đạt" },
  { tt: "2", name: "Tỷ lệ che phủ rừng", unit: "%", target: "> 6", years: { 2021: 6.1, 2022: 6.3, 2023: 6.5 }, status: "Đạt" },
  { tt: "3", name: "Số xã đạt chuẩn nông thôn mới", unit: "xã", target: "từ 10 trở lên", years: { 2021: 3, 2022: 4, 2023: 4 }, status: "Đạt" },
];

// ---------------------------------------------------------------------------------------------
// Header wordings

const PARTY_HEADS = [
  ["TT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2015", "Mục tiêu Đại hội XXI", "Kết quả thực hiện đến nay", "Ghi chú"],
  ["STT", "Chỉ tiêu chủ yếu", "Đơn vị tính", "Thực hiện năm 2015", "Chỉ tiêu Đại hội XII", "Kết quả thực hiện", "Ghi chú"],
  ["TT", "Nội dung chỉ tiêu", "Đơn vị", "TH năm 2015", "Mục tiêu Nghị quyết", "Lũy kế thực hiện đến nay", "Ghi chú"],
  ["TT", "Các chỉ tiêu", "ĐVT", "Thực hiện năm 2015", "Nghị quyết Đại hội XXI", "Ước thực hiện đến hết nhiệm kỳ", "Ghi chú"],
  ["Số TT", "Chỉ tiêu kinh tế - xã hội chủ yếu", "Đơn vị tính", "Năm 2015", "Mục tiêu đến năm 2025", "Thực hiện đến năm 2025", "Ghi chú"],
];
const PARTY_ROLES = ["tt", "name", "unit", "baseline", "target", "actual", "status"];

const MID_HEADS = [
  ["TT", "CHỈ TIÊU", "ĐVT", "Chỉ tiêu Nghị quyết ĐH VI", "Kết quả thực hiện", "So sánh NQ ĐH VI"],
  ["TT", "Chỉ tiêu", "ĐVT", "Nghị quyết Đại hội", "Ước thực hiện năm 2023", "Đánh giá"],
  ["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu NQ", "Ước TH 2023", "Mức độ hoàn thành"],
  ["TT", "Chỉ tiêu", "ĐVT", "Mục tiêu Nghị quyết", "Thực hiện đến nay", "Tự đánh giá"],
  ["STT", "Tên chỉ tiêu", "ĐVT", "Chỉ tiêu Đại hội", "Kết quả thực hiện đến nay", "Kết quả đánh giá"],
];
const MID_ROLES = ["tt", "name", "unit", "target", "actual", "status"];

const STATE_HEADS: Array<{ head: string[]; roles: string[] }> = [
  { head: ["TT", "Chỉ tiêu", "ĐVT", "TH năm 2018", "KH năm 2019", "Ước TH năm 2019", "So sánh (%)", "Ghi chú"], roles: ["tt", "name", "unit", "baseline", "target", "actual", "ratio", "note"] },
  { head: ["STT", "Chỉ tiêu", "Đơn vị tính", "KH năm 2019", "TH năm 2018", "Ước TH năm 2019", "Ghi chú"], roles: ["tt", "name", "unit", "target", "baseline", "actual", "note"] },
  {
    head: ["TT", "Các chỉ tiêu chủ yếu", "Đơn vị", "Thực hiện năm 2018", "Kế hoạch năm 2019", "Ước thực hiện năm 2019", "Ước TH so KH (%)", "Ghi chú"],
    roles: ["tt", "name", "unit", "baseline", "target", "actual", "ratio", "note"],
  },
  { head: ["TT", "Chỉ tiêu", "ĐVT", "TH 2018", "KH 2019", "Ước TH 2019", "So với KH (%)", "Ghi chú"], roles: ["tt", "name", "unit", "baseline", "target", "actual", "ratio", "note"] },
  { head: ["TT", "Nội dung", "ĐVT", "Thực hiện năm 2018", "Chỉ tiêu", "Thực hiện", "Ghi chú"], roles: ["tt", "name", "unit", "baseline", "target", "actual", "note"] },
];

const PARTY_TITLE = "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XXI, NHIỆM KỲ 2020 – 2025";
const partyTitleBlock = (w: number) => ({
  above: [
    ["ĐẢNG BỘ TỈNH LÂM ĐỒNG", null, null, "ĐẢNG CỘNG SẢN VIỆT NAM"],
    [null, null, null, "Lâm Đồng, ngày 25 tháng 5 năm 2025"],
    ["Phụ lục 1"],
    [PARTY_TITLE],
    ["(Kèm theo Báo cáo số 203-BC/TU, ngày 25/5/2025 của Tỉnh ủy)"],
    [],
  ],
  aboveMerges: ["A1:C1", `D1:${columnLetter(w)}1`, `D2:${columnLetter(w)}2`, `A3:${columnLetter(w)}3`, `A4:${columnLetter(w)}4`, `A5:${columnLetter(w)}5`],
  title: PARTY_TITLE,
});
const STATE_TITLE = "MỘT SỐ CHỈ TIÊU CHỦ YẾU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2019";
const stateTitleBlock = (w: number) => ({
  above: [
    ["ỦY BAN NHÂN DÂN", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["TỈNH LÂM ĐỒNG", null, null, "Độc lập - Tự do - Hạnh phúc"],
    [],
    ["Phụ lục I"],
    [STATE_TITLE],
    ["(Kèm theo Báo cáo số 125/BC-UBND ngày 15 tháng 10 năm 2019 của Ủy ban nhân dân tỉnh)"],
  ],
  aboveMerges: ["A1:C1", `D1:${columnLetter(w)}1`, "A2:C2", `D2:${columnLetter(w)}2`, `A4:${columnLetter(w)}4`, `A5:${columnLetter(w)}5`, `A6:${columnLetter(w)}6`],
  title: STATE_TITLE,
});

const oneRow = (head: string[], roles: string[]): Col[] => head.map((h, i) => col(roles[i], h));

// ---------------------------------------------------------------------------------------------
// The cases

export function tableShapes(): ShapeCase[] {
  const out: Layout[] = [];
  // Party end-of-term, four wordings; one under a title block
  PARTY_HEADS.forEach((head, i) => out.push({ id: `party-${i + 1}`, shape: "Đảng, cuối nhiệm kỳ", cols: oneRow(head, PARTY_ROLES), data: PARTY }));
  out.push({ id: "party-title", shape: "khối tiêu đề", cols: oneRow(PARTY_HEADS[0], PARTY_ROLES), data: PARTY, ...partyTitleBlock(7) });
  // mid-term (the reference shape), five wordings
  MID_HEADS.forEach((head, i) => out.push({ id: `mid-${i + 1}`, shape: "Đảng, sơ kết giữa kỳ", cols: oneRow(head, MID_ROLES), data: midTerm() }));
  // State plan tables, four wordings and orders; one under a title block with a number row
  STATE_HEADS.forEach((s, i) => out.push({ id: `state-${i + 1}`, shape: "Nhà nước, kế hoạch năm", cols: oneRow(s.head, s.roles), data: STATE }));
  out.push({ id: "state-title", shape: "khối tiêu đề", cols: oneRow(STATE_HEADS[0].head, STATE_HEADS[0].roles), data: STATE, numberRow: "formula", ...stateTitleBlock(8) });
  // a plan for the next year beside this year's: the first plan is the target, the next one is left alone
  out.push({
    id: "state-next-plan",
    shape: "Nhà nước, kế hoạch năm",
    cols: oneRow(["TT", "Chỉ tiêu", "ĐVT", "TH năm 2018", "KH năm 2019", "Ước TH năm 2019", "KH năm 2020", "Ghi chú"], ["tt", "name", "unit", "baseline", "target", "actual", "-", "note"]),
    data: STATE,
  });
  // yearly values in one header row: a series, the estimate its last year
  out.push({
    id: "years-1",
    shape: "cột các năm",
    cols: oneRow(["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu NQ", "Năm 2021", "Năm 2022", "Ước TH năm 2023", "Đánh giá"], ["tt", "name", "unit", "target", "year:2021", "year:2022", "year:2023", "status"]),
    data: YEARLY,
  });
  // group rows right under a one-row header, whatever words they hold
  out.push({
    id: "group-under-header-1",
    shape: "nhóm ngay dưới tiêu đề",
    cols: oneRow(["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết", "Kết quả thực hiện", "Đánh giá"], MID_ROLES),
    data: [
      { group: true, tt: "I", name: "Kết quả thực hiện các chỉ tiêu về kinh tế" },
      ...UNITS_IN_NAME.slice(1, 3).map((r) => ({ ...r, unit: r.unitInName, unitInName: undefined })),
      { group: true, tt: "II", name: "Mục tiêu về xã hội" },
      ...UNITS_IN_NAME.slice(4).map((r) => ({ ...r, unit: r.unitInName, unitInName: undefined })),
    ],
  });
  out.push({
    id: "group-under-header-2",
    shape: "nhóm ngay dưới tiêu đề",
    cols: oneRow(["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết", "Kết quả thực hiện", "Đánh giá"], MID_ROLES),
    mergedGroups: true,
    data: [{ group: true, tt: "I", name: "Các chỉ tiêu về kinh tế" }, ...TEXT_RESULTS.slice(0, 3), { group: true, tt: "II", name: "Các chỉ tiêu về xã hội" }, ...TEXT_RESULTS.slice(3, 5)],
  });
  out.push({
    id: "group-under-header-3",
    shape: "nhóm ngay dưới tiêu đề",
    cols: oneRow(PARTY_HEADS[1], PARTY_ROLES),
    data: [{ group: true, tt: "A", name: "CÁC CHỈ TIÊU CHỦ YẾU" }, ...PARTY.slice(1)],
  });
  // two-tier merged headers
  out.push({
    id: "two-tier-1",
    shape: "tiêu đề hai tầng",
    cols: [col("tt", "TT"), col("name", "Chỉ tiêu"), col("unit", "ĐVT"), col("target", "Chỉ tiêu Nghị quyết"), col("actual", "Kết quả thực hiện", "Năm 2023"), col("status", "Đánh giá")],
    headMerges: [
      [0, 0, 1, 0],
      [0, 1, 1, 1],
      [0, 2, 1, 2],
      [0, 3, 1, 3],
      [0, 5, 1, 5],
    ],
    data: TEXT_RESULTS,
  });
  out.push({
    id: "two-tier-2",
    shape: "tiêu đề hai tầng",
    cols: [col("tt", "TT"), col("name", "Chỉ tiêu"), col("unit", "ĐVT"), col("target", "Chỉ tiêu Nghị quyết"), col("year:2021", "Kết quả thực hiện các năm", "Năm 2021"), col("year:2022", null, "Năm 2022"), col("year:2023", null, "Ước 2023"), col("status", "Đánh giá")],
    headMerges: [
      [0, 0, 1, 0],
      [0, 1, 1, 1],
      [0, 2, 1, 2],
      [0, 3, 1, 3],
      [0, 4, 0, 6],
      [0, 7, 1, 7],
    ],
    headerText: { "year:2022": "Kết quả thực hiện các năm\nNăm 2022", "year:2023": "Kết quả thực hiện các năm\nƯớc 2023" },
    data: YEARLY,
  });
  out.push({
    id: "two-tier-3",
    shape: "tiêu đề hai tầng",
    cols: [col("tt", "STT"), col("name", "Chỉ tiêu"), col("unit", "ĐVT"), col("baseline", "Năm 2018", "Thực hiện"), col("target", "Năm 2019", "Kế hoạch"), col("actual", null, "Ước thực hiện"), col("ratio", "So sánh (%)"), col("note", "Ghi chú")],
    headMerges: [
      [0, 0, 1, 0],
      [0, 1, 1, 1],
      [0, 2, 1, 2],
      [0, 4, 0, 5],
      [0, 6, 1, 6],
      [0, 7, 1, 7],
    ],
    headerText: { actual: "Năm 2019\nƯớc thực hiện" },
    data: STATE,
  });
  out.push({
    id: "two-tier-4",
    shape: "tiêu đề hai tầng",
    cols: [col("tt", "TT"), col("name", "Chỉ tiêu"), col("unit", "ĐVT"), col("target", "Mục tiêu Nghị quyết", "Đến năm 2025"), col("actual", "Kết quả thực hiện", "Ước năm 2023"), col("status", "Ghi chú")],
    headMerges: [
      [0, 0, 1, 0],
      [0, 1, 1, 1],
      [0, 2, 1, 2],
      [0, 5, 1, 5],
    ],
    data: PARTY.filter((r) => !r.group).map((r) => ({ ...r, baseline: undefined })),
  });
  // column-number rows
  out.push({ id: "numbers-1", shape: "dòng số thứ tự cột", cols: oneRow(MID_HEADS[0], MID_ROLES), numberRow: "paren", data: midTerm() });
  out.push({ id: "numbers-2", shape: "dòng số thứ tự cột", cols: oneRow(PARTY_HEADS[0], PARTY_ROLES), numberRow: "plain", data: PARTY });
  // headers repeated mid-table (page breaks)
  out.push({ id: "repeat-1", shape: "tiêu đề lặp giữa bảng", cols: oneRow(MID_HEADS[0], MID_ROLES), repeatAt: 17, data: midTerm() });
  out.push({
    id: "repeat-2",
    shape: "tiêu đề lặp giữa bảng",
    cols: [col("tt", "TT"), col("name", "Chỉ tiêu"), col("unit", "ĐVT"), col("target", "Chỉ tiêu Nghị quyết"), col("actual", "Kết quả thực hiện", "Năm 2023"), col("status", "Đánh giá")],
    headMerges: [
      [0, 0, 1, 0],
      [0, 1, 1, 1],
      [0, 2, 1, 2],
      [0, 3, 1, 3],
      [0, 5, 1, 5],
    ],
    repeatAt: 4,
    data: TEXT_RESULTS,
  });
  // units in brackets at the end of the name, no ĐVT column
  out.push({ id: "units-1", shape: "đơn vị trong ngoặc", cols: oneRow(["TT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Đánh giá"], ["tt", "name", "target", "actual", "status"]), data: UNITS_IN_NAME });
  out.push({ id: "units-2", shape: "đơn vị trong ngoặc", cols: oneRow(["STT", "Nội dung", "Chỉ tiêu Nghị quyết", "Kết quả thực hiện đến nay", "Ghi chú"], ["tt", "name", "target", "actual", "status"]), data: UNITS_IN_NAME });
  // line breaks in names and in header cells
  out.push({
    id: "line-breaks",
    shape: "xuống dòng trong ô",
    cols: oneRow(["TT", "Chỉ tiêu", "Đơn vị\ntính", "Mục tiêu\nĐại hội XXI", "Kết quả\nthực hiện", "Ghi chú"], ["tt", "name", "unit", "target", "actual", "status"]),
    data: [...PARTY.filter((r) => !r.group).map((r) => ({ ...r, baseline: undefined })), ...STATE.filter((r) => !r.group).map((r) => ({ ...r, status: "Đạt" }))],
  });
  // results as text and numbers with percent formats
  out.push({ id: "text-results", shape: "kết quả dạng chữ, định dạng %", cols: oneRow(MID_HEADS[0], MID_ROLES), data: TEXT_RESULTS });
  out.push({ id: "text-results-2", shape: "kết quả dạng chữ, định dạng %", cols: oneRow(MID_HEADS[1], MID_ROLES), data: TEXT_RESULTS });
  return out.map(build);
}
