/**
 * The "?" of a view: a Fluent Dialog with what the job does, what it needs in the sheet, and one
 * example (texts in help-texts.ts). Esc or "Đóng" closes it and focus returns to the "?".
 */
import React from "react";
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { QuestionCircleRegular } from "@fluentui/react-icons";
import { HELP_TEXTS } from "../help-texts";
import { VIEW_LABELS, type ViewId } from "../jobs";

const useStyles = makeStyles({
  surface: { maxWidth: "min(420px, calc(100vw - 24px))", boxSizing: "border-box" },
  list: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  term: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  def: { margin: `0 0 ${tokens.spacingVerticalXS}` },
});

export function HelpButton({ view }: { view: ViewId }): JSX.Element {
  const styles = useStyles();
  const help = HELP_TEXTS[view];
  const label = VIEW_LABELS[view];
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle" icon={<QuestionCircleRegular />} aria-label={`Trợ giúp: ${label}`} />
      </DialogTrigger>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{label}</DialogTitle>
          <DialogContent>
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
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary">Đóng</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
