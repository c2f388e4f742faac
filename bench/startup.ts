/**
 * CLI start-up: `chitieu --help` as a user runs it (bin/chitieu.js, which loads dist/cli.js and prints the
 * help) against `node -e 0`, both as fresh processes, interleaved, medians of 15.
 * Goal: cli_start_ratio_vs_node ≤ 2. The help texts are data (src/cli/command-texts.ts) and each command
 * is loaded only when it runs, so `--help` reads none of ExcelJS, docx and HyperFormula.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { interleaved, ratio, ratioFigures, round } from "./util";

export async function benchStartup(): Promise<Record<string, number>> {
  const cli = path.join(path.dirname(process.argv[1]), "..", "bin", "chitieu.js");
  const run = (args: string[]) => () => {
    const r = spawnSync(process.execPath, args, { stdio: "ignore" });
    if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
  };
  const t = await interleaved({ cli: run([cli, "--help"]), node: run(["-e", "0"]) }, 15);
  return {
    cli_start_ms: round(t.cli.median, 1),
    node_start_ms: round(t.node.median, 1),
    ...ratioFigures("cli_start_ratio_vs_node", ratio(t.cli, t.node)),
  };
}
