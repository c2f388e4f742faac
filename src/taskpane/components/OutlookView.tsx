/**
 * "Triển vọng đến cuối nhiệm kỳ": for each indicator, the pace still needed, its likelihood (in
 * words, never colour alone) and the reason; a small trajectory chart for indicators with yearly
 * values; a switch for the appendix column and a button for native charts on a new sheet.
 *
 * Props (the pane helper wires them; compute with app/outlook.ts):
 *   outlook          computeOutlook(analysis, options): null when there is no term or report year
 *   charts           outlookCharts(outlook): the trajectories to draw
 *   context          the term and report year used or typed (shown in the inputs)
 *   onContextChange  the user typed a term ("2020-2025") and/or a report year: recompute
 *   outlookColumn    the appendix gets the column "Khả năng đạt đến cuối nhiệm kỳ"
 *   onOutlookColumnChange
 *   onAddCharts      present when the workbook can take charts (WorkbookPort.addOutlookCharts):
 *                    draw them on a new sheet "Biểu đồ"; resolves to the sheet's name
 */
import React, { useId, useState } from "react";
import { Body1, Button, Caption1, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Subtitle2, tokens } from "@fluentui/react-components";
import { LIKELIHOOD_LABELS, LIKELIHOODS, yearSpan, type Likelihood, type TableOutlook, type Trajectory } from "../../core/outlook";
import { parseTermText, parseYearText, outlookCellText } from "../../app/outlook";
import { TrajectoryChart } from "./TrajectoryChart";

export interface OutlookContextInput {
  termStart?: number;
  termEnd?: number;
  reportYear?: number;
}

export interface OutlookViewProps {
  outlook: TableOutlook | null;
  charts: Trajectory[];
  context?: OutlookContextInput;
  onContextChange?: (c: OutlookContextInput) => void;
  outlookColumn?: boolean;
  onOutlookColumnChange?: (on: boolean) => void;
  onAddCharts?: () => Promise<string>;
}

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  small: { width: "9em" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, overflowWrap: "anywhere", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  badge: { fontWeight: tokens.fontWeightSemibold },
  reached: { color: tokens.colorPaletteGreenForeground1 },
  likely: { color: tokens.colorPaletteGreenForeground1 },
  hard: { color: tokens.colorPaletteDarkOrangeForeground1 },
  unlikely: { color: tokens.colorPaletteRedForeground1 },
  unknown: { color: tokens.colorNeutralForeground3 },
});

/** What needs attention first. */
const SHOW_ORDER: Likelihood[] = ["unlikely", "hard", "likely", "reached", "unknown"];

/** A mark beside the words, so the likelihood does not rest on colour. */
const MARKS: Record<Likelihood, string> = { reached: "✔", likely: "↗", hard: "!", unlikely: "✖", unknown: "?" };

export function OutlookView(props: OutlookViewProps): JSX.Element {
  const styles = useStyles();
  const base = useId();
  const { outlook, charts } = props;
  const [term, setTerm] = useState(props.context?.termStart && props.context.termEnd ? `${props.context.termStart}-${props.context.termEnd}` : "");
  const [year, setYear] = useState(props.context?.reportYear ? String(props.context.reportYear) : "");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const termOk = term.trim() === "" || parseTermText(term) !== null;
  const yearOk = year.trim() === "" || parseYearText(year) !== null;
  const apply = () => {
    if (!termOk || !yearOk || !props.onContextChange) return;
    const t = parseTermText(term);
    const y = parseYearText(year);
    props.onContextChange({ ...(t ?? {}), ...(y !== null ? { reportYear: y } : {}) });
  };
  const chartByRow = new Map(charts.map((c) => [c.row, c]));
  const addCharts = async () => {
    if (!props.onAddCharts) return;
    setBusy(true);
    setMessage(null);
    try {
      const name = await props.onAddCharts();
      setMessage({ intent: "success", text: `Đã vẽ ${charts.length} biểu đồ trên trang mới “${name}”.` });
    } catch (e) {
      setMessage({ intent: "error", text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.stack} aria-labelledby={`${base}-h`}>
      <Subtitle2 as="h2" id={`${base}-h`}>
        Triển vọng đến cuối nhiệm kỳ
      </Subtitle2>
      {props.onContextChange && (
        <div className={styles.row}>
          <Field label="Nhiệm kỳ" validationMessage={termOk ? undefined : "Ví dụ: 2020-2025"} validationState={termOk ? "none" : "error"}>
            <Input className={styles.small} value={term} placeholder="2020-2025" onChange={(_, d) => setTerm(d.value)} onBlur={apply} />
          </Field>
          <Field label="Năm báo cáo" validationMessage={yearOk ? undefined : "Ví dụ: 2023"} validationState={yearOk ? "none" : "error"}>
            <Input className={styles.small} value={year} placeholder="2023" inputMode="numeric" onChange={(_, d) => setYear(d.value)} onBlur={apply} />
          </Field>
          <Button onClick={apply} disabled={!termOk || !yearOk}>
            Tính lại
          </Button>
        </div>
      )}
      {!outlook ? (
        <MessageBar intent="info">
          <MessageBarBody>Chưa tính được: cần nhiệm kỳ (ví dụ 2020-2025) và năm báo cáo, từ trang “Thông tin” hoặc nhập ở trên.</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Body1>
            Nhiệm kỳ {yearSpan(outlook.context.termStart, outlook.context.termEnd)}, năm báo cáo {outlook.context.reportYear}: {outlook.summary}.
          </Body1>
          <Caption1>
            Quy tắc: có khả năng đạt khi mức cần đạt không vượt mức bình quân đã đạt; khó đạt khi không vượt năm tốt nhất hoặc 1,2 lần mức đã đạt; vượt nữa là nguy cơ không đạt.
          </Caption1>
          {props.onOutlookColumnChange && (
            <Checkbox
              checked={!!props.outlookColumn}
              onChange={(_, d) => props.onOutlookColumnChange!(!!d.checked)}
              label="Thêm cột “Khả năng đạt đến cuối nhiệm kỳ” vào phụ lục"
            />
          )}
          {props.onAddCharts && charts.length > 0 && (
            <div className={styles.row}>
              <Button appearance="primary" onClick={addCharts} disabled={busy}>
                Vẽ {charts.length} biểu đồ trên trang mới “Biểu đồ”
              </Button>
            </div>
          )}
          {message && (
            <MessageBar intent={message.intent}>
              <MessageBarBody>{message.text}</MessageBarBody>
            </MessageBar>
          )}
          <ul className={styles.list} aria-label="Khả năng đạt từng chỉ tiêu">
            {SHOW_ORDER.flatMap((l) => outlook.rows.filter((x) => x.outlook.likelihood === l)).map(({ row, outlook: o }) => {
              const chart = chartByRow.get(row.row);
              return (
                <li key={row.row} className={styles.item}>
                  <Body1>
                    <span className={`${styles.badge} ${styles[o.likelihood]}`}>
                      <span aria-hidden="true">{MARKS[o.likelihood]} </span>
                      {outlookCellText(o, row.unit)}
                    </span>
                    {" — "}
                    {row.tt ? `${row.tt} ` : ""}
                    {row.name}
                  </Body1>
                  <Caption1>{o.reason}</Caption1>
                  {chart && <TrajectoryChart trajectory={chart} id={`${base}-c${row.row}`} />}
                </li>
              );
            })}
          </ul>
          <Caption1>Các mức: {LIKELIHOODS.map((l) => `${MARKS[l]} ${LIKELIHOOD_LABELS[l]}`).join(" · ")}.</Caption1>
        </>
      )}
    </section>
  );
}
