/**
 * Which way is better for an indicator: up (higher is better), down (lower is better) or band
 * (economic-structure shares, which should sit inside a range). Decided, in order, from an explicit
 * setting, the target's words, the indicator's name, then its group's name.
 */
import { foldText } from "../text/numbers";
import type { Target } from "./target";
import { BAND_WORDS, DIRECTION_SETTING_WORDS, DOWN_WORDS } from "./words";

export type Direction = "up" | "down" | "band";
export type DirectionRule = "explicit" | "target_words" | "name" | "group_name" | "default";

export interface DirectionDecision {
  direction: Direction;
  rule: DirectionRule;
  /** the word or setting that decided, for the user ("hộ nghèo", "dưới") */
  because?: string;
}

export { DOWN_WORDS, BAND_WORDS };

/** Each word list folded once, as " word" so a match must start a word. */
const foldedCache = new Map<readonly string[], string[]>();
function folded(list: readonly string[]): string[] {
  let f = foldedCache.get(list);
  if (!f) {
    f = list.map((w) => " " + foldText(w));
    foldedCache.set(list, f);
  }
  return f;
}

/** The first word of `list` found at a word start in `foldedText` (already " "-prefixed and folded). */
function findWord(foldedText: string | undefined, list: readonly string[]): string | undefined {
  if (!foldedText) return undefined;
  const fl = folded(list);
  for (let i = 0; i < fl.length; i++) {
    // the word must also end a word: "chỉ số giá cả", not "chỉ số giá cảnh"
    let at = foldedText.indexOf(fl[i]);
    while (at >= 0) {
      const next = foldedText.charCodeAt(at + fl[i].length);
      if (!(next >= 97 && next <= 122) && !(next >= 48 && next <= 57)) return list[i];
      at = foldedText.indexOf(fl[i], at + 1);
    }
  }
  return undefined;
}

/**
 * Read an explicit direction as users write it: "up"/"down"/"band", "tăng", "giảm",
 * "Càng cao càng tốt", "Càng thấp càng tốt", "Trong khoảng", "↑", "↓". Null when not recognised.
 */
export function parseDirection(input: unknown): Direction | null {
  if (typeof input !== "string") return null;
  const t = foldText(input);
  if (t === "") return null;
  if (DIRECTION_SETTING_WORDS.up.includes(t)) return "up";
  if (DIRECTION_SETTING_WORDS.down.includes(t)) return "down";
  if (DIRECTION_SETTING_WORDS.band.includes(t)) return "band";
  return null;
}

/** Vietnamese name of a direction, as the template's "Chiều" column writes it. */
export const DIRECTION_LABELS: Record<Direction, string> = {
  up: "Càng cao càng tốt",
  down: "Càng thấp càng tốt",
  band: "Trong khoảng",
};

export interface DirectionInput {
  explicit?: unknown;
  target?: Target;
  name?: string;
  groupName?: string;
  downWords?: readonly string[];
  bandWords?: readonly string[];
}

export function decideDirection(input: DirectionInput): DirectionDecision {
  const explicit = parseDirection(input.explicit);
  if (explicit) return { direction: explicit, rule: "explicit", because: String(input.explicit) };
  const t = input.target;
  if (t?.impliedDirection && t.change !== "decrease") {
    return { direction: t.impliedDirection, rule: "target_words", because: t.text };
  }
  const down = input.downWords ?? DOWN_WORDS;
  const band = input.bandWords ?? BAND_WORDS;
  // Fold each text once; the word lists are folded once per list.
  const name = input.name ? " " + foldText(input.name) : undefined;
  const nameBand = findWord(name, band);
  if (nameBand) return { direction: "band", rule: "name", because: nameBand };
  const nameDown = findWord(name, down);
  if (nameDown) return { direction: "down", rule: "name", because: nameDown };
  const group = input.groupName ? " " + foldText(input.groupName) : undefined;
  const groupBand = findWord(group, band);
  if (groupBand) return { direction: "band", rule: "group_name", because: groupBand };
  const groupDown = findWord(group, down);
  if (groupDown) return { direction: "down", rule: "group_name", because: groupDown };
  return { direction: "up", rule: "default" };
}
