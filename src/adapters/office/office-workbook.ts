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
import { type NewSheet, type StatusColumnPlan, type StatusColumnRequest, type StatusColumnWrite, type WorkbookPort } from "../../app/port";
import { type PaneSettings } from "../../app/settings";
import { AppError } from "../../app/errors";
import { contiguousRuns, diffStatus, planOf, rowSpan } from "../../app/status-column";
import { changedSince, restore, sheetFingerprint, UNDO_API, type UndoRecord } from "./office-undo";
import type { UndoOffer } from "../../app/port";
import { queueReasonReads, REASONS_API } from "./office-reasons";

/** What the pane's “Hoàn tác” names for a write of the Đánh giá column; null when it changed nothing. */
function statusWriteLabel(req: StatusColumnRequest, r: StatusColumnWrite): string | null {
  const reasons = r.reasons?.changes ? (r.reasons.way === "notes" ? `${r.reasons.changes} ghi chú lý do` : `cột Lý do (cột ${r.reasons.column!.column})`) : "";
  if (!r.changed) return reasons || null;
  const column = `cột Đánh giá (cột ${req.column}, ${r.changed} ô)`;
  return reasons ? `${column} và ${reasons}` : column;
}

/** The part of the global `Excel` used here: `Excel.run`, with options (mergeUndoGroup, ExcelApi 1.20) or without. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
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
  /** what the last write changed (pane undo), and how it is offered */
  private record: UndoRecord | null = null;
  private offer: UndoOffer | null = null;
  private readonly staleListeners = new Set<() => void>();
  private watchers: Array<{ remove(): void; context: { sync(): Promise<unknown> } }> = [];
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

  /**
   * One write of the add-in. With ExcelApi 1.20 it runs as one undo group (one Ctrl+Z); elsewhere
   * `batch` fills an undo record (what it overwrote and left) for the pane's “Hoàn tác”. `label`
   * names what was written once it is known; a write that changed nothing offers nothing.
   */
  private async write<T>(batch: (context: Excel.RequestContext, record: UndoRecord | null) => Promise<T>, label: (result: T) => string | null, grouped = true): Promise<T> {
    await this.forget();
    const merge = grouped && this.supports("ExcelApi", UNDO_API.mergeUndoGroup);
    const record: UndoRecord | null = merge ? null : { label: "", cells: [], notes: [], sheets: [], widths: [] };
    const result = merge ? await this.opts.excel.run({ mergeUndoGroup: true }, (c) => batch(c, null)) : await this.run((c) => batch(c, record));
    const what = label(result);
    if (!what) return result;
    this.offer = { way: merge ? "excel" : "pane", label: what };
    if (record) {
      record.label = what;
      this.record = record;
      await this.watch(record);
    }
    return result;
  }

  /** Drops the last write's record and its change watchers. */
  private async forget(): Promise<void> {
    this.record = null;
    this.offer = null;
    const watchers = this.watchers;
    this.watchers = [];
    for (const w of watchers) {
      try {
        w.remove();
        await w.context.sync();
      } catch {
        /* the sheet may be gone */
      }
    }
  }

  /** ExcelApi 1.7: any change to the written sheets by someone else than this add-in makes the record be checked again. */
  private async watch(record: UndoRecord): Promise<void> {
    if (!this.supports("ExcelApi", UNDO_API.changeEvents)) return;
    const names = [...new Set([...record.cells.map((c) => c.sheet), ...record.notes.map((n) => n.sheet), ...record.sheets.map((x) => x.name)])];
    const onChange = (e: Excel.WorksheetChangedEventArgs) => {
      // ExcelApi 1.14 tells this add-in's own writes apart; before it, comparing again tells
      if (e.triggerSource === "ThisLocalAddin") return Promise.resolve();
      return this.recheck(record);
    };
    await this.run(async (context) => {
      for (const name of names) this.watchers.push(context.workbook.worksheets.getItem(name).onChanged.add(onChange));
      await context.sync();
    });
  }

  /** After a change event: when the workbook no longer holds what the write left, the offer ends. */
  private async recheck(record: UndoRecord): Promise<void> {
    if (this.record !== record) return;
    const changed = await this.run((context) => changedSince(context, record)).catch(() => "?");
    if (!changed || this.record !== record) return;
    await this.forget();
    for (const l of this.staleListeners) l();
  }

  lastWrite(): UndoOffer | null {
    return this.offer;
  }

  watchLastWrite(listener: () => void): () => void {
    this.staleListeners.add(listener);
    return () => void this.staleListeners.delete(listener);
  }

  async undoLastWrite(): Promise<string> {
    const record = this.record;
    if (!record) throw new AppError("workbook_changed", "Không còn lần ghi nào để hoàn tác từ ngăn này.");
    await this.run((context) => restore(context, record));
    await this.forget();
    return `Đã hoàn tác ${record.label}: sổ trở lại như trước lần ghi đó.`;
  }

  /** Records the sheets a write added, as they are now (pane undo deletes them only if unchanged). */
  private async recordSheets(context: Excel.RequestContext, record: UndoRecord | null, names: string[]): Promise<void> {
    if (!record) return;
    for (const name of names) record.sheets.push({ name, fingerprint: (await sheetFingerprint(context, name)) ?? "" });
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
    const added: string[] = [];
    wb.eachSheet((ws) => void added.push(ws.name));
    // insertWorksheetsFromBase64 cannot join an undo group (Microsoft's list of APIs without undo): the pane's undo only
    return this.write(
      async (context, record) => {
        context.workbook.insertWorksheetsFromBase64(toBase64(bytes), { positionType: "End" });
        context.workbook.worksheets.getItem(first).activate();
        await context.sync();
        await this.recordSheets(context, record, added);
        return first;
      },
      () => (added.length === 1 ? `trang mẫu “${first}”` : `các trang mẫu (${added.map((n) => `“${n}”`).join(", ")})`),
      false,
    );
  }

  private mode(): StatusColumnPlan["mode"] {
    return this.opts.formulas ? "formulas" : "values";
  }

  /** true when the reasons go as cell notes here (ExcelApi 1.18), else to the "Lý do" column */
  reasonNotes(): boolean {
    return this.supports("ExcelApi", REASONS_API.notes);
  }

  /**
   * Read the column's current formulas, and what the reasons need (notes or the "Lý do" column), in
   * one sync; diff them with the request. `formats` also loads number formats (the pane's undo keeps them).
   */
  private async diff(context: Excel.RequestContext, req: StatusColumnRequest, formats = false) {
    const span = rowSpan(req);
    const reasons = queueReasonReads(context, req, { notes: this.reasonNotes(), widths: this.supports("ExcelApi", REASONS_API.widths), formats });
    if (!span) return { changes: [], before: () => ({ formulas: "", numberFormat: "" }), reasons: null };
    const ws = context.workbook.worksheets.getItem(req.sheet);
    const range = ws.getRange(`${req.column}${span.first}:${req.column}${span.last}`);
    range.load(formats ? "formulas,numberFormat" : "formulas");
    await context.sync();
    const formulas = range.formulas as unknown[][];
    const numberFormat = formats ? (range.numberFormat as unknown[][]) : [];
    const before = (row: number) => ({ formulas: formulas[row - span.first]?.[0] ?? "", numberFormat: numberFormat[row - span.first]?.[0] ?? "General" });
    return { changes: diffStatus(req, this.mode(), (row) => formulas[row - span.first]?.[0]), before, reasons: reasons ? await reasons() : null };
  }

  planStatusColumn(req: StatusColumnRequest): Promise<StatusColumnPlan> {
    return this.run(async (context) => {
      const d = await this.diff(context, req);
      const plan = planOf(d.changes, this.mode());
      return d.reasons ? { ...plan, reasons: d.reasons.plan } : plan;
    });
  }

  writeStatusColumn(req: StatusColumnRequest): Promise<StatusColumnWrite> {
    return this.write(
      async (context, record) => {
        const { changes, before, reasons } = await this.diff(context, req, !!record);
        const result: StatusColumnWrite = { changed: changes.length, mode: this.mode(), ...(reasons ? { reasons: reasons.plan } : {}) };
        if (!changes.length && !reasons?.plan.changes) return result;
        const ws = context.workbook.worksheets.getItem(req.sheet);
        const written = contiguousRuns(changes).map((run) => {
          const address = `${req.column}${run[0].row}:${req.column}${run[run.length - 1].row}`;
          const r = ws.getRange(address);
          r.formulas = run.map((c) => [c.content]);
          if (record) r.load("formulas");
          record?.cells.push({ sheet: req.sheet, address, formulas: run.map((c) => [before(c.row).formulas]), numberFormat: run.map((c) => [before(c.row).numberFormat]), after: [] });
          return r;
        });
        const reasonsWritten = reasons?.write(record);
        await context.sync();
        // what Excel holds after the write, as it reads it back (the pane's undo compares with it)
        if (record) written.forEach((r, i) => (record.cells[i].after = r.formulas as unknown[][]));
        reasonsWritten?.();
        return result;
      },
      (r) => statusWriteLabel(req, r),
    );
  }

  writeNewSheets(sheets: NewSheet[]): Promise<string[]> {
    return this.write(
      async (context, record) => {
        const names = await writeNewSheetsOffice(context, sheets, (set, v) => this.supports(set, v));
        await this.recordSheets(context, record, names);
        return names;
      },
      (names) => (names.length ? `các trang tổng hợp (${names.map((n) => `“${n}”`).join(", ")})` : null),
    );
  }

  writeAppendix(layout: AppendixLayout, baseName: string, opts: { reasons?: boolean } = {}): Promise<{ sheetName: string; notes: string[] }> {
    return this.write(
      async (context, record) => {
        const r = await writeAppendixSheet(context, layout, baseName, { isSetSupported: (name, version) => this.supports(name, version), reasons: !!opts.reasons && this.reasonNotes() });
        await this.recordSheets(context, record, [r.sheetName]);
        return { sheetName: r.sheetName, notes: r.notes };
      },
      (r) => `trang “${r.sheetName}”`,
    );
  }

  addOutlookCharts(charts: readonly Trajectory[]): Promise<{ sheetName: string; charts: number }> {
    return this.write(
      async (context, record) => {
        const r = await addOutlookChartsSheet(context, charts, { isSetSupported: (n, v) => this.supports(n, v) });
        await this.recordSheets(context, record, [r.sheetName]);
        return r;
      },
      (r) => `trang biểu đồ “${r.sheetName}”`,
    );
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
