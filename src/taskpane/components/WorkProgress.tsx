/** The running work: its label (with a count or a percentage), a bar, and "Hủy" for work that can be cancelled. */
import React from "react";
import { Button, Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import type { Work } from "../use-work";

const useStyles = makeStyles({
  progress: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1, minWidth: 0 },
});

export function WorkProgress({ work, percent = true }: { work: Work; percent?: boolean }): JSX.Element | null {
  const styles = useStyles();
  if (!work.busy) return null;
  const pct = percent && work.progress !== null ? ` ${Math.round(work.progress * 100)}%` : "";
  return (
    <div className={styles.progress}>
      <Field className={styles.bar} validationMessage={`${work.busy}${pct}`} validationState="none">
        <ProgressBar thickness="large" value={work.progress ?? undefined} aria-label={work.busy} />
      </Field>
      {work.cancellable && (
        <Button size="small" onClick={work.cancel}>
          Hủy
        </Button>
      )}
    </div>
  );
}
