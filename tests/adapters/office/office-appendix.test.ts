// office-addin-mock needs only OfficeApp from office-addin-manifest, whose full entry pulls ES modules jest cannot load
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));
import { buildAppendixLayout } from "../../../src/core/layout";
import { candidateNames, rectangles, writeAppendixSheet } from "../../../src/adapters/office/office-appendix";
import { createExcelMock, sheetValues } from "../../support/office-fake";
import { realisticTable } from "../../support/realistic-workbook";
import { SAMPLE_INFO } from "../../../src/core/sample";
import { formatViNumber } from "../../../src/core/text/numbers";
import { REFERENCE_INFO, REFERENCE_TSV, tableFromTsv } from "../../support/appendix-fixture";

describe("Office.js writer (office-addin-mock)", () => {
  const layout = buildAppendixLayout(tableFromTsv(), REFERENCE_INFO, { levels: 2 });

  test("never overwrites: 'Phụ lục 1' taken → 'Phụ lục 1 (2)'; the sheet's values are the layout's", async () => {
    const { context, stats } = createExcelMock(["Phụ lục 1", "Chỉ tiêu"]);
    const r = await writeAppendixSheet(context, layout, "Phụ lục 1");
    expect(r.sheetName).toBe("Phụ lục 1 (2)");
    expect(r.syncs).toBe(2);
    expect(stats.syncs).toBe(2);
    const v = sheetValues(stats, "Phụ lục 1 (2)");
    expect(v).toHaveLength(layout.rows.length);
    expect(v[0][0]).toBe("Phụ lục 1");
    expect(v[2][0]).toBe("(Kèm theo Báo cáo số 203-BC/ThU, ngày 25/5/2023 của Thành ủy)");
    expect(v[4]).toEqual(["TT", "CHỈ TIÊU", "ĐVT", "Chỉ tiêu Nghị quyết ĐH VI", "Kết quả thực hiện", "So sánh NQ ĐH VI"]); // the sheet's own titles
    const printed = REFERENCE_TSV.split("\n").slice(1).map((x) => x.split("\t"));
    expect(v.slice(5).map((r) => r[5])).toEqual(printed.map((p) => (p[3] === "> 98" && p[4] === "98" ? "Chưa đạt" : p[5] ?? "")));
    expect(v.slice(5).map((r) => r[4])).toEqual(printed.map((p) => p[4] ?? ""));
  });

  test("formats, borders, merges, print titles, page layout", async () => {
    const { context, stats } = createExcelMock([]);
    const r = await writeAppendixSheet(context, layout);
    expect(r.sheetName).toBe("Phụ lục 1");
    const sheet = stats.sheets.get("Phụ lục 1")!;
    const pl = sheet.pageLayout;
    expect([pl.orientation, pl.paperSize, pl.centerHorizontally]).toEqual(["Landscape", "A4", true]);
    expect([pl.topMargin, pl.bottomMargin, pl.leftMargin, pl.rightMargin].map((x: number) => Math.round((x * 25.4) / 72))).toEqual([20, 20, 30, 15]);
    expect(pl.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(stats.printTitles.get("Phụ lục 1")).toBe("$5:$5");
    expect(pl.headersFooters.state).toBe("FirstAndDefault");
    expect(pl.headersFooters.defaultForAllPages.centerHeader).toBe('&"Times New Roman,Regular"&14&P');
    expect(pl.headersFooters.firstPage.centerHeader).toBe("");
    // the whole area in Times New Roman 12
    const all = stats.ranges.find((x) => x.address === `A1:F${layout.rows.length}` && x.mock.format.font.name === "Times New Roman")!;
    expect(all.mock.format.font.size).toBe(12);
    // borders: the six edges of the table range, continuous
    const table = stats.ranges.find((x) => x.address === `A5:F${layout.rows.length}`)!;
    const items = table.mock.format.borders.items;
    expect(["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"].map((e) => items[e]?.style)).toEqual(Array(6).fill("Continuous"));
    // merges of the title block, applied
    expect(stats.ranges.filter((x) => x.merged).map((x) => x.address)).toEqual(["A1:F1", "A2:F2", "A3:F3"]);
    // bold: the title block, the header row and the group rows, as multi-area ranges
    const bold = stats.ranges.filter((x) => x.mock.format.font.bold === true).map((x) => x.address).join(",");
    // header row 5 and the group rows 6-7 (I, 1) make one area; then groups 2 and II
    expect(bold.split(",")).toEqual(["A1:A2", "A5:F7", "A15:F15", "A36:F36"]);
    // sub-rows indented; body rows autofit
    const indent = stats.ranges.find((x) => x.mock.format.indentLevel === 1)!;
    expect(indent.address.split(",")).toContain("B9:B11");
    expect(stats.ranges.some((x) => x.autofit && x.address === `A6:F${layout.rows.length}`)).toBe(true);
    // text format on every written cell, so "01" stays "01"
    const written = stats.ranges.filter((x) => Array.isArray(x.mock.numberFormat?.[0]) && x.mock.numberFormat[0].length > 0);
    expect(written.every((x) => x.mock.numberFormat.every((l: string[]) => l.every((f) => f === "@")))).toBe(true);
  });

  test("10 000 indicators: at most 3 syncs, every request under 5 MB, all values written", async () => {
    const big = buildAppendixLayout(realisticTable(10000), SAMPLE_INFO, {});
    const { context, stats } = createExcelMock(["Phụ lục 1"]);
    const r = await writeAppendixSheet(context, big, "Phụ lục 1");
    expect(r.syncs).toBeLessThanOrEqual(3);
    expect(stats.syncs).toBe(r.syncs);
    expect(Math.max(...r.requestBytes)).toBeLessThan(5 * 1024 * 1024);
    const v = sheetValues(stats, r.sheetName);
    expect(v).toHaveLength(big.rows.length);
    expect(v[v.length - 1]).toEqual(big.rows[big.rows.length - 1].cells.map((c) => c.text));
    // formats stay a handful of range objects however many rows
    expect(stats.proxies).toBeLessThan(200);
  });

  test("a small request budget splits the writes into more requests, none over the budget", async () => {
    const big = buildAppendixLayout(realisticTable(3000), SAMPLE_INFO, {});
    const { context, stats } = createExcelMock([]);
    const r = await writeAppendixSheet(context, big, "Phụ lục 1", { maxRequestBytes: 200_000, chunkRows: 500 });
    expect(r.syncs).toBeGreaterThan(3);
    expect(Math.max(...r.requestBytes)).toBeLessThanOrEqual(200_000);
    expect(sheetValues(stats, "Phụ lục 1")).toHaveLength(big.rows.length);
    // each values chunk went into the request counted for it
    const batches = new Set(stats.ranges.filter((x) => Array.isArray(x.mock.values?.[0]) && x.mock.values[0].length > 0).map((x) => x.batch));
    expect(batches.size).toBeGreaterThan(1);
  });

  test("all candidate names taken → a Vietnamese message; names stay ≤ 31 characters", async () => {
    const taken = candidateNames("Phụ lục 1", 3);
    expect(taken).toEqual(["Phụ lục 1", "Phụ lục 1 (2)", "Phụ lục 1 (3)"]);
    const { context } = createExcelMock(taken);
    await expect(writeAppendixSheet(context, layout, "Phụ lục 1", { maxCandidates: 3 })).rejects.toThrow('Đã có các trang từ "Phụ lục 1" đến "Phụ lục 1 (3)"');
    expect(candidateNames("Kết quả thực hiện các chỉ tiêu chủ yếu", 12).every((n) => n.length <= 31)).toBe(true);
  });

  test("two-row header with year columns: merges, print titles $5:$6, portrait", async () => {
    const t = tableFromTsv();
    t.years = [2021, 2022, 2023];
    const l = buildAppendixLayout(t, REFERENCE_INFO, { columns: { baseline: true, years: true }, orientation: "portrait" });
    const { context, stats } = createExcelMock([]);
    const r = await writeAppendixSheet(context, l);
    expect(r.syncs).toBe(2);
    expect(stats.printTitles.get("Phụ lục 1")).toBe("$5:$6");
    expect(stats.sheets.get("Phụ lục 1")!.pageLayout.orientation).toBe("Portrait");
    expect(stats.ranges.filter((x) => x.merged).map((x) => x.address)).toEqual(expect.arrayContaining(["A5:A6", "D5:D6", "E5:H5", "I5:I6", "J5:J6"]));
    const v = sheetValues(stats, "Phụ lục 1");
    expect(v[4].slice(4, 8)).toEqual(["Thực hiện qua các năm", "", "", ""]);
    expect(v[5].slice(4, 8)).toEqual(["Đầu nhiệm kỳ (2020)", "Năm 2021", "Năm 2022", "Năm 2023"]);
  });

  test("rectangles: cells grouped into few areas", () => {
    expect(rectangles([[0, 0], [0, 1], [1, 0], [1, 1], [3, 1]])).toEqual([
      { r0: 0, c0: 0, r1: 1, c1: 1 },
      { r0: 3, c0: 1, r1: 3, c1: 1 },
    ]);
  });
});

describe("older Excel: every call above ExcelApi 1.1 is checked first (the fake rejects what its Excel lacks)", () => {
  const layout = buildAppendixLayout(tableFromTsv(), REFERENCE_INFO, { levels: 2 });
  const printed = REFERENCE_TSV.split("\n").slice(1).map((x) => x.split("\t"));

  test("the fake answers like Excel: an unsupported call fails the sync with ApiNotFound", async () => {
    const { context, isSetSupported } = createExcelMock([], { unsupported: ["1.9"] });
    expect([isSetSupported("ExcelApi", "1.8"), isSetSupported("ExcelApi", "1.9"), isSetSupported("ExcelApi", "1.13")]).toEqual([true, false, false]);
    // the writer told nothing about the missing set uses getRanges/pageLayout: Excel refuses the request
    await expect(writeAppendixSheet(context, layout)).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("the fake refuses a request over 5 MB, as Excel on the web does", async () => {
    const { context, stats } = createExcelMock([]);
    const ws = context.workbook.worksheets.add("Lớn");
    const line = "Tỷ lệ hộ dân khu vực nội thị sử dụng nước hợp vệ sinh ".repeat(4);
    ws.getRange("A1:A20000").values = Array.from({ length: 20000 }, () => [line]);
    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(stats.syncs).toBe(0);
    ws.getRange("A1:A2000").values = Array.from({ length: 2000 }, () => [line]);
    await context.sync();
    expect(stats.requestBytes[0]).toBeGreaterThan(500_000);
  });

  // each set off in turn (and everything above it, as in a real Excel of that age)
  test.each(["1.2", "1.3", "1.4", "1.6", "1.7", "1.8", "1.9", "1.13"])("ExcelApi %s missing: a usable appendix, no unsupported call", async (missing) => {
    const { context, stats, isSetSupported } = createExcelMock(["Phụ lục 1"], { unsupported: [missing] });
    const r = await writeAppendixSheet(context, layout, "Phụ lục 1", { isSetSupported });
    expect(r.sheetName).toBe("Phụ lục 1 (2)");
    // no call of a missing set reached Excel (the fake would have thrown)
    const calls = stats.used.flatMap((s) => [...s]);
    expect(calls.filter((c) => !isSetSupported("ExcelApi", c.split(" ")[0]))).toEqual([]);
    // values: the layout's, status column as judged
    const v = sheetValues(stats, r.sheetName);
    expect(v[0][0]).toBe("Phụ lục 1");
    expect(v[4]).toEqual(["TT", "CHỈ TIÊU", "ĐVT", "Chỉ tiêu Nghị quyết ĐH VI", "Kết quả thực hiện", "So sánh NQ ĐH VI"]);
    expect(v.slice(5, layout.rows.length).map((row) => row[4])).toEqual(printed.map((p) => p[4] ?? ""));
    // fonts and borders (ExcelApi 1.1) always
    const all = stats.ranges.find((x) => x.address === `A1:F${layout.rows.length}` && x.mock.format.font.name === "Times New Roman");
    expect(all?.mock.format.font.size).toBe(12);
    const table = stats.ranges.find((x) => x.address === `A5:F${layout.rows.length}` && x.mock.format.borders.items.EdgeTop);
    expect(["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"].map((e) => table?.mock.format.borders.items[e]?.style)).toEqual(Array(6).fill("Continuous"));
    const bold = stats.ranges.filter((x) => x.mock.format.font.bold === true).map((x) => x.address);
    expect(bold.join(",")).toContain("A5:F7");
    // print titles and margins where the set is there, otherwise the note says what to set once
    const sheet = stats.sheets.get(r.sheetName)!;
    if (isSetSupported("ExcelApi", "1.9")) {
      expect(stats.printTitles.get(r.sheetName)).toBe("$5:$5");
      expect(Math.round((sheet.pageLayout.leftMargin * 25.4) / 72)).toBe(30);
      expect(r.notes.join(" ")).not.toMatch(/trang in/);
    } else {
      expect(stats.printTitles.has(r.sheetName)).toBe(false);
      expect(r.notes.join(" ")).toMatch(/khổ A4 ngang; lề trên 20 mm, dưới 20 mm, trái 30 mm, phải 15 mm/);
      expect(r.notes.join(" ")).toMatch(/lặp lại dòng 5:5 ở đầu mỗi trang/);
      expect(r.notes.join(" ")).toMatch(/số trang ở giữa phía trên, trừ trang đầu/);
    }
    if (isSetSupported("ExcelApi", "1.2")) {
      expect(stats.ranges.filter((x) => x.merged).map((x) => x.address)).toEqual(["A1:F1", "A2:F2", "A3:F3"]);
    } else {
      // no merge: the title rows are centred across the table; widths go into the note
      expect(stats.ranges.some((x) => x.merged)).toBe(false);
      expect(stats.ranges.filter((x) => x.mock.format.horizontalAlignment === "CenterAcrossSelection").map((x) => x.address)).toEqual(["A1:F3"]);
      const widths = layout.columns.map((c, i) => `${"ABCDEF"[i]} ${formatViNumber(c.widthMm / 10, { decimals: 1 })} cm`).join(", ");
      expect(r.notes.join(" ")).toContain(`độ rộng cột trong chế độ xem Bố trí Trang: ${widths}.`);
    }
    // the note, when there is one, sits under the table (one blank row between), italic, unbordered
    const noteRow = sheetValues(stats, r.sheetName)[layout.rows.length + 1];
    if (r.notes.length) expect(noteRow?.[0]).toBe(`Ghi chú (xóa dòng này trước khi in): ${r.notes.join(" ")}`);
    else expect(noteRow).toBeUndefined();
  });

  test("everything supported: no note, one multi-area range per format, no per-rectangle fallback", async () => {
    const { context, stats, isSetSupported } = createExcelMock([], {});
    const r = await writeAppendixSheet(context, layout, "Phụ lục 1", { isSetSupported });
    expect(r.notes).toEqual([]);
    expect(stats.used.flatMap((s) => [...s]).some((c) => c.startsWith("1.9 worksheet.getRanges"))).toBe(true);
  });
});

describe("the appendix as one undo step (OfficeWorkbookPort, ExcelApi 1.20)", () => {
  test("the whole appendix, over its syncs, is one merged Excel.run: one Ctrl+Z takes the sheet back", async () => {
    const { OfficeWorkbookPort } = await import("../../../src/adapters/office/office-workbook");
    const { fakeExcelRun } = await import("../../support/office-fake");
    const { context, stats } = createExcelMock(["Chỉ tiêu"]);
    const api = (n: string, v: string) => n === "ExcelApi" && Number(v.split(".")[1]) <= 20;
    const groups: Array<{ merged: boolean; syncs: number }> = [];
    const port = new OfficeWorkbookPort({ excel: fakeExcelRun(context, api, groups), settings: { get: () => null, set: () => undefined, saveAsync: () => undefined }, formulas: true, isSetSupported: api });
    const layout = buildAppendixLayout(tableFromTsv(), REFERENCE_INFO, { levels: 2 });
    const r = await port.writeAppendix(layout, "Phụ lục 1");
    expect(r.sheetName).toBe("Phụ lục 1");
    expect(stats.syncs).toBe(2);
    expect(groups).toEqual([{ merged: true, syncs: 2 }]);
    expect(port.lastWrite()).toEqual({ way: "excel", label: "trang “Phụ lục 1”" });
  });
});
