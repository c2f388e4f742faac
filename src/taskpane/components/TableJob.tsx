/** The job "Bảng chỉ tiêu": the sheet, the table found on it, and the column mapping. */
import React from "react";
import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, DocumentTableRegular, TableAddRegular } from "@fluentui/react-icons";
import { columnChoices, MAPPING_ROLES, type Analysis } from "../../app/analyse";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(220px, 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  dropdown: { minWidth: "0", width: "100%" },
  muted: { color: tokens.colorNeutralForeground3 },
  years: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const NONE = "__none__";

export interface TableStepProps {
  busy: boolean;
  sheets: string[];
  sheet: string;
  analysis: Analysis | null;
  overridden: boolean;
  onChooseSheet(name: string): void;
  onReload(): void;
  /** Excel only: switch to the sheet open in Excel */
  onUseActive?: () => void;
  onMapping(role: string, letter: string | null): void;
  onResetMapping(): void;
  onTemplate(): void;
}

export function TableJob(p: TableStepProps): JSX.Element {
  const styles = useStyles();
  const a = p.analysis;
  const table = a?.result.ok ? a.result.table : undefined;
  const choices = a ? columnChoices(a.grid, table?.headerRow) : [];
  // a role mapped past the data (the user chose "none") shows as none
  const choiceOf = (letter: string | undefined) => choices.find((c) => c.letter === letter);
  const yearRoles = table ? Object.keys(table.mapping).filter((k) => k.startsWith("year:")).sort() : [];

  return (
    <div className={styles.stack}>
      <Field label="Trang tính có bảng chỉ tiêu">
        <Dropdown
          className={styles.dropdown}
          value={p.sheet}
          selectedOptions={p.sheet ? [p.sheet] : []}
          disabled={p.busy}
          onOptionSelect={(_e, d) => d.optionValue && d.optionValue !== p.sheet && p.onChooseSheet(d.optionValue)}
        >
          {p.sheets.map((s) => (
            <Option key={s} value={s}>
              {s}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.actions}>
        {p.onUseActive && (
          <Button icon={<DocumentTableRegular />} disabled={p.busy} onClick={p.onUseActive}>
            Dùng trang đang mở
          </Button>
        )}
        <Button icon={<ArrowClockwiseRegular />} disabled={p.busy} onClick={p.onReload}>
          Đọc lại
        </Button>
        <Button icon={<TableAddRegular />} disabled={p.busy} onClick={p.onTemplate}>
          Tạo bảng mẫu
        </Button>
      </div>

      {a && !a.result.ok && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Chưa thấy bảng chỉ tiêu trên trang “{a.sheet}”</MessageBarTitle>
            {a.result.error.message} Chọn trang khác ở trên, hoặc bấm “Tạo bảng mẫu” để thêm một trang đúng mẫu rồi chép số liệu vào.
          </MessageBarBody>
        </MessageBar>
      )}

      {table && a && (
        <>
          <Body1>
            Bảng bắt đầu ở dòng tiêu đề {table.headerRow}: <strong>{a.indicators} chỉ tiêu</strong> trong {a.groups} nhóm.
          </Body1>
          <Subtitle2 as="h3">Các cột đã nhận</Subtitle2>
          <Caption1 className={styles.muted}>Nếu cột nào nhận sai, chọn lại cột đúng; lựa chọn được lưu trong sổ làm việc.</Caption1>
          <div className={styles.grid}>
            {MAPPING_ROLES.map(({ role, label, required }) => {
              const choice = choiceOf(table.mapping[role]);
              const letter = choice?.letter;
              return (
                <Field key={role} label={label} required={required}>
                  <Dropdown
                    className={styles.dropdown}
                    value={choice?.label ?? "(không có)"}
                    selectedOptions={[letter ?? NONE]}
                    disabled={p.busy}
                    onOptionSelect={(_e, d) => {
                      const v = d.optionValue === NONE ? null : d.optionValue ?? null;
                      if (v !== (letter ?? null)) p.onMapping(role, v);
                    }}
                  >
                    <Option value={NONE} text="(không có)">
                      (không có)
                    </Option>
                    {choices.map((c) => (
                      <Option key={c.letter} value={c.letter} text={c.label}>
                        {c.label}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              );
            })}
          </div>
          {yearRoles.length > 0 && (
            <Caption1 className={styles.muted}>
              Cột số liệu từng năm: {yearRoles.map((k) => `${k.slice(5)} (cột ${table.mapping[k]})`).join(", ")}.
            </Caption1>
          )}
          <div className={styles.actions}>
            {p.overridden && (
              <Button disabled={p.busy} onClick={p.onResetMapping}>
                Nhận lại cột tự động
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
