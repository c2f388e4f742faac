/**
 * Node: load a workbook file (.xlsx, or .ods) into grids, with Vietnamese errors the user can act
 * on: missing file, no permission, and everything admission.ts refuses (an old .xls, a password, a
 * zip that holds no workbook, a truncated file, a file past the limits of limits.ts). Reads only.
 *
 * .xlsx files are read straight from the package XML (xlsx-reader.ts), several times faster than
 * ExcelJS's `load` and with far less garbage; inflating is bounded (zlib's maxOutputLength) so a
 * zip bomb stops at the limit. A package the fast reader cannot make sense of falls back to the full
 * ExcelJS load, but only once every part has inflated within a small bound (ExcelJS has none).
 * `{ fast: false }` forces ExcelJS for .xlsx; `{ rowLimit }`: a command's row limit (RowLimitError).
 */
import { readFileSync, statSync } from "node:fs";
import { constants, createInflateRaw, inflateRawSync } from "node:zlib";
import type { Grid } from "../../core/sheet/grid";
import { admitWorkbook, checkFileSize, checkRowLimit, excelJsMayTry, partsInflateWithin, refusalOf, WorkbookFileError } from "./admission";
import { readWorkbookGrids } from "./exceljs-read";
import { PackageFormatError, RowLimitError, type RowLimit } from "./limits";
import { parseWorkbookParts } from "./xlsx-reader";
import { ZipFormatError, ZipPackage, type Inflater } from "./zip-package";

export { WorkbookFileError, type WorkbookFileErrorCode } from "./admission";

/** Deflate inflates at most about 1 032 times its input. */
const MAX_RATIO = 1100;

/**
 * A part inflated whole, stopping past `limit`. Its output buffer is the size the part declares (one
 * buffer, no copy at the end), so reading a 360 MB sheet takes 360 MB, not twice that.
 */
function inflateSync(data: Uint8Array, limit: number, name: string): Uint8Array | null {
  try {
    const chunkSize = Math.max(64 * 1024, Math.min(limit + 1, data.length * MAX_RATIO));
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, limit + 1), chunkSize });
    return out.length > limit ? null : out;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw new ZipFormatError(`phần "${name}" không giải nén được (dữ liệu nén hỏng).`);
  }
}

/** The first bytes: a prefix of the compressed data inflated without its end (Z_SYNC_FLUSH). */
function headSync(data: Uint8Array, n: number): Uint8Array {
  try {
    return inflateRawSync(data.subarray(0, n + 1024), { finishFlush: constants.Z_SYNC_FLUSH }).subarray(0, n);
  } catch {
    return new Uint8Array(0);
  }
}

/** Compressed bytes given to zlib's stream at a time: one step inflates at most some 64 MB. */
const STREAM_STEP = 64 * 1024;

/** A piece at a time through zlib's stream, the next slice written only once the last is taken in. */
function streamInflate(data: Uint8Array, take: (piece: Uint8Array) => boolean, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: 1 << 20 });
    let over = false;
    const stop = (e?: unknown) => {
      if (over) return;
      over = true;
      z.destroy();
      if (e) reject(new ZipFormatError(`phần "${name}" không giải nén được (dữ liệu nén hỏng).`));
      else resolve();
    };
    z.on("data", (piece: Buffer) => {
      if (!over && take(piece)) stop();
    });
    z.on("error", (e) => stop(e));
    z.on("end", () => stop());
    let at = 0;
    const feed = () => {
      while (!over && at < data.length) {
        const slice = data.subarray(at, (at += STREAM_STEP));
        if (!z.write(slice)) return void z.once("drain", feed);
      }
      if (!over) z.end();
    };
    feed();
  });
}

/** Node's zlib, synchronous (the fast reader reads its parts synchronously). */
export const NODE_INFLATER: Inflater = {
  inflateSync,
  headSync,
  inflate: async (data, limit, name) => inflateSync(data, limit, name),
  head: async (data, n) => headSync(data, n),
  stream: streamInflate,
};

/**
 * Files in a zip archive, inflated on demand within the limits (zip-package.ts), all of them
 * sharing one total. For tests and the bench's floor.
 */
export function zipEntries(bytes: Buffer): Map<string, () => Buffer> {
  const pkg = new ZipPackage(bytes, NODE_INFLATER);
  return new Map(pkg.names().map((n) => [n, () => pkg.readSync(n) as Buffer]));
}

/** An .xlsx package's grids by the fast reader. */
function readXlsx(pkg: ZipPackage, rowLimit?: RowLimit): Grid[] {
  return parseWorkbookParts((p) => pkg.readSync(p), rowLimit);
}

/**
 * Grids straight from the package XML (fast, little garbage): xlsx-reader.ts parses, Node's zlib
 * inflates within the limits. Same grids as readWorkbookGrids; throws on anything it does not expect.
 */
export function readWorkbookGridsFast(bytes: Buffer): Grid[] {
  const pkg = new ZipPackage(bytes, NODE_INFLATER);
  if (pkg.size === 0) throw new PackageFormatError("Không phải tệp zip.");
  return readXlsx(pkg);
}

/** Largest package (all parts inflated) handed to ExcelJS when the fast reader could not read it. */
const EXCELJS_FALLBACK_BYTES = 50_000_000;

function fsError(e: unknown, path: string): WorkbookFileError {
  const code = (e as NodeJS.ErrnoException).code;
  const detail = e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e);
  const check = "Hãy kiểm tra lại tên và thư mục của tệp rồi thử lại.";
  if (code === "ENOENT" || code === "ENOTDIR") return new WorkbookFileError("missing", { message: `Không tìm thấy tệp "${path}".`, action: check }, detail);
  if (code === "EACCES" || code === "EPERM") return new WorkbookFileError("no_access", { message: `Không có quyền đọc tệp "${path}".`, action: "Hãy kiểm tra quyền của tệp (hoặc chép tệp sang thư mục của mình) rồi thử lại." }, detail);
  if (code === "EISDIR") return new WorkbookFileError("not_file", { message: `"${path}" là một thư mục, không phải tệp.`, action: "Hãy chỉ rõ tệp .xlsx (hoặc .ods) trong thư mục đó." }, detail);
  return new WorkbookFileError("missing", { message: `Không đọc được tệp "${path}" (lỗi hệ thống ${code ?? "không rõ"}).`, action: check }, detail);
}

/** The file's bytes, refused by its size before it is read. */
function readBytes(path: string): Buffer {
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new WorkbookFileError("not_file", { message: `"${path}" không phải là một tệp${st.isDirectory() ? " (đó là một thư mục)" : ""}.`, action: "Hãy chỉ rõ tệp .xlsx (hoặc .ods) cần đọc." });
    checkFileSize(path, st.size);
    return readFileSync(path);
  } catch (e) {
    if (e instanceof WorkbookFileError) throw e;
    throw fsError(e, path);
  }
}

/**
 * Read an .xlsx or .ods file into grids. Throws WorkbookFileError (message and action in
 * Vietnamese) for a file it cannot use, RowLimitError for a sheet past `rowLimit`.
 */
export async function loadWorkbookFile(path: string, opts: { fast?: boolean; rowLimit?: RowLimit } = {}): Promise<Grid[]> {
  const bytes = readBytes(path);
  const admitted = await admitWorkbook(path, bytes, NODE_INFLATER);
  if (admitted.kind === "ods") return admitted.grids;
  let fastError: unknown;
  if (opts.fast !== false) {
    try {
      if (opts.rowLimit) await checkRowLimit(admitted.pkg, opts.rowLimit);
      return readXlsx(admitted.pkg, opts.rowLimit);
    } catch (e) {
      if (e instanceof RowLimitError) throw e;
      if (!excelJsMayTry(e)) throw refusalOf(path, e);
      fastError = e;
    }
  }
  // The full ExcelJS load reads some packages the fast reader does not, but has no limits of its
  // own: hand it only a package whose parts all inflate within a small bound.
  try {
    if (!(await partsInflateWithin(admitted.pkg, EXCELJS_FALLBACK_BYTES))) throw fastError ?? new PackageFormatError("tệp quá lớn để đọc theo cách dự phòng.");
    return await readWorkbookGrids(bytes);
  } catch (e) {
    throw refusalOf(path, e, fastError);
  }
}
