/**
 * The Đánh giá column: what each indicator row should hold (an NQ.DANHGIA formula, or the value
 * computed here), and how many cells that changes. Pure; both workbook adapters use it.
 */
import type { Vocabulary } from "../core/evaluation/evaluate";
import type { IndicatorTable, IndicatorRow } from "../core/model";
import { columnIndex, columnLetter } from "../core/sheet/grid";
import { PREVIEW_CHANGES, type StatusCell, type StatusChange, type StatusColumnRequest, type StatusColumnPlan } from "./port";

export interface StatusOptions {
  vocabulary: Vocabulary;
  levels: 2 | 3;
  /** near threshold in percent; 0 = off */
  near: number;
}

const DIRECTION_ARG: Record<string, string> = { up: "tang", down: "giam", band: "khoang" };

function splitAddress(a: string): { col: string; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a.trim());
  return m ? { col: m[1].toUpperCase(), row: Number(m[2]) } : null;
}

/** The column the Đánh giá values go to: the mapped status column, or a new one after the table. */
export function statusColumnOf(table: IndicatorTable): { column: string; isNew: boolean } {
  const status = table.mapping.status;
  if (status) return { column: status, isNew: false };
  const last = Math.max(...Object.values(table.mapping).map(columnIndex));
  return { column: columnLetter(last + 1), isNew: true };
}

/** `=NQ.DANHGIA(F5,M5)`, with the direction and vocabulary spelled out when they are not the defaults. */
function statusFormula(row: IndicatorRow, opts: StatusOptions): string | undefined {
  const ev = row.evaluation;
  const target = row.cells.target;
  const actual = row.cells.actual;
  if (!ev || !target || !actual || row.actualSource !== "given" || ev.targetError) return undefined;
  const args = [target, actual];
  // the formula sees no name or group: pass a direction the engine took from them
  let dir = "";
  if (ev.directionRule === "explicit" && row.cells.direction) dir = row.cells.direction;
  else if (ev.directionRule !== "default" && ev.directionRule !== "target_words") dir = `"${DIRECTION_ARG[ev.direction]}"`;
  const voc = opts.vocabulary === "dat" && opts.levels === 3 ? "" : `"${opts.vocabulary}${opts.levels === 2 ? "-2" : ""}"`;
  const near = opts.near > 0 ? String(opts.near) : "";
  const rest = [dir, voc, near];
  while (rest.length && rest[rest.length - 1] === "") rest.pop();
  return `=NQ.DANHGIA(${[...args, ...rest].join(",")})`;
}

/**
 * Build the request for the Đánh giá column from an evaluated table. `headerText` is what the
 * column's header cell holds now: an empty header (a new column) gets "Đánh giá".
 */
export function buildStatusRequest(table: IndicatorTable, opts: StatusOptions, headerText?: string): StatusColumnRequest {
  const { column, isNew } = statusColumnOf(table);
  const cells: StatusCell[] = [];
  if (isNew || headerText === "") cells.push({ row: table.headerRow, value: "Đánh giá" });
  for (const r of table.rows) {
    if (r.type !== "indicator" || !r.evaluation) continue;
    const at = r.cells.status ? splitAddress(r.cells.status) : null;
    cells.push({ row: at?.row ?? r.row, formula: statusFormula(r, opts), value: r.evaluation.label });
  }
  return { sheet: table.sheet, column, cells };
}

/** The content a cell gets in a mode. */
function desiredContent(cell: StatusCell, mode: StatusColumnPlan["mode"]): string {
  return mode === "formulas" && cell.formula ? cell.formula : cell.value;
}

/** Normalise what a sheet holds for comparison: numbers and text as text, formulas as written. */
function same(current: unknown, desired: string): boolean {
  if (current === null || current === undefined) return desired === "";
  if (typeof current === "string") return current.trim() === desired.trim();
  return String(current) === desired;
}

/**
 * Compare the current contents of the status column (`current(row)` gives a formula or value) with
 * the desired ones; return the cells that change, in row order.
 */
export function diffStatus(
  req: StatusColumnRequest,
  mode: StatusColumnPlan["mode"],
  current: (row: number) => unknown,
): StatusChange[] {
  const out: StatusChange[] = [];
  for (const c of [...req.cells].sort((a, b) => a.row - b.row)) {
    const content = desiredContent(c, mode);
    const now = current(c.row);
    if (!same(now, content)) out.push({ row: c.row, before: now === null || now === undefined ? "" : String(now), content });
  }
  return out;
}

/** The plan of a diff: the count and the first few changes. */
export function planOf(changes: StatusChange[], mode: StatusColumnPlan["mode"]): StatusColumnPlan {
  return { changes: changes.length, mode, preview: changes.slice(0, PREVIEW_CHANGES) };
}

/** Group changed rows into contiguous runs, so each run is one 2-D write. */
export function contiguousRuns<T extends { row: number }>(items: readonly T[]): T[][] {
  const runs: T[][] = [];
  for (const it of items) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].row + 1 === it.row) last.push(it);
    else runs.push([it]);
  }
  return runs;
}

export function rowSpan(req: StatusColumnRequest): { first: number; last: number } | null {
  if (!req.cells.length) return null;
  const rows = req.cells.map((c) => c.row);
  return { first: Math.min(...rows), last: Math.max(...rows) };
}
