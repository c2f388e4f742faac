/**
 * How each rule turns the units' figures into the whole's (docs/tong-hop.md), one entry per rule in
 * a table (RULE_COMPUTATIONS), over the simple aggregators (AGGREGATORS): cộng, bình quân, nhỏ
 * nhất, lớn nhất, bình quân gia quyền; growth recomputed from the summed levels; the number of units
 * that met their own target. Each says which units it counted and why the others are missing.
 * Like is added with like only: units writing different ĐVT, or results for different periods
 * ("263 đảng viên/ 3 năm" beside "80 đảng viên/ 2 năm"), give no figure and a note saying why.
 */
import { foldText } from "../text/fold";
import { formatViNumber, roundHalfAway } from "../text/numbers";
import { computeActual } from "../evaluation/evaluate-table";
import type { UnitRow } from "./extract";
import type { RuleChoice } from "./rule-choice";
import { sumOverPeriod } from "./period-text";
import { NOTES, type MissingReason, type NeedsReason, type RuleId } from "./rules";

/** One way to combine numbers: the figures of the units (and their weights) into one. */
export interface Aggregator {
  combine(values: number[], weights?: number[]): number | null;
  /** decimals kept (and shown) */
  decimals: number;
  /** equal inputs give that same figure: a target every unit shares is the whole's target */
  keepsEqual: boolean;
}

const round = roundHalfAway;
const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export const AGGREGATORS = {
  sum: { combine: (v) => round(total(v), 6), decimals: 6, keepsEqual: false },
  mean: { combine: (v) => round(total(v) / v.length, 2), decimals: 2, keepsEqual: true },
  min: { combine: (v) => Math.min(...v), decimals: 6, keepsEqual: true },
  max: { combine: (v) => Math.max(...v), decimals: 6, keepsEqual: true },
  weighted_mean: {
    combine: (v, w) => {
      const sw = total(w!);
      return sw > 0 ? round(v.reduce((a, x, k) => a + x * w![k], 0) / sw, 2) : null;
    },
    decimals: 2,
    keepsEqual: true,
  },
} satisfies Record<string, Aggregator>;

export type SimpleRule = keyof typeof AGGREGATORS;

/** What a rule's computation is given: the indicator's rows by unit index, and which units can be read. */
export interface RuleInput {
  rows: Array<UnitRow | undefined>;
  readable: number[];
  /** readable units whose result is a figure */
  withValue: number[];
  choice: RuleChoice;
  termStart?: number;
  /** every year column of the units' tables, in order */
  years: number[];
}

/** What a rule's computation gives. */
export interface RuleOutput {
  value: number | null;
  /** the figure as written ("8.397,5", "9/15 đơn vị đạt", "526 đảng viên/ 3 năm"); "" when none */
  display: string;
  /** the result cell's text when a figure alone would lose its meaning ("526 đảng viên/ 3 năm") */
  resultText?: string;
  /** the units counted */
  covered: number[];
  /** their weights (weighted mean), in the order of `covered` */
  weights?: number[];
  /** their levels at the start (growth), in the order of `covered` */
  startLevels?: number[];
  /** the units not counted, and why */
  owed: Map<number, MissingReason>;
  years: Record<number, number>;
  baseline: number | null;
  /** what a plain average of the units' figures would give (weighted means: to show the difference) */
  plainMean?: number;
  /** the rule cannot be followed with these figures */
  needs?: NeedsReason;
  /** why there is no figure although the rule is known */
  note?: string;
}

function empty(x: RuleInput): RuleOutput {
  const owed = new Map<number, MissingReason>();
  for (const i of x.readable) {
    const r = x.rows[i];
    if (!r) owed.set(i, "no_row");
    else if (r.value === null) owed.set(i, r.reason ?? "empty");
  }
  return { value: null, display: "", covered: x.withValue, owed, years: {}, baseline: null };
}

/** Years (and the baseline) aggregated over `idx` when every one of them has it. */
function aggregateYears(out: RuleOutput, agg: Aggregator, x: RuleInput, idx: number[], weights?: number[]): void {
  if (!idx.length) return;
  const rows = x.rows;
  for (const y of x.years) {
    if (!idx.every((i) => rows[i]!.years[y] !== undefined)) continue;
    const v = agg.combine(
      idx.map((i) => rows[i]!.years[y]),
      weights,
    );
    if (v !== null) out.years[y] = v;
  }
  if (idx.every((i) => rows[i]!.baseline !== null)) out.baseline = agg.combine(idx.map((i) => rows[i]!.baseline!), weights);
}

/** The units' ĐVT differ ("người" beside "nghìn người"): nothing is added up (nor weighed by it). */
function unitsDiffer(rows: Array<UnitRow | undefined>, idx: number[]): string | undefined {
  // the units nearly always write the same text: fold only when they do not
  if (new Set(idx.map((i) => rows[i]!.unit)).size < 2) return undefined;
  const seen = new Map<string, string>();
  for (const i of idx) {
    const r = rows[i]!;
    const k = foldText(r.unit).replace(/\s+/g, "");
    if (k && !seen.has(k)) seen.set(k, r.unitText ?? r.unit);
  }
  return seen.size > 1 ? NOTES.unitsDiffer([...seen.values()]) : undefined;
}

function simple(rule: SimpleRule) {
  const agg: Aggregator = AGGREGATORS[rule];
  return (x: RuleInput): RuleOutput => {
    const out = empty(x);
    out.note = unitsDiffer(x.rows, x.withValue);
    if (out.note || !x.withValue.length) return out;
    out.value = agg.combine(x.withValue.map((i) => x.rows[i]!.value!));
    aggregateYears(out, agg, x, x.withValue);
    if (rule === "sum" && out.value !== null) {
      const p = sumOverPeriod(x.withValue.map((i) => x.rows[i]!), out.value);
      if (p.kind === "same") out.display = out.resultText = p.text;
      else if (p.kind === "differ") {
        out.note = NOTES.periodsDiffer(p.years);
        out.value = null;
      }
    }
    return out;
  };
}

function weightedMean(x: RuleInput): RuleOutput {
  const out = empty(x);
  const c = x.choice;
  const weightOf = (i: number): number | null => (c.baseMaster ? (c.baseMaster.rows[i]?.value ?? null) : (x.rows[i]?.weight ?? null));
  const ok = x.withValue.filter((i) => (weightOf(i) ?? 0) > 0);
  for (const i of x.withValue) if (!ok.includes(i)) out.owed.set(i, "no_weight");
  out.covered = ok;
  out.note = unitsDiffer(x.rows, ok) ?? (c.baseMaster ? unitsDiffer(c.baseMaster.rows, ok) : undefined);
  if (out.note) return out;
  if (!ok.length) return out;
  out.weights = ok.map((i) => weightOf(i)!);
  out.value = AGGREGATORS.weighted_mean.combine(
    ok.map((i) => x.rows[i]!.value!),
    out.weights,
  );
  out.plainMean = round(total(ok.map((i) => x.rows[i]!.value!)) / ok.length, 2);
  aggregateYears(out, AGGREGATORS.weighted_mean, x, ok, out.weights);
  return out;
}

/**
 * A growth rate of the whole from the summed levels: of the base indicator named in the rule, or of
 * the row itself when its unit is not a rate (a "%" row's years are yearly rates, never levels).
 */
function growth(x: RuleInput): RuleOutput {
  const out = empty(x);
  const first = x.readable.map((i) => x.rows[i]).find((r) => r !== undefined);
  const own = !x.choice.baseMaster && !foldText(first?.unit ?? "").includes("%");
  const levelRows = x.choice.baseMaster ? x.choice.baseMaster.rows : own ? x.rows : [];
  const idx = x.readable.filter((i) => {
    const r = levelRows[i];
    return x.rows[i] !== undefined && r !== undefined && r.baseline !== null && r.baseline > 0 && x.years.some((y) => r.years[y] !== undefined);
  });
  if (!idx.length) return { ...out, needs: "growth_without_levels" };
  for (const i of x.readable) if (!idx.includes(i) && x.rows[i]) out.owed.set(i, "no_levels");
  for (const i of idx) out.owed.delete(i);
  const years: Record<number, number> = {};
  for (const y of x.years) if (idx.every((i) => levelRows[i]!.years[y] !== undefined)) years[y] = round(total(idx.map((i) => levelRows[i]!.years[y])), 6);
  const baseline = round(total(idx.map((i) => levelRows[i]!.baseline!)), 6);
  const c = computeActual("average_growth", years, { baseline, unit: "", baselineYear: x.termStart });
  out.value = c ? round(c.value, 2) : null;
  out.covered = out.value === null ? [] : idx;
  out.startLevels = idx.map((i) => levelRows[i]!.baseline!);
  // the summed levels belong to the level indicator's row, not to this rate row
  if (own) {
    out.years = years;
    out.baseline = baseline;
  }
  return out;
}

function countMet(x: RuleInput): RuleOutput {
  const out = empty(x);
  const judged = x.readable.filter((i) => x.rows[i]?.status && x.rows[i]!.status !== "not_evaluable");
  for (const i of x.readable) if (!judged.includes(i) && !out.owed.has(i)) out.owed.set(i, "not_number");
  const met = judged.filter((i) => x.rows[i]!.status === "met" || x.rows[i]!.status === "exceeded").length;
  out.covered = judged;
  out.value = judged.length ? met : null;
  out.display = judged.length ? NOTES.countMet(met, judged.length) : "";
  return out;
}

/** No figure: the units' figures are listed only (none), or the rule is not known yet (needs_rule). */
function nothing(x: RuleInput): RuleOutput {
  return empty(x);
}

/** One computation per rule. */
export const RULE_COMPUTATIONS: Record<RuleId, (x: RuleInput) => RuleOutput> = {
  sum: simple("sum"),
  mean: simple("mean"),
  min: simple("min"),
  max: simple("max"),
  weighted_mean: weightedMean,
  growth,
  count_met: countMet,
  none: nothing,
  needs_rule: nothing,
};

/** The figure as written in the table and the pane. */
export function displayOf(rule: RuleId, out: RuleOutput): string {
  if (out.display || out.value === null) return out.display;
  return formatViNumber(out.value, { decimals: rule === "sum" ? 6 : 2 });
}
