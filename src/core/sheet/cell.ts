/**
 * A spreadsheet cell's value as the user sees it, from the value a reader gives (ExcelJS cell values,
 * Office.js values plus number formats): rich text joined, formulas → their cached result, numbers
 * formatted as percent → "86,36%" text. Pure: shared by the .xlsx and Office.js readers, the table
 * reader and the layout.
 */
import { formatViNumber, pad2 } from "../text/numbers";

/** Does a number format show a percent (a "%" outside quotes and brackets)? */
export function isPercentFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  return bare.includes("%");
}

/** Decimals a number format shows: "0.0%" → 1 to 1, "0.##%" → 0 to 2, "0%" → 0; and whether it groups thousands. */
export function formatDecimals(fmt: string): { min: number; max: number; grouping: boolean } {
  const section = fmt.split(";")[0].replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  const m = section.match(/\.([0#?]+)/);
  const digits = m ? m[1] : "";
  return { min: (digits.match(/0/g) ?? []).length, max: digits.length, grouping: /[0#?],[0#?]/.test(section) };
}

/** One ExcelJS cell value as shown. */
export function shownValue(value: unknown, numFmt?: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (isPercentFormat(numFmt)) {
      const d = formatDecimals(numFmt!);
      return `${formatViNumber(value * 100, { decimals: d.max, minDecimals: d.min, grouping: d.grouping })}%`;
    }
    return value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text?: string }>).map((p) => p.text ?? "").join("");
    if ("formula" in o || "sharedFormula" in o || "result" in o) {
      const r = o.result;
      if (r && typeof r === "object" && "error" in (r as object)) return String((r as { error: unknown }).error);
      return shownValue(r, numFmt);
    }
    if ("error" in o) return String(o.error);
    if ("text" in o) {
      const t = o.text;
      if (t && typeof t === "object") return shownValue(t, numFmt);
      return t ?? null;
    }
  }
  return String(value);
}

export interface CellTextOptions {
  /**
   * Round numbers to this many decimals and group thousands (8.397,5), as an output table shows
   * them. Without it a number reads as Excel's General format shows it: 7,8 · 8397 · 0,37.
   */
  decimals?: number;
}

const PLAIN_DECIMAL = /^-?\d+\.\d{1,10}$/;

/**
 * A cell's text exactly as shown: strings as typed (dashes, double spaces and line breaks kept),
 * numbers the Vietnamese way, dates d/m/yyyy as dd/mm/yyyy. Fold or normalise the result only to
 * match it, never to show or write it.
 */
export function cellText(v: unknown, opts: CellTextOptions = {}): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return "";
    if (opts.decimals !== undefined) return formatViNumber(v, { decimals: opts.decimals });
    if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
    const s = String(v);
    // plain decimals ("0.37") need only the comma; long binary fractions are rounded first
    if (PLAIN_DECIMAL.test(s)) return s.replace(".", ",");
    return formatViNumber(v, { decimals: 10, grouping: false });
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return `${pad2(v.getUTCDate())}/${pad2(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
  if (typeof v === "object") {
    const shown = shownValue(v);
    if (shown !== v) return cellText(shown, opts);
  }
  return String(v);
}

/** The text of a cell as typed (a string, or rich text joined), or undefined for an empty or non-text cell. */
export function typedText(v: unknown): string | undefined {
  if (typeof v === "string") return v.trim() === "" ? undefined : v;
  if (v && typeof v === "object" && Array.isArray((v as { richText?: unknown }).richText)) {
    const t = ((v as { richText: Array<{ text?: string }> }).richText).map((p) => p.text ?? "").join("");
    return t.trim() === "" ? undefined : t;
  }
  return undefined;
}

/** Does a cell show nothing (empty, or only spaces)? */
export function isBlankCell(v: unknown): boolean {
  if (v === null || v === undefined || v === "") return true;
  if (typeof v === "number" || v instanceof Date || typeof v === "boolean") return false;
  return cellText(v).trim() === "";
}
