/**
 * The list of jobs, grouped: Fluent's Nav in a Drawer, inline beside the view when the pane is
 * wide, an overlay (a modal dialog) opened by the "Các việc" button when it is narrow. Jobs whose
 * view is not in this build yet are listed as "chưa có".
 */
import React from "react";
import {
  Button,
  Caption1,
  DrawerBody,
  DrawerHeader,
  InlineDrawer,
  makeStyles,
  Nav,
  NavItem,
  NavSectionHeader,
  OverlayDrawer,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { JOB_GROUPS, VIEW_LABELS, type JobId, type ViewId } from "../jobs";

const useStyles = makeStyles({
  soon: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalXS },
  header: { display: "flex", flexDirection: "row", justifyContent: "flex-end", paddingBottom: 0 },
  // the Nav's own background, so its items do not stand out as boxes
  inline: { width: "220px", minWidth: "220px", backgroundColor: tokens.colorNeutralBackground4 },
  overlay: { width: "min(280px, 85vw)", backgroundColor: tokens.colorNeutralBackground4 },
  body: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
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
  const nav = (
    <Nav
      role="navigation"
      aria-label="Các việc"
      selectedValue={view}
      onNavItemSelect={(_e, d) => {
        onGo(d.value as ViewId);
        if (!inline) onOpenChange(false);
      }}
    >
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
    </Nav>
  );
  if (inline)
    return (
      <InlineDrawer open className={styles.inline}>
        <DrawerBody className={styles.body}>{nav}</DrawerBody>
      </InlineDrawer>
    );
  return (
    <OverlayDrawer open={open} onOpenChange={(_e, d) => onOpenChange(d.open)} className={styles.overlay} aria-label="Danh sách việc">
      <DrawerHeader className={styles.header}>
        <Button appearance="subtle" icon={<DismissRegular />} aria-label="Đóng danh sách việc" onClick={() => onOpenChange(false)} />
      </DrawerHeader>
      <DrawerBody className={styles.body}>{nav}</DrawerBody>
    </OverlayDrawer>
  );
}
