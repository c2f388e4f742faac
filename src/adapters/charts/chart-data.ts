/**
 * The data block a chart plots, as rows for a sheet ("Biểu đồ" in the .xlsx and in Excel):
 * title, Năm | years, Thực hiện, Mục tiêu, Cần đạt, Các năm còn lại (shading), then the verdict text.
 * One block per chart; the chart sits beside it.
 */
import { SERIES_NAMES, type Trajectory } from "../../core/outlook";
import { axisRange, chartTitle, shadeValues, SHADE_SERIES_NAME } from "./chart-xml";

/** Rows per chart block (data, verdict, room for the chart). */
export const BLOCK_ROWS = 20;
/** Offsets of the rows inside a block (0-based). */
export const BLOCK = { title: 0, years: 1, actual: 2, target: 3, needed: 4, shade: 5, verdict: 6 } as const;

const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

/** The block's rows: strings and numbers, null for blank cells; every row as wide as the years + 1. */
export function chartBlockRows(tr: Trajectory): Array<Array<string | number | null>> {
  const width = tr.years.length + 1;
  const pad = (row: Array<string | number | null>) => [...row, ...Array(Math.max(0, width - row.length)).fill(null)];
  const top = axisRange([...tr.actual, ...tr.target, ...tr.needed]).max;
  return [
    pad([`${chartTitle(tr, 200)} (${tr.valueLabel})`]),
    pad(["Năm", ...tr.years.map(String)]),
    pad([SERIES_NAMES.actual, ...tr.actual.map(round)]),
    pad([SERIES_NAMES.target, ...tr.target.map(round)]),
    pad([SERIES_NAMES.needed, ...tr.needed.map(round)]),
    pad([SHADE_SERIES_NAME, ...shadeValues(tr, top)]),
    pad([tr.verdict]),
  ];
}

/** A1 column letters (0 → A). */
export function colLetter(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 'Biểu đồ'!$B$3:$G$3 */
export function rowRef(sheet: string, row1: number, firstCol: number, lastCol: number): string {
  return `'${sheet.replace(/'/g, "''")}'!$${colLetter(firstCol)}$${row1}:$${colLetter(lastCol)}$${row1}`;
}
export function cellRef(sheet: string, row1: number, col: number): string {
  return `'${sheet.replace(/'/g, "''")}'!$${colLetter(col)}$${row1}`;
}
