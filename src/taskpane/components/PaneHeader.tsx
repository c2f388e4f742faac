/** The pane's header: the "Các việc" button (narrow pane), the name, the workbook or file, the view's title and its "?". */
import React from "react";
import { Button, Caption1, makeStyles, Subtitle1, Subtitle2, tokens } from "@fluentui/react-components";
import { FolderOpenRegular, NavigationRegular, SaveRegular } from "@fluentui/react-icons";
import type { WorkbookPort } from "../../app/port";
import { groupOf, VIEW_LABELS, type ViewId } from "../jobs";
import { HelpButton } from "./HelpButton";

const useStyles = makeStyles({
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  titleRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  title: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  heading: { outlineStyle: "none", margin: 0 },
  h1: { margin: 0 },
  source: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  group: { color: tokens.colorNeutralForeground3, display: "block" },
});

export interface PaneHeaderProps {
  port: WorkbookPort | null;
  view: ViewId;
  busy: boolean;
  /** narrow pane: show the button that opens the job list */
  onOpenNav?: () => void;
  onCloseFile(): void;
  onSaveWorkbook(): void;
}

export function PaneHeader({ port, view, busy, onOpenNav, onCloseFile, onSaveWorkbook }: PaneHeaderProps): JSX.Element {
  const styles = useStyles();
  const group = groupOf(view);
  return (
    <header className={styles.header}>
      <div className={styles.titleRow}>
        {port && onOpenNav && <Button appearance="subtle" icon={<NavigationRegular />} aria-label="Các việc" onClick={onOpenNav} />}
        <Subtitle1 as="h1" className={styles.h1}>Chỉ tiêu Nghị quyết</Subtitle1>
      </div>
      {port ? (
        <div className={styles.row}>
          <Caption1 className={styles.source}>{port.kind === "office" ? "Đang làm việc trên sổ Excel đang mở" : `Tệp: ${port.label}`}</Caption1>
          {port.kind === "file" && (
            <>
              <Button size="small" icon={<FolderOpenRegular />} disabled={busy} onClick={onCloseFile}>
                Mở tệp khác
              </Button>
              <Button size="small" icon={<SaveRegular />} disabled={busy} onClick={onSaveWorkbook}>
                Lưu tệp đã sửa
              </Button>
            </>
          )}
        </div>
      ) : (
        <Caption1 className={styles.source}>Kiểm tra bảng chỉ tiêu, đánh giá Đạt / Chưa đạt và lập phụ lục đúng thể thức.</Caption1>
      )}
      {port && (
        <div className={styles.titleRow}>
          <div className={styles.title}>
            {group && <Caption1 className={styles.group}>{group.label}</Caption1>}
            <Subtitle2 as="h2" id="view-title" tabIndex={-1} className={styles.heading}>
              {VIEW_LABELS[view]}
            </Subtitle2>
          </div>
          <HelpButton view={view} />
        </div>
      )}
    </header>
  );
}
