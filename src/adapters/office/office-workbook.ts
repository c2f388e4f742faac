/**
 * The workbook port over Office.js. Reads a sheet in blocks under Excel's request limit, writes
 * 2-D arrays, few syncs; every call above ExcelApi 1.1 behind isSetSupported (docs/trien-khai.md).
 * `Excel` and the settings store are injected so the adapter can be tested with office-addin-mock.
 */
import { uniqueSheetName } from "../../core/sheet/sheet-names";
import type { Grid } from "../../core/sheet/grid";
import type { ReportInfo } from "../../core/model";
import type { AppendixLayout } from "../../core/layout";
import { writeAppendixSheet } from "./office-appendix";
import { addOutlookChartsSheet } from "./office-charts";
import type { Trajectory } from "../../core/outlook";
import { writeNewSheetsOffice } from "./office-new-sheets";
import { readSheetGrid } from "./office-read";
import { loadSettings, saveSettings, type SettingsStore } from "./office-settings";
import { downloadBytes, toBase64 } from "../file/download";
import { type NewSheet, type StatusColumnPlan, type StatusColumnRequest, type WorkbookPort } from "../../app/port";
import { type PaneSettings } from "../../app/settings";
import { AppError } from "../../app/errors";
import { contiguousRuns, diffStatus, planOf, rowSpan } from "../../app/status-column";

/** The part of the global `Excel` used here. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface OfficePortOptions {
  excel: ExcelHost;
  settings: SettingsStore;
  /** custom functions (NQ.*) calculate in this Excel */
  formulas: boolean;
  download?: (fileName: string, bytes: Uint8Array, mime: string) => Promise<void>;
  /** Office.context.requirements.isSetSupported; everything is assumed supported when absent */
  isSetSupported?: (name: string, version: string) => boolean;
}

export class OfficeWorkbookPort implements WorkbookPort {
  readonly kind = "office" as const;
  readonly label = "Excel";
  constructor(private readonly opts: OfficePortOptions) {}

  private supports(set: string, version: string): boolean {
    try {
      return this.opts.isSetSupported ? this.opts.isSetSupported(set, version) : true;
    } catch {
      return false;
    }
  }

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.opts.excel.run(batch);
  }

  private async sheetNames(context: Excel.RequestContext): Promise<string[]> {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/visibility");
    await context.sync();
    // hidden and very hidden sheets are not offered
    return sheets.items.filter((s) => s.visibility === undefined || s.visibility === "Visible").map((s) => s.name);
  }

  listSheets(): Promise<string[]> {
    return this.run((context) => this.sheetNames(context));
  }

  activeSheet(): Promise<string> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      await context.sync();
      return ws.name;
    });
  }

  readSheet(name: string): Promise<Grid> {
    return this.run((context) => readSheetGrid(context, name, { merges: this.supports("ExcelApi", "1.13") }));
  }

  formulasSupported(): boolean {
    return this.opts.formulas;
  }

  async insertTemplate(info?: ReportInfo): Promise<string> {
    if (!this.supports("ExcelApi", "1.13"))
      throw new AppError(
        "unsupported_excel",
        "Phiên bản Excel này chưa chèn được trang từ tệp mẫu (cần ExcelApi 1.13).",
        "Dùng Microsoft 365 hoặc Excel trên web; hoặc mở trang này trong trình duyệt, bấm “Thử với số liệu mẫu” rồi “Lưu tệp đã sửa” để có tệp mẫu.",
      );
    const existing = await this.listSheets();
    // ExcelJS loads only when the template is asked for
    const { buildTemplateWorkbook } = await import("../xlsx/template");
    const wb = buildTemplateWorkbook({ info });
    let first = "";
    wb.eachSheet((ws) => {
      const name = uniqueSheetName(ws.name, existing);
      existing.push(name);
      if (!first) first = name;
      ws.name = name;
    });
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    return this.run(async (context) => {
      context.workbook.insertWorksheetsFromBase64(toBase64(bytes), { positionType: "End" });
      context.workbook.worksheets.getItem(first).activate();
      await context.sync();
      return first;
    });
  }

  private mode(): StatusColumnPlan["mode"] {
    return this.opts.formulas ? "formulas" : "values";
  }

  /** Read the column's current formulas (one sync) and diff them with the request. */
  private async diff(context: Excel.RequestContext, req: StatusColumnRequest) {
    const span = rowSpan(req);
    if (!span) return [];
    const ws = context.workbook.worksheets.getItem(req.sheet);
    const range = ws.getRange(`${req.column}${span.first}:${req.column}${span.last}`);
    range.load("formulas");
    await context.sync();
    const formulas = range.formulas as unknown[][];
    return diffStatus(req, this.mode(), (row) => formulas[row - span.first]?.[0]);
  }

  planStatusColumn(req: StatusColumnRequest): Promise<StatusColumnPlan> {
    return this.run(async (context) => planOf(await this.diff(context, req), this.mode()));
  }

  writeStatusColumn(req: StatusColumnRequest): Promise<{ changed: number; mode: StatusColumnPlan["mode"] }> {
    return this.run(async (context) => {
      const changes = await this.diff(context, req);
      if (changes.length) {
        const ws = context.workbook.worksheets.getItem(req.sheet);
        for (const run of contiguousRuns(changes)) {
          const r = ws.getRange(`${req.column}${run[0].row}:${req.column}${run[run.length - 1].row}`);
          r.formulas = run.map((c) => [c.content]);
        }
        await context.sync();
      }
      return { changed: changes.length, mode: this.mode() };
    });
  }

  writeNewSheets(sheets: NewSheet[]): Promise<string[]> {
    return this.run((context) => writeNewSheetsOffice(context, sheets, (set, v) => this.supports(set, v)));
  }

  writeAppendix(layout: AppendixLayout, baseName: string): Promise<{ sheetName: string; notes: string[] }> {
    return this.run(async (context) => {
      const r = await writeAppendixSheet(context, layout, baseName, { isSetSupported: (name, version) => this.supports(name, version) });
      return { sheetName: r.sheetName, notes: r.notes };
    });
  }

  addOutlookCharts(charts: readonly Trajectory[]): Promise<{ sheetName: string; charts: number }> {
    return this.run((context) => addOutlookChartsSheet(context, charts, { isSetSupported: (n, v) => this.supports(n, v) }));
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  async getSettings(): Promise<Partial<PaneSettings> | null> {
    return loadSettings(this.opts.settings);
  }

  saveSettings(settings: PaneSettings): Promise<void> {
    return saveSettings(this.opts.settings, settings);
  }

  download(fileName: string, bytes: Uint8Array, mime: string): Promise<void> {
    return (this.opts.download ?? downloadBytes)(fileName, bytes, mime);
  }
}
