/**
 * Indicator kinds, the result computed from yearly values, and evaluating a whole table.
 *   tốc độ tăng bình quân  a rate row stays a rate: when the unit is a percent ("%", "%/năm") the
 *                          years hold yearly rates, averaged by the GSO chain formula
 *                          ((Π(1 + gᵢ/100))^(1/n) − 1)·100, whatever the baseline column holds (the
 *                          previous term's rate); otherwise the years are levels: ⁿ√(Vn/V0) − 1 with
 *                          the baseline as V0 (or the first year)
 *   mức đạt được           the last year's value
 *   lũy kế                 the sum over the years
 *   hằng năm               every year must meet the target: the weakest year is compared
 */
import { evaluateRead, type EvaluateInput, type Levels, type StatusWords, type Vocabulary } from "./evaluate";
import { foldedName, rowReading, rowReadingAt, type RowReading } from "./prepared-row";
import { parseActual } from "../target/actual";
import type { Direction } from "../target/direction";
import { averageGrowth, averageGrowthOfRates } from "./growth";
import { foldText } from "../text/fold";
import { KIND_LABELS, type IndicatorKind, type IndicatorRow, type IndicatorTable, type TableRow } from "../model";

export { KIND_LABELS };
export type { IndicatorKind };

export const KINDS: IndicatorKind[] = ["average_growth", "level", "cumulative", "every_year", "milestone", "qualitative"];

/** "Tốc độ tăng bình quân", "bình quân", "Lũy kế", "Hằng năm", "mốc", "định tính", or the English ids → kind; null if not recognised. */
export function parseKind(input: unknown): IndicatorKind | null {
  if (typeof input !== "string" || input === "") return null;
  const t = foldText(input).replace(/[.;:]+$/, "");
  if (t === "") return null;
  if ((KINDS as string[]).includes(t)) return t as IndicatorKind;
  if (/(toc do|tang truong|binh quan|tang bq|average)/.test(t)) return "average_growth";
  if (/(luy ke|cong don|tong (ca )?(giai doan|nhiem ky|ky)|cumulative)/.test(t)) return "cumulative";
  if (/(hang nam|hàng năm|moi nam|every)/.test(t)) return "every_year";
  if (/(moc|hoan thanh (truoc|vao|den)|milestone)/.test(t)) return "milestone";
  if (/(dinh tinh|qualitative)/.test(t)) return "qualitative";
  if (/(muc dat|dat duoc|muc|cuoi ky|level)/.test(t)) return "level";
  return null;
}

// inferKind's words, compiled once (a pattern written in the function is a new object per row)
const KIND_AVERAGE = /(binh quan|toc do tang)/;
const KIND_TANG = /tang/;
const KIND_GROWTH = /(toc do tang|tang truong)/;
const KIND_PER_YEAR_UNIT = /%\s*\/\s*(1\s*)?nam/;
const KIND_EVERY_YEAR = /(hang nam|moi nam)/;
const KIND_CUMULATIVE = /(luy ke|cong don)/;

/** When the sheet has no "Loại" column: guess from the name and unit. */
export function inferKind(name: string, unit: string): IndicatorKind {
  return inferKindFolded(foldText(name), foldText(unit));
}

/** inferKind for a name and a unit already folded (foldText): the reader folds each name once. */
export function inferKindFolded(n: string, u: string): IndicatorKind {
  if (KIND_AVERAGE.test(n) && (u.includes("%") || KIND_TANG.test(n))) return "average_growth";
  // "Tốc độ tăng trưởng GRDP" in "%/năm": a yearly rate, averaged over the term
  if (KIND_GROWTH.test(n) && KIND_PER_YEAR_UNIT.test(u)) return "average_growth";
  if (KIND_EVERY_YEAR.test(n)) return "every_year";
  if (KIND_CUMULATIVE.test(n)) return "cumulative";
  return "level";
}

/** The number a yearly cell holds ("ước 9,8%" → 9.8), or null. */
export function yearNumber(v: unknown): number | null {
  if (v === null || v === undefined || v === "") return null;
  // a number is itself (what parseActual gives for it), without reading it as text
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  const p = parseActual(v);
  if (!p.ok || p.actual.interval || p.actual.periodYears) return null;
  return p.actual.value;
}

export interface ComputedActual {
  value: number;
  /** Vietnamese explanation: how it was computed */
  how: string;
}

/** Years with a number, in order. */
export function yearSeries(years: Record<number, unknown>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const key of Object.keys(years)) {
    const y = Number(key);
    const v = yearNumber(years[y]);
    if (v !== null) out.push([y, v]);
  }
  // object keys come in ascending order for years; sort only what is not
  for (let i = 1; i < out.length; i++) if (out[i - 1][0] > out[i][0]) return out.sort((a, b) => a[0] - b[0]);
  return out;
}

type ComputeOptions = { baseline?: unknown; unit?: string; direction?: Direction; baselineYear?: number };

/**
 * Compute the result from the yearly values according to the kind. Null when there is nothing to
 * compute from. `direction` only matters for every_year (the weakest year is the one compared).
 */
export function computeActual(kind: IndicatorKind, years: Record<number, unknown>, opts: ComputeOptions = {}): ComputedActual | null {
  return computeFrom(kind, yearSeries(years), opts, true);
}

/** computeActual's value alone, without writing how it was computed (the reader fills results with it). */
export function computeActualValue(kind: IndicatorKind, years: Record<number, unknown>, opts: ComputeOptions = {}): number | null {
  const c = computeFrom(kind, yearSeries(years), opts, false);
  return c ? c.value : null;
}

/** `explain`: write `how`; otherwise it is left empty. */
function computeFrom(kind: IndicatorKind, s: Array<[number, number]>, opts: ComputeOptions, explain: boolean): ComputedActual | null {
  if (s.length === 0) return null;
  const vals = s.map((p) => p[1]);
  const list = () => s.map(([y, v]) => `${y}: ${v}`).join("; ");
  switch (kind) {
    case "average_growth":
      return averageGrowthActual(s, opts, explain);
    case "cumulative":
      return { value: vals.reduce((a, b) => a + b, 0), how: explain ? `Cộng dồn các năm (${list()}).` : "" };
    case "every_year": {
      const down = opts.direction === "down";
      const worst = down ? Math.max(...vals) : Math.min(...vals);
      const y = s.find((p) => p[1] === worst)![0];
      return { value: worst, how: explain ? `Chỉ tiêu hằng năm: so sánh năm thấp nhất (${y}: ${worst}); các năm: ${list()}.` : "" };
    }
    default: {
      const last = s[s.length - 1];
      return { value: last[1], how: explain ? `Lấy giá trị năm ${last[0]}.` : "" };
    }
  }
}

/** Average growth from the years: yearly rates for a percent unit (GSO chain formula), else levels. */
function averageGrowthActual(s: Array<[number, number]>, opts: ComputeOptions, explain: boolean): ComputedActual | null {
  const vals = s.map((p) => p[1]);
  const list = () => s.map(([y, v]) => `${y}: ${v}`).join("; ");
  const base = yearNumber(opts.baseline);
  const unit = foldText(opts.unit ?? "");
  // a rate row stays a rate: yearly columns in "%" or "%/năm" are yearly rates, never levels
  const rates = unit.includes("%") || ((base === null || base <= 0) && vals.every((v) => Math.abs(v) < 100));
  try {
    if (rates) {
      return { value: averageGrowthOfRates(vals), how: explain ? `Bình quân nhân các tốc độ tăng hằng năm (${list()}): ((Π(1 + gᵢ/100))^(1/${vals.length}) − 1) × 100.` : "" };
    }
    if (base !== null && base > 0) {
      const last = s[s.length - 1];
      const n = opts.baselineYear && last[0] > opts.baselineYear ? last[0] - opts.baselineYear : s.length;
      return { value: averageGrowth(base, last[1], n), how: explain ? `Tăng bình quân từ giá trị đầu kỳ ${base} đến ${last[1]} (năm ${last[0]}), ${n} năm.` : "" };
    }
    if (s.length >= 2) {
      return { value: averageGrowth(vals[0], vals[vals.length - 1], s.length - 1), how: explain ? `Tăng bình quân từ năm ${s[0][0]} đến năm ${s[s.length - 1][0]}.` : "" };
    }
  } catch {
    return null;
  }
  return null;
}

/** Fill computed results for rows without a given result (the reader does this; exported for adapters). */
export function fillComputedActual(row: IndicatorRow, groupName?: string): void {
  if (row.actualSource !== "given") fillFromReading(row, rowReading(row, groupName));
}

/** fillComputedActual with the row's reading (its direction: the weakest year of an "every year" row). */
export function fillFromReading(row: IndicatorRow, reading: RowReading): void {
  if (row.actualSource === "given") return;
  const v = computeActualValue(row.kind, row.years, { baseline: row.baseline, unit: row.unit, direction: reading.direction.direction });
  if (v !== null) {
    row.actual = v;
    row.actualSource = "computed";
  } else {
    row.actual = undefined;
    row.actualSource = "missing";
  }
}

export { foldedName };

export interface EvaluateTableOptions {
  vocabulary?: Vocabulary;
  levels?: Levels;
  /** the sheet's own status words ("Không đạt"), see detectStatusStyle */
  words?: StatusWords;
  /** near threshold as a fraction (0.02); off by default */
  near?: number;
  /** tolerance of approximate targets ("Khoảng 4") as a fraction; default APPROX_TOLERANCE */
  approxTolerance?: number;
}

/**
 * For each row, the index of its nearest enclosing row: a group, or the indicator that "-"/"+"
 * sub-rows belong to (it acts as their group when deciding the direction); undefined at the top.
 */
export function nearestParentIndexes(rows: TableRow[]): Array<number | undefined> {
  const out: Array<number | undefined> = new Array(rows.length);
  const stack: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    while (stack.length && rows[stack[stack.length - 1]].level >= rows[i].level) stack.pop();
    out[i] = stack.length ? stack[stack.length - 1] : undefined;
    stack.push(i);
  }
  return out;
}

/** For each row, the name of its nearest enclosing row (nearestParentIndexes). */
export function nearestParents(rows: TableRow[]): Map<TableRow, string | undefined> {
  const parents = nearestParentIndexes(rows);
  return new Map(rows.map((r, i) => [r, parents[i] === undefined ? undefined : rows[parents[i]!].name]));
}

/**
 * Evaluate every indicator: fills `evaluation`. Returns the same table (mutated) for chaining. Each
 * row's target and direction are read once (rowReading) and shared with the computed result.
 */
export function evaluateTable(table: IndicatorTable, opts: EvaluateTableOptions = {}): IndicatorTable {
  const parents = nearestParentIndexes(table.rows);
  // one input for every row (evaluateRead keeps nothing of it): the row's fields set in turn
  const input: EvaluateInput = { target: "", actual: undefined, vocabulary: opts.vocabulary, levels: opts.levels, words: opts.words, near: opts.near, approxTolerance: opts.approxTolerance };
  for (let i = 0; i < table.rows.length; i++) {
    const r = table.rows[i];
    if (r.type !== "indicator") continue;
    // the reader's reading when it made one (rows with a computed result), else read here, once
    const reading = rowReadingAt(table, i, parents[i], true);
    if (r.actualSource !== "given") fillFromReading(r, reading);
    input.target = r.targetText;
    input.actual = r.actual;
    input.unit = r.unit;
    r.evaluation = evaluateRead(input, reading);
  }
  return table;
}
