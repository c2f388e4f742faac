/**
 * The browser's fast read of a chosen .xlsx or .ods (bytes in memory, no Node, no ExcelJS): the zip
 * directory read here, parts inflated by the browser's own DecompressionStream("deflate-raw") (JSZip
 * where a browser has none), then the same XML readers as the CLI (xlsx-reader.ts, ods-content.ts).
 * Runs in the page's Web Worker (open-file.worker.ts) and, where Worker is missing, on the page.
 *
 * It gives what the file port (file-workbook.ts, ExcelJS) would: the visible sheets in order, the
 * active one, the settings kept in the hidden sheet, one grid per visible sheet (the same grids, as
 * the reader tests compare), and the same Vietnamese sentences for a file it cannot use (file-kind.ts,
 * limits.ts) as AppError("unreadable_file"). A package it cannot make sense of (PackageFormatError)
 * is left to the caller, which then reads it with ExcelJS as before.
 */
import type { Grid } from "../../core/sheet/grid";
import { uniqueSheetName } from "../../core/sheet/sheet-names";
import { AppError } from "../../app/errors";
import type { PaneSettings } from "../../app/settings";
import type { OpenSource } from "../../app/open-workbook";
import { parseOdsContent } from "../ods/ods-content";
import { FILE_MESSAGES, kindMessage, sniffBytes, zipKind } from "../xlsx/file-kind";
import { limitMessages, PackageFormatError, READER_LIMITS, ReaderLimitError } from "../xlsx/limits";
import { attr, cellString, parseWorkbookParts, rootPrefix, unprefix, workbookPartPath, xmlText } from "../xlsx/xlsx-reader";
import { parseSettingsCell, SETTINGS_SHEET } from "./settings-sheet";

/** What to do when a chosen file cannot be used (the same sentence as file-workbook.ts). */
export const OPEN_FILE_HINT = "Chọn một tệp .xlsx khác (hoặc .ods của LibreOffice). Tệp .xls cũ hoặc có mật khẩu: mở bằng Excel, bỏ mật khẩu rồi “Lưu thành” .xlsx.";

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

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  /** the size the directory declares once inflated (0xFFFFFFFF: zip64, unknown) */
  declared: number;
  local: number;
}

/** The entries of a zip's central directory; empty when the bytes hold none. */
export function zipDirectory(bytes: Uint8Array): ZipEntry[] {
  const out: ZipEntry[] = [];
  if (bytes.length < 22) return out;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return out;
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  const utf8 = new TextDecoder("utf-8");
  for (let k = 0; k < count && p + 46 <= bytes.length; k++) {
    if (v.getUint32(p, true) !== 0x02014b50) break;
    const nameLen = v.getUint16(p + 28, true);
    out.push({
      method: v.getUint16(p + 10, true),
      compressed: v.getUint32(p + 20, true),
      declared: v.getUint32(p + 24, true),
      local: v.getUint32(p + 42, true),
      name: utf8.decode(bytes.subarray(p + 46, Math.min(bytes.length, p + 46 + nameLen))),
    });
    p += 46 + nameLen + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return out;
}

/** The compressed bytes of an entry (after its local header). */
function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.local + 30 > bytes.length || v.getUint32(e.local, true) !== 0x04034b50) throw new PackageFormatError(`phần "${e.name}" nằm ngoài tệp (tệp bị cắt cụt?).`);
  const start = e.local + 30 + v.getUint16(e.local + 26, true) + v.getUint16(e.local + 28, true);
  return bytes.subarray(start, Math.min(bytes.length, start + e.compressed));
}

/** Inflate raw deflate data, stopping past `cap` bytes (then null). */
type Inflate = (data: Uint8Array, cap: number, name: string) => Promise<Uint8Array | null>;

/** The browser's native inflater, read chunk by chunk so a zip bomb stops at the cap. */
async function inflateNative(data: Uint8Array, cap: number, name: string): Promise<Uint8Array | null> {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > cap) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  } catch {
    throw new PackageFormatError(`phần "${name}" không giải nén được (dữ liệu nén hỏng).`);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Where the browser has no DecompressionStream("deflate-raw"): JSZip (pako), loaded on first use,
 * over the whole archive. JSZip inflates without a bound, as the file port's JSZip does: the sizes
 * the directory declares are checked before (inflateParts), the result against them after.
 */
async function jszipInflater(bytes: Uint8Array): Promise<Inflate> {
  const { default: JSZip } = await import("jszip");
  let zip: Awaited<ReturnType<typeof JSZip.loadAsync>>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new PackageFormatError("không đọc được danh mục tệp nén.");
  }
  return async (_data, cap, name) => {
    let out: Uint8Array;
    try {
      out = await zip.file(name)!.async("uint8array");
    } catch {
      throw new PackageFormatError(`phần "${name}" không giải nén được (dữ liệu nén hỏng).`);
    }
    return out.length > cap ? null : out;
  };
}

function nativeInflateWorks(): boolean {
  try {
    return typeof DecompressionStream !== "undefined" && !!new DecompressionStream("deflate-raw");
  } catch {
    return false;
  }
}

/**
 * The parts a read needs (XML and relationships; not images), inflated within READER_LIMITS:
 * each part within maxPartBytes, all within maxTotalBytes (ReaderLimitError past either).
 */
async function inflateParts(bytes: Uint8Array, entries: ZipEntry[], wanted: (name: string) => boolean, progress?: ReadProgress): Promise<Map<string, Uint8Array>> {
  const inflate: Inflate = nativeInflateWorks() ? inflateNative : await jszipInflater(bytes);
  const parts = new Map<string, Uint8Array>();
  const chosen = entries.filter((e) => wanted(e.name));
  const total = chosen.reduce((s, e) => s + e.compressed, 0) || 1;
  let done = 0;
  let used = 0;
  for (const e of chosen) {
    const room = READER_LIMITS.maxTotalBytes - used;
    const cap = Math.min(READER_LIMITS.maxPartBytes, room);
    const known = e.declared !== 0xffffffff;
    const overLimit = () => (cap < READER_LIMITS.maxPartBytes ? new ReaderLimitError("maxTotalBytes", limitMessages.maxTotalBytes()) : new ReaderLimitError("maxPartBytes", limitMessages.maxPartBytes(e.name)));
    // an honest package past the limit is refused before inflating; a dishonest one stops at what it declared
    if (known && e.declared > cap) throw overLimit();
    const data = entryData(bytes, e);
    let out: Uint8Array | null;
    if (e.method === 0) out = data.length > cap ? null : data;
    else if (e.method === 8) out = await inflate(data, known ? e.declared : cap, e.name);
    else throw new PackageFormatError(`phần "${e.name}" nén theo cách không hỗ trợ (mã ${e.method}).`);
    if (known && (out === null || out.length > e.declared)) throw new PackageFormatError(`phần "${e.name}" giải nén ra nhiều hơn kích thước ghi trong tệp nén (tệp hỏng, hoặc "bom nén").`);
    if (out === null || out.length > cap) throw overLimit();
    used += out.length;
    parts.set(e.name, out);
    done += e.compressed;
    progress?.(done / total);
  }
  return parts;
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
 * Read a chosen file into a snapshot. Throws AppError("unreadable_file") with the file port's
 * Vietnamese sentence for a file it cannot use, PackageFormatError for a package the fast readers
 * cannot make sense of (the caller then tries ExcelJS, whose verdict the user gets).
 */
export async function readWorkbookBytes(fileName: string, data: ArrayBuffer | Uint8Array, progress?: ReadProgress): Promise<WorkbookSnapshot> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const refuse = (message: string) => new AppError("unreadable_file", message, OPEN_FILE_HINT);
  const sniffed = sniffBytes(bytes);
  if (sniffed !== "zip") throw refuse(kindMessage(sniffed, fileName)!);
  if (bytes.length > READER_LIMITS.maxFileBytes) throw refuse(FILE_MESSAGES.limit(fileName, limitMessages.maxFileBytes(bytes.length)));
  const entries = zipDirectory(bytes);
  if (!entries.length) throw refuse(FILE_MESSAGES.truncatedZip(fileName));
  try {
    const names = entries.map((e) => e.name);
    const mt = entries.find((e) => e.name === "mimetype");
    const mimetype = mt ? utf8((await inflateParts(bytes, [mt], () => true)).get("mimetype")?.subarray(0, 200)) : undefined;
    const kind = zipKind(names, mimetype);
    const refused = kindMessage(kind, fileName);
    if (refused) throw refuse(refused);
    if (kind === "ods") {
      const parts = await inflateParts(bytes, entries, (n) => n === "content.xml", progress);
      let read: Grid[];
      try {
        read = parseOdsContent(parts.get("content.xml")!);
      } catch (e) {
        if (e instanceof PackageFormatError) throw refuse(FILE_MESSAGES.corrupt(fileName, e.message));
        throw e;
      }
      const grids: Grid[] = [];
      // held as a new workbook, as the file port does: Excel's sheet names (31 characters, unique)
      for (const g of read) grids.push({ ...g, sheet: uniqueSheetName(g.sheet, grids.map((x) => x.sheet)) });
      return { label: fileName.replace(/\.ods$/i, ".xlsx"), sheets: grids.map((g) => g.sheet), active: grids[0]?.sheet ?? "", settings: null, grids };
    }
    const parts = await inflateParts(bytes, entries, (n) => /\.(xml|rels)$/i.test(n), progress);
    const all = parseWorkbookParts((p) => parts.get(p));
    const { names: order, hidden, activeTab } = sheetStates(utf8(parts.get(workbookPartPath((p) => parts.get(p))))!);
    const visible = all.filter((g) => !hidden.has(g.sheet) && g.sheet !== SETTINGS_SHEET);
    const tabName = activeTab !== undefined ? order[activeTab] : undefined;
    const active = visible.find((g) => g.sheet === tabName)?.sheet ?? visible[0]?.sheet ?? "";
    return { label: fileName, sheets: visible.map((g) => g.sheet), active, settings: settingsOf(all.find((g) => g.sheet === SETTINGS_SHEET)), grids: visible };
  } catch (e) {
    if (e instanceof ReaderLimitError) throw refuse(FILE_MESSAGES.limit(fileName, e.message));
    throw e;
  }
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
