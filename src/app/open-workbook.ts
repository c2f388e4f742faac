/**
 * Opening a workbook in the pane: its saved settings, its sheets, the report information and the
 * first sheet holding an indicator table, analysed. One use case for every way in: Excel, a file read
 * on the page, a file read in the page's Web Worker (which hands the result over as plain data).
 * The steps' Vietnamese labels are here too, so the worker and the page say the same.
 */
import type { ReportInfo } from "../core/model";
import { formatViNumber } from "../core/text/numbers";
import { analyseWorkbook, type Analysis, type SheetSource } from "./analyse";
import { mergeSettings, type PaneSettings } from "./settings";
import type { WorkbookPort } from "./port";

/** What the pane keeps once a workbook is open (the "connected" state). */
export interface OpenedWorkbook {
  settings: PaneSettings;
  sheets: string[];
  info: ReportInfo | undefined;
  /** the sheet with a table, or the first one tried when none has one */
  analysis: Analysis | null;
  sheet: string;
}

export type OpenSource = SheetSource & Pick<WorkbookPort, "activeSheet" | "getSettings">;

/** Progress: a fraction 0..1 (null: unknown) and what is being done, in Vietnamese. */
export type OpenProgress = (fraction: number | null, label: string) => void;

const vi = (n: number) => formatViNumber(n, { decimals: 0 });

/** The steps of opening a file, as the pane says them, and how far along each one starts. */
export const OPEN_STEPS = {
  read: (file: string) => `Đang đọc tệp “${file}”…`,
  table: (rows: number) => `Đang nhận diện bảng chỉ tiêu (${vi(rows)} dòng)…`,
  evaluate: (indicators: number) => `Đang đánh giá ${vi(indicators)} chỉ tiêu…`,
  check: (indicators: number) => `Đang kiểm tra ${vi(indicators)} chỉ tiêu…`,
  show: () => "Đang hiển thị kết quả…",
};

/** Where each step starts in the whole (reading takes the part before `table`). */
export const OPEN_FRACTIONS = { read: 0, table: 0.45, evaluate: 0.55, check: 0.75, show: 0.95 };

/** Open `p`: settings, active sheet, then the table (the last sheet used, the active one, then the others). */
export async function openWorkbook(p: OpenSource, progress?: OpenProgress): Promise<OpenedWorkbook> {
  const settings = mergeSettings(await p.getSettings());
  const active = await p.activeSheet();
  const onStep = progress ? (step: "table" | "evaluate" | "check", rows: number) => progress(OPEN_FRACTIONS[step], OPEN_STEPS[step](rows)) : undefined;
  const found = await analyseWorkbook(p, {
    preferred: [settings.sheet, active],
    mappings: settings.mappings,
    vocabulary: settings.vocabulary,
    levels: settings.levels,
    near: settings.near,
    onStep,
  });
  return { settings, sheets: found.sheets, info: found.info, analysis: found.analysis, sheet: found.analysis?.sheet ?? active };
}
