/** What `chitieu tong-hop --json` prints (docs/tong-hop.md). */
import type { ConsolidatedIndicator, Consolidation } from "./consolidate";
import type { UnmatchedItem } from "./matching";
import { coverageText, type MissingReason, type NeedsReason, type RuleId } from "./rules";

export interface ConsolidationJson {
  title?: string;
  units: string[];
  files: Array<{ unit: string; file: string; error?: string }>;
  indicators: Array<{
    tt: string;
    name: string;
    unit: string;
    rule: RuleId;
    rule_source: ConsolidatedIndicator["ruleSource"];
    base?: string;
    needs?: NeedsReason;
    value: number | null;
    display: string;
    covered: string;
    covered_count: number;
    total: number;
    target: string;
    status?: string;
    note: string;
    by_unit: Record<string, number | null>;
  }>;
  missing: Array<{ unit: string; tt: string; name: string; lead?: string; reason: string; reason_code: MissingReason }>;
  unmatched: UnmatchedItem[];
}

export function consolidationJson(c: Consolidation): ConsolidationJson {
  const failed = new Map(c.failures.map((f) => [f.file, f.error]));
  return {
    title: c.title,
    units: c.units,
    files: c.units.map((u, i) => ({ unit: u, file: c.files[i], ...(failed.has(c.files[i]) ? { error: failed.get(c.files[i]) } : {}) })),
    indicators: c.rows
      .filter((r): r is ConsolidatedIndicator => r.type === "indicator")
      .map((r) => ({
        tt: r.tt,
        name: r.nameText ?? r.name,
        unit: r.unitText ?? r.unit,
        rule: r.rule,
        rule_source: r.ruleSource,
        ...(r.base ? { base: r.base } : {}),
        ...(r.needs ? { needs: r.needs } : {}),
        value: r.value,
        display: r.display,
        covered: coverageText(r.covered, r.total),
        covered_count: r.covered,
        total: r.total,
        target: r.target,
        ...(r.statusLabel ? { status: r.statusLabel } : {}),
        note: r.note,
        by_unit: Object.fromEntries(c.units.map((u, i) => [u, r.byUnit[i]?.value ?? null])),
      })),
    missing: c.missing.map((m) => ({ unit: m.unit, tt: m.tt, name: m.name, ...(m.lead ? { lead: m.lead } : {}), reason: m.label, reason_code: m.reason })),
    unmatched: c.unmatched,
  };
}
