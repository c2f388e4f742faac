/**
 * The "Triển vọng" job: the outlook of the analysed table (app/outlook.ts) shown by OutlookView,
 * with the term and report year the user may type, the appendix column switch (used when the
 * appendix is made), and native charts on a new sheet when the workbook can take them.
 */
import React, { useMemo } from "react";
import { Body1 } from "@fluentui/react-components";
import type { Analysis } from "../../app/analyse";
import type { ReportInfo } from "../../core/model";
import { computeOutlook, outlookCharts } from "../../app/outlook";
import type { PaneState } from "../pane-state";
import { OutlookView } from "./OutlookView";

export interface OutlookJobProps {
  analysis: Analysis | null;
  info: ReportInfo | undefined;
  outlook: PaneState["outlook"];
  onOutlook(patch: Partial<PaneState["outlook"]>): void;
  /** present when the workbook can take charts */
  onAddCharts?: (charts: ReturnType<typeof outlookCharts>) => Promise<string>;
}

export function OutlookJob({ analysis, info, outlook, onOutlook, onAddCharts }: OutlookJobProps): JSX.Element {
  const table = analysis?.table;
  const computed = useMemo(() => (table ? computeOutlook({ table, info }, outlook.context) : null), [table, info, outlook.context]);
  const charts = useMemo(() => outlookCharts(computed), [computed]);
  if (!table) return <Body1>Chưa có bảng chỉ tiêu: chọn trang có bảng ở việc “Bảng chỉ tiêu” trước.</Body1>;
  return (
    <OutlookView
      outlook={computed}
      charts={charts}
      context={outlook.context}
      onContextChange={(context) => onOutlook({ context })}
      outlookColumn={outlook.column}
      onOutlookColumnChange={(column) => onOutlook({ column })}
      onAddCharts={onAddCharts ? () => onAddCharts(charts) : undefined}
    />
  );
}
