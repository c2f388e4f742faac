/**
 * Consolidate the indicator tables of several units (communes into a province, old units into a
 * merged one) into one table (docs/tong-hop.md):
 * - each unit's table is first reduced to a small extract (extractUnit), so a caller can read one
 *   file, reduce it and drop it: memory stays flat per file;
 * - indicators match across units by TT and folded name (then by folded name alone when the TT
 *   differs); rows missing from some units are reported as unmatched, never dropped;
 * - one rule per indicator, from the "Cách tổng hợp" column or inferred from the unit (rules.ts);
 *   a rate with no base is `needs_rule`, never averaged silently;
 * - growth rates are recomputed from the summed levels (Đầu kỳ and the years) of the units;
 * - every figure says how many units it covers, and every missing figure says why.
 * Pure: no I/O.
 */
import type { IndicatorKind, IndicatorTable, TableRow } from "../model";
import { columnIndex, gridMerges, parseAddress, type Grid } from "../sheet/grid";
import { cellText } from "../sheet/reader";
import { foldText } from "../text/fold";
import { formatViNumber, roundHalfAway } from "../text/numbers";
import { sumOverPeriod } from "./period-text";
import { parseActual } from "../target/actual";
import { computeActual, yearNumber } from "../evaluation/evaluate-table";
import { foldedNameAt } from "../evaluation/prepared-row";
import { evaluate, statusLabel, type Status, type Vocabulary } from "../evaluation/evaluate";
import { parseTarget } from "../target/target";
import {
  BASE_WORD,
  GROWTH_NAME,
  MISSING_LABELS,
  NO_DATA_WORDS,
  NOTES,
  PER_CAPITA,
  PER_YEAR,
  RATE_NAME,
  RULES,
  SUM_UNITS,
  WEIGHT_COLUMN_WORDS,
  coverageText,
  type MissingReason,
  type RuleId,
} from "./rules";

/** One row of a unit's table, reduced to what consolidation needs. */
export interface UnitRow {
  key: string;
  /** folded name, for matching when the TT differs */
  folded: string;
  group: boolean;
  tt: string;
  name: string;
  marker?: "-" | "+";
  level: number;
  unit: string;
  kind: IndicatorKind;
  direction?: string;
  targetText: string;
  /** the result as written, when it gives no figure ("Chưa đến kỳ") or a figure for a period ("263 đảng viên/ 3 năm"); "" otherwise */
  raw: string;
  value: number | null;
  /** "263 đảng viên/ 3 năm": the figure covers 3 years */
  periodYears?: number;
  reason?: MissingReason;
  years: Record<number, number>;
  baseline: number | null;
  status?: Status;
  statusLabel?: string;
  ruleText?: string;
  lead?: string;
  weight: number | null;
}

export interface UnitExtract {
  unit: string;
  file: string;
  rows: UnitRow[];
  termStart?: number;
}

/** A unit whose file could not be read or holds no table. */
export interface UnitFailure {
  unit: string;
  file: string;
  error: string;
}

export type UnitInput = UnitExtract | UnitFailure;

export function isFailure(u: UnitInput): u is UnitFailure {
  return (u as UnitFailure).error !== undefined;
}

const NOT_NAME_CHARS = /[^a-z0-9%]+/g;

/** Name folded for matching: no accents, no punctuation, single spaces. */
export function matchName(name: string): string {
  return foldText(name).replace(NOT_NAME_CHARS, " ").trim();
}

function numberOf(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  return yearNumber(v);
}

/** Why a result cell gives no figure, or null when it gives one. */
export function missingReasonOf(raw: unknown): { value: number | null; reason?: MissingReason; periodYears?: number } {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return { value: null, reason: "empty" };
  if (typeof raw === "string") {
    const f = foldText(raw).replace(/[.;:!]+$/, "").trim();
    for (const [re, reason] of NO_DATA_WORDS) if (re.test(f)) return { value: null, reason };
  }
  const p = parseActual(raw);
  if (!p.ok) return { value: null, reason: p.error.code === "empty" ? "empty" : "not_number" };
  return { value: p.actual.value, periodYears: p.actual.periodYears };
}

/** Reduce a unit's evaluated table to its extract. `grid` gives the extra columns (Cách tổng hợp, Đơn vị chủ trì, Trọng số). */
export function extractUnit(unit: string, file: string, table: IndicatorTable, grid?: Grid): UnitExtract {
  const rows: UnitRow[] = [];
  let lastTt = "";
  // the extra columns by index, once per table (a cell address parsed per row costs more than the rest)
  const origin = parseAddress(grid?.origin ?? "A1");
  const colOf = (role: string) => (table.mapping[role] ? columnIndex(table.mapping[role]) - origin.col : -1);
  const extraCols: Record<string, number> = { rule: colOf("rule"), lead: colOf("lead"), weight: colOf("weight") };
  // a lead unit or a rule merged down over several rows counts for each of them
  const merged = new Map<string, unknown>();
  if (grid?.merges?.length) {
    const wanted = new Set(Object.values(extraCols).filter((c) => c >= 0));
    for (const m of gridMerges(grid)) {
      for (let c = m.left; c <= m.right; c++) {
        if (!wanted.has(c)) continue;
        for (let r = m.top + 1; r <= m.bottom; r++) merged.set(`${r},${c}`, grid.values[m.top]?.[m.left]);
      }
    }
  }
  const extra = (r: TableRow, role: string): unknown => {
    const c = extraCols[role];
    if (r.type !== "indicator" || !grid || c < 0) return undefined;
    const i = r.row - origin.row;
    const v = grid.values[i]?.[c];
    return v === null || v === undefined || v === "" ? (merged.size ? merged.get(`${i},${c}`) : undefined) : v;
  };
  for (let ri = 0; ri < table.rows.length; ri++) {
    const r = table.rows[ri];
    // matchName, from the reader's fold of the name
    const folded = r.type === "indicator" ? foldedNameAt(table, ri).replace(NOT_NAME_CHARS, " ").trim() : matchName(r.name);
    let key: string;
    if (r.tt) {
      key = `${r.tt}|${folded}`;
      lastTt = r.tt;
    } else key = `${lastTt}>${folded}`;
    if (r.type === "group") {
      rows.push({ key: `g:${key}`, folded, group: true, tt: r.tt, name: r.name, level: r.level, unit: "", kind: "level", targetText: "", raw: "", value: null, years: {}, baseline: null, weight: null });
      continue;
    }
    const m =
      r.actualSource === "missing"
        ? { value: null, reason: "empty" as MissingReason }
        : typeof r.actual === "number" && Number.isFinite(r.actual)
          ? { value: r.actual }
          : missingReasonOf(r.actual);
    const years: Record<number, number> = {};
    for (const y in r.years) {
      const n = numberOf(r.years[Number(y)]);
      if (n !== null) years[Number(y)] = n;
    }
    const ruleText = cellText(extra(r, "rule")) || undefined;
    const lead = cellText(extra(r, "lead")) || undefined;
    const e = r.evaluation;
    rows.push({
      key,
      folded,
      group: false,
      tt: r.tt,
      name: r.name,
      marker: r.marker,
      level: r.level,
      unit: r.unit,
      kind: r.kind,
      direction: r.directionSetting,
      targetText: r.targetText,
      // the text as written matters only where there is no figure, or the figure covers several years
      raw: m.value === null || ("periodYears" in m && m.periodYears) ? cellText(r.actual) : "",
      value: m.value,
      periodYears: "periodYears" in m ? m.periodYears : undefined,
      reason: m.reason,
      years,
      baseline: numberOf(r.baseline),
      status: e?.status,
      // no verdict shown where the unit set no target
      statusLabel: e && r.actual !== undefined && (r.targetText !== "" || e.status !== "not_evaluable") ? e.label : undefined,
      ruleText,
      lead,
      weight: numberOf(extra(r, "weight")),
    });
  }
  return { unit, file, rows, termStart: table.info?.termStart };
}

/** A rule read from the "Cách tổng hợp" column: the rule and, for a weighted mean, what it is weighted by. */
export interface ParsedRule {
  rule: RuleId;
  base?: string;
}

/** "Cộng", "Bình quân gia quyền theo 2.1", "gia quyền theo Dân số", "Đếm số đơn vị đạt"… → rule; null when not understood. */
export function parseRuleText(text: string): ParsedRule | null {
  const raw = text.normalize("NFC").trim();
  const f = foldText(raw).replace(/[.;:]+$/, "").trim();
  if (!f) return null;
  const order: RuleId[] = ["none", "needs_rule", "weighted_mean", "growth", "count_met", "mean", "min", "max", "sum"];
  for (const id of order) {
    for (const w of RULES[id].words) {
      if (f === w || f.startsWith(w + " ") || f === id) {
        const out: ParsedRule = { rule: id };
        if (id === "weighted_mean" || id === "growth") {
          // the base as the user typed it: cut the original text at the same word count
          const m = raw.match(/\s+theo\s+(.+)$/i) ?? raw.match(BASE_WORD);
          if (m) out.base = m[1].trim();
        }
        return out;
      }
    }
  }
  return null;
}

export type InferredKind = "sum" | "rate" | "growth" | "count_met" | "unknown";

/** What the unit and name say about adding an indicator up (no rule column). */
export function inferRuleKind(name: string, unit: string, kind: IndicatorKind): InferredKind {
  const n = foldText(name);
  const u = foldText(unit).trim();
  if (kind === "qualitative" || kind === "milestone") return "count_met";
  if (kind === "average_growth" || (GROWTH_NAME.test(n) && u.includes("%"))) return "growth";
  if (u.includes("%") || PER_CAPITA.test(u) || RATE_NAME.test(n)) return "rate";
  const base = u.replace(PER_YEAR, "").replace(/\b(moi|moi nam|nam)\b/g, "").trim();
  if (base === "") return "unknown";
  if (SUM_UNITS.some((w) => base === w || base.startsWith(w + " "))) return "sum";
  return "unknown";
}

export interface UnitCell {
  value: number | null;
  raw: string;
  statusLabel?: string;
  status?: Status;
  reason?: MissingReason;
}

export interface ConsolidatedGroup {
  type: "group";
  key: string;
  tt: string;
  name: string;
  level: number;
}

export interface ConsolidatedIndicator {
  type: "indicator";
  key: string;
  tt: string;
  name: string;
  marker?: "-" | "+";
  level: number;
  unit: string;
  kind: IndicatorKind;
  direction?: string;
  rule: RuleId;
  ruleSource: "column" | "inferred";
  /** what a weighted mean is weighted by / a growth recomputed from ("Dân số", "2.1 Số hộ") */
  base?: string;
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

export interface MissingItem {
  unit: string;
  tt: string;
  name: string;
  lead?: string;
  reason: MissingReason;
  /** Vietnamese reason as shown */
  label: string;
}

export interface UnmatchedItem {
  tt: string;
  name: string;
  /** units that have the row */
  units: string[];
  /** units (with a readable table) that do not */
  absent: string[];
}

export interface Consolidation {
  title?: string;
  units: string[];
  files: string[];
  failures: UnitFailure[];
  rows: ConsolidatedRow[];
  missing: MissingItem[];
  unmatched: UnmatchedItem[];
  /** the year columns */
  years: number[];
  termStart?: number;
  vocabulary: Vocabulary;
}

export interface ConsolidateOptions {
  title?: string;
  vocabulary?: Vocabulary;
}

interface Master {
  key: string;
  group: boolean;
  folded: string;
  first: UnitRow;
  /** by unit index */
  rows: Array<UnitRow | undefined>;
}

/** Unit names made unique: "Xã A", "Xã A (2)". */
export function uniqueUnitNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = foldText(n);
    const c = (seen.get(k) ?? 0) + 1;
    seen.set(k, c);
    return c === 1 ? n : `${n} (${c})`;
  });
}

const round = (x: number, d: number) => roundHalfAway(x, d);

/** Consolidate units (extracts and failures) into one table. */
export function consolidate(inputs: UnitInput[], opts: ConsolidateOptions = {}): Consolidation {
  const units = uniqueUnitNames(inputs.map((u) => u.unit));
  const total = inputs.length;
  const vocabulary = opts.vocabulary ?? "dat";
  // --- match rows across units, in order of first appearance
  const masters: Master[] = [];
  const byKey = new Map<string, Master>();
  inputs.forEach((u, ui) => {
    if (isFailure(u)) return;
    let insertAt = 0;
    const used = new Set<Master>();
    for (const r of u.rows) {
      let m = byKey.get(r.key);
      if (m && used.has(m)) m = undefined;
      if (!m && !r.group) {
        // the same name under another TT: match by name when exactly one row not yet matched has it
        const cands = masters.filter((x) => !x.group && x.folded === r.folded && !used.has(x) && !x.rows[ui]);
        if (cands.length === 1) m = cands[0];
      }
      if (!m) {
        m = { key: r.key, group: r.group, folded: r.folded, first: r, rows: [] };
        masters.splice(insertAt, 0, m);
        byKey.set(r.key, m);
      }
      used.add(m);
      m.rows[ui] = r;
      insertAt = masters.indexOf(m) + 1;
    }
  });
  const readable = inputs.map((u, i) => (isFailure(u) ? -1 : i)).filter((i) => i >= 0);
  const termStart = inputs.find((u): u is UnitExtract => !isFailure(u) && u.termStart !== undefined)?.termStart;

  // --- base indicators for weighted means, by TT or folded name
  const findBase = (base: string): Master | undefined => {
    const f = matchName(base);
    const tt = base.trim().match(/^([0-9.]+|[IVX]+)\b/)?.[1]?.replace(/\.$/, "");
    return (
      masters.find((m) => !m.group && m.first.tt !== "" && tt !== undefined && m.first.tt === tt) ??
      masters.find((m) => !m.group && m.folded === f) ??
      masters.find((m) => !m.group && f.length >= 4 && m.folded.startsWith(f))
    );
  };
  const isWeightColumn = (base: string) => WEIGHT_COLUMN_WORDS.includes(matchName(base));

  const rows: ConsolidatedRow[] = [];
  const missing: MissingItem[] = [];
  const unmatched: UnmatchedItem[] = [];
  const yearSet = new Set<number>();

  for (const m of masters) {
    const f = m.first;
    const present = readable.filter((i) => m.rows[i]);
    if (present.length < readable.length) {
      unmatched.push({ tt: f.tt, name: f.name, units: present.map((i) => units[i]), absent: readable.filter((i) => !m.rows[i]).map((i) => units[i]) });
    }
    if (m.group) {
      rows.push({ type: "group", key: m.key, tt: f.tt, name: f.name, level: f.level });
      continue;
    }
    const unitRows = inputs.map((_, i) => m.rows[i]);
    // --- the rule
    const ruleTexts = unitRows.map((r) => r?.ruleText).filter((t): t is string => !!t);
    let rule: RuleId;
    let ruleSource: "column" | "inferred" = "inferred";
    let base: string | undefined;
    let ruleNote: string | undefined;
    const lead = unitRows.find((r) => r?.lead)?.lead;
    const hasWeights = present.some((i) => m.rows[i]!.weight !== null);
    if (ruleTexts.length) {
      ruleSource = "column";
      const p = parseRuleText(ruleTexts[0]);
      if (!p) {
        rule = "needs_rule";
        ruleNote = NOTES.unknownRule(ruleTexts[0]);
      } else {
        rule = p.rule;
        base = p.base;
      }
      const distinct = [...new Set(ruleTexts.map((t) => foldText(t)))];
      if (distinct.length > 1) ruleNote = NOTES.conflictingRules(ruleTexts[0]);
    } else {
      const k = inferRuleKind(f.name, f.unit, f.kind);
      rule = k === "sum" ? "sum" : k === "count_met" ? "count_met" : k === "growth" ? "growth" : k === "rate" ? (hasWeights ? "weighted_mean" : "needs_rule") : "needs_rule";
      if (rule === "weighted_mean") base = NOTES.weightColumn;
      if (k === "rate" && rule === "needs_rule") ruleNote = NOTES.rateWithoutWeight(f.unit);
      if (k === "unknown") ruleNote = NOTES.unknownUnit(f.unit);
    }
    if (rule === "weighted_mean" && base === undefined) base = hasWeights ? NOTES.weightColumn : undefined;

    // --- per-unit cells and coverage
    const cells: Array<UnitCell | null> = inputs.map((u, i) => {
      if (isFailure(u)) return null;
      const r = m.rows[i];
      if (!r) return { value: null, raw: "", reason: "no_row" };
      return { value: r.value, raw: r.raw, status: r.status, statusLabel: r.statusLabel, reason: r.reason };
    });
    const withValue = readable.filter((i) => cells[i]!.value !== null);
    let value: number | null = null;
    let display = "";
    let covered = withValue.length;
    const years: Record<number, number> = {};
    let baseline: number | null = null;
    let plainMean: number | undefined;
    const owed = new Map<number, MissingReason>();
    for (const i of readable) if (cells[i]!.value === null) owed.set(i, cells[i]!.reason ?? "empty");

    const aggregate = (vals: number[], w?: number[]): number | null => {
      if (!vals.length) return null;
      switch (rule) {
        case "sum":
          return round(vals.reduce((a, b) => a + b, 0), 6);
        case "mean":
          return round(vals.reduce((a, b) => a + b, 0) / vals.length, 2);
        case "min":
          return Math.min(...vals);
        case "max":
          return Math.max(...vals);
        case "weighted_mean": {
          const sw = w!.reduce((a, b) => a + b, 0);
          if (!(sw > 0)) return null;
          return round(vals.reduce((a, v, k) => a + v * w![k], 0) / sw, 2);
        }
        default:
          return null;
      }
    };
    /** years (and the baseline) aggregated over `idx` when every one of them has it */
    const aggregateYears = (idx: number[], weightOf?: (i: number) => number) => {
      if (!idx.length) return;
      const ys = new Set<number>();
      for (const i of idx) for (const y of Object.keys(m.rows[i]!.years)) ys.add(Number(y));
      for (const y of ys) {
        if (!idx.every((i) => m.rows[i]!.years[y] !== undefined)) continue;
        const v = aggregate(
          idx.map((i) => m.rows[i]!.years[y]),
          weightOf && idx.map(weightOf),
        );
        if (v !== null) years[y] = v;
      }
      if (idx.every((i) => m.rows[i]!.baseline !== null)) baseline = aggregate(idx.map((i) => m.rows[i]!.baseline!), weightOf && idx.map(weightOf));
    };

    /** The indicator a rule names ("… theo Số hộ dân cư"), `base` then written as "TT name"; none: the rule needs choosing, with a note. */
    const namedBase = (text: string): Master | undefined => {
      const bm = findBase(text);
      if (!bm) {
        rule = "needs_rule";
        ruleNote = NOTES.baseNotFound(text);
      } else base = `${bm.first.tt ? bm.first.tt + " " : ""}${bm.first.name}`;
      return bm;
    };

    switch (rule) {
      case "sum":
      case "mean":
      case "min":
      case "max": {
        value = aggregate(withValue.map((i) => cells[i]!.value!));
        aggregateYears(withValue);
        break;
      }
      case "weighted_mean": {
        let weightOf: (i: number) => number | null;
        if (base && !isWeightColumn(base)) {
          const bm = namedBase(base);
          if (!bm) break;
          weightOf = (i) => bm.rows[i]?.value ?? null;
        } else weightOf = (i) => m.rows[i]?.weight ?? null;
        const ok = withValue.filter((i) => weightOf(i) !== null && weightOf(i)! > 0);
        for (const i of withValue) if (!ok.includes(i)) owed.set(i, "no_weight");
        covered = ok.length;
        value = aggregate(
          ok.map((i) => cells[i]!.value!),
          ok.map((i) => weightOf(i)!),
        );
        if (ok.length) plainMean = round(ok.reduce((a, i) => a + cells[i]!.value!, 0) / ok.length, 2);
        aggregateYears(ok, (i) => weightOf(i)!);
        break;
      }
      case "growth": {
        // levels: a base indicator named in the rule ("… theo Giá trị sản xuất"), or the row itself when
        // its unit is not a rate (a "%" row holds yearly rates, never levels)
        let levelRows: Array<UnitRow | undefined> = m.rows;
        if (base) {
          const bm = namedBase(base);
          if (!bm) break;
          levelRows = bm.rows;
        } else if (foldText(f.unit).includes("%")) levelRows = [];
        const lv = readable.filter((i) => {
          const r = levelRows[i];
          return r !== undefined && r.baseline !== null && r.baseline > 0 && Object.keys(r.years).length > 0;
        });
        if (!lv.length) {
          rule = "needs_rule";
          ruleNote = NOTES.growthWithoutLevels;
          break;
        }
        const idx = lv;
        for (const i of readable) if (!idx.includes(i)) owed.set(i, "no_levels");
        for (const i of idx) owed.delete(i);
        const ys = new Set<number>();
        for (const i of idx) for (const y of Object.keys(levelRows[i]!.years)) ys.add(Number(y));
        for (const y of [...ys].sort()) if (idx.every((i) => levelRows[i]!.years[y] !== undefined)) years[y] = round(idx.reduce((a, i) => a + levelRows[i]!.years[y], 0), 6);
        baseline = round(idx.reduce((a, i) => a + levelRows[i]!.baseline!, 0), 6);
        const c = computeActual("average_growth", years, { baseline, unit: "", baselineYear: termStart });
        value = c ? round(c.value, 2) : null;
        covered = value === null ? 0 : idx.length;
        if (levelRows !== m.rows) {
          // the levels belong to the level indicator's row, not to this rate row (a "%" row's years are rates)
          for (const y of Object.keys(years)) delete years[Number(y)];
          baseline = null;
        }
        break;
      }
      case "count_met": {
        const judged = readable.filter((i) => cells[i]!.status && cells[i]!.status !== "not_evaluable");
        for (const i of readable) if (!judged.includes(i) && !owed.has(i)) owed.set(i, "not_number");
        const met = judged.filter((i) => cells[i]!.status === "met" || cells[i]!.status === "exceeded").length;
        covered = judged.length;
        value = judged.length ? met : null;
        display = judged.length ? NOTES.countMet(met, judged.length) : "";
        break;
      }
      default:
        break;
    }
    if (rule === "none" || rule === "needs_rule") value = null;
    let resultText: string | undefined;
    if (rule === "sum" && value !== null) {
      const p = sumOverPeriod(withValue.map((i) => m.rows[i]!), value);
      if (p.kind === "same") display = resultText = p.text;
      else if (p.kind === "differ") {
        ruleNote = NOTES.periodsDiffer(p.years);
        value = null;
      }
    }
    if (display === "" && value !== null) display = formatViNumber(value, { decimals: rule === "sum" ? 6 : 2 });
    for (const y of Object.keys(years)) yearSet.add(Number(y));

    // --- the target of the whole
    const targets = present.map((i) => m.rows[i]!.targetText).filter((t) => t !== "");
    let target = "";
    let targetNote: string | undefined;
    if (targets.length) {
      const distinct = [...new Set(targets.map((t) => foldText(t).replace(/\s+/g, "")))];
      if (distinct.length === 1) target = targets[0];
      else if (rule === "sum") {
        const nums = targets.map((t) => parseTarget(t)).map((p) => (p.ok && p.target.low !== undefined && p.target.low === p.target.high ? p.target.low : null));
        if (targets.length === present.length && nums.every((x) => x !== null)) {
          target = formatViNumber(nums.reduce((a, b) => a! + b!, 0)!, { decimals: 6 });
          targetNote = NOTES.targetSummed;
        } else targetNote = NOTES.targetsDiffer;
      } else targetNote = NOTES.targetsDiffer;
    }
    let status: Status | undefined;
    let label: string | undefined;
    if (value !== null && target && rule !== "count_met") {
      const e = evaluate({ target, actual: resultText ?? value, direction: f.direction, name: f.name, unit: f.unit, vocabulary });
      status = e.status;
      label = statusLabel(e.status, { vocabulary });
    }
    // --- missing list
    for (const [i, reason] of owed) missing.push({ unit: units[i], tt: f.tt, name: f.name, lead, reason, label: MISSING_LABELS[reason] });

    const noteParts = [`${RULES[rule].label}${base && (rule === "weighted_mean" || rule === "growth") ? ` theo ${base}` : ""}: ${coverageText(covered, total)}`];
    if (ruleNote) noteParts.push(ruleNote);
    if (targetNote) noteParts.push(targetNote);
    rows.push({
      type: "indicator",
      key: m.key,
      tt: f.tt,
      name: f.name,
      marker: f.marker,
      level: f.level,
      unit: f.unit,
      kind: f.kind,
      direction: f.direction,
      rule,
      ruleSource,
      base,
      ruleNote,
      value,
      display,
      resultText,
      covered,
      total,
      target,
      targetNote,
      status,
      statusLabel: label,
      years,
      baseline,
      lead,
      byUnit: cells,
      plainMean,
      note: noteParts.join(". "),
    });
  }
  // whole files that could not be read
  inputs.forEach((u, i) => {
    if (isFailure(u)) missing.push({ unit: units[i], tt: "", name: "Tất cả chỉ tiêu", reason: "unreadable", label: `${MISSING_LABELS.unreadable}: ${u.error}` });
  });
  // grouped by lead unit (those without a lead last), then by unit
  const order = new Map(units.map((u, i) => [u, i]));
  const stable = missing.map((x, i) => ({ x, i }));
  stable.sort((a, b) => {
    const la = a.x.lead ?? "\uffff";
    const lb = b.x.lead ?? "\uffff";
    if (la !== lb) return la.localeCompare(lb, "vi");
    return order.get(a.x.unit)! - order.get(b.x.unit)! || a.i - b.i;
  });
  return {
    title: opts.title,
    units,
    files: inputs.map((u) => u.file),
    failures: inputs.filter(isFailure),
    rows,
    missing: stable.map((s) => s.x),
    unmatched,
    years: [...yearSet].sort((a, b) => a - b),
    termStart,
    vocabulary,
  };
}

/** What a unit still owes, for the "copy as message" text: per unit (in the units' order), its missing items. */
export function owedByUnit(c: Consolidation): Map<string, MissingItem[]> {
  const out = new Map<string, MissingItem[]>();
  for (const u of c.units) {
    const list = c.missing.filter((m) => m.unit === u);
    if (list.length) out.set(u, list);
  }
  return out;
}

/** What `chitieu tong-hop --json` prints. */
export interface ConsolidationJson {
  title?: string;
  units: string[];
  files: Array<{ unit: string; file: string; error?: string }>;
  indicators: Array<{ tt: string; name: string; unit: string; rule: RuleId; base?: string; value: number | null; display: string; covered: string; covered_count: number; total: number; target: string; status?: string; note: string; by_unit: Record<string, number | null> }>;
  missing: Array<{ unit: string; tt: string; name: string; lead?: string; reason: string; reason_code: MissingReason }>;
  unmatched: UnmatchedItem[];
}

export function consolidationJson(c: Consolidation): ConsolidationJson {
  const failed = new Map(c.failures.map((f) => [f.file, f.error]));
  return {
    title: c.title,
    units: c.units,
    files: c.units.map((u, i) => ({ unit: u, file: c.files[i], ...(failed.has(c.files[i]) ? { error: failed.get(c.files[i]) } : {}) })),
    indicators: c.rows
      .filter((r): r is ConsolidatedIndicator => r.type === "indicator")
      .map((r) => ({
        tt: r.tt,
        name: r.name,
        unit: r.unit,
        rule: r.rule,
        ...(r.base ? { base: r.base } : {}),
        value: r.value,
        display: r.display,
        covered: coverageText(r.covered, r.total),
        covered_count: r.covered,
        total: r.total,
        target: r.target,
        ...(r.statusLabel ? { status: r.statusLabel } : {}),
        note: r.note,
        by_unit: Object.fromEntries(c.units.map((u, i) => [u, r.byUnit[i]?.value ?? null])),
      })),
    missing: c.missing.map((m) => ({ unit: m.unit, tt: m.tt, name: m.name, ...(m.lead ? { lead: m.lead } : {}), reason: m.label, reason_code: m.reason })),
    unmatched: c.unmatched,
  };
}
