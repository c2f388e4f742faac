/**
 * Which way is better for an indicator: up (higher is better), down (lower is better) or band
 * (economic-structure shares, which should sit inside a range). Decided, in order, from an explicit
 * setting, the target's words, the indicator's name, then its group's name.
 */
import { foldText } from "../text/fold";
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

/** A word list folded once, with one pattern that finds any of its words at a word start. */
interface FoldedList {
  words: string[];
  /** a word of the list starting the text or after a space, not followed by a letter or digit */
  any: RegExp;
}
const foldedCache = new Map<readonly string[], FoldedList>();
function folded(list: readonly string[]): FoldedList {
  let f = foldedCache.get(list);
  if (!f) {
    const words = list.map((w) => foldText(w));
    const any = new RegExp(`(?:^| )(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![a-z0-9])`);
    f = { words, any };
    foldedCache.set(list, f);
  }
  return f;
}

/** The first word of `list` (in its order) found in `foldedText` starting a word and ending one. */
function findWord(foldedText: string | undefined, list: readonly string[]): string | undefined {
  if (foldedText === undefined) return undefined;
  const { words: fl, any } = folded(list);
  // most names hold none of the words: one pattern says so; otherwise the list order decides
  if (!any.test(foldedText)) return undefined;
  for (let i = 0; i < fl.length; i++) {
    // the word must start a word and end one: "chỉ số giá cả", not "chỉ số giá cảnh"
    let at = foldedText.indexOf(fl[i]);
    while (at >= 0) {
      const next = foldedText.charCodeAt(at + fl[i].length);
      if ((at === 0 || foldedText.charCodeAt(at - 1) === 32) && !(next >= 97 && next <= 122) && !(next >= 48 && next <= 57)) return list[i];
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

/** What a text's words say about the direction: a band word first, then a lower-is-better word. */
export interface WordDirection {
  direction: "band" | "down";
  because: string;
}

/**
 * The direction the words of a text give, or null. `folded` is the text folded (foldText), once per
 * text by the caller.
 */
export function wordDirection(folded: string | undefined, down: readonly string[] = DOWN_WORDS, band: readonly string[] = BAND_WORDS): WordDirection | null {
  const b = findWord(folded, band);
  if (b) return { direction: "band", because: b };
  const d = findWord(folded, down);
  if (d) return { direction: "down", because: d };
  return null;
}

/**
 * The rule, in order: an explicit setting, the target's words, the name's words, the group's words,
 * else up. The words of the name and the group come found (wordDirection), so that a caller reading
 * many rows finds each text's words once.
 */
export function decideDirectionFrom(explicit: unknown, target: Target | undefined, name: WordDirection | null, group: WordDirection | null): DirectionDecision {
  const setting = parseDirection(explicit);
  if (setting) return { direction: setting, rule: "explicit", because: String(explicit) };
  if (target?.impliedDirection && target.change !== "decrease") {
    return { direction: target.impliedDirection, rule: "target_words", because: target.text };
  }
  if (name) return { direction: name.direction, rule: "name", because: name.because };
  if (group) return { direction: group.direction, rule: "group_name", because: group.because };
  return { direction: "up", rule: "default" };
}

export function decideDirection(input: DirectionInput): DirectionDecision {
  const explicit = parseDirection(input.explicit);
  if (explicit) return { direction: explicit, rule: "explicit", because: String(input.explicit) };
  const t = input.target;
  if (t?.impliedDirection && t.change !== "decrease") return decideDirectionFrom(undefined, t, null, null);
  const down = input.downWords ?? DOWN_WORDS;
  const band = input.bandWords ?? BAND_WORDS;
  // Fold each text once; the word lists are folded once per list. The group is read only when the name says nothing.
  const name = wordDirection(input.name ? foldText(input.name) : undefined, down, band);
  const group = name ? null : wordDirection(input.groupName ? foldText(input.groupName) : undefined, down, band);
  return decideDirectionFrom(undefined, t, name, group);
}
