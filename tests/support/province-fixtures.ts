/**
 * Four communes' tables consolidated into the new unit above them, as a planning office meets them
 * in the 2025–2030 term: the template layout (TT | Chỉ tiêu | ĐVT | Loại | Chỉ tiêu Nghị quyết | Đầu kỳ
 * | Năm 2021–2023 | Kết quả thực hiện | Đánh giá | Cách tổng hợp | Đơn vị chủ trì | Trọng số), each
 * commune with its own targets, one still owing figures ("Chưa có số liệu", "Chưa đến kỳ", a row it
 * lacks), results written for the 3 years of the period ("78 đảng viên/ 3 năm"), and no "Cách tổng
 * hợp" written anywhere (rules inferred, or asked for). The figures are made up but kept to the scale
 * of communes in the Central Highlands (a few thousand households, incomes of 50–70 million đồng a
 * head); every total the tests expect is worked out by hand in the comments.
 */
import type { Grid } from "../../src/core/sheet/grid";
import { UNIT_HEADER, type UnitRowSpec, type UnitSpec } from "./consolidate-fixtures";

type Cell = string | number | null;
const row = (...cells: Cell[]): UnitRowSpec => {
  const out = cells.slice();
  while (out.length < UNIT_HEADER.length) out.push(null);
  return out;
};

export interface CommuneFigures {
  unit: string;
  file: string;
  population: number;
  households: number;
  /** tỷ đồng: target, result (a number, or the words the commune wrote) */
  budget: [string, number | string];
  /** triệu đồng/người */
  income: [string, number];
  /** Đầu kỳ (2020) and 2021–2023 of the production value, tỷ đồng */
  levels: [number, number, number, number];
  growthTarget: string;
  /** % */
  poverty: [string, number];
  /** % */
  forest: [string, number];
  /** ha */
  area: number;
  /** new party members over the period, and the yearly target */
  members: [string, string];
  /** km of commune roads hardened */
  roads: [string, number | string] | null;
}

export const COMMUNES: CommuneFigures[] = [
  { unit: "Xã Lộc Châu", file: "loc-chau.xlsx", population: 18000, households: 4500, budget: ["40", 46.5], income: ["60", 62], levels: [800, 850, 905, 960], growthTarget: "6", poverty: ["dưới 2", 1.2], forest: ["30", 34.5], area: 6000, members: ["Bình quân 25 đảng viên/năm", "78 đảng viên/ 3 năm"], roads: ["10", 12] },
  { unit: "Xã Đại Lào", file: "dai-lao.xlsx", population: 12000, households: 3000, budget: ["25", 21], income: ["55", 51], levels: [400, 416, 433, 450], growthTarget: "5", poverty: ["dưới 2", 3], forest: ["40", 41], area: 9000, members: ["Bình quân 20 đảng viên/năm", "57 đảng viên/ 3 năm"], roads: ["8", "Chưa đến kỳ"] },
  { unit: "Xã Đam Bri", file: "dam-bri.xlsx", population: 9000, households: 2500, budget: ["15", "Chưa có số liệu"], income: ["50", 48], levels: [300, 315, 330, 350], growthTarget: "5", poverty: ["dưới 2", 2.4], forest: ["55", 58], area: 12000, members: ["Bình quân 15 đảng viên/năm", "48 đảng viên/ 3 năm"], roads: null },
  { unit: "Phường B'Lao", file: "b-lao.xlsx", population: 31000, households: 8000, budget: ["120", 131], income: ["70", 74], levels: [2500, 2700, 2900, 3150], growthTarget: "8", poverty: ["dưới 2", 0.4], forest: ["5", 4.8], area: 2000, members: ["Bình quân 30 đảng viên/năm", "96 đảng viên/ 3 năm"], roads: ["5", 6.5] },
];

/** One commune's table: no "Cách tổng hợp" anywhere, so every rule is inferred or asked for. */
export function communeSpec(c: CommuneFigures): UnitSpec {
  const [base, y1, y2, y3] = c.levels;
  const rows: UnitRowSpec[] = [
    row("I", "Chỉ tiêu kinh tế"),
    row("1", "Dân số trung bình", "người", null, null, null, null, null, null, c.population),
    row("2", "Tổng số hộ dân cư", "hộ", null, null, null, null, null, null, c.households),
    row("3", "Diện tích tự nhiên", "ha", null, null, null, null, null, null, c.area),
    row("4", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", null, c.budget[0], null, null, null, null, c.budget[1], null, null, "Phòng Tài chính"),
    row("5", "Thu nhập bình quân đầu người", "triệu đồng/người", null, c.income[0], null, null, null, null, c.income[1]),
    row("6", "Giá trị sản xuất (giá so sánh 2010)", "tỷ đồng", null, null, base, y1, y2, y3),
    row("7", "Tốc độ tăng giá trị sản xuất bình quân", "%/năm", "Tốc độ tăng bình quân", c.growthTarget, null, null, null, null, null, null, "Tính lại từ tổng mức theo 6"),
    row("II", "Chỉ tiêu xã hội - môi trường"),
    row("8", "Tỷ lệ hộ nghèo", "%", null, c.poverty[0], null, null, null, null, c.poverty[1]),
    row("9", "Tỷ lệ che phủ rừng", "%", null, c.forest[0], null, null, null, null, c.forest[1]),
  ];
  if (c.roads) rows.push(row("10", "Đường giao thông nông thôn được cứng hóa", "km", null, c.roads[0], null, null, null, null, c.roads[1], null, null, "Phòng Kinh tế"));
  rows.push(row("III", "Xây dựng Đảng"), row("11", "Kết nạp đảng viên mới", "đảng viên/năm", null, c.members[0], null, null, null, null, c.members[1]));
  return { unit: c.unit, file: c.file, rows };
}

export const PROVINCE_UNITS: UnitSpec[] = COMMUNES.map(communeSpec);

/** A commune's grids with its Thông tin (term 2020–2025). */
export function communeGrids(u: UnitSpec): Grid[] {
  return [
    { sheet: "Chỉ tiêu", origin: "A1", values: [UNIT_HEADER, ...u.rows] },
    { sheet: "Thông tin", origin: "A1", values: [["Thông tin", "Giá trị", "Ví dụ"], ["Nhiệm kỳ", "2020-2025"], ["Đơn vị", u.unit ?? ""]] },
  ];
}
