/**
 * Reasons in the browser page without Excel: the file port writes them to a "Lý do" column (not
 * cell notes: see FileWorkbookPort.reasonNotes), beside the Đánh giá column or in the next empty
 * one; the saved .xlsx carries it, everything else as it was.
 */
import ExcelJS from "exceljs";
import { FileWorkbookPort } from "../../../src/adapters/file/file-workbook";
import { analyse } from "../../../src/app/analyse";
import { buildStatusRequest } from "../../../src/app/status-column";
import { describeReasonPlan, REASON_COLUMN_CHARS, withReasons } from "../../../src/app/reasons";
import { toCellValue } from "../../../src/core/sample";
import { loadReferenceRows } from "../../support/reference";

const SHEET = "Chỉ tiêu";
const rows = loadReferenceRows();
const STRICT = 2 + rows.findIndex((r) => r.target === "> 98" && r.actual === "98");

async function referenceBytes(extra?: (row: number) => string | null): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.getRow(1).values = ["TT", "CHỈ TIÊU", "ĐVT", "Chỉ tiêu Nghị quyết ĐH VI", "Kết quả thực hiện", "So sánh NQ ĐH VI", extra?.(1) ?? null];
  rows.forEach((r, i) => {
    ws.getRow(i + 2).values = [r.tt || null, r.name, r.unit || null, toCellValue(r.target), toCellValue(r.actual), r.reported || null, extra?.(i + 2) ?? null];
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function request(port: FileWorkbookPort) {
  const grid = await port.readSheet(SHEET);
  const table = analyse(grid, { vocabulary: "dat", levels: 2 }).table!;
  return withReasons(buildStatusRequest(table, { vocabulary: "dat", levels: 2, near: 0 }, "So sánh NQ ĐH VI"), table, grid);
}

async function saved(port: FileWorkbookPort): Promise<ExcelJS.Worksheet> {
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(Buffer.from(await port.exportWorkbook()));
  return out.getWorksheet(SHEET)!;
}

test("the “Lý do” column beside the Đánh giá column, saved in the file with a width to read it", async () => {
  const port = await FileWorkbookPort.open("bao-loc.xlsx", await referenceBytes());
  expect(port.reasonNotes()).toBe(false);
  const req = await request(port);
  expect(req.reasons).toEqual({ column: "G", headerRow: 1 });
  const plan = await port.planStatusColumn(req);
  const reasons = req.cells.filter((c) => c.reason).length;
  expect(plan.reasons).toMatchObject({ way: "column", changes: reasons + 1, replaced: 0 });
  const r = await port.writeStatusColumn(req);
  expect(r).toMatchObject({ changed: 1, reasons: { changes: reasons + 1 } });
  const ws = await saved(port);
  expect(ws.getCell("G1").value).toBe("Lý do");
  expect(ws.getCell(`G${STRICT}`).value).toBe("Kết quả 98 bằng đúng ngưỡng; chỉ tiêu yêu cầu trên 98 nên chưa đạt (sát ngưỡng, cần xem lại).");
  expect(ws.getCell(`F${STRICT}`).value).toBe("Chưa đạt");
  expect(ws.getColumn("G").width).toBe(REASON_COLUMN_CHARS);
  // the other columns as they were
  const before = new ExcelJS.Workbook();
  await before.xlsx.load(Buffer.from(await referenceBytes()));
  const a = before.getWorksheet(SHEET)!;
  const diffs: string[] = [];
  for (let row = 1; row <= a.rowCount; row++) for (let c = 1; c <= 6; c++) if (String(a.getCell(row, c).value ?? "") !== String(ws.getCell(row, c).value ?? "")) diffs.push(ws.getCell(row, c).address);
  expect(diffs).toEqual([`F${STRICT}`]);
  // a second time: nothing to change
  expect((await port.planStatusColumn(await request(port))).reasons).toMatchObject({ changes: 0 });
});

test("a “Ghi chú” column beside: the reasons go to the next empty column, and the plan says so", async () => {
  const port = await FileWorkbookPort.open("bao-loc.xlsx", await referenceBytes((row) => (row === 1 ? "Ghi chú" : row === STRICT ? "ước thực hiện" : null)));
  const req = await request(port);
  expect(req.reasons).toEqual({ column: "H", headerRow: 1, passed: { column: "G", header: "Ghi chú" } });
  const plan = await port.planStatusColumn(req);
  expect(describeReasonPlan(plan.reasons!, "F")).toMatch(/^Cột G bên cạnh đã có dữ liệu \(“Ghi chú”\) nên lý do ghi vào cột H/);
  await port.writeStatusColumn(req);
  const ws = await saved(port);
  expect([ws.getCell("G1").value, ws.getCell(`G${STRICT}`).value, ws.getCell("H1").value]).toEqual(["Ghi chú", "ước thực hiện", "Lý do"]);
});
