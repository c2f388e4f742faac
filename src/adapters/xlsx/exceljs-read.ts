/**
 * Workbook → grids with ExcelJS, in Node and in the browser (no fs here). Values as shown:
 * rich text joined, formulas → their cached result, hyperlinks → their text, dates as Date,
 * numbers formatted as percent → "86,36%" text, merges as A1 ranges. Reading never changes the
 * data it is given.
 */
import ExcelJS from "exceljs";
import type { Grid } from "../../core/sheet/grid";

// The cell-as-shown rules are pure and live in core, so the Office.js reader can use them without
// loading ExcelJS; re-exported here for the file adapters.
import { shownValue } from "../../core/sheet/cell";
import { limitMessages, READER_LIMITS, ReaderLimitError } from "./limits";
export { isPercentFormat, shownValue } from "../../core/sheet/cell";

/** Same test as xlsx-reader's isDateFormat (kept here so the browser bundle need not load xlsx-reader). */
function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** Text as typed: OOXML escapes decoded, "\r\n" → "\n" (the fast reader does the same). */
function cleanText(v: unknown): unknown {
  if (typeof v !== "string") return v;
  let s = v;
  if (s.indexOf("_x") >= 0) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  return s;
}

/** A formula's cached number under a date format is a date, as Excel shows it. */
function formulaDate(v: ExcelJS.CellValue, numFmt: string | undefined, date1904: boolean): ExcelJS.CellValue {
  if (v && typeof v === "object" && !(v instanceof Date) && "result" in v && typeof v.result === "number" && isDateFmt(numFmt)) {
    const d = new Date(Math.round((v.result - 25569 + (date1904 ? 1462 : 0)) * 86400000));
    return { ...v, result: d } as ExcelJS.CellValue;
  }
  return v;
}

/** The grid of one worksheet, from A1 to its last used cell. */
export function worksheetGrid(ws: ExcelJS.Worksheet): Grid {
  const values: unknown[][] = [];
  const rowCount = ws.actualRowCount > 0 ? ws.rowCount : 0;
  const where = `Trang "${ws.name}"`;
  if (rowCount > READER_LIMITS.maxRows) throw new ReaderLimitError("maxRows", limitMessages.maxRows(where, rowCount));
  const date1904 = !!(ws.workbook as unknown as { properties?: { date1904?: boolean } })?.properties?.date1904;
  let cells = 0;
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.findRow(r);
    if (!row || !row.hasValues) {
      values.push([]);
      continue;
    }
    const out: unknown[] = [];
    const n = row.cellCount;
    if (n > READER_LIMITS.maxColumns) throw new ReaderLimitError("maxColumns", limitMessages.maxColumns(where, `dòng ${r}, cột ${n}`));
    cells += n;
    if (cells > READER_LIMITS.maxGridCells) throw new ReaderLimitError("maxGridCells", limitMessages.maxGridCells(where));
    for (let c = 1; c <= n; c++) {
      const cell = row.findCell(c);
      if (!cell) {
        out.push(null);
        continue;
      }
      const v = cell.type === ExcelJS.ValueType.Merge ? null : formulaDate(cell.value, cell.numFmt, date1904);
      out.push(cleanText(shownValue(v, cell.numFmt)));
    }
    while (out.length && (out[out.length - 1] === null || out[out.length - 1] === "")) out.pop();
    values.push(out);
  }
  while (values.length && values[values.length - 1].length === 0) values.pop();
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
  return { sheet: ws.name, origin: "A1", values, merges };
}

/** Load an .xlsx (bytes) and return one grid per worksheet, in workbook order. */
export async function readWorkbookGrids(data: ArrayBuffer | Uint8Array): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS takes a Buffer in Node and an ArrayBuffer in the browser; give it a copy it may keep.
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const input: unknown = typeof Buffer !== "undefined" ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes.slice().buffer;
  await wb.xlsx.load(input as ArrayBuffer);
  const grids: Grid[] = [];
  wb.eachSheet((ws) => grids.push(worksheetGrid(ws)));
  return grids;
}
