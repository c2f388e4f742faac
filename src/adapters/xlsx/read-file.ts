/**
 * Node: load an .xlsx file into grids, with Vietnamese errors the user can act on: missing file,
 * not an .xlsx (an old .xls, a CSV, anything else), encrypted with a password. Reads only.
 */
import { readFileSync, statSync } from "node:fs";
import type { Grid } from "../../core/grid";
import { readWorkbookGrids } from "./read";

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

/** Read an .xlsx file into grids. Throws WorkbookFileError with a Vietnamese message. */
export async function loadWorkbookFile(path: string): Promise<Grid[]> {
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
  try {
    return await readWorkbookGrids(bytes);
  } catch (e) {
    throw new WorkbookFileError("corrupt", `Không đọc được tệp "${path}" như một sổ Excel .xlsx (tệp hỏng hoặc không đúng định dạng): ${e instanceof Error ? e.message : String(e)}`);
  }
}
