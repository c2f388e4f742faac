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

/** The sentences, one per kind the tool cannot use, and the shared ones for a broken file. */
export const FILE_MESSAGES = {
  xls: (f: string) => `Tệp "${f}" là sổ Excel cũ (.xls), công cụ chỉ đọc .xlsx và .ods. Hãy mở bằng Excel (hoặc LibreOffice) và lưu lại dạng "Sổ làm việc Excel (.xlsx)".`,
  encrypted: (f: string) => `Tệp "${f}" được đặt mật khẩu (mã hóa), công cụ không mở được. Hãy mở bằng Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại dạng .xlsx.`,
  xlsb: (f: string) => `Tệp "${f}" là sổ Excel nhị phân (.xlsb), công cụ chỉ đọc .xlsx và .ods. Hãy mở bằng Excel và lưu lại dạng "Sổ làm việc Excel (.xlsx)".`,
  otherOffice: (f: string) => `Tệp "${f}" là văn bản hoặc trình chiếu (Word, PowerPoint, OpenDocument), không phải bảng tính. Hãy chọn tệp Excel (.xlsx) hoặc bảng tính LibreOffice (.ods).`,
  zip: (f: string) => `Tệp "${f}" là tệp nén (zip) nhưng không phải sổ Excel (.xlsx) hay bảng tính .ods: trong đó không có sổ làm việc.`,
  truncatedZip: (f: string) => `Tệp "${f}" bị hỏng hoặc bị cắt cụt (tải về chưa xong?): không đọc được danh mục tệp nén. Hãy lấy lại tệp gốc.`,
  notZip: (f: string) => `Tệp "${f}" không phải là tệp Excel .xlsx hay bảng tính .ods (có thể là CSV, HTML hoặc văn bản). Hãy mở bằng Excel và lưu lại dạng .xlsx.`,
  corrupt: (f: string, why?: string) => `Tệp "${f}" bị hỏng, không đọc được như một sổ Excel${why ? `: ${why}` : "."} Hãy mở bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi thử lại.`,
  limit: (f: string, why: string) => `Tệp "${f}": ${why}`,
};

/** The sentence for a kind the tool cannot read, or undefined for .xlsx / .ods. */
export function kindMessage(kind: FileKind, file: string): string | undefined {
  switch (kind) {
    case "xls":
      return FILE_MESSAGES.xls(file);
    case "encrypted":
      return FILE_MESSAGES.encrypted(file);
    case "xlsb":
      return FILE_MESSAGES.xlsb(file);
    case "other-office":
      return FILE_MESSAGES.otherOffice(file);
    case "zip":
      return FILE_MESSAGES.zip(file);
    case "truncated-zip":
      return FILE_MESSAGES.truncatedZip(file);
    case "not-zip":
      return FILE_MESSAGES.notZip(file);
    default:
      return undefined;
  }
}
