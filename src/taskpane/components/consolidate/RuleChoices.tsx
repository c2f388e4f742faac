/**
 * The indicators that still need a rule, asked once: one grouped message (rules.ts needsRuleLines),
 * then for each indicator a list of rules (and, for a weighted mean or a growth, the base indicator);
 * "Tổng hợp lại" consolidates again from the extracts already read.
 */
import React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select } from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import type { ConsolidatedIndicator } from "../../../core/consolidate/consolidate";
import { parseRuleText } from "../../../core/consolidate/rule-choice";
import { indicatorRef, needsRuleMessage, RULE_CHOICES, RULES, type RuleId } from "../../../core/consolidate/rules";
import type { Consolidating } from "./use-consolidation";
import { useConsolidateStyles } from "./consolidate-styles";

const WITH_BASE: RuleId[] = ["weighted_mean", "growth"];

export function RuleChoices({ s, needs }: { s: Consolidating; needs: ConsolidatedIndicator[] }): JSX.Element | null {
  const styles = useConsolidateStyles();
  if (!needs.length) return null;
  const message = needsRuleMessage(
    needs.map((r) => ({ tt: r.tt, name: r.nameText ?? r.name, needs: r.needs ?? "unknown_unit" })),
    "pane",
  )!;
  const chosen = needs.filter((r) => s.rules[r.key]?.trim()).length;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody className={styles.stack}>
        <MessageBarTitle>{message.title}</MessageBarTitle>
        <span>{message.how}</span>
        <ul className={styles.list}>
          {message.groups.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
        {needs.map((r) => (
          <RuleChoice key={r.key} s={s} r={r} />
        ))}
        <div className={styles.actions}>
          <Button icon={<ArrowSyncRegular />} onClick={s.applyRules} disabled={!!s.work.busy || chosen === 0}>
            Tổng hợp lại
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

/** One indicator's rule: the list, and the base when the rule needs one. */
function RuleChoice({ s, r }: { s: Consolidating; r: ConsolidatedIndicator }): JSX.Element {
  const styles = useConsolidateStyles();
  const text = s.rules[r.key] ?? "";
  const parsed = text ? parseRuleText(text) : null;
  const rule = parsed?.rule ?? "";
  const base = parsed?.base ?? "";
  const label = indicatorRef(r.tt, r.nameText ?? r.name);
  const set = (id: string, b: string) => s.chooseRule(r.key, id ? `${RULES[id as RuleId].label}${WITH_BASE.includes(id as RuleId) && b.trim() ? ` theo ${b.trim()}` : ""}` : "");
  return (
    <div className={styles.rule}>
      <Field label={`Cách tổng hợp: ${label}`}>
        <Select value={rule} onChange={(_e, d) => set(d.value, base)}>
          <option value="">(chưa chọn)</option>
          {RULE_CHOICES.map((id) => (
            <option key={id} value={id}>
              {RULES[id].label}
            </option>
          ))}
        </Select>
      </Field>
      {WITH_BASE.includes(rule as RuleId) && (
        <Field label={rule === "growth" ? "theo chỉ tiêu mức (TT hoặc tên)" : "theo chỉ tiêu gốc (TT hoặc tên) hoặc Trọng số"}>
          <Input value={base} onChange={(_e, d) => set(rule, d.value)} />
        </Field>
      )}
    </div>
  );
}
