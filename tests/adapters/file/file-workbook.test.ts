/**
 * The file port (standalone browser mode) in Node: an .xlsx held as an ExcelJS workbook; every
 * step works on it and the exported workbook carries the changes, the user's sheets otherwise intact.
 */
import ExcelJS from "exceljs";
import { FileWorkbookPort, SETTINGS_SHEET } from "../../../src/adapters/file/file-workbook";
import { readIndicatorTable } from "../../../src/core/sheet/reader";
import { evaluateTable } from "../../../src/core/evaluation/evaluate-table";
import { buildAppendixLayout } from "../../../src/core/layout";
import { toCellValue } from "../../../src/core/sample";
import { buildStatusRequest } from "../../../src/app/status-column";
import { DEFAULT_SETTINGS } from "../../../src/app/settings";
import { countByArea, areaOf } from "../../../src/app/areas";
import { loadReferenceIndicators, loadReferenceRows } from "../../support/reference";

const SHEET = "Chỉ tiêu";

async function referenceBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.getRow(1).values = ["TT", "CHỈ TIÊU", "ĐVT", "Chỉ tiêu Nghị quyết ĐH VI", "Kết quả thực hiện", "So sánh NQ ĐH VI"];
  loadReferenceRows().forEach((r, i) => {
    ws.getRow(i + 2).values = [r.tt || null, r.name, r.unit || null, toCellValue(r.target), toCellValue(r.actual), r.reported || null];
  });
  wb.addWorksheet("Ghi chép").getCell("A1").value = "không phải bảng";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function open(): Promise<FileWorkbookPort> {
  return FileWorkbookPort.open("bao-loc.xlsx", await referenceBytes(), { download: async () => undefined });
}

async function table(port: FileWorkbookPort, sheet = SHEET) {
  const r = readIndicatorTable(await port.readSheet(sheet));
  if (!r.ok) throw new Error(r.error.message);
  evaluateTable(r.table, { vocabulary: "dat", levels: 2 });
  return r.table;
}

test("a file that is not an .xlsx is refused with a Vietnamese message", async () => {
  await expect(FileWorkbookPort.open("a.xlsx", new TextEncoder().encode("xin chào"))).rejects.toThrow(/Tệp "a.xlsx" không phải là tệp Excel .xlsx hay bảng tính .ods/);
});

test("lists sheets, reads the table, writes only the Đánh giá column", async () => {
  const port = await open();
  expect(await port.listSheets()).toEqual([SHEET, "Ghi chép"]);
  expect(await port.activeSheet()).toBe(SHEET);
  expect(port.formulasSupported()).toBe(false);
  const t = await table(port);
  const req = buildStatusRequest(t, { vocabulary: "dat", levels: 2, near: 0 });
  expect(await port.planStatusColumn(req)).toMatchObject({ changes: 1, mode: "values", preview: [{ before: "Đạt", content: "Chưa đạt" }] });
  expect(await port.writeStatusColumn(req)).toEqual({ changed: 1, mode: "values" });
  expect(await port.planStatusColumn(req)).toMatchObject({ changes: 0, mode: "values", preview: [] });
  // the grid read after the write shows it
  const again = await port.readSheet(SHEET);
  const row98 = 2 + loadReferenceRows().findIndex((r) => r.target === "> 98" && r.actual === "98");
  expect(again.values[row98 - 1][5]).toBe("Chưa đạt");

  const out = new ExcelJS.Workbook();
  await out.xlsx.load(Buffer.from(await port.exportWorkbook()));
  const before = new ExcelJS.Workbook();
  await before.xlsx.load(Buffer.from(await referenceBytes()));
  const a = before.getWorksheet(SHEET)!;
  const b = out.getWorksheet(SHEET)!;
  const diffs: string[] = [];
  for (let r = 1; r <= a.rowCount; r++)
    for (let c = 1; c <= 6; c++) if (String(a.getCell(r, c).value ?? "") !== String(b.getCell(r, c).value ?? "")) diffs.push(b.getCell(r, c).address);
  expect(diffs).toEqual([`F${row98}`]);
});

test("the template goes in as new sheets beside the user's, and its table reads", async () => {
  const port = await open();
  const name = await port.insertTemplate();
  expect(name).toBe("Chỉ tiêu (2)");
  const sheets = await port.listSheets();
  expect(sheets.slice(0, 3)).toEqual([SHEET, "Ghi chép", "Chỉ tiêu (2)"]);
  expect(sheets).toContain("Thông tin");
  expect(await port.activeSheet()).toBe(name);
  const t = await table(port, name);
  expect(t.rows.some((r) => r.type === "indicator")).toBe(true);
  // the user's sheet is untouched
  expect((await table(port)).rows.filter((r) => r.type === "indicator")).toHaveLength(loadReferenceIndicators().length);
});

test("appendices go to new sheets, never overwriting; settings stay in a hidden sheet", async () => {
  const port = await open();
  const t = await table(port);
  const layout = buildAppendixLayout(t, {}, { preset: "dang-2026" });
  expect((await port.writeAppendix(layout, "Phụ lục 1")).sheetName).toBe("Phụ lục 1");
  expect((await port.writeAppendix(layout, "Phụ lục 1")).sheetName).toBe("Phụ lục 1 (2)");
  expect(await port.getSettings()).toBeNull();
  const s = { ...DEFAULT_SETTINGS, layout: "dang-2018" as const };
  await port.saveSettings(s);
  expect(await port.listSheets()).not.toContain(SETTINGS_SHEET);
  const reopened = await FileWorkbookPort.open("x.xlsx", await port.exportWorkbook());
  expect(await reopened.getSettings()).toEqual(s);
  expect(await reopened.listSheets()).toEqual([SHEET, "Ghi chép", "Phụ lục 1", "Phụ lục 1 (2)"]);
});

test("areas of the reference indicators", async () => {
  const t = await table(await open());
  const byName = (part: string) => {
    const r = t.rows.find((x) => x.type === "indicator" && x.name.includes(part));
    if (!r || r.type !== "indicator") throw new Error(part);
    return areaOf(r);
  };
  expect(byName("Tăng trưởng tổng giá trị sản xuất")).toBe("economy");
  expect(byName("Khu vực dịch vụ")).toBe("economy");
  expect(byName("Tỷ lệ hộ nghèo")).toBe("society");
  expect(byName("Tỷ lệ che phủ rừng")).toBe("environment");
  expect(byName("rác thải")).toBe("environment");
  expect(byName("Kết nạp")).toBe("party");
  const counts = countByArea(t);
  expect(counts.map((c) => c.area)).toEqual(["economy", "society", "environment", "party"]);
  expect(counts.reduce((n, c) => n + c.total, 0)).toBe(loadReferenceIndicators().length);
});
