/**
 * Header detection that a data row cannot fool, the words of State plan tables, and the message when
 * no table is found. The whole shapes are in corpus.test.ts; these pin the single rules.
 */
import { readIndicatorTable } from "../../../src/core/sheet/reader";
import { headerRole } from "../../../src/core/sheet/header-roles";
import { findHeader, isDataLike } from "../../../src/core/sheet/header";
import { unitInName, splitTtAndName } from "../../../src/core/sheet/rows";
import { cellText } from "../../../src/core/sheet/cell";
import type { Grid } from "../../../src/core/sheet/grid";
import type { IndicatorRow } from "../../../src/core/model";

const HEADER = ["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết", "Kết quả thực hiện", "Đánh giá"];

describe("a data row is not a header row, whatever words it holds", () => {
  test.each([
    ["I", "Kết quả thực hiện các chỉ tiêu về kinh tế"],
    ["A", "CÁC CHỈ TIÊU CHỦ YẾU"],
    ["1", "Mục tiêu Nghị quyết về xã hội"],
  ])("group %s %s right under a one-row header", (tt, name) => {
    const grid: Grid = { sheet: "S", values: [HEADER, [tt, name], ["1", "Tỷ lệ che phủ rừng", "%", "> 6", 6.5, "Đạt"]] };
    const r = readIndicatorTable(grid);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.mapping).toEqual({ tt: "A", name: "B", unit: "C", target: "D", actual: "E", status: "F" });
    expect(r.table.rows.map((x) => [x.type, x.row])).toEqual([
      ["group", 2],
      ["indicator", 3],
    ]);
    expect(r.table.rows[0].nameText).toBe(name);
  });

  test("a TT followed by a name, a TT written before the name, or a number make a row data", () => {
    const grid: Grid = { sheet: "S", values: [["I", "Kết quả thực hiện"], ["II. Mục tiêu về xã hội"], ["Tỷ lệ", 93.3], ["TT", "Chỉ tiêu"], ["Năm 2021", 2022]] };
    expect([0, 1, 2, 3, 4].map((r) => isDataLike(grid, r))).toEqual([true, true, true, false, false]);
  });

  test("a long column title is still a header", () => {
    const long = "Chỉ tiêu Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020 – 2025 (theo Nghị quyết số 01-NQ/TU ngày 15/10/2020)";
    const r = readIndicatorTable({ sheet: "S", values: [["TT", "Chỉ tiêu", "ĐVT", long, "Kết quả thực hiện"], ["1", "Tỷ lệ che phủ rừng", "%", "> 6", 6.5]] });
    expect(r.ok && r.table.headers).toEqual({ tt: "TT", name: "Chỉ tiêu", unit: "ĐVT", target: long, actual: "Kết quả thực hiện" });
  });

  test("a group written across the row under the header is no second header tier", () => {
    const grid: Grid = { sheet: "S", values: [HEADER, ["I. Các chỉ tiêu về kinh tế"], ["1", "Thu ngân sách", "tỷ đồng", 2500, 2600, "Vượt"]], merges: ["A2:F2"] };
    const h = findHeader(grid);
    expect(h.ok && h.header.tiers).toEqual([0]);
  });
});

describe("column words", () => {
  test.each([
    ["KH năm 2019", { role: "target", year: 2019 }],
    ["Kế hoạch 2020", { role: "target", year: 2020 }],
    ["So sánh (%)", { role: "ratio" }],
    ["Ước TH so KH (%)", { role: "ratio" }],
    ["So với KH (%)", { role: "ratio" }],
    ["So sánh NQ ĐH VI", { role: "status" }],
    ["Ước thực hiện năm 2023", { role: "year", year: 2023, estimate: true }],
    ["Ước TH", { role: "actual" }],
    ["Lũy kế", { role: "actual" }],
    ["Thực hiện đến nay", { role: "actual" }],
    ["Kết quả thực hiện đến nay", { role: "actual" }],
  ])("%s", (text, match) => {
    expect(headerRole(text)).toEqual(match);
  });

  test('"Ước thực hiện năm 2023" alone is the result; among yearly columns it is the last year', () => {
    const one = readIndicatorTable({ sheet: "S", values: [["TT", "Chỉ tiêu", "ĐVT", "Nghị quyết", "Ước thực hiện năm 2023"], ["1", "Tỷ lệ", "%", "> 90", ">93"]] });
    expect(one.ok && one.table.mapping.actual).toBe("E");
    const series = readIndicatorTable({ sheet: "S", values: [["TT", "Chỉ tiêu", "ĐVT", "Nghị quyết", "Năm 2021", "Năm 2022", "Ước thực hiện năm 2023"], ["1", "Tỷ lệ", "%", "> 90", 91, 92, 93]] });
    expect(series.ok && series.table.years).toEqual([2021, 2022, 2023]);
    expect(series.ok && series.table.mapping.actual).toBeUndefined();
  });

  test("State plan: the previous year's actual is the baseline, never averaged with the estimate", () => {
    const r = readIndicatorTable({
      sheet: "S",
      values: [
        ["TT", "Chỉ tiêu", "ĐVT", "TH năm 2018", "KH năm 2019", "Ước TH năm 2019", "So sánh (%)", "Ghi chú"],
        [1, "Thu ngân sách", "tỷ đồng", 12450, 13000, 13520, 104, null],
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.years).toEqual([]);
    const row = r.table.rows[0] as IndicatorRow;
    expect([row.baseline, row.targetText, row.actual, row.actualSource, row.ratioText]).toEqual([12450, "13000", 13520, "given", "104"]);
  });
});

describe("texts as typed", () => {
  test("TT written with the name, marks and line breaks", () => {
    expect(splitTtAndName("I. Các chỉ tiêu  về kinh tế", null)).toEqual({ tt: "I", nameText: "Các chỉ tiêu  về kinh tế", name: "Các chỉ tiêu về kinh tế" });
    expect(splitTtAndName(null, "- Công nghiệp – xây dựng")).toEqual({ tt: "", nameText: "- Công nghiệp – xây dựng", name: "Công nghiệp - xây dựng", marker: "-" });
    expect(splitTtAndName("2.6", "- Tỷ lệ hộ gia đình văn hóa")).toEqual({ tt: "2.6", nameText: "- Tỷ lệ hộ gia đình văn hóa", name: "Tỷ lệ hộ gia đình văn hóa" });
    expect(splitTtAndName(1.1, "Tổng vốn đầu tư\ntoàn xã hội").nameText).toBe("Tổng vốn đầu tư\ntoàn xã hội");
  });

  test("units in brackets at the end of the name; other brackets are part of the name", () => {
    expect(unitInName("Thu ngân sách (tỷ đồng)")).toBe("tỷ đồng");
    expect(unitInName("Tỷ lệ hộ nghèo (%)")).toBe("%");
    expect(unitInName("Thu nhập bình quân [triệu đồng/người/năm]")).toBe("triệu đồng/người/năm");
    expect(unitInName("Tỷ lệ hộ nghèo (theo chuẩn mới)")).toBeUndefined();
    expect(unitInName("Tăng trưởng kinh tế (GRDP)")).toBeUndefined();
  });

  test("one cellText: strings as typed, numbers the Vietnamese way, rounded on request", () => {
    expect(cellText("Nông, lâm nghiệp  và thủy sản – ")).toBe("Nông, lâm nghiệp  và thủy sản – ");
    expect(cellText(0.37)).toBe("0,37");
    expect(cellText(8397.5)).toBe("8397,5");
    expect(cellText(8397.456, { decimals: 2 })).toBe("8.397,46");
    expect(cellText({ richText: [{ text: "Tỷ lệ " }, { text: "che phủ" }] })).toBe("Tỷ lệ che phủ");
    expect(cellText({ formula: "A1*2", result: 0.8 })).toBe("0,8");
  });
});

describe("when no table is found, the message says where it looked and what it saw", () => {
  test("a header without a target or result column", () => {
    const r = readIndicatorTable({ sheet: "Danh mục", values: [["DANH MỤC CHỈ TIÊU"], [], [], ["STT", "Nội dung", "Ghi chú"], ["1", "Tỷ lệ che phủ rừng", "Đạt"]] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("no_table");
    expect(r.error.message).toContain('"Danh mục"');
    expect(r.error.message).toContain("đã xem dòng 1–5");
    expect(r.error.message).toContain('dòng 4 có "STT", "Nội dung", "Ghi chú"');
    expect(r.error.message).toContain('không có cột "Chỉ tiêu Nghị quyết" hay "Kết quả thực hiện"');
  });

  test("nothing that looks like a column title", () => {
    const r = readIndicatorTable({ sheet: "Ghi chép", values: [["Danh sách cán bộ"], ["Họ tên", "Chức vụ"]] });
    expect(!r.ok && r.error.message).toContain("không dòng nào có tên cột quen thuộc");
  });
});

describe("the title block above the table, as typed", () => {
  test("label, title over two lines, “Kèm theo” line; the issuing body's lines are no title", () => {
    const r = readIndicatorTable({
      sheet: "PL",
      values: [
        ["ĐẢNG BỘ TỈNH LÂM ĐỒNG", null, null, "ĐẢNG CỘNG SẢN VIỆT NAM"],
        ["THÀNH ỦY BẢO LỘC"],
        ["*"],
        ["Phụ lục 1"],
        ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU"],
        ["NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ LẦN THỨ VI, NHIỆM KỲ 2020 – 2025"],
        ["(Kèm theo Báo cáo số 203-BC/ThU, ngày 25/5/2023 của Thành ủy)"],
        ["Đơn vị tính: %"],
        HEADER,
        ["1", "Tỷ lệ che phủ rừng", "%", "> 6", 6.5, "Đạt"],
      ],
      merges: ["A1:C1", "D1:F1", "A4:F4", "A5:F5", "A6:F6", "A7:F7"],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.title).toBe("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU\nNGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ LẦN THỨ VI, NHIỆM KỲ 2020 – 2025");
    expect(r.table.titleBlock).toEqual({ label: "Phụ lục 1", title: r.table.title, kemTheo: "(Kèm theo Báo cáo số 203-BC/ThU, ngày 25/5/2023 của Thành ủy)" });
    expect(r.table.headerRow).toBe(9);
  });
});

describe("a header the words do not give: the user's mapping reads the table", () => {
  const grid: Grid = { sheet: "S", values: [["Bảng số liệu"], ["STT", "Nội dung", "Số liệu", "Mức phấn đấu", "Nhận xét"], ["1", "Tỷ lệ che phủ rừng", 6.5, "> 6", "Đạt"], ["2", "Tỷ lệ hộ nghèo", 0.8, "dưới 1", "Đạt"]] };
  test("no table without a mapping; with one, the row most like a header is taken", () => {
    expect(readIndicatorTable(grid).ok).toBe(false);
    const r = readIndicatorTable(grid, { mapping: { tt: "A", name: "B", actual: "C", target: "D", status: "E" } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.headerRow).toBe(2);
    expect(r.table.headers).toEqual({ tt: "STT", name: "Nội dung", actual: "Số liệu", target: "Mức phấn đấu", status: "Nhận xét" });
    expect(r.table.rows.map((x) => [x.row, x.type, x.nameText])).toEqual([
      [3, "indicator", "Tỷ lệ che phủ rừng"],
      [4, "indicator", "Tỷ lệ hộ nghèo"],
    ]);
  });

  test("or the header row the user names", () => {
    const r = readIndicatorTable(grid, { mapping: { name: "B", actual: "C", target: "D" }, headerRow: 2 });
    expect(r.ok && r.table.rows.length).toBe(2);
    const bad = readIndicatorTable(grid, { mapping: { name: "B" }, headerRow: 40 });
    expect(!bad.ok && bad.error.code).toBe("bad_mapping");
  });
});
