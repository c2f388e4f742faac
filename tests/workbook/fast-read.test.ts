/** The streaming reader used for files gives the same grids as the full ExcelJS load. */
import { readWorkbookGrids } from "../../src/adapters/xlsx/read";
import { mergesBySheetName, readWorkbookGridsStream } from "../../src/adapters/xlsx/read-file";
import { buildTemplateBytes } from "../../src/adapters/xlsx/template";
import { referenceSheetRows, titleRows, workbookBytes } from "./fixtures";

describe("streaming reader = full load", () => {
  test("values, merges, rich text, percent formats, formulas, dates, several sheets", async () => {
    const t = titleRows();
    const bytes = await workbookBytes([
      { name: "Phụ lục & 1", rows: [...t.rows, ...referenceSheetRows()], merges: [...t.merges, "A40:B41"] },
      {
        name: "Khác",
        rows: [
          ["Tỷ lệ", 0.8636, { richText: [{ text: "a " }, { text: "b", font: { bold: true } }] }],
          [{ formula: "1+1", result: 2 }, new Date(Date.UTC(2023, 4, 25)), true],
          [null, null, null, "xa"],
        ],
        numFmt: { B1: "0.00%", B2: "dd/mm/yyyy" },
      },
    ]);
    const full = await readWorkbookGrids(bytes);
    const stream = await readWorkbookGridsStream(bytes);
    expect(stream.map((g) => g.sheet)).toEqual(["Phụ lục & 1", "Khác"]);
    expect(stream).toEqual(full);
    expect(stream[0].merges).toEqual(expect.arrayContaining(["A1:C1", "A40:B41"]));
    expect(stream[1].values[0]).toEqual(["Tỷ lệ", "86,36%", "a b"]);
    expect(stream[1].values[1][0]).toBe(2);
    expect(stream[1].values[1][1]).toEqual(new Date(Date.UTC(2023, 4, 25)));
  });

  test("the template", async () => {
    const bytes = Buffer.from(await buildTemplateBytes({ sample: true }));
    expect(await readWorkbookGridsStream(bytes)).toEqual(await readWorkbookGrids(bytes));
    expect([...mergesBySheetName(bytes).keys()]).toEqual(["Chỉ tiêu", "Thông tin"]);
  });
});
