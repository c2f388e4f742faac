/** Per unit, what it still owes as a polite message to copy ("Sao chép lời nhắc gửi …"). */
import React, { useState } from "react";
import { Body1, Button, Caption1, Subtitle2, Textarea } from "@fluentui/react-components";
import { CopyRegular } from "@fluentui/react-icons";
import type { Consolidation } from "../../../core/consolidate/consolidate";
import { owedByUnit } from "../../../core/consolidate/missing";
import { owedMessage } from "../../../core/consolidate/rules";
import { useConsolidateStyles } from "./consolidate-styles";

function unitId(unit: string): string {
  return encodeURIComponent(unit).replace(/%/g, "_");
}

export function OwedMessages({ c, from }: { c: Consolidation; from?: string }): JSX.Element {
  const styles = useConsolidateStyles();
  const [copied, setCopied] = useState<string | null>(null);
  const owed = owedByUnit(c);
  const onCopy = async (unit: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(unit);
    } catch {
      // no clipboard permission: the text is in the box, selected for Ctrl+C
      const box = document.getElementById(`owed-${unitId(unit)}`) as HTMLTextAreaElement | null;
      box?.focus();
      box?.select();
      setCopied(null);
    }
  };
  return (
    <>
      <Subtitle2 as="h2">Thiếu số liệu</Subtitle2>
      {owed.size === 0 && <Body1>Không đơn vị nào thiếu số liệu.</Body1>}
      {[...owed.entries()].map(([unit, items]) => {
        const failure = c.failures.find((f) => c.units[c.files.indexOf(f.file)] === unit);
        const text = owedMessage(
          unit,
          items.map((i) => ({ tt: i.tt, name: i.name, reason: i.label })),
          from,
          failure?.error,
        );
        return (
          <div key={unit} className={styles.unit}>
            <Body1>
              <strong>{unit}</strong>: còn thiếu {items.length} mục
            </Body1>
            <Textarea id={`owed-${unitId(unit)}`} readOnly value={text} resize="vertical" aria-label={`Lời nhắc gửi ${unit}`} rows={Math.min(8, items.length + 4)} />
            <div className={styles.actions}>
              <Button icon={<CopyRegular />} onClick={() => void onCopy(unit, text)}>
                Sao chép lời nhắc gửi {unit}
              </Button>
              {copied === unit && <Caption1 role="status">Đã sao chép.</Caption1>}
            </div>
          </div>
        );
      })}
    </>
  );
}
