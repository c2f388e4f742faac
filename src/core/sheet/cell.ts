/**
 * A spreadsheet cell's value as the user sees it, from the value a reader gives (ExcelJS cell values,
 * Office.js values plus number formats): rich text joined, formulas → their cached result, numbers
 * formatted as percent → "86,36%" text. Pure: shared by the .xlsx and Office.js readers.
 */
import { formatViNumber } from "../text/numbers";

/** Does a number format show a percent (a "%" outside quotes and brackets)? */
export function isPercentFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  return bare.includes("%");
}

/** One ExcelJS cell value as shown. */
export function shownValue(value: unknown, numFmt?: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (isPercentFormat(numFmt)) return `${formatViNumber(value * 100, { decimals: 10, grouping: false })}%`;
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
