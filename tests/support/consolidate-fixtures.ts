/**
 * Three communes' indicator workbooks for the consolidation tests (template layout with the optional
 * columns "Cách tổng hợp", "Đơn vị chủ trì", "Trọng số"). Figures chosen so each rule gives a figure
 * that a wrong rule would not: a weighted mean far from the plain mean, growth recomputed from levels
 * far from the mean of the rates.
 */
import ExcelJS from "exceljs";
import type { Grid } from "../../src/core/sheet/grid";

export const UNIT_HEADER = ["TT", "Chỉ tiêu", "ĐVT", "Loại", "Chỉ tiêu Nghị quyết", "Đầu kỳ", "Năm 2021", "Năm 2022", "Năm 2023", "Kết quả thực hiện", "Đánh giá", "Cách tổng hợp", "Đơn vị chủ trì", "Trọng số"];

type Cell = string | number | null;
/** [tt, name, unit, kind, target, baseline, y2021, y2022, y2023, actual, status, rule, lead, weight] */
export type UnitRowSpec = Cell[];

const row = (...cells: Cell[]): UnitRowSpec => {
  const out = cells.slice();
  while (out.length < UNIT_HEADER.length) out.push(null);
  return out;
};

const GROWTH = "Tốc độ tăng giá trị sản xuất bình quân";
/** growth recomputed from the summed levels of indicator 11 */
const GROWTH_RULE = "Tính lại từ tổng mức theo Giá trị sản xuất (giá so sánh 2010)";

export interface UnitSpec {
  /** the "Đơn vị" of the Thông tin sheet; absent: the file name names the unit */
  unit?: string;
  file: string;
  rows: UnitRowSpec[];
}

export const UNIT_A: UnitSpec = {
  unit: "Xã An Bình",
  file: "an-binh.xlsx",
  rows: [
    row("I", "Các chỉ tiêu kinh tế - xã hội"),
    row("1", "Dân số trung bình", "người", null, null, null, null, null, null, 10000),
    row("2", "Thu ngân sách trên địa bàn", "tỷ đồng", null, "50", null, null, null, null, 60, null, null, "Phòng Tài chính"),
    row("3", "Tỷ lệ hộ nghèo", "%", null, "dưới 5", null, null, null, null, 2, null, "Bình quân gia quyền theo Số hộ dân cư"),
    row("4", "Số hộ dân cư", "hộ", null, null, null, null, null, null, 1000),
    row("5", "Tỷ lệ che phủ rừng", "%", null, "40", null, null, null, null, 42),
    row("6", "Tỷ lệ trẻ em được tiêm chủng đầy đủ", "%", null, "95", null, null, null, null, 90, null, null, null, 300),
    row("7", GROWTH, "%/năm", "Tốc độ tăng bình quân", "5", null, 10, 10, 10, null, null, GROWTH_RULE),
    row("8", "Tỷ lệ hộ dùng nước sạch", "%", null, "100", null, null, null, null, 100, null, "Đếm số đơn vị đạt"),
    row("9", "Đường giao thông nông thôn được cứng hóa", "km", null, null, null, null, null, null, 12.5, null, null, "Phòng Kinh tế"),
    row("11", "Giá trị sản xuất (giá so sánh 2010)", "tỷ đồng", null, null, 100, 110, 121, 133.1),
  ],
};

export const UNIT_B: UnitSpec = {
  unit: "Xã Bình Minh",
  file: "binh-minh.xlsx",
  rows: [
    row("I", "Các chỉ tiêu kinh tế - xã hội"),
    row("1", "Dân số trung bình", "người", null, null, null, null, null, null, 5000),
    row("2", "Thu ngân sách trên địa bàn", "tỷ đồng", null, "50", null, null, null, null, 40, null, null, "Phòng Tài chính"),
    row("3", "Tỷ lệ hộ nghèo", "%", null, "dưới 5", null, null, null, null, 20, null, "Bình quân gia quyền theo Số hộ dân cư"),
    row("4", "Số hộ dân cư", "hộ", null, null, null, null, null, null, 100),
    row("5", "Tỷ lệ che phủ rừng", "%", null, "40", null, null, null, null, 30),
    row("6", "Tỷ lệ trẻ em được tiêm chủng đầy đủ", "%", null, "95", null, null, null, null, 70, null, null, null, 100),
    row("7", GROWTH, "%/năm", "Tốc độ tăng bình quân", "5", null, 0, 0, 0, null, null, GROWTH_RULE),
    row("8", "Tỷ lệ hộ dùng nước sạch", "%", null, "100", null, null, null, null, 95, null, "Đếm số đơn vị đạt"),
    row("9", "Đường giao thông nông thôn được cứng hóa", "km", null, null, null, null, null, null, "Chưa đến kỳ", null, null, "Phòng Kinh tế"),
    row("11", "Giá trị sản xuất (giá so sánh 2010)", "tỷ đồng", null, null, 1000, 1000, 1000, 1000),
  ],
};

/** No "Đơn vị" in Thông tin: named by its file. Has a row the others lack, and no levels for growth. */
export const UNIT_C: UnitSpec = {
  file: "Xã Cát Tiên.xlsx",
  rows: [
    row("I", "Các chỉ tiêu kinh tế - xã hội"),
    row("1", "Dân số trung bình", "người", null, null, null, null, null, null, 2000),
    row("2", "Thu ngân sách trên địa bàn", "tỷ đồng", null, "50", null, null, null, null, "chưa có số liệu", null, null, "Phòng Tài chính"),
    row("3", "Tỷ lệ hộ nghèo", "%", null, "dưới 5", null, null, null, null, 5, null, "Bình quân gia quyền theo Số hộ dân cư"),
    row("4", "Số hộ dân cư", "hộ", null, null, null, null, null, null, 400),
    row("5", "Tỷ lệ che phủ rừng", "%", null, "40", null, null, null, null, 50),
    row("6", "Tỷ lệ trẻ em được tiêm chủng đầy đủ", "%", null, "95", null, null, null, null, 80),
    row("7", GROWTH, "%/năm", "Tốc độ tăng bình quân", "5", null, null, null, null, 7, null, GROWTH_RULE),
    row("8", "Tỷ lệ hộ dùng nước sạch", "%", null, "100", null, null, null, null, 100, null, "Đếm số đơn vị đạt"),
    row("9", "Đường giao thông nông thôn được cứng hóa", "km", null, null, null, null, null, null, 8, null, null, "Phòng Kinh tế"),
    row("10", "Số hợp tác xã thành lập mới", "hợp tác xã", null, "3", null, null, null, null, 4),
    row("11", "Giá trị sản xuất (giá so sánh 2010)", "tỷ đồng", null, null, null, null, null, null, 500),
  ],
};

export const UNITS = [UNIT_A, UNIT_B, UNIT_C];

export function unitGrids(u: UnitSpec): Grid[] {
  const info: unknown[][] = [["Thông tin", "Giá trị", "Ví dụ"], ["Nhiệm kỳ", "2020-2025"]];
  if (u.unit) info.push(["Đơn vị", u.unit]);
  return [
    { sheet: "Chỉ tiêu", origin: "A1", values: [UNIT_HEADER, ...u.rows] },
    { sheet: "Thông tin", origin: "A1", values: info },
  ];
}

export async function writeUnitWorkbook(u: UnitSpec, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const g of unitGrids(u)) {
    const ws = wb.addWorksheet(g.sheet);
    g.values.forEach((r, i) => {
      r.forEach((v, j) => {
        if (v !== null && v !== undefined) ws.getRow(i + 1).getCell(j + 1).value = v as ExcelJS.CellValue;
      });
    });
  }
  await wb.xlsx.writeFile(file);
}
