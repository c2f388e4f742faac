/** The "?" of a view: what the job does, what it needs in the sheet, one example (texts in help-texts.ts). */
import React from "react";
import { Body1, Button, makeStyles, Popover, PopoverSurface, PopoverTrigger, Subtitle2, tokens } from "@fluentui/react-components";
import { QuestionCircleRegular } from "@fluentui/react-icons";
import { HELP_TEXTS } from "../help-texts";
import { VIEW_LABELS, type ViewId } from "../jobs";

const useStyles = makeStyles({
  surface: { maxWidth: "min(320px, calc(100vw - 24px))", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, boxSizing: "border-box" },
  term: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  def: { margin: 0 },
  list: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export function HelpButton({ view }: { view: ViewId }): JSX.Element {
  const styles = useStyles();
  const help = HELP_TEXTS[view];
  const label = VIEW_LABELS[view];
  const id = `help-${view}`;
  return (
    <Popover trapFocus withArrow positioning="below-end">
      <PopoverTrigger disableButtonEnhancement>
        <Button appearance="subtle" icon={<QuestionCircleRegular />} aria-label={`Trợ giúp: ${label}`} />
      </PopoverTrigger>
      <PopoverSurface className={styles.surface} aria-labelledby={id}>
        <Subtitle2 as="h3" id={id}>
          {label}
        </Subtitle2>
        <dl className={styles.list}>
          <dt className={styles.term}>Làm gì</dt>
          <dd className={styles.def}>
            <Body1>{help.what}</Body1>
          </dd>
          <dt className={styles.term}>Cần gì trong trang tính</dt>
          <dd className={styles.def}>
            <Body1>{help.needs}</Body1>
          </dd>
          <dt className={styles.term}>Ví dụ</dt>
          <dd className={styles.def}>
            <Body1>{help.example}</Body1>
          </dd>
        </dl>
      </PopoverSurface>
    </Popover>
  );
}
