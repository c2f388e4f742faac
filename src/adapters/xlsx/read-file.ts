/**
 * Node: load an .xlsx file into grids, with Vietnamese errors the user can act on: missing file,
 * not an .xlsx (an old .xls, a CSV, anything else), encrypted with a password. Reads only.
 *
 * Large sheets: ExcelJS's streaming reader builds no workbook model, so it is faster and leaves far
 * less garbage than `load`; it skips merged ranges, which are read here from the sheet XML. Any
 * failure falls back to the full load (readWorkbookGrids), which gives the same grids.
 */
import ExcelJS from "exceljs";
import { readFileSync, statSync } from "node:fs";
import { Readable } from "node:stream";
import { inflateRawSync } from "node:zlib";
import type { Grid } from "../../core/grid";
import { readWorkbookGrids, shownValue } from "./read";

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

const xmlDecode = (t: string) =>
  t.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : e === "amp" ? "&" : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );

/** Merged ranges by sheet name, read from the workbook's XML parts. */
export function mergesBySheetName(bytes: Buffer): Map<string, string[]> {
  const entries = zipEntries(bytes);
  const out = new Map<string, string[]>();
  const wbXml = entries.get("xl/workbook.xml")?.().toString("utf8");
  const relsXml = entries.get("xl/_rels/workbook.xml.rels")?.().toString("utf8");
  if (!wbXml || !relsXml) return out;
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = m[0].match(/\bId="([^"]+)"/)?.[1];
    const target = m[0].match(/\bTarget="([^"]+)"/)?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, "xl/"));
  }
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = m[0].match(/\bname="([^"]*)"/)?.[1];
    const rid = m[0].match(/\br:id="([^"]+)"/)?.[1] ?? m[0].match(/\b[a-zA-Z0-9]+:id="([^"]+)"/)?.[1];
    if (name === undefined || !rid) continue;
    const part = targets.get(rid);
    const read = part ? entries.get(part) : undefined;
    const list: string[] = [];
    if (read) {
      const xml = read();
      const at = xml.lastIndexOf("<mergeCells");
      if (at >= 0) {
        const end = xml.indexOf("</mergeCells>", at);
        const text = xml.toString("utf8", at, end >= 0 ? end : xml.length);
        for (const mc of text.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)) list.push(mc[1]);
      }
    }
    out.set(xmlDecode(name), list);
  }
  return out;
}

interface StreamSheet {
  id: number;
  name: string;
  [Symbol.asyncIterator](): AsyncIterator<{ number: number; eachCell: (o: { includeEmpty: boolean }, f: (cell: { value: unknown; numFmt?: string; type: number }, col: number) => void) => void }>;
}

/** Grids with ExcelJS's streaming reader (Node). Same values as readWorkbookGrids. */
export async function readWorkbookGridsStream(bytes: Buffer): Promise<Grid[]> {
  const merges = mergesBySheetName(bytes);
  const Reader = (ExcelJS as unknown as { stream: { xlsx: { WorkbookReader: new (input: Readable, opts: object) => AsyncIterable<StreamSheet> } } }).stream.xlsx.WorkbookReader;
  const reader = new Reader(Readable.from([bytes]), { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  const grids: Grid[] = [];
  for await (const ws of reader) {
    const values: unknown[][] = [];
    for await (const row of ws) {
      const out: unknown[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        out[col - 1] = shownValue(cell.value, cell.numFmt);
      });
      for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
      while (out.length && (out[out.length - 1] === null || out[out.length - 1] === "")) out.pop();
      values[row.number - 1] = out;
    }
    for (let r = 0; r < values.length; r++) if (!values[r]) values[r] = [];
    while (values.length && values[values.length - 1].length === 0) values.pop();
    const list = merges.get(ws.name);
    if (!list) throw new Error(`Không khớp được trang "${ws.name}".`);
    grids.push({ sheet: ws.name, origin: "A1", values, merges: list });
  }
  if (grids.length === 0) throw new Error("Không có trang tính nào.");
  return grids;
}

/** Read an .xlsx file into grids. Throws WorkbookFileError with a Vietnamese message. */
export async function loadWorkbookFile(path: string, opts: { stream?: boolean } = {}): Promise<Grid[]> {
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
  if (opts.stream !== false) {
    try {
      return await readWorkbookGridsStream(bytes);
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
