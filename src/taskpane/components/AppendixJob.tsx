/** The job "Tạo phụ lục": the form, generation into a new sheet, and the downloads. */
import React from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentTableRegular } from "@fluentui/react-icons";
import type { Analysis } from "../../app/analyse";
import type { PaneSettings } from "../../app/settings";
import { PRESET_CHOICES } from "../../app/settings";
import { VocabularyField } from "./StatusJob";
import { FORM_STYLES } from "./shared-styles";

const useStyles = makeStyles({
  ...FORM_STYLES,
  checks: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  fieldset: { border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
});

export interface AppendixStepProps {
  busy: boolean;
  analysis: Analysis | null;
  settings: PaneSettings;
  defaults: { title: string; kemTheo: string };
  appendixSheet: string | null;
  onSettings(patch: Partial<PaneSettings>): void;
  onGenerate(): void;
  onDownloadXlsx(): void;
  onDownloadDocx(): void;
}

export function AppendixJob(p: AppendixStepProps): JSX.Element {
  const styles = useStyles();
  const table = p.analysis?.table;
  if (!table) return <Body1>Chưa có bảng chỉ tiêu: chọn trang có bảng ở việc “Bảng chỉ tiêu” trước.</Body1>;
  const s = p.settings;
  const preset = PRESET_CHOICES.find((c) => c.value === s.layout) ?? PRESET_CHOICES[0];
  const hasBaseline = !!table.mapping.baseline;
  const hasYears = table.years.length > 0;
  const hasNote = !!table.mapping.note;
  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <Field label="Thể thức" hint={preset.hint}>
          <Dropdown
            className={styles.dropdown}
            value={preset.label}
            selectedOptions={[preset.value]}
            disabled={p.busy}
            onOptionSelect={(_e, d) => {
              const c = PRESET_CHOICES.find((x) => x.value === d.optionValue);
              if (c && c.value !== s.layout) p.onSettings({ layout: c.value });
            }}
          >
            {PRESET_CHOICES.map((c) => (
              <Option key={c.value} value={c.value}>
                {c.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <VocabularyField settings={s} busy={p.busy} onSettings={p.onSettings} />
      </div>
      <Field label="Tiêu đề" hint="Để trống để dùng tiêu đề mặc định.">
        <Textarea
          value={s.title}
          placeholder={p.defaults.title}
          disabled={p.busy}
          resize="vertical"
          rows={3}
          onChange={(_e, d) => p.onSettings({ title: d.value })}
        />
      </Field>
      <Field label="Dòng “Kèm theo …”" hint="Để trống để lấy số và ngày báo cáo từ trang “Thông tin”.">
        <Input value={s.kemTheo} placeholder={p.defaults.kemTheo || "(Kèm theo Báo cáo số …-BC/…, ngày …)"} disabled={p.busy} onChange={(_e, d) => p.onSettings({ kemTheo: d.value })} />
      </Field>
      <div className={styles.row}>
        <Field label="Hướng trang">
          <RadioGroup layout="horizontal" value={s.orientation} disabled={p.busy} onChange={(_e, d) => p.onSettings({ orientation: d.value as PaneSettings["orientation"] })}>
            <Radio value="landscape" label="Ngang" />
            <Radio value="portrait" label="Dọc" />
          </RadioGroup>
        </Field>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Cột thêm</legend>
          <div className={styles.checks}>
            <Checkbox
              label="Đầu nhiệm kỳ"
              checked={s.columns.baseline}
              disabled={p.busy || !hasBaseline}
              onChange={(_e, d) => p.onSettings({ columns: { ...s.columns, baseline: !!d.checked } })}
            />
            <Checkbox
              label="Từng năm"
              checked={s.columns.years}
              disabled={p.busy || !hasYears}
              onChange={(_e, d) => p.onSettings({ columns: { ...s.columns, years: !!d.checked } })}
            />
            <Checkbox label="Ghi chú" checked={s.columns.note} disabled={p.busy || !hasNote} onChange={(_e, d) => p.onSettings({ columns: { ...s.columns, note: !!d.checked } })} />
          </div>
        </fieldset>
      </div>
      {!hasBaseline && !hasYears && !hasNote && (
        <Caption1 className={styles.muted}>Bảng chưa có cột đầu nhiệm kỳ, số liệu từng năm hay ghi chú nên chưa thêm được các cột đó.</Caption1>
      )}
      <Checkbox label="Thêm khối chữ ký (T/M …, chức vụ)" checked={s.signature} disabled={p.busy} onChange={(_e, d) => p.onSettings({ signature: !!d.checked })} />
      <div className={styles.actions}>
        <Button appearance="primary" icon={<DocumentTableRegular />} disabled={p.busy} onClick={p.onGenerate}>
          Tạo trang phụ lục
        </Button>
        <Button icon={<ArrowDownloadRegular />} disabled={p.busy} onClick={p.onDownloadXlsx}>
          Tải .xlsx
        </Button>
        <Button icon={<ArrowDownloadRegular />} disabled={p.busy} onClick={p.onDownloadDocx}>
          Tải .docx
        </Button>
      </div>
      {p.appendixSheet && <Body1>Phụ lục nằm ở trang “{p.appendixSheet}”; trang của bạn không bị ghi đè.</Body1>}
    </div>
  );
}
