/**
 * Judge a result against a resolution target, the way a planning officer does, and say why.
 * Rules (docs/danh-gia.md):
 *   range      met inside, exceeded beyond the better bound, not met short of it
 *   at least T met at T, exceeded above, not met below
 *   trên T     met above; at T not met and flagged borderline
 *   band       met inside, not met outside
 * Lower-is-better mirrors these. "near" is off unless a threshold is given.
 */
import { parseActual, type Actual } from "../target/actual";
import { decideDirection, type Direction, type DirectionDecision, type DirectionRule } from "../target/direction";
import { foldText } from "../text/fold";
import { formatViNumber2, keptWhole } from "../text/numbers";
import { parseTarget, bindingBound, type Target, type TargetError, type TargetParse } from "../target/target";

export type Status = "exceeded" | "met" | "near" | "not_met" | "not_evaluable";
/** The family of status words: Đạt / Chưa đạt, or Hoàn thành / Chưa hoàn thành. */
export type Vocabulary = "dat" | "hoan-thanh";
/** 2: Đạt / Chưa đạt (exceeded folds into met); 3: with Vượt / Hoàn thành vượt. */
export type Levels = 2 | 3;
/** A sheet's own word for each status it uses ("Không đạt" for not_met), overriding the vocabulary's. */
export type StatusWords = Partial<Record<Status, string>>;

export const STATUS_LABELS: Record<Vocabulary, Record<Status, string>> = {
  dat: { exceeded: "Vượt", met: "Đạt", near: "Gần đạt", not_met: "Chưa đạt", not_evaluable: "Không đánh giá được" },
  "hoan-thanh": {
    exceeded: "Hoàn thành vượt",
    met: "Hoàn thành",
    near: "Gần hoàn thành",
    not_met: "Chưa hoàn thành",
    not_evaluable: "Không đánh giá được",
  },
};

export interface LabelOptions {
  vocabulary?: Vocabulary;
  /** 2: fold "exceeded" into "met" (Đạt / Chưa đạt), 3 (default): keep Vượt */
  levels?: Levels;
  /** the sheet's own words, used before the vocabulary's */
  words?: StatusWords;
}

export function statusLabel(status: Status, opts: LabelOptions = {}): string {
  const voc = opts.vocabulary ?? "dat";
  const s = opts.levels === 2 && status === "exceeded" ? "met" : status;
  return opts.words?.[s] ?? STATUS_LABELS[voc][s];
}

export function parseVocabulary(v: unknown): Vocabulary | null {
  if (v === undefined || v === null || v === "") return null;
  const t = foldText(String(v)).replace(/[\s_]+/g, "-");
  if (t === "dat" || t === "dat-chua-dat") return "dat";
  if (t === "hoan-thanh" || t === "ht") return "hoan-thanh";
  return null;
}

/** Read a status as offices write it: "Đạt", "Vượt", "Hoàn thành vượt", "Chưa đạt", "Không đạt", "Gần đạt"... */
export function parseStatusLabel(text: unknown): Status | null {
  if (typeof text !== "string") return null;
  const t = foldText(text).replace(/[.;,!]+$/, "").trim();
  if (t === "") return null;
  if (/^(khong danh gia duoc|khong danh gia|chua danh gia)/.test(t)) return "not_evaluable";
  if (/^(chua dat|khong dat|chua hoan thanh|khong hoan thanh|kho dat|kho hoan thanh)/.test(t)) return "not_met";
  if (/^(gan dat|gan hoan thanh|co kha nang dat)/.test(t)) return "near";
  if (/^(vuot|hoan thanh vuot|dat va vuot|vuot chi tieu|vuot ke hoach)/.test(t)) return "exceeded";
  if (/^(dat|hoan thanh|dat chi tieu|dat ke hoach)/.test(t)) return "met";
  return null;
}

/** Met or not met: the first level at which a reported verdict is compared with the computed one. */
export function isMet(s: Status): boolean {
  return s === "met" || s === "exceeded";
}

/**
 * How a sheet's verdict compares with the computed one, met / not met first:
 *   same      the same status, or "Đạt" for an exceeded result
 *   degree    both met or both not met, the degree differs ("Hoàn thành vượt" where the numbers
 *             give "Hoàn thành"): a note, not an error
 *   near      the sheet says "Gần đạt" where the numbers give not met: a warning
 *   mismatch  one says met, the other not met: an error
 * Not-evaluable on either side is "same" (nothing to compare).
 */
export type VerdictComparison = "same" | "degree" | "near" | "mismatch";

export function compareVerdicts(reported: Status, computed: Status): VerdictComparison {
  if (reported === computed || reported === "not_evaluable" || computed === "not_evaluable") return "same";
  // "Đạt" for an exceeded result is how offices count ("đạt và vượt"); "Vượt" for a result only met is a note
  if (isMet(reported) && isMet(computed)) return reported === "met" ? "same" : "degree";
  if (isMet(reported) || isMet(computed)) return "mismatch";
  return reported === "near" ? "near" : "degree";
}

/** Do a reported and a computed status agree on met / not met? */
export function statusesAgree(reported: Status, computed: Status): boolean {
  return compareVerdicts(reported, computed) !== "mismatch";
}

/** Tolerance of an approximate target ("Khoảng 4"), as a fraction of it: 5%. */
export const APPROX_TOLERANCE = 0.05;

export interface EvaluateInput {
  target: unknown;
  actual: unknown;
  /** explicit direction: up/down/band or Vietnamese words */
  direction?: unknown;
  name?: string;
  groupName?: string;
  /** the ĐVT column: "%/năm", "đảng viên mới/năm" */
  unit?: string;
  vocabulary?: Vocabulary;
  levels?: Levels;
  /** the sheet's own status words */
  words?: StatusWords;
  /** tolerance of an approximate target ("Khoảng 4") as a fraction; default APPROX_TOLERANCE */
  approxTolerance?: number;
  /** "near" threshold as a fraction of the binding bound (0.02 = within 2%); off when 0/undefined */
  near?: number;
}

export interface Evaluation {
  status: Status;
  label: string;
  direction: Direction;
  directionRule: DirectionRule;
  target?: Target;
  targetError?: TargetError;
  actual?: Actual;
  /** the value compared, after per-period conversion */
  value?: number;
  /** result as a percentage of the binding bound (percentage points), when meaningful */
  ratio: number | null;
  /** x = T against a strict "trên T" / "dưới T" */
  borderline: boolean;
  /** Vietnamese sentence: why this status */
  reason: string;
  notes: string[];
}

const EPS = 1e-9;
function eq(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
}
/** formatViNumber(x, { decimals: 2 }), by its quick twin. */
const fmt = (x: number) => formatViNumber2(x);

interface Judgement {
  status: Status;
  borderline: boolean;
  why: string;
}

/** Core comparison of a number against a target in a direction. */
export function judge(x: number, t: Target, dir: Direction): Judgement {
  const lo = t.low;
  const hi = t.high;
  const X = fmt(x);
  const band = dir === "band";
  const up = dir === "up";
  switch (t.form) {
    case "exact": {
      const v = lo!;
      if (eq(x, v)) return { status: "met", borderline: false, why: `Kết quả ${X} bằng chỉ tiêu ${fmt(v)}.` };
      if (band) return { status: "not_met", borderline: false, why: `Kết quả ${X} khác mức cơ cấu ${fmt(v)}.` };
      const better = up ? x > v : x < v;
      return better
        ? { status: "exceeded", borderline: false, why: `Kết quả ${X} ${up ? "cao hơn" : "thấp hơn"} chỉ tiêu ${fmt(v)}.` }
        : { status: "not_met", borderline: false, why: `Kết quả ${X} ${up ? "thấp hơn" : "cao hơn"} chỉ tiêu ${fmt(v)}.` };
    }
    case "range": {
      const inside = (x > lo! || eq(x, lo!)) && (x < hi! || eq(x, hi!));
      const span = `${fmt(lo!)}-${fmt(hi!)}`;
      if (inside) return { status: "met", borderline: false, why: `Kết quả ${X} nằm trong khoảng ${span}.` };
      if (band) return { status: "not_met", borderline: false, why: `Kết quả ${X} nằm ngoài khoảng ${span}.` };
      const aboveHi = x > hi!;
      const better = up ? aboveHi : !aboveHi;
      if (better)
        return { status: "exceeded", borderline: false, why: `Kết quả ${X} vượt ${up ? "cận trên" : "cận dưới"} ${fmt(up ? hi! : lo!)} của khoảng ${span}.` };
      return { status: "not_met", borderline: false, why: `Kết quả ${X} chưa tới ${up ? "cận dưới" : "cận trên"} ${fmt(up ? lo! : hi!)} của khoảng ${span}.` };
    }
    case "floor": {
      if (eq(x, lo!)) return { status: "met", borderline: false, why: `Kết quả ${X} bằng mức tối thiểu ${fmt(lo!)}.` };
      if (x > lo!) return { status: band ? "met" : "exceeded", borderline: false, why: `Kết quả ${X} cao hơn mức tối thiểu ${fmt(lo!)}.` };
      return { status: "not_met", borderline: false, why: `Kết quả ${X} thấp hơn mức tối thiểu ${fmt(lo!)}.` };
    }
    case "strict_floor": {
      if (eq(x, lo!))
        return { status: "not_met", borderline: true, why: `Kết quả ${X} bằng đúng ngưỡng; chỉ tiêu yêu cầu trên ${fmt(lo!)} nên chưa đạt (sát ngưỡng, cần xem lại).` };
      if (x > lo!) return { status: "met", borderline: false, why: `Kết quả ${X} trên ${fmt(lo!)}.` };
      return { status: "not_met", borderline: false, why: `Kết quả ${X} không vượt quá ${fmt(lo!)} như chỉ tiêu yêu cầu.` };
    }
    case "ceiling": {
      if (eq(x, hi!)) return { status: "met", borderline: false, why: `Kết quả ${X} bằng mức tối đa ${fmt(hi!)}.` };
      if (x < hi!) return { status: band || up ? "met" : "exceeded", borderline: false, why: `Kết quả ${X} thấp hơn mức tối đa ${fmt(hi!)}.` };
      return { status: "not_met", borderline: false, why: `Kết quả ${X} cao hơn mức tối đa ${fmt(hi!)}.` };
    }
    case "strict_ceiling": {
      if (eq(x, hi!))
        return { status: "not_met", borderline: true, why: `Kết quả ${X} bằng đúng ngưỡng; chỉ tiêu yêu cầu dưới ${fmt(hi!)} nên chưa đạt (sát ngưỡng, cần xem lại).` };
      if (x < hi!) return { status: "met", borderline: false, why: `Kết quả ${X} dưới ${fmt(hi!)}.` };
      return { status: "not_met", borderline: false, why: `Kết quả ${X} không thấp hơn ${fmt(hi!)} như chỉ tiêu yêu cầu.` };
    }
  }
}

function notEvaluable(base: Partial<Evaluation>, reason: string, opts: LabelOptions): Evaluation {
  return {
    status: "not_evaluable",
    label: statusLabel("not_evaluable", opts),
    direction: base.direction ?? "up",
    directionRule: base.directionRule ?? "default",
    target: base.target,
    targetError: base.targetError,
    actual: base.actual,
    ratio: null,
    borderline: false,
    reason,
    notes: base.notes ?? [],
  };
}

const unitIsPerYear = (u?: string) => !!u && /\/\s*(1\s*)?nam\b/.test(foldText(u));

/** A row's target parsed and its direction decided: what evaluate reads from the texts before judging. */
export interface RowReading {
  target: TargetParse;
  direction: DirectionDecision;
}

/** Evaluate one indicator. Never throws. */
export function evaluate(input: EvaluateInput): Evaluation {
  const target = parseTarget(input.target);
  const t = target.ok ? target.target : undefined;
  return evaluateRead(input, { target, direction: decideDirection({ explicit: input.direction, target: t, name: input.name, groupName: input.groupName }) });
}

/**
 * evaluate, for a target already parsed and a direction already decided (evaluateTable reads each
 * row once: prepared-row.ts). The input's target, direction, name and group name are not read again.
 */
export function evaluateRead(input: EvaluateInput, reading: RowReading): Evaluation {
  // The input carries the label options (vocabulary, levels) itself: no copy of them per call.
  const opts: LabelOptions = input;
  const notes: string[] = [];
  const tp = reading.target;
  const d = reading.direction;
  if (!tp.ok) return notEvaluable({ direction: d.direction, directionRule: d.rule, targetError: tp.error, notes }, tp.error.message, opts);
  const t = tp.target;
  if (t.note) notes.push(`Ghi chú của chỉ tiêu: ${t.note}.`);
  const ap = parseActual(input.actual);
  if (!ap.ok) return notEvaluable({ direction: d.direction, directionRule: d.rule, target: t, notes }, ap.error.message, opts);
  const a = ap.actual;
  let x = a.value;

  // Per-period counts against a per-year target: "263 đảng viên/ 3 năm" vs 110-120/năm.
  if (a.periodYears && a.periodYears !== 1) {
    const targetPerYear = t.perYear || unitIsPerYear(input.unit) || unitIsPerYear(t.unit);
    if (!targetPerYear) {
      return notEvaluable({ direction: d.direction, directionRule: d.rule, target: t, notes, actual: a }, `Kết quả tính cho ${a.periodYears} năm nhưng chỉ tiêu không ghi rõ là bình quân mỗi năm, không so sánh được.`, opts);
    }
    x = a.value / a.periodYears;
    notes.push(`Quy đổi bình quân năm: ${fmt(a.value)}/${a.periodYears} năm = ${fmt(x)}/năm.`);
  }
  // A reduction target ("giảm 1,5%/năm") compares the amount reduced: more is better.
  const cmpDir: Direction = t.change === "decrease" && d.direction !== "band" ? "up" : d.direction;
  if (t.change === "decrease") notes.push("Chỉ tiêu là mức giảm: so sánh mức giảm đạt được với mức giảm đề ra.");

  let j: Judgement;
  if (a.interval) {
    j = judgeInterval(a, t, cmpDir);
    if (j.status === "not_evaluable") return notEvaluable({ direction: d.direction, directionRule: d.rule, target: t, notes, actual: a }, j.why, opts);
  } else if (t.approx && t.form === "exact" && cmpDir !== "band") {
    j = judgeApprox(x, t, cmpDir, input.approxTolerance ?? APPROX_TOLERANCE);
  } else {
    j = judge(x, t, cmpDir);
  }
  const { status, why, ratio } = nearAndRatio(j, x, t, cmpDir, !!a.interval, input.near);
  return {
    status,
    label: statusLabel(status, opts),
    direction: d.direction,
    directionRule: d.rule,
    target: t,
    actual: a,
    value: x,
    ratio,
    borderline: j.borderline,
    reason: keptWhole(why),
    notes,
  };
}

/**
 * The ratio to the binding bound, "near" when a threshold is set and the result is within it, and
 * the ratio said in the reason for a result short of the target.
 */
function nearAndRatio(j: Judgement, x: number, t: Target, cmpDir: Direction, interval: boolean, near?: number): { status: Status; why: string; ratio: number | null } {
  const bound = bindingBound(t, cmpDir === "band" ? "up" : cmpDir);
  const ratio = bound !== undefined && bound !== 0 && !interval ? (x / bound) * 100 : null;
  let status = j.status;
  let why = j.why;
  if (status === "not_met" && near && near > 0 && bound !== undefined && !interval) {
    const gap = Math.abs(x - bound) / Math.max(Math.abs(bound), EPS);
    if (gap <= near + EPS) {
      status = "near";
      why += ` Cách mức cần đạt ${fmt(gap * 100)}%, trong ngưỡng gần đạt ${fmt(near * 100)}%.`;
    }
  }
  if (ratio !== null && status !== "met" && status !== "exceeded" && !j.borderline && cmpDir !== "band") {
    why += cmpDir === "down" ? ` Bằng ${fmt(ratio)}% mức tối đa cho phép.` : ` Đạt ${fmt(ratio)}% so với mức cần đạt.`;
  }
  return { status, why, ratio };
}

/**
 * An approximate target ("Khoảng 4"): within `tol` of it counts as met. Lower is better (CPI, a
 * population growth rate): a ceiling at T × (1 + tol), anything at or under it met. Higher is
 * better: met from T × (1 − tol), exceeded above T × (1 + tol).
 */
function judgeApprox(x: number, t: Target, dir: "up" | "down", tol: number): Judgement {
  const v = t.low!;
  const X = fmt(x);
  const span = Math.abs(v) * tol;
  const rule = `chỉ tiêu "${t.text}" là mức gần đúng, cho phép lệch ${fmt(tol * 100)}%`;
  if (dir === "down") {
    const cap = v + span;
    if (x < cap || eq(x, cap)) return { status: "met", borderline: false, why: `Kết quả ${X} không quá ${fmt(cap)}: ${rule}, càng thấp càng tốt nên đọc là mức tối đa khoảng ${fmt(v)}.` };
    return { status: "not_met", borderline: false, why: `Kết quả ${X} cao hơn ${fmt(cap)}: ${rule}, càng thấp càng tốt nên đọc là mức tối đa khoảng ${fmt(v)}.` };
  }
  const floor = v - span;
  const top = v + span;
  if (x > top && !eq(x, top)) return { status: "exceeded", borderline: false, why: `Kết quả ${X} cao hơn ${fmt(top)}: ${rule} (${fmt(floor)}-${fmt(top)}).` };
  if (x > floor || eq(x, floor)) return { status: "met", borderline: false, why: `Kết quả ${X} trong mức ${fmt(floor)}-${fmt(top)}: ${rule}.` };
  return { status: "not_met", borderline: false, why: `Kết quả ${X} thấp hơn ${fmt(floor)}: ${rule}.` };
}

/** A result known only as "> 80" or "< 1": decide when every value it allows gives the same answer. */
function judgeInterval(a: Actual, t: Target, dir: Direction): Judgement {
  const side = a.interval!.side;
  // the values the actual allows: (v, ∞) or [v, ∞) for "above"; mirrored for "below".
  // Probe the bound (nudged inside when strict) and a far point; equal answers decide.
  const v = a.value;
  const nudge = Math.max(1e-6, Math.abs(v) * 1e-6);
  const near = a.interval!.strict ? (side === "above" ? v + nudge : v - nudge) : v;
  const far = side === "above" ? v + 1e9 : v - 1e9;
  const j1 = judge(near, t, dir);
  const j2 = judge(far, t, dir);
  const ok = (s: Status) => s === "met" || s === "exceeded";
  if (ok(j1.status) && ok(j2.status)) return { status: "met", borderline: false, why: `Kết quả "${a.text}" luôn thỏa chỉ tiêu "${t.text}".` };
  if (!ok(j1.status) && !ok(j2.status)) return { status: "not_met", borderline: false, why: `Kết quả "${a.text}" không thỏa chỉ tiêu "${t.text}".` };
  return { status: "not_evaluable", borderline: false, why: `Kết quả chỉ ghi "${a.text}", chưa đủ để so với chỉ tiêu "${t.text}": cần số cụ thể.` };
}
