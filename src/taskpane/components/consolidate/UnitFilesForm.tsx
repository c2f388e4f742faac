/** Picking the units' files and naming the consolidated unit; "Tổng hợp" starts the run, and the run shows its count with "Hủy". */
import React from "react";
import { Body1, Button, Caption1, Field, Input } from "@fluentui/react-components";
import { FolderOpenRegular, TableSimpleRegular } from "@fluentui/react-icons";
import type { Consolidating } from "./use-consolidation";
import { useConsolidateStyles } from "./consolidate-styles";
import { WorkProgress } from "../WorkProgress";

const ACCEPT = ".xlsx,.xlsm,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet";

export function UnitFilesForm({ s }: { s: Consolidating }): JSX.Element {
  const styles = useConsolidateStyles();
  const inputRef = React.useRef<HTMLInputElement>(null);
  const busy = !!s.work.busy;
  return (
    <>
      <Body1>Chọn tệp bảng chỉ tiêu của các đơn vị (xã, phường, sở, ngành). Mỗi tệp theo mẫu; tên đơn vị lấy ở ô “Đơn vị” trang “Thông tin”, không có thì lấy tên tệp.</Body1>
      <div className={styles.actions}>
        <input
          ref={inputRef}
          id="consolidate-files"
          className={styles.hiddenInput}
          type="file"
          multiple
          accept={ACCEPT}
          onChange={(e) => s.pick(e.target.files ? Array.from(e.target.files) : [])}
          aria-label="Tệp của các đơn vị"
          tabIndex={-1}
        />
        <Button icon={<FolderOpenRegular />} onClick={() => inputRef.current?.click()} disabled={busy}>
          Chọn tệp các đơn vị
        </Button>
        <Caption1 className={styles.muted} aria-live="polite">
          {s.files.length ? `Đã chọn ${s.files.length} tệp: ${s.files.map((f) => f.name).join(", ")}` : "Chưa chọn tệp nào."}
        </Caption1>
      </div>
      <Field label="Tên đơn vị tổng hợp" hint="Ví dụ: Tỉnh Lâm Đồng, Xã Lộc Châu (mới). Ghi vào ô “Đơn vị” của kết quả.">
        <Input value={s.title} onChange={(_e, d) => s.setTitle(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<TableSimpleRegular />} onClick={s.consolidate} disabled={busy || s.files.length === 0}>
          Tổng hợp
        </Button>
      </div>
      <RunProgress s={s} />
    </>
  );
}

/** The running work: its label with the count ("Đang tổng hợp: đã đọc 12/150 tệp"), a bar, "Hủy"; then what was cancelled. */
function RunProgress({ s }: { s: Consolidating }): JSX.Element {
  const styles = useConsolidateStyles();
  const w = s.work;
  return (
    <div aria-live="polite" className={styles.stack}>
      <WorkProgress work={w} percent={false} />
      {w.cancelled && !w.busy && <Caption1 role="status">{w.cancelled}</Caption1>}
    </div>
  );
}
