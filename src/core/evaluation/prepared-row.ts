/**
 * A row read once (issue 16): what its texts mean, worked out the first time a step asks and then
 * shared by every later step — the reader (the kind), the evaluation (target and direction), the
 * checks (folded name), the areas and consolidation (folded name) — instead of each step folding
 * and parsing the same texts again:
 *   name     folded once (foldText), and the direction its words give (wordDirection);
 *   reading  the target parsed and the direction decided under the row's nearest parent, whose
 *            own words are found once for all its rows.
 * Kept on the row under a hidden key, so rows stay plain data (their JSON, keys and equality are
 * unchanged) and a row dropped is forgotten with it; a part is worked out again when a text it came
 * from has changed.
 * The rules themselves stay where they are (target.ts, direction.ts): this only remembers answers.
 */
import { foldText } from "../text/numbers";
import { parseTarget } from "../target/target";
import { decideDirectionFrom, parseDirection, wordDirection, type WordDirection } from "../target/direction";
import type { RowReading } from "./evaluate";
import type { IndicatorRow, TableRow } from "../model";

export type { RowReading };

interface Prepared {
  /** the name it was prepared from */
  name: string;
  folded: string;
  /** the direction the name's words give (default word lists); undefined until asked */
  words?: WordDirection | null;
  reading?: RowReading & { targetText: string; setting?: string; parent?: string };
}

/**
 * Where a row keeps its record: a symbol-keyed property that is not enumerable, so JSON, Object.keys,
 * spreads and deep equality never see it (a copy of a row starts without one). A property costs one
 * load per use; a WeakMap of every row cost more than the folding it saved, and slowed the GC.
 */
const PREPARED: unique symbol = Symbol("prepared row");
type Carrier = { [PREPARED]?: Prepared };

function store(r: TableRow, p: Prepared): Prepared {
  const c = r as Carrier;
  if (Object.prototype.hasOwnProperty.call(c, PREPARED)) c[PREPARED] = p;
  else if (Object.isExtensible(c)) Object.defineProperty(c, PREPARED, { value: p, writable: true, enumerable: false, configurable: true });
  return p;
}

function prepared(r: TableRow): Prepared {
  const p = (r as Carrier)[PREPARED];
  if (p !== undefined && p.name === r.name) return p;
  return store(r, { name: r.name, folded: foldText(r.name) });
}

/** A new row whose name the reader has folded already (to infer its kind): keep that fold. */
export function keepFoldedName(r: TableRow, folded: string): void {
  store(r, { name: r.name, folded });
}

/** The row's name folded (no accents, lower case), computed once per row. */
export function foldedName(r: TableRow): string {
  return prepared(r).folded;
}

function nameWords(p: Prepared): WordDirection | null {
  if (p.words === undefined) p.words = p.name ? wordDirection(p.folded) : null;
  return p.words;
}

/** The words of a parent: a row (its own words, found once for all its children) or a name. */
function parentWords(parent: TableRow | string | undefined): WordDirection | null {
  if (!parent) return null;
  if (typeof parent === "string") return wordDirection(foldText(parent));
  return nameWords(prepared(parent));
}

/**
 * The row's target parsed and its direction decided (explicit setting, the target's words, its
 * name, its nearest parent's name: decideDirection's order), once per row while those texts stay.
 * `last`: the caller is the last to need it (the evaluation, which then carries the target and the
 * direction itself): a kept reading is handed over and forgotten, a new one is not kept. Readings
 * kept for every row outlived the step that made them and cost more collecting than reading again.
 */
export function rowReading(r: IndicatorRow, parent: TableRow | string | undefined, last = false): RowReading {
  const p = prepared(r);
  const parentName = typeof parent === "string" ? parent : parent?.name;
  const q = p.reading;
  if (q && last) p.reading = undefined;
  if (q && q.targetText === r.targetText && q.setting === r.directionSetting && q.parent === parentName) return q;
  const target = parseTarget(r.targetText);
  const t = target.ok ? target.target : undefined;
  // as evaluate reads it: the setting as a direction, or none
  const explicit = parseDirection(r.directionSetting) ?? undefined;
  const early = explicit !== undefined || (t?.impliedDirection !== undefined && t.change !== "decrease");
  const name = early ? null : nameWords(p);
  const group = early || name ? null : parentWords(parent);
  const direction = decideDirectionFrom(explicit, t, name, group);
  if (last) return { target, direction };
  p.reading = { target, direction, targetText: r.targetText, setting: r.directionSetting, parent: parentName };
  return p.reading;
}
