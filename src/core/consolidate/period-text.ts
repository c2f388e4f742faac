/**
 * Figures written inside words: a result for a period ("263 đảng viên/ 3 năm") or a target in words
 * ("Bình quân kết nạp từ 110 – 120"). The whole's figure is written in the first unit's own words
 * with its figures replaced, so it keeps what the words say: summing the units' results must keep
 * the period, or the whole reads as a yearly figure (526 a year instead of 526 in 3 years).
 */
import { formatViNumber, NUMBER_TOKEN, parseNumberToken } from "../text/numbers";

export interface PeriodResult {
  /** the result cell as typed */
  raw: string;
  value: number | null;
  periodYears?: number;
}

export type PeriodSum = { kind: "none" } | { kind: "same"; text: string; years: number } | { kind: "differ"; years: number[] };

const FIGURES = new RegExp(NUMBER_TOKEN.source, "g");

/**
 * `text` with each figure `from[k]` replaced by `to[k]` (in order of appearance, each figure once),
 * written with up to `decimals` decimals and the leading zeros it had ("01-02" → "02-04"); null
 * when the text does not show every figure of `from`.
 */
export function replaceFigures(text: string, from: number[], to: number[], decimals = 6): string | null {
  const todo = from.map((v, k) => ({ v, to: to[k], done: false }));
  let out = "";
  let last = 0;
  for (const m of text.matchAll(FIGURES)) {
    const token = m[0];
    const n = parseNumberToken(token);
    const hit = n === null ? undefined : todo.find((t) => !t.done && Math.abs(t.v - n) < 1e-9);
    if (!hit) continue;
    hit.done = true;
    let written = formatViNumber(hit.to, { decimals });
    if (token.startsWith("0") && token.length > written.length && /^\d+$/.test(written)) written = written.padStart(token.length, "0");
    out += text.slice(last, m.index) + written;
    last = m.index! + token.length;
  }
  if (todo.some((t) => !t.done)) return null;
  return out + text.slice(last);
}

/** How the units' results with a figure cover time, and the whole's text when they all cover the same years. */
export function sumOverPeriod(results: PeriodResult[], sum: number): PeriodSum {
  const years = [...new Set(results.map((r) => r.periodYears ?? 1))];
  if (years.length === 1 && years[0] === 1) return { kind: "none" };
  if (years.length > 1) return { kind: "differ", years: years.sort((a, b) => a - b) };
  const first = results[0];
  const text = (first.value !== null && replaceFigures(first.raw, [first.value], [sum])) || `${formatViNumber(sum, { decimals: 6 })}/ ${formatViNumber(years[0])} năm`;
  return { kind: "same", text, years: years[0] };
}
