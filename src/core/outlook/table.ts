/**
 * The outlook of a whole table, and the trajectory each chart draws (actual path, target path,
 * the path still needed over the years left). Pure.
 */
import type { IndicatorRow, IndicatorTable, ReportInfo } from "../model";
import { yearNumber, yearSeries } from "../evaluation/evaluate-table";
import { indicatorOutlook, yearsAreRates, LIKELIHOOD_LABELS, type LikelihoodRules, type Outlook, type Likelihood } from "./outlook";

export interface OutlookOptions {
  /** nhiệm kỳ: overrides the "Thông tin" sheet */
  termStart?: number;
  termEnd?: number;
  /** năm báo cáo: overrides the year columns and the "Thông tin" sheet */
  reportYear?: number;
  rules?: LikelihoodRules;
}

export interface OutlookContext {
  termStart: number;
  termEnd: number;
  reportYear: number;
  /** where the report year came from */
  reportYearSource: "flag" | "info" | "years";
}

/** The term and the report year: flags first, then the "Thông tin" sheet, then the last year with values. Null when unknown. */
export function outlookContext(table: IndicatorTable | undefined, info: ReportInfo | undefined, opts: OutlookOptions = {}): OutlookContext | null {
  const termStart = opts.termStart ?? info?.termStart;
  const termEnd = opts.termEnd ?? info?.termEnd ?? (termStart !== undefined ? termStart + 5 : undefined);
  if (termStart === undefined || termEnd === undefined || !(termEnd > termStart)) return null;
  if (opts.reportYear !== undefined) return { termStart, termEnd, reportYear: opts.reportYear, reportYearSource: "flag" };
  if (info?.evaluationYear !== undefined) return { termStart, termEnd, reportYear: info.evaluationYear, reportYearSource: "info" };
  let last = 0;
  for (const r of table?.rows ?? []) {
    if (r.type !== "indicator") continue;
    for (const k of Object.keys(r.years)) {
      const y = Number(k);
      if (y > last && y <= termEnd && yearNumber(r.years[y]) !== null) last = y;
    }
  }
  return last > termStart ? { termStart, termEnd, reportYear: last, reportYearSource: "years" } : null;
}

/** The outlook of one row in a context. */
export function rowOutlook(r: IndicatorRow, ctx: OutlookContext, rules?: LikelihoodRules): Outlook {
  const e = r.evaluation;
  const base = yearNumber(r.baseline);
  return indicatorOutlook({
    kindFromColumn: r.cells.kind !== undefined ? r.kind : undefined,
    name: r.name,
    unit: r.unit,
    target: e?.target,
    direction: e?.direction ?? "up",
    years: yearSeries(r.years),
    baseline: base ?? undefined,
    actual: e?.actual,
    currentlyMet: e ? (e.status === "not_evaluable" ? undefined : e.status === "met" || e.status === "exceeded") : undefined,
    termStart: ctx.termStart,
    termEnd: ctx.termEnd,
    reportYear: ctx.reportYear,
    rules,
  });
}

export interface TableOutlook {
  context: OutlookContext;
  /** one outlook per indicator row, in table order */
  rows: Array<{ row: IndicatorRow; outlook: Outlook }>;
  counts: Record<Likelihood, number>;
  /** "2 đã đạt, 5 có khả năng đạt, ..." */
  summary: string;
}

/** Outlooks for every indicator of an evaluated table; null without a term and a report year. */
export function tableOutlook(table: IndicatorTable, info: ReportInfo | undefined, opts: OutlookOptions = {}): TableOutlook | null {
  const context = outlookContext(table, info ?? table.info, opts);
  if (!context) return null;
  const counts: Record<Likelihood, number> = { reached: 0, likely: 0, hard: 0, unlikely: 0, unknown: 0 };
  const rows: TableOutlook["rows"] = [];
  for (const r of table.rows) {
    if (r.type !== "indicator") continue;
    const outlook = rowOutlook(r, context, opts.rules);
    counts[outlook.likelihood]++;
    rows.push({ row: r, outlook });
  }
  const summary = (Object.keys(counts) as Likelihood[])
    .filter((l) => counts[l] > 0)
    .map((l) => `${counts[l]} ${LIKELIHOOD_LABELS[l].toLowerCase()}`)
    .join(", ");
  return { context, rows, counts, summary };
}

/** What a trajectory chart plots: one point per term year (termStart … termEnd). */
export interface Trajectory {
  /** the indicator's name, as written */
  title: string;
  /** the indicator's sheet row */
  row: number;
  /** what the values measure: "Chỉ số phát triển (2020 = 100)", the unit, "Lũy kế (đảng viên mới)" */
  valueLabel: string;
  years: number[];
  /** Thực hiện: the actual path (null where there is no value) */
  actual: Array<number | null>;
  /** Mục tiêu: the path the target implies */
  target: Array<number | null>;
  /** Cần đạt: from the last actual value to the target over the years left */
  needed: Array<number | null>;
  reportYear: number;
  likelihood: Likelihood;
  /** the verdict as text: never colour alone */
  verdict: string;
}

export const SERIES_NAMES = { actual: "Thực hiện", target: "Mục tiêu", needed: "Cần đạt" } as const;

/** The series of one trajectory while they are filled, one slot per year of the term. */
interface Series {
  idx: (y: number) => number;
  years: number[];
  actual: Array<number | null>;
  target: Array<number | null>;
  needed: Array<number | null>;
  valueLabel: string;
  lastYear: number;
  lastValue: number;
}

type YearValues = Array<[number, number]>;

/** Growth: the levels (or an index 100 at the term's start when the years hold rates) against the target pace. */
function growthSeries(s: Series, ys: YearValues, o: Outlook, ctx: OutlookContext, r: IndicatorRow, base: number | null): boolean {
  const T = o.bound!;
  if (yearsAreRates(ys, r.unit, base ?? undefined)) {
    s.valueLabel = `Chỉ số phát triển (${ctx.termStart} = 100)`;
    s.actual[0] = 100;
    let v = 100;
    let prev = ctx.termStart;
    for (const [y, g] of ys) {
      if (y !== prev + 1) break; // a gap breaks the chain
      v *= 1 + g / 100;
      s.actual[s.idx(y)] = v;
      prev = y;
      s.lastYear = y;
      s.lastValue = v;
    }
    for (const y of s.years) s.target[s.idx(y)] = 100 * Math.pow(1 + T / 100, s.idx(y));
  } else {
    if (base === null) return false;
    s.actual[0] = base;
    for (const [y, v] of ys) s.actual[s.idx(y)] = v;
    for (const y of s.years) s.target[s.idx(y)] = base * Math.pow(1 + T / 100, s.idx(y));
  }
  if (o.needed !== null && s.lastYear < ctx.termEnd) {
    for (let y = s.lastYear; y <= ctx.termEnd; y++) s.needed[s.idx(y)] = s.lastValue * Math.pow(1 + o.needed / 100, y - s.lastYear);
  }
  return true;
}

/** A level reached by the term's end: a straight line from the start (baseline, else the first year). */
function levelSeries(s: Series, ys: YearValues, o: Outlook, ctx: OutlookContext, base: number | null): void {
  const start = base !== null ? ([ctx.termStart, base] as [number, number]) : ys[0];
  if (base !== null) s.actual[0] = base;
  for (const [y, v] of ys) s.actual[s.idx(y)] = v;
  const L = o.bound!;
  for (let y = start[0]; y <= ctx.termEnd; y++) s.target[s.idx(y)] = start[1] + ((L - start[1]) * (y - start[0])) / (ctx.termEnd - start[0] || 1);
  if (o.needed !== null && s.lastYear < ctx.termEnd) for (let y = s.lastYear; y <= ctx.termEnd; y++) s.needed[s.idx(y)] = s.lastValue + o.needed * (y - s.lastYear);
}

/** A total (or a yearly average) over the term: the running sum against an even share per year. */
function cumulativeSeries(s: Series, ys: YearValues, o: Outlook, ctx: OutlookContext, r: IndicatorRow): void {
  s.valueLabel = `Lũy kế${r.unit ? ` (${r.unit.replace(/\s*\/\s*năm\s*$/i, "")})` : ""}`;
  s.actual[0] = 0;
  let sum = 0;
  for (const [y, v] of ys) {
    sum += v;
    s.actual[s.idx(y)] = sum;
  }
  s.lastValue = sum;
  const N = ctx.termEnd - ctx.termStart;
  for (const y of s.years) s.target[s.idx(y)] = (o.bound! * s.idx(y)) / N;
  if (o.needed !== null && s.lastYear < ctx.termEnd) for (let y = s.lastYear; y <= ctx.termEnd; y++) s.needed[s.idx(y)] = sum + o.needed * (y - s.lastYear);
}

/** The same bound every year. */
function everyYearSeries(s: Series, ys: YearValues, o: Outlook, ctx: OutlookContext): void {
  for (const [y, v] of ys) s.actual[s.idx(y)] = v;
  for (let y = ctx.termStart + 1; y <= ctx.termEnd; y++) s.target[s.idx(y)] = o.bound!;
  for (let y = Math.max(s.lastYear, ctx.reportYear) + 1; y <= ctx.termEnd; y++) s.needed[s.idx(y)] = o.bound!;
}

/** The trajectory of an indicator with yearly values; null when it has none or no outlook pace. */
export function trajectory(r: IndicatorRow, o: Outlook, ctx: OutlookContext): Trajectory | null {
  const ys = yearSeries(r.years).filter(([y]) => y > ctx.termStart && y <= ctx.termEnd);
  if (ys.length === 0 || o.kind === null || o.bound === undefined) return null;
  const years: number[] = [];
  for (let y = ctx.termStart; y <= ctx.termEnd; y++) years.push(y);
  const empty = () => years.map((): number | null => null);
  const [lastYear, lastValue] = ys[ys.length - 1];
  const s: Series = { idx: (y) => y - ctx.termStart, years, actual: empty(), target: empty(), needed: empty(), valueLabel: r.unit, lastYear, lastValue };
  const base = yearNumber(r.baseline);
  switch (o.kind) {
    case "growth":
      if (!growthSeries(s, ys, o, ctx, r, base)) return null;
      break;
    case "level":
      levelSeries(s, ys, o, ctx, base);
      break;
    case "cumulative_avg":
    case "cumulative_total":
      cumulativeSeries(s, ys, o, ctx, r);
      break;
    case "every_year":
      everyYearSeries(s, ys, o, ctx);
      break;
  }
  const { valueLabel, actual, target, needed } = s;
  return { title: r.name, row: r.row, valueLabel, years, actual, target, needed, reportYear: ctx.reportYear, likelihood: o.likelihood, verdict: `${LIKELIHOOD_LABELS[o.likelihood]}. ${o.reason}` };
}

/** The trajectories of every indicator with yearly values. */
export function tableTrajectories(t: TableOutlook): Trajectory[] {
  const out: Trajectory[] = [];
  for (const { row, outlook } of t.rows) {
    const tr = trajectory(row, outlook, t.context);
    if (tr) out.push(tr);
  }
  return out;
}

/** A round axis range that holds every value. */
export function axisRange(values: Array<number | null>): { min: number; max: number } {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x));
  if (!v.length) return { min: 0, max: 1 };
  let lo = Math.min(...v);
  let hi = Math.max(...v);
  if (hi === lo) {
    hi += Math.abs(hi) * 0.1 || 1;
    lo -= Math.abs(lo) * 0.1 || 1;
  }
  const span = hi - lo;
  const step = Math.pow(10, Math.floor(Math.log10(span / 5)));
  const unit = [1, 2, 5, 10].map((m) => m * step).find((u) => span / u <= 8) ?? step * 10;
  let min = Math.floor((lo - span * 0.05) / unit) * unit;
  const max = Math.ceil((hi + span * 0.05) / unit) * unit;
  // start at zero when the values are not far from it
  if (lo >= 0 && (min < 0 || (min > 0 && lo < span * 1.5))) min = 0;
  return { min: Math.round(min * 1e9) / 1e9, max: Math.round(max * 1e9) / 1e9 };
}
