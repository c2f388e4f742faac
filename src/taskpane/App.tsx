/**
 * The task pane: a start view and the jobs, grouped, over a workbook port (Excel through Office.js,
 * or an .xlsx file opened in the browser). Composition only: the state is in pane-state.ts, what
 * the buttons do in pane-actions.ts, the views in components/. Vietnamese text; Fluent UI v9.
 */
import React, { useEffect, useMemo, useRef, useState } from "react";
import { Button, FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import type { AppendixRenderers, WorkbookPort } from "../app/port";
import type { ReportIo } from "../app/report-text";
import type { ConsolidateIo } from "./components/JobView";
import { useWork } from "./use-work";
import { usePaneState } from "./pane-state";
import { createPaneActions, type OpenFile } from "./pane-actions";
import { StartScreen } from "./components/StartScreen";
import { PaneHeader } from "./components/PaneHeader";
import { Messages } from "./components/Messages";
import { JobNav } from "./components/JobNav";
import { AVAILABLE_JOBS, JobView } from "./components/JobView";
import { UndoBar } from "./components/UndoBar";
import { SupportNote } from "./components/SupportNote";
import type { SupportReport } from "../app/excel-support";

const useStyles = makeStyles({
  shell: { display: "flex", minHeight: "100vh", alignItems: "stretch" },
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: "0",
    flexGrow: 1,
    maxWidth: "720px",
    margin: "0 auto",
    boxSizing: "border-box",
  },
});

export interface AppProps {
  /** the Excel port when running inside Excel; null in a plain browser */
  officePort: WorkbookPort | null;
  /** standalone mode: open a picked .xlsx (or the template when no file is given) */
  openFile?: OpenFile;
  /** the .xlsx and .docx renderers, loaded on first use (wired in index.tsx) */
  renderers: AppendixRenderers;
  /** the report's .docx writer and reader, loaded on first use (wired in index.tsx) */
  report?: ReportIo;
  /** the consolidation's file reader, workbook writer and download (index.tsx) */
  consolidate?: ConsolidateIo;
  /** in Excel: what this Excel lacks and what still works (from its requirement sets) */
  excelSupport?: SupportReport;
}

/** true while the pane is at least `px` wide (the job list then stays open beside the view) */
function useWide(px: number): boolean {
  const query = `(min-width: ${px}px)`;
  const [wide, setWide] = useState(() => typeof window !== "undefined" && window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const on = () => setWide(m.matches);
    m.addEventListener("change", on);
    return () => m.removeEventListener("change", on);
  }, [query]);
  return wide;
}

export function App({ officePort, openFile, renderers, report, consolidate, excelSupport }: AppProps): JSX.Element {
  const styles = useStyles();
  const work = useWork();
  const { state, dispatch, get } = usePaneState();
  const run = work.run; // stable: the actions are made once per workbook source
  const actions = useMemo(() => createPaneActions({ get, dispatch, run, officePort, openFile, renderers }), [get, dispatch, run, officePort, openFile, renderers]);
  const wide = useWide(640);
  const [navOpen, setNavOpen] = useState(false);
  const busy = work.busy !== null;
  const { port, view, focus } = state;

  useEffect(() => {
    if (officePort) void actions.connectOffice();
  }, [officePort, actions]);

  // the workbook changed under the last write: the pane's “Hoàn tác” ends
  useEffect(() => port?.watchLastWrite?.(actions.undoStale), [port, actions]);

  // a new view: focus its title, or the element a "back" link points at (a finding)
  const shownView = useRef(view);
  useEffect(() => {
    if (!focus && shownView.current === view) return;
    shownView.current = view;
    const target = (focus && document.getElementById(focus)) || document.getElementById("view-title");
    target?.focus();
    if (focus) dispatch({ type: "focused" });
  }, [view, focus, dispatch]);

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.shell}>
        {port && (
          <JobNav view={view} available={AVAILABLE_JOBS} inline={wide} open={navOpen} onOpenChange={setNavOpen} onGo={actions.go} />
        )}
        <main className={styles.root} aria-busy={busy}>
          <PaneHeader
            port={port}
            view={view}
            busy={busy}
            onOpenNav={wide ? undefined : () => setNavOpen(true)}
            onCloseFile={actions.closeFile}
            onSaveWorkbook={actions.saveWorkbook}
          />
          <Messages work={work} notice={state.notice} onDismiss={() => dispatch({ type: "notice", notice: null })} onBack={actions.go} />
          <UndoBar undo={state.undo} busy={busy} onUndo={actions.undo} onDismiss={actions.dismissUndo} />
          {port ? (
            <JobView state={state} actions={actions} busy={busy} report={report} consolidate={consolidate} />
          ) : officePort ? (
            !busy && (
              <div>
                <Button appearance="primary" icon={<ArrowClockwiseRegular />} onClick={() => void actions.connectOffice()}>
                  Đọc lại sổ làm việc
                </Button>
              </div>
            )
          ) : (
            <StartScreen busy={busy} onOpen={actions.openFile} />
          )}
          {port?.kind === "office" && excelSupport && <SupportNote report={excelSupport} />}
        </main>
      </div>
    </FluentProvider>
  );
}
