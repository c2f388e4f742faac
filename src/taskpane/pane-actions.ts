/**
 * What the pane's buttons do: each action runs as long work (useWork), reads the latest state with
 * `get()`, and changes it only through `dispatch`. Work that only reads or builds is cancellable and
 * checks `done(signal)` before it changes anything; writes happen last.
 */
import { foldText } from "../core/text/fold";
import type { ReportInfo } from "../core/model";
import type { AppendixLayout } from "../core/layout";
import { valueAt } from "../core/sheet/grid";
import { cellText } from "../core/sheet/reader";
import { analyse, readWorkbookInfo, type Analysis } from "../app/analyse";
import { openWorkbook, type OpenedWorkbook } from "../app/open-workbook";
import { layoutAppendix } from "../app/appendix";
import { computeOutlook, outlookColumn } from "../app/outlook";
import { buildStatusRequest, statusColumnOf } from "../app/status-column";
import { withReasons } from "../app/reasons";
import { XLSX_MIME, type AppendixRenderers, type StatusColumnWrite, type WorkbookPort } from "../app/port";
import { appendixOptions, type PaneSettings } from "../app/settings";
import { AppError } from "../app/errors";
import { done, type Progress, type Work } from "./use-work";
import type { Dispatch, PaneState } from "./pane-state";
import type { ViewId } from "./jobs";

export interface ActionDeps {
  get(): PaneState;
  dispatch: Dispatch;
  run: Work["run"];
  officePort: WorkbookPort | null;
  openFile?: OpenFile;
  renderers: AppendixRenderers;
}

/**
 * Standalone mode: open a picked file (or the template when none is given). It may open the workbook
 * itself, off the page's main thread, telling its steps through `progress` (index.tsx wires it).
 */
export type OpenFile = (file: File | null, progress: Progress, signal: AbortSignal) => Promise<WorkbookPort | { port: WorkbookPort; opened?: OpenedWorkbook }>;

export type CellTarget = { sheet: string; address: string };

/** What the pane says after writing the Đánh giá column (and the reasons). */
function statusWritten(column: string, r: StatusColumnWrite): string {
  const cells = `Đã ghi ${r.changed} ô ở cột ${column}${r.mode === "formulas" ? " bằng công thức NQ.DANHGIA" : ""}`;
  const p = r.reasons;
  if (!p) return `${cells}. Các cột khác giữ nguyên.`;
  const reasons = p.way === "notes" ? `${p.changes} ghi chú lý do trên ô` : `${p.changes} ô ở cột Lý do (cột ${p.column!.column})`;
  return `${cells} và ${reasons}. Các cột khác giữ nguyên.`;
}

function baseFileName(label: string): string {
  return label.replace(/\.xlsx$/i, "").replace(/[\\/:*?"<>|]+/g, " ").trim() || "bang-chi-tieu";
}

/** ASCII file names travel best: "phu-luc-1", "phu-luc-i" */
function fileStem(l: AppendixLayout): string {
  return foldText(l.appendixLabel || "Phụ lục").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "phu-luc";
}

async function load(p: WorkbookPort, name: string, s: PaneSettings, info: ReportInfo | undefined): Promise<Analysis> {
  const grid = await p.readSheet(name);
  return analyse(grid, { mapping: s.mappings?.[name], info, vocabulary: s.vocabulary, levels: s.levels, near: s.near });
}

/** What every group of actions shares: the state, the work runner, and a few steps they all take. */
function paneContext({ get, dispatch, run, officePort, openFile, renderers }: ActionDeps) {
  const notice = (intent: "success" | "info" | "warning", text: string) => dispatch({ type: "notice", notice: { intent, text } });

  /** Connect to a workbook: settings, sheets, and the first sheet with a table. */
  const connect = async (p: WorkbookPort, signal: AbortSignal, opened?: OpenedWorkbook) => {
    const o = opened ?? (await openWorkbook(p));
    done(signal);
    dispatch({ type: "connected", port: p, ...o });
  };

  /** Read `name` again with settings `s`, then keep both (settings saved in the workbook). */
  const reanalyse = async (signal: AbortSignal, name: string, s: PaneSettings, save = true) => {
    const { port, info } = get();
    if (!port) return;
    const a = await load(port, name, s, info);
    done(signal);
    dispatch({ type: "settings", settings: s, dropLayout: true });
    dispatch({ type: "analysed", analysis: a, sheet: name });
    if (save) await port.saveSettings(s);
  };

  const downloaded = (name: string) =>
    notice(
      "success",
      get().port?.kind === "office"
        ? `Đã gửi tệp “${name}” để tải về. Nếu không thấy hộp lưu tệp (Excel cho máy tính có thể chặn tải về), dùng trang phụ lục vừa tạo hoặc mở phần bổ trợ trong Excel trên web.`
        : `Đã tải về tệp “${name}”.`,
    );

  const makeLayout = (): AppendixLayout => {
    const { analysis, info, settings, outlook } = get();
    if (!analysis?.table) throw new AppError("no_table", "Chưa có bảng chỉ tiêu: chọn trang có bảng ở việc “Bảng chỉ tiêu”.");
    // the column "Khả năng đạt đến cuối nhiệm kỳ" when it was switched on in "Triển vọng"
    const o = outlook.column ? computeOutlook({ table: analysis.table, info }, outlook.context) : null;
    return layoutAppendix(analysis.table, info, { ...appendixOptions(settings), ...(o ? { outlook: outlookColumn(o) } : {}) });
  };

  const recheck = () => run("Đang kiểm tra lại…", "kiểm tra", (signal) => reanalyse(signal, get().sheet, get().settings, false), { cancellable: true });

  return { get, dispatch, run, officePort, openFile, renderers, notice, connect, reanalyse, downloaded, makeLayout, recheck };
}

type PaneContext = ReturnType<typeof paneContext>;

/** Opening and closing a workbook, moving between jobs. */
function sessionActions({ get, dispatch, run, officePort, openFile, connect, recheck }: PaneContext) {
  return {
    connectOffice: () => officePort && run("Đang đọc sổ làm việc…", "đọc sổ làm việc", (signal) => connect(officePort, signal), { cancellable: true }),

    openFile: (file: File | null) =>
      run(
        file ? "Đang mở tệp…" : "Đang tạo bảng mẫu…",
        file ? "mở tệp" : "tạo bảng mẫu",
        async (signal, progress) => {
          if (!openFile) return;
          const r = await openFile(file, progress, signal);
          const { port: p, opened } = "port" in r ? r : { port: r, opened: undefined };
          done(signal);
          if (!opened) progress(null, "Đang tìm bảng chỉ tiêu…");
          await connect(p, signal, opened);
          dispatch({ type: "notice", notice: file ? { intent: "success", text: `Đã mở tệp “${p.label}”. Tệp gốc trên máy không bị thay đổi.` } : null });
        },
        { cancellable: true },
      ),

    closeFile: () => dispatch({ type: "disconnected" }),

    go: (view: ViewId, focus?: string) => {
      dispatch({ type: "view", view, focus });
      // in Excel the sheet may have been edited since it was read: check it afresh
      const { port, sheet } = get();
      if (view === "check" && !focus && port?.kind === "office" && sheet) void recheck();
    },

    recheck,

    outlook: (patch: Partial<PaneState["outlook"]>) => dispatch({ type: "outlook", patch }),
  };
}

/** Which sheet, which columns, which settings: each change reads the table again. */
function tableActions({ get, dispatch, run, reanalyse }: PaneContext) {
  return {
    chooseSheet: (name: string) =>
      run("Đang tìm bảng chỉ tiêu…", "đọc trang tính", async (signal) => {
        await reanalyse(signal, name, { ...get().settings, sheet: name });
        dispatch({ type: "notice", notice: null });
      }),

    useActive: () =>
      run("Đang đọc trang đang mở…", "đọc trang tính", async (signal) => {
        const { port } = get();
        if (!port) return;
        const names = await port.listSheets();
        const active = await port.activeSheet();
        done(signal);
        dispatch({ type: "sheets", sheets: names });
        await reanalyse(signal, active, { ...get().settings, sheet: active });
      }),

    reload: () =>
      run(
        "Đang đọc lại trang tính…",
        "đọc trang tính",
        async (signal) => {
          const { port, sheet } = get();
          if (!port) return;
          const names = await port.listSheets();
          const info = await readWorkbookInfo(port, names);
          done(signal);
          dispatch({ type: "sheets", sheets: names, info });
          await reanalyse(signal, names.includes(sheet) ? sheet : names[0], get().settings, false);
        },
        { cancellable: true },
      ),

    mapping: (role: string, letter: string | null) =>
      run("Đang đọc lại bảng theo cột đã chọn…", "đọc bảng", async (signal) => {
        const { analysis, settings, sheet } = get();
        const current = analysis?.result.ok ? analysis.result.table.mapping : {};
        const mapping: Record<string, string> = { ...current, ...(settings.mappings?.[sheet] ?? {}) };
        mapping[role] = letter ?? ""; // "": the table has no such column
        await reanalyse(signal, sheet, { ...settings, mappings: { ...(settings.mappings ?? {}), [sheet]: mapping } });
      }),

    resetMapping: () =>
      run("Đang nhận lại các cột…", "đọc bảng", async (signal) => {
        const { settings, sheet } = get();
        const mappings = { ...(settings.mappings ?? {}) };
        delete mappings[sheet];
        await reanalyse(signal, sheet, { ...settings, mappings });
      }),

    settings: (patch: Partial<PaneSettings>) => {
      const next = { ...get().settings, ...patch };
      dispatch({ type: "settings", settings: next, dropLayout: true });
      const evaluationChanged = patch.vocabulary !== undefined || patch.levels !== undefined || patch.near !== undefined;
      const { port, sheet } = get();
      if (evaluationChanged && port && sheet) void run("Đang tính lại…", "tính lại", (signal) => reanalyse(signal, sheet, next));
    },

  };
}

/** Cells in the workbook: select one, add the template sheets. */
function cellActions({ get, dispatch, run, reanalyse, notice }: PaneContext) {
  return {
    template: () =>
      run("Đang tạo bảng mẫu…", "tạo bảng mẫu", async (signal) => {
        const { port, info } = get();
        if (!port) return;
        const name = await port.insertTemplate(info);
        dispatch({ type: "undo", undo: port.lastWrite?.() ?? null });
        const names = await port.listSheets();
        const reportInfo = await readWorkbookInfo(port, names);
        dispatch({ type: "sheets", sheets: names, info: reportInfo });
        await reanalyse(signal, name, { ...get().settings, sheet: name });
        notice("success", `Đã thêm trang “${name}” theo mẫu, kèm vài chỉ tiêu ví dụ. Sửa các dòng cho đúng Nghị quyết của đơn vị.`);
      }),

    /** Select a cell in the workbook; `from` is where "back" returns to (the finding's element id). */
    selectCell: (target: CellTarget, from?: { view: ViewId; focus?: string; label?: string }) =>
      run("Đang chọn ô…", "chọn ô", async () => {
        const { port } = get();
        if (!port) return;
        await port.selectCell(target.sheet, target.address);
        const back = from ? { label: from.label ?? "Quay lại", view: from.view, focus: from.focus } : undefined;
        const text =
          port.kind === "file"
            ? `Ô ${target.address} (trang “${target.sheet}”) được đặt làm ô hiện hành: mở tệp đã lưu trong Excel, con trỏ sẽ ở ô này.`
            : `Đã chọn ô ${target.address} (trang “${target.sheet}”) trong Excel.`;
        dispatch({ type: "notice", notice: { intent: "info", text, back } });
      }),

  };
}

/** The writes into the workbook: the Đánh giá column, the appendix sheet, the charts. */
function writeActions({ get, dispatch, run, reanalyse, notice, makeLayout }: PaneContext) {
  return {
    planStatus: () =>
      run(
        "Đang đếm các ô sẽ thay đổi…",
        "tính trạng thái",
        async (signal) => {
          const { port, analysis, sheet, settings, info } = get();
          if (!port || !analysis?.table) return;
          // read again: the sheet may have changed since it was analysed
          const fresh = await load(port, sheet, settings, info);
          done(signal);
          dispatch({ type: "analysed", analysis: fresh, sheet });
          if (!fresh.table) throw new AppError("no_table", "Không còn nhận ra bảng chỉ tiêu trên trang này.");
          const { column } = statusColumnOf(fresh.table);
          const header = cellText(valueAt(fresh.grid, `${column}${fresh.table.headerRow}`));
          const status = buildStatusRequest(fresh.table, { vocabulary: settings.vocabulary, levels: settings.levels, near: settings.near }, header);
          const req = settings.reasons ? withReasons(status, fresh.table, fresh.grid) : status;
          const plan = await port.planStatusColumn(req);
          done(signal);
          if (plan.reasons?.changes) dispatch({ type: "plan", plan: { req, plan } });
          else if (plan.changes === 0) notice("success", `Cột Đánh giá (cột ${req.column}) đã đúng: không có ô nào cần thay đổi.`);
          else dispatch({ type: "plan", plan: { req, plan } });
        },
        { cancellable: true },
      ),

    /** Trajectory charts on a new sheet (Excel); the sheet's name */
    addOutlookCharts: async (charts: Parameters<NonNullable<WorkbookPort["addOutlookCharts"]>>[0]): Promise<string> => {
      const { port } = get();
      if (!port?.addOutlookCharts) throw new AppError("unsupported_excel", "Sổ này chưa vẽ được biểu đồ.");
      const r = await port.addOutlookCharts(charts);
      dispatch({ type: "undo", undo: port.lastWrite?.() ?? null });
      return r.sheetName;
    },

    cancelStatus: () => dispatch({ type: "plan", plan: null }),

    confirmStatus: () => {
      const current = get().plan;
      dispatch({ type: "plan", plan: null });
      if (!current) return;
      return run("Đang ghi cột Đánh giá…", "ghi cột Đánh giá", async (signal) => {
        const { port, settings, sheet } = get();
        if (!port) return;
        const r = await port.writeStatusColumn(current.req);
        dispatch({ type: "undo", undo: port.lastWrite?.() ?? null });
        await reanalyse(signal, sheet, settings);
        notice("success", statusWritten(current.req.column, r));
      });
    },

    generate: () =>
      run("Đang tạo phụ lục…", "tạo phụ lục", async () => {
        const { port, settings } = get();
        if (!port) return;
        const l = makeLayout();
        const r = await port.writeAppendix(l, l.appendixLabel || "Phụ lục", { reasons: settings.reasons });
        dispatch({ type: "undo", undo: port.lastWrite?.() ?? null });
        await port.saveSettings(settings);
        dispatch({ type: "appendix", layout: l, sheet: r.sheetName, sheets: await port.listSheets() });
        notice("success", `Đã tạo trang “${r.sheetName}”. Có thể tải phụ lục về dạng .xlsx hoặc .docx.`);
      }),

  };
}

/** Files handed to the user: what a view built, the appendix as .xlsx/.docx, the edited workbook. */
function downloadActions({ get, run, renderers, downloaded, makeLayout }: PaneContext) {
  return {
    /** Hand bytes built by a view to the user, and say so */
    download: async (name: string, bytes: Uint8Array, mime: string) => {
      const { port } = get();
      if (!port) return;
      await port.download(name, bytes, mime);
      downloaded(name);
    },

    /** Render the appendix to a file and hand it to the user; the renderers load on first use. */
    downloadAppendix: (ext: "xlsx" | "docx") =>
      run(
        `Đang chuẩn bị tệp .${ext}…`,
        `tải tệp .${ext}`,
        async (signal, progress) => {
          const { port, layout } = get();
          if (!port) return;
          const l = layout ?? makeLayout();
          const renderer = await renderers[ext]();
          done(signal);
          progress(null, `Đang dựng tệp .${ext}…`);
          const bytes = await renderer.render(l);
          done(signal);
          const name = `${fileStem(l)}.${ext}`;
          await port.download(name, bytes, renderer.mime);
          downloaded(name);
        },
        { cancellable: true },
      ),

    saveWorkbook: () =>
      run(
        "Đang chuẩn bị tệp đã sửa…",
        "lưu tệp",
        async (signal) => {
          const { port } = get();
          if (!port?.exportWorkbook) return;
          const bytes = await port.exportWorkbook();
          done(signal);
          const name = `${baseFileName(port.label)} (đã sửa).xlsx`;
          await port.download(name, bytes, XLSX_MIME);
          downloaded(name);
        },
        { cancellable: true },
      ),
  };
}

/** Taking back the last write: Ctrl+Z where Excel groups it, else the pane's “Hoàn tác”. */
function undoActions({ get, dispatch, run, reanalyse, notice }: PaneContext) {
  return {
    /** a view wrote into the workbook itself (the consolidation): show how to take it back */
    written: () => dispatch({ type: "undo", undo: get().port?.lastWrite?.() ?? null }),

    /** the workbook changed under the last write: it can no longer be taken back from here */
    undoStale: () => {
      if (!get().undo) return;
      dispatch({ type: "undo", undo: null });
      notice("info", "Sổ tính vừa được sửa sau lần ghi của ngăn tác vụ, nên nút “Hoàn tác” không còn: dùng Ctrl+Z trong Excel nếu cần.");
    },

    dismissUndo: () => dispatch({ type: "undo", undo: null }),

    undo: () =>
      run("Đang hoàn tác…", "hoàn tác", async (signal) => {
        const { port, sheet, settings } = get();
        if (!port?.undoLastWrite) return;
        try {
          const message = await port.undoLastWrite();
          notice("success", message);
        } finally {
          dispatch({ type: "undo", undo: port.lastWrite?.() ?? null });
        }
        const names = await port.listSheets();
        dispatch({ type: "sheets", sheets: names });
        await reanalyse(signal, names.includes(sheet) ? sheet : names[0], settings, false);
      }),
  };
}

export function createPaneActions(deps: ActionDeps) {
  const ctx = paneContext(deps);
  return { ...sessionActions(ctx), ...tableActions(ctx), ...cellActions(ctx), ...writeActions(ctx), ...downloadActions(ctx), ...undoActions(ctx) };
}

export type PaneActions = ReturnType<typeof createPaneActions>;
