/**
 * The consolidated workbook with ExcelJS (browser-safe: builds bytes, writes no file): sheets
 * "Chỉ tiêu" (the consolidated table in the template layout), "Theo đơn vị", "Thiếu số liệu" and
 * "Thông tin". Times New Roman, borders, bold headers frozen and repeated when printed.
 */
import ExcelJS from "exceljs";
import type { Consolidation } from "../../core/consolidate/consolidate";
import { byUnitSheet, infoSheet, missingSheet, tableSheet, type SheetRows } from "../../core/consolidate/sheets";
import { CONSOLIDATED_SHEETS } from "../../core/consolidate/rules";
import type { ReportInfo } from "../../core/model";
import { rowHeight, TEMPLATE_FONT } from "./template";

const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Add one sheet of rows, styled. `textColumns`: 0-based columns kept as typed text ("2020-2025"). */
export function addRowsSheet(wb: ExcelJS.Workbook, name: string, s: SheetRows, opts: { landscape?: boolean; freezeColumns?: number } = {}): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: s.headerRows, xSplit: opts.freezeColumns ?? 0 }],
    pageSetup: { paperSize: 9, orientation: opts.landscape === false ? "portrait" : "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `1:${s.headerRows}` },
  });
  ws.columns = s.widths.map((w) => ({ width: w }));
  const groups = new Set(s.groupRows);
  const width = Math.max(...s.values.map((r) => r.length), s.widths.length);
  s.values.forEach((vals, k) => {
    const row = ws.getRow(k + 1);
    const header = k < s.headerRows;
    for (let i = 0; i < width; i++) {
      const v = vals[i];
      const c = row.getCell(i + 1);
      if (v !== null && v !== undefined) c.value = v as ExcelJS.CellValue;
      c.font = { name: TEMPLATE_FONT, size: 12, bold: header || groups.has(k + 1) };
      c.border = BORDER;
      c.alignment = { horizontal: header ? "center" : typeof v === "number" ? "right" : "left", vertical: "middle", wrapText: true };
      if (header) c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    }
    row.height = header ? 36 : rowHeight(vals, s.widths);
  });
  // merges last: setting values afterwards would drop them
  for (const m of s.merges) ws.mergeCells(m);
  return ws;
}

/** The consolidated workbook. */
export function buildConsolidatedWorkbook(c: Consolidation, info: ReportInfo = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "chitieu";
  wb.created = new Date(0);
  wb.modified = new Date(0);
  addRowsSheet(wb, CONSOLIDATED_SHEETS.table, tableSheet(c), { freezeColumns: 2 });
  addRowsSheet(wb, CONSOLIDATED_SHEETS.byUnit, byUnitSheet(c), { freezeColumns: 2 });
  addRowsSheet(wb, CONSOLIDATED_SHEETS.missing, missingSheet(c), { landscape: false });
  const wi = addRowsSheet(wb, CONSOLIDATED_SHEETS.info, infoSheet(c, info), { landscape: false });
  // "2020-2025" and dates stay text
  wi.getColumn(2).numFmt = "@";
  return wb;
}

export async function renderConsolidatedXlsx(c: Consolidation, info: ReportInfo = {}): Promise<Uint8Array> {
  const buf = await buildConsolidatedWorkbook(c, info).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
