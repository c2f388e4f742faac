import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildAppendixLayout, type AppendixLayout } from "../../../src/core/layout";
import { addAppendixSheet, renderAppendixXlsx } from "../../../src/adapters/xlsx/appendix-xlsx";
import { REFERENCE_INFO, REFERENCE_TSV, tableFromTsv } from "../../support/appendix-fixture";

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0];
}
const text = (c: ExcelJS.Cell) => (c.value === null || c.value === undefined ? "" : String(c.value));
const mm = (inches: number) => Math.round(inches * 25.4 * 10) / 10;

describe("appendix .xlsx (ExcelJS), read back", () => {
  const table = tableFromTsv();
  let layout: AppendixLayout;
  let ws: ExcelJS.Worksheet;
  let bytes: Uint8Array;
  beforeAll(async () => {
    layout = buildAppendixLayout(table, REFERENCE_INFO, { levels: 2, columnTitles: { target: "Chỉ tiêu Nghị quyết ĐH VI", status: "So sánh NQ ĐH VI" } });
    bytes = await renderAppendixXlsx(layout);
    ws = await readBack(bytes);
  });

  test("title block: Phụ lục 1, title, kèm theo; merged across the table; fonts", () => {
    expect(ws.name).toBe("Phụ lục 1");
    expect(text(ws.getCell("A1"))).toBe("Phụ lục 1");
    expect(text(ws.getCell("A2"))).toBe("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU\nTHEO NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ\nLẦN THỨ VI, NHIỆM KỲ 2020 - 2025");
    expect(text(ws.getCell("A3"))).toBe("(Kèm theo Báo cáo số 203-BC/ThU, ngày 25/5/2023 của Thành ủy)");
    expect(ws.model.merges).toEqual(expect.arrayContaining(["A1:F1", "A2:F2", "A3:F3"]));
    expect(ws.getCell("A2").font).toMatchObject({ name: "Times New Roman", size: 14, bold: true });
    expect(ws.getCell("A3").font).toMatchObject({ name: "Times New Roman", size: 14, italic: true });
    expect(ws.getCell("A2").alignment).toMatchObject({ horizontal: "center", wrapText: true });
  });

  test("header row bold, centred, repeated on every page (print titles)", () => {
    expect(ws.getRow(5).values).toEqual([undefined, "TT", "CHỈ TIÊU", "ĐVT", "Chỉ tiêu Nghị quyết ĐH VI", "Kết quả thực hiện", "So sánh NQ ĐH VI"]);
    for (let c = 1; c <= 6; c++) expect(ws.getRow(5).getCell(c).font).toMatchObject({ name: "Times New Roman", size: 12, bold: true });
    expect(ws.pageSetup.printTitlesRow).toBe("5:5");
  });

  test("page: A4 landscape, fit to one page wide, margins 20/20/30/15 mm, page number at the top but not on page 1", () => {
    const ps = ws.pageSetup;
    expect([ps.paperSize, ps.orientation, ps.fitToPage, ps.fitToWidth, ps.fitToHeight]).toEqual([9, "landscape", true, 1, 0]);
    expect([mm(ps.margins!.top), mm(ps.margins!.bottom), mm(ps.margins!.left), mm(ps.margins!.right)]).toEqual([20, 20, 30, 15]);
    expect(ws.headerFooter.oddHeader).toBe('&C&"Times New Roman,Regular"&14&P');
    expect(ws.headerFooter.differentFirst).toBe(true);
    expect(ws.headerFooter.firstHeader ?? "").toBe("");
  });

  test("every table cell is bordered and in Times New Roman; groups bold", () => {
    const { first, last } = layout.tableRows;
    for (let r = first + 1; r <= last + 1; r++) {
      for (let c = 1; c <= 6; c++) {
        const cell = ws.getRow(r).getCell(c);
        expect([r, c, cell.border?.top?.style, cell.border?.bottom?.style, cell.border?.left?.style, cell.border?.right?.style]).toEqual([r, c, "thin", "thin", "thin", "thin"]);
        expect(cell.font?.name).toBe("Times New Roman");
      }
    }
    expect(ws.getCell("B6").font.bold).toBe(true); // I Các chỉ tiêu về kinh tế - xã hội
    expect(ws.getCell("B8").font.bold).toBeFalsy(); // 1.1
    expect(ws.getCell("B9").alignment.indent).toBe(1); // - Khu vực công nghiệp ...
  });

  test("every indicator in order with its result and status; row heights set for wrapped text", () => {
    const printed = REFERENCE_TSV.split("\n").slice(1).map((l) => l.split("\t"));
    const rows: string[][] = [];
    for (let r = layout.tableRows.first + 2; r <= layout.tableRows.last + 1; r++) rows.push([1, 2, 3, 4, 5, 6].map((c) => text(ws.getRow(r).getCell(c))));
    expect(rows).toHaveLength(33);
    expect(rows.map((r) => r[1].replace(/^[-+] /, ""))).toEqual(printed.map((p) => p[1].replace(/^[-+]\s*/, "")));
    const statuses = rows.map((r) => r[5]);
    const expected = printed.map((p) => (p[3] === "> 98" && p[4] === "98" ? "Chưa đạt" : p[5] ?? ""));
    expect(statuses).toEqual(expected);
    expect(rows[2]).toEqual(["1.1", "Tăng trưởng tổng giá trị sản xuất bình quân giai đoạn 2021 -2023 (theo giá so sánh năm 2010), trong đó:", "%/năm", "8,5-9,5", "7,8", "Chưa đạt"]);
    // the two-line 2.3 row is taller than the one-line 2.4 row
    const r23 = layout.tableRows.first + 2 + rows.findIndex((r) => r[0] === "2.3");
    const r24 = layout.tableRows.first + 2 + rows.findIndex((r) => r[0] === "2.4");
    expect(ws.getRow(r23).height).toBeGreaterThan(ws.getRow(r24).height * 1.5);
  });

  test("the workbook's Normal font is Times New Roman 12 (widths mean the same everywhere)", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const styles = await zip.file("xl/styles.xml")!.async("string");
    expect(styles).toMatch(/<fonts[^>]*><font><sz val="12"\/><color theme="1"\/><name val="Times New Roman"\/>/);
    // column widths: 252 mm printable at 8 px per character
    const total = ws.columns.reduce((a, c) => a + (c.width ?? 0), 0);
    expect(total).toBeGreaterThan(110);
    expect(total).toBeLessThan(120);
  });

  test("year columns: merged two-row header, borders on every covered cell, print titles 5:6", async () => {
    const t = tableFromTsv();
    t.years = [2021, 2022, 2023];
    const l = buildAppendixLayout(t, REFERENCE_INFO, { columns: { baseline: true, years: true }, orientation: "portrait", preset: "nha-nuoc" });
    const w = await readBack(await renderAppendixXlsx(l));
    expect(w.name).toBe("Phụ lục I");
    expect(w.pageSetup.orientation).toBe("portrait");
    expect(w.pageSetup.printTitlesRow).toBe("5:6");
    expect(w.model.merges).toEqual(expect.arrayContaining(["A5:A6", "B5:B6", "E5:H5", "I5:I6", "J5:J6"]));
    expect(text(w.getCell("E5"))).toBe("Thực hiện qua các năm");
    expect(text(w.getCell("E6"))).toBe("Đầu nhiệm kỳ (2020)");
    for (const a of ["A6", "B6", "F5", "G5", "H5", "J6"]) expect([a, w.getCell(a).border?.bottom?.style, w.getCell(a).border?.right?.style]).toEqual([a, "thin", "thin"]);
  });

  test("an empty table and odd text still give a valid file", async () => {
    const t = tableFromTsv();
    t.rows = [];
    const empty = buildAppendixLayout(t, {}, { kemTheo: "" });
    const w = await readBack(await renderAppendixXlsx(empty));
    expect(w.getRow(4).values).toEqual([undefined, "TT", "CHỈ TIÊU", "ĐVT", "Chỉ tiêu Nghị quyết ĐH VI", "Kết quả thực hiện", "So sánh NQ ĐH VI"]);
    const t2 = tableFromTsv();
    const first = t2.rows.find((r) => r.type === "indicator")!;
    first.texts = { name: "Tỷ lệ\u0001 hộ nghèo\u0007" };
    const odd = buildAppendixLayout(t2, REFERENCE_INFO, {});
    const w2 = await readBack(await renderAppendixXlsx(odd));
    expect(text(w2.getCell("B8"))).toBe("Tỷ lệ hộ nghèo");
  });

  test("adding to a workbook never replaces a sheet; names are made safe", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Phụ lục 1");
    expect(() => addAppendixSheet(wb, layout, "Phụ lục 1")).toThrow('Tệp đã có trang "Phụ lục 1"; không ghi đè. Hãy chọn tên khác.');
    const s = addAppendixSheet(wb, layout, "Phụ lục 1 'kết quả' các chỉ tiêu Nghị quyết Đại hội");
    expect(s.name.length).toBeLessThanOrEqual(31);
    expect(s.name).not.toMatch(/'/);
  });
});
