/**
 * Consolidate the indicator tables of several units (communes into a province, old units into a
 * merged one) into one table (docs/tong-hop.md). The steps, each in its own module:
 * - extract.ts: each unit's table reduced to a small extract (a caller reads, reduces, drops);
 * - matching.ts: rows matched across units by TT and name; rows some units lack are reported;
 * - rule-choice.ts: one rule per indicator, chosen, written in "Cách tổng hợp" or inferred where
 *   certain; otherwise the indicator needs a rule and says why (one grouped message: rules.ts);
 * - aggregators.ts: one computation per rule (a table as data), adding like with like only;
 * - targets.ts: the whole's target by the same rule over the same units, or none with the reason;
 * - missing.ts: what each unit still owes, and why.
 * Every figure says how many units it covers. Pure: no I/O.
 */
import { evaluate, statusLabel, type Status, type Vocabulary } from "../evaluation/evaluate";
import { formatViNumber } from "../text/numbers";
import { foldText } from "../text/fold";
import { isFailure, type RowDescription, type UnitExtract, type UnitFailure, type UnitInput } from "./extract";
import { findIndicator, matchRows, unmatchedRows, type Master, type UnmatchedItem } from "./matching";
import { chooseRule, type RuleChoice } from "./rule-choice";
import { displayOf, RULE_COMPUTATIONS, type RuleOutput } from "./aggregators";
import { wholeTarget } from "./targets";
import { missingItem, sortMissing, unreadableItem, type MissingItem } from "./missing";
import { coverageText, NOTES, RULES, type NeedsReason, type RuleId } from "./rules";

/** One unit's figure of an indicator, for the "Theo đơn vị" sheet. */
export interface UnitCell {
  value: number | null;
  raw: string;
  statusLabel?: string;
  status?: Status;
  reason?: UnitExtract["rows"][number]["reason"];
}

export interface ConsolidatedGroup {
  type: "group";
  key: string;
  tt: string;
  name: string;
  nameText?: string;
  level: number;
}

/** A consolidated indicator, described as the first unit's row describes it (outputs copy `nameText`, `unitText`). */
export interface ConsolidatedIndicator extends RowDescription {
  type: "indicator";
  key: string;
  rule: RuleId;
  ruleSource: RuleChoice["source"];
  /** what a weighted mean is weighted by / a growth recomputed from ("Dân số", "2.1 Số hộ") */
  base?: string;
  /** needs_rule: why (one group of the message asking for rules) */
  needs?: NeedsReason;
  /** why the rule is what it is, when it is not plain (needs_rule, conflicts) */
  ruleNote?: string;
  value: number | null;
  /** the value as written in the output ("8.397,5", "9/15 đơn vị đạt", "526 đảng viên/ 3 năm") */
  display: string;
  /** the result cell's text when a figure alone would lose its meaning: a sum over several years ("526 đảng viên/ 3 năm") */
  resultText?: string;
  covered: number;
  total: number;
  target: string;
  targetNote?: string;
  status?: Status;
  statusLabel?: string;
  years: Record<number, number>;
  baseline: number | null;
  lead?: string;
  /** by unit index (Consolidation.units) */
  byUnit: Array<UnitCell | null>;
  /** what a plain average of the units' figures would give (weighted means only: to show the difference) */
  plainMean?: number;
  note: string;
}

export type ConsolidatedRow = ConsolidatedGroup | ConsolidatedIndicator;

/** A rule chosen once for an indicator (the pane's list, `--cach`, a rules table). */
export interface RuleRequest {
  /** the indicator: its key, its TT or its name */
  ref: string;
  /** the rule as the user writes it in "Cách tổng hợp" */
  text: string;
  /** where it was given, as said in the note ("--cach", "tong-hop.xlsx", "ngăn tác vụ") */
  from: string;
}

export interface Consolidation {
  title?: string;
  units: string[];
  files: string[];
  failures: UnitFailure[];
  rows: ConsolidatedRow[];
  missing: MissingItem[];
  unmatched: UnmatchedItem[];
  /** rules requested for indicators no unit has */
  unknownRules: RuleRequest[];
  /** the year columns */
  years: number[];
  termStart?: number;
  vocabulary: Vocabulary;
}

export interface ConsolidateOptions {
  title?: string;
  vocabulary?: Vocabulary;
  rules?: RuleRequest[];
}

/** Parts of a note as sentences: "A. B. C" (a part's own final stop dropped). */
function sentences(parts: Array<string | undefined>): string {
  return parts
    .filter((p): p is string => !!p)
    .map((p) => p.replace(/[.\s]+$/, ""))
    .join(". ");
}

/** Unit names made unique: "Xã A", "Xã A (2)". */
function uniqueUnitNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = foldText(n);
    const c = (seen.get(k) ?? 0) + 1;
    seen.set(k, c);
    return c === 1 ? n : `${n} (${c})`;
  });
}

/** What every indicator of one consolidation shares. */
interface Run {
  inputs: UnitInput[];
  units: string[];
  readable: number[];
  masters: Master[];
  chosen: Map<Master, { text: string; from: string }>;
  termStart?: number;
  termYears?: number;
  /** every year column of the units' tables, in order */
  years: number[];
  vocabulary: Vocabulary;
  missing: MissingItem[];
}

/** Consolidate units (extracts and failures) into one table. */
export function consolidate(inputs: UnitInput[], opts: ConsolidateOptions = {}): Consolidation {
  const units = uniqueUnitNames(inputs.map((u) => u.unit));
  const readable = inputs.map((u, i) => (isFailure(u) ? -1 : i)).filter((i) => i >= 0);
  const masters = matchRows(inputs);
  const extracts = inputs.filter((u): u is UnitExtract => !isFailure(u));
  const termStart = extracts.find((u) => u.termStart !== undefined)?.termStart;
  const termEnd = extracts.find((u) => u.termStart === termStart && u.termEnd !== undefined)?.termEnd;
  const { chosen, unknown } = resolveRules(masters, opts.rules ?? []);
  const run: Run = {
    inputs,
    units,
    readable,
    masters,
    chosen,
    termStart,
    termYears: termStart && termEnd ? termEnd - termStart : undefined,
    years: yearColumns(extracts),
    vocabulary: opts.vocabulary ?? "dat",
    missing: [],
  };
  const rows: ConsolidatedRow[] = masters.map((m) =>
    m.group ? { type: "group", key: m.key, tt: m.first.tt, name: m.first.name, nameText: m.first.nameText, level: m.first.level } : consolidateIndicator(m, run),
  );
  inputs.forEach((u, i) => {
    if (isFailure(u)) run.missing.push(unreadableItem(units[i], u));
  });
  const years = new Set<number>();
  for (const r of rows) if (r.type === "indicator") for (const y in r.years) years.add(Number(y));
  return {
    title: opts.title,
    units,
    files: inputs.map((u) => u.file),
    failures: inputs.filter(isFailure),
    rows,
    missing: sortMissing(run.missing, units),
    unmatched: unmatchedRows(masters, readable, units),
    unknownRules: unknown,
    years: [...years].sort((a, b) => a - b),
    termStart,
    vocabulary: run.vocabulary,
  };
}

/** Every year column of the units' tables, in order (a unit built by hand without them: the years its rows hold). */
function yearColumns(extracts: UnitExtract[]): number[] {
  const ys = new Set<number>();
  for (const u of extracts) {
    if (u.years) for (const y of u.years) ys.add(y);
    else for (const r of u.rows) for (const y in r.years) ys.add(Number(y));
  }
  return [...ys].sort((a, b) => a - b);
}

/** The rules requested, by indicator (a later request for the same one wins); those naming no indicator. */
function resolveRules(masters: Master[], requests: RuleRequest[]): { chosen: Run["chosen"]; unknown: RuleRequest[] } {
  const chosen: Run["chosen"] = new Map();
  const unknown: RuleRequest[] = [];
  for (const q of requests) {
    const m = findIndicator(masters, q.ref);
    if (m) chosen.set(m, { text: q.text, from: q.from });
    else unknown.push(q);
  }
  return { chosen, unknown };
}

function consolidateIndicator(m: Master, run: Run): ConsolidatedIndicator {
  const f = m.first;
  const present = run.readable.filter((i) => m.rows[i]);
  const withValue = present.filter((i) => m.rows[i]!.value !== null);
  let choice = chooseRule(m, { masters: run.masters, present, chosen: run.chosen.get(m) });
  let out = RULE_COMPUTATIONS[choice.rule]({ rows: m.rows, readable: run.readable, withValue, choice, termStart: run.termStart, years: run.years });
  if (out.needs) choice = { ...choice, rule: "needs_rule", needs: out.needs, base: undefined };
  const same = choice.rule === "needs_rule" ? sameFigure(m, withValue, choice, out, run.inputs.length) : undefined;
  if (same) [choice, out] = same;
  const rule = choice.rule;
  const target = wholeTarget(rule, m.rows, out, { units: run.units, present, termYears: run.termYears });
  const verdict = out.value !== null && target.text && rule !== "count_met" ? judge(m, target.text, out, run.vocabulary) : undefined;
  const lead = present.map((i) => m.rows[i]!.lead).find(Boolean);
  for (const [i, reason] of out.owed) run.missing.push(missingItem(run.units[i], f.tt, f.name, reason, lead));
  const ruleNote = sentences([choice.needs && NOTES.needs[choice.needs], ...choice.notes]) || undefined;
  const withBase = choice.base && (rule === "weighted_mean" || rule === "growth") ? ` theo ${choice.base}` : "";
  const coverage = coverageText(out.covered.length, run.inputs.length);
  const note = sentences([choice.headline ?? `${RULES[rule].label}${withBase}: ${coverage}`, ...choice.notes, out.note, target.note, verdict?.why]);
  return {
    type: "indicator",
    key: m.key,
    tt: f.tt,
    name: f.name,
    nameText: f.nameText,
    marker: f.marker,
    level: f.level,
    unit: f.unit,
    unitText: f.unitText,
    kind: f.kind,
    direction: f.direction,
    rule,
    ruleSource: choice.source,
    base: rule === "weighted_mean" || rule === "growth" ? choice.base : undefined,
    needs: choice.needs,
    ruleNote,
    value: rule === "none" || rule === "needs_rule" ? null : out.value,
    display: displayOf(rule, out),
    resultText: out.resultText,
    covered: out.covered.length,
    total: run.inputs.length,
    target: target.text,
    targetNote: target.note,
    status: verdict?.status,
    statusLabel: verdict?.label,
    years: out.years,
    baseline: out.baseline,
    lead,
    byUnit: unitCells(m, run),
    plainMean: out.plainMean,
    note,
  };
}

/**
 * A rate or a growth without weights or levels whose units all give the same figure: the whole's
 * figure is that one whatever the weights (a weighted mean of equal figures; a sum of levels that
 * all grew alike). Certain, so given, with a note saying so.
 */
function sameFigure(m: Master, withValue: number[], choice: RuleChoice, out: RuleOutput, total: number): [RuleChoice, RuleOutput] | undefined {
  if (choice.needs !== "rate_without_weight" && choice.needs !== "growth_without_levels") return undefined;
  const rows = withValue.map((i) => m.rows[i]!);
  if (!rows.length || rows.some((r) => r.value !== rows[0].value || (r.periodYears ?? 1) !== 1 || (r.unit !== rows[0].unit && foldText(r.unit) !== foldText(rows[0].unit)))) return undefined;
  const v = rows[0].value!;
  const shown = formatViNumber(v, { decimals: 6 });
  const rule: RuleId = choice.needs === "growth_without_levels" ? "growth" : "weighted_mean";
  return [
    { rule, source: "inferred", notes: choice.notes, headline: NOTES.sameValue(shown, coverageText(withValue.length, total)) },
    { ...out, value: v, display: shown, covered: withValue, years: {}, baseline: null },
  ];
}

/** The whole judged by the same rules as any row (evaluate); a result it cannot compare is unjudged with evaluate's reason. */
function judge(m: Master, target: string, out: RuleOutput, vocabulary: Vocabulary): { status: Status; label: string; why?: string } {
  const f = m.first;
  const e = evaluate({ target, actual: out.resultText ?? out.value, direction: f.direction, name: f.name, unit: f.unit, vocabulary });
  const why = sentences([...e.notes, e.status === "not_evaluable" ? `Chưa đánh giá: ${e.reason}` : undefined]);
  return { status: e.status, label: statusLabel(e.status, { vocabulary }), why: why || undefined };
}

/** A unit without the row. */
const NO_ROW: UnitCell = Object.freeze({ value: null, raw: "", reason: "no_row" as const });

/** Each unit's cell: its own row (a UnitRow is a UnitCell: no copy), or why there is none. */
function unitCells(m: Master, run: Run): Array<UnitCell | null> {
  return run.inputs.map((u, i) => (isFailure(u) ? null : (m.rows[i] ?? NO_ROW)));
}
