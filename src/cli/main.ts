/**
 * `chitieu`: the command-line face of the engine. Each command lives in commands/<name>.ts and
 * exports `run(argv, io) → exit code`. Messages are Vietnamese; user errors exit 2 with no stack.
 */
import { CliError, processIo, type Io } from "./io";
import * as evaluateCmd from "./commands/evaluate";
import * as fnCmd from "./commands/fn";
import * as checkCmd from "./commands/check";
import * as templateCmd from "./commands/template";
import * as appendixCmd from "./commands/appendix";
import * as demoCmd from "./commands/demo";
import * as tongHopCmd from "./commands/tong-hop";

export interface Command {
  summary: string;
  usage: string;
  run: (argv: string[], io: Io) => Promise<number> | number;
}

export const COMMANDS: Record<string, Command> = {
  evaluate: evaluateCmd,
  fn: fnCmd,
  check: checkCmd,
  template: templateCmd,
  appendix: appendixCmd,
  demo: demoCmd,
  "tong-hop": tongHopCmd,
};

function help(): string {
  const lines = [
    "chitieu: đánh giá kết quả thực hiện các chỉ tiêu Nghị quyết và lập phụ lục.",
    "",
    "Cách dùng: chitieu <lệnh> [tùy chọn]",
    "",
    "Các lệnh:",
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}\n  ${" ".repeat(10)} ${c.usage}`),
    "",
    "Xem thêm: README.md",
  ];
  return lines.join("\n");
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(help());
    return 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.err(`Lệnh không có: "${name}". Các lệnh: ${Object.keys(COMMANDS).join(", ")}. Xem: chitieu --help`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`${cmd.summary}\nCách dùng: ${cmd.usage}`);
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(e.message);
      return e.code;
    }
    io.err(`Lỗi không mong đợi: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}
