/**
 * The browser's fast read of a chosen .xlsx or .ods (bytes in memory, no Node, no ExcelJS): admitted
 * as everywhere (admission.ts: size, kind, the zip's directory, the limits), parts inflated by the
 * browser's own DecompressionStream("deflate-raw") (JSZip where a browser has none), each stopped at
 * the CLI's limits (inflate.ts), then the same XML readers as the CLI (xlsx-reader.ts, ods-content.ts).
 * Runs in the page's Web Worker (open-file.worker.ts) and, where Worker is missing, on the page.
 *
 * It gives what the file port (file-workbook.ts, ExcelJS) would: the visible sheets in order, the
 * active one, the settings kept in the hidden sheet, one grid per visible sheet (the same grids, as
 * the reader tests compare), and the same Vietnamese sentence and action for a file it cannot use
 * as the CLI, as AppError("unreadable_file"). A package the fast reader cannot make sense of
 * (PackageFormatError) is left to the caller, which then reads it with ExcelJS as before.
 */
import type { Grid } from "../../core/sheet/grid";
import { uniqueSheetName } from "../../core/sheet/sheet-names";
import { AppError } from "../../app/errors";
import type { PaneSettings } from "../../app/settings";
import type { OpenSource } from "../../app/open-workbook";
import { admitWorkbook, excelJsMayTry, refusalOf, WorkbookFileError } from "../xlsx/admission";
import { PackageFormatError } from "../xlsx/limits";
import { attr, cellString, readAsync, rootPrefix, unprefix, workbookGrids, workbookPartPath, xmlText } from "../xlsx/xlsx-reader";
import type { ZipPackage } from "../xlsx/zip-package";
import { browserInflater } from "./inflate";
import { parseSettingsCell, SETTINGS_SHEET } from "./settings-sheet";

/** A workbook as the pane first needs it: what the file port's read methods would answer. */
export interface WorkbookSnapshot {
  /** the name the pane shows ("x.ods" becomes "x.xlsx": it is saved as .xlsx) */
  label: string;
  /** visible worksheets, in workbook order (the settings sheet and hidden sheets left out) */
  sheets: string[];
  /** the sheet the file was saved on, or the first visible one */
  active: string;
  /** the pane's settings saved in the workbook, when there are any */
  settings: Partial<PaneSettings> | null;
  /** one grid per visible sheet, in `sheets` order */
  grids: Grid[];
}

/** How far the read is: a fraction of the compressed bytes inflated. */
export type ReadProgress = (fraction: number) => void;

/** A file the tool cannot use, as the page and the pane show it: the reader's sentence and what to do. */
export function unreadable(e: WorkbookFileError): AppError {
  return new AppError("unreadable_file", e.message, e.action);
}

/** Admit a chosen file (admission.ts) with this browser's inflater; refusals as AppError. */
export async function admitChosenFile(fileName: string, bytes: Uint8Array): Promise<Awaited<ReturnType<typeof admitWorkbook>>> {
  try {
    return await admitWorkbook(fileName, bytes, browserInflater(bytes));
  } catch (e) {
    throw e instanceof WorkbookFileError ? unreadable(e) : e;
  }
}

/**
 * An admitted .xlsx package's grids by the fast reader, its parts inflated one by one as the reader
 * asks for them, in the CLI's order (xlsx-reader.ts, workbookGrids), and let go once read. A limit
 * passed or a broken zip: WorkbookFileError; a package the fast reader cannot read: PackageFormatError.
 */
export async function readXlsxPackage(fileName: string, pkg: ZipPackage, progress?: ReadProgress): Promise<Grid[]> {
  // progress: the compressed bytes of the XML parts read so far (the reader reads nearly all of them)
  const total = pkg.names().reduce((s, n) => s + (/\.(xml|rels)$/i.test(n) ? pkg.compressedSize(n) : 0), 0) || 1;
  let done = 0;
  const part = async (name: string) => {
    const data = await pkg.read(name);
    done += pkg.compressedSize(name);
    progress?.(Math.min(1, done / total));
    return data;
  };
  try {
    return await readAsync(workbookGrids(), part);
  } catch (e) {
    if (!excelJsMayTry(e)) throw refusalOf(fileName, e);
    throw e instanceof PackageFormatError ? e : new PackageFormatError(e instanceof Error ? e.message : String(e));
  }
}

/** The workbook part's text (read again: it is small), for the sheets' states. */
async function workbookXml(pkg: ZipPackage): Promise<string> {
  const root = await pkg.read("_rels/.rels");
  return utf8(await pkg.read(workbookPartPath((p) => (p === "_rels/.rels" ? root : undefined)))) ?? "";
}

const utf8 = (b: Uint8Array | undefined) => (b ? new TextDecoder("utf-8").decode(b) : undefined);

/** Visible sheets and the active tab from workbook.xml, as ExcelJS reads them (state, activeTab). */
function sheetStates(workbookXml: string): { names: string[]; hidden: Set<string>; activeTab: number | undefined } {
  const wb = unprefix(workbookXml, rootPrefix(workbookXml.slice(0, 4096)));
  const names: string[] = [];
  const hidden = new Set<string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    if (name === undefined) continue;
    const n = cellString(xmlText(name));
    names.push(n);
    const state = attr(m[0], "state");
    if (state && state !== "visible") hidden.add(n);
  }
  const tab = /<workbookView\b[^>]*>/.exec(wb)?.[0];
  const activeTab = tab ? Number(attr(tab, "activeTab") ?? 0) : undefined;
  return { names, hidden, activeTab: Number.isFinite(activeTab) ? activeTab : undefined };
}

function settingsOf(grid: Grid | undefined): Partial<PaneSettings> | null {
  return parseSettingsCell(grid?.values[0]?.[0]);
}

/**
 * Read a chosen file into a snapshot. Throws AppError("unreadable_file") with the CLI's sentence and
 * action for a file it cannot use, PackageFormatError for a package the fast readers cannot make
 * sense of (the caller then tries ExcelJS, whose verdict the user gets).
 */
export async function readWorkbookBytes(fileName: string, data: ArrayBuffer | Uint8Array, progress?: ReadProgress): Promise<WorkbookSnapshot> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const admitted = await admitChosenFile(fileName, bytes);
  if (admitted.kind === "ods") {
    const grids: Grid[] = [];
    // held as a new workbook, as the file port does: Excel's sheet names (31 characters, unique)
    for (const g of admitted.grids) grids.push({ ...g, sheet: uniqueSheetName(g.sheet, grids.map((x) => x.sheet)) });
    return { label: fileName.replace(/\.ods$/i, ".xlsx"), sheets: grids.map((g) => g.sheet), active: grids[0]?.sheet ?? "", settings: null, grids };
  }
  let all: Grid[];
  let states: ReturnType<typeof sheetStates>;
  try {
    all = await readXlsxPackage(fileName, admitted.pkg, progress);
    states = sheetStates(await workbookXml(admitted.pkg));
  } catch (e) {
    if (e instanceof PackageFormatError && excelJsMayTry(e)) throw e;
    throw unreadable(refusalOf(fileName, e));
  }
  const { names: order, hidden, activeTab } = states;
  const visible = all.filter((g) => !hidden.has(g.sheet) && g.sheet !== SETTINGS_SHEET);
  const tabName = activeTab !== undefined ? order[activeTab] : undefined;
  const active = visible.find((g) => g.sheet === tabName)?.sheet ?? visible[0]?.sheet ?? "";
  return { label: fileName, sheets: visible.map((g) => g.sheet), active, settings: settingsOf(all.find((g) => g.sheet === SETTINGS_SHEET)), grids: visible };
}

/** A snapshot as the source `openWorkbook` reads (the file port's read methods, the same sentences). */
export function snapshotSource(s: WorkbookSnapshot): OpenSource {
  return {
    listSheets: async () => s.sheets.slice(),
    activeSheet: async () => {
      if (!s.sheets.length) throw new Error("Tệp không có trang tính nào.");
      return s.active;
    },
    readSheet: async (name) => {
      const g = s.grids.find((x) => x.sheet === name);
      if (!g) throw new Error(`Không thấy trang "${name}" trong tệp.`);
      return g;
    },
    getSettings: async () => s.settings,
  };
}
