/**
 * Node: load a workbook file (.xlsx, or .ods) into grids, with Vietnamese errors the user can act
 * on: missing file, no permission, an old .xls, a password, a zip that holds no workbook, a
 * truncated file, a file past the limits of limits.ts. Reads only.
 *
 * .xlsx files are read straight from the package XML (xlsx-reader.ts), several times faster than
 * ExcelJS's `load` and with far less garbage; inflating is bounded (zlib's maxOutputLength) so a
 * zip bomb stops at the limit. A package the fast reader cannot make sense of falls back to the full
 * ExcelJS load, but only once every part has inflated within a small bound (ExcelJS has none).
 * .ods files: content.xml through ods-content.ts. `{ fast: false }` forces ExcelJS for .xlsx.
 */
import { readFileSync, statSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import type { Grid } from "../../core/sheet/grid";
import { parseOdsContent } from "../ods/ods-content";
import { readWorkbookGrids } from "./exceljs-read";
import { FILE_MESSAGES, kindMessage, sniffBytes, zipKind, type FileKind } from "./file-kind";
import { limitMessages, PackageFormatError, READER_LIMITS, ReaderLimitError } from "./limits";
import { parseWorkbookParts, workbookPartPath } from "./xlsx-reader";

export type WorkbookFileErrorCode = "missing" | "no_access" | "not_file" | "not_xlsx" | "encrypted" | "corrupt" | "limit";

export class WorkbookFileError extends Error {
  constructor(
    public readonly code: WorkbookFileErrorCode,
    message: string,
    /** technical detail (an English error, a stack) for --debug only */
    public readonly detail?: string,
  ) {
    super(message);
  }
}

/** What kind of file the bytes are; throws WorkbookFileError for a CFB (.xls, password) or non-zip file. */
export function sniffWorkbook(bytes: Uint8Array, path = "tệp"): void {
  const k = sniffBytes(bytes);
  if (k === "encrypted") throw new WorkbookFileError("encrypted", FILE_MESSAGES.encrypted(path));
  if (k === "xls") throw new WorkbookFileError("not_xlsx", FILE_MESSAGES.xls(path));
  if (k === "not-zip") throw new WorkbookFileError("not_xlsx", FILE_MESSAGES.notZip(path));
}

/** Inflated bytes read so far from one package, against READER_LIMITS.maxTotalBytes. */
export interface InflateBudget {
  used: number;
}

/**
 * Files in a zip archive (central directory), inflated on demand with Node's zlib, each part within
 * READER_LIMITS.maxPartBytes and all of them within `budget` (maxTotalBytes): past either, a
 * ReaderLimitError naming the part. A bad entry (offsets outside the file, unknown method, bad
 * deflate data) throws PackageFormatError.
 */
export function zipEntries(bytes: Buffer, budget: InflateBudget = { used: 0 }): Map<string, () => Buffer> {
  const out = new Map<string, () => Buffer>();
  if (bytes.length < 22) return out;
  // End of central directory: signature 0x06054b50 within the last 64 KiB.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return out;
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  for (let k = 0; k < count && p + 46 <= bytes.length; k++) {
    if (bytes.readUInt32LE(p) !== 0x02014b50) break;
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const declared = bytes.readUInt32LE(p + 24);
    const nameLen = bytes.readUInt16LE(p + 28);
    const extraLen = bytes.readUInt16LE(p + 30);
    const commentLen = bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.toString("utf8", p + 46, Math.min(bytes.length, p + 46 + nameLen));
    out.set(name, () => {
      if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) throw new PackageFormatError(`phần "${name}" nằm ngoài tệp (tệp bị cắt cụt?).`);
      const lNameLen = bytes.readUInt16LE(local + 26);
      const lExtraLen = bytes.readUInt16LE(local + 28);
      const start = local + 30 + lNameLen + lExtraLen;
      const data = bytes.subarray(start, Math.min(bytes.length, start + compressed));
      const room = READER_LIMITS.maxTotalBytes - budget.used;
      const cap = Math.min(READER_LIMITS.maxPartBytes, room);
      // The size the zip declares (0xFFFFFFFF: zip64, unknown here): an honest package past the
      // limit is refused before inflating anything; a dishonest one is stopped at what it declared.
      const known = declared !== 0xffffffff;
      if (known && declared > cap) {
        if (cap < READER_LIMITS.maxPartBytes) throw new ReaderLimitError("maxTotalBytes", limitMessages.maxTotalBytes());
        throw new ReaderLimitError("maxPartBytes", limitMessages.maxPartBytes(name));
      }
      const stop = known ? declared : cap;
      let result: Buffer;
      let tooLarge = false;
      if (method === 0) result = data;
      else if (method === 8) {
        try {
          result = inflateRawSync(data, { maxOutputLength: Math.max(1, stop + 1) });
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code !== "ERR_BUFFER_TOO_LARGE") throw new PackageFormatError(`phần "${name}" không giải nén được (dữ liệu nén hỏng).`);
          tooLarge = true;
          result = Buffer.alloc(0);
        }
      } else throw new PackageFormatError(`phần "${name}" nén theo cách không hỗ trợ (mã ${method}).`);
      if (known && (tooLarge || result.length > declared)) throw new PackageFormatError(`phần "${name}" giải nén ra nhiều hơn kích thước ghi trong tệp nén (tệp hỏng, hoặc "bom nén").`);
      if (tooLarge || result.length > cap) {
        if (cap < READER_LIMITS.maxPartBytes) throw new ReaderLimitError("maxTotalBytes", limitMessages.maxTotalBytes());
        throw new ReaderLimitError("maxPartBytes", limitMessages.maxPartBytes(name));
      }
      budget.used += result.length;
      return result;
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The kind of a zip package (xlsx, ods, another Office file, any zip) from its entries. */
export function packageKind(entries: Map<string, () => Buffer>): FileKind {
  let mimetype: string | undefined;
  const mt = entries.get("mimetype");
  if (mt) {
    try {
      mimetype = mt().subarray(0, 200).toString("latin1");
    } catch {
      mimetype = undefined;
    }
  }
  let wbPath: string | undefined;
  if (!mimetype && entries.has("_rels/.rels")) {
    try {
      wbPath = workbookPartPath((p) => entries.get(p)?.());
    } catch {
      wbPath = undefined;
    }
  }
  return zipKind(entries.keys(), mimetype, wbPath);
}

/**
 * Grids straight from the package XML (fast, little garbage): xlsx-reader.ts parses, Node's zlib
 * inflates within the limits. Same grids as readWorkbookGrids; throws on anything it does not expect.
 */
export function readWorkbookGridsFast(bytes: Buffer, budget: InflateBudget = { used: 0 }): Grid[] {
  const entries = zipEntries(bytes, budget);
  if (entries.size === 0) throw new PackageFormatError("Không phải tệp zip.");
  return parseWorkbookParts((path) => entries.get(path)?.());
}

/** An .ods package's grids (content.xml), within the limits. */
export function readOdsGrids(bytes: Buffer, budget: InflateBudget = { used: 0 }): Grid[] {
  const entries = zipEntries(bytes, budget);
  const content = entries.get("content.xml");
  if (!content) throw new PackageFormatError("thiếu content.xml.");
  return parseOdsContent(content());
}

/** Largest package (all parts inflated) handed to ExcelJS when the fast reader could not read it. */
const EXCELJS_FALLBACK_BYTES = 50_000_000;

function fsMessage(e: unknown, path: string): WorkbookFileError {
  const code = (e as NodeJS.ErrnoException).code;
  const detail = e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e);
  if (code === "ENOENT" || code === "ENOTDIR") return new WorkbookFileError("missing", `Không tìm thấy tệp "${path}".`, detail);
  if (code === "EACCES" || code === "EPERM") return new WorkbookFileError("no_access", `Không có quyền đọc tệp "${path}". Hãy kiểm tra quyền của tệp (hoặc chép tệp sang thư mục của mình) rồi thử lại.`, detail);
  if (code === "EISDIR") return new WorkbookFileError("not_file", `"${path}" là một thư mục, không phải tệp.`, detail);
  return new WorkbookFileError("missing", `Không đọc được tệp "${path}" (lỗi hệ thống ${code ?? "không rõ"}).`, detail);
}

function wrapRead(path: string, e: unknown): WorkbookFileError {
  if (e instanceof WorkbookFileError) return e;
  if (e instanceof ReaderLimitError) return new WorkbookFileError("limit", FILE_MESSAGES.limit(path, e.message));
  const detail = e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e);
  const why = e instanceof PackageFormatError ? e.message : undefined;
  return new WorkbookFileError("corrupt", FILE_MESSAGES.corrupt(path, why), detail);
}

/** Read an .xlsx or .ods file into grids. Throws WorkbookFileError with a Vietnamese message. */
export async function loadWorkbookFile(path: string, opts: { fast?: boolean } = {}): Promise<Grid[]> {
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new WorkbookFileError("not_file", `"${path}" không phải là một tệp${st.isDirectory() ? " (đó là một thư mục)" : ""}.`);
    if (st.size > READER_LIMITS.maxFileBytes) throw new WorkbookFileError("limit", FILE_MESSAGES.limit(path, limitMessages.maxFileBytes(st.size)));
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof WorkbookFileError) throw e;
    throw fsMessage(e, path);
  }
  sniffWorkbook(bytes, path);
  const budget: InflateBudget = { used: 0 };
  let kind: FileKind;
  try {
    kind = packageKind(zipEntries(bytes, budget));
  } catch (e) {
    throw wrapRead(path, e);
  }
  const refused = kindMessage(kind, path);
  if (refused) throw new WorkbookFileError(kind === "truncated-zip" ? "corrupt" : "not_xlsx", refused);
  if (kind === "ods") {
    try {
      return readOdsGrids(bytes, budget);
    } catch (e) {
      throw wrapRead(path, e);
    }
  }
  let fastError: unknown;
  if (opts.fast !== false) {
    try {
      return readWorkbookGridsFast(bytes, budget);
    } catch (e) {
      if (e instanceof ReaderLimitError) throw wrapRead(path, e);
      fastError = e;
    }
  }
  // The full ExcelJS load reads some packages the fast reader does not, but has no limits of its
  // own: hand it only a package whose parts all inflate within a small bound.
  try {
    const check: InflateBudget = { used: 0 };
    for (const read of zipEntries(bytes, check).values()) {
      read();
      if (check.used > EXCELJS_FALLBACK_BYTES) throw fastError ?? new PackageFormatError("tệp quá lớn để đọc theo cách dự phòng.");
    }
  } catch (e) {
    throw wrapRead(path, e);
  }
  try {
    return await readWorkbookGrids(bytes);
  } catch (e) {
    if (e instanceof ReaderLimitError) throw wrapRead(path, e);
    throw wrapRead(path, fastError instanceof PackageFormatError ? fastError : e);
  }
}
