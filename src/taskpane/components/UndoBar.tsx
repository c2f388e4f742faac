/**
 * How to take back the add-in's last write into the workbook. Where Excel groups the write into one
 * undo step (ExcelApi 1.20), it says "Ctrl+Z, once"; elsewhere it offers “Hoàn tác”, which puts back
 * what the write changed as long as the workbook still holds what the write left.
 */
import React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { ArrowUndoRegular, DismissRegular } from "@fluentui/react-icons";
import type { UndoOffer } from "../../app/port";

export interface UndoBarProps {
  undo: UndoOffer | null;
  busy: boolean;
  onUndo(): void;
  onDismiss(): void;
}

export function UndoBar({ undo, busy, onUndo, onDismiss }: UndoBarProps): JSX.Element | null {
  if (!undo) return null;
  const dismiss = <Button appearance="transparent" size="small" icon={<DismissRegular />} aria-label="Đóng" onClick={onDismiss} />;
  if (undo.way === "excel")
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          Muốn bỏ lần ghi {undo.label}: bấm vào sổ tính rồi nhấn Ctrl+Z một lần (Excel gộp cả lần ghi thành một bước hoàn tác).
        </MessageBarBody>
        <MessageBarActions containerAction={dismiss} />
      </MessageBar>
    );
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        Excel này chưa gộp các thay đổi của phần bổ trợ thành một bước Ctrl+Z (cần ExcelApi 1.20). Bấm “Hoàn tác” để trả lại {undo.label} như trước lần ghi; nếu bạn đã sửa
        các ô đó, ngăn tác vụ sẽ không ghi đè.
      </MessageBarBody>
      <MessageBarActions containerAction={dismiss}>
        <Button icon={<ArrowUndoRegular />} disabled={busy} onClick={onUndo}>
          Hoàn tác
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
