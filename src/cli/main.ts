/**
 * `chitieu`: the command-line face of the engine. Each command lives in commands/<name>.ts and
 * exports `run(argv, io) → exit code`. Messages are Vietnamese; user errors exit 2 with no stack.
 * `--debug` (anywhere on the line) adds the technical detail (English system error, stack) after
 * the message. `run` (used by bin/chitieu.js) exits only once stdout and stderr have drained.
 */
import { CliError, debugDetail, exitAfterDrain, processIo, type Io } from "./io";
import { ReaderLimitError } from "../adapters/xlsx/limits";
import { COMMAND_TEXTS } from "./command-texts";

/** A command module: commands/<name>.ts. */
export interface Command {
  summary: string;
  usage: string;
  run: (argv: string[], io: Io) => Promise<number> | number;
}

/** Each command is loaded only when it runs: `--help` loads none of them. */
const LOADERS: Record<keyof typeof COMMAND_TEXTS, () => Promise<Command>> = {
  evaluate: () => import("./commands/evaluate"),
  fn: () => import("./commands/fn"),
  check: () => import("./commands/check"),
  template: () => import("./commands/template"),
  appendix: () => import("./commands/appendix"),
  demo: () => import("./commands/demo"),
  "van-ban": () => import("./commands/van-ban"),
  "doi-chieu": () => import("./commands/doi-chieu"),
  "tong-hop": () => import("./commands/tong-hop"),
};

export const COMMANDS: Record<string, { summary: string; usage: string; load: () => Promise<Command> }> = Object.fromEntries(
  Object.entries(COMMAND_TEXTS).map(([name, t]) => [name, { ...t, load: LOADERS[name as keyof typeof COMMAND_TEXTS] }]),
);

function help(): string {
  const lines = [
    "chitieu: đánh giá kết quả thực hiện các chỉ tiêu Nghị quyết và lập phụ lục.",
    "",
    "Cách dùng: chitieu <lệnh> [tùy chọn]",
    "",
    "Các lệnh:",
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}\n  ${" ".repeat(10)} ${c.usage.split("\n")[0]}`),
    "",
    "Xem thêm: README.md",
  ];
  return lines.join("\n");
}

/** Lines of the --debug detail, each marked so it is not taken for the message. */
function debugLines(detail: string | undefined): string {
  return (detail ?? "").split("\n").filter((l) => l.trim()).map((l) => `[debug] ${l}`).join("\n");
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const debug = argv.includes("--debug");
  const [name, ...rest] = argv.filter((a) => a !== "--debug");
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
    return await (await cmd.load()).run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(e.message);
      if (debug && e.detail) io.err(debugLines(e.detail));
      return e.code;
    }
    if (e instanceof ReaderLimitError) {
      io.err(e.message);
      return 2;
    }
    const oom = e instanceof RangeError && /string length|array length|allocation/i.test(e.message);
    io.err(
      oom
        ? `Lệnh "${name}" không làm được: dữ liệu quá lớn so với bộ nhớ. Hãy chép riêng bảng chỉ tiêu sang một tệp nhỏ hơn rồi thử lại.`
        : `Lệnh "${name}" gặp lỗi không mong đợi và đã dừng; không tệp nào bị sửa. Chạy lại với --debug để xem chi tiết kỹ thuật và gửi cho người phát triển.`,
    );
    if (debug) io.err(debugLines(debugDetail(e)));
    return 2;
  }
}

/** The process entry (bin/chitieu.js): run, then exit with the code once output has drained. */
export function run(argv: string[] = process.argv.slice(2)): void {
  main(argv).then(exitAfterDrain, (e) => {
    process.stderr.write(`Lỗi không mong đợi; chạy lại với --debug để xem chi tiết.\n${argv.includes("--debug") ? debugDetail(e) + "\n" : ""}`);
    exitAfterDrain(2);
  });
}
