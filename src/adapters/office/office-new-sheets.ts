/**
 * New sheets added through Office.js, never over existing ones (uniqueSheetName against the names
 * read in one sync). Values go in as one 2-D array per sheet; text columns get the "@" format first
 * so "1.1" stays text; header rows and group rows bold (ExcelApi 1.1). Merges and column widths
 * need ExcelApi 1.2 and frozen headers 1.7: skipped where missing. Two syncs in all.
 */
import type { NewSheet } from "../../app/port";
import { uniqueSheetName } from "../../core/sheet/sheet-names";
import { columnLetter } from "../../core/sheet/grid";

/** Characters of a column width → points (Calibri/Times 11–12 pt: about 7 points a character). */
const POINTS_PER_CHAR = 7;

function cellValue(v: unknown): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return v;
  const s = String(v);
  // a text starting with "=" would be taken for a formula
  return s.startsWith("=") ? `'${s}` : s;
}

export async function writeNewSheetsOffice(context: Excel.RequestContext, sheets: NewSheet[], supports: (set: string, version: string) => boolean): Promise<string[]> {
  const ws = context.workbook.worksheets;
  ws.load("items/name");
  await context.sync();
  const taken = ws.items.map((s) => s.name);
  const names: string[] = [];
  for (const s of sheets) {
    const name = uniqueSheetName(s.baseName, taken);
    taken.push(name);
    names.push(name);
    const sheet = ws.add(name);
    const width = Math.max(1, ...s.values.map((r) => r.length));
    const rows = s.values.map((r) => Array.from({ length: width }, (_, i) => cellValue(r[i])));
    if (rows.length === 0) continue;
    const last = columnLetter(width);
    for (const c of s.textColumns ?? []) sheet.getRange(`${columnLetter(c + 1)}1:${columnLetter(c + 1)}${rows.length}`).numberFormat = rows.map(() => ["@"]);
    sheet.getRange(`A1:${last}${rows.length}`).values = rows;
    const header = s.headerRows ?? 1;
    if (header > 0) sheet.getRange(`A1:${last}${header}`).format.font.bold = true;
    for (const r of s.boldRows ?? []) sheet.getRange(`A${r}:${last}${r}`).format.font.bold = true;
    if (supports("ExcelApi", "1.2")) {
      for (const m of s.merges ?? []) sheet.getRange(m).merge(false);
      (s.widths ?? []).forEach((w, i) => {
        sheet.getRange(`${columnLetter(i + 1)}1`).format.columnWidth = w * POINTS_PER_CHAR;
      });
      sheet.getRange(`A1:${last}${rows.length}`).format.wrapText = true;
    }
    if (header > 0 && supports("ExcelApi", "1.7")) sheet.freezePanes.freezeRows(header);
  }
  await context.sync();
  return names;
}
