/**
 * What the workbook readers (.xlsx, .ods) accept, in one place, with the Vietnamese sentence that
 * names each limit. The readers check while they read and stop at the first limit passed, so a
 * hostile file (a row number of 15 digits, a zip bomb) is refused in moments instead of growing
 * until the machine runs out of memory. Excel's own limits come from Microsoft's "Excel
 * specifications and limits"; the size limits are this tool's, chosen so that a sheet of 1 048 576
 * rows of an indicator table still reads.
 */
import { formatViNumber } from "../../core/text/numbers";

export const READER_LIMITS = {
  /** Excel: rows per sheet */
  maxRows: 1_048_576,
  /** Excel: columns per sheet (XFD) */
  maxColumns: 16_384,
  /** Excel: characters in one cell */
  maxCellChars: 32_767,
  /** the file itself, read whole into memory */
  maxFileBytes: 300_000_000,
  /** one part of the package once inflated (a sheet's XML, content.xml, shared strings) */
  maxPartBytes: 500_000_000,
  /** all parts read from one package, once inflated */
  maxTotalBytes: 1_000_000_000,
  /** entries of the shared strings table */
  maxSharedStrings: 5_000_000,
  /** cells a sheet's grid may hold (rows × width of each row), so memory stays bounded */
  maxGridCells: 40_000_000,
  /** merged ranges in one sheet */
  maxMerges: 1_000_000,
};

export type ReaderLimit = keyof typeof READER_LIMITS;

const vi = (n: number) => formatViNumber(n, { decimals: 0 });
const mb = (n: number) => `${formatViNumber(n / 1_000_000, { decimals: 0 })} MB`;

/** A file passes one of the limits above: refused with a sentence naming the limit (exit 2). */
export class ReaderLimitError extends Error {
  constructor(
    public readonly limit: ReaderLimit,
    message: string,
  ) {
    super(message);
  }
}

/** Sentences for each limit; `where` names the sheet, cell or part. */
export const limitMessages = {
  maxRows: (where: string, row: number) => `${where}: dòng ${vi(row)} vượt quá giới hạn ${vi(READER_LIMITS.maxRows)} dòng của một trang tính.`,
  maxColumns: (where: string, ref: string) => `${where}: ô "${ref.slice(0, 40)}" vượt quá giới hạn ${vi(READER_LIMITS.maxColumns)} cột (cột XFD) của một trang tính.`,
  maxCellChars: (where: string, ref: string, n: number) => `${where}: ô ${ref} có ${vi(n)} ký tự, vượt quá giới hạn ${vi(READER_LIMITS.maxCellChars)} ký tự của một ô Excel.`,
  maxFileBytes: (size: number) => `Tệp nặng ${mb(size)}, vượt quá giới hạn ${mb(READER_LIMITS.maxFileBytes)} mà công cụ đọc được.`,
  maxPartBytes: (part: string) => `Phần "${part}" trong tệp khi giải nén vượt quá ${mb(READER_LIMITS.maxPartBytes)} (giới hạn cho một phần); tệp có thể là "bom nén" hoặc quá lớn.`,
  maxTotalBytes: () => `Dữ liệu trong tệp khi giải nén vượt quá ${mb(READER_LIMITS.maxTotalBytes)} (giới hạn cho cả tệp); tệp có thể là "bom nén" hoặc quá lớn.`,
  maxSharedStrings: () => `Bảng chuỗi dùng chung của tệp có hơn ${vi(READER_LIMITS.maxSharedStrings)} chuỗi, vượt quá giới hạn của công cụ.`,
  maxGridCells: (where: string) => `${where}: vùng dữ liệu có hơn ${vi(READER_LIMITS.maxGridCells)} ô, vượt quá giới hạn của công cụ.`,
  maxMerges: (where: string) => `${where}: có hơn ${vi(READER_LIMITS.maxMerges)} vùng gộp ô, vượt quá giới hạn của công cụ.`,
};

/** A package that is broken inside (bad XML, missing part): the caller adds the file name. */
export class PackageFormatError extends Error {}

/**
 * A command's own, lower, limit of rows (the appendix is laid out in memory: 150 000 table rows):
 * the reader stops a sheet it applies to as soon as the sheet is known to pass it, from the sheet's
 * <dimension> before its rows are inflated, else from the rows read so far, so refusing a sheet of
 * a million rows costs little memory. `applies`: which sheets it is for (all when absent).
 */
export interface RowLimit {
  rows: number;
  applies?: (sheet: string) => boolean;
}

/** A sheet passes a command's RowLimit: the command says it in its own words. Not a broken file. */
export class RowLimitError extends Error {
  constructor(
    readonly sheet: string,
    /** the sheet's last row (`declared`: as its <dimension> says), or the limit it passed */
    readonly rows: number,
    readonly declared: boolean,
  ) {
    super(`Trang "${sheet}" có ${declared ? "" : "hơn "}${vi(rows)} dòng, quá số dòng lệnh này đọc được.`);
  }
}
