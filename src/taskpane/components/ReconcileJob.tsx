/**
 * "Đối chiếu báo cáo": pick the draft (.docx or .txt), check it against the analysed table, list
 * the disagreements like the check's findings; each one selects the table cell it is about.
 *
 * Props:
 * - busy: a job is running (buttons disabled)
 * - analysis: the analysed sheet (null or no table: a hint is shown)
 * - readDocx: loads the .docx reader (injected from index.tsx; the pane imports no adapter)
 * - canSelect: Excel can select the cell (in a browser the cell becomes the active one of the saved file)
 * - onSelectCell: selects a table cell
 */
import React, { useRef, useState } from "react";
import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Subtitle2, tokens } from "@fluentui/react-components";
import { DocumentSearchRegular, ErrorCircleRegular, InfoRegular } from "@fluentui/react-icons";
import type { Analysis } from "../../app/analyse";
import { draftFromFile, reconcileDraft, type DocxDraftReader } from "../../app/report-text";
import { describeError } from "../../app/errors";
import { RECONCILE_CODE_LABELS, type ReconcileFinding, type Reconciliation } from "../../core/report/reconcile";
import { FINDING_LIST_STYLES } from "./shared-styles";

const useStyles = makeStyles({
  ...FINDING_LIST_STYLES,
  where: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
  excerpt: { color: tokens.colorNeutralForeground2, fontStyle: "italic" },
  hidden: { display: "none" },
  plain: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
});

export interface ReconcileViewProps {
  busy: boolean;
  analysis: Analysis | null;
  readDocx: () => Promise<DocxDraftReader>;
  canSelect: boolean;
  onSelectCell(target: { sheet: string; address: string }): void;
}

function FindingText({ f }: { f: ReconcileFinding }): JSX.Element {
  const styles = useStyles();
  return (
    <span className={styles.text}>
      <span className={styles.where}>
        {RECONCILE_CODE_LABELS[f.code]} · {f.place}
        {f.cell ? ` · Ô ${f.cell}` : " · trong văn bản"}
      </span>
      <span>{f.message}</span>
      <span className={styles.excerpt}>“{f.excerpt}”</span>
    </span>
  );
}

export function ReconcileJob({ busy, analysis, readDocx, canSelect, onSelectCell }: ReconcileViewProps): JSX.Element {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<{ name: string; r: Reconciliation } | null>(null);
  const [error, setError] = useState<string>("");
  const [working, setWorking] = useState(false);
  if (!analysis?.table) return <Body1>Chọn trang có bảng chỉ tiêu ở bước “Bảng chỉ tiêu” trước.</Body1>;
  const table = analysis.table;

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setWorking(true);
    setError("");
    try {
      const draft = await draftFromFile(await file.arrayBuffer(), file.name, await readDocx());
      setResult({ name: file.name, r: reconcileDraft(Object.assign(analysis, { table }), draft) });
    } catch (e) {
      const shown = describeError("đọc bản báo cáo", e);
      setError(`${shown.detail} ${shown.action}`);
      setResult(null);
    } finally {
      setWorking(false);
      if (input.current) input.current.value = "";
    }
  };
  const names = new Map<number, string>();
  for (const row of table.rows) if (row.type === "indicator") names.set(row.row, `${row.tt ? row.tt + " " : ""}${row.name}`.slice(0, 60));
  const r = result?.r;

  return (
    <div className={styles.stack}>
      <Caption1>Chọn bản báo cáo (.docx hoặc .txt) để so các con số trong văn bản, kể cả chú thích, với bảng chỉ tiêu.</Caption1>
      <div>
        <input ref={input} className={styles.hidden} type="file" accept=".docx,.txt" aria-label="Chọn bản báo cáo" onChange={(e) => void onFile(e.target.files?.[0])} />
        <Button appearance="primary" icon={<DocumentSearchRegular />} disabled={busy || working} onClick={() => input.current?.click()}>
          {result ? "Chọn bản khác" : "Chọn bản báo cáo"}
        </Button>
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {r && result && (
        <>
          <Body1 role="status">
            “{result.name}”: {r.mentions.length} chỗ nhắc đến {new Set(r.mentions.map((m) => m.row)).size}/{names.size} chỉ tiêu;{" "}
            {r.findings.length ? `${r.findings.length} chỗ khác bảng.` : "không thấy chỗ nào khác bảng."} {r.findings.length > 0 && canSelect ? "Bấm vào một dòng để chọn ô đó trong Excel." : ""}
          </Body1>
          {r.findings.length > 0 && (
            <section className={styles.section} aria-label={`Chỗ khác bảng (${r.findings.length})`}>
              <Subtitle2 as="h3">Chỗ khác bảng ({r.findings.length})</Subtitle2>
              <ul className={styles.list}>
                {r.findings.map((f, i) => (
                  <li key={i}>
                    {f.cell ? (
                      <Button
                        className={styles.finding}
                        appearance="subtle"
                        icon={<ErrorCircleRegular className={styles.error} />}
                        disabled={busy}
                        onClick={() => f.cell && onSelectCell({ sheet: analysis.sheet, address: f.cell })}
                      >
                        <FindingText f={f} />
                      </Button>
                    ) : (
                      // within the text only (a growth claim, a fraction in a footnote): no cell to select
                      <div className={styles.plain}>
                        <ErrorCircleRegular className={styles.error} aria-hidden />
                        <FindingText f={f} />
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {r.findings.length === 0 && (
            <MessageBar intent="success">
              <MessageBarBody>Các con số trong văn bản khớp với bảng (ở những chỗ công cụ nhận ra).</MessageBarBody>
            </MessageBar>
          )}
          {r.notInText.length > 0 && (
            <section className={styles.section} aria-label="Chỉ tiêu văn bản chưa nêu">
              <Subtitle2 as="h3">Văn bản chưa nêu kết quả ({r.notInText.length})</Subtitle2>
              <ul className={styles.list}>
                {r.notInText.map((x) => (
                  <li key={x.row}>
                    <Button className={styles.finding} appearance="subtle" icon={<InfoRegular className={styles.info} />} disabled={busy} onClick={() => onSelectCell({ sheet: analysis.sheet, address: `${table.mapping.name ?? "A"}${x.row}` })}>
                      Dòng {x.row}: {names.get(x.row) ?? x.name}
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {r.notInTable.length > 0 && (
            <section className={styles.section} aria-label="Đoạn nêu chỉ tiêu mà bảng không có">
              <Subtitle2 as="h3">Bảng không có ({r.notInTable.length})</Subtitle2>
              <ul className={styles.list}>
                {r.notInTable.map((x, i) => (
                  <li key={i}>
                    <Caption1>
                      {x.place}: “{x.excerpt}”
                    </Caption1>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
