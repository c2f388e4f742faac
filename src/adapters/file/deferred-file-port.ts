/**
 * The file port of a file read by the fast reader (workbook-bytes.ts, in the page's worker): reads
 * are answered from the snapshot, and the whole workbook (ExcelJS, file-workbook.ts) is loaded only
 * when something must be written or planned against its cells (Đánh giá column, appendix sheet,
 * template, new sheets, "Lưu tệp đã sửa"). From then on every call goes to that port, so what is
 * read reflects what was written. Settings saved and a cell selected before the load are kept and
 * applied to the workbook when it loads. The user's file on disk is never touched.
 */
import type { Grid } from "../../core/sheet/grid";
import type { ReportInfo } from "../../core/model";
import type { AppendixLayout } from "../../core/layout";
import type { NewSheet, StatusColumnPlan, StatusColumnRequest, StatusColumnWrite, WorkbookPort } from "../../app/port";
import type { PaneSettings } from "../../app/settings";
import { downloadBytes } from "./download";
import { snapshotSource, type WorkbookSnapshot } from "./workbook-bytes";

export class DeferredFilePort implements WorkbookPort {
  readonly kind = "file" as const;
  readonly label: string;
  private loading: Promise<WorkbookPort> | null = null;
  private loaded: WorkbookPort | null = null;
  private settings: PaneSettings | null = null;
  private cell: { sheet: string; address: string } | null = null;
  private readonly source;

  /** `load`: the whole workbook as the file port (file-workbook.ts), read again from the file */
  constructor(
    snapshot: WorkbookSnapshot,
    private readonly load: () => Promise<WorkbookPort>,
  ) {
    this.label = snapshot.label;
    this.source = snapshotSource(snapshot);
  }

  /** true once the whole workbook is loaded (tests) */
  get isLoaded(): boolean {
    return this.loaded !== null;
  }

  /** The whole workbook, loaded once; what was saved or selected meanwhile applied to it. */
  private workbook(): Promise<WorkbookPort> {
    this.loading ??= (async () => {
      try {
        const p = await this.load();
        if (this.settings) await p.saveSettings(this.settings);
        if (this.cell) await p.selectCell(this.cell.sheet, this.cell.address);
        this.loaded = p;
        return p;
      } catch (e) {
        this.loading = null;
        throw e;
      }
    })();
    return this.loading;
  }

  async listSheets(): Promise<string[]> {
    return this.loaded ? this.loaded.listSheets() : this.source.listSheets();
  }

  async activeSheet(): Promise<string> {
    if (this.loaded) return this.loaded.activeSheet();
    return this.cell?.sheet ?? this.source.activeSheet();
  }

  async readSheet(name: string): Promise<Grid> {
    return this.loaded ? this.loaded.readSheet(name) : this.source.readSheet(name);
  }

  formulasSupported(): boolean {
    return false; // no Excel here to calculate NQ.* functions
  }

  async insertTemplate(info?: ReportInfo): Promise<string> {
    return (await this.workbook()).insertTemplate(info);
  }

  async planStatusColumn(req: StatusColumnRequest): Promise<StatusColumnPlan> {
    return (await this.workbook()).planStatusColumn(req);
  }

  async writeStatusColumn(req: StatusColumnRequest): Promise<StatusColumnWrite> {
    return (await this.workbook()).writeStatusColumn(req);
  }

  async writeNewSheets(sheets: NewSheet[]): Promise<string[]> {
    const p = await this.workbook();
    if (!p.writeNewSheets) throw new Error("Sổ này chưa thêm được trang mới.");
    return p.writeNewSheets(sheets);
  }

  async writeAppendix(layout: AppendixLayout, baseName: string, opts?: { reasons?: boolean }): Promise<{ sheetName: string; notes?: string[] }> {
    return (await this.workbook()).writeAppendix(layout, baseName, opts);
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    if (this.loading) return (await this.workbook()).selectCell(sheet, address);
    this.cell = { sheet, address };
  }

  async getSettings(): Promise<Partial<PaneSettings> | null> {
    if (this.loading) return (await this.workbook()).getSettings();
    return this.settings ?? this.source.getSettings();
  }

  async saveSettings(settings: PaneSettings): Promise<void> {
    if (this.loading) return (await this.workbook()).saveSettings(settings);
    this.settings = settings;
  }

  download(fileName: string, bytes: Uint8Array, mime: string): Promise<void> {
    return downloadBytes(fileName, bytes, mime);
  }

  async exportWorkbook(): Promise<Uint8Array> {
    const p = await this.workbook();
    if (!p.exportWorkbook) throw new Error("Sổ này chưa lưu được.");
    return p.exportWorkbook();
  }
}
