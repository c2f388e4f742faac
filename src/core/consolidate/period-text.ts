/**
 * Results written for a period, not a year ("263 đảng viên/ 3 năm"): summing the units' figures must
 * keep the period, or the whole reads as a yearly figure (526 a year instead of 526 in 3 years).
 * The whole's result is written in the first unit's own words with its figure replaced by the sum.
 */
import { formatViNumber, parseNumberToken } from "../text/numbers";

export interface PeriodResult {
  /** the result cell as typed */
  raw: string;
  value: number | null;
  periodYears?: number;
}

export type PeriodSum = { kind: "none" } | { kind: "same"; text: string; years: number } | { kind: "differ"; years: number[] };

/** The figure of `raw` that is `value`, replaced by `sum`; null when the text shows no such figure. */
function replaceFigure(raw: string, value: number, sum: number): string | null {
  for (const m of raw.matchAll(/\d[\d.,]*/g)) {
    const token = m[0].replace(/[.,]+$/, "");
    if (parseNumberToken(token) !== value) continue;
    return raw.slice(0, m.index) + formatViNumber(sum, { decimals: 6 }) + raw.slice(m.index! + token.length);
  }
  return null;
}

/** How the units' results with a figure cover time, and the whole's text when they all cover the same years. */
export function sumOverPeriod(results: PeriodResult[], sum: number): PeriodSum {
  const years = [...new Set(results.map((r) => r.periodYears ?? 1))];
  if (years.length === 1 && years[0] === 1) return { kind: "none" };
  if (years.length > 1) return { kind: "differ", years: years.sort((a, b) => a - b) };
  const first = results[0];
  const text = (first.value !== null && replaceFigure(first.raw, first.value, sum)) || `${formatViNumber(sum, { decimals: 6 })}/ ${formatViNumber(years[0])} năm`;
  return { kind: "same", text, years: years[0] };
}
