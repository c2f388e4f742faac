/**
 * Which rule adds up an indicator (docs/tong-hop.md, "Cách tổng hợp"), in this order:
 * 1. the rule chosen once for the indicator (the pane's list, `--cach`, a rules table);
 * 2. the "Cách tổng hợp" column of any unit (the first one written; a conflict is noted);
 * 3. inferred where the answer is certain: counts and money add up, a growth rate is recomputed
 *    from levels, a per-capita figure or a household share weighs by the population or the
 *    households when the table holds exactly one such base;
 * 4. otherwise the indicator needs a rule, with the reason (rules.ts NeedsReason), never a guess.
 * The words are data in rules.ts.
 */
import type { IndicatorKind } from "../model";
import { foldText } from "../text/fold";
import { BASE_WORD, INFERRED_BASES, NOTES, PER_CAPITA, PER_YEAR, RATE_NAME, RULES, SUM_UNITS, WEIGHT_COLUMN_WORDS, type NeedsReason, type RuleId } from "./rules";
import { matchName } from "./extract";
import { findIndicator, type Master } from "./matching";

/** A rule read from the "Cách tổng hợp" column: the rule and, for a weighted mean or a growth, its base. */
export interface ParsedRule {
  rule: RuleId;
  base?: string;
}

const PARSE_ORDER: RuleId[] = ["none", "needs_rule", "weighted_mean", "growth", "count_met", "mean", "min", "max", "sum"];

/** "Cộng", "Bình quân gia quyền theo 2.1", "gia quyền theo Dân số", "Đếm số đơn vị đạt"… → rule; null when not understood. */
export function parseRuleText(text: string): ParsedRule | null {
  const raw = text.normalize("NFC").trim();
  const f = foldText(raw).replace(/[.;:]+$/, "").trim();
  if (!f) return null;
  for (const id of PARSE_ORDER) {
    for (const w of RULES[id].words) {
      if (f === w || f.startsWith(w + " ") || f === id) {
        const out: ParsedRule = { rule: id };
        if (id === "weighted_mean" || id === "growth") {
          // the base as the user typed it
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

/** What the unit and kind say about adding an indicator up (no rule given). The growth kind is the reader's (row.kind). */
export function inferRuleKind(name: string, unit: string, kind: IndicatorKind): InferredKind {
  const n = foldText(name);
  const u = foldText(unit).trim();
  if (kind === "qualitative" || kind === "milestone") return "count_met";
  if (kind === "average_growth") return "growth";
  if (u.includes("%") || PER_CAPITA.test(u) || RATE_NAME.test(n)) return "rate";
  const base = u.replace(PER_YEAR, "").replace(/\b(moi|moi nam|nam)\b/g, "").trim();
  if (base === "") return "unknown";
  if (SUM_UNITS.some((w) => base === w || base.startsWith(w + " "))) return "sum";
  return "unknown";
}

/** The rule of one indicator and what it rests on. */
export interface RuleChoice {
  rule: RuleId;
  source: "chosen" | "column" | "inferred";
  /** what a weighted mean weighs by / a growth is recomputed from, as shown ("4 Số hộ dân cư", "Trọng số") */
  base?: string;
  /** the base indicator (weights, or levels for a growth) */
  baseMaster?: Master;
  /** the weights are the table's "Trọng số" column */
  weightColumn?: boolean;
  /** needs_rule: why */
  needs?: NeedsReason;
  /** the inferred kind, for the figure every unit shares (rules.ts NOTES.sameValue) */
  inferred?: InferredKind;
  /** notes on the choice (a conflict, the rule not understood, the base not found) */
  notes: string[];
  /** the note's first sentence when it is not "<rule>: <coverage>" (the figure every unit shares) */
  headline?: string;
}

export interface ChoiceContext {
  masters: Master[];
  /** units with the row */
  present: number[];
  /** the rule chosen for this indicator (pane, --cach, a rules table), and where */
  chosen?: { text: string; from: string };
}

const isWeightColumn = (base: string) => WEIGHT_COLUMN_WORDS.includes(matchName(base));
const label = (m: Master) => `${m.first.tt ? m.first.tt + " " : ""}${m.first.name}`;

function needs(reason: NeedsReason, notes: string[] = [], inferred?: InferredKind): RuleChoice {
  return { rule: "needs_rule", source: "inferred", needs: reason, notes, inferred };
}

/** Choose the rule of one indicator. */
export function chooseRule(m: Master, ctx: ChoiceContext): RuleChoice {
  const given = givenRule(m, ctx);
  if (given) return given;
  return inferredRule(m, ctx);
}

/** The rule chosen or written in the column; null when none is (or the column says only "Cần chọn …"). */
function givenRule(m: Master, ctx: ChoiceContext): RuleChoice | null {
  const notes: string[] = [];
  let text: string | undefined;
  let source: RuleChoice["source"] = "column";
  if (ctx.chosen) {
    text = ctx.chosen.text;
    source = "chosen";
    notes.push(NOTES.chosen(ctx.chosen.from));
  } else {
    const texts = ctx.present.map((i) => m.rows[i]!.ruleText).filter((t): t is string => !!t);
    if (!texts.length) return null;
    text = texts[0];
    const distinct = new Set(texts);
    if (distinct.size > 1 && new Set([...distinct].map((t) => foldText(t).trim())).size > 1) notes.push(NOTES.conflictingRules(text));
  }
  const p = parseRuleText(text);
  if (!p) return { ...needs("unknown_rule", [...notes, NOTES.unknownRule(text)]), source };
  if (p.rule === "needs_rule") return null;
  const choice: RuleChoice = { rule: p.rule, source, notes };
  if (p.rule === "weighted_mean") return weightsFor(m, ctx, choice, p.base);
  if (p.rule === "growth") return levelsFor(m, ctx, choice, p.base);
  return choice;
}

function inferredRule(m: Master, ctx: ChoiceContext): RuleChoice {
  const f = m.first;
  const k = inferRuleKind(f.name, f.unit, f.kind);
  switch (k) {
    case "sum":
    case "count_met":
      return { rule: k, source: "inferred", notes: [] };
    case "growth":
      return { ...levelsFor(m, ctx, { rule: "growth", source: "inferred", notes: [] }), inferred: k };
    case "rate":
      return { ...weightsFor(m, ctx, { rule: "weighted_mean", source: "inferred", notes: [] }), inferred: k };
    default:
      return needs("unknown_unit");
  }
}

/** A weighted mean's weights: the base named, the Trọng số column, or a base the table certainly holds. */
function weightsFor(m: Master, ctx: ChoiceContext, choice: RuleChoice, base?: string): RuleChoice {
  if (base && !isWeightColumn(base)) {
    const bm = findIndicator(ctx.masters, base);
    if (!bm) return { ...needs("base_not_found", [...choice.notes, NOTES.baseNotFound(base)]), source: choice.source };
    return { ...choice, base: label(bm), baseMaster: bm };
  }
  if (base || ctx.present.some((i) => m.rows[i]!.weight !== null)) return { ...choice, base: NOTES.weightColumn, weightColumn: true };
  const inferred = inferredBase(m, ctx.masters);
  if (inferred) return { ...choice, base: label(inferred), baseMaster: inferred, notes: [...choice.notes, NOTES.inferredBase(label(inferred))] };
  return { ...needs("rate_without_weight", choice.notes, "rate"), source: choice.source };
}

/** A growth's levels: the level indicator named, else the row itself when its unit is not a rate ("%" rows hold yearly rates). */
function levelsFor(m: Master, ctx: ChoiceContext, choice: RuleChoice, base?: string): RuleChoice {
  if (!base) return choice;
  const bm = findIndicator(ctx.masters, base);
  if (!bm) return { ...needs("base_not_found", [...choice.notes, NOTES.baseNotFound(base)]), source: choice.source };
  return { ...choice, base: label(bm), baseMaster: bm };
}

/** The one base indicator a per-capita figure or a household share certainly weighs by, if the table holds exactly one. */
function inferredBase(m: Master, masters: Master[]): Master | undefined {
  const unit = foldText(m.first.unit).trim();
  for (const b of INFERRED_BASES) {
    if (!b.rate.test(b.on === "unit" ? unit : m.folded)) continue;
    const found = masters.filter((x) => !x.group && x !== m && b.base.test(x.folded) && b.baseUnit.test(foldText(x.first.unit).trim()));
    if (found.length === 1) return found[0];
  }
  return undefined;
}
