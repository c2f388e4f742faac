/**
 * The view of the job chosen in the navigation, with a "Tiếp:" button to the next job. The feature
 * views (outlook, report text, draft check, consolidation) are wired here as they arrive; until
 * then their job shows as not available yet.
 */
import React, { useMemo } from "react";
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowRightRegular } from "@fluentui/react-icons";
import { defaultKemTheo, defaultTitle } from "../../core/layout";
import { HELP_TEXTS } from "../help-texts";
import { NEXT_JOB, VIEW_LABELS, type JobId, type ViewId } from "../jobs";
import type { PaneState } from "../pane-state";
import type { PaneActions } from "../pane-actions";
import { Overview } from "./Overview";
import { TableJob } from "./TableJob";
import { CheckJob } from "./CheckJob";
import { StatusJob } from "./StatusJob";
import { AppendixJob } from "./AppendixJob";
import { OutlookJob } from "./OutlookJob";
import { ReportTextJob } from "./ReportTextJob";
import { ReconcileJob } from "./ReconcileJob";
import { ConsolidateJob, type ConsolidateViewProps } from "./ConsolidateJob";
import type { ReportIo } from "../../app/report-text";

/** What the consolidation needs from index.tsx (the pane imports no adapter). */
export type ConsolidateIo = Omit<ConsolidateViewProps, "port" | "onWritten">;

/** Jobs with a view in this build. */
export const AVAILABLE_JOBS: ReadonlySet<JobId> = new Set<JobId>(["table", "check", "status", "outlook", "appendix", "report", "reconcile", "consolidate"]);

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  next: { display: "flex", justifyContent: "flex-end", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
});

export interface JobViewProps {
  state: PaneState;
  actions: PaneActions;
  busy: boolean;
  /** the report's .docx writer and reader (index.tsx) */
  report?: ReportIo;
  consolidate?: ConsolidateIo;
}

export function JobView({ state, actions, busy, report, consolidate }: JobViewProps): JSX.Element {
  const styles = useStyles();
  const { port, analysis, settings, info, view } = state;
  // the title and "Kèm theo" line the appendix gets when the fields are left empty
  const defaults = useMemo(() => {
    const i = info ?? analysis?.table?.info ?? {};
    return { title: defaultTitle(i), kemTheo: defaultKemTheo(i, settings.layout === "nha-nuoc" ? "state" : "party") };
  }, [analysis, info, settings.layout]);
  if (!port) return <></>;
  // a cell selected from a view: "Quay lại" returns to that view
  const selectFrom = (view: JobId) => (target: { sheet: string; address: string }) => void actions.selectCell(target, { view });
  const body = (() => {
    switch (view) {
      case "overview":
        return <Overview busy={busy} analysis={analysis} sheets={state.sheets} appendixSheet={state.appendixSheet} available={AVAILABLE_JOBS} onGo={actions.go} />;
      case "table":
        return (
          <TableJob
            busy={busy}
            sheets={state.sheets}
            sheet={state.sheet}
            analysis={analysis}
            overridden={!!settings.mappings?.[state.sheet]}
            onChooseSheet={actions.chooseSheet}
            onReload={actions.reload}
            onUseActive={port.kind === "office" ? actions.useActive : undefined}
            onMapping={actions.mapping}
            onResetMapping={actions.resetMapping}
            onTemplate={actions.template}
          />
        );
      case "check":
        return (
          <CheckJob
            busy={busy}
            analysis={analysis}
            settings={settings}
            canSelect={port.kind === "office"}
            onSelectCell={(target, focus) => actions.selectCell(target, { view: "check", focus, label: "Về lỗi này" })}
            onRecheck={actions.recheck}
          />
        );
      case "status":
        return (
          <StatusJob
            busy={busy}
            analysis={analysis}
            settings={settings}
            formulas={port.formulasSupported()}
            fileMode={port.kind === "file"}
            reasonWay={port.reasonNotes?.() ? "notes" : "column"}
            plan={state.plan}
            onSettings={actions.settings}
            onPlan={actions.planStatus}
            onConfirm={actions.confirmStatus}
            onCancel={actions.cancelStatus}
          />
        );
      case "appendix":
        return (
          <AppendixJob
            busy={busy}
            analysis={analysis}
            settings={settings}
            defaults={defaults}
            appendixSheet={state.appendixSheet}
            onSettings={actions.settings}
            onGenerate={actions.generate}
            onDownloadXlsx={() => actions.downloadAppendix("xlsx")}
            onDownloadDocx={() => actions.downloadAppendix("docx")}
          />
        );
      case "outlook":
        return (
          <OutlookJob
            analysis={analysis}
            info={info}
            outlook={state.outlook}
            onOutlook={actions.outlook}
            onAddCharts={port.addOutlookCharts ? actions.addOutlookCharts : undefined}
          />
        );
      case "report":
        if (!report) return <NotYet view={view} />;
        return (
          <ReportTextJob
            busy={busy}
            analysis={analysis}
            levels={settings.levels}
            preset={settings.layout}
            renderDocx={report.renderDocx}
            onDownload={actions.download}
            onSelectCell={selectFrom("report")}
          />
        );
      case "reconcile":
        if (!report) return <NotYet view={view} />;
        return <ReconcileJob busy={busy} analysis={analysis} readDocx={report.readDocx} canSelect={port.kind === "office"} onSelectCell={selectFrom("reconcile")} />;
      case "consolidate":
        return consolidate ? <ConsolidateJob port={port} {...consolidate} onWritten={actions.written} /> : <NotYet view={view} />;
      default:
        return <NotYet view={view} />;
    }
  })();
  const next = view !== "overview" ? NEXT_JOB[view] : undefined;
  const showNext = next && AVAILABLE_JOBS.has(next) && AVAILABLE_JOBS.has(view as JobId) && !!analysis?.table;
  return (
    <div className={styles.stack}>
      {body}
      {showNext && (
        <div className={styles.next}>
          <Button icon={<ArrowRightRegular />} iconPosition="after" disabled={busy} onClick={() => actions.go(next)}>
            Tiếp: {VIEW_LABELS[next]}
          </Button>
        </div>
      )}
    </div>
  );
}

function NotYet({ view }: { view: ViewId }): JSX.Element {
  return (
    <Body1>
      Việc “{VIEW_LABELS[view]}” chưa có trong bản này. Khi có, việc này sẽ: {HELP_TEXTS[view].what.charAt(0).toLocaleLowerCase("vi") + HELP_TEXTS[view].what.slice(1)}
    </Body1>
  );
}
