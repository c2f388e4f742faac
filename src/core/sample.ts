/**
 * The reference report: Báo cáo số 203-BC/ThU ngày 25/5/2023 của Thành ủy Bảo Lộc (sơ kết giữa
 * nhiệm kỳ Đại hội VI, 2020-2025), appendix "Kết quả thực hiện các chỉ tiêu chủ yếu": all 33 rows as
 * published, errors included (57/66 written 88,14%; 18/57 written 18,57%; "> 98" with 98 marked
 * Đạt). Yearly values come from the report's prose where it gives them (footnotes ¹ and ³).
 * Used by the demo workbook, the template's example rows and the tests.
 */
import { KIND_LABELS, type IndicatorKind, type IndicatorTable, type ReportInfo } from "./model";
import { infoRows, termYears } from "./sheet/info";
import { parseViNumber } from "./text/numbers";
import { readIndicatorTable } from "./sheet/reader";
import type { Grid } from "./sheet/grid";

export const SAMPLE_INFO: ReportInfo = {
  committee: "Đảng bộ thành phố Bảo Lộc",
  issuer: "Thành ủy Bảo Lộc",
  issuerShort: "Thành ủy",
  congress: "VI",
  termStart: 2020,
  termEnd: 2025,
  reportType: "so-ket",
  evaluationYear: 2023,
  reportNumber: "203-BC/ThU",
  reportDate: "2023-05-25",
  place: "Bảo Lộc",
};

export interface SampleRow {
  tt: string;
  /** the name cell as published (with its "-"/"+" marks) */
  name: string;
  unit: string;
  target: string;
  actual: string;
  /** reported status ("So sánh NQ ĐH VI") */
  status: string;
  kind?: IndicatorKind;
  direction?: string;
  years?: Record<number, number | string>;
  note?: string;
}

type Raw = [string, string, string, string, string, string];

/** bao-loc-2023-phu-luc.tsv, row for row: TT, CHỈ TIÊU, ĐVT, Chỉ tiêu Nghị quyết ĐH VI, Kết quả thực hiện, So sánh NQ ĐH VI */
const RAW: Raw[] = [
  ["I", "Các chỉ tiêu về kinh tế - xã hội", "", "", "", ""],
  ["1", "Về kinh tế", "", "", "", ""],
  ["1.1", "Tăng trưởng tổng giá trị sản xuất bình quân giai đoạn 2021 -2023 (theo giá so sánh năm 2010), trong đó:", "%/năm", "8,5-9,5", "7,8", "Chưa đạt"],
  ["", "- Khu vực công nghiệp - xây dựng tăng", "%/năm", "9,5-11", "8,5", "Chưa đạt"],
  ["", "- Khu vực dịch vụ tăng;", "%/năm", "10-11", "8,8", "Chưa đạt"],
  ["", "- Khu vực nông, lâm nghiệp và thuỷ sản tăng.", "%/năm", "3,5-4,5", "3", "Chưa đạt"],
  ["1.2", "Tổng thu ngân sách nhà nước giai đoạn 2021-2023 ước đạt 8.397 tỷ đồng, tăng bình quân:", "%/năm", "11-12", "20,4", "Đạt"],
  ["", "Trong đó: thuế, phí tăng bình quân", "%/năm", "12-14", "19,4", "Đạt"],
  ["1.3", "Tổng kim ngạch xuất khẩu 3 năm ước đạt 575 triệu USD, đạt 33% so kế hoạch giai đoạn 2021-2025.", "%/năm", "10", "8,5", "Chưa đạt"],
  ["2", "Văn hóa – xã hội", "", "", "", ""],
  ["2.1", "Tỷ lệ hộ nghèo", "%", "0,2 (theo tiêu chí cũ)", "0,37", "Chưa đạt"],
  ["2.2", "Tỷ lệ tăng dân số tự nhiên", "%", "dưới 1,0", "0,85", "Đạt"],
  ["2.3", "100% phường giữ vững chuẩn văn minh đô thị và đạt chuẩn phường phát triển toàn diện; 100% số xã đạt chuẩn nông thôn mới với chỉ số điểm chuẩn 90% trở lên.", "%", "100", "100", "Đạt"],
  ["", "Có 01 xã đạt chuẩn nông thôn mới kiểu mẫu.", "xã", "01-02", "01", "Đạt"],
  ["2.4", "Tỷ lệ bảo hiểm y tế toàn dân đến năm 2023", "%", "95", "93,3", "Chưa đạt"],
  ["2.5", "Có 100% xã, phường đạt chuẩn quốc gia về y tế", "", "", "", ""],
  ["", "Tỷ lệ bác sĩ/1 vạn dân.", "Bác sĩ/1 vạn dân", "9-10", "10,79", "Đạt"],
  ["", "Có giường bệnh/1 vạn dân.", "giường bệnh/1 vạn dân", "39", "34,11", "Chưa đạt"],
  ["2.6", "- Tỷ lệ hộ gia đình văn hóa đạt %; - Thôn, tổ dân phố văn hóa đạt 100%; xã, phường đạt chuẩn văn hóa %;", "%", "90 – 95", "97,3", "Đạt"],
  ["", "- Cơ quan, đơn vị, doanh nghiệp có tổ chức công đoàn đạt chuẩn văn hóa;", "%", "98", "100", "Đạt"],
  ["", "+ Có 50% thôn, tổ dân phố đạt chuẩn “Khu dân cư tiêu biểu”,", "%", "50", "50", "Đạt"],
  ["", "+ Có 30% trở lên đạt “Khu dân cư kiểu mẫu”", "%", "30", "30", "Đạt"],
  ["2.7", "Tỷ lệ kiên cố hóa trường lớp", "%", "95", "95", "Đạt"],
  ["", "Số trường công lập đạt chuẩn quốc gia giai đoạn 1 là 57/66 trường", "%", "100", "88,14", "Chưa đạt"],
  ["", "Số trường công lập đạt chuẩn QG giai đoạn 2 là 18/57 trường.", "%", "50", "18,57", "Chưa đạt"],
  ["2.8", "Tỷ lệ hộ dân khu vực nội thị sử dụng nước hợp vệ sinh", "%", "> 98", "98", "Đạt"],
  ["", "- Sử dụng nước máy", "%", "> 90", "54,3", "Chưa đạt"],
  ["", "- Sử dụng nước hợp vệ sinh khu vực nông thôn", "%", "> 98", "99", "Đạt"],
  ["2.9", "Tỷ lệ thu gom và xử lý rác thải đô thị", "%", "95", "92", "Chưa đạt"],
  ["2.10", "Tỷ lệ che phủ rừng", "%", "> 6", "6,5", "Đạt"],
  ["II", "Về xây dựng hệ thống chính trị", "", "", "", ""],
  ["1", "Hàng năm, có trên 80% tổ chức cơ sở đảng đạt tiêu chuẩn “Hoàn thành tốt nhiệm vụ” trở lên", "%", "> 80", "> 80", "Đạt"],
  ["", "- Kết nạp được 263 quần chúng ưu tú vào Đảng, đạt 47,8%.", "đảng viên mới/năm", "Bình quân kết nạp từ 110 – 120", "263 đảng viên/ 3 năm", "Chưa đạt"],
];

/** Per-row additions (0-based index into RAW): kind, yearly values from the prose, notes. */
const EXTRA: Record<number, Partial<SampleRow>> = {
  2: {
    kind: "average_growth",
    years: { 2021: 4.2, 2022: 9.7, 2023: "ước 9,8" },
    note: "Năm 2021: 4,2%; Năm 2022: 9,7%; Năm 2023: ước 9,8%",
  },
  3: { kind: "average_growth" },
  4: { kind: "average_growth" },
  5: { kind: "average_growth" },
  6: { kind: "average_growth" },
  7: { kind: "average_growth" },
  8: { kind: "average_growth", note: "Phần văn bản ghi: giảm bình quân 8,5%/năm" },
  10: { direction: "Càng thấp càng tốt", note: "Phần văn bản ghi: Nghị quyết dưới 0,2%" },
  11: { direction: "Càng thấp càng tốt" },
  31: { kind: "every_year", years: { 2021: 80.88, 2022: 82.08 }, note: "Năm 2021: 80,88%; năm 2022: 82,08%" },
  // "bình quân kết nạp 110 – 120 đảng viên mới/năm" over the term, 263 in 3 years: a cumulative target
  32: { kind: "cumulative" },
};

export const SAMPLE_ROWS: SampleRow[] = RAW.map(([tt, name, unit, target, actual, status], i) => ({
  tt,
  name,
  unit,
  target,
  actual,
  status,
  ...(EXTRA[i] ?? {}),
}));

/** Indices of the rows the blank template shows as examples (groups I and 1, 1.1 with a sub-row, 2, 2.1, 2.2, II, II.1: all correct, so a fresh template checks clean). */
export const EXAMPLE_ROW_INDICES = [0, 1, 2, 3, 9, 10, 11, 30, 31];

/** A TSV/text cell as a workbook would hold it: plain numbers as numbers ("7,8" → 7.8), the rest as text ("01", "8,5-9,5", "> 98"). */
export function toCellValue(text: string): string | number | null {
  const t = text.trim();
  if (t === "") return null;
  if (/^0\d/.test(t)) return t; // "01" stays text, as typed
  const p = parseViNumber(t);
  if (p && !p.percent && !/\s/.test(t)) return p.value;
  return t;
}

/** The indicator sheet's header: TT | Chỉ tiêu | ĐVT | Loại | Chiều | Chỉ tiêu Nghị quyết | Đầu kỳ | Năm … | Kết quả thực hiện | Đánh giá | Ghi chú */
export function templateHeader(years: number[]): string[] {
  return ["TT", "Chỉ tiêu", "ĐVT", "Loại", "Chiều", "Chỉ tiêu Nghị quyết", "Đầu kỳ", ...years.map((y) => `Năm ${y}`), "Kết quả thực hiện", "Đánh giá", "Ghi chú"];
}

export const INDICATOR_SHEET = "Chỉ tiêu";
export const INFO_SHEET = "Thông tin";

/** One row of the indicator sheet in the template layout. */
export function templateRowValues(r: SampleRow, years: number[]): unknown[] {
  const isGroup = r.target === "" && r.actual === "" && r.status === "";
  return [
    r.tt || null,
    r.name,
    r.unit || null,
    isGroup ? null : KIND_LABELS[r.kind ?? "level"],
    r.direction ?? null,
    toCellValue(r.target),
    null,
    ...years.map((y) => (r.years && r.years[y] !== undefined ? r.years[y] : null)),
    toCellValue(r.actual),
    r.status || null,
    r.note ?? null,
  ];
}

/** The "Chỉ tiêu" sheet in the template layout, header on row 1. */
export function sampleIndicatorGrid(rows: SampleRow[] = SAMPLE_ROWS, info: ReportInfo = SAMPLE_INFO): Grid {
  const years = termYears(info);
  return { sheet: INDICATOR_SHEET, origin: "A1", values: [templateHeader(years), ...rows.map((r) => templateRowValues(r, years))] };
}

/** The "Thông tin" sheet: a header row, then label | value | example. */
export function sampleInfoGrid(info: ReportInfo = SAMPLE_INFO): Grid {
  return { sheet: INFO_SHEET, origin: "A1", values: [["Thông tin", "Giá trị", "Ví dụ"], ...infoRows(info)] };
}

/** The reference table as read by the reader, with SAMPLE_INFO attached. */
export function sampleTable(): IndicatorTable {
  const r = readIndicatorTable(sampleIndicatorGrid(), { years: termYears(SAMPLE_INFO) });
  if (!r.ok) throw new Error(r.error.message);
  r.table.info = { ...SAMPLE_INFO };
  return r.table;
}

/** Both sheets of the demo workbook in the template layout: "Chỉ tiêu" then "Thông tin". */
export function sampleGrids(): Grid[] {
  return [sampleIndicatorGrid(), sampleInfoGrid()];
}
