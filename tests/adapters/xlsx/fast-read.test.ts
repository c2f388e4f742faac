/** The fast XML reader used for files gives the same grids as the full ExcelJS load. */
import ExcelJS from "exceljs";
import { readWorkbookGrids } from "../../../src/adapters/xlsx/exceljs-read";
import { readWorkbookGridsFast, zipEntries } from "../../../src/adapters/xlsx/read-file";
import { buildTemplateBytes } from "../../../src/adapters/xlsx/template";
import { isDateFormat, parseCellFormats, parseSharedStrings } from "../../../src/adapters/xlsx/xlsx-reader";
import { referenceSheetRows, titleRows, workbookBytes } from "../../support/workbook-fixtures";

describe("fast XML reader = full ExcelJS load", () => {
  test("values, merges, rich text, percent formats, formulas, dates, errors, several sheets", async () => {
    const t = titleRows();
    const bytes = await workbookBytes([
      { name: "Phụ lục & <1>", rows: [...t.rows, ...referenceSheetRows()], merges: [...t.merges, "A40:B41"] },
      {
        name: "Khác",
        rows: [
          ["Tỷ lệ", 0.8636, { richText: [{ text: "a " }, { text: "b", font: { bold: true } }] }, "x & y < z"],
          [{ formula: "1+1", result: 2 }, new Date(Date.UTC(2023, 4, 25)), true, { formula: "A1", result: "Tỷ lệ" }],
          [null, null, null, "xa", { error: "#N/A" }, { formula: "1/0", result: { error: "#DIV/0!" } }, -3.25e-7, 12345678901],
          [],
          [{ formula: "B1*2", result: 1.7272 }, "  hai  khoảng  "],
        ],
        numFmt: { B1: "0.00%", B2: "dd/mm/yyyy", A5: "0.0%" },
      },
    ]);
    const full = await readWorkbookGrids(bytes);
    const fast = readWorkbookGridsFast(bytes);
    expect(fast.map((g) => g.sheet)).toEqual(["Phụ lục & <1>", "Khác"]);
    expect(fast).toEqual(full);
    expect(fast[0].merges).toEqual(expect.arrayContaining(["A1:C1", "A40:B41"]));
    expect(fast[1].values[0]).toEqual(["Tỷ lệ", "86,36%", "a b", "x & y < z"]);
    expect(fast[1].values[1][1]).toEqual(new Date(Date.UTC(2023, 4, 25)));
    expect(fast[1].values[4][0]).toBe("172,7%"); // "0.0%" shows one decimal, as Excel does
  });

  test("the template, with and without the sample", async () => {
    for (const sample of [false, true]) {
      const bytes = Buffer.from(await buildTemplateBytes({ sample }));
      expect(readWorkbookGridsFast(bytes)).toEqual(await readWorkbookGrids(bytes));
    }
  });

  test("inline strings, shared strings with phonetic runs, 1904 dates", () => {
    expect(parseSharedStrings('<sst><si><t xml:space="preserve"> a </t></si><si><r><t>b</t></r><r><rPr/><t>c</t></r><rPh><t>x</t></rPh></si><si/></sst>')).toEqual([" a ", "bc", ""]);
    expect(parseCellFormats('<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.0&quot;%&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="10"/><xf numFmtId="14"/></cellXfs></styleSheet>')).toEqual([undefined, '0.0"%"', "0.00%", "mm-dd-yy"]);
    expect(isDateFormat("dd/mm/yyyy")).toBe(true);
    expect(isDateFormat('0.0"m"')).toBe(false);
  });

  test("a file saved by another writer (LibreOffice-like XML, inline strings) reads the same as ExcelJS", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.addRow(["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện"]);
    ws.addRow(["1", "Tỷ lệ che phủ rừng", "%", "> 6", 6.5]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(zipEntries(bytes).has("xl/workbook.xml")).toBe(true);
    expect(readWorkbookGridsFast(bytes)).toEqual(await readWorkbookGrids(bytes));
  });
});
