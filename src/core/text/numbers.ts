/**
 * Vietnamese number conventions: decimal comma, thousands dot ("8.397,5"), percent without a space.
 * Pure functions, no I/O. Rounding is Excel-compatible (half away from zero, on the decimal value
 * Excel shows, so ROUND(1.005; 2) = 1,01).
 */
import { normalizeText } from "./normalize";

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
