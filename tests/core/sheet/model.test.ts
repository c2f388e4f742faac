/** Grid addresses, header names, report information, kinds and computed results, the sample. */
import { cellAddress, columnIndex, columnLetter, parseAddress, parseRange, valueAt } from "../../../src/core/sheet/grid";
import { headerRole, readIndicatorTable } from "../../../src/core/sheet/reader";
import { INFO_FIELDS, parseDateText, parseTerm, readReportInfo, termYears } from "../../../src/core/sheet/info";
import { computeActual, parseKind, KIND_LABELS } from "../../../src/core/evaluation/evaluate-table";
import { SAMPLE_INFO, SAMPLE_ROWS, sampleGrids, sampleInfoGrid, sampleTable } from "../../../src/core/sample";
import { loadReferenceRows } from "../../support/reference";

describe("grid", () => {
  test("columns and addresses", () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
    expect(["A", "z", "AB", "AAA"].map(columnIndex)).toEqual([1, 26, 28, 703]);
    expect(parseAddress("$AB$12")).toEqual({ row: 12, col: 28 });
    expect(cellAddress(0, 0)).toBe("A1");
    expect(cellAddress(2, 3, "B5")).toBe("E7");
    expect(parseRange("F5:A3")).toEqual({ top: 3, left: 1, bottom: 5, right: 6 });
    expect(valueAt({ sheet: "S", origin: "B2", values: [[1, 2], [3, 4]] }, "C3")).toBe(4);
    expect(() => columnLetter(0)).toThrow();
    expect(() => parseAddress("A0B")).toThrow();
  });
});

describe("header names, accents and case ignored", () => {
  const cases: Array<[string, string]> = [
    ["Chỉ tiêu", "name"],
    ["CHỈ TIÊU", "name"],
    ["Nội dung chỉ tiêu", "name"],
    ["chi tieu", "name"],
    ["ĐVT", "unit"],
    ["Đơn vị tính", "unit"],
    ["Chỉ tiêu Nghị quyết ĐH VI", "target"],
    ["Mục tiêu Đại hội XXI", "target"],
    ["Kế hoạch", "target"],
    ["Chỉ tiêu NQ", "target"],
    ["Kết quả thực hiện", "actual"],
    ["Kết quả thực hiện đến nay", "actual"],
    ["Thực hiện", "actual"],
    ["Đầu nhiệm kỳ", "baseline"],
    ["So sánh NQ ĐH VI", "status"],
    ["Đánh giá", "status"],
    ["Ghi chú", "note"],
    ["TT", "tt"],
    ["STT", "tt"],
    ["Loại", "kind"],
    ["Chiều", "direction"],
  ];
  test.each(cases)("%s → %s", (h, role) => {
    expect(headerRole(h)?.role).toBe(role);
  });
  test.each([
    ["2021", 2021],
    ["Năm 2022", 2022],
    ["Ước 2023", 2023],
    ["ước thực hiện năm 2023", 2023],
  ])("year %s", (h, y) => {
    expect(headerRole(h)).toMatchObject({ role: "year", year: y });
  });
  test('"Thực hiện năm 2015" is a year that may be the baseline (decided by its place before the target column)', () => {
    expect(headerRole("Thực hiện năm 2015")).toEqual({ role: "year", year: 2015, maybeBaseline: true });
  });
  test("titles and other text are no headers", () => {
    expect(headerRole("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NGHỊ QUYẾT")?.role).not.toBe("name");
    expect(headerRole("Họ và tên")).toBeNull();
  });
});

describe("report information", () => {
  test("the sample's Thông tin sheet reads back to SAMPLE_INFO", () => {
    expect(readReportInfo(sampleInfoGrid())).toEqual(SAMPLE_INFO);
  });
  test("labels with accents or not, aliases, values as typed", () => {
    const info = readReportInfo({
      sheet: "Thông tin",
      values: [
        ["THONG TIN BAO CAO"],
        [null, "Đảng bộ:", "Đảng bộ huyện Di Linh"],
        ["Dai hoi lan thu", "lần thứ XII"],
        ["Nhiệm kỳ", "2025 – 2030"],
        ["Loại báo cáo", "Báo cáo chính trị"],
        ["Năm đánh giá", 2030],
        ["Ngày báo cáo", new Date(Date.UTC(2030, 2, 5))],
        ["Số báo cáo", "15-BC/HU"],
      ],
    });
    expect(info).toEqual({
      committee: "Đảng bộ huyện Di Linh",
      congress: "XII",
      termStart: 2025,
      termEnd: 2030,
      reportType: "chinh-tri",
      evaluationYear: 2030,
      reportDate: "2030-03-05",
      reportNumber: "15-BC/HU",
    });
    expect(termYears(info)).toEqual([2026, 2027, 2028, 2029, 2030]);
  });
  test("terms and dates", () => {
    expect(parseTerm("nhiệm kỳ 2020-2025")).toEqual([2020, 2025]);
    expect(parseTerm("2025")).toBeNull();
    expect(parseDateText("ngày 05 tháng 3 năm 2027")).toBe("2027-03-05");
    expect(parseDateText("25/5/2023")).toBe("2023-05-25");
    expect(parseDateText(45071)).toBe("2023-05-25");
    expect(parseDateText("32/1/2023")).toBeUndefined();
    expect(INFO_FIELDS.map((f) => f.key)).toEqual(["committee", "issuer", "issuerShort", "congress", "term", "reportType", "evaluationYear", "reportNumber", "reportDate", "place", "unit", "layout", "appendixTitle", "kemTheo"]);
  });
});

describe("kinds and computed results", () => {
  test("every kind label reads back", () => {
    for (const [k, label] of Object.entries(KIND_LABELS)) expect(parseKind(label)).toBe(k);
    expect(parseKind("tốc độ tăng BQ")).toBe("average_growth");
    expect(parseKind("lũy kế cả giai đoạn")).toBe("cumulative");
    expect(parseKind("hàng năm")).toBe("every_year");
    expect(parseKind("")).toBeNull();
    expect(parseKind("khác")).toBeNull();
  });
  test("average growth: baseline as V0; rates; level; sum; every year by direction", () => {
    expect(computeActual("average_growth", { 2021: 110, 2022: 121 }, { baseline: 100 })!.value).toBeCloseTo(10, 10);
    expect(computeActual("average_growth", { 2021: 4.2, 2022: 9.7, 2023: "ước 9,8" }, { unit: "%/năm" })!.value).toBeCloseTo(7.8679, 3);
    expect(computeActual("level", { 2021: 1, 2023: 3, 2022: 2 })!.value).toBe(3);
    expect(computeActual("cumulative", { 2021: 1, 2022: "2,5", 2023: null })!.value).toBe(3.5);
    expect(computeActual("every_year", { 2021: 5, 2022: 3 }, { direction: "up" })!.value).toBe(3);
    expect(computeActual("every_year", { 2021: 5, 2022: 3 }, { direction: "down" })!.value).toBe(5);
    expect(computeActual("level", {})).toBeNull();
  });
});

describe("the reference sample", () => {
  test("all 33 rows of the TSV, as published", () => {
    const ref = loadReferenceRows();
    expect(SAMPLE_ROWS).toHaveLength(33);
    SAMPLE_ROWS.forEach((r, i) => {
      expect([r.tt, r.name, r.unit, r.target, r.actual, r.status]).toEqual([ref[i].tt, ref[i].name, ref[i].unit, ref[i].target, ref[i].actual, ref[i].reported]);
    });
  });
  test("the growth footnote's yearly values and the info", () => {
    const growth = SAMPLE_ROWS.find((r) => r.tt === "1.1")!;
    expect(growth.years).toEqual({ 2021: 4.2, 2022: 9.7, 2023: "ước 9,8" });
    expect(SAMPLE_INFO).toMatchObject({ committee: "Đảng bộ thành phố Bảo Lộc", congress: "VI", termStart: 2020, termEnd: 2025, reportType: "so-ket", evaluationYear: 2023, reportNumber: "203-BC/ThU", reportDate: "2023-05-25", place: "Bảo Lộc" });
  });
  test("grids in the template layout read back as the reference table", () => {
    const [ind, info] = sampleGrids();
    expect(ind.sheet).toBe("Chỉ tiêu");
    expect(info.sheet).toBe("Thông tin");
    const r = readIndicatorTable(ind);
    expect(r.ok).toBe(true);
    const t = sampleTable();
    expect(t.rows.filter((x) => x.type === "indicator")).toHaveLength(28);
    expect(t.info).toEqual(SAMPLE_INFO);
  });
});

describe("the Thông tin fields that shape the appendix", () => {
  test("Thể thức, Tiêu đề phụ lục, Kèm theo are read like every field; title and Kèm theo exactly as typed", () => {
    const info = readReportInfo({
      sheet: "Thông tin",
      values: [
        ["Cơ quan ban hành", "Tỉnh ủy Lâm Đồng"],
        ["Thể thức:", "Hướng dẫn 36-HD/VPTW"],
        [null, "Tiêu đề phụ lục", "KẾT QUẢ  NHIỆM KỲ 2020 – 2025 "],
        ["Kèm theo", "(Kèm theo Báo cáo số 1-BC/TU)"],
      ],
    });
    expect(info).toEqual({ issuer: "Tỉnh ủy Lâm Đồng", layout: "Hướng dẫn 36-HD/VPTW", appendixTitle: "KẾT QUẢ  NHIỆM KỲ 2020 – 2025 ", kemTheo: "(Kèm theo Báo cáo số 1-BC/TU)" });
  });
  test("the template's example next to an empty value is not taken for a value", () => {
    const rows = INFO_FIELDS.map((f) => [f.label, null, f.hint]);
    expect(readReportInfo({ sheet: "Thông tin", values: rows })).toEqual({});
  });
});
