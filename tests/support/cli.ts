/** Run the CLI in-process with captured output. */
import { main } from "../../src/cli/main";
import type { Io } from "../../src/cli/io";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], stdin = ""): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    out: (s) => (stdout += s.endsWith("\n") ? s : s + "\n"),
    err: (s) => (stderr += s.endsWith("\n") ? s : s + "\n"),
    stdin: () => stdin,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
