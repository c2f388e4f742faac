/**
 * Vietnamese number conventions: decimal comma, thousands dot ("8.397,5"), percent without a space.
 * Pure functions, no I/O. Rounding is Excel-compatible (half away from zero, on the decimal value
 * Excel shows, so ROUND(1.005; 2) = 1,01).
 */

/** Characters people type for a minus sign or a dash, folded to ASCII. */
const MINUS_CHARS = /[\u2212\u2012\u2013\u2014\u2015\uFE63\uFF0D]/g;

/** Normalise typography: NFC, non-breaking and thin spaces to plain space, dashes/minus to "-". */
export function normalizeText(text: string): string {
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
export function parseNumberToken(token: string): number | null {
  const t = token.trim();
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
  let s = normalizeText(input);
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
  const shown = Number(Math.abs(x).toPrecision(15));
  let r: number;
  if (d >= 0) {
    const scaled = Number((shown * factor).toPrecision(15));
    r = Math.floor(scaled + 0.5) / factor;
  } else {
    const scaled = Number((shown / factor).toPrecision(15));
    r = Math.floor(scaled + 0.5) * factor;
  }
  return x < 0 ? -r : r;
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(min: number, max: number, grouping: boolean): Intl.NumberFormat {
  const key = `${min}:${max}:${grouping}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat("vi-VN", {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      useGrouping: grouping,
    });
    formatters.set(key, f);
  }
  return f;
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

/** Format the Vietnamese way: 8397.5 → "8.397,5"; 86.3636 → "86,36"; with percent → "86,36%". */
export function formatViNumber(x: number, opts: FormatOptions = {}): string {
  const max = opts.decimals ?? 2;
  const min = Math.min(opts.minDecimals ?? 0, max);
  const r = roundHalfAway(x, max);
  const s = formatter(min, max, opts.grouping ?? true).format(r === 0 ? 0 : r);
  return opts.percent ? `${s}%` : s;
}

/** Two-digit day/month as Vietnamese documents write dates ("05", "03"). */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Fold Vietnamese text for matching: lower case, no diacritics, đ → d, single spaces. */
export function foldText(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .normalize("NFC");
}
