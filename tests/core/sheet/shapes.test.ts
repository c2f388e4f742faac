/**
 * Tables in the shapes offices keep, written by the tests as .xlsx and read without configuration:
 * a baseline column with "Hoàn thành" statuses in Ghi chú; year columns with the result computed;
 * a header repeated at a page break; merged group cells and a two-row header; column-number rows.
 */
import { loadWorkbookFile } from "../../../src/adapters/xlsx/read-file";
import { readWorkbookGrids } from "../../../src/adapters/xlsx/exceljs-read";
import { checkTable } from "../../../src/core/checks/checks";
import { evaluateTable } from "../../../src/core/evaluation/evaluate-table";
import { readIndicatorTable } from "../../../src/core/sheet/reader";
import type { GroupRow, IndicatorRow, IndicatorTable } from "../../../src/core/model";
import { workbookBytes, writeWorkbook, type SheetSpec } from "../../support/workbook-fixtures";

async function read(sheet: SheetSpec, opts: Parameters<typeof readIndicatorTable>[1] = {}) {
  const grids = await readWorkbookGrids(await workbookBytes([sheet]));
  const r = readIndicatorTable(grids[0], opts);
  if (!r.ok) throw new Error(r.error.message);
  return { table: r.table, recognised: r.recognised };
}
const inds = (t: IndicatorTable) => t.rows.filter((r): r is IndicatorRow => r.type === "indicator");
const groups = (t: IndicatorTable) => t.rows.filter((r): r is GroupRow => r.type === "group");
const byName = (t: IndicatorTable, start: string) => inds(t).find((r) => r.name.startsWith(start))!;

describe("end-of-term political report: baseline column, Hoàn thành vocabulary in Ghi chú", () => {
  const rows: unknown[][] = [
    ["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2015", "Mục tiêu Đại hội XXI", "Kết quả thực hiện đến nay", "Ghi chú"],
    ["A", "CÁC CHỈ TIÊU KINH TẾ"],
    ["1", "Tốc độ tăng trưởng kinh tế (GRDP) bình quân", "%/năm", 7.2, "7-7,5", 6.8, "Chưa hoàn thành"],
    ["2", "Cơ cấu kinh tế"],
    [null, "- Dịch vụ", "%", 45.1, "48-48,5", 48.2, "Hoàn thành"],
    [null, "- Công nghiệp - xây dựng", "%", 30.2, "31-32", 33, "Chưa hoàn thành"],
    [null, "- Nông, lâm nghiệp", "%", 24.7, "3,0-2,0", 2.5, "Hoàn thành"],
    ["B", "CÁC CHỈ TIÊU XÃ HỘI"],
    ["I", "Giáo dục, y tế"],
    ["1", "Tỷ lệ trường đạt chuẩn quốc gia", "%", 60, "≥ 80", 85.5, "Hoàn thành vượt"],
    ["2", "Tỷ lệ hộ nghèo (theo chuẩn mới)", "%", 4.5, "dưới 2", 1.8, "Hoàn thành"],
    ["3", "Tỷ lệ lao động qua đào tạo", "%", 50, 65, 64.5, "Hoàn thành"],
  ];
  let table: IndicatorTable;
  let recognised: Array<{ role: string; column: string; header: string }>;
  beforeAll(async () => {
    ({ table, recognised } = await read({ name: "Chỉ tiêu", rows }));
    evaluateTable(table, { vocabulary: "hoan-thanh" });
  });

  test("mapping: baseline, target, actual, and Ghi chú read as statuses", () => {
    expect(table.mapping).toEqual({ tt: "A", name: "B", unit: "C", baseline: "D", target: "E", actual: "F", status: "G" });
    expect(recognised.find((r) => r.role === "status")!.header).toBe("Ghi chú");
    expect(recognised.find((r) => r.role === "baseline")!.header).toBe("Thực hiện năm 2015");
  });

  test("groups A/B/I/1 and sub-rows", () => {
    expect(groups(table).map((g) => [g.tt, g.level])).toEqual([
      ["A", 0],
      ["2", 1],
      ["B", 0],
      ["I", 1],
    ]);
    expect(byName(table, "Dịch vụ").groupPath).toEqual(["CÁC CHỈ TIÊU KINH TẾ", "Cơ cấu kinh tế"]);
    expect(byName(table, "Tỷ lệ hộ nghèo").groupPath).toEqual(["CÁC CHỈ TIÊU XÃ HỘI", "Giáo dục, y tế"]);
    expect(byName(table, "Tốc độ").baseline).toBe(7.2);
  });

  test("statuses in the Hoàn thành vocabulary; band targets from the group name", () => {
    const s = (n: string) => byName(table, n).evaluation!;
    expect(s("Dịch vụ").direction).toBe("band");
    expect(s("Dịch vụ").label).toBe("Hoàn thành");
    expect(s("Công nghiệp").label).toBe("Chưa hoàn thành");
    expect(s("Nông, lâm").label).toBe("Hoàn thành");
    expect(s("Tỷ lệ trường").label).toBe("Hoàn thành vượt");
    expect(s("Tỷ lệ hộ nghèo").label).toBe("Hoàn thành");
    expect(s("Tỷ lệ lao động").label).toBe("Chưa hoàn thành");
    expect(byName(table, "Tỷ lệ trường").reported).toBe("exceeded");
  });

  test("checks: only the trained-labour row, marked Hoàn thành at 64,5 against 65", () => {
    const f = checkTable(table);
    expect(f.map((x) => [x.code, x.cell])).toEqual([["status_mismatch", "G12"]]);
    expect(f[0].message).toContain("Chưa hoàn thành");
  });
});

describe("year columns: the result computed by kind", () => {
  const rows: unknown[][] = [
    ["STT", "Nội dung chỉ tiêu", "ĐVT", "Loại", "Chỉ tiêu NQ", "Đầu nhiệm kỳ", "2021", "Năm 2022", "Ước 2023", "Kết quả thực hiện", "Đánh giá"],
    ["1", "Giá trị sản xuất (giá so sánh 2010)", "tỷ đồng", "Tốc độ tăng bình quân", "8,5-9,5", 1000, 1042, 1143.07, 1255.09, null, "Chưa đạt"],
    ["2", "Tăng trưởng kinh tế bình quân", "%/năm", "Tốc độ tăng bình quân", "8,5-9,5", null, 4.2, 9.7, "ước 9,8", null, null],
    ["3", "Tỷ lệ che phủ rừng", "%", "Mức đạt được", "> 6", 5.9, 6.1, 6.3, 6.5, null, "Đạt"],
    ["4", "Số xã đạt chuẩn nông thôn mới", "xã", "Lũy kế", "từ 10 trở lên", null, 3, 4, 2, null, "Đạt"],
    ["5", "Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ", "%", "Hằng năm", "> 80", null, 80.88, 82.08, 79.5, null, "Đạt"],
    ["6", "Tỷ lệ hộ nghèo", "%", "Hằng năm", "dưới 1", null, 0.9, 0.7, 0.5, null, null],
    ["7", "Doanh nghiệp tăng bình quân 8,5%/năm", "%/năm", "Tốc độ tăng bình quân", 8, null, 4.5, 4.6, 4.4, null, null],
  ];
  let table: IndicatorTable;
  beforeAll(async () => {
    ({ table } = await read({ name: "Chỉ tiêu", rows }));
    evaluateTable(table);
  });

  test("mapping with years", () => {
    expect(table.mapping).toMatchObject({ tt: "A", name: "B", unit: "C", kind: "D", target: "E", baseline: "F", "year:2021": "G", "year:2022": "H", "year:2023": "I", actual: "J", status: "K" });
    expect(table.years).toEqual([2021, 2022, 2023]);
  });

  test("average growth from the baseline, from yearly rates; last value; sum; every year", () => {
    const [v, rate, forest, nms, party, poor] = inds(table);
    expect(v.actualSource).toBe("computed");
    expect(v.actual as number).toBeCloseTo(7.87, 2);
    expect(v.evaluation!.status).toBe("not_met");
    expect(rate.actual as number).toBeCloseTo(7.87, 2); // geometric mean of 4,2; 9,7; 9,8
    expect(forest.actual).toBe(6.5);
    expect(forest.evaluation!.status).toBe("met");
    expect(nms.actual).toBe(9);
    expect(nms.evaluation!.status).toBe("not_met");
    expect(party.actual).toBe(79.5); // the weakest year
    expect(party.evaluation!.status).toBe("not_met");
    expect(poor.actual).toBe(0.9); // lower is better: the worst year is the highest
    expect(poor.evaluation!.status).toBe("met");
  });

  test("checks: wrong statuses and a growth claim the years contradict", () => {
    const f = checkTable(table, { termStart: 2020, termEnd: 2025, evaluationYear: 2023 });
    const codes = f.map((x) => `${x.code}@${x.cell}`);
    expect(codes).toContain("status_mismatch@K5"); // lũy kế 9 < 10 marked Đạt
    expect(codes).toContain("status_mismatch@K6"); // 2023 below 80 marked Đạt
    expect(codes).toContain("growth_claim_mismatch@B8");
    expect(f.find((x) => x.code === "growth_claim_mismatch")!.message).toContain("4,5");
    expect(codes).not.toContain("status_mismatch@K2");
    expect(codes).not.toContain("status_mismatch@K4");
    expect(f.filter((x) => x.code === "actual_missing")).toEqual([]);
  });
});

describe("header repeated at a page break, column-number row", () => {
  const header = ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Đánh giá"];
  const rows: unknown[][] = [
    header,
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
    ["I", "Kinh tế"],
    ["1", "Thu ngân sách", "tỷ đồng", 2500, 2600, "Vượt"],
    ["2", "Tổng vốn đầu tư", "tỷ đồng", 5000, 4800, "Chưa đạt"],
    header,
    ["II", "Xã hội"],
    ["1", "Tỷ lệ bảo hiểm y tế", "%", 95, 93.3, "Chưa đạt"],
    ["2", "Tỷ lệ hộ nghèo", "%", "dưới 1", 0.8, "Đạt"],
  ];
  test("both headers skipped, groups and indicators read", async () => {
    const { table } = await read({ name: "Sheet1", rows });
    expect(table.mapping).toEqual({ tt: "A", name: "B", unit: "C", target: "D", actual: "E", status: "F" });
    expect(groups(table).map((g) => g.name)).toEqual(["Kinh tế", "Xã hội"]);
    expect(inds(table).map((r) => r.row)).toEqual([4, 5, 8, 9]);
    evaluateTable(table);
    expect(checkTable(table)).toEqual([]);
    // same TT under different groups is no duplicate
    expect(checkTable(table).filter((f) => f.code === "duplicate_tt")).toEqual([]);
  });
});

describe("merged group cells and a two-row header with years under a merged heading", () => {
  const rows: unknown[][] = [
    ["TT", "CHỈ TIÊU", "ĐVT", "Chỉ tiêu Nghị quyết", "Kết quả thực hiện", null, null, "So sánh NQ"],
    [null, null, null, null, "Năm 2021", "Năm 2022", "Ước 2023", null],
    ["I. CÁC CHỈ TIÊU KINH TẾ"],
    ["1", "Thu ngân sách tăng bình quân", "%/năm", "11-12", 15, 22, 24.5, "Đạt"],
    ["II", "CÁC CHỈ TIÊU XÃ HỘI"],
    ["1", "Tỷ lệ che phủ rừng", "%", "trên 6", 6.1, 6.3, 6.5, "Đạt"],
    [null, "- Tỷ lệ đô thị hóa", "%", "từ 60% trở lên", 55, 57, 58, "Chưa đạt"],
  ];
  const merges = ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:G1", "H1:H2", "A3:H3", "B5:H5"];
  test("group cells merged across the row; years under the merged heading", async () => {
    const { table } = await read({ name: "PL", rows, merges });
    expect(table.mapping).toEqual({ tt: "A", name: "B", unit: "C", target: "D", "year:2021": "E", "year:2022": "F", "year:2023": "G", status: "H" });
    expect(groups(table).map((g) => [g.tt, g.name, g.row])).toEqual([
      ["I", "CÁC CHỈ TIÊU KINH TẾ", 3],
      ["II", "CÁC CHỈ TIÊU XÃ HỘI", 5],
    ]);
    const [budget, forest, urban] = inds(table);
    expect(budget.kind).toBe("average_growth");
    expect(budget.actualSource).toBe("computed");
    expect(budget.actual as number).toBeCloseTo(((1.15 * 1.22 * 1.245) ** (1 / 3) - 1) * 100, 6);
    expect(forest.actual).toBe(6.5);
    expect(urban.marker).toBe("-");
    expect(urban.groupPath).toEqual(["CÁC CHỈ TIÊU XÃ HỘI"]);
    evaluateTable(table);
    expect(checkTable(table)).toEqual([]);
  });
});

describe("cells as shown", () => {
  test("percent formats, rich text, formulas with cached results", async () => {
    const wbRows: unknown[][] = [
      ["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết", "Kết quả thực hiện", "Đánh giá"],
      ["1", { richText: [{ text: "Tỷ lệ " }, { text: "bảo hiểm y tế", font: { bold: true } }] }, "%", 0.95, 0.933, "Chưa đạt"],
      ["2", "Tỷ lệ hộ nghèo", "%", "dưới 1", { formula: "0.4*2", result: 0.8 }, "Đạt"],
    ];
    const { table } = await read({ name: "S", rows: wbRows, numFmt: { D2: "0%", E2: "0.0%" } });
    const [bh, poor] = inds(table);
    expect(bh.name).toBe("Tỷ lệ bảo hiểm y tế");
    expect(bh.targetText).toBe("95%");
    expect(bh.actual).toBe("93,3%");
    expect(poor.actual).toBe(0.8);
    evaluateTable(table);
    expect(bh.evaluation!.status).toBe("not_met");
    expect(poor.evaluation!.status).toBe("met");
  });

  test("no table: a clear error", async () => {
    const grids = await readWorkbookGrids(await workbookBytes([{ name: "Ghi chép", rows: [["Danh sách cán bộ"], ["Họ tên", "Chức vụ"]] }]));
    const r = readIndicatorTable(grids[0]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("no_table");
      expect(r.error.message).toContain("Ghi chép");
    }
  });

  test("a mapping override moves a role to another column", async () => {
    const rows: unknown[][] = [
      ["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu NQ", "Số liệu", "Đánh giá"],
      ["1", "Tỷ lệ che phủ rừng", "%", "> 6", 6.5, "Đạt"],
    ];
    const file = await writeWorkbook("override.xlsx", [{ name: "S", rows }]);
    const grids = await loadWorkbookFile(file);
    const plain = readIndicatorTable(grids[0]);
    expect(plain.ok && plain.table.mapping.actual).toBeFalsy();
    const r = readIndicatorTable(grids[0], { mapping: { actual: "E" } });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.table.mapping.actual).toBe("E");
      expect(r.recognised.find((x) => x.role === "actual")).toEqual({ role: "actual", column: "E", header: "Số liệu" });
      expect((r.table.rows[0] as IndicatorRow).actual).toBe(6.5);
    }
  });
});

describe("grids not starting at A1, numeric TT, a status merged down", () => {
  test("addresses follow the origin; 1.1 typed as a number; one status for two sub-rows", () => {
    const grid = {
      sheet: "Dữ liệu",
      origin: "B3",
      values: [
        ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Đánh giá"],
        [1, "Về kinh tế"],
        [1.1, "Thu ngân sách", "tỷ đồng", 2500, 2600, "Vượt"],
        [1.2, "Vốn đầu tư", "tỷ đồng", 5000, 4800, "Chưa đạt"],
        [null, "- Vốn ngân sách", "tỷ đồng", 1000, 900, "Chưa đạt"],
        [null, "- Vốn ngoài ngân sách", "tỷ đồng", 4000, 3900, null],
      ],
      merges: ["G7:G8"],
    };
    const r = readIndicatorTable(grid);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = r.table;
    expect(t.mapping).toEqual({ tt: "B", name: "C", unit: "D", target: "E", actual: "F", status: "G" });
    expect(t.headerRow).toBe(3);
    expect(t.rows.map((x) => [x.type, x.tt, x.row])).toEqual([
      ["group", "1", 4],
      ["indicator", "1.1", 5],
      ["indicator", "1.2", 6],
      ["indicator", "", 7],
      ["indicator", "", 8],
    ]);
    const last = t.rows[4] as IndicatorRow;
    expect(last.reportedText).toBe("Chưa đạt");
    expect(last.cells.actual).toBe("F8");
    evaluateTable(t);
    expect(checkTable(t)).toEqual([]);
  });
});

test("a bad origin gives an error, not an exception", () => {
  const r = readIndicatorTable({ sheet: "S", origin: "??", values: [["TT", "Chỉ tiêu", "Kế hoạch"]] });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.code).toBe("bad_grid");
});
