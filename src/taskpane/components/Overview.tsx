/**
 * The start view "Tổng quan": the workbook's state (table, problems, verdicts, appendix), each with
 * an icon and a word (never colour alone), the next useful action as the primary button, and the
 * jobs by group.
 */
import React from "react";
import { Body1, Button, Caption1, Card, makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import { ArrowRightRegular, CheckmarkCircleRegular, CircleRegular, ErrorCircleRegular } from "@fluentui/react-icons";
import type { Analysis } from "../../app/analyse";
import { JOB_GROUPS, VIEW_LABELS, type JobId, type ViewId } from "../jobs";
import { workbookState, type CheckState } from "../workbook-state";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "grid", gridTemplateColumns: "20px 1fr", columnGap: tokens.spacingHorizontalS, alignItems: "start" },
  icon: { fontSize: "20px", marginTop: "1px" },
  done: { color: tokens.colorPaletteGreenForeground1 },
  todo: { color: tokens.colorNeutralForeground3 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  text: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  label: { fontWeight: tokens.fontWeightSemibold },
  groups: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  jobs: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
});

const STATE_WORD: Record<CheckState, string> = { done: "xong", todo: "chưa làm", problem: "cần xem" };
const STATE_ICON = { done: CheckmarkCircleRegular, todo: CircleRegular, problem: ErrorCircleRegular };

export interface OverviewProps {
  busy: boolean;
  analysis: Analysis | null;
  sheets: string[];
  appendixSheet: string | null;
  available: ReadonlySet<JobId>;
  onGo(view: ViewId): void;
}

export function Overview({ busy, analysis, sheets, appendixSheet, available, onGo }: OverviewProps): JSX.Element {
  const styles = useStyles();
  const { items, next } = workbookState(analysis, sheets, appendixSheet);
  return (
    <div className={styles.stack}>
      <Card className={styles.card}>
        <Subtitle2 as="h3" className={styles.heading}>
          Sổ làm việc
        </Subtitle2>
        <ul className={styles.list} aria-label="Tình trạng sổ làm việc">
          {items.map((i) => {
            const Icon = STATE_ICON[i.state];
            return (
              <li key={i.key} className={styles.item}>
                <Icon className={mergeClasses(styles.icon, styles[i.state])} aria-hidden="true" />
                <span className={styles.text}>
                  <Body1 className={styles.label}>
                    {i.label}: {STATE_WORD[i.state]}
                  </Body1>
                  <Caption1>{i.text}</Caption1>
                </span>
              </li>
            );
          })}
        </ul>
        <div>
          <Button appearance="primary" icon={<ArrowRightRegular />} iconPosition="after" disabled={busy} onClick={() => onGo(next.job)}>
            {next.label}
          </Button>
        </div>
      </Card>
      <nav className={styles.groups} aria-label="Các việc theo nhóm">
        {JOB_GROUPS.map((g) => (
          <section key={g.id} className={styles.group} aria-labelledby={`group-${g.id}`}>
            <Subtitle2 as="h3" id={`group-${g.id}`} className={styles.heading}>
              {g.label}
            </Subtitle2>
            <div className={styles.jobs}>
              {g.jobs.map((j) => (
                <Button key={j} size="small" disabled={busy} onClick={() => onGo(j)}>
                  {VIEW_LABELS[j]}
                  {available.has(j) ? "" : " (chưa có)"}
                </Button>
              ))}
            </div>
          </section>
        ))}
      </nav>
    </div>
  );
}
