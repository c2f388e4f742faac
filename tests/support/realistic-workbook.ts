/**
 * Realistic indicator workbooks of any size, for the bench and the scaling tests: unique Vietnamese
 * names of ~60–100 characters, units, every target shape offices write, text results, % formatted
 * numbers, groups (I, 1, 1.1) with merged cells, sub-rows, a title block above the header, styles,
 * shared strings, year columns for growth rows, and a "Thông tin" sheet. Deterministic: the same
 * seed gives the same file. Written with ExcelJS's streaming writer so 100 000 rows fit in memory.
 */
import ExcelJS from "exceljs";
import { SAMPLE_INFO } from "../../src/core/sample";
import { infoRows } from "../../src/core/sheet/info";
import type { Grid } from "../../src/core/sheet/grid";
import type { IndicatorTable } from "../../src/core/model";
import { analyse } from "../../src/app/analyse";

const SUBJECTS = [
  "Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa",
  "Số xã đạt chuẩn nông thôn mới nâng cao",
  "Tổng thu ngân sách nhà nước trên địa bàn",
  "Tỷ lệ trường công lập đạt chuẩn quốc gia",
  "Thu nhập bình quân đầu người",
  "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ",
  "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều",
  "Tốc độ tăng tổng giá trị sản xuất bình quân",
  "Tỷ lệ che phủ rừng",
  "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý",
  "Số bác sĩ trên một vạn dân",
  "Tỷ lệ dân số tham gia bảo hiểm y tế",
  "Kết nạp đảng viên mới",
  "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên",
  "Chỉ số giá tiêu dùng (CPI) bình quân",
  "Tỷ lệ thất nghiệp khu vực thành thị",
  "Kim ngạch xuất khẩu hàng hóa",
  "Diện tích cây trồng ứng dụng công nghệ cao",
];
const PLACES = ["phường 1", "phường 2", "phường Lộc Phát", "phường Lộc Tiến", "phường B'Lao", "xã Đại Lào", "xã Lộc Châu", "xã Đam Bri", "xã Lộc Nga", "xã Lộc Thanh", "khu vực nội thị", "khu vực nông thôn"];
const PERIODS = ["giai đoạn 2021 - 2025", "đến năm 2025", "hằng năm", "theo giá so sánh năm 2010", "so với đầu nhiệm kỳ", "trên địa bàn"];
const UNITS = ["%", "%/năm", "xã", "tỷ đồng", "triệu đồng/người/năm", "người", "ha", "Bác sĩ/1 vạn dân", "đảng viên", "triệu USD"];

/** [target text, unit index, typical value] — every shape the target parser reads. */
const TARGETS: Array<(r: () => number) => [string, number, number]> = [
  (r) => { const a = 5 + Math.round(r() * 40) / 10; return [`${fmt(a)}-${fmt(a + 1)}`, 1, a + r() * 2 - 0.5]; },
  (r) => { const a = 80 + Math.round(r() * 18); return [`> ${a}`, 0, a - 3 + r() * 6]; },
  (r) => { const a = Math.round(r() * 30) / 10 + 0.5; return [`dưới ${fmt(a)}`, 0, a * (0.7 + r() * 0.6)]; },
  (r) => { const a = 60 + Math.round(r() * 35); return [`từ ${a}% trở lên`, 0, a - 5 + r() * 8]; },
  (r) => { const a = 1 + Math.floor(r() * 4); return [`${pad(a)}-${pad(a + 1)} xã`, 2, a + Math.floor(r() * 3) - 1]; },
  (r) => { const a = 1 + Math.round(r() * 20) / 10; return [`giảm còn ${fmt(a)}-${fmt(a + 0.2)}%`, 0, a + r() - 0.3]; },
  (r) => { const a = 100 + Math.round(r() * 40); return [`Bình quân kết nạp từ ${a} – ${a + 10}`, 8, a * 3 * (0.8 + r() * 0.4)]; },
  (r) => { const a = Math.round(r() * 10) / 10 + 3; return [`Khoảng ${fmt(a)}`, 0, a + r() - 0.5]; },
  (r) => { const a = 10 + Math.round(r() * 5); return [`Tăng ${a}-${a + 2}`, 1, a + r() * 4 - 2]; },
  (r) => { const a = 90 + Math.round(r() * 9); return [`≥ ${a}%`, 0, a - 2 + r() * 4]; },
  (r) => { const a = 1000 + Math.round(r() * 9000); return [`${fmtInt(a)}`, 3, a * (0.8 + r() * 0.4)]; },
  (r) => { const a = Math.round(r() * 10) / 10; return [`${fmt(a)} (theo tiêu chí cũ)`, 0, a + r()]; },
];
const TEXT_RESULTS = [">93", "trên 80", "263 đảng viên/ 3 năm", "61-62", "Hoàn thành", "đạt"];
const STATUSES = ["Đạt", "Chưa đạt", "Vượt", "Đạt", "Chưa đạt"];
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

function fmt(x: number): string {
  return (Math.round(x * 10) / 10).toString().replace(".", ",");
}
function fmtInt(x: number): string {
  return Math.round(x).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}
function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export interface RealisticRow {
  kind: "group-0" | "group-1" | "indicator" | "sub";
  tt: string;
  name: string;
  unit: string;
  target: string;
  /** a number, a % number (format "0.0%"), or text */
  actual: number | string | null;
  percentFormat: boolean;
  years: Array<number | null>;
  status: string;
  note: string;
}

/** Rows of a realistic table with `n` indicator rows (groups come on top of them). */
export function realisticRows(n: number, seed = 20231): RealisticRow[] {
  let s = seed;
  const r = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const out: RealisticRow[] = [];
  let g0 = 0;
  let g1 = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (i % 120 === 0) {
      g0++;
      g1 = 0;
      out.push({ kind: "group-0", tt: ROMAN[(g0 - 1) % ROMAN.length] + (g0 > ROMAN.length ? `.${Math.ceil(g0 / ROMAN.length)}` : ""), name: `Các chỉ tiêu về ${["kinh tế", "văn hóa - xã hội", "môi trường", "xây dựng Đảng và hệ thống chính trị"][g0 % 4]} (khối ${g0})`, unit: "", target: "", actual: null, percentFormat: false, years: [], status: "", note: "" });
    }
    if (i % 12 === 0) {
      g1++;
      k = 0;
      out.push({ kind: "group-1", tt: String(g1), name: `Nhóm ${g1}: ${SUBJECTS[(g0 + g1) % SUBJECTS.length].split(" ").slice(0, 4).join(" ")} (${PLACES[g1 % PLACES.length]})`, unit: "", target: "", actual: null, percentFormat: false, years: [], status: "", note: "" });
    }
    const sub = i % 12 >= 9;
    if (!sub) k++;
    const [target, unitIdx, value] = TARGETS[i % TARGETS.length](r);
    const unit = UNITS[unitIdx];
    const name = `${sub ? "- " : ""}${SUBJECTS[i % SUBJECTS.length]} ${PERIODS[(i >> 2) % PERIODS.length]} của ${PLACES[(i * 7) % PLACES.length]}, mục ${i + 1}`;
    const textResult = i % 17 === 5;
    const percent = !textResult && unit === "%" && i % 5 === 0;
    const growth = unit === "%/năm";
    const actual = textResult ? TEXT_RESULTS[i % TEXT_RESULTS.length] : percent ? Math.round(value * 10) / 1000 : Math.round(value * 100) / 100;
    out.push({
      kind: sub ? "sub" : "indicator",
      tt: sub ? "" : `${g1}.${k}`,
      name,
      unit,
      target,
      actual: growth && i % 3 === 0 ? null : actual,
      percentFormat: percent,
      years: growth ? [value - 1, value + 0.5, value + 0.3].map((v) => Math.round(v * 10) / 10) : [null, null, null],
      status: STATUSES[i % STATUSES.length],
      note: i % 23 === 0 ? "Số liệu ước thực hiện, chờ Cục Thống kê công bố" : "",
    });
  }
  return out;
}

const HEADER = ["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết", "Năm 2021", "Năm 2022", "Năm 2023", "Kết quả thực hiện", "Đánh giá", "Ghi chú"];
const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Write the workbook to `file` (streamed: rows are committed as they are written). */
export async function writeRealisticWorkbook(file: string, n: number, seed?: number): Promise<{ indicators: number; groups: number; headerRow: number }> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet("Chỉ tiêu");
  ws.columns = [{ width: 6 }, { width: 60 }, { width: 10 }, { width: 18 }, { width: 9 }, { width: 9 }, { width: 9 }, { width: 14 }, { width: 12 }, { width: 24 }];
  // title block
  const title = ws.addRow(["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU THEO NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ LẦN THỨ VI, NHIỆM KỲ 2020 – 2025"]);
  title.font = { name: "Times New Roman", bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, HEADER.length);
  title.commit();
  const sub = ws.addRow(["(Kèm theo Báo cáo số 203-BC/ThU, ngày 25/5/2023 của Thành ủy)"]);
  sub.font = { name: "Times New Roman", italic: true, size: 14 };
  ws.mergeCells(2, 1, 2, HEADER.length);
  sub.commit();
  ws.addRow([]).commit();
  const header = ws.addRow(HEADER);
  header.font = { name: "Times New Roman", bold: true, size: 12 };
  header.eachCell((c) => (c.border = BORDER));
  header.commit();
  let indicators = 0;
  let groups = 0;
  let rowNo = 4;
  for (const row of realisticRows(n, seed)) {
    rowNo++;
    const group = row.kind === "group-0" || row.kind === "group-1";
    const values = group ? [row.tt, row.name] : [row.tt || null, row.name, row.unit, row.target, ...row.years, row.actual, row.status, row.note || null];
    const xr = ws.addRow(values);
    xr.font = { name: "Times New Roman", size: 12, bold: group };
    if (!group) {
      xr.eachCell({ includeEmpty: false }, (c) => (c.border = BORDER));
      if (row.percentFormat) xr.getCell(8).numFmt = "0.0%";
      indicators++;
    } else {
      ws.mergeCells(rowNo, 2, rowNo, HEADER.length);
      groups++;
    }
    xr.commit();
  }
  ws.commit();
  const info = wb.addWorksheet("Thông tin");
  info.addRow(["Thông tin", "Giá trị", "Ví dụ"]).commit();
  for (const r of infoRows(SAMPLE_INFO)) info.addRow(r).commit();
  info.commit();
  await wb.commit();
  return { indicators, groups, headerRow: 4 };
}

/** The same table as a grid (what a reader returns), for benches that start after reading. */
export function realisticGrid(n: number, seed?: number): Grid {
  const values: unknown[][] = [
    ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU THEO NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ LẦN THỨ VI, NHIỆM KỲ 2020 – 2025"],
    ["(Kèm theo Báo cáo số 203-BC/ThU, ngày 25/5/2023 của Thành ủy)"],
    [],
    [...HEADER],
  ];
  for (const row of realisticRows(n, seed)) {
    const group = row.kind === "group-0" || row.kind === "group-1";
    const actual = row.percentFormat && typeof row.actual === "number" ? `${String(Math.round(row.actual * 1000) / 10).replace(".", ",")}%` : row.actual;
    values.push(group ? [row.tt, row.name] : [row.tt || null, row.name, row.unit, row.target, ...row.years, actual, row.status, row.note || null]);
  }
  return { sheet: "Chỉ tiêu", origin: "A1", values };
}

/** A realistic table of `n` indicators, read and evaluated the way every front end does it. */
export function realisticTable(n: number, seed?: number): IndicatorTable {
  const a = analyse(realisticGrid(n, seed), { info: SAMPLE_INFO });
  if (!a.table) throw new Error("the realistic grid has no table");
  return a.table;
}
