/** The job "Tính trạng thái": fill the Đánh giá column, after saying how many cells will change. */
import React from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  makeStyles,
  Option,
  SpinButton,
  tokens,
} from "@fluentui/react-components";
import { CalculatorRegular } from "@fluentui/react-icons";
import { statusColumnOf } from "../../app/status-column";
import type { Analysis } from "../../app/analyse";
import type { StatusColumnPlan, StatusColumnRequest } from "../../app/port";
import type { PaneSettings } from "../../app/settings";
import { VOCABULARY_CHOICES } from "../../app/settings";
import { describeReasonPlan } from "../../app/reasons";
import { FORM_STYLES } from "./shared-styles";

const useStyles = makeStyles({
  ...FORM_STYLES,
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  changes: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    overflowWrap: "anywhere",
  },
  address: { fontWeight: tokens.fontWeightSemibold },
  after: { fontWeight: tokens.fontWeightSemibold },
  reasons: { margin: `${tokens.spacingVerticalS} 0 0` },
});

export interface StatusStepProps {
  busy: boolean;
  analysis: Analysis | null;
  settings: PaneSettings;
  formulas: boolean;
  fileMode: boolean;
  /** where the reasons go here: cell notes (Excel with ExcelApi 1.18) or the "Lý do" column */
  reasonWay: "notes" | "column";
  plan: { req: StatusColumnRequest; plan: StatusColumnPlan } | null;
  onSettings(patch: Partial<PaneSettings>): void;
  onPlan(): void;
  onConfirm(): void;
  onCancel(): void;
}

export function vocabularyKey(s: Pick<PaneSettings, "vocabulary" | "levels">): string {
  return `${s.vocabulary}-${s.levels}`;
}

export function VocabularyField({ settings, busy, onSettings }: Pick<StatusStepProps, "settings" | "busy" | "onSettings">): JSX.Element {
  const styles = useStyles();
  const key = vocabularyKey(settings);
  const current = VOCABULARY_CHOICES.find((c) => c.value === key) ?? VOCABULARY_CHOICES[0];
  return (
    <Field label="Cách ghi đánh giá">
      <Dropdown
        className={styles.dropdown}
        value={current.label}
        selectedOptions={[current.value]}
        disabled={busy}
        onOptionSelect={(_e, d) => {
          const c = VOCABULARY_CHOICES.find((x) => x.value === d.optionValue);
          if (c && c.value !== key) onSettings({ vocabulary: c.vocabulary, levels: c.levels });
        }}
      >
        {VOCABULARY_CHOICES.map((c) => (
          <Option key={c.value} value={c.value}>
            {c.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export function StatusJob(p: StatusStepProps): JSX.Element {
  const styles = useStyles();
  const table = p.analysis?.table;
  if (!table) return <Body1>Chưa có bảng chỉ tiêu: chọn trang có bảng ở việc “Bảng chỉ tiêu” trước.</Body1>;
  const { column, isNew } = statusColumnOf(table);
  const example = p.formulas ? `=NQ.DANHGIA(${table.mapping.target ?? "F"}5,${table.mapping.actual ?? "G"}5)` : "";
  return (
    <div className={styles.stack}>
      <Body1>
        Điền cột Đánh giá (cột {column}
        {isNew ? ", cột mới ngay sau bảng" : ""}) cho {p.analysis!.indicators} chỉ tiêu.{" "}
        {p.formulas ? (
          <>
            Mỗi ô nhận công thức, ví dụ <span className={styles.code}>{example}</span>, nên tự tính lại khi số liệu đổi.
          </>
        ) : p.fileMode ? (
          "Trong trình duyệt, các ô nhận giá trị đã tính sẵn (Đạt, Chưa đạt…)."
        ) : (
          "Excel này chưa chạy được hàm tùy chỉnh NQ.DANHGIA, nên các ô nhận giá trị đã tính sẵn."
        )}{" "}
        {p.settings.reasons && p.reasonWay === "column" ? "Ngoài cột “Lý do”, không cột nào khác bị thay đổi." : "Không cột nào khác bị thay đổi."}
      </Body1>
      <div className={styles.row}>
        <VocabularyField settings={p.settings} busy={p.busy} onSettings={p.onSettings} />
        <Field label="Ngưỡng gần đạt (%)" hint="0 là không dùng mức “Gần đạt”.">
          <SpinButton
            value={p.settings.near}
            min={0}
            max={20}
            step={0.5}
            disabled={p.busy}
            onChange={(_e, d) => {
              const v = d.value ?? (d.displayValue !== undefined ? Number(String(d.displayValue).replace(",", ".")) : NaN);
              if (Number.isFinite(v) && v >= 0 && v <= 20 && v !== p.settings.near) p.onSettings({ near: v });
            }}
          />
        </Field>
      </div>
      <Field
        hint={
          (p.reasonWay === "notes"
            ? "Thành ghi chú (note) trên từng ô Đánh giá và trên ô đánh giá của trang phụ lục: rê chuột vào ô để đọc, không in ra."
            : `Vào cột “Lý do” cạnh cột Đánh giá; nếu cột đó đã có dữ liệu thì vào cột trống kế tiếp.${p.fileMode ? "" : " Excel này chưa ghi được ghi chú trên ô (cần ExcelApi 1.18)."}`) +
          (p.formulas ? " Lý do là của lúc ghi: khi số liệu đổi, bấm “Điền cột Đánh giá” lại để cập nhật." : "")
        }
      >
        <Checkbox label="Ghi lý do của từng đánh giá" checked={p.settings.reasons} disabled={p.busy} onChange={(_e, d) => p.onSettings({ reasons: d.checked === true })} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<CalculatorRegular />} disabled={p.busy} onClick={p.onPlan}>
          Điền cột Đánh giá
        </Button>
      </div>
      <Caption1 className={styles.muted}>Trước khi ghi, ngăn tác vụ cho biết số ô sẽ thay đổi để bạn xác nhận.</Caption1>

      <Dialog open={!!p.plan} onOpenChange={(_e, d) => !d.open && p.onCancel()}>
        <DialogSurface aria-describedby="status-confirm-text">
          <DialogBody>
            <DialogTitle>Ghi cột Đánh giá?</DialogTitle>
            <DialogContent id="status-confirm-text">
              {p.plan && (
                <>
                  {p.plan.plan.changes ? (
                    <>
                      Sẽ thay đổi <strong>{p.plan.plan.changes} ô</strong> ở cột {p.plan.req.column} của trang “{p.plan.req.sheet}”
                      {p.plan.plan.mode === "formulas" ? ", bằng công thức NQ.DANHGIA" : ", bằng giá trị đã tính"}. Các cột khác giữ nguyên.
                    </>
                  ) : (
                    <>Cột Đánh giá (cột {p.plan.req.column} của trang “{p.plan.req.sheet}”) đã đúng, không ô nào thay đổi.</>
                  )}
                  {!!p.plan.plan.preview?.length && (
                    <ul className={styles.changes} aria-label="Các ô sẽ thay đổi">
                      {p.plan.plan.preview.map((c) => (
                        <li key={c.row}>
                          <span className={styles.address}>
                            {p.plan!.req.column}
                            {c.row}
                          </span>
                          : {c.before ? `“${c.before}”` : "(trống)"} → <span className={c.content.startsWith("=") ? styles.code : styles.after}>{c.content.startsWith("=") ? c.content : `“${c.content}”`}</span>
                        </li>
                      ))}
                      {p.plan.plan.changes > p.plan.plan.preview.length && <li>… và {p.plan.plan.changes - p.plan.plan.preview.length} ô khác.</li>}
                    </ul>
                  )}
                  {p.plan.plan.reasons && <p className={styles.reasons}>{describeReasonPlan(p.plan.plan.reasons, p.plan.req.column)}</p>}
                </>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={p.onConfirm}>
                {p.plan?.plan.reasons?.changes ? `Ghi ${p.plan.plan.changes} ô và lý do` : `Ghi ${p.plan?.plan.changes ?? 0} ô`}
              </Button>
              <Button onClick={p.onCancel}>Hủy</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
