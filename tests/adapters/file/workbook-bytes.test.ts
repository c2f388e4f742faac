/**
 * The browser's fast read of a chosen file (the page's worker reads with it) answers what the file
 * port (ExcelJS) answers: the visible sheets, the active one, the saved settings, the same grids;
 * and refuses the same files with the same sentences.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FileWorkbookPort, SETTINGS_SHEET } from "../../../src/adapters/file/file-workbook";
import { readWorkbookBytes, snapshotSource } from "../../../src/adapters/file/workbook-bytes";
import { zipDirectory } from "../../../src/adapters/xlsx/zip-package";
import { READER_LIMITS } from "../../../src/adapters/xlsx/limits";
import { PackageFormatError } from "../../../src/adapters/xlsx/limits";
import { AppError } from "../../../src/app/errors";
import { odsBytes, xlsxBytes, xlsxEntries, zipBytes } from "../../support/raw-package";
import { writeRealisticWorkbook } from "../../support/realistic-workbook";
import { referenceTableWorkbook } from "../../support/workbook-fixtures";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "workbook-bytes-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The reference table after a title block, a hidden sheet, the pane's settings, and the second sheet active. */
async function referenceWorkbook(): Promise<Uint8Array> {
  const wb = referenceTableWorkbook();
  wb.addWorksheet("Ẩn", { state: "hidden" }).getCell("A1").value = "ẩn";
  wb.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" }).getCell("A1").value = JSON.stringify({ sheet: "Chỉ tiêu", levels: 3 });
  (wb as unknown as { views: unknown[] }).views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: "visible" }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** What the file port answers for the same bytes. */
async function portAnswers(name: string, bytes: Uint8Array) {
  const port = await FileWorkbookPort.open(name, bytes);
  const sheets = await port.listSheets();
  return { label: port.label, sheets, active: await port.activeSheet(), settings: await port.getSettings(), grids: await Promise.all(sheets.map((s) => port.readSheet(s))) };
}

async function fastAnswers(name: string, bytes: Uint8Array) {
  const snap = await readWorkbookBytes(name, bytes);
  const src = snapshotSource(snap);
  const sheets = await src.listSheets();
  return { label: snap.label, sheets, active: await src.activeSheet(), settings: await src.getSettings(), grids: await Promise.all(sheets.map((s) => src.readSheet(s))) };
}

test("the reference workbook: the same sheets, active sheet, settings and grids as the file port", async () => {
  const bytes = await referenceWorkbook();
  const fast = await fastAnswers("bao-loc.xlsx", bytes);
  expect(fast.sheets).toEqual(["Ghi chép", "Chỉ tiêu"]);
  expect(fast.active).toBe("Chỉ tiêu");
  expect(fast.settings).toEqual({ sheet: "Chỉ tiêu", levels: 3 });
  expect(fast).toEqual(await portAnswers("bao-loc.xlsx", bytes));
});

test("a realistic 1 000-row workbook (merges, styles, % numbers, text results): the same grids", async () => {
  const file = path.join(dir, "r1000.xlsx");
  await writeRealisticWorkbook(file, 1000);
  const bytes = new Uint8Array(readFileSync(file));
  const fast = await fastAnswers("r1000.xlsx", bytes);
  expect(fast.grids[0].values.length).toBeGreaterThan(1000);
  expect(fast).toEqual(await portAnswers("r1000.xlsx", bytes));
});

test("without DecompressionStream (older browsers) JSZip inflates, with the same result", async () => {
  const bytes = await referenceWorkbook();
  const native = await readWorkbookBytes("a.xlsx", bytes);
  const g = globalThis as { DecompressionStream?: unknown };
  const saved = g.DecompressionStream;
  expect(typeof saved).toBe("function"); // the first read was the native one
  try {
    delete g.DecompressionStream;
    expect(await readWorkbookBytes("a.xlsx", bytes)).toEqual(native);
  } finally {
    g.DecompressionStream = saved;
  }
});

test("an .ods: its sheets under Excel's names, saved as .xlsx, as the file port holds it", async () => {
  const cell = (t: string) => `<table:table-cell office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;
  const num = (v: number) => `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
  const row = (...c: string[]) => `<table:table-row>${c.join("")}</table:table-row>`;
  const long = "Kết quả thực hiện các chỉ tiêu chủ yếu nhiệm kỳ 2020 - 2025";
  const bytes = odsBytes([
    { name: long, rows: [row(cell("TT"), cell("Chỉ tiêu"), cell("Chỉ tiêu Nghị quyết"), cell("Kết quả thực hiện")), row(cell("1"), cell("Tỷ lệ che phủ rừng"), cell("&gt; 6"), num(6.5))] },
    { name: "Thông tin", rows: [row(cell("Cấp ủy"), cell("Thành ủy Bảo Lộc"))] },
  ]);
  const fast = await fastAnswers("bang.ods", bytes);
  expect(fast.label).toBe("bang.xlsx");
  expect(fast.sheets[0].length).toBeLessThanOrEqual(31);
  expect(fast.grids[0].values[1]).toEqual(["1", "Tỷ lệ che phủ rừng", "> 6", 6.5]);
  expect(fast).toEqual(await portAnswers("bang.ods", bytes));
});

test("files it cannot use: the file port's sentences, as AppError with what to do", async () => {
  const cfb = new Uint8Array(2048);
  cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const good = xlsxBytes({ sheets: [{ name: "S", sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
  const cases: Array<[string, Uint8Array]> = [
    ["khong-phai.xlsx", new TextEncoder().encode("đây không phải tệp Excel")],
    ["cu.xls", cfb],
    ["anh.zip", zipBytes([{ name: "anh.png", data: "x" }])],
    ["vb.docx", zipBytes([{ name: "word/document.xml", data: "<w/>" }])],
    ["cut.xlsx", good.subarray(0, good.length - 30)],
  ];
  for (const [name, bytes] of cases) {
    const fast = await readWorkbookBytes(name, bytes).catch((e: unknown) => e);
    const port = await FileWorkbookPort.open(name, bytes).catch((e: unknown) => e);
    expect(fast).toBeInstanceOf(AppError);
    expect({ name, message: (fast as AppError).message, action: (fast as AppError).action }).toEqual({ name, message: (port as AppError).message, action: (port as AppError).action });
    expect((fast as AppError).message).toContain(`"${name}"`);
  }
});

test("a part past the reader's limits is refused naming the limit (limit lowered for the test)", async () => {
  const big = '<row r="1"><c r="A1" t="inlineStr"><is><t>' + "x".repeat(80_000) + "</t></is></c></row>";
  const bytes = xlsxBytes({ sheets: [{ name: "S", sheetData: big }] });
  const saved = READER_LIMITS.maxPartBytes;
  try {
    READER_LIMITS.maxPartBytes = 60_000;
    const e = await readWorkbookBytes("lon.xlsx", bytes).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toMatch(/^Tệp "lon\.xlsx": Phần "xl\/worksheets\/sheet1\.xml" .*giới hạn cho một phần/);
  } finally {
    READER_LIMITS.maxPartBytes = saved;
  }
});

test("a package the fast reader cannot make sense of is left to ExcelJS (PackageFormatError)", async () => {
  const entries = xlsxEntries({ sheets: [{ name: "S", sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
  // the workbook's relationships are gone: the fast reader stops, the caller falls back
  const broken = zipBytes(entries.filter((e) => e.name !== "xl/_rels/workbook.xml.rels"));
  expect(zipDirectory(broken).map((e) => e.name)).toContain("xl/workbook.xml");
  await expect(readWorkbookBytes("x.xlsx", broken)).rejects.toBeInstanceOf(PackageFormatError);
});
