/**
 * Every file a CLI command writes goes through here, all-or-nothing: each output is written to a
 * temporary file in its own target folder, and only when every one of them is complete are they
 * renamed into place (a rename within a folder is atomic). A failure on any output removes the
 * temporary files and leaves the folder as it was. Existing files are replaced only with `force`;
 * an output that is the input file (same device and inode: a hard link, a symlink, another path
 * to it) is refused whatever the flags.
 */
import { accessSync, constants, existsSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { formatViNumber } from "../core/text/numbers";
import { isInfoSheetName } from "../core/sheet/workbook-sheets";
import type { RowLimitError } from "../adapters/xlsx/limits";
import { CliError, debugDetail, fileErrorMessage } from "./io";
import type { CliRowLimit } from "./workbook";

/**
 * The largest appendix each format is written for, in table rows (indicators and groups), so a
 * table too big for memory is refused with its size before rendering starts instead of the process
 * dying of "heap out of memory" (Node's default heap here: about 4 GB). Measured with
 * scripts/make-big-workbook.mjs and `node dist/bench.js --peak-appendix 100000 xlsx|docx` (table,
 * layout and one format), both written as XML row by row: .xlsx 100 000 rows ≈ 0,52 GB peak (1,5 GB
 * when it went through ExcelJS); .docx 100 000 rows ≈ 0,65 GB peak.
 */
export const APPENDIX_MAX_ROWS = { xlsx: 150_000, docx: 150_000 };

/** Refuse early (exit 2, with the sizes) an appendix of `rows` rows in a format that cannot hold it. */
export function checkAppendixSize(rows: number, formats: Array<"xlsx" | "docx">): void {
  for (const f of formats) {
    const max = APPENDIX_MAX_ROWS[f];
    if (rows > max) {
      const vi = (n: number) => formatViNumber(n, { decimals: 0 });
      throw new CliError(
        `Bảng có ${vi(rows)} dòng chỉ tiêu; phụ lục .${f} chỉ lập được tối đa ${vi(max)} dòng trong bộ nhớ của máy. ` +
          (f === "docx" && rows <= APPENDIX_MAX_ROWS.xlsx ? "Hãy bỏ --docx (lập phụ lục .xlsx), hoặc tách bảng thành nhiều tệp rồi lập từng phụ lục." : "Hãy tách bảng thành nhiều tệp (ví dụ theo lĩnh vực) rồi lập từng phụ lục."),
        2,
      );
    }
  }
}

/** Rows a table's sheet may hold besides the table (title block, headers, notes) before the reader stops it. */
const ROWS_AROUND_TABLE = 1_000;

/**
 * The appendix's limit as the reader applies it while reading (cli/workbook.ts): a sheet that passes
 * it by far (its <dimension>, else the rows read so far) is refused before the rest is read, so a
 * table of a million rows costs little memory to refuse. The exact count is still checked on the
 * table (checkAppendixSize). `sheet`: the sheet the user named (only it is limited), else every
 * sheet but "Thông tin".
 */
export function appendixRowLimit(formats: Array<"xlsx" | "docx">, sheet?: string): CliRowLimit {
  const max = Math.min(...formats.map((f) => APPENDIX_MAX_ROWS[f]));
  const vi = (n: number) => formatViNumber(n, { decimals: 0 });
  return {
    rows: max + ROWS_AROUND_TABLE,
    applies: (s) => (sheet !== undefined ? s === sheet : !isInfoSheetName(s)),
    message: (file: string, e: RowLimitError) =>
      `Tệp "${file}", trang "${e.sheet}" có ${e.declared ? `vùng dữ liệu đến dòng ${vi(e.rows)}` : `hơn ${vi(e.rows)} dòng`}; phụ lục chỉ lập được tối đa ${vi(max)} dòng chỉ tiêu trong bộ nhớ của máy, nên tệp không được đọc tiếp. ` +
      "Hãy tách bảng thành nhiều tệp (ví dụ theo lĩnh vực) rồi lập từng phụ lục." +
      (e.declared ? " Nếu dưới bảng chỉ là các dòng trống còn định dạng, hãy xóa các dòng đó trong Excel rồi lưu lại." : "") +
      (sheet === undefined ? " Nếu bảng chỉ tiêu ở trang khác, hãy chỉ rõ bằng --sheet TÊN_TRANG." : ""),
  };
}

/** True when both paths name the same file on disk (device + inode), not merely equal strings. */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

export interface OutputCheck {
  /** files the command reads: never written */
  inputs?: string[];
  /** replace files that exist */
  force?: boolean;
  /** flag name to suggest in the message ("--force") */
  forceFlag?: string;
}

/**
 * Before any work: refuse an output that is an input, one that exists (without force), or one whose
 * folder is missing or not writable. Each with a Vietnamese message naming the file (exit 2).
 */
export function checkOutputs(paths: string[], opts: OutputCheck = {}): void {
  const seen = new Set<string>();
  for (const p of paths) {
    for (const input of opts.inputs ?? []) {
      if (sameFile(p, input)) throw new CliError(`Tệp ra "${p}" trùng với tệp vào "${input}" (cùng một tệp trên đĩa): không ghi đè tệp chỉ tiêu. Hãy chọn tên khác.`, 2);
    }
    const key = existsSync(p) ? `${statSync(p).dev}:${statSync(p).ino}` : join(dirname(p), basename(p));
    if (seen.has(key)) throw new CliError(`Hai tệp ra trùng nhau: "${p}". Hãy chọn tên khác cho mỗi tệp.`, 2);
    seen.add(key);
    if (existsSync(p)) {
      if (statSync(p).isDirectory()) throw new CliError(`"${p}" là một thư mục, không ghi tệp ra vào đó được.`, 2);
      if (!opts.force) throw new CliError(`Tệp "${p}" đã có. Dùng ${opts.forceFlag ?? "--force"} để ghi đè.`, 2);
    }
    const dir = dirname(p);
    try {
      if (!statSync(dir).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
      accessSync(dir, constants.W_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const msg =
        code === "ENOENT"
          ? `Không ghi được tệp "${p}": thư mục "${dir}" không có.`
          : code === "EACCES" || code === "EPERM"
            ? `Không có quyền ghi vào thư mục "${dir}" (tệp ra "${p}").`
            : fileErrorMessage(e, p, "ghi");
      throw new CliError(msg, 2, debugDetail(e));
    }
  }
}

export interface PendingOutput {
  path: string;
  data: Uint8Array | string;
}

let counter = 0;
function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}${(counter++).toString(36)}.tmp`);
}

/**
 * Write all outputs or none: temp files in each target folder first, renamed into place once all
 * are written. Checks again as checkOutputs does (the folder may have changed while the command
 * worked). On failure nothing is left behind and a CliError names the file.
 */
export function writeOutputs(outputs: PendingOutput[], opts: OutputCheck = {}): void {
  checkOutputs(
    outputs.map((o) => o.path),
    opts,
  );
  const temps: Array<{ temp: string; path: string }> = [];
  const cleanup = () => {
    for (const t of temps) {
      try {
        unlinkSync(t.temp);
      } catch {
        /* already gone */
      }
    }
  };
  for (const o of outputs) {
    const temp = tempName(o.path);
    try {
      writeFileSync(temp, o.data, { flag: "wx" });
      temps.push({ temp, path: o.path });
    } catch (e) {
      try {
        unlinkSync(temp);
      } catch {
        /* not created */
      }
      cleanup();
      throw new CliError(`${fileErrorMessage(e, o.path, "ghi")} Không tệp nào được ghi.`, 2, debugDetail(e));
    }
  }
  const done: string[] = [];
  for (const t of temps) {
    try {
      if (!opts.force && existsSync(t.path)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
      renameSync(t.temp, t.path);
      done.push(t.path);
    } catch (e) {
      cleanup();
      const code = (e as NodeJS.ErrnoException).code;
      const what = code === "EEXIST" ? `Tệp "${t.path}" vừa được tạo bởi chương trình khác.` : fileErrorMessage(e, t.path, "ghi");
      const partial = done.length ? ` Đã ghi trước đó: ${done.join(", ")}.` : " Không tệp nào được ghi.";
      throw new CliError(`${what}${partial}`, 2, debugDetail(e));
    }
  }
}
