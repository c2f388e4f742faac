/**
 * The task pane talks to the workbook through this interface, and only through it.
 * Two implementations: Office.js (src/adapters/office/port.ts) and an .xlsx file opened in the
 * browser (src/adapters/file/port.ts). Generated output always goes to a new sheet or file.
 */
import type { Grid } from "../core/sheet/grid";
import type { ReportInfo } from "../core/model";
import type { AppendixLayout } from "../core/layout";
import type { PaneSettings } from "./settings";
import type { SheetSource } from "./analyse";
import type { Trajectory } from "../core/outlook";

/** One cell of the Đánh giá column: the formula to use where custom functions work, and the value otherwise. */
export interface StatusCell {
  /** 1-based sheet row */
  row: number;
  /** "=NQ.DANHGIA(F5,M5)" (en-US separators, as Office.js `formulas` wants) */
  formula?: string;
  /** the label computed here ("Đạt"); written when formulas can't be used */
  value: string;
  /** why the engine gave this verdict (verdictReason), put beside it when the user asks for reasons */
  reason?: string;
}

/** Where the reasons go when the port cannot put them as cell notes: a "Lý do" column (reasons.ts chooses it). */
export interface ReasonColumn {
  /** column letter */
  column: string;
  /** the header row, which gets "Lý do" when its cell is empty */
  headerRow: number;
  /** the column beside the Đánh giá column held data, so it was passed over for `column` */
  passed?: { column: string; header: string };
}

/** What the reasons will do (plan) or did (write). */
export interface ReasonPlan {
  /** "notes": a note on each Đánh giá cell (ExcelApi 1.18); "column": the "Lý do" column */
  way: "notes" | "column";
  /** the column of the reasons (way "column") */
  column?: ReasonColumn;
  /** notes added or changed, or cells of the column that change (its header included) */
  changes: number;
  /** cells of the column holding other text now, which the write replaces (the user is told before) */
  replaced: number;
  /** Đánh giá cells that carry a note or a threaded comment of the user's: left as they are, no reason added there */
  keptNotes: number;
}

/** What to write into the Đánh giá column. Only this column is touched. */
export interface StatusColumnRequest {
  sheet: string;
  /** column letter */
  column: string;
  cells: StatusCell[];
  /** put each cell's reason beside it: as a note where the port can, else in this column */
  reasons?: ReasonColumn;
}

export interface StatusColumnPlan {
  /** how many cells will get a different content */
  changes: number;
  /** formulas (NQ.DANHGIA) or plain values */
  mode: "formulas" | "values";
  /** the first few changes, to show before confirming */
  preview?: StatusChange[];
  /** what the reasons will do, when the request asks for them */
  reasons?: ReasonPlan;
}

export interface StatusChange {
  row: number;
  /** what the cell holds now ("" when empty) */
  before: string;
  /** what it will hold */
  content: string;
}

/** What a write of the Đánh giá column did. */
export interface StatusColumnWrite {
  changed: number;
  mode: StatusColumnPlan["mode"];
  reasons?: ReasonPlan;
}

/** How many changes a plan shows before confirming. */
export const PREVIEW_CHANGES = 8;

/** A new sheet to add (the consolidation's results): rows from A1, styled plainly. */
export interface NewSheet {
  /** the wished name; "(2)", "(3)"… are added when a sheet has it */
  baseName: string;
  values: unknown[][];
  /** merged ranges "A1:B1" */
  merges?: string[];
  /** header rows at the top (bold, frozen) */
  headerRows?: number;
  /** 1-based rows shown bold (groups) */
  boldRows?: number[];
  /** column widths in characters */
  widths?: number[];
  /** 0-based columns kept as text ("1.1" must not become a number) */
  textColumns?: number[];
}

/** How the user can take back the add-in's last write into the workbook. */
export interface UndoOffer {
  /** "excel": one Ctrl+Z step in Excel (ExcelApi 1.20 groups the write); "pane": the pane's “Hoàn tác” puts it back */
  way: "excel" | "pane";
  /** what it takes back: "cột Đánh giá (cột F)", "trang “Phụ lục 1”" */
  label: string;
}

export interface WorkbookPort extends SheetSource {
  readonly kind: "office" | "file";
  /** what the user works on: "Excel" or the file name */
  readonly label: string;
  listSheets(): Promise<string[]>;
  activeSheet(): Promise<string>;
  /** the used range of a sheet, with merges, in one read */
  readSheet(name: string): Promise<Grid>;
  /** insert the template as new sheet(s); returns the indicator sheet's name */
  insertTemplate(info?: ReportInfo): Promise<string>;
  /** true when `=NQ.DANHGIA(...)` formulas will calculate here */
  formulasSupported(): boolean;
  /** count the cells of the Đánh giá column that would change */
  planStatusColumn(req: StatusColumnRequest): Promise<StatusColumnPlan>;
  /** write the Đánh giá column (and the reasons the request asks for); returns how many cells changed */
  writeStatusColumn(req: StatusColumnRequest): Promise<StatusColumnWrite>;
  /** true when reasons go as cell notes here (Excel with ExcelApi 1.18); absent or false: the "Lý do" column */
  reasonNotes?(): boolean;
  /** write the appendix into a new sheet, never overwriting ("Phụ lục 1 (2)") */
  /** `notes`: what this Excel could not set (page layout, widths...), in Vietnamese, also written under the table */
  /** `opts.reasons`: each computed verdict's reason as a note on its cell, where the port has cell notes */
  writeAppendix(layout: AppendixLayout, baseName: string, opts?: { reasons?: boolean }): Promise<{ sheetName: string; notes?: string[] }>;
  selectCell(sheet: string, address: string): Promise<void>;
  getSettings(): Promise<Partial<PaneSettings> | null>;
  saveSettings(settings: PaneSettings): Promise<void>;
  /** offer bytes to the user as a file */
  download(fileName: string, bytes: Uint8Array, mime: string): Promise<void>;
  /** add sheets after the others, never over existing ones; returns the names used, in order */
  writeNewSheets?(sheets: NewSheet[]): Promise<string[]>;
  /** the whole workbook with the changes made here (file mode only) */
  exportWorkbook?(): Promise<Uint8Array>;
  /** trajectory charts on a NEW sheet "Biểu đồ" (unique name), with the data they plot beside them */
  addOutlookCharts?(charts: readonly Trajectory[]): Promise<{ sheetName: string; charts: number }>;
  /** how the last write can be taken back; null before any write, or once it no longer can */
  lastWrite?(): UndoOffer | null;
  /** puts back what the last write changed (way "pane"); AppError "workbook_changed" when it was edited since; the message to show */
  undoLastWrite?(): Promise<string>;
  /** `listener` is called when the last write can no longer be taken back (the workbook changed under it); returns its remover */
  watchLastWrite?(listener: () => void): () => void;
}

/** Renders an appendix layout to a file (.xlsx with ExcelJS, .docx): injected, so the pane never imports a renderer. */
export interface AppendixRenderer {
  readonly extension: "xlsx" | "docx";
  readonly mime: string;
  render(layout: AppendixLayout): Promise<Uint8Array>;
}

export type AppendixRenderers = Record<AppendixRenderer["extension"], () => Promise<AppendixRenderer>>;

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
