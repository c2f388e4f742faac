/**
 * Matching the units' rows (docs/tong-hop.md, "Ghép chỉ tiêu giữa các đơn vị"): by TT and folded
 * name; a sub-row by the TT above it; a name under another TT when exactly one row not yet matched
 * has it. Rows keep the order they first appear in (a row only a later unit has goes right after
 * the row it follows there). A row some readable units lack is reported, never dropped.
 */
import { isFailure, matchName, type UnitInput, type UnitRow } from "./extract";

/** One indicator (or group) across the units. */
export interface Master {
  key: string;
  group: boolean;
  folded: string;
  first: UnitRow;
  /** by unit index */
  rows: Array<UnitRow | undefined>;
  /** the next master in table order (a linked list: inserting a row costs nothing) */
  next?: Master;
}

export interface UnmatchedItem {
  tt: string;
  name: string;
  /** units that have the row */
  units: string[];
  /** units (with a readable table) that do not */
  absent: string[];
}

/** The masters, in table order. */
export function matchRows(inputs: UnitInput[]): Master[] {
  const head: Master = { key: "", group: true, folded: "", first: undefined as unknown as UnitRow, rows: [] };
  const byKey = new Map<string, Master>();
  // masters by folded name, for a row whose TT differs
  const byName = new Map<string, Master[]>();
  inputs.forEach((u, ui) => {
    if (isFailure(u)) return;
    let prev = head;
    const used = new Set<Master>();
    for (const r of u.rows) {
      let m = byKey.get(r.key);
      if (m && used.has(m)) m = undefined;
      if (!m && !r.group) {
        const cands = (byName.get(r.folded) ?? []).filter((x) => !used.has(x) && !x.rows[ui]);
        if (cands.length === 1) m = cands[0];
      }
      if (!m) {
        m = { key: r.key, group: r.group, folded: r.folded, first: r, rows: [], next: prev.next };
        prev.next = m;
        byKey.set(r.key, m);
        if (!r.group) byName.set(r.folded, [...(byName.get(r.folded) ?? []), m]);
      }
      used.add(m);
      m.rows[ui] = r;
      prev = m;
    }
  });
  const out: Master[] = [];
  for (let m = head.next; m; m = m.next) out.push(m);
  return out;
}

/** The rows some readable units lack. */
export function unmatchedRows(masters: Master[], readable: number[], units: string[]): UnmatchedItem[] {
  const out: UnmatchedItem[] = [];
  for (const m of masters) {
    const present = readable.filter((i) => m.rows[i]);
    if (present.length === readable.length) continue;
    out.push({ tt: m.first.tt, name: m.first.name, units: present.map((i) => units[i]), absent: readable.filter((i) => !m.rows[i]).map((i) => units[i]) });
  }
  return out;
}

const TT_REF = /^([0-9]+(?:\.[0-9]+)*|[IVX]+)\.?(?:\s|$)/;

/**
 * The indicator a text names: its master key, its TT ("4", "2.1", "4 Số hộ dân cư"), its name
 * (accents, case and punctuation aside), or the start of one name only.
 */
export function findIndicator(masters: Master[], text: string): Master | undefined {
  const direct = masters.find((m) => !m.group && m.key === text);
  if (direct) return direct;
  const f = matchName(text);
  const tt = text.trim().match(TT_REF)?.[1];
  const rows = masters.filter((m) => !m.group);
  if (tt !== undefined) {
    const byTt = rows.filter((m) => m.first.tt === tt);
    if (byTt.length === 1) return byTt[0];
    const rest = matchName(text.trim().slice(tt.length));
    const both = byTt.find((m) => rest !== "" && m.folded.startsWith(rest));
    if (both) return both;
  }
  const exact = rows.filter((m) => m.folded === f);
  if (exact.length === 1) return exact[0];
  if (f.length < 4) return undefined;
  const starts = rows.filter((m) => m.folded.startsWith(f));
  return starts.length === 1 ? starts[0] : undefined;
}
