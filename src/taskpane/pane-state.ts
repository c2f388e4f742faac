/**
 * The pane's state as one object, changed only through `paneReducer`. `usePaneState` keeps the
 * latest state in a ref as well, so async actions (which outlive a render) read the current
 * settings and sheet rather than the ones of the render that started them.
 */
import { useCallback, useRef, useState } from "react";
import type { ReportInfo } from "../core/model";
import type { AppendixLayout } from "../core/layout";
import type { Analysis } from "../app/analyse";
import type { StatusColumnPlan, StatusColumnRequest, UndoOffer, WorkbookPort } from "../app/port";
import { DEFAULT_SETTINGS, type PaneSettings } from "../app/settings";
import type { OutlookOptions } from "../app/outlook";
import type { ViewId } from "./jobs";

export interface Notice {
  intent: "success" | "info" | "warning";
  text: string;
  /** a way back, e.g. from a selected cell to the finding that pointed at it */
  back?: { label: string; view: ViewId; focus?: string };
}

export interface StatusPlan {
  req: StatusColumnRequest;
  plan: StatusColumnPlan;
}

export interface PaneState {
  port: WorkbookPort | null;
  sheets: string[];
  sheet: string;
  info: ReportInfo | undefined;
  settings: PaneSettings;
  analysis: Analysis | null;
  notice: Notice | null;
  /** the Đánh giá column changes waiting for confirmation */
  plan: StatusPlan | null;
  /** the appendix last made (reused by the downloads) */
  layout: AppendixLayout | null;
  appendixSheet: string | null;
  /** the outlook's term and report year as typed, and whether the appendix gets its column */
  outlook: { context: Pick<OutlookOptions, "termStart" | "termEnd" | "reportYear">; column: boolean };
  view: ViewId;
  /** id of the element to focus once the view has rendered (deep links back) */
  focus: string | null;
  /** how the last write into the workbook can be taken back (Ctrl+Z, or the pane's “Hoàn tác”) */
  undo: UndoOffer | null;
}

export const INITIAL_STATE: PaneState = {
  port: null,
  sheets: [],
  sheet: "",
  info: undefined,
  settings: DEFAULT_SETTINGS,
  analysis: null,
  notice: null,
  plan: null,
  layout: null,
  appendixSheet: null,
  outlook: { context: {}, column: false },
  view: "overview",
  focus: null,
  undo: null,
};

export type PaneAction =
  | { type: "connected"; port: WorkbookPort; settings: PaneSettings; sheets: string[]; info: ReportInfo | undefined; analysis: Analysis | null; sheet: string }
  | { type: "disconnected" }
  | { type: "analysed"; analysis: Analysis; sheet: string }
  | { type: "sheets"; sheets: string[]; info?: ReportInfo }
  | { type: "settings"; settings: PaneSettings; /** the appendix made with the old settings no longer holds */ dropLayout?: boolean }
  | { type: "notice"; notice: Notice | null }
  | { type: "plan"; plan: StatusPlan | null }
  | { type: "appendix"; layout: AppendixLayout; sheet: string; sheets: string[] }
  | { type: "outlook"; patch: Partial<PaneState["outlook"]> }
  | { type: "view"; view: ViewId; focus?: string | null }
  | { type: "focused" }
  | { type: "undo"; undo: UndoOffer | null };

export function paneReducer(s: PaneState, a: PaneAction): PaneState {
  switch (a.type) {
    case "connected":
      return {
        ...INITIAL_STATE,
        port: a.port,
        settings: a.settings,
        sheets: a.sheets,
        info: a.info,
        analysis: a.analysis,
        sheet: a.sheet,
        notice: s.notice,
      };
    case "disconnected":
      return { ...INITIAL_STATE };
    case "analysed":
      return { ...s, analysis: a.analysis, sheet: a.sheet, layout: null };
    case "sheets":
      return { ...s, sheets: a.sheets, info: "info" in a ? a.info : s.info, appendixSheet: s.appendixSheet && a.sheets.includes(s.appendixSheet) ? s.appendixSheet : null };
    case "settings":
      return { ...s, settings: a.settings, layout: a.dropLayout ? null : s.layout };
    case "notice":
      return { ...s, notice: a.notice };
    case "plan":
      return { ...s, plan: a.plan };
    case "appendix":
      return { ...s, layout: a.layout, appendixSheet: a.sheet, sheets: a.sheets };
    case "outlook":
      return { ...s, outlook: { ...s.outlook, ...a.patch }, layout: null };
    case "view":
      return { ...s, view: a.view, focus: a.focus ?? null, plan: a.view === s.view ? s.plan : null };
    case "focused":
      return { ...s, focus: null };
    case "undo":
      return { ...s, undo: a.undo };
  }
}

export type Dispatch = (a: PaneAction) => void;

/** One state object and a dispatch; `get()` returns the latest state, also inside async work. */
export function usePaneState(initial: PaneState = INITIAL_STATE): { state: PaneState; dispatch: Dispatch; get: () => PaneState } {
  const ref = useRef(initial);
  const [state, setState] = useState(initial);
  const dispatch = useCallback<Dispatch>((a) => {
    ref.current = paneReducer(ref.current, a);
    setState(ref.current);
  }, []);
  const get = useCallback(() => ref.current, []);
  return { state, dispatch, get };
}

/** Saved settings over the defaults (in app/settings.ts, shared with the file worker). */
export { mergeSettings } from "../app/settings";
