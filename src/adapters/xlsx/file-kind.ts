/**
 * What kind of file the user gave, from its bytes and (for a zip) the names inside, and the
 * Vietnamese sentence for each kind the tool cannot read. Pure: the CLI (Node) and the browser page
 * use the same rules and the same words.
 */
import { ODS_MIMETYPE } from "../ods/ods-content";

export type FileKind = "xlsx" | "ods" | "xls" | "encrypted" | "xlsb" | "other-office" | "zip" | "truncated-zip" | "not-zip";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];

function startsWith(b: Uint8Array, magic: number[]): boolean {
  return b.length >= magic.length && magic.every((x, i) => b[i] === x);
}

/** "EncryptionInfo" in UTF-16LE: the stream an encrypted OOXML package carries in its CFB container. */
function hasEncryptionInfo(b: Uint8Array): boolean {
  const needle = Array.from("EncryptionInfo", (c) => c.charCodeAt(0));
  outer: for (let i = 0; i + needle.length * 2 <= b.length; i++) {
    if (b[i] !== needle[0] || b[i + 1] !== 0) continue;
    for (let k = 1; k < needle.length; k++) if (b[i + 2 * k] !== needle[k] || b[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/** Kind from the first bytes only: a CFB container (.xls or password-protected), a zip, or neither. */
export function sniffBytes(bytes: Uint8Array): "xls" | "encrypted" | "zip" | "not-zip" {
  if (startsWith(bytes, CFB_MAGIC)) return hasEncryptionInfo(bytes) ? "encrypted" : "xls";
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP)) return "zip";
  return "not-zip";
}

/** Kind of a zip package from its entry names and its `mimetype` entry's text (OpenDocument). */
export function zipKind(names: Iterable<string>, mimetype: string | undefined, workbookPath?: string): FileKind {
  const set = new Set(names);
  if (set.size === 0) return "truncated-zip";
  const mt = (mimetype ?? "").trim();
  if (mt === ODS_MIMETYPE || mt === `${ODS_MIMETYPE}-template`) return set.has("content.xml") ? "ods" : "zip";
  if (mt.startsWith("application/vnd.oasis.opendocument.")) return "other-office";
  if (set.has(workbookPath ?? "xl/workbook.xml") || set.has("xl/workbook.xml")) return "xlsx";
  if (set.has("xl/workbook.bin")) return "xlsb";
  if (set.has("word/document.xml") || set.has("ppt/presentation.xml")) return "other-office";
  return "zip";
}

/**
 * What the user reads when a file cannot be used: what the file is (naming it) and what is wrong,
 * and what to do. The CLI prints both on one line; the page and the pane in Excel show the message
 * and, under it, the action. The same words wherever the file was chosen.
 */
export interface Refusal {
  message: string;
  action: string;
}

/** What to do about a file past one of the reader's limits (limits.ts). */
export const LIMIT_ACTION = "Nếu đây đúng là sổ của đơn vị, hãy chép riêng bảng chỉ tiêu sang một sổ mới (.xlsx) rồi dùng sổ đó; nếu không rõ tệp từ đâu, đừng mở nó.";

/** The refusals, one per kind the tool cannot use, and the shared ones for a broken file or a limit passed. */
export const FILE_REFUSALS = {
  xls: (f: string): Refusal => ({
    message: `Tệp "${f}" là sổ Excel cũ (.xls), công cụ chỉ đọc .xlsx và .ods.`,
    action: `Hãy mở bằng Excel (hoặc LibreOffice) và lưu lại dạng "Sổ làm việc Excel (.xlsx)".`,
  }),
  encrypted: (f: string): Refusal => ({
    message: `Tệp "${f}" được đặt mật khẩu (mã hóa), công cụ không mở được.`,
    action: "Hãy mở bằng Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại dạng .xlsx.",
  }),
  xlsb: (f: string): Refusal => ({
    message: `Tệp "${f}" là sổ Excel nhị phân (.xlsb), công cụ chỉ đọc .xlsx và .ods.`,
    action: `Hãy mở bằng Excel và lưu lại dạng "Sổ làm việc Excel (.xlsx)".`,
  }),
  otherOffice: (f: string): Refusal => ({
    message: `Tệp "${f}" là văn bản hoặc trình chiếu (Word, PowerPoint, OpenDocument), không phải bảng tính.`,
    action: "Hãy chọn tệp Excel (.xlsx) hoặc bảng tính LibreOffice (.ods).",
  }),
  zip: (f: string): Refusal => ({
    message: `Tệp "${f}" là tệp nén (zip) nhưng không phải sổ Excel (.xlsx) hay bảng tính .ods: trong đó không có sổ làm việc.`,
    action: "Nếu sổ nằm trong tệp nén này, hãy giải nén rồi chọn sổ .xlsx (hoặc .ods) ở trong.",
  }),
  truncatedZip: (f: string): Refusal => ({
    message: `Tệp "${f}" bị hỏng hoặc bị cắt cụt (tải về chưa xong?): không đọc được danh mục tệp nén.`,
    action: "Hãy lấy lại tệp gốc (tải về hoặc chép lại) rồi thử lại.",
  }),
  notZip: (f: string): Refusal => ({
    message: `Tệp "${f}" không phải là tệp Excel .xlsx hay bảng tính .ods (có thể là CSV, HTML hoặc văn bản).`,
    action: "Chọn một tệp .xlsx khác, hoặc mở tệp này bằng Excel rồi lưu lại dạng .xlsx.",
  }),
  corrupt: (f: string, why?: string): Refusal => ({
    message: `Tệp "${f}" bị hỏng, không đọc được như một sổ Excel${why ? `: ${why}` : "."}`,
    action: "Hãy mở bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi thử lại.",
  }),
  limit: (f: string, why: string): Refusal => ({ message: `Tệp "${f}": ${why}`, action: LIMIT_ACTION }),
};

/** The refusal for a kind the tool cannot read, or undefined for .xlsx / .ods. */
export function kindRefusal(kind: FileKind, file: string): Refusal | undefined {
  switch (kind) {
    case "xls":
      return FILE_REFUSALS.xls(file);
    case "encrypted":
      return FILE_REFUSALS.encrypted(file);
    case "xlsb":
      return FILE_REFUSALS.xlsb(file);
    case "other-office":
      return FILE_REFUSALS.otherOffice(file);
    case "zip":
      return FILE_REFUSALS.zip(file);
    case "truncated-zip":
      return FILE_REFUSALS.truncatedZip(file);
    case "not-zip":
      return FILE_REFUSALS.notZip(file);
    default:
      return undefined;
  }
}
