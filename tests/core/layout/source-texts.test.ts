/**
 * withSourceTexts: the sheet's own texts for the appendix, taken from the grid when
 * the reader kept none: headers (two-tier, column-number rows skipped), cells as typed, the title
 * block's title and "Kèm theo" line; the "Thông tin" fields that shape the appendix.
 */
import { buildAppendixLayout, withSourceTexts } from "../../../src/core/layout";
import type { Grid } from "../../../src/core/sheet/grid";
import type { IndicatorRow, IndicatorTable } from "../../../src/core/model";

const GRID: Grid = {
  sheet: "Chỉ tiêu",
  values: [
    ["ĐẢNG BỘ TỈNH LÂM ĐỒNG", null, null, "ĐẢNG CỘNG SẢN VIỆT NAM"],
    ["Phụ lục 1"],
    ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU"],
    ["NHIỆM KỲ 2020 – 2025"],
    ["(Kèm theo Báo cáo số 45-BC/TU,  ngày 05/02/2025 của Tỉnh ủy)"],
    ["TT", "Chỉ tiêu", "ĐVT", "Mục tiêu Đại hội XXI", "Kết quả  từng năm", null, "Kết quả thực hiện đến nay", "Ghi chú"],
    [null, null, null, null, "Năm 2021", 2022, null, null],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
    ["1", "Tốc độ tăng trưởng  kinh tế", "%/năm", "8,5 – 9", "4,2", "9,7", "ước 7,8", "Hoàn thành vượt"],
    [null, "- Khu vực dịch vụ", "%/năm", "≥ 9", 10, 11, 10.5, "Hoàn thành"],
  ],
  merges: ["E6:F6"],
};

function table(): IndicatorTable {
  const row = (r: number, tt: string, name: string, marker?: "-"): IndicatorRow => ({
    type: "indicator",
    row: r,
    tt,
    name,
    ...(marker ? { marker } : {}),
    unit: "%/năm",
    level: 1,
    kind: "level",
    targetText: "",
    years: {},
    actual: undefined,
    actualSource: "missing",
    groupPath: [],
    cells: { tt: `A${r}`, name: `B${r}`, unit: `C${r}`, target: `D${r}`, "year:2021": `E${r}`, "year:2022": `F${r}`, actual: `G${r}`, status: `H${r}` },
  });
  return {
    sheet: "Chỉ tiêu",
    mapping: { tt: "A", name: "B", unit: "C", target: "D", "year:2021": "E", "year:2022": "F", actual: "G", status: "H" },
    headerRow: 7,
    rows: [row(9, "1", "Tốc độ tăng trưởng kinh tế"), row(10, "", "Khu vực dịch vụ", "-")],
    years: [2021, 2022],
  };
}

describe("withSourceTexts", () => {
  const t = withSourceTexts(table(), GRID);

  test("headers as typed: a merged upper cell for one-tier columns, the year row for year columns, the group title over them, never '(1)'", () => {
    expect(t.headers).toEqual({
      tt: "TT",
      name: "Chỉ tiêu",
      unit: "ĐVT",
      target: "Mục tiêu Đại hội XXI",
      "year:2021": "Năm 2021",
      "year:2022": "2022",
      actual: "Kết quả thực hiện đến nay",
      status: "Ghi chú",
      years: "Kết quả  từng năm",
    });
  });

  test("title lines and Kèm theo from the title block, as typed; party line and 'Phụ lục 1' left out", () => {
    expect(t.title).toBe("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU\nNHIỆM KỲ 2020 – 2025");
    expect(t.titleBlock?.kemTheo).toBe("(Kèm theo Báo cáo số 45-BC/TU,  ngày 05/02/2025 của Tỉnh ủy)");
  });

  test("cells as typed by role; numbers are left to the number format", () => {
    expect(t.rows[0].texts).toEqual({ tt: "1", name: "Tốc độ tăng trưởng  kinh tế", unit: "%/năm", target: "8,5 – 9", actual: "ước 7,8", status: "Hoàn thành vượt", "year:2021": "4,2", "year:2022": "9,7" });
    expect(t.rows[1].texts).toEqual({ name: "- Khu vực dịch vụ", unit: "%/năm", target: "≥ 9", status: "Hoàn thành" });
  });

  test("what the reader kept is never replaced", () => {
    const own = table();
    own.headers = { target: "Chỉ tiêu NQ" };
    own.title = "TIÊU ĐỀ";
    own.rows[0].texts = { name: "Tên riêng" };
    withSourceTexts(own, GRID);
    expect([own.headers, own.title, own.rows[0].texts]).toEqual([{ target: "Chỉ tiêu NQ" }, "TIÊU ĐỀ", { name: "Tên riêng" }]);
  });

  test("the layout takes them: titles, year headers, the title block, the name with its '- '", () => {
    const l = buildAppendixLayout(t, {}, { columns: { years: true } });
    const header = l.rows.filter((r) => r.section === "header").map((r) => r.cells.map((c) => c.text));
    expect(header).toEqual([
      ["TT", "Chỉ tiêu", "ĐVT", "Mục tiêu Đại hội XXI", "Kết quả  từng năm", "Kết quả thực hiện đến nay", "Ghi chú"],
      ["Năm 2021", "2022"],
    ]);
    expect(l.title).toBe("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU\nNHIỆM KỲ 2020 – 2025");
    expect(l.rows.find((r) => r.kind === "title")!.cells[0].text).toBe(l.title);
    expect(l.rows.find((r) => r.kind === "sub")!.cells[1].text).toBe("- Khu vực dịch vụ");
  });
});
