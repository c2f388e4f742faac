/**
 * Narrative text for the report body, the way section "1. Các chỉ tiêu chủ yếu" cites indicators:
 *   "- Tỷ lệ hộ nghèo 0,37% (Nghị quyết dưới 0,2%)."
 * and the summary sentence "Có 07/14 chỉ tiêu đạt và vượt; 02 chỉ tiêu gần đạt; 05 chỉ tiêu chưa đạt."
 */
import type { Levels, Status, Vocabulary } from "../evaluation/evaluate";
import type { IndicatorRow, IndicatorTable } from "../model";
import { formatViNumber, normalizeText, pad2, toNumber } from "../text/numbers";

export interface StatusTally {
  total: number;
  exceeded: number;
  met: number;
  near: number;
  not_met: number;
  not_evaluable: number;
}

export function tally(statuses: Iterable<Status>): StatusTally {
  const t: StatusTally = { total: 0, exceeded: 0, met: 0, near: 0, not_met: 0, not_evaluable: 0 };
  for (const s of statuses) {
    t.total++;
    t[s]++;
  }
  return t;
}

/** "14/28 chỉ tiêu đạt và vượt; 14 chỉ tiêu chưa đạt" (counts written with two digits, as reports do). */
export function summaryClause(t: StatusTally, vocabulary: Vocabulary = "dat", levels: Levels = 3): string {
  const ht = vocabulary === "hoan-thanh";
  // two-level reports (Đạt / Chưa đạt) fold "vượt" into "đạt", so the sentence does not name it
  const achieved = levels === 2 ? (ht ? "hoàn thành" : "đạt") : ht ? "hoàn thành và hoàn thành vượt" : "đạt và vượt";
  const parts = [`${pad2(t.met + t.exceeded)}/${pad2(t.total)} chỉ tiêu ${achieved}`];
  if (t.near) parts.push(`${pad2(t.near)} chỉ tiêu ${ht ? "gần hoàn thành" : "gần đạt"}`);
  if (t.not_met) parts.push(`${pad2(t.not_met)} chỉ tiêu ${ht ? "chưa hoàn thành" : "chưa đạt"}`);
  if (t.not_evaluable) parts.push(`${pad2(t.not_evaluable)} chỉ tiêu chưa đánh giá được`);
  return parts.join("; ");
}

/** "Có 14/28 chỉ tiêu đạt và vượt; 14 chỉ tiêu chưa đạt." */
export function summarySentence(t: StatusTally, vocabulary: Vocabulary = "dat", levels: Levels = 3): string {
  return `Có ${summaryClause(t, vocabulary, levels)}.`;
}

/** Unit suffix as prose writes it: "%" and "%/năm" stick to the number, words take a space. */
function withUnit(value: string, unit: string): string {
  const u = normalizeText(unit);
  if (!u) return value;
  if (u.startsWith("%")) return value + u;
  return `${value} ${u}`;
}

/** Comparison symbols as prose writes them: "> 98" → "trên 98", "≥ 90" → "từ 90 … trở lên". */
const SYMBOL_WORDS: Array<[RegExp, string, string]> = [
  [/^(>=|≥)\s*/, "từ ", " trở lên"],
  [/^(<=|≤)\s*/, "không quá ", ""],
  [/^>\s*/, "trên ", ""],
  [/^<\s*/, "dưới ", ""],
];

/** A number-ending text with its unit, symbols in words: "> 98" + "%" → "trên 98%". */
function phrase(text: string, unit: string): string {
  let core = normalizeText(text);
  let after = "";
  for (const [re, word, tail] of SYMBOL_WORDS) {
    if (re.test(core)) {
      core = word + core.replace(re, "");
      after = tail;
      break;
    }
  }
  const withU = /\d$/.test(core) ? withUnit(core, unit) : core;
  return withU + after;
}

/** The target as prose: unit after the number, a trailing note kept in parentheses after it. */
function targetProse(targetText: string, unit: string): string {
  const t = normalizeText(targetText);
  const m = t.match(/^(.*?)\s*(\([^()]*\))$/);
  return m && m[1] ? `${phrase(m[1], unit)} ${m[2]}` : phrase(t, unit);
}

/** The result as prose: numbers formatted the Vietnamese way with the unit; other text as written. */
function actualProse(v: unknown, unit: string): string {
  if (v === undefined || v === null || v === "") return "(chưa có số liệu)";
  if (typeof v === "number") return withUnit(formatViNumber(v, { decimals: 2 }), unit);
  const s = normalizeText(String(v));
  const n = toNumber(s);
  if (n !== null) return s.endsWith("%") ? s : withUnit(formatViNumber(n, { decimals: 2 }), unit);
  // "> 80" reads as "trên 80%"; "263 đảng viên/ 3 năm" carries its own unit
  return /^[<>≤≥]/.test(s) ? phrase(s, unit) : s;
}

/** Strip trailing punctuation and a dangling "trong đó:" so the name reads as the start of a sentence. */
function nameForProse(name: string): string {
  return normalizeText(name)
    .replace(/[,;:.\s]+$/, "")
    .replace(/,?\s*trong đó$/i, "");
}

/** One line of prose for an indicator: "- Tỷ lệ hộ nghèo 0,37% (Nghị quyết dưới 0,2%) — Chưa đạt." */
export function indicatorSentence(row: IndicatorRow): string {
  const unit = normalizeText(row.unit ?? "");
  // a yearly rate reads "tăng 7,8%" in the sentence; the target keeps "%/năm"
  const actual = actualProse(row.actual, unit === "%/năm" ? "%" : unit);
  const label = row.evaluation ? ` — ${row.evaluation.label}` : "";
  return `- ${nameForProse(row.name)} ${actual} (Nghị quyết ${targetProse(row.targetText, unit)})${label}.`;
}

/** The prose section, grouped under the table's group headings. */
export function narrativeLines(table: IndicatorTable): string[] {
  const lines: string[] = [];
  for (const r of table.rows) {
    if (r.type === "group") lines.push(`${r.tt ? r.tt + ". " : ""}${normalizeText(r.name)}`);
    else lines.push(indicatorSentence(r));
  }
  return lines;
}
