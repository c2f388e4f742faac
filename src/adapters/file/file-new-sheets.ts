/**
 * New sheets added to a workbook opened in the browser (ExcelJS), after the others and never over
 * an existing one: "Thiếu số liệu" becomes "Thiếu số liệu (2)" when the name is taken.
 */
import type ExcelJS from "exceljs";
import type { NewSheet } from "../../app/port";
import { uniqueSheetName } from "../../core/sheet/sheet-names";
import { addRowsSheet } from "../xlsx/consolidated-workbook";

export function writeNewSheetsToWorkbook(wb: ExcelJS.Workbook, sheets: NewSheet[]): string[] {
  const names: string[] = [];
  for (const s of sheets) {
    const name = uniqueSheetName(s.baseName, wb.worksheets.map((w) => w.name));
    addRowsSheet(wb, name, {
      values: s.values,
      merges: s.merges ?? [],
      headerRows: s.headerRows ?? 1,
      groupRows: s.boldRows ?? [],
      widths: s.widths ?? [],
      textColumns: s.textColumns ?? [],
    });
    names.push(name);
  }
  return names;
}
