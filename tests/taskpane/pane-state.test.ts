/** The pane's one state object: what each action changes, and what it keeps. */
import { analyse } from "../../src/app/analyse";
import { sampleIndicatorGrid } from "../../src/core/sample";
import type { WorkbookPort } from "../../src/app/port";
import { DEFAULT_SETTINGS } from "../../src/app/settings";
import { INITIAL_STATE, mergeSettings, paneReducer, type PaneState } from "../../src/taskpane/pane-state";

const port = { kind: "file", label: "a.xlsx" } as unknown as WorkbookPort;
const analysis = analyse(sampleIndicatorGrid());
const plan = { req: { sheet: "Chỉ tiêu", column: "F", cells: [] }, plan: { changes: 2, mode: "values" as const } };

function connected(): PaneState {
  return paneReducer(INITIAL_STATE, { type: "connected", port, settings: DEFAULT_SETTINGS, sheets: ["Chỉ tiêu"], info: undefined, analysis, sheet: "Chỉ tiêu" });
}

describe("paneReducer", () => {
  test("connecting opens the start view and forgets the previous workbook's appendix and plan", () => {
    const before: PaneState = { ...INITIAL_STATE, view: "appendix", appendixSheet: "Phụ lục 1", plan };
    const s = paneReducer(before, { type: "connected", port, settings: DEFAULT_SETTINGS, sheets: ["Chỉ tiêu"], info: undefined, analysis, sheet: "Chỉ tiêu" });
    expect(s).toMatchObject({ port, view: "overview", appendixSheet: null, plan: null, sheet: "Chỉ tiêu" });
  });

  test("a new analysis drops the appendix layout made from the old one", () => {
    const layout = {} as PaneState["layout"];
    const s = paneReducer({ ...connected(), layout }, { type: "analysed", analysis, sheet: "Chỉ tiêu" });
    expect(s.layout).toBeNull();
  });

  test("leaving a view drops its pending plan; the focus target is kept for the deep link back", () => {
    const s = paneReducer({ ...connected(), view: "status", plan }, { type: "view", view: "check", focus: "finding-error-0" });
    expect(s).toMatchObject({ view: "check", plan: null, focus: "finding-error-0" });
    expect(paneReducer(s, { type: "focused" }).focus).toBeNull();
  });

  test("settings: saved values over the defaults, columns merged", () => {
    const s = mergeSettings({ layout: "nha-nuoc", columns: { baseline: true } as never });
    expect(s.layout).toBe("nha-nuoc");
    expect(s.columns).toEqual({ ...DEFAULT_SETTINGS.columns, baseline: true });
  });
});

describe("the last write's undo offer", () => {
  test("kept until dismissed, dropped with the workbook; the appendix sheet is forgotten once it is gone (taken back)", () => {
    const offer = { way: "pane" as const, label: "trang “Phụ lục 1”" };
    let s = paneReducer(INITIAL_STATE, { type: "undo", undo: offer });
    expect(s.undo).toEqual(offer);
    s = { ...s, appendixSheet: "Phụ lục 1" };
    expect(paneReducer(s, { type: "sheets", sheets: ["Chỉ tiêu", "Phụ lục 1"] }).appendixSheet).toBe("Phụ lục 1");
    expect(paneReducer(s, { type: "sheets", sheets: ["Chỉ tiêu"] }).appendixSheet).toBeNull();
    expect(paneReducer(s, { type: "undo", undo: null }).undo).toBeNull();
    expect(paneReducer(s, { type: "disconnected" }).undo).toBeNull();
  });
});
