/**
 * Results ("Kết quả thực hiện") as written: 7,8 · "93,3%" · "01" · "> 80" · "263 đảng viên/ 3 năm"
 * · "57/66 trường". Never throws.
 */
import { normalizeText } from "../text/normalize";
import { foldText } from "../text/fold";
import { parseNormalizedViNumber, parseNumberToken, readShortNumber } from "../text/numbers";

export interface Actual {
  /** the number to compare; for an interval ("> 80") the bound */
  value: number;
  /** "> 80" → { bound: "above", strict: true }: the result is only known to lie beyond value */
  interval?: { side: "above" | "below"; strict: boolean };
  /** "263 đảng viên/ 3 năm": the number covers this many years */
  periodYears?: number;
  /** "57/66 trường": a count of a total */
  fraction?: { part: number; total: number };
  percent: boolean;
  /** unit words after the number */
  unit?: string;
  text: string;
}

export type ActualParse =
  | { ok: true; actual: Actual }
  | { ok: false; error: { code: "empty" | "not_number"; message: string; text: string } };

const NUM = String.raw`\d+(?:[.,]\d+)*`;
// the shapes of a result written as text, compiled once (not a new RegExp per result read)
/** "> 80", "trên 80%", "≥ 90", "dưới 1", "< 1" */
const COMPARED = new RegExp(`^(>=|≥|>|<=|≤|<|tren|hon|tu|duoi|khong qua|toi da)\\s*(-?${NUM})\\s*(%?)\\s*(tro len|tro xuong)?(.*)$`);
/** "giảm 1,6%", "tăng 20,4%" */
const CHANGED = new RegExp(`^(?:uoc |dat |uoc dat )?(tang|giam)\\s*(${NUM})\\s*(%?)(.*)$`);
/** "57/66 trường" */
const FRACTION = new RegExp(`^(${NUM})\\s*/\\s*(${NUM})(?!\\s*nam)\\s*(.*)$`);
/** "263 đảng viên/ 3 năm", "263/3 năm" */
const PER_PERIOD = new RegExp(`^(?:uoc |dat |uoc dat )?(${NUM})\\s*([^/\\d]*)/\\s*(${NUM})?\\s*nam\\b(.*)$`);
/** "ước 93,3%", "đạt 95%", "7,8 (ước)", "01 xã" */
const LEADING_NUMBER = new RegExp(`^(?:uoc dat|uoc|dat|khoang|dat ty le|dat muc)?\\s*(-?${NUM})\\s*(%?)\\s*([^\\d]*)$`);

export function parseActual(input: unknown): ActualParse {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { ok: false, error: { code: "not_number", message: "Kết quả không phải là số.", text: String(input) } };
    return { ok: true, actual: { value: input, percent: false, text: String(input) } };
  }
  if (input === null || input === undefined) return emptyActual();
  // Normalised once: for a string, String(input) is the string itself.
  const text = normalizeText(String(input));
  if (typeof input === "string" && text === "") return emptyActual();
  // The commonest result, a bare "93" or "7,8": read it directly (parseNormalizedViNumber gives the same).
  const bare = readShortNumber(text);
  if (bare >= 0) return { ok: true, actual: { value: bare, percent: false, text } };
  const plain = parseNormalizedViNumber(text);
  if (plain) return { ok: true, actual: { value: plain.value, percent: plain.percent, text } };

  const f = foldText(text).replace(/\([^()]*\)/g, " ").replace(/\s+/g, " ").trim();
  // "> 80", "trên 80%", "≥ 90", "dưới 1", "< 1"
  const cmp = f.match(COMPARED);
  if (cmp) {
    const v = parseNumberToken(cmp[2].replace(/^-/, ""));
    if (v !== null) {
      const value = cmp[2].startsWith("-") ? -v : v;
      const op = cmp[1];
      const above = [">=", "≥", ">", "tren", "hon", "tu"].includes(op);
      const strict = [">", "<", "tren", "hon", "duoi"].includes(op);
      return {
        ok: true,
        actual: { value, interval: { side: above ? "above" : "below", strict }, percent: cmp[3] === "%", text, unit: cleanUnit(cmp[5]) },
      };
    }
  }
  // "giảm 1,6%", "tăng 20,4%": the amount of change
  const chg = f.match(CHANGED);
  if (chg) {
    const v = parseNumberToken(chg[2]);
    if (v !== null) return { ok: true, actual: { value: v, percent: chg[3] === "%", text, unit: cleanUnit(chg[4]) } };
  }
  // "57/66 trường"
  const frac = f.match(FRACTION);
  if (frac) {
    const part = parseNumberToken(frac[1]);
    const total = parseNumberToken(frac[2]);
    if (part !== null && total !== null && total > 0) {
      return { ok: true, actual: { value: (part / total) * 100, fraction: { part, total }, percent: true, text, unit: cleanUnit(frac[3]) } };
    }
  }
  // "263 đảng viên/ 3 năm", "263/3 năm"
  const per = f.match(PER_PERIOD);
  if (per) {
    const v = parseNumberToken(per[1]);
    const years = per[3] ? parseNumberToken(per[3]) : 1;
    if (v !== null && years !== null && years > 0) {
      return { ok: true, actual: { value: v, periodYears: years, percent: per[2].trim().startsWith("%"), text, unit: cleanUnit(per[2]) } };
    }
  }
  // "ước 93,3%", "đạt 95%", "7,8 (ước)", "01 xã"
  const lead = f.match(LEADING_NUMBER);
  if (lead) {
    const v = parseNumberToken(lead[1].replace(/^-/, ""));
    if (v !== null) return { ok: true, actual: { value: lead[1].startsWith("-") ? -v : v, percent: lead[2] === "%", text, unit: cleanUnit(lead[3]) } };
  }
  return { ok: false, error: { code: "not_number", message: `Kết quả "${text}" không đọc được thành số.`, text } };
}

function emptyActual(): ActualParse {
  return { ok: false, error: { code: "empty", message: "Chưa nhập kết quả thực hiện.", text: "" } };
}

function cleanUnit(s: string | undefined): string | undefined {
  const t = (s ?? "").replace(/^[\s,.;:]+|[\s,.;:]+$/g, "");
  return t === "" ? undefined : t;
}
