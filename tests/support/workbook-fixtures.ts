/** Workbooks written by the tests: the reference table as .xlsx, and tables in other shapes. */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { toCellValue } from "../../src/core/sample";
import { loadReferenceRows } from "./reference";

export interface SheetSpec {
  name: string;
  rows: unknown[][];
  merges?: string[];
  /** A1 address → number format */
  numFmt?: Record<string, string>;
}

export async function workbookBytes(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const [a, f] of Object.entries(s.numFmt ?? {})) ws.getCell(a).numFmt = f;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let dir: string | undefined;
export function tmpDir(): string {
  dir ??= mkdtempSync(path.join(os.tmpdir(), "chitieu-wb-"));
  return dir;
}
// each test file that writes workbooks removes its folder at the end
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

export async function writeWorkbook(name: string, sheets: SheetSpec[]): Promise<string> {
  const file = path.join(tmpDir(), name);
  writeFileSync(file, await workbookBytes(sheets));
  return file;
}

export const REFERENCE_HEADER = ["TT", "CHỈ TIÊU", "ĐVT", "Chỉ tiêu Nghị quyết ĐH VI", "Kết quả thực hiện", "So sánh NQ ĐH VI"];

/** The reference appendix as sheet rows: the TSV header, then 33 rows, numbers as numbers. */
export function referenceSheetRows(): unknown[][] {
  return [
    REFERENCE_HEADER,
    ...loadReferenceRows().map((r) => [r.tt || null, r.name, r.unit || null, toCellValue(r.target), toCellValue(r.actual), r.reported || null]),
  ];
}

/** The official title block above the table, merged across the columns. */
export function titleRows(): { rows: unknown[][]; merges: string[] } {
  return {
    rows: [
      ["ĐẢNG BỘ TỈNH LÂM ĐỒNG", null, null, "ĐẢNG CỘNG SẢN VIỆT NAM"],
      ["Phụ lục 1"],
      ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ LẦN THỨ VI, NHIỆM KỲ 2020-2025"],
      ["(Kèm theo Báo cáo số 203-BC/ThU, ngày 25/5/2023 của Thành ủy)"],
      [],
    ],
    merges: ["A1:C1", "D1:F1", "A2:F2", "A3:F3", "A4:F4"],
  };
}

/** The reference table after its title block on a sheet "Chỉ tiêu", behind a first sheet "Ghi chép" with no table. */
export function referenceTableWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Ghi chép").getCell("A1").value = "không phải bảng";
  const ws = wb.addWorksheet("Chỉ tiêu");
  const title = titleRows();
  [...title.rows, ...referenceSheetRows()].forEach((r, i) => {
    if (r.length) ws.getRow(i + 1).values = r as ExcelJS.CellValue[];
  });
  for (const m of title.merges) ws.mergeCells(m);
  return wb;
}
