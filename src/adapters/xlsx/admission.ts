/**
 * Admitting a workbook file: the one sequence every entry point goes through (the CLI, the page's
 * worker, the page's ExcelJS port, the pane in Excel when it reads the units' files), so a file gets
 * the same answer wherever it was chosen:
 *   size limit → what the bytes are (an old .xls, a password, not a zip) → the zip's directory →
 *   what the package holds (.xlsx, .ods, another Office file, any zip) → its parts inflated within
 *   the limits (zip-package.ts) → an .ods read through its content.xml.
 * Every refusal is a WorkbookFileError carrying the sentence and the action of file-kind.ts. No Node
 * or browser dependency: the caller gives the inflater (Node's zlib, the browser's, inflate.ts).
 */
import type { Grid } from "../../core/sheet/grid";
import { parseOdsContent } from "../ods/ods-content";
import { FILE_REFUSALS, kindRefusal, sniffBytes, zipKind, type FileKind, type Refusal } from "./file-kind";
import { limitMessages, PackageFormatError, READER_LIMITS, ReaderLimitError, RowLimitError, type RowLimit } from "./limits";
import { dimensionLastRow, headOf, readAsync, RowCounter, rowLimitOf, workbookPartPath, workbookSheets, type WorkbookSheets } from "./xlsx-reader";
import { ZipFormatError, ZipPackage, type Inflater } from "./zip-package";

export type WorkbookFileErrorCode = "missing" | "no_access" | "not_file" | "not_xlsx" | "encrypted" | "corrupt" | "limit";

/** A file the tool cannot use: what is wrong (naming the file) and what to do. */
export class WorkbookFileError extends Error {
  readonly action: string;
  constructor(
    public readonly code: WorkbookFileErrorCode,
    refusal: Refusal,
    /** technical detail (an English error, a stack) for --debug only */
    public readonly detail?: string,
  ) {
    super(refusal.message);
    this.action = refusal.action;
  }

  /** Message and action on one line, as the CLI prints them. */
  get line(): string {
    return `${this.message} ${this.action}`;
  }
}

/** A package admitted: an .xlsx to read (its parts within the limits), or an .ods already read. */
export type AdmittedWorkbook = { kind: "xlsx"; pkg: ZipPackage } | { kind: "ods"; grids: Grid[] };

/** Refuse a file larger than the reader takes (checked before reading it, where the size is known first). */
export function checkFileSize(file: string, size: number): void {
  if (size > READER_LIMITS.maxFileBytes) throw new WorkbookFileError("limit", FILE_REFUSALS.limit(file, limitMessages.maxFileBytes(size)));
}

/** The kind of a zip package from its entries: the `mimetype` entry (OpenDocument) or where `_rels/.rels` puts the workbook. */
async function packageKind(pkg: ZipPackage): Promise<FileKind> {
  const mt = await pkg.head("mimetype", 200);
  const mimetype = mt && mt.length ? String.fromCharCode(...mt.subarray(0, 200)) : undefined;
  let wbPath: string | undefined;
  if (!mimetype && pkg.has("_rels/.rels")) {
    try {
      const rels = await pkg.read("_rels/.rels");
      wbPath = workbookPartPath((p) => (p === "_rels/.rels" ? rels : undefined));
    } catch {
      wbPath = undefined;
    }
  }
  return zipKind(pkg.names(), mimetype, wbPath);
}

/**
 * Admit a workbook file (`file`: the name the user knows it by). Throws WorkbookFileError for a file
 * the tool cannot use; an .ods comes back read, an .xlsx as its package for a reader to read.
 */
export async function admitWorkbook(file: string, bytes: Uint8Array, inflater: Inflater): Promise<AdmittedWorkbook> {
  checkFileSize(file, bytes.length);
  const sniffed = sniffBytes(bytes);
  if (sniffed !== "zip") throw new WorkbookFileError(sniffed === "encrypted" ? "encrypted" : "not_xlsx", kindRefusal(sniffed, file)!);
  const pkg = new ZipPackage(bytes, inflater);
  let kind: FileKind;
  try {
    kind = pkg.size ? await packageKind(pkg) : "truncated-zip";
  } catch (e) {
    throw refusalOf(file, e);
  }
  const refusal = kindRefusal(kind, file);
  if (refusal) throw new WorkbookFileError(kind === "truncated-zip" ? "corrupt" : "not_xlsx", refusal);
  if (kind === "ods") return { kind, grids: await readOds(file, pkg) };
  return { kind: "xlsx", pkg };
}

/** An .ods package's grids (content.xml), within the limits. */
async function readOds(file: string, pkg: ZipPackage): Promise<Grid[]> {
  try {
    const content = await pkg.read("content.xml");
    if (!content) throw new PackageFormatError("thiếu content.xml.");
    return parseOdsContent(content);
  } catch (e) {
    throw refusalOf(file, e);
  }
}

/**
 * What the user reads for anything thrown while reading `file`: a limit passed, a broken package
 * (with the reader's reason), or a broken file. `why`: the fast reader's reason, when ExcelJS, tried
 * after it, failed too (its own error says nothing the user can act on).
 */
export function refusalOf(file: string, e: unknown, why?: unknown): WorkbookFileError {
  if (e instanceof WorkbookFileError) return e;
  if (e instanceof ReaderLimitError) return new WorkbookFileError("limit", FILE_REFUSALS.limit(file, e.message));
  const reason = e instanceof PackageFormatError ? e : why instanceof PackageFormatError ? why : undefined;
  const detail = e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e);
  return new WorkbookFileError("corrupt", FILE_REFUSALS.corrupt(file, reason?.message), detail);
}

/**
 * Whether ExcelJS may be tried after the fast reader failed with `e`: not for a limit passed, a
 * package broken at the zip level, a refusal or a command's row limit (ExcelJS would do no better).
 */
export function excelJsMayTry(e: unknown): boolean {
  return !(e instanceof ReaderLimitError || e instanceof ZipFormatError || e instanceof WorkbookFileError || e instanceof RowLimitError);
}

/**
 * Every part inflated once (and let go), within the limits and within `bound` bytes in all: what a
 * package must pass before it goes to ExcelJS, which inflates without limits. The parts the fast
 * reader reads come first, in its order, so a part past the limits or broken is named as the CLI
 * names it. False past `bound`; throws ReaderLimitError or ZipFormatError for a part past the limits
 * or broken.
 */
export async function partsInflateWithin(pkg: ZipPackage, bound: number): Promise<boolean> {
  const p = pkg.fresh();
  const done = new Set<string>();
  const take = async (name: string) => {
    if (done.has(name)) return undefined;
    done.add(name);
    return p.read(name);
  };
  const wb = await sheetsOf(p, take);
  const first = wb ? [wb.sharedStrings, wb.styles, ...wb.worksheets.map((s) => s.path)] : [];
  for (const name of [...first, ...p.names()]) {
    await take(name);
    if (p.used > bound) return false;
  }
  return true;
}

/** Bytes of a sheet's XML read first, for its <dimension>. */
const HEAD_BYTES = 4096;

/**
 * A sheet's XML (once inflated) above which a row-limited sheet without <dimension> has its rows
 * counted as it streams, before it is read whole: below, the reader's own count (parseSheet) costs
 * little more than the stream would.
 */
const STREAM_COUNT_BYTES = 32_000_000;

/** The package's worksheets, from its small parts; undefined when the package does not say (the reader then will). */
async function sheetsOf(pkg: ZipPackage, read = (p: string) => pkg.read(p)): Promise<WorkbookSheets | undefined> {
  try {
    return await readAsync(workbookSheets(), read);
  } catch (e) {
    if (e instanceof PackageFormatError && !(e instanceof ZipFormatError)) return undefined;
    throw e;
  }
}

/**
 * A command's row limit, before a sheet is read whole: a sheet it applies to whose <dimension> says
 * it passes the limit, or (without one, when big) whose rows pass it as they stream, is refused
 * (RowLimitError) having inflated only what it took to know. The reader still counts the rows of the
 * sheets it reads (parseSheet), so a sheet whose <dimension> says less than it holds stops too.
 */
export async function checkRowLimit(pkg: ZipPackage, rowLimit: RowLimit): Promise<void> {
  const wb = await sheetsOf(pkg);
  for (const s of wb?.worksheets ?? []) {
    const limit = rowLimitOf(rowLimit, s.name);
    if (limit === undefined || !pkg.has(s.path)) continue;
    const head = await pkg.head(s.path, HEAD_BYTES);
    const last = head && head.length ? dimensionLastRow(headOf(head)) : undefined;
    if (last !== undefined) {
      if (last > limit) throw new RowLimitError(s.name, last, true);
      continue;
    }
    if (pkg.declaredSize(s.path) < STREAM_COUNT_BYTES) continue;
    const counter = new RowCounter(limit);
    const text = new TextDecoder("utf-8");
    let passed = false;
    try {
      await pkg.stream(s.path, (piece) => (passed = counter.push(text.decode(piece, { stream: true }))));
    } catch (e) {
      if (e instanceof PackageFormatError || e instanceof ReaderLimitError) continue; // the read says what is wrong
      throw e;
    }
    if (passed) throw new RowLimitError(s.name, limit, false);
  }
}
