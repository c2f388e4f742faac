/**
 * The workbook port over an .xlsx or .ods file opened in the browser (no Excel): the file is held
 * as an ExcelJS workbook (an .ods is read through its content.xml into the same grids as the CLI,
 * then held as a new workbook); every step works on it, and "Lưu tệp đã sửa" downloads it as .xlsx.
 * The user's file on disk is never touched. Settings go to a very hidden sheet of the workbook.
 * An old .xls, a password-protected file or a zip that holds no workbook gets the same Vietnamese
 * sentence as in the CLI (file-kind.ts).
 */
import { uniqueSheetName } from "../../core/sheet/sheet-names";
import ExcelJS from "exceljs";
import { partsInflateWithin, refusalOf, WorkbookFileError } from "../xlsx/admission";
import { READER_LIMITS } from "../xlsx/limits";
import type { Grid } from "../../core/sheet/grid";
import type { ReportInfo } from "../../core/model";
import type { AppendixLayout } from "../../core/layout";
import { worksheetGrid } from "../xlsx/exceljs-read";
import { buildTemplateWorkbook } from "../xlsx/template";
import { addAppendixSheet } from "../xlsx/appendix-xlsx";
import { downloadBytes } from "./download";
import { type NewSheet, type StatusColumnPlan, type StatusColumnRequest, type StatusColumnWrite, type WorkbookPort } from "../../app/port";
import { columnReasonPlan, REASON_COLUMN_CHARS, reasonColumnChanges } from "../../app/reasons";
import { writeNewSheetsToWorkbook } from "./file-new-sheets";
import { type PaneSettings } from "../../app/settings";
import { diffStatus, planOf } from "../../app/status-column";
import { admitChosenFile, readXlsxPackage, unreadable } from "./workbook-bytes";
import type { ZipPackage } from "../xlsx/zip-package";

import { parseSettingsCell, SETTINGS_SHEET } from "./settings-sheet";
export { SETTINGS_SHEET };

/** What a cell holds, as the user would type it: a formula with "=", text, a number. */
export function cellContent(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if (value instanceof Date) return value;
    if ("formula" in value && value.formula) return `=${value.formula}`;
    if ("sharedFormula" in value && value.sharedFormula) return `=${value.sharedFormula}`;
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return value.text;
    if ("error" in value) return value.error;
  }
  return value;
}

/** An ExcelJS workbook holding grids (values and merges), for an .ods opened in the browser. */
export function workbookFromGrids(grids: Grid[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(uniqueSheetName(g.sheet, wb.worksheets.map((w) => w.name)));
    g.values.forEach((row, r) => {
      if (!row.length) return;
      const xr = ws.getRow(r + 1);
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) xr.getCell(c + 1).value = v as ExcelJS.CellValue;
      });
    });
    for (const m of g.merges ?? []) {
      try {
        ws.mergeCells(m);
      } catch {
        /* overlapping merges: keep the first */
      }
    }
  }
  return wb;
}

export interface FilePortOptions {
  download?: (fileName: string, bytes: Uint8Array, mime: string) => Promise<void>;
}

export class FileWorkbookPort implements WorkbookPort {
  readonly kind = "file" as const;
  private grids: Map<string, Grid> | null = null;
  private active: string | null = null;

  private constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly label: string,
    private readonly opts: FilePortOptions = {},
  ) {}

  /**
   * Open an .xlsx or .ods picked by the user: admitted as everywhere (admission.ts), then an .xlsx
   * loaded by ExcelJS once every part has inflated within the limits (ExcelJS inflates without any).
   * Throws AppError with the CLI's sentence and action when the file can't be used.
   */
  static async open(fileName: string, data: ArrayBuffer | Uint8Array, opts?: FilePortOptions): Promise<FileWorkbookPort> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const admitted = await admitChosenFile(fileName, bytes);
    if (admitted.kind === "ods") return new FileWorkbookPort(workbookFromGrids(admitted.grids), fileName.replace(/\.ods$/i, ".xlsx"), opts);
    const wb = await loadWithinLimits(fileName, bytes, admitted.pkg);
    const port = new FileWorkbookPort(wb, fileName, opts);
    const views = (wb as unknown as { views?: Array<{ activeTab?: number }> }).views;
    const tab = views?.[0]?.activeTab;
    const visible = port.visibleSheets();
    if (typeof tab === "number" && wb.worksheets[tab] && visible.includes(wb.worksheets[tab].name)) port.active = wb.worksheets[tab].name;
    return port;
  }

  /** A new workbook holding only the template, for trying the add-in without a file. */
  static fromWorkbook(workbook: ExcelJS.Workbook, fileName: string, opts?: FilePortOptions): FileWorkbookPort {
    return new FileWorkbookPort(workbook, fileName, opts);
  }

  private visibleSheets(): string[] {
    return this.workbook.worksheets.filter((ws) => ws.state === "visible" || !ws.state).map((ws) => ws.name).filter((n) => n !== SETTINGS_SHEET);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new Error(`Không thấy trang "${name}" trong tệp.`);
    return ws;
  }

  private changed(): void {
    this.grids = null;
  }

  async listSheets(): Promise<string[]> {
    return this.visibleSheets();
  }

  async activeSheet(): Promise<string> {
    const names = this.visibleSheets();
    if (this.active && names.includes(this.active)) return this.active;
    if (!names.length) throw new Error("Tệp không có trang tính nào.");
    return names[0];
  }

  async readSheet(name: string): Promise<Grid> {
    const ws = this.sheet(name);
    if (!this.grids) this.grids = new Map();
    let g = this.grids.get(name);
    if (!g) {
      g = worksheetGrid(ws);
      this.grids.set(name, g);
    }
    return g;
  }

  formulasSupported(): boolean {
    return false; // no Excel here to calculate NQ.* functions
  }

  async insertTemplate(info?: ReportInfo): Promise<string> {
    const template = buildTemplateWorkbook({ info });
    let first = "";
    template.eachSheet((src) => {
      const name = uniqueSheetName(src.name, this.workbook.worksheets.map((w) => w.name));
      const copy = this.workbook.addWorksheet(name);
      const model = src.model as ExcelJS.WorksheetModel & { merges?: string[] };
      copy.model = Object.assign({}, model, { name, id: copy.id, mergeCells: model.merges }) as ExcelJS.WorksheetModel;
      if (!first) first = name;
    });
    this.active = first;
    this.changed();
    return first;
  }

  private current(req: StatusColumnRequest): (row: number) => unknown {
    const ws = this.sheet(req.sheet);
    return (row) => cellContent(ws.getCell(`${req.column}${row}`).value);
  }

  /** The "Lý do" column's changes, when the request asks for reasons (a file has no Excel notes: see reasonNotes). */
  private reasonChanges(req: StatusColumnRequest) {
    if (!req.reasons) return null;
    const changes = reasonColumnChanges(req, this.current({ ...req, column: req.reasons.column }));
    return { changes, plan: columnReasonPlan(req, changes) };
  }

  async planStatusColumn(req: StatusColumnRequest): Promise<StatusColumnPlan> {
    const plan = planOf(diffStatus(req, "values", this.current(req)), "values");
    const reasons = this.reasonChanges(req);
    return reasons ? { ...plan, reasons: reasons.plan } : plan;
  }

  /**
   * The reasons go to the "Lý do" column, not to cell notes: a note shows only while the pointer
   * rests on its cell, one at a time, and is not printed, while a column is read down the table at a
   * glance, printed, sorted and filtered with it, and opens the same in LibreOffice.
   */
  reasonNotes(): boolean {
    return false;
  }

  async writeStatusColumn(req: StatusColumnRequest): Promise<StatusColumnWrite> {
    const changes = diffStatus(req, "values", this.current(req));
    const reasons = this.reasonChanges(req);
    const ws = this.sheet(req.sheet);
    for (const c of changes) ws.getCell(`${req.column}${c.row}`).value = c.content;
    if (reasons?.changes.length) {
      const column = ws.getColumn(req.reasons!.column);
      // a new column gets a width to read the reasons in; one the user sized keeps its width
      const fresh = reasons.changes.every((c) => c.before === "");
      for (const c of reasons.changes) ws.getCell(`${req.reasons!.column}${c.row}`).value = c.content;
      if (fresh && (column.width ?? 0) < REASON_COLUMN_CHARS) column.width = REASON_COLUMN_CHARS;
    }
    if (changes.length || reasons?.changes.length) this.changed();
    return { changed: changes.length, mode: "values", ...(reasons ? { reasons: reasons.plan } : {}) };
  }

  async writeNewSheets(sheets: NewSheet[]): Promise<string[]> {
    return writeNewSheetsToWorkbook(this.workbook, sheets);
  }

  async writeAppendix(layout: AppendixLayout, baseName: string): Promise<{ sheetName: string }> {
    const name = uniqueSheetName(baseName, this.workbook.worksheets.map((w) => w.name));
    addAppendixSheet(this.workbook, layout, name);
    this.changed();
    return { sheetName: name };
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    const ws = this.sheet(sheet);
    this.active = sheet;
    const view = (ws.views?.[0] ?? {}) as Partial<ExcelJS.WorksheetView>;
    ws.views = [{ ...view, activeCell: address } as ExcelJS.WorksheetView];
    const index = this.workbook.worksheets.indexOf(ws);
    const wbViews = (this.workbook as unknown as { views?: Array<Record<string, unknown>> }).views;
    if (wbViews && wbViews.length) wbViews[0].activeTab = index;
  }

  async getSettings(): Promise<Partial<PaneSettings> | null> {
    const ws = this.workbook.getWorksheet(SETTINGS_SHEET);
    return parseSettingsCell(ws?.getCell("A1").value);
  }

  async saveSettings(settings: PaneSettings): Promise<void> {
    let ws = this.workbook.getWorksheet(SETTINGS_SHEET);
    if (!ws) ws = this.workbook.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
    ws.getCell("A1").value = JSON.stringify(settings);
  }

  download(fileName: string, bytes: Uint8Array, mime: string): Promise<void> {
    return (this.opts.download ?? downloadBytes)(fileName, bytes, mime);
  }

  async exportWorkbook(): Promise<Uint8Array> {
    return new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }
}

/**
 * An admitted .xlsx loaded by ExcelJS, once each of its parts has inflated within the limits. When
 * ExcelJS cannot read it, the fast reader's reason (what the CLI says for the same file).
 */
async function loadWithinLimits(fileName: string, bytes: Uint8Array, pkg: ZipPackage): Promise<ExcelJS.Workbook> {
  try {
    await partsInflateWithin(pkg, READER_LIMITS.maxTotalBytes);
  } catch (e) {
    throw unreadable(refusalOf(fileName, e));
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes);
    return wb;
  } catch (e) {
    const why = await readXlsxPackage(fileName, pkg.fresh()).then(
      () => undefined,
      (x: unknown) => x,
    );
    throw unreadable(why instanceof WorkbookFileError ? why : refusalOf(fileName, e, why));
  }
}
