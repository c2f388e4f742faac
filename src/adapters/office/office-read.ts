/**
 * Read a worksheet through Office.js into a Grid, in one batch: the used range's values and
 * address, number formats (percent cells read as shown) and its merged areas, with a single
 * `context.sync()`.
 */
import type { Grid } from "../../core/sheet/grid";
import { shownValue } from "../../core/sheet/cell";

/** "Sheet1!B3:F40" or "'Chỉ tiêu'!B3" → "B3:F40" / "B3" */
export function stripSheet(address: string): string {
  const i = address.lastIndexOf("!");
  return (i >= 0 ? address.slice(i + 1) : address).replace(/\$/g, "").trim();
}

/** "'Chỉ tiêu'!A1:C1, 'Chỉ tiêu'!A3:A4" → ["A1:C1", "A3:A4"] (single cells dropped) */
export function splitAreas(address: string | undefined | null): string[] {
  if (!address) return [];
  // split on commas outside quoted sheet names
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out.map(stripSheet).filter((a) => a.includes(":"));
}

/**
 * Queue the reads of a sheet's used range and merges; call `finish()` after one sync. Merged areas
 * need ExcelApi 1.13: on older Excel (2016/2019) pass `merges: false` and the grid has none.
 */
export function queueSheetRead(context: Excel.RequestContext, sheetName: string, opts: { merges?: boolean } = {}): { finish: () => Grid } {
  const ws = context.workbook.worksheets.getItem(sheetName);
  const used = ws.getUsedRange();
  used.load("values,numberFormat,address");
  const merged = opts.merges === false ? null : used.getMergedAreasOrNullObject();
  merged?.load("address");
  return {
    finish: () => {
      const origin = stripSheet(used.address).split(":")[0];
      const merges = !merged || merged.isNullObject === true ? [] : splitAreas(merged.address);
      const formats = (used.numberFormat ?? []) as unknown[][];
      // as shown: a percent-formatted 0.8636 reads "86,36%", like the .xlsx reader
      const values = (used.values as unknown[][]).map((row, r) =>
        row.map((v, c) => (typeof v === "number" ? shownValue(v, String(formats[r]?.[c] ?? "")) : v === "" ? null : v)),
      );
      return { sheet: sheetName, origin, values, merges };
    },
  };
}

/** Read one sheet: one sync. */
export async function readSheetGrid(context: Excel.RequestContext, sheetName: string, opts: { merges?: boolean } = {}): Promise<Grid> {
  const q = queueSheetRead(context, sheetName, opts);
  await context.sync();
  return q.finish();
}
