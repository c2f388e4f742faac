/**
 * Answers of the pure text functions every table step calls (foldText, normalizeText), remembered
 * while a run reads many tables of one template: consolidation reads 150 units whose names, units,
 * targets and headers repeat, and folds each distinct text once per run instead of once per table
 * (about half of each table's reading, bench `consolidate_ratio_vs_read_150`). Off outside such a
 * run: a cache of every text ever seen would keep it all alive (see parseTarget's note), so the
 * answers live only as long as the run, and a store stops growing at MAX_ENTRIES. The rules stay in
 * their modules: this only remembers answers.
 */

const MAX_ENTRIES = 100_000;
let runs = 0;
const stores: Array<Map<string, string>> = [];

/** A store of answers for one function; empty and unused outside a run. */
export function textStore(): Map<string, string> {
  const s = new Map<string, string>();
  stores.push(s);
  return s;
}

/** f(text), remembered in `store` while a run is open; worked out each time otherwise. */
export function remembered(store: Map<string, string>, text: string, f: (text: string) => string): string {
  if (runs === 0) return f(text);
  let v = store.get(text);
  if (v === undefined) {
    v = f(text);
    if (store.size < MAX_ENTRIES) store.set(text, v);
  }
  return v;
}

/** Run `fn` with the answers remembered; they are forgotten when the last open run ends (success or not). */
export async function withTextMemo<T>(fn: () => Promise<T>): Promise<T> {
  runs++;
  try {
    return await fn();
  } finally {
    if (--runs === 0) for (const s of stores) s.clear();
  }
}
