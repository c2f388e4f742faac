/**
 * Node: load an .xlsx file into grids, with Vietnamese errors the user can act on: missing file,
 * not an .xlsx (an old .xls, a CSV, anything else), encrypted with a password. Reads only.
 *
 * Files are read straight from the package XML (sheet-xml.ts), several times faster than ExcelJS's
 * `load` and with far less garbage; anything unexpected falls back to the full ExcelJS load
 * (readWorkbookGrids), which gives the same grids. `{ fast: false }` forces ExcelJS.
 */
import { readFileSync, statSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import type { Grid } from "../../core/sheet/grid";
import { readWorkbookGrids } from "./exceljs-read";
import { parseWorkbookParts } from "./sheet-xml";

export type WorkbookFileErrorCode = "missing" | "not_file" | "not_xlsx" | "encrypted" | "corrupt";

export class WorkbookFileError extends Error {
  constructor(
    public readonly code: WorkbookFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, magic: number[]): boolean {
  return magic.every((x, i) => b[i] === x);
}

/** "EncryptionInfo" in UTF-16LE, the stream an encrypted OOXML package carries inside its CFB container. */
function hasEncryptionInfo(b: Uint8Array): boolean {
  const needle = Buffer.from("EncryptionInfo", "utf16le");
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(needle);
}

/** What kind of file the bytes are, before handing them to ExcelJS. */
export function sniffWorkbook(bytes: Uint8Array, path = "tệp"): void {
  if (startsWith(bytes, CFB_MAGIC)) {
    if (hasEncryptionInfo(bytes)) {
      throw new WorkbookFileError("encrypted", `Tệp "${path}" được đặt mật khẩu (mã hóa). Hãy mở bằng Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại dạng .xlsx.`);
    }
    throw new WorkbookFileError("not_xlsx", `Tệp "${path}" là sổ Excel cũ (.xls), không phải .xlsx. Hãy mở bằng Excel và lưu lại dạng "Sổ làm việc Excel (.xlsx)".`);
  }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    throw new WorkbookFileError("not_xlsx", `Tệp "${path}" không phải là tệp Excel .xlsx.`);
  }
}

/** Files in a zip archive (central directory), inflated on demand with Node's zlib. */
export function zipEntries(bytes: Buffer): Map<string, () => Buffer> {
  const out = new Map<string, () => Buffer>();
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
    const nameLen = bytes.readUInt16LE(p + 28);
    const extraLen = bytes.readUInt16LE(p + 30);
    const commentLen = bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.toString("utf8", p + 46, p + 46 + nameLen);
    out.set(name, () => {
      const lNameLen = bytes.readUInt16LE(local + 26);
      const lExtraLen = bytes.readUInt16LE(local + 28);
      const start = local + 30 + lNameLen + lExtraLen;
      const data = bytes.subarray(start, start + compressed);
      return method === 0 ? data : inflateRawSync(data);
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * Grids straight from the package XML (fast, little garbage): sheet-xml.ts parses, Node's zlib
 * inflates. Same grids as readWorkbookGrids; throws on anything it does not expect.
 */
export function readWorkbookGridsFast(bytes: Buffer): Grid[] {
  const entries = zipEntries(bytes);
  if (entries.size === 0) throw new Error("Không phải tệp zip.");
  return parseWorkbookParts((path) => entries.get(path)?.().toString("utf8"));
}

/** Read an .xlsx file into grids. Throws WorkbookFileError with a Vietnamese message. */
export async function loadWorkbookFile(path: string, opts: { fast?: boolean } = {}): Promise<Grid[]> {
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new WorkbookFileError("not_file", `"${path}" không phải là một tệp.`);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof WorkbookFileError) throw e;
    throw new WorkbookFileError("missing", `Không tìm thấy tệp "${path}".`);
  }
  sniffWorkbook(bytes, path);
  if (opts.fast !== false) {
    try {
      return readWorkbookGridsFast(bytes);
    } catch {
      // fall through to the full load, which reads what it can or says what is wrong
    }
  }
  try {
    return await readWorkbookGrids(bytes);
  } catch (e) {
    throw new WorkbookFileError("corrupt", `Không đọc được tệp "${path}" như một sổ Excel .xlsx (tệp hỏng hoặc không đúng định dạng): ${e instanceof Error ? e.message : String(e)}`);
  }
}
