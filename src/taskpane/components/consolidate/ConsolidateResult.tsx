/** The result: counts, the files not used, the indicators that need a rule, the outputs, the table, what each unit owes. */
import React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2 } from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentAddRegular } from "@fluentui/react-icons";
import type { ConsolidatedIndicator } from "../../../core/consolidate/consolidate";
import type { Consolidating } from "./use-consolidation";
import { ConsolidatedTable } from "./ConsolidatedTable";
import { OwedMessages } from "./OwedMessages";
import { RuleChoices } from "./RuleChoices";
import { useConsolidateStyles } from "./consolidate-styles";

export function ConsolidateResult({ s }: { s: Consolidating }): JSX.Element | null {
  const styles = useConsolidateStyles();
  const c = s.result?.consolidation;
  if (!c) return null;
  const indicators = c.rows.filter((r): r is ConsolidatedIndicator => r.type === "indicator");
  return (
    <div className={styles.stack}>
      <Subtitle2 as="h2">
        Kết quả: {c.units.length} đơn vị, {indicators.length} chỉ tiêu
      </Subtitle2>
      {c.failures.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Không dùng được {c.failures.length} tệp (các tệp khác vẫn được tổng hợp)</MessageBarTitle>
            <ul className={styles.list}>
              {c.failures.map((f) => (
                <li key={f.file}>
                  {f.file}: {f.error}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <RuleChoices s={s} needs={indicators.filter((r) => r.rule === "needs_rule")} />
      <div className={styles.actions}>
        {s.canWrite && (
          <Button appearance="primary" icon={<DocumentAddRegular />} onClick={s.write} disabled={!!s.work.busy}>
            Ghi vào sổ (trang mới)
          </Button>
        )}
        <Button icon={<ArrowDownloadRegular />} appearance={s.canWrite ? "secondary" : "primary"} onClick={s.download} disabled={!!s.work.busy}>
          Tải tệp tổng hợp (.xlsx)
        </Button>
      </div>
      {s.written && (
        <MessageBar intent="success">
          <MessageBarBody>Đã ghi vào các trang mới: {s.written.map((n) => `“${n}”`).join(", ")}.</MessageBarBody>
        </MessageBar>
      )}
      <ConsolidatedTable rows={indicators} />
      <OwedMessages c={c} from={s.title.trim() || undefined} />
    </div>
  );
}
