/**
 * Vietnamese number conventions: decimal comma, thousands dot ("8.397,5"), percent without a space.
 * Pure functions, no I/O. Rounding is Excel-compatible (half away from zero, on the decimal value
 * Excel shows, so ROUND(1.005; 2) = 1,01).
 */

/** Characters people type for a minus sign or a dash, folded to ASCII. */
const MINUS_CHARS = /[\u2212\u2012\u2013\u2014\u2015\uFE63\uFF0D]/g;

// What used to decide the fast path, kept as the definition normalizeText's scan follows:
// /[\u00A0\u2007\u202F\u2009\u200A\u3000\u200B\uFEFF\u2212\u2012-\u2015\uFE63\uFF0D\t\n\r\f\v]| {2}|^ | $/

/**
 * Characters that can never change under NFC, alone or after any of each other or ASCII: precomposed
 * Latin letters (Vietnamese included), Latin-1 signs, general punctuation, "≤" and "≥". All have
 * canonical combining class 0 and NFC_QC=Yes, so a string made only of them and ASCII is already NFC
 * (the Unicode quick check) and `normalize("NFC")` would return it unchanged. Checked exhaustively
 * (every such character and every pair) when this list was written.
 */
function isNfcStable(c: number): boolean {
  return (c >= 0xa1 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e) || c === 0x2264 || c === 0x2265;
}

/** The non-ASCII spaces the pattern above lists (its dashes are isDash). */
function isTypographyChar(c: number): boolean {
  return c === 0xa0 || c === 0x2007 || c === 0x202f || c === 0x2009 || c === 0x200a || c === 0x3000 || c === 0x200b || c === 0xfeff;
}

/**
 * Anything but printable ASCII, NFC-stable Latin letters (a subset of isNfcStable) and "≤ ≥", or a
 * double, leading or trailing space. Text without any of these needs no normalising at all.
 */
const NOT_PLAIN = /[^\x20-\x7E\u00A1-\u024F\u1E00-\u1EFF\u2264\u2265]| {2}|^ | $/;
/** NOT_PLAIN that also lets the MINUS_CHARS dashes through. */
const NOT_PLAIN_OR_DASH = /[^\x20-\x7E\u00A1-\u024F\u1E00-\u1EFF\u2264\u2265\u2212\u2012-\u2015\uFE63\uFF0D]| {2}|^ | $/;

/** Normalise typography: NFC, non-breaking and thin spaces to plain space, dashes/minus to "-". */
export function normalizeText(text: string): string {
  // This runs several times per cell, so it avoids the full path whenever it can prove that path
  // would change nothing (or only the dashes). Most text is printable ASCII and precomposed Latin
  // letters with single inner spaces: one native regex test settles that (a hand loop here ran
  // 2.6x slower once other modules had warmed it with their own strings).
  if (!NOT_PLAIN.test(text)) return text;
  // Plain but for dashes ("110 – 120"): the full path would only replace them; a native test says so
  // faster than the scan below.
  if (!NOT_PLAIN_OR_DASH.test(text)) return text.replace(MINUS_CHARS, "-");
  // Otherwise one scan: anything the old pattern above would match goes to the full path, unchanged;
  // NFC is only asked for when a character outside the NFC-stable set appears.
  const n = text.length;
  let needsNfc = false;
  let dashes = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === 32) {
        if (i === 0 || i === n - 1 || text.charCodeAt(i + 1) === 32) return normalizeFully(text);
      } else if (c >= 9 && c <= 13) return normalizeFully(text);
    } else if (isDash(c)) dashes = true;
    else if (isTypographyChar(c)) return normalizeFully(text);
    else if (!needsNfc && !isNfcStable(c)) needsNfc = true;
  }
  // Only dashes to fold ("110 – 120") in NFC text with single spaces and no other white space (the
  // scan sent those to the full path, and the NFC-stable set holds none): the full path would only
  // replace the dashes, so do just that.
  if (dashes) return needsNfc ? normalizeFully(text) : text.replace(MINUS_CHARS, "-");
  return needsNfc ? text.normalize("NFC") : text;
}

/** The characters MINUS_CHARS folds to "-". */
function isDash(c: number): boolean {
  return c === 0x2212 || (c >= 0x2012 && c <= 0x2015) || c === 0xfe63 || c === 0xff0d;
}

function normalizeFully(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u00A0\u2007\u202F\u2009\u200A\u3000]/g, " ")
    .replace(/[\u200B\uFEFF]/g, "")
    .replace(MINUS_CHARS, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** A bare numeric token as it appears in Vietnamese text: "8.397", "7,8", "8.397,5", "01", "1.234.567". */
export const NUMBER_TOKEN = /\d+(?:[.,]\d+)*/;

/**
 * Read a numeric token written the Vietnamese way (or, unambiguously, the English way).
 * Returns null when the token is not a number.
 *
 * - "8.397" → 8397 (a dot followed by groups of exactly three digits is a thousands separator)
 * - "7,8" → 7.8, "8.397,5" → 8397.5, "01" → 1
 * - "1.5" → 1.5 (a dot not followed by three digits can only be a decimal point)
 * - "1,234,567" → 1234567 (commas grouping threes, twice or more, are thousands separators)
 */
const SIMPLE_INT = /^\d{1,15}$/;
const SIMPLE_DECIMAL_COMMA = /^\d{1,15},\d{1,15}$/;

export function parseNumberToken(token: string): number | null {
  const t = token.trim();
  const quick = readShortNumber(t);
  if (quick >= 0) return quick;
  if (SIMPLE_INT.test(t)) return Number(t);
  if (SIMPLE_DECIMAL_COMMA.test(t)) return Number(t.replace(",", "."));
  if (!/^\d+(?:[.,]\d+)*$/.test(t)) return null;
  const dots = (t.match(/\./g) || []).length;
  const commas = (t.match(/,/g) || []).length;
  let canonical: string;
  if (dots > 0 && commas > 0) {
    const lastDot = t.lastIndexOf(".");
    const lastComma = t.lastIndexOf(",");
    if (lastComma > lastDot) {
      // 8.397,5 : dots group thousands, comma is decimal
      if (commas > 1 || !/^\d{1,3}(\.\d{3})*,\d+$/.test(t)) return null;
      canonical = t.replace(/\./g, "").replace(",", ".");
    } else {
      // 8,397.5 : English style
      if (dots > 1 || !/^\d{1,3}(,\d{3})*\.\d+$/.test(t)) return null;
      canonical = t.replace(/,/g, "");
    }
  } else if (commas > 0) {
    if (commas === 1) canonical = t.replace(",", ".");
    else if (/^\d{1,3}(,\d{3})+$/.test(t)) canonical = t.replace(/,/g, "");
    else return null;
  } else if (dots > 0) {
    if (/^\d{1,3}(\.\d{3})+$/.test(t)) canonical = t.replace(/\./g, "");
    else if (dots === 1) canonical = t;
    else return null;
  } else {
    canonical = t;
  }
  const v = Number(canonical);
  return Number.isFinite(v) ? v : null;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * "123" or "12,5" (t, or t[start, end)) with at most 15 digits in all: the value, or -1 when the
 * token is anything else.
 * The digits make an integer below 2^53 and 10^k is exact, so one division is correctly rounded:
 * the same double Number("12.5") gives (Clinger's fast path), without building that string.
 */
export function readShortNumber(t: string, start = 0, end = t.length): number {
  const len = end - start;
  if (len <= 0 || len > 16) return -1;
  let n = 0;
  let comma = -1;
  for (let i = start; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) n = n * 10 + (c - 48);
    else if (c === 44 && comma < 0 && i > start && i < end - 1) comma = i;
    else return -1;
  }
  if (comma < 0) return len <= 15 ? n : -1;
  return n / POW10[end - 1 - comma];
}

export interface ParsedNumber {
  value: number;
  /** true when the text carried a "%" sign (the value stays in percentage points: "0,37%" → 0.37) */
  percent: boolean;
}

/**
 * Parse a whole cell or string as one Vietnamese number: "8.397,5", "0,37%", "−3,5", "01", " 7,8 ".
 * Numbers pass through. Returns null when the text is not exactly one number.
 */
export function parseViNumber(input: unknown): ParsedNumber | null {
  if (typeof input === "number") return Number.isFinite(input) ? { value: input, percent: false } : null;
  if (typeof input !== "string") return null;
  return parseNormalizedViNumber(normalizeText(input));
}

/** parseViNumber for text normalizeText has already normalised. */
export function parseNormalizedViNumber(text: string): ParsedNumber | null {
  let s = text;
  if (s === "") return null;
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("+")) {
    if (s.startsWith("-")) sign = -1;
    s = s.slice(1).trim();
  }
  const v = parseNumberToken(s);
  if (v === null) return null;
  return { value: sign * v, percent };
}

/** Convenience: the numeric value of a Vietnamese number string, or null. */
export function toNumber(input: unknown): number | null {
  const p = parseViNumber(input);
  return p ? p.value : null;
}

/**
 * Excel-compatible ROUND: half away from zero, applied to the value as Excel displays it
 * (15 significant digits), so 1.005 → 1.01 and -2.5 → -3.
 */
export function roundHalfAway(x: number, digits = 0): number {
  if (!Number.isFinite(x)) return x;
  const d = Math.trunc(digits);
  const factor = Math.pow(10, Math.abs(d));
  const ax = Math.abs(x);
  // Fast path: far from a tie, plain rounding of the scaled value is exact enough.
  const scaled0 = d >= 0 ? ax * factor : ax / factor;
  const frac = scaled0 - Math.floor(scaled0);
  let r: number;
  if (Math.abs(frac - 0.5) > 1e-6 && scaled0 < 1e15) {
    const k = Math.floor(scaled0 + 0.5);
    r = d >= 0 ? k / factor : k * factor;
  } else {
    // Near a tie: decide on the value as Excel shows it (15 significant digits), so 1.005 → 1.01.
    const shown = Number(ax.toPrecision(15));
    const scaled = Number((d >= 0 ? shown * factor : shown / factor).toPrecision(15));
    const k = Math.floor(scaled + 0.5);
    r = d >= 0 ? k / factor : k * factor;
  }
  return x < 0 ? -r : r;
}

/** Group an integer string with thousands dots: "8397" → "8.397". */
function groupThousands(int: string): string {
  if (int.length <= 3) return int;
  let out = "";
  const head = int.length % 3;
  if (head) out = int.slice(0, head);
  for (let i = head; i < int.length; i += 3) out += (out ? "." : "") + int.slice(i, i + 3);
  return out;
}

export interface FormatOptions {
  /** maximum decimals (default 2); the value is rounded half away from zero first */
  decimals?: number;
  /** minimum decimals (default 0) */
  minDecimals?: number;
  /** thousands dots (default true) */
  grouping?: boolean;
  /** append "%" with no space */
  percent?: boolean;
}

/**
 * Format the Vietnamese way: 8397.5 → "8.397,5"; 86.3636 → "86,36"; with percent → "86,36%".
 * Same output as Intl.NumberFormat("vi-VN") (tested against it), without its cost per call.
 */
export function formatViNumber(x: number, opts: FormatOptions = {}): string {
  if (!Number.isFinite(x)) return String(x);
  const max = Math.max(0, Math.min(opts.decimals ?? 2, 20));
  const min = Math.min(opts.minDecimals ?? 0, max);
  const r = roundHalfAway(x, max);
  const ar = Math.abs(r);
  const quick = formatShort(r, ar, max, min, opts);
  if (quick !== null) return quick;
  // Shortest round-trip text of the rounded value is exact; fall back to toFixed for exponents.
  let fixed = ar >= 1e-6 && ar < 1e21 ? String(ar) : ar.toFixed(max);
  const dot = fixed.indexOf(".");
  let int = dot < 0 ? fixed : fixed.slice(0, dot);
  let frac = dot < 0 ? "" : fixed.slice(dot + 1);
  if (frac.length > max) frac = frac.slice(0, max);
  while (frac.length && frac.charCodeAt(frac.length - 1) === 48) frac = frac.slice(0, -1);
  while (frac.length < min) frac += "0";
  if (opts.grouping ?? true) int = groupThousands(int);
  fixed = frac ? `${int},${frac}` : int;
  const neg = r < 0 && fixed.replace(/[0,.]/g, "") !== "";
  const s = (neg ? "-" : "") + fixed;
  return opts.percent ? `${s}%` : s;
}

/**
 * formatViNumber for a rounded value that is k / 10^max with k below 10^15 (nearly every number a
 * report shows), from the integer k instead of the text of the double: that text is exactly k's
 * digits with the point max places from the right, since decimals of 15 digits or fewer map to
 * distinct doubles and String() gives the shortest one that reads back. Null when it does not apply.
 */
function formatShort(r: number, ar: number, max: number, min: number, opts: FormatOptions): string | null {
  if (max > 15 || (ar !== 0 && ar < 1e-6)) return null;
  const factor = POW10[max];
  const k = Math.round(ar * factor);
  if (k >= 1e15 || k / factor !== ar) return null;
  const intPart = Math.floor(k / factor);
  let int = String(intPart);
  let frac = "";
  if (max > 0) {
    let f = k - intPart * factor; // exact: both below 2^53
    let digits = max;
    if (factor <= 1e9) {
      // Below 2^31: integer remainders (a double % is a slow fmod call).
      let fi = f | 0;
      while (fi > 0 && fi % 10 === 0) {
        fi = (fi / 10) | 0;
        digits--;
      }
      f = fi;
    } else {
      while (f > 0 && f % 10 === 0) {
        f /= 10;
        digits--;
      }
    }
    if (f > 0) frac = String(f).padStart(digits, "0");
  }
  while (frac.length < min) frac += "0";
  if (opts.grouping ?? true) int = groupThousands(int);
  const fixed = frac ? `${int},${frac}` : int;
  const s = r < 0 && k > 0 ? "-" + fixed : fixed;
  return opts.percent ? `${s}%` : s;
}

/**
 * formatViNumber(x, { decimals: 2 }), the form every reason sentence uses, without the options:
 * when x is not within 1e-6 of a rounding tie, roundHalfAway(x, 2) is k / 100 with
 * k = floor(|x| * 100 + 0.5), and formatShort writes exactly k's digits, so write them from k here.
 * Anything else (ties, huge or non-finite values) goes through formatViNumber.
 */
export function formatViNumber2(x: number): string {
  const scaled = Math.abs(x) * 100;
  const frac = scaled - Math.floor(scaled);
  if (!(scaled < 1e14) || Math.abs(frac - 0.5) <= 1e-6) return formatViNumber(x, { decimals: 2 });
  const k = Math.floor(scaled + 0.5);
  const intPart = Math.floor(k / 100);
  const cents = k - intPart * 100; // 0..99, exact
  const int = intPart < 1000 ? String(intPart) : groupThousands(String(intPart));
  let s: string;
  if (cents === 0) s = int;
  else if (cents % 10 === 0) s = `${int},${cents / 10}`;
  else s = cents < 10 ? `${int},0${cents}` : `${int},${cents}`;
  return x < 0 && k > 0 ? "-" + s : s;
}

/**
 * The same text, held as one piece. A sentence built from parts ("Kết quả " + x + " thấp hơn …") is
 * kept by the engine as a tree of its parts, one object each, for as long as the sentence lives;
 * reading one character joins them into one string now, while the parts are still young garbage.
 * For texts kept with every row (reasons, messages). Returns its argument.
 */
export function keptWhole(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** Two-digit day/month as Vietnamese documents write dates ("05", "03"). */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Precomposed Latin letters (Vietnamese and others) → base letter, built once. */
const FOLD_MAP: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (let cp = 0xc0; cp <= 0x24f; cp++) add(cp);
  for (let cp = 0x1e00; cp <= 0x1eff; cp++) add(cp);
  m.set("đ", "d");
  m.set("Đ", "d");
  function add(cp: number) {
    const ch = String.fromCodePoint(cp);
    const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    if (base.length === 1 && base !== ch) m.set(ch, base);
  }
  return m;
})();

/**
 * Fold Vietnamese text for matching: lower case, no diacritics, đ → d, single spaces.
 * Per character: FOLD_MAP, else combining marks dropped, else the character's own lower case.
 */
export function foldText(text: string): string {
  const n = normalizeText(text);
  const len = n.length;
  let i = 0;
  while (i < len && n.charCodeAt(i) < 0x80) i++;
  if (i === len) return n.toLowerCase();
  const quick = len >= FOLD_CODES_MIN && len <= FOLD_CODES_MAX ? foldByCodes(n, i) : null;
  if (quick !== null) return quick;
  // Copy runs of characters that fold to themselves in one slice; look the others up in a table
  // indexed by UTF-16 unit (filled on first use) instead of a Map lookup and a string per character.
  let out = "";
  let run = 0;
  for (i = 0; i < len; i++) {
    const c = n.charCodeAt(i);
    if (c < 0x80) {
      if (c < 65 || c > 90) continue; // folds to itself: stays in the run
      out += n.slice(run, i) + String.fromCharCode(c + 32);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A surrogate pair is one code point; it has no FOLD_MAP entry, so it takes its own lower case.
      const pair = c <= 0xdbff && i + 1 < len && (n.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      out += n.slice(run, i) + n.slice(i, pair ? i + 2 : i + 1).toLowerCase();
      if (pair) i++;
    } else {
      const f = foldChar(c);
      if (f.length === 1 && f.charCodeAt(0) === c) continue;
      out += n.slice(run, i) + f;
    }
    run = i + 1;
  }
  return run === 0 ? n : out + n.slice(run);
}

/**
 * Texts of these lengths are folded through one buffer of codes, made into a string at the end
 * (shorter ones cost less piece by piece than the call that makes the string).
 */
const FOLD_CODES_MIN = 32;
const FOLD_CODES_MAX = 4096;
const FOLD_BUFFER = new Uint16Array(FOLD_CODES_MAX);
/** Decodes the buffer without copying it into arguments first (where the platform stores UTF-16 little-endian, as all do). */
const FOLD_DECODER =
  typeof TextDecoder === "function" && new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? new TextDecoder("utf-16le", { ignoreBOM: true }) : null;

/**
 * foldText of normalised text whose characters each fold to one UTF-16 unit (foldCode): every
 * Vietnamese text. One string is made at the end, instead of a piece per folded character (the
 * pieces were most of the garbage a check left behind). Null when a character folds otherwise.
 */
function foldByCodes(n: string, asciiPrefix: number): string | null {
  const buf = FOLD_BUFFER;
  for (let i = 0; i < asciiPrefix; i++) {
    const c = n.charCodeAt(i);
    buf[i] = c >= 65 && c <= 90 ? c + 32 : c;
  }
  for (let i = asciiPrefix; i < n.length; i++) {
    const f = foldCode(n.charCodeAt(i));
    if (f < 0) return null;
    buf[i] = f;
  }
  const codes = buf.subarray(0, n.length);
  return FOLD_DECODER ? FOLD_DECODER.decode(codes) : String.fromCharCode.apply(null, codes as unknown as number[]);
}

/**
 * For text already normalised, where each character of foldText(text) comes from: offsets[i] is the
 * index in `text` of the character that folded character i came from, and offsets[folded length] is
 * text.length. Needed when folding drops characters (combining marks NFC could not compose, "q́"),
 * so that positions found in the folded text can cut the original.
 */
export function foldOffsets(text: string): number[] {
  const offsets: number[] = [];
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    let width = 1;
    if (c < 0x80) offsets.push(i);
    else if (c >= 0xd800 && c <= 0xdfff) {
      // as foldText: a pair is one code point, lower-cased whole
      const pair = c <= 0xdbff && i + 1 < len && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) width = 2;
      for (let k = text.slice(i, i + width).toLowerCase().length; k > 0; k--) offsets.push(i);
    } else for (let k = foldChar(c).length; k > 0; k--) offsets.push(i);
    i += width - 1;
  }
  offsets.push(len);
  return offsets;
}

/**
 * Fold of one BMP character that is not a surrogate. Below U+2000 (every FOLD_MAP entry and the
 * combining marks) it is cached in a dense table (filled with null first so V8 keeps it a plain
 * array, not a dictionary); above, it is the character's own lower case.
 */
const FOLD_TABLE_SIZE = 0x2000;
const FOLD_TABLE: Array<string | null> = new Array<string | null>(FOLD_TABLE_SIZE).fill(null);
function foldChar(c: number): string {
  if (c >= FOLD_TABLE_SIZE) return String.fromCharCode(c).toLowerCase();
  let f = FOLD_TABLE[c];
  if (f === null) {
    const ch = String.fromCharCode(c);
    f = FOLD_MAP.get(ch) ?? (c >= 0x300 && c <= 0x36f ? "" : ch.toLowerCase());
    FOLD_TABLE[c] = f;
  }
  return f;
}

/**
 * The one UTF-16 unit character c folds to (as foldText folds it), or -1 when its fold is not a
 * single unit (combining marks fold to nothing) or c lies outside the table: ASCII, Latin-1 and
 * Latin Extended (U+0080–U+024F), Latin Extended Additional (U+1E00–U+1EFF), "≤" and "≥". Lets a
 * parser compare text with folded words in place, character by character, without folding a copy.
 */
export function foldCode(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c < FOLD_TABLE_SIZE) {
    const code = FOLD_CODES[c];
    return code === -2 ? fillFoldCode(c) : code;
  }
  return c === 0x2264 || c === 0x2265 ? c : -1;
}
/** -2: not looked at yet. Only the Latin ranges get a code; the rest stays -1. */
const FOLD_CODES = new Int32Array(FOLD_TABLE_SIZE).fill(-2);
function fillFoldCode(c: number): number {
  let code = -1;
  if (c <= 0x24f || (c >= 0x1e00 && c <= 0x1eff)) {
    const f = foldChar(c);
    if (f.length === 1) code = f.charCodeAt(0);
  }
  FOLD_CODES[c] = code;
  return code;
}
