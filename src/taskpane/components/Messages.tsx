/** Progress (with "Hủy" for work that can be cancelled), errors and notices, in one live region. */
import React from "react";
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { Work } from "../use-work";
import { WorkProgress } from "./WorkProgress";
import type { Notice } from "../pane-state";
import type { ViewId } from "../jobs";

const useStyles = makeStyles({
  messages: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface MessagesProps {
  work: Work;
  notice: Notice | null;
  onDismiss(): void;
  onBack(view: ViewId, focus?: string): void;
}

export function Messages({ work, notice, onDismiss, onBack }: MessagesProps): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.messages} aria-live="polite">
      <WorkProgress work={work} />
      {work.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{work.error.title}</MessageBarTitle>
            {work.error.detail} {work.error.action}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Đóng thông báo lỗi" icon={<DismissRegular />} onClick={work.clearError} />} />
        </MessageBar>
      )}
      {work.cancelled && !work.error && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{work.cancelled}</MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Đóng thông báo" icon={<DismissRegular />} onClick={work.clearCancelled} />} />
        </MessageBar>
      )}
      {notice && !work.error && !work.cancelled && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>{notice.text}</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label="Đóng thông báo" icon={<DismissRegular />} onClick={onDismiss} />}
          >
            {notice.back && (
              <Button size="small" onClick={() => onBack(notice.back!.view, notice.back!.focus)}>
                {notice.back.label}
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
