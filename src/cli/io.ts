/** Small helpers shared by the CLI commands: errors with exit codes, output, argument parsing. */
import { readFileSync } from "node:fs";

/**
 * An error the user can act on: printed in Vietnamese on stderr, no stack, exit code `code`.
 * `detail` (an English system error, a stack) is printed only with --debug.
 */
export class CliError extends Error {
  constructor(
    message: string,
    public readonly code = 2,
    public readonly detail?: string,
  ) {
    super(message);
  }
}

/** Technical text of any thrown value, for --debug. */
export function debugDetail(e: unknown): string {
  if (e instanceof Error) return e.stack ?? `${e.name}: ${e.message}`;
  return String(e);
}

/**
 * End the process with `code` once everything written to stdout and stderr has been handed to the
 * OS: a 1 MB --json piped into another program is never cut (process.exit right after a write
 * drops what is still queued for a pipe).
 */
export function exitAfterDrain(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** standard input, read whole (for "-") */
  stdin: () => string;
}

export const processIo: Io = {
  out: (s) => process.stdout.write(s.endsWith("\n") ? s : s + "\n"),
  err: (s) => process.stderr.write(s.endsWith("\n") ? s : s + "\n"),
  stdin: () => readFileSync(0, "utf8"),
};

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

/**
 * Parse "--flag value", "--flag=value", "-o value" and bare "--switch". `switches` names the flags
 * that take no value.
 */
export function parseArgs(argv: string[], switches: string[] = [], aliases: Record<string, string> = {}): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-" || !a.startsWith("-") || /^-\d/.test(a)) {
      positional.push(a);
      continue;
    }
    let name = a.replace(/^--?/, "");
    let value: string | undefined;
    const eq = name.indexOf("=");
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    name = aliases[name] ?? name;
    if (switches.includes(name)) {
      flags[name] = true;
      continue;
    }
    if (value === undefined) {
      if (i + 1 >= argv.length) throw new CliError(`Tùy chọn --${name} cần một giá trị.`);
      value = argv[++i];
    }
    flags[name] = value;
  }
  return { positional, flags };
}

/** A system error on a file, in Vietnamese: not found, no permission, a folder, anything else. */
export function fileErrorMessage(e: unknown, file: string, action: "đọc" | "ghi" = "đọc"): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return action === "đọc" ? `Không tìm thấy tệp "${file}".` : `Không ghi được tệp "${file}": thư mục chứa tệp không có.`;
    case "ENOTDIR":
      return `Đường dẫn "${file}" không đúng: một phần của đường dẫn không phải thư mục.`;
    case "EACCES":
    case "EPERM":
      return `Không có quyền ${action} tệp "${file}".`;
    case "EISDIR":
      return `"${file}" là một thư mục, không phải tệp.`;
    case "ENOSPC":
      return `Không ghi được tệp "${file}": ổ đĩa đã đầy.`;
    case "EROFS":
      return `Không ghi được tệp "${file}": ổ đĩa chỉ cho đọc.`;
    case "ENAMETOOLONG":
      return `Tên tệp "${file.slice(0, 80)}…" quá dài.`;
    default:
      return `Không ${action} được tệp "${file}" (lỗi hệ thống ${code ?? "không rõ"}).`;
  }
}

export function readInput(file: string | undefined, io: Io): string {
  if (!file || file === "-") return io.stdin();
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new CliError(fileErrorMessage(e, file), 2, debugDetail(e));
  }
}
