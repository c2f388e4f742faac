/**
 * The sheet's own status words and levels, read from the verdicts it already carries: two levels
 * (Đạt / Chưa đạt), three with Vượt, the Hoàn thành family, "Không đạt" for not met, "Gần đạt" when
 * used. Computed verdicts and the appendix use them by default, so a clerk never retypes them.
 */
import { foldText } from "../text/fold";
import type { IndicatorTable } from "../model";
import { parseStatusLabel, type Levels, type Status, type StatusWords, type Vocabulary } from "./evaluate";

export interface StatusStyle {
  vocabulary: Vocabulary;
  levels: Levels;
  /** the sheet's word for each status it uses, the most frequent spelling as typed (trimmed) */
  words: StatusWords;
  /** verdicts read in the sheet */
  count: number;
}

/** The style when a sheet carries no verdicts: Vượt / Đạt / Chưa đạt. */
export const DEFAULT_STATUS_STYLE: StatusStyle = { vocabulary: "dat", levels: 3, words: {}, count: 0 };

/** A status word short enough to reuse for other rows: no digits, at most four words ("Hoàn thành vượt"). */
function isPlainWord(text: string): boolean {
  return !/\d/.test(text) && text.split(/\s+/).length <= 4;
}

/** What one verdict text says: its status, its family, and whether its spelling can be reused. */
interface VerdictWord {
  text: string;
  status: Status | null;
  ht: boolean;
  dat: boolean;
  plain: boolean;
}

function verdictWord(reportedText: string): VerdictWord {
  const text = reportedText.trim();
  const status = parseStatusLabel(text);
  const f = foldText(text);
  const ht = /hoan thanh/.test(f);
  return { text, status, ht, dat: !ht && /(^|\s)(dat|vuot)/.test(f), plain: isPlainWord(text) };
}

/** Detect the status words and levels of the verdicts a table carries. */
export function detectStatusStyle(table: IndicatorTable): StatusStyle {
  let ht = 0;
  let dat = 0;
  let count = 0;
  const spellings = new Map<Status, Map<string, number>>();
  // the same few verdicts on every row: each text is read once
  const seen = new Map<string, VerdictWord>();
  for (const r of table.rows) {
    if (r.type !== "indicator" || !r.reportedText) continue;
    let w = seen.get(r.reportedText);
    if (w === undefined) seen.set(r.reportedText, (w = verdictWord(r.reportedText)));
    const { text, status } = w;
    if (!status || status === "not_evaluable") continue;
    count++;
    if (w.ht) ht++;
    else if (w.dat) dat++;
    if (!w.plain) continue;
    const m = spellings.get(status) ?? new Map<string, number>();
    m.set(text, (m.get(text) ?? 0) + 1);
    spellings.set(status, m);
  }
  if (count === 0) return { ...DEFAULT_STATUS_STYLE, words: {} };
  const words: StatusWords = {};
  for (const [status, m] of spellings) {
    let best = "";
    let n = 0;
    for (const [text, k] of m) if (k > n) [best, n] = [text, k];
    words[status] = best;
  }
  const levels: Levels = spellings.has("exceeded") || table.rows.some((r) => r.type === "indicator" && r.reported === "exceeded") ? 3 : 2;
  return { vocabulary: ht > dat ? "hoan-thanh" : "dat", levels, words, count };
}

/**
 * The words to write for a chosen vocabulary: the sheet's own when the choice is the sheet's
 * vocabulary, none otherwise (a user who picks "hoan-thanh" for a Đạt sheet gets the Hoàn thành words).
 */
export function wordsFor(style: StatusStyle, vocabulary: Vocabulary): StatusWords {
  return style.vocabulary === vocabulary ? style.words : {};
}
