/**
 * What each unit still owes (docs/tong-hop.md, "Thiếu số liệu"): one item per unit × indicator with
 * the reason, and one per file that could not be read; grouped by lead unit (those without one
 * last), then in the units' order. The pane turns each unit's items into a polite message.
 */
import type { UnitFailure } from "./extract";
import { MISSING_LABELS, type MissingReason } from "./rules";

export interface MissingItem {
  unit: string;
  tt: string;
  name: string;
  lead?: string;
  reason: MissingReason;
  /** Vietnamese reason as shown */
  label: string;
}

export function missingItem(unit: string, tt: string, name: string, reason: MissingReason, lead?: string): MissingItem {
  return { unit, tt, name, lead, reason, label: MISSING_LABELS[reason] };
}

/** A whole file that could not be read: everything is owed. */
export function unreadableItem(unit: string, f: UnitFailure): MissingItem {
  return { unit, tt: "", name: "Tất cả chỉ tiêu", reason: "unreadable", label: `${MISSING_LABELS.unreadable}: ${f.error}` };
}

/** Grouped by lead unit (those without a lead last), then by unit, otherwise in the order found. */
export function sortMissing(items: MissingItem[], units: string[]): MissingItem[] {
  const order = new Map(units.map((u, i) => [u, i]));
  const vi = new Intl.Collator("vi");
  return items
    .map((x, i) => ({ x, i }))
    .sort((a, b) => {
      const la = a.x.lead ?? "\uffff";
      const lb = b.x.lead ?? "\uffff";
      if (la !== lb) return vi.compare(la, lb);
      return order.get(a.x.unit)! - order.get(b.x.unit)! || a.i - b.i;
    })
    .map((s) => s.x);
}

/** What a unit still owes, for the "copy as message" text: per unit (in the units' order), its missing items. */
export function owedByUnit(c: { units: string[]; missing: MissingItem[] }): Map<string, MissingItem[]> {
  const out = new Map<string, MissingItem[]>();
  for (const u of c.units) {
    const list = c.missing.filter((m) => m.unit === u);
    if (list.length) out.set(u, list);
  }
  return out;
}
