/**
 * The one analysis use case: the CLI (grids read from a file) and the pane (a workbook port) find
 * the same information sheet, choose the same indicator sheet and count the same verdicts.
 */
import ExcelJS from "exceljs";
import { analyseWorkbook, checkReport, gridSource, requireTable } from "../../src/app/analyse";
import { AppError } from "../../src/app/errors";
import { FileWorkbookPort } from "../../src/adapters/file/file-workbook";
import { readWorkbookGrids } from "../../src/adapters/xlsx/exceljs-read";
import { SAMPLE_INFO, SAMPLE_ROWS, templateHeader, templateRowValues } from "../../src/core/sample";
import { infoRows, termYears } from "../../src/core/sheet/info";
import { indicatorSheetOrder, isInfoSheetName } from "../../src/core/sheet/workbook-sheets";

/** A workbook whose information sheet is named `infoName`, with a note sheet before the table. */
async function workbook(infoName: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Ghi chép").getCell("A1").value = "không phải bảng";
  const years = termYears(SAMPLE_INFO);
  const ws = wb.addWorksheet("Bảng NQ");
  ws.addRow(templateHeader(years));
  for (const r of SAMPLE_ROWS) ws.addRow(templateRowValues(r, years));
  const wi = wb.addWorksheet(infoName);
  wi.addRow(["Thông tin", "Giá trị", "Ví dụ"]);
  for (const r of infoRows(SAMPLE_INFO)) wi.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test.each(["Thông tin", "ThongTin", "INFO"])("the information sheet “%s” is found alike by the CLI and the pane", async (infoName) => {
  const bytes = await workbook(infoName);
  const cli = await analyseWorkbook(gridSource(await readWorkbookGrids(bytes)));
  const pane = await analyseWorkbook(await FileWorkbookPort.open("so.xlsx", bytes, { download: async () => undefined }));
  for (const r of [cli, pane]) {
    expect(r.info?.issuer).toBe(SAMPLE_INFO.issuer);
    expect(r.info?.termStart).toBe(SAMPLE_INFO.termStart);
    expect(r.analysis?.sheet).toBe("Bảng NQ");
    expect(r.analysis?.indicators).toBe(SAMPLE_ROWS.filter((x) => x.unit || x.target).length);
  }
  expect(pane.analysis!.counts).toEqual(cli.analysis!.counts);
  expect(checkReport(await requireTable(gridSource(await readWorkbookGrids(bytes)))).counts.summary).toBe(cli.analysis!.counts.summary);
});

test("the sheet order: chosen sheets first, then “Chỉ tiêu”, never the information sheet", () => {
  expect(indicatorSheetOrder(["Thông tin", "Ghi chép", "Chỉ tiêu"])).toEqual(["Chỉ tiêu", "Ghi chép"]);
  expect(indicatorSheetOrder(["Thông tin", "Ghi chép", "Chỉ tiêu"], ["Ghi chép", undefined, "Xóa rồi"])).toEqual(["Ghi chép", "Chỉ tiêu"]);
  expect(isInfoSheetName("THÔNG TIN")).toBe(true);
  expect(isInfoSheetName("Thông tin chung")).toBe(false);
});

test("a workbook without a table, or a sheet that is not there, is a Vietnamese AppError", async () => {
  const src = gridSource([{ sheet: "Trang 1", origin: "A1", values: [["Xin chào"]] }]);
  await expect(requireTable(src)).rejects.toThrow(AppError);
  await expect(requireTable(src)).rejects.toThrow(/Không tìm thấy bảng chỉ tiêu trong tệp \(đã xem 1 trang\)/);
  await expect(requireTable(src, { sheet: "Chỉ tiêu" })).rejects.toThrow(/Không có trang "Chỉ tiêu"\. Các trang trong tệp: "Trang 1"/);
});
