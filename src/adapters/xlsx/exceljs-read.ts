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
export { isPercentFormat, shownValue } from "../../core/sheet/cell";

/** The grid of one worksheet, from A1 to its last used cell. */
export function worksheetGrid(ws: ExcelJS.Worksheet): Grid {
  const values: unknown[][] = [];
  const rowCount = ws.actualRowCount > 0 ? ws.rowCount : 0;
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.findRow(r);
    if (!row || !row.hasValues) {
      values.push([]);
      continue;
    }
    const out: unknown[] = [];
    const n = row.cellCount;
    for (let c = 1; c <= n; c++) {
      const cell = row.findCell(c);
      if (!cell) {
        out.push(null);
        continue;
      }
      const v = cell.type === ExcelJS.ValueType.Merge ? null : cell.value;
      out.push(shownValue(v, cell.numFmt));
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
