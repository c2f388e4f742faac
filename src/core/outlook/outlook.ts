/**
 * Mid-term outlook ("triển vọng đến cuối nhiệm kỳ"): for one indicator, the pace the remaining years
 * of the term still need, and how likely that is against the pace achieved so far
 * (docs/danh-gia.md, "Triển vọng đến cuối nhiệm kỳ").
 *   tốc độ tăng bình quân  needed avg rate = ((1+T)^N / Π(1+gᵢ))^(1/(N−k)) − 1 (growth.ts requiredRate);
 *                          Π(1+gᵢ) = (1+ḡ)^k when only the average ḡ of the k years is known
 *   mức đạt được           needed change per remaining year = (L − Vₖ)/(N − k)
 *   lũy kế / bình quân/năm needed per remaining year = (T_total − Σ so far)/(N − k)
 *   hằng năm               the bound, every remaining year
 * T, L the binding bound (lower going up, upper going down); N = termEnd − termStart; k the years
 * passed (report year − termStart). Pure; never throws.
 */
import type { IndicatorKind } from "../model";
import type { Direction } from "../target/direction";
import { bindingBound, type Target } from "../target/target";
import type { Actual } from "../target/actual";
import { requiredRate } from "../evaluation/growth";
import { foldText } from "../text/fold";
import { formatViNumber, roundHalfAway } from "../text/numbers";

export type Likelihood = "reached" | "likely" | "hard" | "unlikely" | "unknown";
export const LIKELIHOODS: Likelihood[] = ["reached", "likely", "hard", "unlikely", "unknown"];

/** The words each likelihood is written with (appendix column, pane, text output). */
export const LIKELIHOOD_LABELS: Record<Likelihood, string> = {
  reached: "Đã đạt",
  likely: "Có khả năng đạt",
  hard: "Khó đạt",
  unlikely: "Nguy cơ không đạt",
  unknown: "Chưa đủ số liệu",
};

/** How the outlook is computed. */
export type OutlookKind = "growth" | "level" | "cumulative_avg" | "cumulative_total" | "every_year";

export const OUTLOOK_KIND_LABELS: Record<OutlookKind, string> = {
  growth: "tốc độ tăng bình quân",
  level: "mức đạt đến cuối nhiệm kỳ",
  cumulative_avg: "bình quân mỗi năm (lũy kế)",
  cumulative_total: "tổng cả nhiệm kỳ (lũy kế)",
  every_year: "hằng năm",
};

/**
 * The likelihood rules (configurable). With e(x) the effort in the good direction (x going up,
 * −x going down): reached when the target is already met; likely when e(needed) ≤ e(achieved
 * average); hard when e(needed) ≤ max(e(best year), e(achieved) + |e(achieved)| × (hardFactor − 1));
 * unlikely beyond; unknown when there is no pace so far to compare with.
 */
export interface LikelihoodRules {
  /** 1.2: up to 20% above the pace achieved so far is "khó đạt" */
  hardFactor: number;
  /** the best single year so far also counts as reachable with effort */
  useBestYear: boolean;
}
export const DEFAULT_LIKELIHOOD_RULES: LikelihoodRules = { hardFactor: 1.2, useBestYear: true };

export interface OutlookInput {
  /** the indicator kind from the sheet's "Loại" column, when the row has one */
  kindFromColumn?: IndicatorKind;
  /** the kind the reader inferred (used only with the words below) */
  name: string;
  unit: string;
  target?: Target;
  direction: Direction;
  /** yearly values (year, number), in order */
  years: Array<[number, number]>;
  /** đầu kỳ: the value at termStart */
  baseline?: number;
  /** the result as read (value, periodYears) */
  actual?: Actual;
  /** the current verdict says the target is met (level kinds: already reached) */
  currentlyMet?: boolean;
  termStart: number;
  termEnd: number;
  reportYear: number;
  rules?: LikelihoodRules;
}

export interface Outlook {
  kind: OutlookKind | null;
  kindSource: "column" | "words";
  /** the pace still needed: %/năm for growth, unit per year otherwise; null when not computable */
  needed: number | null;
  neededPer: "year" | "total";
  /** cumulative kinds: the total still needed over the remaining years */
  neededTotal?: number;
  /** band targets: the pace to land on each bound */
  neededRange?: [number, number];
  remainingYears: number[];
  /** the pace achieved so far (same unit as needed), and the best single year */
  achieved: number | null;
  best: number | null;
  /** years the achieved pace covers: "2021–2023" */
  achievedSpan?: string;
  likelihood: Likelihood;
  reason: string;
  /** the bound used (T, L or the term total) */
  bound?: number;
}

const f2 = (x: number) => formatViNumber(x, { decimals: 2 });
export function yearSpan(a: number, b: number): string {
  return a === b ? String(a) : `${a}–${b}`;
}
// units repeat down a sheet: fold each once
const UNIT_FOLDS = new Map<string, string>();
function foldUnit(unit: string): string {
  let f = UNIT_FOLDS.get(unit);
  if (f === undefined) {
    f = foldText(unit);
    if (UNIT_FOLDS.size > 2000) UNIT_FOLDS.clear();
    UNIT_FOLDS.set(unit, f);
  }
  return f;
}
const isPct = (unit: string) => unit.includes("%");
const perYearUnit = (unit: string) => /\/\s*(1\s*)?nam\b/.test(foldUnit(unit));

/** The outlook kind: the sheet's "Loại" when the row has one, else the target's words and the unit. */
export function outlookKind(input: Pick<OutlookInput, "kindFromColumn" | "name" | "unit" | "target">): { kind: OutlookKind | null; source: "column" | "words" } {
  const t = input.target;
  const perYear = !!t?.perYear || perYearUnit(input.unit);
  const k = input.kindFromColumn;
  if (k) {
    if (k === "average_growth") return { kind: "growth", source: "column" };
    if (k === "level") return { kind: "level", source: "column" };
    if (k === "every_year") return { kind: "every_year", source: "column" };
    if (k === "cumulative") return { kind: perYear ? "cumulative_avg" : "cumulative_total", source: "column" };
    return { kind: null, source: "column" };
  }
  const n = foldText(input.name);
  const words = foldUnit(`${t?.prefix ?? ""} ${t?.text ?? ""}`);
  const u = foldUnit(input.unit);
  const rateUnit = u.includes("%") && perYear;
  if (/binh quan/.test(words) && perYear && !u.includes("%")) return { kind: "cumulative_avg", source: "words" };
  if (rateUnit || /(tang binh quan|toc do tang|tang truong binh quan|tang bq)/.test(n)) return { kind: "growth", source: "words" };
  if (/(^|\s)(hang nam|moi nam)/.test(n)) return { kind: "every_year", source: "words" };
  if (!u.includes("%") && (/(luy ke|cong don)/.test(n + " " + words) || /^tong .*(giai doan|nhiem ky|\d+ nam)/.test(n))) {
    return { kind: perYear ? "cumulative_avg" : "cumulative_total", source: "words" };
  }
  return { kind: "level", source: "words" };
}

/** Effort in the good direction: up → x, down → −x. */
function effort(x: number, dir: Direction): number {
  return dir === "down" ? -x : x;
}

/** The likelihood rule applied to paces (see LikelihoodRules). */
export function judgeLikelihood(
  needed: number,
  achieved: number | null,
  best: number | null,
  dir: Direction,
  rules: LikelihoodRules = DEFAULT_LIKELIHOOD_RULES,
): Likelihood {
  if (achieved === null) return "unknown";
  const n = effort(needed, dir);
  const a = effort(achieved, dir);
  if (n <= a + 1e-9) return "likely";
  let reach = a + Math.abs(a) * (rules.hardFactor - 1);
  if (rules.useBestYear && best !== null) reach = Math.max(reach, effort(best, dir));
  return n <= reach + 1e-9 ? "hard" : "unlikely";
}

function verdictWord(l: Likelihood): string {
  return LIKELIHOOD_LABELS[l].toLowerCase();
}

function none(kind: OutlookKind | null, source: "column" | "words", remaining: number[], reason: string): Outlook {
  return { kind, kindSource: source, needed: null, neededPer: "year", remainingYears: remaining, achieved: null, best: null, likelihood: "unknown", reason };
}

/** Rates written in the year columns (%/năm, or all small numbers without a baseline) rather than levels. */
export function yearsAreRates(years: Array<[number, number]>, unit: string, baseline?: number): boolean {
  if (baseline !== undefined && baseline > 0) return false;
  return isPct(unit) || years.every(([, v]) => Math.abs(v) < 100);
}

/** What every per-kind computation needs: the input, the kind, the reason's head and the term's figures. */
interface OutlookContext {
  input: OutlookInput;
  kind: OutlookKind;
  source: "column" | "words";
  head: string;
  remaining: number[];
  t: Target;
  dir: Direction;
  rules: LikelihoodRules;
  /** years in the term */
  N: number;
  /** years passed */
  k: number;
  /** the remaining years: "2024–2025" */
  span: string;
  /** yearly values after termStart up to the report year */
  ys: Array<[number, number]>;
  unit: string;
}

/** The outlook of one indicator. */
export function indicatorOutlook(input: OutlookInput): Outlook {
  const { kind, source } = outlookKind(input);
  const { termStart, termEnd, reportYear } = input;
  const N = termEnd - termStart;
  const remaining: number[] = [];
  for (let y = reportYear + 1; y <= termEnd; y++) remaining.push(y);
  const kindLabel = kind ? OUTLOOK_KIND_LABELS[kind] : "";
  const head = kind ? `${kindLabel[0].toUpperCase()}${kindLabel.slice(1)}${source === "column" ? " (theo cột Loại)" : ""}: ` : "";
  if (!kind) return none(null, source, remaining, "Chỉ tiêu mốc hoàn thành hoặc định tính: không tính tiến độ còn cần.");
  if (!(N > 0) || reportYear < termStart) return none(kind, source, remaining, `${head}năm báo cáo ${reportYear} nằm ngoài nhiệm kỳ ${termStart}–${termEnd}.`);
  if (remaining.length === 0) return none(kind, source, remaining, `${head}năm báo cáo ${reportYear} là năm cuối nhiệm kỳ: không còn năm nào để tính.`);
  const t = input.target;
  if (!t || (t.low === undefined && t.high === undefined)) return none(kind, source, remaining, `${head}chỉ tiêu không có số để tính.`);
  const c: OutlookContext = {
    input,
    kind,
    source,
    head,
    remaining,
    t,
    dir: input.direction,
    rules: input.rules ?? DEFAULT_LIKELIHOOD_RULES,
    N,
    k: reportYear - termStart,
    span: yearSpan(remaining[0], termEnd),
    ys: input.years.filter(([y]) => y > termStart && y <= reportYear),
    unit: input.unit.trim(),
  };
  switch (kind) {
    case "growth":
      return growthOutlook(c);
    case "level":
      return levelOutlook(c);
    case "cumulative_avg":
    case "cumulative_total":
      return cumulativeOutlook(c);
    case "every_year":
      return everyYearOutlook(c);
  }
}

/** Growth: the average rate achieved so far, from the yearly rates, the levels from the baseline, or the result. */
function growthSoFar(c: OutlookContext): { achieved: number | null; best: number | null; how: string } {
  const { input, dir, k, ys, unit } = c;
  const { termStart, reportYear } = input;
  let achieved: number | null = null;
  let best: number | null = null;
  let how = "";
  const rates = ys.length > 0 && yearsAreRates(ys, unit, input.baseline);
  if (rates) {
    const chained = ys.length === k; // every year of the period has its rate
    let prod = 1;
    for (const [, g] of ys) prod *= 1 + g / 100;
    achieved = (Math.pow(prod, 1 / ys.length) - 1) * 100;
    best = dir === "down" ? Math.min(...ys.map((p) => p[1])) : Math.max(...ys.map((p) => p[1]));
    how = chained ? `${yearSpan(termStart + 1, reportYear)} đạt ${f2(achieved)}%/năm` : `các năm có số liệu (${ys.map((p) => p[0]).join(", ")}) đạt ${f2(achieved)}%/năm, coi như cả ${yearSpan(termStart + 1, reportYear)}`;
  } else if (ys.length > 0 && input.baseline !== undefined && input.baseline > 0) {
    const chain: Array<[number, number]> = [[termStart, input.baseline], ...ys];
    const [ly, lv] = chain[chain.length - 1];
    if (lv > 0) {
      achieved = (Math.pow(lv / input.baseline, 1 / (ly - termStart)) - 1) * 100;
      const yearly: number[] = [];
      for (let i = 1; i < chain.length; i++) if (chain[i][0] === chain[i - 1][0] + 1 && chain[i - 1][1] > 0) yearly.push((chain[i][1] / chain[i - 1][1] - 1) * 100);
      best = yearly.length ? (dir === "down" ? Math.min(...yearly) : Math.max(...yearly)) : null;
      how = `${yearSpan(termStart + 1, ly)} đạt ${f2(achieved)}%/năm (từ đầu kỳ ${f2(input.baseline)} đến ${f2(lv)})`;
    }
  }
  if (achieved === null && input.actual && !input.actual.interval) {
    achieved = input.actual.value;
    how = `${yearSpan(termStart + 1, reportYear)} đạt bình quân ${f2(achieved)}%/năm (không có số từng năm)`;
  }
  return { achieved, best, how };
}

/** Growth: the average rate the remaining years need (and, for a band, to land on each bound). */
function growthOutlook(c: OutlookContext): Outlook {
  const { input, kind, source, head, remaining, t, dir, rules, N, k, span } = c;
  const T = bindingBound(t, dir === "band" ? "up" : dir)!;
  const soFar = growthSoFar(c);
  const { best, how } = soFar;
  if (soFar.achieved === null) return { ...none(kind, source, remaining, `${head}chưa có tốc độ tăng của các năm đã qua.`), bound: T };
  // computed from the average as shown (2 decimals), so NQ.CANDAT(T; N; ḡ; k) gives the same figure
  const achieved = roundHalfAway(soFar.achieved, 2);
  let needed: number;
  try {
    needed = requiredRate(T, N, achieved, k);
  } catch {
    return { ...none(kind, source, remaining, `${head}không tính được tốc độ cần đạt từ ${f2(achieved)}%/năm.`), bound: T };
  }
  let neededRange: [number, number] | undefined;
  if (t.form === "range" && t.low !== undefined && t.high !== undefined) {
    try {
      neededRange = [requiredRate(t.low, N, achieved, k), requiredRate(t.high, N, achieved, k)];
    } catch {
      neededRange = undefined;
    }
  }
  const met = dir === "down" ? false : needed <= 0;
  const likelihood = met ? "reached" : judgeLikelihood(needed, achieved, best, dir, rules);
  const verb = needed >= 0 ? "tăng" : "giảm";
  let reason = met
    ? `${head}${how}; dù ${span} không tăng, bình quân cả nhiệm kỳ vẫn đạt ${f2(T)}%/năm: đã đạt.`
    : `${head}cần ${verb} bình quân ${f2(Math.abs(needed))}%/năm trong ${span}; ${how}${best !== null ? `, năm cao nhất ${f2(best)}%` : ""}: ${verdictWord(likelihood)}.`;
  if (dir === "band" && neededRange) reason += ` Để nằm trong khoảng ${f2(t.low!)}–${f2(t.high!)}%/năm cần ${f2(neededRange[0])}–${f2(neededRange[1])}%/năm.`;
  return { kind, kindSource: source, needed, neededPer: "year", neededRange, remainingYears: remaining, achieved, best, achievedSpan: yearSpan(input.termStart + 1, input.reportYear), likelihood, reason, bound: T };
}

/** Level: the average change per year between the first and last points, and the best single-year change. */
function levelPace(points: Array<[number, number]>, dir: Direction): { achieved: number | null; best: number | null } {
  let achieved: number | null = null;
  let best: number | null = null;
  if (points.length >= 2) {
    const [y0, v0] = points[0];
    const [y1, v1] = points[points.length - 1];
    if (y1 > y0) achieved = (v1 - v0) / (y1 - y0);
    const diffs: number[] = [];
    for (let i = 1; i < points.length; i++) if (points[i][0] === points[i - 1][0] + 1) diffs.push(points[i][1] - points[i - 1][1]);
    if (diffs.length) best = dir === "down" ? Math.min(...diffs) : Math.max(...diffs);
  }
  return { achieved, best };
}

/** Level: the change per remaining year from the last value Vₖ to the binding bound L. */
function levelOutlook(c: OutlookContext): Outlook {
  const { input, kind, source, head, t, dir, ys, unit } = c;
  const { termStart, termEnd, reportYear } = input;
  // Vₖ: the last yearly value, or the result at the report year
  let vk: number | null = null;
  let yk = reportYear;
  if (ys.length) [yk, vk] = ys[ys.length - 1];
  else if (input.actual) vk = input.actual.value;
  if (vk === null) return none(kind, source, c.remaining, `${head}chưa có kết quả để tính.`);
  const rem: number[] = [];
  for (let y = yk + 1; y <= termEnd; y++) rem.push(y);
  if (rem.length === 0) return none(kind, source, rem, `${head}đã có số năm cuối nhiệm kỳ.`);
  const points: Array<[number, number]> = input.baseline !== undefined ? [[termStart, input.baseline], ...ys] : ys;
  const { achieved, best } = levelPace(points, dir);
  const lo = t.low;
  const hi = t.high;
  const inBand = (x: number) => (lo === undefined || x >= lo - 1e-9) && (hi === undefined || x <= hi + 1e-9);
  let L: number;
  if (dir === "band") {
    if (inBand(vk)) {
      const outside = points.filter(([, v]) => !inBand(v)).map(([y]) => y);
      const bandNote = outside.length ? ` Các năm ${outside.join(", ")} nằm ngoài khoảng.` : points.length > 1 ? " Các năm đã qua đều nằm trong khoảng." : "";
      return { kind, kindSource: source, needed: 0, neededPer: "year", neededRange: lo !== undefined && hi !== undefined ? [(lo - vk) / rem.length, (hi - vk) / rem.length] : undefined, remainingYears: rem, achieved, best, likelihood: "reached", reason: `${head}năm ${yk} đạt ${f2(vk)}, đang trong khoảng chỉ tiêu; cần giữ trong khoảng đến ${termEnd}: đã đạt.${bandNote}`, bound: vk };
    }
    L = lo !== undefined && vk < lo ? lo : hi!;
  } else L = bindingBound(t, dir)!;
  const needed = (L - vk) / rem.length;
  if (input.currentlyMet) {
    const slack = Math.abs(vk - L);
    return { kind, kindSource: source, needed: 0, neededPer: "year", remainingYears: rem, achieved, best, likelihood: "reached", reason: `${head}năm ${yk} đạt ${f2(vk)}, đã đạt chỉ tiêu ${f2(L)} (dư ${f2(slack)}); cần giữ vững đến ${termEnd}: đã đạt.`, bound: L };
  }
  const effDir: Direction = dir === "band" ? (L > vk ? "up" : "down") : dir;
  const likelihood = judgeLikelihood(needed, achieved, best, effDir, c.rules);
  const reason = levelReason(c, { vk, yk, L, needed, achieved, best, likelihood, from: points.length ? points[0][0] : yk, spanL: yearSpan(rem[0], termEnd), uPer: isPct(unit) ? "điểm %/năm" : unit ? `${unit}/năm` : "/năm" });
  return { kind, kindSource: source, needed, neededPer: "year", remainingYears: rem, achieved, best, achievedSpan: achieved === null ? undefined : yearSpan(points[0][0], yk), likelihood, reason, bound: L };
}

/** Level: the reason, "cần tăng … trong …; … tăng … : …". */
function levelReason(
  c: OutlookContext,
  f: { vk: number; yk: number; L: number; needed: number; achieved: number | null; best: number | null; likelihood: Likelihood; from: number; spanL: string; uPer: string },
): string {
  const { head, t, dir } = c;
  const { vk, yk, L, needed, achieved, best, uPer, spanL } = f;
  const verb = needed >= 0 ? "tăng" : "giảm";
  const pace =
    achieved === null
      ? "chưa có số từng năm để so sánh"
      : `${yearSpan(f.from, yk)} ${achieved >= 0 ? "tăng" : "giảm"} ${f2(Math.abs(achieved))} ${uPer}${best !== null ? `, năm nhiều nhất ${f2(Math.abs(best))}` : ""}`;
  const strict = t.form === "strict_floor" || t.form === "strict_ceiling";
  const what =
    Math.abs(needed) < 1e-9 && strict
      ? `cần ${dir === "down" ? "xuống dưới" : "vượt"} mức ${f2(L)} trong ${spanL} (năm ${yk} bằng đúng ngưỡng)`
      : `cần ${verb} ${f2(Math.abs(needed))} ${uPer} trong ${spanL} (từ ${f2(vk)} năm ${yk} đến ${strict ? (dir === "down" ? "dưới " : "trên ") : ""}${f2(L)})`;
  return `${head}${what}; ${pace}: ${verdictWord(f.likelihood)}.`;
}

/** Cumulative: the sum so far, the years it covers and the best year. */
function cumulativeSoFar(c: OutlookContext): { sum: number | null; yearsCovered: number; best: number | null } {
  const { input, kind, dir, k, ys, unit } = c;
  let sum: number | null = null;
  let yearsCovered = k;
  let best: number | null = null;
  if (ys.length) {
    sum = ys.reduce((a, p) => a + p[1], 0);
    best = dir === "down" ? Math.min(...ys.map((p) => p[1])) : Math.max(...ys.map((p) => p[1]));
  } else if (input.actual && !input.actual.interval) {
    const a = input.actual;
    if (a.periodYears && a.periodYears > 1) {
      sum = a.value;
      yearsCovered = a.periodYears;
    } else if (kind === "cumulative_avg" && perYearUnit(unit)) sum = a.value * k;
    else sum = a.value;
  }
  return { sum, yearsCovered, best };
}

/** Cumulative: what is left of the term total, per remaining year. */
function cumulativeOutlook(c: OutlookContext): Outlook {
  const { input, kind, source, head, remaining, t, dir, N, unit } = c;
  const { termStart, termEnd } = input;
  const bound = bindingBound(t, dir === "band" ? "up" : dir)!;
  const total = kind === "cumulative_avg" ? bound * N : bound;
  const { sum, yearsCovered, best } = cumulativeSoFar(c);
  if (sum === null) return { ...none(kind, source, remaining, `${head}chưa có số đã thực hiện.`), bound: total };
  const rem: number[] = [];
  for (let y = termStart + yearsCovered + 1; y <= termEnd; y++) rem.push(y);
  if (rem.length === 0) return none(kind, source, rem, `${head}số đã thực hiện phủ hết nhiệm kỳ.`);
  const spanC = yearSpan(rem[0], termEnd);
  const left = total - sum;
  const needed = left / rem.length;
  const achieved = sum / yearsCovered;
  const u = unit.replace(/\s*\/\s*(1\s*)?năm\s*$/i, "");
  const per = u ? `${u}/năm` : "/năm";
  const done = yearSpan(termStart + 1, termStart + yearsCovered);
  const totalText = kind === "cumulative_avg" ? `${f2(bound)} × ${N} năm = ${f2(total)}` : f2(total);
  if (dir !== "down" && left <= 0) {
    return { kind, kindSource: source, needed: 0, neededPer: "year", neededTotal: 0, remainingYears: rem, achieved, best, achievedSpan: done, likelihood: "reached", reason: `${head}${done} đã đạt ${f2(sum)}, vượt tổng cả nhiệm kỳ ${totalText} (dư ${f2(-left)}): đã đạt.`, bound: total };
  }
  if (dir === "down" && left < 0) {
    return { kind, kindSource: source, needed, neededPer: "year", neededTotal: left, remainingYears: rem, achieved, best, achievedSpan: done, likelihood: "unlikely", reason: `${head}${done} đã ${f2(sum)}, quá tổng cho phép cả nhiệm kỳ ${totalText}: ${verdictWord("unlikely")}.`, bound: total };
  }
  const likelihood = judgeLikelihood(needed, achieved, best, dir === "band" ? "up" : dir, c.rules);
  const word = dir === "down" ? "chỉ được tối đa" : "cần bình quân";
  const reason = `${head}${word} ${f2(needed)} ${per} trong ${spanC} (còn ${f2(left)} so với tổng ${totalText}); ${done} đạt ${f2(sum)}, bình quân ${f2(achieved)} ${per}${best !== null ? `, năm cao nhất ${f2(best)}` : ""}: ${verdictWord(likelihood)}.`;
  return { kind, kindSource: source, needed, neededPer: "year", neededTotal: left, remainingYears: rem, achieved, best, achievedSpan: done, likelihood, reason, bound: total };
}

/** Every year: the bound each remaining year, judged by how many past years met it. */
function everyYearOutlook(c: OutlookContext): Outlook {
  const { input, kind, source, head, remaining, t, dir, span, ys, unit } = c;
  const bound = bindingBound(t, dir === "band" ? "up" : dir)!;
  const meets = (v: number) => (dir === "down" ? v <= bound + 1e-9 : v >= bound - 1e-9) && (t.form !== "strict_floor" || v > bound) && (t.form !== "strict_ceiling" || v < bound);
  const per = isPct(unit) ? "%" : unit ? ` ${unit}` : "";
  const bar = t.form === "strict_floor" ? "trên" : t.form === "strict_ceiling" ? "dưới" : dir === "down" ? "không quá" : "ít nhất";
  if (ys.length === 0) {
    const met = input.currentlyMet;
    const likelihood: Likelihood = met === undefined ? "unknown" : met ? "likely" : "unlikely";
    return { kind, kindSource: source, needed: bound, neededPer: "year", remainingYears: remaining, achieved: null, best: null, likelihood, reason: `${head}mỗi năm ${span} cần đạt ${bar} ${f2(bound)}${per}; chưa có số từng năm${met === undefined ? "" : met ? ", kết quả đến nay đạt" : ", kết quả đến nay chưa đạt"}: ${verdictWord(likelihood)}.`, bound };
  }
  const ok = ys.filter(([, v]) => meets(v)).length;
  const likelihood: Likelihood = ok === ys.length ? "likely" : ok > 0 ? "hard" : "unlikely";
  const best = dir === "down" ? Math.min(...ys.map((p) => p[1])) : Math.max(...ys.map((p) => p[1]));
  const reason = `${head}mỗi năm ${span} cần đạt ${bar} ${f2(bound)}${per}; ${ok}/${ys.length} năm đã qua đạt (${ys.map(([y, v]) => `${y}: ${f2(v)}`).join("; ")}): ${verdictWord(likelihood)}.`;
  return { kind, kindSource: source, needed: bound, neededPer: "year", remainingYears: remaining, achieved: null, best, likelihood, reason, bound };
}

/** The pace still needed, short: "9,45%/năm", "tăng 0,85 điểm %/năm", "giảm 0,09 điểm %/năm", "143,5 đảng viên mới/năm", "≥ 80%/năm"; "" when none. */
export function formatNeeded(o: Outlook, unit: string): string {
  if (o.needed === null || o.kind === null) return "";
  const u = unit.trim();
  switch (o.kind) {
    case "growth":
      return `${f2(o.needed)}%/năm`;
    case "level": {
      const verb = o.needed < 0 ? "giảm" : "tăng";
      return `${verb} ${f2(Math.abs(o.needed))} ${isPct(u) ? "điểm %" : u.replace(/\s*\/\s*năm\s*$/i, "")}/năm`.replace(/\s+\/năm$/, "/năm");
    }
    case "every_year":
      return `${f2(o.needed)}${isPct(u) ? "%" : u ? ` ${u.replace(/\s*\/\s*năm\s*$/i, "")}` : ""} mỗi năm`;
    default: {
      const base = u.replace(/\s*\/\s*(1\s*)?năm\s*$/i, "");
      return `${f2(o.needed)}${base ? ` ${base}` : ""}/năm`;
    }
  }
}
