/**
 * The whole's target (docs/tong-hop.md, "Chỉ tiêu của đơn vị tổng hợp"), made by the same rule as
 * its result and over the same units: a sum of the targets for a sum, the weighted mean with the
 * same weights for a weighted mean, the growth of the summed levels were every unit to meet its own
 * target for a growth. A target every unit shares stays as typed where the rule keeps equal figures
 * equal (means, min, max, growth) — never for a sum. When no such target can be made (a unit without
 * one, targets of different shapes, a per-year target beside a per-term one) the whole is left
 * unjudged and the note says why: a summed result is never judged against one unit's target.
 * The target is written in the first unit's words with its figures replaced.
 */
import { foldText } from "../text/fold";
import { formatViNumber } from "../text/numbers";
import { parseTarget, type Target } from "../target/target";
import { replaceFigures } from "./period-text";
import { AGGREGATORS, type RuleOutput } from "./aggregators";
import type { UnitRow } from "./extract";
import { NOTES, type RuleId } from "./rules";

export interface WholeTarget {
  /** the target written for the whole; "" when there is none */
  text: string;
  /** how it was made, or why there is none */
  note?: string;
}

export interface TargetContext {
  /** the units' names, by unit index */
  units: string[];
  /** every unit with the row (for a target shown beside no figure) */
  present: number[];
  /** years from the term's start to its end (a growth target's n) */
  termYears?: number;
}

const same = (t: string) => foldText(t).replace(/\s+/g, "");
const perYear = (t: Target, unit: string) => t.perYear || /\/\s*(1\s*)?nam\b/.test(foldText(unit)) || /\/\s*(1\s*)?nam\b/.test(foldText(t.unit ?? ""));

/** The whole's target for an indicator, given its rule and what the rule counted. */
export function wholeTarget(rule: RuleId, rows: Array<UnitRow | undefined>, out: RuleOutput, ctx: TargetContext): WholeTarget {
  if (rule === "count_met" || rule === "none" || rule === "needs_rule") return { text: "" };
  const keepsEqual = rule === "growth" || AGGREGATORS[rule].keepsEqual;
  const shared = sharedText(rows, ctx.present);
  if (out.value === null) return { text: keepsEqual && shared ? shared : "" };
  const idx = out.covered;
  const texts = idx.map((i) => rows[i]!.targetText.trim());
  if (texts.every((t) => t === "")) return { text: "" };
  const without = idx.filter((i) => rows[i]!.targetText.trim() === "");
  if (without.length) return { text: "", note: NOTES.noTarget.missing(without.map((i) => ctx.units[i])) };
  const distinct = [...new Set(texts)];
  if (keepsEqual && (distinct.length === 1 || new Set(distinct.map(same)).size === 1)) return { text: rows[idx[0]]!.targetText };
  // each distinct text read once (the units of one template mostly share them)
  const read = new Map<string, Target>();
  for (const t of distinct) {
    const p = parseTarget(t);
    if (!p.ok || (p.target.low === undefined && p.target.high === undefined)) return { text: "", note: NOTES.noTarget.unreadable(t) };
    read.set(t, p.target);
  }
  const parsed = texts.map((t) => read.get(t)!);
  const shape = (t: Target) => [t.form, t.change, t.percent, !!t.approx, !!t.descending].join();
  if (new Set([...read.values()].map(shape)).size > 1) return { text: "", note: NOTES.noTarget.forms };
  if (mixedFooting(idx.map((i) => rows[i]!), read)) return { text: "", note: NOTES.noTarget.perYearMixed };
  const made = combine(rule, parsed, out, ctx);
  if ("note" in made) return { text: "", note: made.note };
  const first = parsed[0];
  const from = bounds(first);
  // in the first unit's words as typed (parseTarget's text is normalised: "–" became "-")
  const text = replaceFigures(rows[idx[0]]!.targetText, from, made.to, rule === "sum" ? 6 : 2) ?? canonical(first, made.to);
  return { text, note: made.how };
}

/** Some units' targets are per year ("…/năm", ĐVT "…/năm"), others per term: not one footing. */
function mixedFooting(rows: UnitRow[], read: Map<string, Target>): boolean {
  const seen = new Map<string, boolean>();
  for (const r of rows) {
    const key = `${r.targetText.trim()}|${r.unit}`;
    if (!seen.has(key)) seen.set(key, perYear(read.get(r.targetText.trim())!, r.unit));
  }
  return new Set(seen.values()).size > 1;
}

/** The target every unit with the row shares, as the first one typed it; undefined when they differ. */
function sharedText(rows: Array<UnitRow | undefined>, present: number[]): string | undefined {
  const texts = new Set(present.map((i) => rows[i]!.targetText.trim()));
  if (!texts.size || texts.has("") || (texts.size > 1 && new Set([...texts].map(same)).size > 1)) return undefined;
  return rows[present[0]]!.targetText;
}

/** low and high when both are given, else the one there is */
function bounds(t: Target): number[] {
  if (t.low !== undefined && t.high !== undefined && t.low !== t.high) return [t.low, t.high];
  return [(t.low ?? t.high)!];
}

function combine(rule: RuleId, targets: Target[], out: RuleOutput, ctx: TargetContext): { to: number[]; how: string } | { note: string } {
  const n = targets.length;
  const each = targets.map(bounds);
  const column = (k: number) => each.map((b) => b[k]);
  const width = each[0].length;
  if (each.some((b) => b.length !== width)) return { note: NOTES.noTarget.forms };
  const cols = Array.from({ length: width }, (_, k) => column(k));
  switch (rule) {
    case "sum":
      if (targets[0].percent) return { note: NOTES.noTarget.percentSum };
      return { to: cols.map((c) => AGGREGATORS.sum.combine(c)!), how: NOTES.targetSummed(n) };
    case "weighted_mean":
      if (!out.weights) return { note: NOTES.noTarget.weights };
      return { to: cols.map((c) => AGGREGATORS.weighted_mean.combine(c, out.weights)!), how: NOTES.targetWeighted(n) };
    case "mean":
      return { to: cols.map((c) => AGGREGATORS.mean.combine(c)!), how: NOTES.targetMean(n) };
    case "growth": {
      const b = out.startLevels;
      const years = ctx.termYears;
      if (!b || b.length !== n || !years) return { note: NOTES.noTarget.levels };
      const start = b.reduce((a, x) => a + x, 0);
      const grown = (c: number[]) => (Math.pow(b.reduce((a, x, k) => a + x * Math.pow(1 + c[k] / 100, years), 0) / start, 1 / years) - 1) * 100;
      return { to: cols.map((c) => Math.round(grown(c) * 100) / 100), how: NOTES.targetGrowth(n) };
    }
    default:
      return { note: NOTES.noTarget.rule };
  }
}

const FORM_WORDS: Record<Target["form"], (b: string[]) => string> = {
  exact: (b) => b[0],
  range: (b) => `${b[0]}-${b[1] ?? b[0]}`,
  floor: (b) => `≥ ${b[0]}`,
  strict_floor: (b) => `> ${b[0]}`,
  ceiling: (b) => `≤ ${b[0]}`,
  strict_ceiling: (b) => `< ${b[0]}`,
};

/** The target written plainly when the first unit's words do not show its figures. */
function canonical(t: Target, to: number[]): string {
  const b = to.map((x) => formatViNumber(x, { decimals: 2 }));
  const change = t.change === "increase" ? "Tăng " : t.change === "decrease" ? "Giảm " : "";
  return `${change}${FORM_WORDS[t.form](b)}${t.percent ? "%" : ""}`;
}
