/**
 * The list of jobs, grouped: Fluent's NavDrawer, inline beside the view when the pane is wide,
 * an overlay opened by the "Các việc" button when it is narrow. Jobs whose view is not in this
 * build yet are listed as "chưa có".
 */
import React from "react";
import { Caption1, makeStyles, NavDrawer, NavDrawerBody, NavDrawerHeader, NavItem, NavSectionHeader, tokens, Button } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { JOB_GROUPS, VIEW_LABELS, type JobId, type ViewId } from "../jobs";

const useStyles = makeStyles({
  soon: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalXS },
  header: { display: "flex", justifyContent: "flex-end" },
  inline: { width: "220px", minWidth: "220px" },
});

export interface JobNavProps {
  view: ViewId;
  available: ReadonlySet<JobId>;
  /** wide pane: inline and always open */
  inline: boolean;
  open: boolean;
  onOpenChange(open: boolean): void;
  onGo(view: ViewId): void;
}

export function JobNav({ view, available, inline, open, onOpenChange, onGo }: JobNavProps): JSX.Element {
  const styles = useStyles();
  return (
    <NavDrawer
      type={inline ? "inline" : "overlay"}
      open={inline || open}
      onOpenChange={(_e, d) => onOpenChange(d.open)}
      selectedValue={view}
      onNavItemSelect={(_e, d) => {
        onGo(d.value as ViewId);
        if (!inline) onOpenChange(false);
      }}
      size="small"
      className={inline ? styles.inline : undefined}
      aria-label="Các việc"
    >
      {!inline && (
        <NavDrawerHeader className={styles.header}>
          <Button appearance="subtle" icon={<DismissRegular />} aria-label="Đóng danh sách việc" onClick={() => onOpenChange(false)} />
        </NavDrawerHeader>
      )}
      <NavDrawerBody>
        <NavItem value="overview">{VIEW_LABELS.overview}</NavItem>
        {JOB_GROUPS.map((g) => (
          <React.Fragment key={g.id}>
            <NavSectionHeader>{g.label}</NavSectionHeader>
            {g.jobs.map((j) => (
              <NavItem key={j} value={j}>
                {VIEW_LABELS[j]}
                {!available.has(j) && <Caption1 className={styles.soon}>(chưa có)</Caption1>}
              </NavItem>
            ))}
          </React.Fragment>
        ))}
      </NavDrawerBody>
    </NavDrawer>
  );
}
