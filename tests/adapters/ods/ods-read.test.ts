/**
 * .ods (LibreOffice) files read into the same grids as .xlsx: repeated rows and cells, merges,
 * percentages, paragraphs and spaces; and, where LibreOffice is installed, a workbook converted by
 * LibreOffice itself reads exactly like the .xlsx it came from.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseOdsContent } from "../../../src/adapters/ods/ods-content";
import { loadWorkbookFile, readWorkbookGridsFast } from "../../../src/adapters/xlsx/read-file";
import { odsBytes } from "../../support/raw-package";
import { referenceSheetRows, titleRows, workbookBytes } from "../../support/workbook-fixtures";

const dir = mkdtempSync(join(tmpdir(), "chitieu-ods-"));

const s = (t: string, attrs = "") => `<table:table-cell office:value-type="string"${attrs}><text:p>${t}</text:p></table:table-cell>`;
// the shown text as LibreOffice writes it: a percentage with its format's decimals ("86,36%")
const shown = (v: number, type: string) => (type === "percentage" ? `${(v * 100).toFixed(2).replace(".", ",")}%` : String(v));
const f = (v: number, type = "float", attrs = "") => `<table:table-cell office:value-type="${type}" office:value="${v}"${attrs}><text:p>${shown(v, type)}</text:p></table:table-cell>`;
const empty = (n = 1) => (n > 1 ? `<table:table-cell table:number-columns-repeated="${n}"/>` : "<table:table-cell/>");
const row = (cells: string, repeat = 1) => `<table:table-row${repeat > 1 ? ` table:number-rows-repeated="${repeat}"` : ""}>${cells}</table:table-row>`;

describe(".ods reader", () => {
  test("content.xml: repeats, merges, percentages, dates, paragraphs, spaces, line breaks", async () => {
    const bytes = odsBytes([
      {
        name: "Chỉ tiêu",
        rows: [
          row(s("KẾT QUẢ THỰC HIỆN", ' table:number-columns-spanned="3" table:number-rows-spanned="1"') + "<table:covered-table-cell/><table:covered-table-cell/>" + empty(1021)),
          row(empty(1024), 2),
          row(s("1") + s("Tỷ lệ<text:s text:c=\"2\"/>trường – chuẩn") + f(0.8636, "percentage") + f(8397.5)),
          row(s("2") + "<table:table-cell office:value-type=\"string\"><text:p>Dòng một</text:p><text:p>dòng<text:line-break/>hai<text:s/>x</text:p></table:table-cell>" + empty(2) + f(3)),
          row(s("x", ' table:number-columns-repeated="2"') + '<table:table-cell office:value-type="date" office:date-value="2023-05-25"><text:p>25/05/2023</text:p></table:table-cell>'),
          row(empty(1024), 1048570),
        ],
      },
      { name: "Thông tin", rows: [row(s("Cơ quan") + s("Thành ủy &amp; UBND"))] },
    ]);
    const file = join(dir, "mau.ods");
    writeFileSync(file, bytes);
    const grids = await loadWorkbookFile(file);
    expect(grids.map((g) => g.sheet)).toEqual(["Chỉ tiêu", "Thông tin"]);
    expect(grids[0].values).toEqual([
      ["KẾT QUẢ THỰC HIỆN"],
      [],
      [],
      ["1", "Tỷ lệ  trường – chuẩn", "86,36%", 8397.5],
      ["2", "Dòng một\ndòng\nhai x", null, null, 3],
      ["x", "x", new Date(Date.UTC(2023, 4, 25))],
    ]);
    expect(grids[0].merges).toEqual(["A1:C1"]);
    expect(grids[1].values).toEqual([["Cơ quan", "Thành ủy & UBND"]]);
  });

  test("a row past 1 048 576 with content is refused; a table of only empty tail rows reads empty", () => {
    expect(() => parseOdsContent(`<office:spreadsheet><table:table table:name="S">${row(empty(5), 1048576)}${row(s("x"))}</table:table></office:spreadsheet>`)).toThrow(/1.048.576 dòng/);
    expect(parseOdsContent(`<table:table table:name="S">${row(empty(1024), 1048576)}</table:table>`)).toEqual([{ sheet: "S", origin: "A1", values: [], merges: [] }]);
  });

  const lo = ["/usr/bin/libreoffice", "/usr/bin/soffice"].find((p) => existsSync(p));
  (lo ? test : test.skip)("a workbook converted to .ods by LibreOffice reads like the .xlsx it came from", async () => {
    const t = titleRows();
    const xlsx = await workbookBytes([
      { name: "Phụ lục 1", rows: [...t.rows, ...referenceSheetRows()], merges: t.merges },
      { name: "Khác", rows: [["Tỷ lệ", 0.8636, "a  b"], [1, null, "dòng 1\ndòng 2"]], numFmt: { B1: "0.00%" } },
    ]);
    const src = join(dir, "chuyen.xlsx");
    writeFileSync(src, xlsx);
    execFileSync(lo!, [`-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--headless", "--convert-to", "ods", "--outdir", dir, src], { stdio: "ignore", timeout: 120_000 });
    const ods = join(dir, "chuyen.ods");
    expect(readFileSync(ods).subarray(0, 2).toString()).toBe("PK");
    const fromOds = await loadWorkbookFile(ods);
    const fromXlsx = readWorkbookGridsFast(xlsx);
    expect(fromOds.map((g) => g.values)).toEqual(fromXlsx.map((g) => g.values));
    expect(fromOds.map((g) => [...(g.merges ?? [])].sort())).toEqual(fromXlsx.map((g) => [...(g.merges ?? [])].sort()));
  });
});
