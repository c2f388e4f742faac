/**
 * Resolution targets written as free Vietnamese text → a typed Target.
 * "8,5-9,5", "> 98", "dưới 1,0", "trên 80%", "từ 90% trở lên", "≥ 90", "<1", "01-02 xã",
 * "Tăng 10-20", "giảm còn 2-2,2%", "Bình quân kết nạp từ 110 – 120", "0,2 (theo tiêu chí cũ)".
 * Never throws: text that cannot be read gives { ok: false, reason }.
 */
import { normalizeText } from "../text/normalize";
import { foldCode, foldOffsets, foldText } from "../text/fold";
import { parseNumberToken, formatViNumber, readShortNumber } from "../text/numbers";
import { ABOUT_WORDS, DECREASE_WORDS, DOWN_TO_WORDS, INCREASE_WORDS } from "./words";
import { endsWithWordAfterBlank, endsWithWordAfterSpace, isDigit, isJsSpace, lastNonSpace, numberTokenEnd } from "../text/scan";

/** The shape of a target. */
export type TargetForm =
  | "exact" // 95
  | "range" // 8,5-9,5
  | "floor" // ≥ 90, từ 90 trở lên, tối thiểu 90, không dưới 90
  | "strict_floor" // > 98, trên 80, hơn 80
  | "ceiling" // ≤ 1, không quá 1, tối đa 1
  | "strict_ceiling"; // < 1, dưới 1

/** What the number measures, when the words say so. */
export type TargetChange =
  | "level" // the value to reach (default); "giảm còn 2%" is a level too, lower is better
  | "increase" // "Tăng 10-20": an increase by that much
  | "decrease"; // "giảm 1,5%/năm": a reduction by that much (percentage points for rates)

export interface Target {
  form: TargetForm;
  /** lower bound (exact: the value) */
  low?: number;
  /** upper bound (exact: the value) */
  high?: number;
  /** a range written high-to-low ("3,0-2,0"), as structure targets sometimes are */
  descending?: boolean;
  change: TargetChange;
  /** "%" when the number carried a percent sign or a "%" unit follows */
  percent: boolean;
  /** "/năm": a yearly rate or a per-year count */
  perYear: boolean;
  /** unit words after the numbers: "xã", "%/năm", "bác sĩ/1 vạn dân" */
  unit?: string;
  /** leading words kept for display: "Bình quân kết nạp" */
  prefix?: string;
  /** notes in parentheses: "theo tiêu chí cũ" */
  note?: string;
  /** "Khoảng 4", "xấp xỉ 8": a single number given as approximate (judged with a tolerance) */
  approx?: boolean;
  /** the direction the words imply, if they imply one ("dưới", "<", "giảm còn" → down) */
  impliedDirection?: "up" | "down";
  /** the original text */
  text: string;
}

export type TargetErrorCode = "empty" | "no_number" | "too_many_numbers" | "not_a_target";

export interface TargetError {
  code: TargetErrorCode;
  /** Vietnamese explanation for the user */
  message: string;
  text: string;
}

export type TargetParse = { ok: true; target: Target } | { ok: false; error: TargetError };

// Word lists, on folded text (no diacritics, lower case).
const FLOOR_BEFORE = ["tu", "toi thieu", "khong duoi", "khong thap hon", "it nhat", "tren hoac bang", "bang hoac tren"];
const STRICT_FLOOR_BEFORE = ["tren", "hon", "cao hon", "vuot"];
const CEILING_BEFORE = ["toi da", "khong qua", "khong vuot qua", "khong cao hon", "khong hon", "duoi hoac bang"];
const STRICT_CEILING_BEFORE = ["duoi", "thap hon", "it hon"];
const FLOOR_AFTER = ["tro len tren", "tro len"];
const CEILING_AFTER = ["tro xuong", "tro lai"];

const AFTER_WORDS_RE = new RegExp(`^(%?)\\s*(?:${[...FLOOR_AFTER, ...CEILING_AFTER].sort((a, b) => b.length - a.length).join("|")})\\b`);
const RANGE_SEP = /^\s*(?:%\s*)?(?:-|~|÷|den|toi)\s*$/;

const COMPARATORS_BEFORE: Array<[string, TargetForm]> = [
  ...CEILING_BEFORE.map((w): [string, TargetForm] => [w, "ceiling"]),
  ...STRICT_CEILING_BEFORE.map((w): [string, TargetForm] => [w, "strict_ceiling"]),
  ...FLOOR_BEFORE.filter((w) => w !== "tu").map((w): [string, TargetForm] => [w, "floor"]),
  ...STRICT_FLOOR_BEFORE.map((w): [string, TargetForm] => [w, "strict_floor"]),
].sort((a, b) => b[0].length - a[0].length);

/** The comparator the words just before the number name; the longest phrase wins ("không dưới" over "dưới"). */
function comparatorBefore(lead: string): TargetForm | null {
  const t = lead.trim();
  for (const [w, form] of COMPARATORS_BEFORE) if (endsWithWordAfterBlank(t, w)) return form;
  return null;
}

function endsWithWord(s: string, words: string[]): string | null {
  const t = s.trim();
  for (const w of words) {
    if (endsWithWordAfterBlank(t, w)) return w;
  }
  return null;
}
/** The first of `words` that starts s (trimmed) as a whole word: followed by the end, " ", "," or ".". */
function startsWithWord(s: string, words: string[]): string | null {
  const t = s.trim();
  for (const w of words) {
    if (!t.startsWith(w)) continue;
    const next = t.length === w.length ? 32 : t.charCodeAt(w.length);
    if (next === 32 || next === 44 || next === 46) return w;
  }
  return null;
}

/** Any of `words` ends s after white space or at its start: /(^|\s)(a|b|…)$/. */
function endsWithAnyWord(s: string, words: readonly string[]): boolean {
  for (const w of words) if (endsWithWordAfterSpace(s, w)) return true;
  return false;
}

// Change words before the number (words.ts): "giảm còn" → a level, lower is better; "giảm" → a
// decrease; "tăng" → an increase; "khoảng" → an approximate target.
/** ≥ ≤ < >, the symbols a prefix drops before the number. */
function isComparatorSymbol(c: number): boolean {
  return c === 0x2265 || c === 0x2264 || c === 60 || c === 62;
}

/** A number token of the folded text: the quick exact reader for the usual "12" / "12,5", else the full one. */
function readToken(s: string, start: number, end: number): number | null {
  const quick = readShortNumber(s, start, end);
  return quick >= 0 ? quick : parseNumberToken(s.slice(start, end));
}

function fail(code: TargetErrorCode, text: string): TargetParse {
  const messages: Record<TargetErrorCode, string> = {
    empty: "Chỉ tiêu Nghị quyết để trống.",
    no_number: "Không tìm thấy con số trong chỉ tiêu Nghị quyết",
    too_many_numbers: "Chỉ tiêu có nhiều hơn hai con số, không rõ mức cần đạt",
    not_a_target: "Không đọc được chỉ tiêu Nghị quyết",
  };
  const msg = code === "empty" ? messages.empty : `${messages[code]}: "${text}".`;
  return { ok: false, error: { code, message: msg, text } };
}

interface Token {
  value: number;
  start: number;
  end: number;
}

const cache = new Map<string, TargetParse>();
const CACHE_MAX = 5000;

const NO_NOTES: string[] = [];

/**
 * Parse a resolution target. Numbers pass through as exact targets. Text in the usual shapes is
 * read directly: parseTargetQuick costs less than a cache lookup and insert, and a cache that keeps
 * every distinct text makes the collector copy it (NQ.DANHGIA over 100 000 different targets ran 3×
 * slower with it: bench `engine_us_per_pair`). Other text is cached (the same targets recur across
 * rows and years). Treat the returned object as read-only.
 */
export function parseTarget(input: unknown): TargetParse {
  if (typeof input !== "string") return parseTargetUncached(input);
  // parseTargetQuick looks at every character and refuses "(" and "=" (notes and "=" spellings need
  // the general reading's rewriting first), so it can be tried on the normalised text as it is.
  const raw = normalizeText(input);
  if (raw !== "") {
    const quick = parseTargetQuick(raw, raw, NO_NOTES);
    if (quick) return quick;
  }
  let r = cache.get(input);
  if (!r) {
    r = parseTargetUncached(input);
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(input, r);
  }
  return r;
}

/**
 * The general reading alone, without the one-pass reader for the usual shapes. Not for callers:
 * the tests compare the two on generated text, so the fast path can never drift from it.
 */
export function parseTargetGeneral(input: unknown): TargetParse {
  return parseTargetUncached(input, false);
}

/** Does the one-pass reader take this text itself (for tests: the fast path is really used)? */
export function readsInOnePass(input: string): boolean {
  const raw = normalizeText(input);
  return raw !== "" && parseTargetQuick(raw, raw, NO_NOTES) !== null;
}

function parseTargetUncached(input: unknown, useQuick = true): TargetParse {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return fail("not_a_target", String(input));
    return { ok: true, target: { form: "exact", low: input, high: input, change: "level", percent: false, perYear: false, text: String(input) } };
  }
  if (input === null || input === undefined) return fail("empty", "");
  const raw = normalizeText(String(input));
  if (raw === "") return fail("empty", "");
  const { body, notes } = takeNotes(raw);
  const quick = useQuick ? parseTargetQuick(body, raw, notes) : null;
  return quick ?? parseGeneral(body, raw, notes);
}

/** Notes in parentheses are kept aside ("0,2 (theo tiêu chí cũ)"); ">=" and "=<" read as ≥ and ≤. */
function takeNotes(raw: string): { body: string; notes: string[] } {
  const notes: string[] = [];
  let body = raw;
  if (body.includes("(")) {
    body = body
      .replace(/\(([^()]*)\)/g, (_m, inner: string) => {
        notes.push(inner.trim());
        return " ";
      })
      .replace(/\s+/g, " ")
      .trim();
  }
  if (body.includes("=")) body = body.replace(/>=|=>/g, "≥").replace(/<=|=</g, "≤");
  return { body, notes };
}

/** Number tokens of the folded text, as /\d+(?:[.,]\d+)*\/g would find them; null when one cannot be read. */
function scanTokens(folded: string): Token[] | null {
  const tokens: Token[] = [];
  for (let i = 0; i < folded.length; i++) {
    if (!isDigit(folded.charCodeAt(i))) continue;
    const end = numberTokenEnd(folded, i);
    const v = readToken(folded, i, end);
    if (v === null) return null;
    tokens.push({ value: v, start: i, end });
    i = end - 1;
  }
  return tokens;
}

/**
 * The value tokens: not unit denominators ("bác sĩ/1 vạn dân": a "/" and only white space before),
 * not years named as context; one, or two joined by a range separator.
 */
function valueTokens(folded: string, tokens: Token[]): { first: Token; second?: Token } | TargetErrorCode {
  const values = folded.includes("/")
    ? tokens.filter((t) => {
        const j = lastNonSpace(folded, t.start);
        return !(j >= 0 && folded.charCodeAt(j) === 47);
      })
    : tokens;
  // Years named in the text ("đến năm 2025") are context, not values.
  const candidates = values.length > 1 ? dropYears(folded, values) : values;
  if (candidates.length === 0) return "no_number";
  if (candidates.length === 1) return { first: candidates[0] };
  const between = folded.slice(candidates[0].end, candidates[1].start);
  if (!RANGE_SEP.test(between) || candidates.length > 2) return "too_many_numbers";
  return { first: candidates[0], second: candidates[1] };
}

/**
 * A negative sign written right before the first number ("−2" after normalisation "-2"):
 * /(^|\s)-\s*$/ but not /\d\s*-\s*$/ on the text before it. `lead` is that text without the sign, trimmed.
 */
function leadOf(folded: string, first: Token): { value: number; lead: string } {
  if (first.start === 0) return { value: first.value, lead: "" };
  let value = first.value;
  let leadStop = first.start;
  const dash = lastNonSpace(folded, first.start);
  if (dash >= 0 && folded.charCodeAt(dash) === 45) {
    if (dash === 0 || isJsSpace(folded.charCodeAt(dash - 1))) {
      const k = lastNonSpace(folded, dash);
      if (!(k >= 0 && isDigit(folded.charCodeAt(k)))) value = -value;
    }
    leadStop = dash;
  }
  return { value, lead: folded.slice(0, leadStop).trim() };
}

/** The change words and comparator of the lead (symbols, words before) and the words after a single number. */
function readLead(t: Target, lead: string, tail: string, single: boolean): TargetForm | null {
  let form: TargetForm | null = null;
  const leadSym = lead.slice(-1);
  let leadWords = lead;
  if (leadSym === "≥") form = "floor";
  else if (leadSym === ">") form = "strict_floor";
  else if (leadSym === "≤") form = "ceiling";
  else if (leadSym === "<") form = "strict_ceiling";
  if (form) leadWords = lead.slice(0, -1).trim();
  let change: TargetChange = "level";
  if (leadWords === "") {
    // nothing before the number: no change words
  } else if (endsWithAnyWord(leadWords, DOWN_TO_WORDS)) {
    t.impliedDirection = "down";
  } else if (endsWithAnyWord(leadWords, DECREASE_WORDS)) {
    change = "decrease";
  } else if (endsWithAnyWord(leadWords, INCREASE_WORDS)) {
    change = "increase";
  }
  t.change = change;
  if (!form && leadWords !== "") form = comparatorBefore(leadWords);
  // words after the number: "90% trở lên", "1% trở xuống" (they only count for a single number)
  if (single) {
    const tailNoPct = (tail.charCodeAt(0) === 37 ? tail.slice(1) : tail).trim();
    if (startsWithWord(tailNoPct, FLOOR_AFTER)) form = "floor";
    else if (startsWithWord(tailNoPct, CEILING_AFTER)) form = "ceiling";
    else if (!form && endsWithWord(leadWords, ["tu"])) form = "floor"; // "từ 90%" alone reads as a floor
  }
  return form;
}

/** The lead words without a comparator symbol. */
function leadWordsOf(lead: string): string {
  const sym = lead.slice(-1);
  return sym === "≥" || sym === ">" || sym === "≤" || sym === "<" ? lead.slice(0, -1).trim() : lead;
}

/**
 * Percent, unit and per-year from the tail: the unit is cut from the original text (`tailOriginal`),
 * `tail` is its folded twin, aligned character by character.
 */
function readTail(t: Target, tailOriginal: string, tail: string, pctInside: boolean, leadWords: string): void {
  let unitText = tailOriginal;
  let unitFolded = tail;
  // Every after-word starts with "tro": no regex run without it.
  if (unitFolded && unitFolded.includes("tro")) {
    const m = unitFolded.match(AFTER_WORDS_RE);
    if (m) {
      unitText = (m[1] + unitText.slice(m[0].length)).trim();
      unitFolded = (m[1] + unitFolded.slice(m[0].length)).trim();
    }
  }
  if (unitText.startsWith("%") || pctInside) t.percent = true;
  if (unitFolded !== "" && ",.;:".includes(unitFolded[0])) {
    const punct = unitFolded.match(/^[,.;:]\s*/);
    if (punct) {
      unitText = unitText.slice(punct[0].length).trim();
      unitFolded = unitFolded.slice(punct[0].length).trim();
    }
  }
  if (unitText) t.unit = unitText;
  // The year patterns all contain "nam" or "binh quan": look for those before running them.
  if (
    (unitFolded.includes("nam") && (/\/\s*(1\s*)?nam\b/.test(unitFolded) || /(^|\s)(moi nam|hang nam|mot nam)\b/.test(unitFolded))) ||
    ((leadWords.includes("nam") || leadWords.includes("binh quan")) && /(^|\s)(binh quan|hang nam|moi nam)\b/.test(leadWords))
  ) {
    t.perYear = true;
  }
}

/**
 * The original text before the number without a trailing comparator symbol or sign:
 * .replace(/[≥≤<>]\s*$/, "").replace(/-\s*$/, "").trim()
 */
function prefixOf(body: string, stopAt: number): string {
  let stop = Math.min(stopAt, body.length);
  let j = lastNonSpace(body, stop);
  if (j >= 0 && isComparatorSymbol(body.charCodeAt(j))) {
    stop = j;
    j = lastNonSpace(body, stop);
  }
  if (j >= 0 && body.charCodeAt(j) === 45) stop = j;
  return body.slice(0, stop).trim();
}

/** The general reading: on a folded copy, with numbers found by a scan and the words around them. */
function parseGeneral(body: string, raw: string, notes: string[]): TargetParse {
  const folded = foldText(body);
  // Folding drops combining marks NFC could not compose ("q́"), and then positions in `folded` run
  // ahead of `body`: map them back before cutting the original text (unit, prefix).
  const offsets = folded.length !== body.length && normalizeText(body) === body ? foldOffsets(body) : null;
  const inBody = (i: number) => (offsets ? offsets[i] : i);
  const tokens = scanTokens(folded);
  if (tokens === null) return fail("not_a_target", raw);
  if (tokens.length === 0) return fail("no_number", raw);
  const picked = valueTokens(folded, tokens);
  if (typeof picked === "string") return fail(picked, raw);
  const { first, second } = picked;
  const { value: firstValue, lead } = leadOf(folded, first);
  const last = second ?? first;
  const tail = folded.slice(last.end).trim();

  const t: Target = { form: "exact", change: "level", percent: false, perYear: false, text: raw };
  if (notes.length) t.note = notes.join("; ");
  const form = readLead(t, lead, tail, !second);
  const leadWords = leadWordsOf(lead);
  setBounds(t, form, firstValue, second?.value);
  if (t.form === "exact" && leadWords !== "" && endsWithAnyWord(leadWords, ABOUT_WORDS)) t.approx = true;
  const pctAt = folded.indexOf("%", first.end);
  readTail(t, body.slice(inBody(last.end)).trim(), tail, pctAt >= 0 && pctAt < last.end, leadWords);
  if (first.start > 0) {
    const prefix = prefixOf(body, inBody(first.start));
    if (prefix) t.prefix = prefix;
  }
  return { ok: true, target: t };
}

/**
 * The usual shapes, read in one pass over the normalised text with no folded copy and no regex:
 *   [words] [≥ ≤ < >] number [[%] (- ~ ÷ đến tới) number] [tail without digits]
 * where the words are letters and single spaces. It gives exactly what the general reading below
 * gives for such text (same rules, in the same order, on the same folded characters, compared in
 * place through foldCode); anything else (a sign, "/", "(", "=", a third number, a year in a range,
 * characters whose fold is not one character...) returns null and takes the general reading.
 */
function parseTargetQuick(body: string, text: string, notes: string[]): TargetParse | null {
  // `body` is normalised text (single spaces, trimmed) with the notes taken out; `text` the whole.
  const head = quickHead(body);
  if (!head) return null;
  const range = quickRange(body, head.end1, head.v1);
  if (!range) return null;
  const second = range.v2 >= 0;
  const lastEnd = second ? range.end2 : head.end1;
  // The tail: no more numbers, nothing the general reading treats specially, one-to-one folding.
  for (let k = lastEnd; k < body.length; k++) {
    const d = body.charCodeAt(k);
    if (isDigit(d) || d === 47 || d === 40 || d === 41 || d === 61 || foldCode(d) < 0) return null;
  }
  // The tail, trimmed, is body[tailStart, len) (normalised text: one space at most, none at the end).
  const tailStart = lastEnd < body.length && body.charCodeAt(lastEnd) === 32 ? lastEnd + 1 : lastEnd;
  const tail = quickTail(body, tailStart);
  return { ok: true, target: quickTarget(body, text, notes, head, range, tail) };
}

interface QuickHead {
  /** end of the lead words (letters and single spaces) */
  wordsEnd: number;
  /** the comparator symbol's code, 0 when none */
  sym: number;
  end1: number;
  v1: number;
}

/** [words] [≥ ≤ < >] number: the lead words, the symbol and the first number; null when not that shape. */
function quickHead(body: string): QuickHead | null {
  const len = body.length;
  let i = 0;
  let c = 0;
  for (; i < len; i++) {
    c = body.charCodeAt(i);
    if (isDigit(c) || (c !== 32 && !isFoldedLetter(c))) break;
  }
  const wordsEnd = i > 0 && body.charCodeAt(i - 1) === 32 ? i - 1 : i;
  let sym = 0;
  if (i < len && !isDigit(c)) {
    if (!isComparatorSymbol(c)) return null;
    sym = c;
    i++;
    if (i < len && body.charCodeAt(i) === 32) i++;
  }
  if (i >= len || !isDigit(body.charCodeAt(i))) return null;
  const end1 = numberTokenEnd(body, i);
  const v1 = readShortNumber(body, i, end1);
  return v1 < 0 ? null : { wordsEnd, sym, end1, v1 };
}

interface QuickRange {
  /** the second number, -1 when none */
  v2: number;
  end2: number;
  /** a "%" between the two numbers */
  pctInside: boolean;
}

/** A range separator (RANGE_SEP: spaces, an optional "%", one of - ~ ÷ den toi, spaces), then a number. Null: not quick. */
function quickRange(body: string, end1: number, v1: number): QuickRange | null {
  const len = body.length;
  let v2 = -1;
  let end2 = end1;
  let pctInside = false;
  let j = end1;
  if (j < len && body.charCodeAt(j) === 32) j++;
  if (j < len && body.charCodeAt(j) === 37) {
    pctInside = true;
    j++;
    if (j < len && body.charCodeAt(j) === 32) j++;
  }
  const sepEnd = rangeSeparatorEnd(body, j);
  if (sepEnd > 0) {
    j = sepEnd < len && body.charCodeAt(sepEnd) === 32 ? sepEnd + 1 : sepEnd;
    if (j < len && isDigit(body.charCodeAt(j))) {
      end2 = numberTokenEnd(body, j);
      v2 = readShortNumber(body, j, end2);
      // Years in a range are context the general reading sorts out.
      if (v2 < 0 || isYearValue(v1) || isYearValue(v2)) return null;
    }
  }
  return { v2, end2, pctInside: v2 >= 0 && pctInside };
}

interface QuickTail {
  /** "trở lên" / "trở xuống" after the number */
  afterForm: TargetForm | null;
  unitText: string;
  percent: boolean;
  perYear: boolean;
}

/** The tail body[tailStart, end): after-words, unit, percent, per-year, as the general reading reads them. */
function quickTail(body: string, tailStart: number): QuickTail {
  const len = body.length;
  const none: QuickTail = { afterForm: null, unitText: "", percent: false, perYear: false };
  if (tailStart >= len) return none;
  const pct = body.charCodeAt(tailStart) === 37;
  let p = pct ? tailStart + 1 : tailStart;
  if (p < len && body.charCodeAt(p) === 32) p++;
  const after = afterWordsAt(body, p);
  // "% trở lên" alone: AFTER_WORDS_RE takes the words and leaves "%" (or nothing) as the unit.
  if (after) return { afterForm: after, unitText: pct ? "%" : "", percent: pct, perYear: false };
  // "%", "xã", "% dân số": no after-words, punctuation or year words, so the tail is the unit.
  if (isPlainTail(body, p, len)) return { afterForm: null, unitText: body.slice(tailStart), percent: pct, perYear: false };
  // Anything else: the general reading's steps, on the tail and its fold (one unit to one unit here,
  // and the slice is already normalised, so it equals folded.slice(last.end).trim()).
  const tailOriginal = body.slice(tailStart);
  const tail = foldText(tailOriginal);
  const tailNoPct = (tail.charCodeAt(0) === 37 ? tail.slice(1) : tail).trim();
  let afterForm: TargetForm | null = null;
  if (startsWithWord(tailNoPct, FLOOR_AFTER)) afterForm = "floor";
  else if (startsWithWord(tailNoPct, CEILING_AFTER)) afterForm = "ceiling";
  let unitText = tailOriginal;
  let unitFolded = tail;
  if (unitFolded.includes("tro")) {
    const m = unitFolded.match(AFTER_WORDS_RE);
    if (m) {
      unitText = (m[1] + unitText.slice(m[0].length)).trim();
      unitFolded = (m[1] + unitFolded.slice(m[0].length)).trim();
    }
  }
  const percent = unitText.startsWith("%");
  if (unitFolded !== "" && ",.;:".includes(unitFolded[0])) {
    const punct = unitFolded.match(/^[,.;:]\s*/);
    if (punct) {
      unitText = unitText.slice(punct[0].length).trim();
      unitFolded = unitFolded.slice(punct[0].length).trim();
    }
  }
  // No "/" in the tail here, so only the word form of "per year" can apply.
  const perYear = unitFolded.includes("nam") && /(^|\s)(moi nam|hang nam|mot nam)\b/.test(unitFolded);
  return { afterForm, unitText, percent, perYear };
}

/** The target from the quick reader's parts, by the general reading's rules in the same order. */
function quickTarget(body: string, text: string, notes: string[], head: QuickHead, range: QuickRange, tail: QuickTail): Target {
  const { wordsEnd, sym } = head;
  const second = range.v2 >= 0;
  const t: Target = { form: "exact", change: "level", percent: false, perYear: false, text };
  if (notes.length) t.note = notes.join("; ");
  let form: TargetForm | null = null;
  if (sym === 0x2265) form = "floor";
  else if (sym === 62) form = "strict_floor";
  else if (sym === 0x2264) form = "ceiling";
  else if (sym === 60) form = "strict_ceiling";
  // The lead words are body[0, wordsEnd): the general reading's `leadWords`, unfolded.
  let change: TargetChange = "level";
  if (wordsEnd === 0) {
    // nothing before the number: no change words
  } else if (leadEndsWithAny(body, wordsEnd, DOWN_TO_INDEX)) {
    t.impliedDirection = "down";
  } else if (leadEndsWithAny(body, wordsEnd, DECREASE_INDEX)) {
    change = "decrease";
  } else if (leadEndsWithAny(body, wordsEnd, INCREASE_INDEX)) {
    change = "increase";
  }
  t.change = change;
  if (!form && wordsEnd > 0) form = leadComparator(body, wordsEnd);
  if (!second) {
    if (tail.afterForm) form = tail.afterForm;
    else if (!form && leadEndsWith(body, wordsEnd, "tu")) form = "floor";
  }
  setBounds(t, form, head.v1, second ? range.v2 : undefined);
  if (t.form === "exact" && wordsEnd > 0 && leadEndsWithAny(body, wordsEnd, ABOUT_INDEX)) t.approx = true;
  if (tail.percent || range.pctInside) t.percent = true;
  if (tail.unitText) t.unit = tail.unitText;
  if (tail.perYear || leadHasWord(body, wordsEnd, "binh quan") || leadHasWord(body, wordsEnd, "hang nam") || leadHasWord(body, wordsEnd, "moi nam")) {
    t.perYear = true;
  }
  // The prefix is the original lead words (the symbol, if any, dropped).
  if (wordsEnd > 0) t.prefix = body.slice(0, wordsEnd);
  return t;
}

/** The after-words (longest first, as AFTER_WORDS_RE tries them) and the form each gives. */
const AFTER_WORDS: Array<[string, TargetForm]> = [
  ...FLOOR_AFTER.map((w): [string, TargetForm] => [w, "floor"]),
  ...CEILING_AFTER.map((w): [string, TargetForm] => [w, "ceiling"]),
].sort((a, b) => b[0].length - a[0].length);

/** The form named when s[p, end of s) is, folded, exactly one after-word ("trở lên"); else null. */
function afterWordsAt(s: string, p: number): TargetForm | null {
  for (const [w, form] of AFTER_WORDS) if (s.length - p === w.length && foldedAt(s, p, w)) return form;
  return null;
}

/** s[p, end): letters folding to a-z and spaces, with no "tro" (after-words) or "nam" (years) in the fold. */
function isPlainTail(s: string, p: number, end: number): boolean {
  for (let k = p; k < end; k++) {
    const c = s.charCodeAt(k);
    if (c !== 32 && !isFoldedLetter(c)) return false;
  }
  for (let k = p; k + 3 <= end; k++) if (foldedAt(s, k, "tro") || foldedAt(s, k, "nam")) return false;
  return true;
}

/** A letter whose fold is one of a-z. */
function isFoldedLetter(c: number): boolean {
  const f = foldCode(c);
  return f >= 97 && f <= 122;
}

function isYearValue(v: number): boolean {
  return v >= 1900 && v <= 2100 && Number.isInteger(v);
}

/** End of "-", "~", "÷", "den" or "toi" (folded) at s[i], or 0 when none is there. */
function rangeSeparatorEnd(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c === 45 || c === 126 || c === 0xf7) return i + 1;
  if (foldedAt(s, i, "den") || foldedAt(s, i, "toi")) return i + 3;
  return 0;
}

/** s folded equals w at offset k (w is already folded). */
function foldedAt(s: string, k: number, w: string): boolean {
  if (k + w.length > s.length) return false;
  for (let i = 0; i < w.length; i++) if (foldCode(s.charCodeAt(k + i)) !== w.charCodeAt(i)) return false;
  return true;
}

/**
 * The lead words s[0, end) (letters and single spaces) end with the folded word w, which starts
 * them or follows a space: endsWithWordAfterSpace / endsWithWordAfterBlank on the folded words
 * (their only space character is " ").
 */
function leadEndsWith(s: string, end: number, w: string): boolean {
  const k = end - w.length;
  if (k < 0 || (k > 0 && s.charCodeAt(k - 1) !== 32)) return false;
  // From the last character back: most words differ there already.
  for (let i = w.length - 1; i >= 0; i--) if (foldCode(s.charCodeAt(k + i)) !== w.charCodeAt(i)) return false;
  return true;
}

/**
 * Word lists grouped by their last character (ASCII, folded), keeping their order: a word can only
 * end the lead words if its last character is theirs, so only that group is tried.
 */
type WordsByLast<T> = Array<Array<[string, T]> | undefined>;
function byLastChar<T>(entries: ReadonlyArray<[string, T]>): WordsByLast<T> {
  const index: WordsByLast<T> = new Array<Array<[string, T]> | undefined>(128).fill(undefined);
  for (const e of entries) (index[e[0].charCodeAt(e[0].length - 1)] ??= []).push(e);
  return index;
}
const DOWN_TO_INDEX = byLastChar(DOWN_TO_WORDS.map((w): [string, true] => [w, true]));
const DECREASE_INDEX = byLastChar(DECREASE_WORDS.map((w): [string, true] => [w, true]));
const INCREASE_INDEX = byLastChar(INCREASE_WORDS.map((w): [string, true] => [w, true]));
const ABOUT_INDEX = byLastChar(ABOUT_WORDS.map((w): [string, true] => [w, true]));
// First match in COMPARATORS_BEFORE order (longest first) within the group = first match overall.
const COMPARATOR_INDEX = byLastChar(COMPARATORS_BEFORE);

/** The value of the first word of the group that ends the lead words s[0, end), if any. */
function leadLookup<T>(s: string, end: number, index: WordsByLast<T>): T | undefined {
  if (end === 0) return undefined;
  const last = foldCode(s.charCodeAt(end - 1));
  const group = last >= 0 && last < 128 ? index[last] : undefined;
  if (group) for (let i = 0; i < group.length; i++) if (leadEndsWith(s, end, group[i][0])) return group[i][1];
  return undefined;
}
function leadEndsWithAny(s: string, end: number, index: WordsByLast<true>): boolean {
  return leadLookup(s, end, index) === true;
}
function leadComparator(s: string, end: number): TargetForm | null {
  return leadLookup(s, end, COMPARATOR_INDEX) ?? null;
}
/** /(^|\s)w\b/ on the folded lead words s[0, end): w at a word start, followed by a space or the end. */
function leadHasWord(s: string, end: number, w: string): boolean {
  for (let k = 0; k + w.length <= end; k++) {
    if ((k === 0 || s.charCodeAt(k - 1) === 32) && (k + w.length === end || s.charCodeAt(k + w.length) === 32) && foldedAt(s, k, w)) return true;
  }
  return false;
}

function isYear(t: Token): boolean {
  return t.value >= 1900 && t.value <= 2100 && Number.isInteger(t.value);
}

/**
 * Years named in the text are context, not values: "đến năm 2025 đạt 95%", "giai đoạn 2021-2025
 * tăng 8,5%", "năm 2023: 93%". A year counts as context after "năm", "giai đoạn", "đến", "kỳ", or as
 * the second half of such a span ("2021-2025"). Kept when nothing else would remain.
 */
function dropYears(folded: string, tokens: Token[]): Token[] {
  if (!tokens.some(isYear)) return tokens;
  const drop = new Set<number>();
  tokens.forEach((t, i) => {
    if (!isYear(t)) return;
    const before = folded.slice(0, t.start).trimEnd();
    if (/(^|\s)(nam|giai doan|den|ky)$/.test(before)) drop.add(i);
    else if (i > 0 && drop.has(i - 1) && /^\s*-\s*$/.test(folded.slice(tokens[i - 1].end, t.start))) drop.add(i);
  });
  const kept = tokens.filter((_, i) => !drop.has(i));
  return kept.length > 0 ? kept : tokens;
}

/**
 * Shared by both readers: the form and bounds from the first value (and a second one for a range),
 * and the direction a comparator implies when the words did not already say.
 */
function setBounds(t: Target, form: TargetForm | null, v1: number, v2: number | undefined): void {
  if (v2 !== undefined) {
    t.form = "range";
    t.low = Math.min(v1, v2);
    t.high = Math.max(v1, v2);
    if (v1 > v2) t.descending = true;
  } else {
    t.form = form ?? "exact";
    if (t.form === "exact") {
      t.low = v1;
      t.high = v1;
    } else if (t.form === "floor" || t.form === "strict_floor") t.low = v1;
    else t.high = v1;
  }
  if (!t.impliedDirection) {
    if (t.form === "ceiling" || t.form === "strict_ceiling") t.impliedDirection = "down";
    else if (t.form === "floor" || t.form === "strict_floor") t.impliedDirection = "up";
  }
}

/** The bound a result must reach, for the ratio: the lower bound going up, the upper going down. */
export function bindingBound(t: Target, direction: "up" | "down" | "band"): number | undefined {
  if (direction === "down") return t.high ?? t.low;
  return t.low ?? t.high;
}

/** Write a target back as text the Vietnamese way: "8,5-9,5", "> 98", "≥ 90%", "dưới 1". */
export function formatTarget(t: Target, opts: { unit?: boolean } = {}): string {
  const f = (x: number) => formatViNumber(x, { decimals: 6 });
  const pct = t.percent ? "%" : "";
  let s: string;
  switch (t.form) {
    case "exact":
      s = f(t.low!) + pct;
      break;
    case "range": {
      const [a, b] = t.descending ? [t.high!, t.low!] : [t.low!, t.high!];
      s = `${f(a)}-${f(b)}${pct}`;
      break;
    }
    case "floor":
      s = `≥ ${f(t.low!)}${pct}`;
      break;
    case "strict_floor":
      s = `> ${f(t.low!)}${pct}`;
      break;
    case "ceiling":
      s = `≤ ${f(t.high!)}${pct}`;
      break;
    case "strict_ceiling":
      s = `< ${f(t.high!)}${pct}`;
      break;
  }
  if (t.change === "increase") s = `Tăng ${s}`;
  else if (t.change === "decrease") s = `Giảm ${s}`;
  else if (t.impliedDirection === "down" && (t.form === "exact" || t.form === "range")) s = `giảm còn ${s}`;
  if (opts.unit && t.unit && !(t.percent && t.unit.startsWith("%"))) s += ` ${t.unit}`;
  return s;
}
