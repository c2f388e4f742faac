/** Standalone mode (a browser without Excel): pick an .xlsx or .ods file, or start from the template. */
import React, { useRef } from "react";
import { Body1, Button, Card, Caption1, Link, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { FolderOpenRegular, TableAddRegular } from "@fluentui/react-icons";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3 },
  hidden: { display: "none" },
});

export function StartScreen({ busy, onOpen }: { busy: boolean; onOpen: (file: File | null) => void }): JSX.Element {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Card className={styles.card}>
      <Subtitle2 as="h2">Bắt đầu</Subtitle2>
      <Body1>Mở tệp Excel (.xlsx) hoặc LibreOffice (.ods) có bảng chỉ tiêu Nghị quyết. Trang này sẽ:</Body1>
      <ol className={styles.list}>
        <li>
          <Body1>nhận bảng và các cột (TT, Chỉ tiêu, ĐVT, Chỉ tiêu Nghị quyết, Kết quả…);</Body1>
        </li>
        <li>
          <Body1>kiểm tra lỗi: tỷ lệ tính sai, đánh giá không khớp với số liệu;</Body1>
        </li>
        <li>
          <Body1>điền cột Đánh giá (Đạt / Chưa đạt);</Body1>
        </li>
        <li>
          <Body1>lập phụ lục đúng thể thức, tải về dạng .xlsx và .docx.</Body1>
        </li>
      </ol>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<FolderOpenRegular />} disabled={busy} onClick={() => input.current?.click()}>
          Mở tệp Excel
        </Button>
        <Button icon={<TableAddRegular />} disabled={busy} onClick={() => onOpen(null)}>
          Thử với số liệu mẫu
        </Button>
      </div>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet"
        aria-label="Chọn tệp Excel"
        tabIndex={-1}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) onOpen(f);
        }}
      />
      <Body1>
        Gộp bảng của nhiều đơn vị (mỗi đơn vị một tệp)? <Link href="?view=tong-hop">Tổng hợp nhiều đơn vị</Link>
      </Body1>
      <Caption1 className={styles.hint}>
        Tệp được xử lý ngay trên máy này, không gửi đi đâu. Tệp gốc không bị thay đổi: kết quả được tải về thành tệp mới.
      </Caption1>
    </Card>
  );
}
