/**
 * The task pane: four steps over a workbook port (Excel through Office.js, or an .xlsx file
 * opened in the browser). All text is Vietnamese; Fluent UI v9 with its tokens throughout.
 */
import React, { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Field,
  Link,
  Subtitle1,
  tokens,
  webLightTheme,
  type AccordionToggleEventHandler,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, DismissRegular, FolderOpenRegular, SaveRegular } from "@fluentui/react-icons";
import { foldText } from "../core/text/numbers";
import type { ReportInfo } from "../core/model";
import { defaultKemTheo, defaultTitle } from "../core/layout";
import type { AppendixLayout } from "../core/layout";
import { analyse, analyseWorkbook, readWorkbookInfo, type Analysis } from "../app/analyse";
import { layoutAppendix } from "../app/appendix";
import { buildStatusRequest, statusColumnOf } from "../app/status-column";
import { valueAt } from "../core/sheet/grid";
import { cellText } from "../core/sheet/reader";
import { XLSX_MIME, type AppendixRenderers, type StatusColumnPlan, type StatusColumnRequest, type WorkbookPort } from "../app/port";
import { DEFAULT_SETTINGS, type PaneSettings } from "../app/settings";
import { useWork } from "./use-work";
import { StartScreen } from "./components/StartScreen";
import { TableStep } from "./components/TableStep";
import { CheckStep } from "./components/CheckStep";
import { StatusStep } from "./components/StatusStep";
import { AppendixStep } from "./components/AppendixStep";
import { ReportTextView } from "./components/ReportTextView";
import { ReconcileView } from "./components/ReconcileView";
import type { ReportIo } from "../app/report-text";
import { appendixOptions } from "../app/settings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: "0",
    maxWidth: "720px",
    margin: "0 auto",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  headerRow: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  source: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  stepNumber: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    width: "22px",
    height: "22px",
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  panel: { paddingBottom: tokens.spacingVerticalL },
  messages: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface AppProps {
  /** the Excel port when running inside Excel; null in a plain browser */
  officePort: WorkbookPort | null;
  /** standalone mode: open a picked .xlsx (or the template when no file is given) */
  openFile?: (file: File | null) => Promise<WorkbookPort>;
  /** the .xlsx and .docx renderers, loaded on first use (wired in index.tsx) */
  renderers: AppendixRenderers;
  /** the report's .docx writer and reader, loaded on first use (wired in index.tsx) */
  report?: ReportIo;
}

type Notice = { intent: "success" | "info" | "warning"; text: string } | null;
type StepId = "table" | "check" | "status" | "appendix" | "report" | "reconcile";

function mergeSettings(saved: Partial<PaneSettings> | null): PaneSettings {
  const s = { ...DEFAULT_SETTINGS, ...(saved ?? {}) };
  s.columns = { ...DEFAULT_SETTINGS.columns, ...(saved?.columns ?? {}) };
  return s;
}

function baseFileName(label: string): string {
  return label.replace(/\.xlsx$/i, "").replace(/[\\/:*?"<>|]+/g, " ").trim() || "bang-chi-tieu";
}

export function App({ officePort, openFile, renderers, report }: AppProps): JSX.Element {
  const styles = useStyles();
  const work = useWork();
  const [port, setPort] = useState<WorkbookPort | null>(null);
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState<string>("");
  const [info, setInfo] = useState<ReportInfo | undefined>(undefined);
  const [settings, setSettings] = useState<PaneSettings>(DEFAULT_SETTINGS);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [open, setOpen] = useState<StepId[]>(["table"]);
  const [plan, setPlan] = useState<{ req: StatusColumnRequest; plan: StatusColumnPlan } | null>(null);
  const [layout, setLayout] = useState<AppendixLayout | null>(null);
  const [appendixSheet, setAppendixSheet] = useState<string | null>(null);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  /** Read a sheet and analyse it with the current settings. */
  const load = useCallback(
    async (p: WorkbookPort, name: string, s: PaneSettings, reportInfo: ReportInfo | undefined): Promise<Analysis> => {
      const grid = await p.readSheet(name);
      return analyse(grid, { mapping: s.mappings?.[name], info: reportInfo, vocabulary: s.vocabulary, levels: s.levels, near: s.near });
    },
    [],
  );

  const readInfo = useCallback((p: WorkbookPort, names: string[]): Promise<ReportInfo | undefined> => readWorkbookInfo(p, names), []);

  /** Connect to a workbook: settings, sheets, and the first sheet with a table. */
  const connect = useCallback(
    async (p: WorkbookPort) => {
      const s = mergeSettings(await p.getSettings());
      const active = await p.activeSheet();
      const { analysis: found, info: reportInfo, sheets: names } = await analyseWorkbook(p, {
        preferred: [s.sheet, active],
        mappings: s.mappings,
        vocabulary: s.vocabulary,
        levels: s.levels,
        near: s.near,
      });
      setPort(p);
      setSettings(s);
      setSheets(names);
      setInfo(reportInfo);
      setAnalysis(found);
      setSheet(found?.sheet ?? active);
      setLayout(null);
      setAppendixSheet(null);
      setOpen(["table"]);
    },
    [],
  );

  useEffect(() => {
    if (officePort) void work.run("Đang đọc sổ làm việc…", "đọc sổ làm việc", () => connect(officePort));
  }, [officePort, connect]); // eslint-disable-line react-hooks/exhaustive-deps

  const persist = useCallback(
    async (next: PaneSettings) => {
      setSettings(next);
      if (port) await port.saveSettings(next);
    },
    [port],
  );

  const reanalyse = useCallback(
    async (name: string, s: PaneSettings) => {
      if (!port) return;
      const a = await load(port, name, s, info);
      setAnalysis(a);
      setSheet(name);
      setLayout(null);
    },
    [port, load, info],
  );

  // ---- actions -------------------------------------------------------------------------------

  const onOpenFile = (file: File | null) =>
    work.run(file ? "Đang mở tệp…" : "Đang tạo bảng mẫu…", file ? "mở tệp" : "tạo bảng mẫu", async () => {
      if (!openFile) return;
      const p = await openFile(file);
      await connect(p);
      setNotice(file ? { intent: "success", text: `Đã mở tệp “${p.label}”. Tệp gốc trên máy không bị thay đổi.` } : null);
    });

  const onChooseSheet = (name: string) =>
    work.run("Đang tìm bảng chỉ tiêu…", "đọc trang tính", async () => {
      const next = { ...settingsRef.current, sheet: name };
      await reanalyse(name, next);
      await persist(next);
      setNotice(null);
    });

  const onUseActive = () =>
    work.run("Đang đọc trang đang mở…", "đọc trang tính", async () => {
      if (!port) return;
      const names = await port.listSheets();
      setSheets(names);
      const active = await port.activeSheet();
      const next = { ...settingsRef.current, sheet: active };
      await reanalyse(active, next);
      await persist(next);
    });

  const onReload = () =>
    work.run("Đang đọc lại trang tính…", "đọc trang tính", async () => {
      if (!port) return;
      const names = await port.listSheets();
      setSheets(names);
      setInfo(await readInfo(port, names));
      await reanalyse(names.includes(sheet) ? sheet : names[0], settingsRef.current);
    });

  const onMapping = (role: string, letter: string | null) =>
    work.run("Đang đọc lại bảng theo cột đã chọn…", "đọc bảng", async () => {
      const current = analysis?.result.ok ? analysis.result.table.mapping : {};
      const mapping: Record<string, string> = { ...current, ...(settingsRef.current.mappings?.[sheet] ?? {}) };
      mapping[role] = letter ?? ""; // "": the table has no such column
      const next = { ...settingsRef.current, mappings: { ...(settingsRef.current.mappings ?? {}), [sheet]: mapping } };
      await reanalyse(sheet, next);
      await persist(next);
    });

  const onResetMapping = () =>
    work.run("Đang nhận lại các cột…", "đọc bảng", async () => {
      const mappings = { ...(settingsRef.current.mappings ?? {}) };
      delete mappings[sheet];
      const next = { ...settingsRef.current, mappings };
      await reanalyse(sheet, next);
      await persist(next);
    });

  const onTemplate = () =>
    work.run("Đang tạo bảng mẫu…", "tạo bảng mẫu", async () => {
      if (!port) return;
      const name = await port.insertTemplate(info);
      const names = await port.listSheets();
      setSheets(names);
      const reportInfo = await readInfo(port, names);
      setInfo(reportInfo);
      const next = { ...settingsRef.current, sheet: name };
      const a = await load(port, name, next, reportInfo);
      setAnalysis(a);
      setSheet(name);
      await persist(next);
      setNotice({ intent: "success", text: `Đã thêm trang “${name}” theo mẫu, kèm vài chỉ tiêu ví dụ. Sửa các dòng cho đúng Nghị quyết của đơn vị.` });
    });

  const onSelectCell = (target: { sheet: string; address: string }) =>
    work.run("Đang chọn ô…", "chọn ô", async () => {
      if (!port) return;
      await port.selectCell(target.sheet, target.address);
      if (port.kind === "file")
        setNotice({ intent: "info", text: `Ô ${target.address} (trang “${target.sheet}”) được đặt làm ô hiện hành: mở tệp đã lưu trong Excel, con trỏ sẽ ở ô này.` });
    });

  const onSettings = (patch: Partial<PaneSettings>) => {
    const next = { ...settingsRef.current, ...patch };
    const evaluationChanged = patch.vocabulary !== undefined || patch.levels !== undefined || patch.near !== undefined;
    setSettings(next);
    settingsRef.current = next;
    setLayout(null);
    if (evaluationChanged && port && sheet)
      void work.run("Đang tính lại…", "tính lại", async () => {
        await reanalyse(sheet, next);
        await port.saveSettings(next);
      });
  };

  const statusOptions = { vocabulary: settings.vocabulary, levels: settings.levels, near: settings.near };

  const onPlanStatus = () =>
    work.run("Đang đếm các ô sẽ thay đổi…", "tính trạng thái", async () => {
      if (!port || !analysis?.table) return;
      // read again: the sheet may have changed since it was analysed
      const fresh = await load(port, sheet, settingsRef.current, info);
      setAnalysis(fresh);
      if (!fresh.table) throw new Error("Không còn nhận ra bảng chỉ tiêu trên trang này.");
      const { column } = statusColumnOf(fresh.table);
      const header = cellText(valueAt(fresh.grid, `${column}${fresh.table.headerRow}`));
      const req = buildStatusRequest(fresh.table, statusOptions, header);
      const p = await port.planStatusColumn(req);
      if (p.changes === 0) {
        setNotice({ intent: "success", text: `Cột Đánh giá (cột ${req.column}) đã đúng: không có ô nào cần thay đổi.` });
        return;
      }
      setPlan({ req, plan: p });
    });

  const onConfirmStatus = () => {
    const current = plan;
    setPlan(null);
    if (!current) return;
    return work.run("Đang ghi cột Đánh giá…", "ghi cột Đánh giá", async () => {
      if (!port) return;
      const r = await port.writeStatusColumn(current.req);
      await port.saveSettings(settingsRef.current);
      await reanalyse(sheet, settingsRef.current);
      setNotice({
        intent: "success",
        text: `Đã ghi ${r.changed} ô ở cột ${current.req.column}${r.mode === "formulas" ? " bằng công thức NQ.DANHGIA" : ""}. Các cột khác giữ nguyên.`,
      });
    });
  };

  const makeLayout = useCallback((): AppendixLayout => {
    if (!analysis?.table) throw new Error("Chưa có bảng chỉ tiêu: chọn trang có bảng ở bước “Bảng chỉ tiêu”.");
    return layoutAppendix(analysis.table, info, appendixOptions(settingsRef.current));
  }, [analysis, info]);

  // the title and "Kèm theo" line the appendix gets when the fields are left empty
  const defaults = useMemo(() => {
    const i = info ?? analysis?.table?.info ?? {};
    return { title: defaultTitle(i), kemTheo: defaultKemTheo(i, settings.layout === "nha-nuoc" ? "state" : "party") };
  }, [analysis, info, settings.layout]);

  const onGenerate = () =>
    work.run("Đang tạo phụ lục…", "tạo phụ lục", async () => {
      if (!port) return;
      const l = makeLayout();
      const r = await port.writeAppendix(l, l.appendixLabel || "Phụ lục");
      await port.saveSettings(settingsRef.current);
      setLayout(l);
      setAppendixSheet(r.sheetName);
      setSheets(await port.listSheets());
      setNotice({ intent: "success", text: `Đã tạo trang “${r.sheetName}”. Có thể tải phụ lục về dạng .xlsx hoặc .docx.` });
    });

  // ASCII file names travel best: "phu-luc-1", "phu-luc-i"
  const fileStem = (l: AppendixLayout) => foldText(l.appendixLabel || "Phụ lục").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "phu-luc";

  const downloaded = (name: string) =>
    setNotice({
      intent: "success",
      text:
        port?.kind === "office"
          ? `Đã gửi tệp “${name}” để tải về. Nếu không thấy hộp lưu tệp (Excel cho máy tính có thể chặn tải về), dùng trang phụ lục vừa tạo hoặc mở phần bổ trợ trong Excel trên web.`
          : `Đã tải về tệp “${name}”.`,
    });

  /** Render the appendix to a file and hand it to the user; the renderers load on first use. */
  const downloadAppendix = (ext: "xlsx" | "docx") =>
    work.run(`Đang chuẩn bị tệp .${ext}…`, `tải tệp .${ext}`, async () => {
      if (!port) return;
      const l = layout ?? makeLayout();
      // the renderers (ExcelJS, docx) load on first use: a lighter first paint
      const renderer = await renderers[ext]();
      const bytes = await renderer.render(l);
      const name = `${fileStem(l)}.${ext}`;
      await port.download(name, bytes, renderer.mime);
      downloaded(name);
    });

  const onSaveWorkbook = () =>
    work.run("Đang chuẩn bị tệp đã sửa…", "lưu tệp", async () => {
      if (!port?.exportWorkbook) return;
      const bytes = await port.exportWorkbook();
      const name = `${baseFileName(port.label)} (đã sửa).xlsx`;
      await port.download(name, bytes, XLSX_MIME);
      downloaded(name);
    });

  const onRecheck = () =>
    work.run("Đang kiểm tra lại…", "kiểm tra", async () => {
      await reanalyse(sheet, settingsRef.current);
    });

  const onToggle: AccordionToggleEventHandler<StepId> = (_e, data) => {
    const items = data.openItems as StepId[];
    setOpen(items);
    // in Excel the sheet may have been edited since it was read: check it afresh
    if (items.includes("check") && !open.includes("check") && port?.kind === "office" && sheet) void onRecheck();
  };

  const busy = work.busy !== null;
  const step = (n: number) => (
    <span className={styles.stepNumber} aria-hidden="true">
      {n}
    </span>
  );

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root} aria-busy={busy}>
        <header className={styles.header}>
          <Subtitle1 as="h1">Chỉ tiêu Nghị quyết</Subtitle1>
          {port ? (
            <div className={styles.headerRow}>
              <Caption1 className={styles.source}>
                {port.kind === "office" ? "Đang làm việc trên sổ Excel đang mở" : `Tệp: ${port.label}`}
              </Caption1>
              {port.kind === "file" && (
                <>
                  <Button size="small" icon={<FolderOpenRegular />} disabled={busy} onClick={() => { setPort(null); setAnalysis(null); setNotice(null); }}>
                    Mở tệp khác
                  </Button>
                  <Button size="small" icon={<SaveRegular />} disabled={busy} onClick={onSaveWorkbook}>
                    Lưu tệp đã sửa
                  </Button>
                </>
              )}
            </div>
          ) : (
            <Caption1 className={styles.source}>Kiểm tra bảng chỉ tiêu, đánh giá Đạt / Chưa đạt và lập phụ lục đúng thể thức.</Caption1>
          )}
          <Link href="?view=tong-hop">Tổng hợp nhiều đơn vị</Link>
        </header>

        <div className={styles.messages} aria-live="polite">
          {work.busy && (
            <Field validationMessage={work.busy} validationState="none">
              <ProgressBar thickness="large" aria-label={work.busy} />
            </Field>
          )}
          {work.error && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{work.error.title}</MessageBarTitle>
                {work.error.detail} {work.error.action}
              </MessageBarBody>
              <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Đóng thông báo lỗi" icon={<DismissRegular />} onClick={work.clearError} />} />
            </MessageBar>
          )}
          {notice && !work.error && (
            <MessageBar intent={notice.intent} layout="multiline">
              <MessageBarBody>{notice.text}</MessageBarBody>
              <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Đóng thông báo" icon={<DismissRegular />} onClick={() => setNotice(null)} />} />
            </MessageBar>
          )}
        </div>

        {!port ? (
          officePort ? (
            !busy && (
              <div>
                <Button appearance="primary" icon={<ArrowClockwiseRegular />} onClick={() => void work.run("Đang đọc sổ làm việc…", "đọc sổ làm việc", () => connect(officePort))}>
                  Đọc lại sổ làm việc
                </Button>
              </div>
            )
          ) : (
            <StartScreen busy={busy} onOpen={onOpenFile} />
          )
        ) : (
          <Accordion openItems={open} onToggle={onToggle} collapsible>
            <AccordionItem value="table">
              <AccordionHeader icon={step(1)} size="large">Bảng chỉ tiêu</AccordionHeader>
              <AccordionPanel className={styles.panel}>
                <TableStep
                  busy={busy}
                  sheets={sheets}
                  sheet={sheet}
                  analysis={analysis}
                  overridden={!!settings.mappings?.[sheet]}
                  onChooseSheet={onChooseSheet}
                  onReload={onReload}
                  onUseActive={port.kind === "office" ? onUseActive : undefined}
                  onMapping={onMapping}
                  onResetMapping={onResetMapping}
                  onTemplate={onTemplate}
                  onNext={() => setOpen(["check"])}
                />
              </AccordionPanel>
            </AccordionItem>
            <AccordionItem value="check">
              <AccordionHeader icon={step(2)} size="large">Kiểm tra</AccordionHeader>
              <AccordionPanel className={styles.panel}>
                <CheckStep busy={busy} analysis={analysis} settings={settings} canSelect={port.kind === "office"} onSelectCell={onSelectCell} onRecheck={onRecheck} />
              </AccordionPanel>
            </AccordionItem>
            <AccordionItem value="status">
              <AccordionHeader icon={step(3)} size="large">Tính trạng thái</AccordionHeader>
              <AccordionPanel className={styles.panel}>
                <StatusStep
                  busy={busy}
                  analysis={analysis}
                  settings={settings}
                  formulas={port.formulasSupported()}
                  fileMode={port.kind === "file"}
                  plan={plan}
                  onSettings={onSettings}
                  onPlan={onPlanStatus}
                  onConfirm={onConfirmStatus}
                  onCancel={() => setPlan(null)}
                />
              </AccordionPanel>
            </AccordionItem>
            <AccordionItem value="appendix">
              <AccordionHeader icon={step(4)} size="large">Tạo phụ lục</AccordionHeader>
              <AccordionPanel className={styles.panel}>
                <AppendixStep
                  busy={busy}
                  analysis={analysis}
                  settings={settings}
                  defaults={defaults}
                  appendixSheet={appendixSheet}
                  onSettings={onSettings}
                  onGenerate={onGenerate}
                  onDownloadXlsx={() => downloadAppendix("xlsx")}
                  onDownloadDocx={() => downloadAppendix("docx")}
                />
              </AccordionPanel>
            </AccordionItem>
            {report && (
              <AccordionItem value="report">
                <AccordionHeader icon={step(5)} size="large">Viết đoạn văn</AccordionHeader>
                <AccordionPanel className={styles.panel}>
                  <ReportTextView
                    busy={busy}
                    analysis={analysis}
                    levels={settings.levels}
                    preset={settings.layout}
                    renderDocx={report.renderDocx}
                    onDownload={(name, bytes, mime) => port.download(name, bytes, mime).then(() => downloaded(name))}
                    onSelectCell={onSelectCell}
                  />
                </AccordionPanel>
              </AccordionItem>
            )}
            {report && (
              <AccordionItem value="reconcile">
                <AccordionHeader icon={step(6)} size="large">Đối chiếu báo cáo</AccordionHeader>
                <AccordionPanel className={styles.panel}>
                  <ReconcileView busy={busy} analysis={analysis} readDocx={report.readDocx} canSelect={port.kind === "office"} onSelectCell={onSelectCell} />
                </AccordionPanel>
              </AccordionItem>
            )}
          </Accordion>
        )}
      </main>
    </FluentProvider>
  );
}
