/**
 * Check a report draft against its table. The figures live twice, in the appendix table and in the
 * body ("- Tỷ lệ hộ nghèo 0,37%. (*Nghị quyết dưới 0,2%*)"), both typed by hand; this finds where
 * they disagree.
 *
 * How (docs/van-ban.md):
 * 1. Each paragraph is cut into pieces: text up to a target in brackets ("(Nghị quyết …)", "(NQ …)",
 *    "(kế hoạch …)", "(chỉ tiêu …)") is one piece; the rest is cut at ";" and sentence ends.
 * 2. A piece mentions an indicator when the indicator's name (folded, without stop words; a name
 *    listing several items is matched item by item) is mostly found in it: at least 50% for a piece
 *    with a target, 80% for plain narrative. Numbers of the name that the piece repeats break ties.
 * 3. For a mention: the stated result (the number with the indicator's unit; a growth rate only
 *    after "tăng"/"giảm"/"đạt") against the table's result (value_mismatch, sign_mismatch when the
 *    text says "giảm" for a positive rate); the numbers of the bracketed target against the table's
 *    target (target_mismatch).
 * 4. Anywhere: a fraction with its percent ("03/67 … 4,41%": fraction_percent_mismatch) and an
 *    average growth claim against yearly figures given in the same sentence or its footnotes
 *    ("tăng bình quân 200%/năm" with 86.260 → 145.000 in two years: growth_claim_mismatch).
 * After a heading of plans ("Phần thứ hai", "Mục tiêu", "Nhiệm vụ"), figures are plans, not
 * results: mentions are listed but their figures are not compared.
 * Pure: no I/O.
 */
import type { IndicatorRow, IndicatorTable } from "../model";
import { findFractions } from "../checks/checks";
import { computeActual, yearSeries } from "../evaluation/evaluate-table";
import { foldText } from "../text/fold";
import { formatViNumber, roundHalfAway, toNumber } from "../text/numbers";
import type { Draft } from "./draft";
import { placeOf } from "./draft";
import { DECREASE_LEVEL_WORDS, DECREASE_WORDS, MATCH_ABBREVIATIONS, MATCH_STOPWORDS, PLAN_HEADING_WORDS, SHARE_BEFORE_WORDS, TARGET_LEAD_WORDS } from "./words";

export const RECONCILE_CODES = ["value_mismatch", "target_mismatch", "sign_mismatch", "fraction_percent_mismatch", "growth_claim_mismatch"] as const;
export type ReconcileCode = (typeof RECONCILE_CODES)[number];

export const RECONCILE_CODE_LABELS: Record<ReconcileCode, string> = {
  value_mismatch: "Kết quả khác bảng",
  target_mismatch: "Chỉ tiêu khác bảng",
  sign_mismatch: "Tăng/giảm ngược bảng",
  fraction_percent_mismatch: "Phân số và tỷ lệ không khớp",
  growth_claim_mismatch: "Tăng bình quân không khớp số liệu",
};

export interface Mention {
  /** 1-based index of the paragraph in the draft (body paragraphs, then footnotes) */
  paragraph: number;
  /** "Đoạn 12", "Chú thích 6" */
  place: string;
  excerpt: string;
  row: number;
  tt: string;
  name: string;
  /** the cell of the result in the table */
  cell?: string;
  /** how much of the name the text holds (0-1) */
  score: number;
  /** in a part of the report that states plans */
  plan?: boolean;
}

export interface ReconcileFinding {
  code: ReconcileCode;
  paragraph: number;
  place: string;
  excerpt: string;
  /** the table row, or null when the disagreement is within the text */
  row: number | null;
  cell?: string;
  message: string;
}

export interface Reconciliation {
  mentions: Mention[];
  findings: ReconcileFinding[];
  /** pieces that cite a target the table has no indicator for */
  notInTable: Array<{ paragraph: number; place: string; excerpt: string }>;
  /** indicators the text never states a result for */
  notInText: Array<{ row: number; tt: string; name: string }>;
}

export interface ReconcileOptions {
  /** the text of a sheet cell as typed, for names in messages */
  cellText?: (address: string) => string | undefined;
  /** minimum share of a name found in a piece with a target (default 0.5) and in narrative (0.8) */
  minScore?: number;
  minNarrativeScore?: number;
}

// ---------------------------------------------------------------- words and numbers

function normToken(t: string): string {
  // "sỹ"/"sĩ", "tỷ"/"tỉ", "kỹ"/"kĩ": one spelling
  return /^[bcdghklmnpqrstvx]y$/.test(t) ? t.slice(0, -1) + "i" : t;
}

function tokens(folded: string): string[] {
  const out: string[] = [];
  for (const w of folded.split(/[^a-z0-9]+/)) {
    if (!w || /\d/.test(w)) continue;
    const exp = MATCH_ABBREVIATIONS[w];
    if (exp) out.push(...exp.split(" "));
    else out.push(normToken(w));
  }
  return out;
}

function contentTokens(folded: string): string[] {
  return tokens(folded).filter((t) => !MATCH_STOPWORDS.has(t));
}

function bigrams(ts: string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < ts.length; i++) out.push(`${ts[i - 1]} ${ts[i]}`);
  return out;
}

/** Numbers written in a text (years and "/1 vạn" included), as values. */
function numbersOf(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const v = toNumber(m[0]);
    if (v !== null) out.push(v);
  }
  return out;
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function decimalsOf(text: string): number {
  const m = text.match(/,(\d+)$/);
  return m ? m[1].length : 0;
}

/** Does `written` (with its decimals) state `exact`? Rounded or truncated both pass. */
function agrees(written: number, decimals: number, exact: number): boolean {
  const step = Math.pow(10, -decimals);
  const eps = 1e-9 * Math.max(1, Math.abs(exact));
  if (Math.abs(written - exact) <= step / 2 + eps) return true;
  return exact >= written - eps && exact < written + step;
}

const fmt = (x: number, d = 2) => formatViNumber(x, { decimals: d });

// ---------------------------------------------------------------- the table's side

interface Profile {
  row: IndicatorRow;
  name: string;
  /** the name's items (several when it lists "…; - …; …") */
  items: Array<{ uni: Set<string>; bi: Set<string> }>;
  numbers: number[];
  /** "%" or the unit's first word, folded */
  unitKey: string;
  growth: boolean;
  actual?: number;
  targetNumbers: number[];
  multiItem: boolean;
}

function unitKeyOf(unit: string): string {
  const f = foldText(unit).replace(/\s+/g, " ").trim();
  if (f.startsWith("%")) return "%";
  const t = tokens(f);
  return t[0] ?? "";
}

function targetNumbers(text: string): number[] {
  // numbers of the target, not of its notes ("0,2 (theo tiêu chí cũ)") nor of "/1 vạn dân", nor years
  const main = text.replace(/\([^()]*\)/g, " ").replace(/\/\s*\d+/g, " ");
  return numbersOf(main).filter((n) => !(Number.isInteger(n) && n >= 1900 && n <= 2100));
}

function actualNumber(row: IndicatorRow): number | undefined {
  const v = row.actual;
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const n = toNumber(v.trim());
    if (n !== null) return n;
  }
  return undefined;
}

function profileOf(row: IndicatorRow, opts: ReconcileOptions): Profile {
  const raw = (row.cells.name && opts.cellText?.(row.cells.name)) || row.name;
  const parts = raw.split(/;\s*(?:[-+]\s+)?|\s+[-+]\s+(?=\p{Lu})/u).map((s) => s.replace(/^[-+]\s*/, "").trim()).filter((s) => contentTokens(foldText(s)).length > 0);
  const items = (parts.length ? parts : [raw]).map((p) => {
    const uni = contentTokens(foldText(p));
    return { uni: new Set(uni), bi: new Set(bigrams(uni)) };
  });
  const u = foldText(row.unit).replace(/\s+/g, "");
  return {
    row,
    name: raw.trim(),
    items,
    numbers: numbersOf(raw),
    unitKey: unitKeyOf(row.unit),
    growth: row.kind === "average_growth" || u === "%/nam",
    actual: actualNumber(row),
    targetNumbers: targetNumbers(row.targetText),
    multiItem: items.length > 1,
  };
}

interface Match {
  profile: Profile;
  score: number;
  item: number;
}

/** Words found in one indicator's name only: a piece that lacks most of them is about something else. */
function uniqueWords(profiles: Profile[]): Map<Profile["items"][number], string[]> {
  const df = new Map<string, number>();
  for (const p of profiles) for (const t of new Set(p.items.flatMap((it) => [...it.uni]))) df.set(t, (df.get(t) ?? 0) + 1);
  const out = new Map<Profile["items"][number], string[]>();
  for (const p of profiles) for (const it of p.items) out.set(it, [...it.uni].filter((t) => df.get(t) === 1));
  return out;
}

function scorePiece(folded: string, profiles: Profile[], unique: Map<Profile["items"][number], string[]>): Match | null {
  const uni = contentTokens(folded);
  const pu = new Set(uni);
  const pb = new Set(bigrams(uni));
  const pieceNumbers = numbersOf(folded);
  let best: Match | null = null;
  let bestKey = -1;
  for (const p of profiles) {
    p.items.forEach((it, k) => {
      if (!it.uni.size) return;
      let cu = 0;
      for (const t of it.uni) if (pu.has(t)) cu++;
      let cb = 0;
      for (const b of it.bi) if (pb.has(b)) cb++;
      const own = unique.get(it) ?? [];
      if (own.length && own.filter((t) => pu.has(t)).length * 2 < own.length) return;
      const word = it.bi.size ? (cu / it.uni.size + cb / it.bi.size) / 2 : cu / it.uni.size;
      const nums = p.numbers.length ? p.numbers.filter((n) => pieceNumbers.some((x) => same(x, n))).length / p.numbers.length : 0;
      const key = word + 0.1 * nums; // numbers only break ties between close names
      if (key > bestKey) {
        bestKey = key;
        best = { profile: p, score: word, item: k };
      }
    });
  }
  return best;
}

// ---------------------------------------------------------------- the text's side

interface Piece {
  /** offset of the piece in the paragraph, and its text before any target bracket */
  start: number;
  text: string;
  /** the bracket's inner text, without "*" */
  target?: string;
  /** a clause of a piece that cites a target: matched as leniently as one */
  cited?: boolean;
}

const LEAD_RE = new RegExp(`^\\s*(?:${TARGET_LEAD_WORDS.map((w) => w.replace(/ /g, "\\s+")).join("|")})\\b`);

function isTargetBracket(inner: string): boolean {
  return LEAD_RE.test(foldText(inner.replace(/\*/g, "")));
}

function splitNarrative(text: string, start: number, out: Piece[]): void {
  const re = /;|[.!?](?=\s+\p{Lu})|[.!?]\s*$/gu;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const end = m.index!;
    const t = text.slice(last, end);
    if (t.trim()) out.push({ start: start + last, text: t });
    last = end + m[0].length;
  }
  const t = text.slice(last);
  if (t.trim()) out.push({ start: start + last, text: t });
}

function piecesOf(text: string): Piece[] {
  const out: Piece[] = [];
  let cursor = 0;
  for (const m of text.matchAll(/\(([^()]*)\)/g)) {
    if (!isTargetBracket(m[1])) continue;
    let pre = text.slice(cursor, m.index);
    let start = cursor;
    // a piece starts after the last sentence end before the bracket
    const cut = [...pre.matchAll(/[.!?]\s+(?=\p{Lu})/gu)].pop();
    if (cut) {
      splitNarrative(pre.slice(0, cut.index! + 1), start, out);
      start += cut.index! + cut[0].length;
      pre = pre.slice(cut.index! + cut[0].length);
    }
    // clauses before the last ";" are pieces of their own (in a paragraph that cites targets)
    const semi = pre.lastIndexOf(";");
    if (semi >= 0) {
      let last = 0;
      for (const part of pre.slice(0, semi).split(";")) {
        if (part.trim()) out.push({ start: start + last, text: part, cited: true });
        last += part.length + 1;
      }
      start += semi + 1;
      pre = pre.slice(semi + 1);
    }
    out.push({ start, text: pre, target: m[1].replace(/\*/g, "").trim() });
    cursor = m.index! + m[0].length;
  }
  splitNarrative(text.slice(cursor), cursor, out);
  return out;
}

/** A target bracket that names two targets ("11-12%/năm; trong đó thuế phí 12-14%/năm") with its text cut the same way. */
function splitCompound(piece: Piece): Piece[] {
  if (!piece.target) return [piece];
  const tParts = piece.target.split(/;\s*/).filter(Boolean);
  if (tParts.length < 2) return [piece];
  const re = /,?\s*trong đó:?\s*/gi;
  const cuts = [...piece.text.matchAll(re)];
  if (cuts.length !== tParts.length - 1) return [{ ...piece, target: tParts[0] }];
  const out: Piece[] = [];
  let last = 0;
  cuts.forEach((c, i) => {
    out.push({ start: piece.start + last, text: piece.text.slice(last, c.index), target: tParts[i] });
    last = c.index!;
  });
  out.push({ start: piece.start + last, text: piece.text.slice(last), target: tParts[tParts.length - 1].replace(/^trong đó:?\s*/i, "") });
  return out;
}

interface Stated {
  value: number;
  text: string;
  /** the verb before it */
  verb: "tang" | "giam" | "level" | "";
}

/** The result a piece states for an indicator: the number with its unit, not one of the name's. */
function statedValue(piece: string, p: Profile, last: boolean): Stated | null {
  const f = foldText(piece);
  const found: Stated[] = [];
  for (const m of f.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const i = m.index!;
    const before = f.slice(Math.max(0, i - 30), i);
    const after = f.slice(i + m[0].length);
    if (/[/]\s*$/.test(f.slice(0, i)) || /^\s*\//.test(after)) continue; // "/1 vạn", "57/66"
    const v = toNumber(m[0]);
    if (v === null) continue;
    const pct = /^\s*%/.test(after);
    if (!pct && Number.isInteger(v) && v >= 1900 && v <= 2100) continue; // a year
    if (p.numbers.some((n) => same(n, v))) continue; // part of the name
    const nextWord = normToken(after.match(/^\s*([a-z]+)/)?.[1] ?? "");
    if (p.unitKey === "%") {
      if (!pct && nextWord && !/^\s*[,;.)]/.test(after)) continue;
    } else if (p.unitKey && nextWord !== p.unitKey) continue;
    let verb: Stated["verb"] = "";
    const bt = before.trimEnd();
    if (DECREASE_LEVEL_WORDS.some((w) => bt.endsWith(w))) verb = "level";
    else if (DECREASE_WORDS.some((w) => new RegExp(`${w}(\\s+(hang nam|moi nam))?(\\s+la)?$`).test(bt))) verb = "giam";
    else if (/tang(\s+binh quan)?(\s+(hang nam|moi nam))?(\s+la)?$/.test(bt)) verb = "tang";
    if (p.growth) {
      if (SHARE_BEFORE_WORDS.some((w) => before.includes(w))) continue;
      if (!/(tang|giam|dat|uoc|la)\b/.test(before)) continue;
    }
    found.push({ value: v, text: m[0] + (pct ? "%" : ""), verb });
  }
  if (!found.length) return null;
  return last ? found[found.length - 1] : found[0];
}

// ---------------------------------------------------------------- plans

function isHeading(text: string): boolean {
  const t = text.trim();
  if (t.length > 160) return false;
  if (/^(phần|phân)\s+thứ/i.test(t)) return true;
  if (/^([IVX]+|\d+(\.\d+)*)\.\s/.test(t)) return true;
  return t === t.toLocaleUpperCase("vi") && /\p{L}{3}/u.test(t);
}

function planSwitch(text: string): boolean | null {
  if (!isHeading(text)) return null;
  const f = foldText(text);
  if (/phan thu nhat|phan thu 1\b/.test(f)) return false;
  if (/danh gia|ket qua|tinh hinh thuc hien/.test(f) && !/du bao/.test(f)) return false;
  if (PLAN_HEADING_WORDS.some((w) => f.includes(w))) return true;
  return null;
}

// ---------------------------------------------------------------- growth claims

const GROWTH_CLAIM = /tang binh quan(?: hang nam| moi nam)?(?: giai doan [\d\s-]+)?(?: la)?\s*(-?\d+(?:,\d+)?)\s*%/g;
const YEAR_VALUE = /nam (\d{4})\s*(?::|la|dat|uoc dat|uoc|co|:)?\s*(?:uoc\s*)?(?:dat\s*)?(\d+(?:[.,]\d+)*)\s*(%|[a-z]+)?/g;

interface Series {
  points: Array<[number, number]>;
  rates: boolean;
}

function seriesIn(text: string): Series | null {
  const f = foldText(text);
  const byUnit = new Map<string, Map<number, number>>();
  for (const m of f.matchAll(YEAR_VALUE)) {
    const y = Number(m[1]);
    const v = toNumber(m[2]);
    if (v === null || y < 1900 || y > 2100) continue;
    const unit = m[3] === "%" ? "%" : m[3] ?? "";
    const map = byUnit.get(unit) ?? new Map<number, number>();
    if (!map.has(y)) map.set(y, v);
    byUnit.set(unit, map);
  }
  let best: Series | null = null;
  for (const [unit, map] of byUnit) {
    if (map.size < 2) continue;
    const points = [...map.entries()].sort((a, b) => a[0] - b[0]);
    if (!best || points.length > best.points.length) best = { points, rates: unit === "%" };
  }
  return best;
}

function averageOf(s: Series): { value: number; how: string } | null {
  const pts = s.points;
  if (s.rates) {
    let prod = 1;
    for (const [, r] of pts) prod *= 1 + r / 100;
    const g = (Math.pow(prod, 1 / pts.length) - 1) * 100;
    return { value: g, how: `bình quân nhân của ${pts.length} tốc độ năm (${pts.map(([y, v]) => `${y}: ${fmt(v)}%`).join("; ")})` };
  }
  const [y0, v0] = pts[0];
  const [yn, vn] = pts[pts.length - 1];
  if (!(v0 > 0) || yn <= y0) return null;
  const n = yn - y0;
  const g = (Math.pow(vn / v0, 1 / n) - 1) * 100;
  return { value: g, how: `từ ${fmt(v0)} (năm ${y0}) lên ${fmt(vn)} (năm ${yn}) trong ${n} năm: (${fmt(vn)}/${fmt(v0)})^(1/${n}) − 1` };
}

// ---------------------------------------------------------------- the reconciliation

/** The text between start and end, widened to whole words, "…" where it was cut, at most ~220 characters. */
function excerptOf(text: string, start: number, end: number): string {
  let a = Math.max(0, start);
  let b = Math.min(text.length, end);
  const w = (c: string | undefined) => !!c && /[\p{L}\d,.%/]/u.test(c);
  if (w(text[a])) while (a > 0 && w(text[a - 1])) a--;
  if (w(text[b - 1])) while (b < text.length && w(text[b]) && !/[.,]/.test(text[b])) b++;
  let s = text.slice(a, b).replace(/\s+/g, " ").trim().replace(/^[-,;:.\s]+/, "");
  let cutEnd = /[\p{L}\d]/u.test(text.slice(b));
  if (s.length > 220) {
    s = s.slice(0, 220).replace(/\s+\S*$/, "");
    cutEnd = true;
  }
  return `${/[\p{L}\d]/u.test(text.slice(0, a)) ? "…" : ""}${s}${cutEnd && !/[.;]$/.test(s) ? "…" : ""}`;
}

function indicatorLabel(p: Profile): string {
  const n = p.name.replace(/\s+/g, " ");
  const short = n.length > 70 ? `${n.slice(0, 69)}…` : n;
  return `${p.row.tt ? p.row.tt + " " : ""}"${short}"`;
}

/** What the checks of one paragraph share: the draft, the profiles and what has been found so far. */
interface ReconcileState {
  draft: Draft;
  profiles: Profile[];
  unique: Map<Profile["items"][number], string[]>;
  minScore: number;
  minNarrative: number;
  mentions: Mention[];
  findings: ReconcileFinding[];
  notInTable: Reconciliation["notInTable"];
  stated: Set<number>;
}

/** One paragraph being checked: its 1-based number, place, text and whether it states plans. */
interface ParagraphContext {
  para: Draft["paragraphs"][number];
  paragraph: number;
  place: string;
  text: string;
  inPlan: boolean;
}

/** One mention being checked: where it is, the excerpt, the indicator and the piece of text. */
interface MentionContext {
  paragraph: number;
  place: string;
  excerpt: string;
  piece: Piece;
  p: Profile;
}

/** Reconcile a draft with an evaluated table. */
export function reconcile(draft: Draft, table: IndicatorTable, opts: ReconcileOptions = {}): Reconciliation {
  const profiles = table.rows.filter((r): r is IndicatorRow => r.type === "indicator").map((r) => profileOf(r, opts));
  const s: ReconcileState = {
    draft,
    profiles,
    unique: uniqueWords(profiles),
    minScore: opts.minScore ?? 0.5,
    minNarrative: opts.minNarrativeScore ?? 0.8,
    mentions: [],
    findings: [],
    notInTable: [],
    stated: new Set<number>(),
  };
  const planOf = footnotePlanModes(draft);
  let plan = false;
  draft.paragraphs.forEach((para, index) => {
    if (para.kind === "body") {
      const sw = planSwitch(para.text);
      if (sw !== null) plan = sw;
    }
    const inPlan = para.kind === "footnote" ? planOf.get(para.number ?? "") ?? false : plan;
    const text = para.text;
    if (!text.trim()) return;
    const c: ParagraphContext = { para, paragraph: index + 1, place: placeOf(draft, index), text, inPlan };
    // 1-3: mentions, results, targets
    if (!(para.kind === "body" && isHeading(text))) checkMentions(s, c);
    checkFractionPercents(s, c);
    if (!inPlan) checkGrowthClaims(s, c);
  });
  const notInText = profiles.filter((p) => !s.stated.has(p.row.row)).map((p) => ({ row: p.row.row, tt: p.row.tt, name: p.name }));
  s.findings.sort((a, b) => a.paragraph - b.paragraph);
  return { mentions: s.mentions, findings: s.findings, notInTable: s.notInTable, notInText };
}

/** The plan mode of each footnote: that of the body paragraph that first refers to it. */
function footnotePlanModes(draft: Draft): Map<string, boolean> {
  const planOf = new Map<string, boolean>();
  let plan = false;
  draft.paragraphs.forEach((p) => {
    if (p.kind !== "body") return;
    const sw = planSwitch(p.text);
    if (sw !== null) plan = sw;
    for (const r of p.refs) if (!planOf.has(r.number)) planOf.set(r.number, plan);
  });
  return planOf;
}

/** 1-3: the indicators each piece of the paragraph mentions, and what it states about them. */
function checkMentions(s: ReconcileState, c: ParagraphContext): void {
  const { paragraph, place, text, inPlan } = c;
  for (const piece0 of piecesOf(text)) {
    for (const piece of splitCompound(piece0)) {
      const folded = foldText(piece.text);
      const m = scorePiece(folded, s.profiles, s.unique);
      const min = piece.target || piece.cited ? s.minScore : s.minNarrative;
      const close = piece.target ? text.indexOf(")", piece.start + piece.text.length) : -1;
      const excerpt = excerptOf(text, piece.start, close >= 0 ? close + 1 : piece.start + piece.text.length);
      if (!m || m.score < min) {
        if (piece.target && !inPlan && targetNumbers(piece.target).length) s.notInTable.push({ paragraph, place, excerpt });
        continue;
      }
      const p = m.profile;
      const r = p.row;
      s.mentions.push({ paragraph, place, excerpt, row: r.row, tt: r.tt, name: p.name, cell: r.cells.actual, score: Math.round(m.score * 100) / 100, ...(inPlan ? { plan: true } : {}) });
      if (inPlan) continue;
      s.stated.add(r.row);
      const firstItem = !p.multiItem || m.item === 0;
      if (!firstItem) continue;
      const mc: MentionContext = { paragraph, place, excerpt, piece, p };
      const v = statedValue(piece.text, p, !!piece.target);
      if (v && p.actual !== undefined) checkStatedValue(s, mc, v, p.actual);
      if (v) checkGrowthAgainstYears(s, mc, v);
      checkStatedTarget(s, mc);
    }
  }
}

/** 2: the result stated against the table's (value_mismatch, sign_mismatch). */
function checkStatedValue(s: ReconcileState, c: MentionContext, v: Stated, actual: number): void {
  const { p } = c;
  const r = p.row;
  const dec = decimalsOf(v.text.replace(/%$/, ""));
  const signWrong = p.growth && ((v.verb === "giam" && actual > 0) || (v.verb === "tang" && actual < 0));
  const abs = agrees(v.value, dec, Math.abs(actual)) || same(roundHalfAway(Math.abs(actual), dec), v.value);
  const where = r.cells.actual ? ` (ô ${r.cells.actual})` : "";
  const at = { paragraph: c.paragraph, place: c.place, excerpt: c.excerpt, row: r.row, cell: r.cells.actual };
  if (signWrong && abs) {
    s.findings.push({
      code: "sign_mismatch",
      ...at,
      message: `Văn bản ghi "${v.verb === "giam" ? "giảm" : "tăng"} ${v.text}" nhưng bảng ghi ${actual > 0 ? "+" : ""}${fmt(actual)}${where} cho ${indicatorLabel(p)}: một trong hai ghi ngược chiều.`,
    });
  } else if (!abs || signWrong) {
    s.findings.push({
      code: "value_mismatch",
      ...at,
      message: `Văn bản ghi ${v.verb === "giam" ? "giảm " : ""}${v.text} nhưng bảng ghi ${fmt(actual)}${where} cho ${indicatorLabel(p)}.`,
    });
  }
}

/** A growth rate stated in the text against the table's own year columns (growth_claim_mismatch). */
function checkGrowthAgainstYears(s: ReconcileState, c: MentionContext, v: Stated): void {
  const { p } = c;
  const r = p.row;
  if (!(p.growth && yearSeries(r.years).length >= 2)) return;
  const computed = computeActual("average_growth", r.years, { baseline: r.baseline, unit: r.unit });
  const stated = v.verb === "giam" ? -v.value : v.value;
  if (computed && Math.abs(stated - computed.value) > 0.1 + 1e-9) {
    s.findings.push({
      code: "growth_claim_mismatch",
      paragraph: c.paragraph,
      place: c.place,
      excerpt: c.excerpt,
      row: r.row,
      cell: r.cells.actual,
      message: `Văn bản ghi ${v.verb === "giam" ? "giảm" : "tăng"} ${v.text} nhưng các cột năm của bảng cho ${fmt(computed.value)}%/năm cho ${indicatorLabel(p)}: ${computed.how}`,
    });
  }
}

/** 3: the target cited in brackets against the table's (target_mismatch). */
function checkStatedTarget(s: ReconcileState, c: MentionContext): void {
  const { piece, p } = c;
  const r = p.row;
  if (!(piece.target && p.targetNumbers.length)) return;
  const tn = targetNumbers(foldText(piece.target).replace(LEAD_RE, ""));
  const ok = tn.length === 0 || (tn.length === p.targetNumbers.length && tn.every((x, i) => same(x, p.targetNumbers[i])));
  if (ok) return;
  const tcell = r.cells.target ? ` (ô ${r.cells.target})` : "";
  s.findings.push({
    code: "target_mismatch",
    paragraph: c.paragraph,
    place: c.place,
    excerpt: c.excerpt,
    row: r.row,
    cell: r.cells.target,
    message: `Văn bản ghi chỉ tiêu "${piece.target.replace(/\s+/g, " ")}" nhưng bảng ghi "${r.targetText}"${tcell} cho ${indicatorLabel(p)}.`,
  });
}

/** 4a: fractions and their percents (fraction_percent_mismatch). */
function checkFractionPercents(s: ReconcileState, c: ParagraphContext): void {
  const { paragraph, place, text } = c;
  for (const h of findFractions(text)) {
    if (!h.percent || h.ofPlan) continue;
    const exact = (h.part / h.total) * 100;
    if (agrees(h.percent.value, h.percent.decimals, exact)) continue;
    const [pa, pb] = h.text.split("/");
    const at = Math.max(0, text.search(new RegExp(`(?<![\\d.,])${pa.replace(/\./g, "\\.")}\\s*/\\s*${pb.replace(/\./g, "\\.")}`)));
    const mention = s.mentions.find((x) => x.paragraph === paragraph && x.excerpt.replace(/\s+/g, "").includes(h.text));
    s.findings.push({
      code: "fraction_percent_mismatch",
      paragraph,
      place,
      excerpt: excerptOf(text, at - 60, at + 80),
      row: mention?.row ?? null,
      cell: mention?.cell,
      message: `${h.text} = ${fmt(exact)}%, nhưng văn bản ghi ${h.percent.text}. Tỷ lệ đúng là ${fmt(exact)}%.`,
    });
  }
}

/** 4b: average growth claims against yearly figures in the same sentence or its footnotes (growth_claim_mismatch). */
function checkGrowthClaims(s: ReconcileState, c: ParagraphContext): void {
  const { para, paragraph, place, text } = c;
  const f = foldText(text);
  for (const m of f.matchAll(GROWTH_CLAIM)) {
    const claim = Number(m[1].replace(",", "."));
    const at = m.index!;
    const end = at + m[0].length;
    const sentenceStart = Math.max(0, ...[...f.slice(0, at).matchAll(/[.;]\s/g)].map((x) => x.index! + 1));
    const nextStop = f.slice(end).search(/[.;]\s|[.;]$/);
    const sentenceEnd = nextStop < 0 ? f.length : end + nextStop;
    let source = text.slice(sentenceStart, sentenceEnd);
    const notes = para.refs.filter((r) => r.offset >= end && r.offset <= sentenceEnd + 2);
    for (const r of notes) {
      const fn = s.draft.paragraphs.find((x) => x.kind === "footnote" && x.number === r.number);
      if (fn) source += ` ${fn.text}`;
    }
    const series = seriesIn(source);
    if (!series) continue;
    const g = averageOf(series);
    if (!g) continue;
    if (Math.abs(claim - g.value) <= 0.1 + 1e-9) continue;
    s.findings.push({
      code: "growth_claim_mismatch",
      paragraph,
      place,
      excerpt: excerptOf(text, at - 80, end + 10),
      row: null,
      message: `Văn bản ghi tăng bình quân ${fmt(claim)}%/năm nhưng số liệu nêu kèm cho ${fmt(g.value)}%/năm: ${g.how}${notes.length ? ` (chú thích ${notes.map((n) => n.number).join(", ")})` : ""}.`,
    });
  }
}
