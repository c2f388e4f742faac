/**
 * A table's rows read once (issue 16): what their texts mean, worked out the first time a step asks
 * and then shared by every later step — the reader (the kind), the evaluation (target and
 * direction), the checks, the areas and consolidation (the folded name) — instead of each step
 * folding and parsing the same texts again:
 *   name     folded once (foldText), and the direction its words give (wordDirection);
 *   reading  the target parsed and the direction decided under the row's nearest parent, whose
 *            own words are found once for all its rows.
 * Kept with the table (one record per table, under a hidden key, arrays by row index), so rows and
 * tables stay plain data and a table dropped is forgotten with it. An entry is used only while the same row is still at that
 * index with the same texts; otherwise it is worked out again. (Kept on each row instead, under a
 * hidden property, the record cost more to attach than the folding it saved.)
 * The rules themselves stay where they are (target.ts, direction.ts): this only remembers answers.
 */
import { foldText } from "../text/fold";
import { parseTarget, type TargetParse } from "../target/target";
import { decideDirectionFrom, parseDirection, wordDirection, type WordDirection } from "../target/direction";
import type { RowReading } from "./evaluate";
import type { IndicatorRow, IndicatorTable, TableRow } from "../model";

export type { RowReading };

type KeptReading = RowReading & { targetText: string; setting?: string; parent?: string };

/** One table's answers, by row index; `rows[i]` and `names[i]` say which row and name they are for. */
interface PreparedTable {
  rows: Array<TableRow | undefined>;
  names: Array<string | undefined>;
  /** undefined until asked (a group's name), or made by the reader */
  folded: Array<string | undefined>;
  /** the direction a name's words give (default word lists); undefined until asked */
  words: Array<WordDirection | null | undefined>;
  readings: Array<KeptReading | undefined>;
  /** targets by text, for this table only: rows with the same target share one reading */
  targets: Map<string, TargetParse>;
}

/**
 * Where a table keeps its record: a symbol-keyed property that is not enumerable, so JSON,
 * Object.keys, spreads and deep equality never see it; it goes when the table goes (in a WeakMap
 * of tables, the record of a unit's table outlived it until a full collection, with all its rows).
 */
const PREPARED: unique symbol = Symbol("prepared rows");
type Carrier = { [PREPARED]?: PreparedTable };

function preparedTable(table: IndicatorTable): PreparedTable {
  return (table as Carrier)[PREPARED] ?? attach(table, { rows: [], names: [], folded: [], words: [], readings: [], targets: new Map() });
}

function attach(table: IndicatorTable, p: PreparedTable): PreparedTable {
  const c = table as Carrier;
  if (Object.prototype.hasOwnProperty.call(c, PREPARED)) c[PREPARED] = p;
  else if (Object.isExtensible(c)) Object.defineProperty(c, PREPARED, { value: p, writable: true, enumerable: false, configurable: true });
  return p;
}

/** Row i's entry, made again (and its other answers forgotten) when another row or name is there now. */
function entry(p: PreparedTable, table: IndicatorTable, i: number): number {
  const r = table.rows[i];
  if (p.rows[i] !== r || p.names[i] !== r.name) {
    p.rows[i] = r;
    p.names[i] = r.name;
    p.folded[i] = undefined;
    p.words[i] = undefined;
    p.readings[i] = undefined;
  }
  if (p.folded[i] === undefined) p.folded[i] = foldText(r.name);
  return i;
}

/** The reader's folds of the rows' names (made to infer the kinds; undefined for groups), kept for the later steps. */
export function keepFoldedNames(table: IndicatorTable, folded: Array<string | undefined>): void {
  const n = table.rows.length;
  attach(table, { rows: table.rows.slice(), names: table.rows.map((r) => r.name), folded, words: new Array(n), readings: new Array(n), targets: new Map() });
}

/** Row i's name folded (no accents, lower case), computed once per row. */
export function foldedNameAt(table: IndicatorTable, i: number): string {
  const p = preparedTable(table);
  return p.folded[entry(p, table, i)]!;
}

/** A row's name folded, for a caller without its table (nothing is kept). */
export function foldedName(r: TableRow): string {
  return foldText(r.name);
}

function nameWords(p: PreparedTable, table: IndicatorTable, i: number): WordDirection | null {
  entry(p, table, i);
  let w = p.words[i];
  if (w === undefined) p.words[i] = w = p.names[i] ? wordDirection(p.folded[i]!) : null;
  return w;
}

/**
 * Row i's target parsed and its direction decided (explicit setting, the target's words, its name,
 * its nearest parent's name — `parent` its index: decideDirection's order), once per row while
 * those texts stay. `last`: the caller is the last to need it (the evaluation, which then carries
 * the target and the direction itself): a kept reading is handed over and forgotten, a new one is
 * not kept. Readings kept for every row outlived the step that made them and cost more collecting
 * than reading again.
 */
export function rowReadingAt(table: IndicatorTable, i: number, parent: number | undefined, last = false): RowReading {
  const p = preparedTable(table);
  entry(p, table, i);
  const r = table.rows[i] as IndicatorRow;
  const parentName = parent === undefined ? undefined : table.rows[parent].name;
  const q = p.readings[i];
  if (q && last) p.readings[i] = undefined;
  if (q && q.targetText === r.targetText && q.setting === r.directionSetting && q.parent === parentName) return q;
  const reading = readRow(
    r,
    () => nameWords(p, table, i),
    () => (parent === undefined ? null : nameWords(p, table, parent)),
    sharedTarget(p, r.targetText),
  );
  if (last) return reading;
  const kept: KeptReading = { target: reading.target, direction: reading.direction, targetText: r.targetText, setting: r.directionSetting, parent: parentName };
  p.readings[i] = kept;
  return kept;
}

/** rowReadingAt for a row outside a table, its parent given by name (nothing is kept). */
export function rowReading(r: IndicatorRow, parentName?: string): RowReading {
  return readRow(
    r,
    () => (r.name ? wordDirection(foldText(r.name)) : null),
    () => (parentName ? wordDirection(foldText(parentName)) : null),
  );
}

/**
 * A target read once per distinct text of one table. Kept per table, not in parseTarget: a cache
 * of every text ever evaluated made NQ.DANHGIA over many different targets 3× slower (collector).
 */
function sharedTarget(p: PreparedTable, text: string): TargetParse {
  let t = p.targets.get(text);
  if (t === undefined) {
    t = parseTarget(text);
    p.targets.set(text, t);
  }
  return t;
}

/** The target and the direction; the words of the name and of the parent are asked for only when needed. */
function readRow(r: IndicatorRow, name: () => WordDirection | null, group: () => WordDirection | null, target: TargetParse = parseTarget(r.targetText)): RowReading {
  const t = target.ok ? target.target : undefined;
  // as evaluate reads it: the setting as a direction, or none
  const explicit = parseDirection(r.directionSetting) ?? undefined;
  const early = explicit !== undefined || (t?.impliedDirection !== undefined && t.change !== "decrease");
  const n = early ? null : name();
  const g = early || n ? null : group();
  return { target, direction: decideDirectionFrom(explicit, t, n, g) };
}
