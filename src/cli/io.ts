/** Small helpers shared by the CLI commands: errors with exit codes, output, argument parsing. */
import { readFileSync } from "node:fs";

/** An error the user can act on: printed in Vietnamese on stderr, no stack, exit code `code`. */
export class CliError extends Error {
  constructor(
    message: string,
    public readonly code = 2,
  ) {
    super(message);
  }
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

export function readInput(file: string | undefined, io: Io): string {
  if (!file || file === "-") return io.stdin();
  try {
    return readFileSync(file, "utf8");
  } catch {
    throw new CliError(`Không tìm thấy hoặc không đọc được tệp "${file}".`);
  }
}
