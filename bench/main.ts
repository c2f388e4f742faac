/**
 * npm run bench [-- --json]: speed and memory as ratios against a baseline run side by side in the
 * same process. Each area adds its figures to one object; with --json it is printed as one JSON
 * line at the end.
 */
import { benchEngine } from "./engine";
import { benchCheck } from "./check";
import { benchAppendix } from "./appendix";
import { benchConsolidate } from "./consolidate";

type Figures = Record<string, number | string>;

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const log = (s: string) => {
    if (!json) process.stdout.write(s + "\n");
    else process.stderr.write(s + "\n");
  };
  const all: Figures = {};
  const areas: Array<[string, () => Promise<Figures> | Figures]> = [
    ["engine", benchEngine],
    ["check", benchCheck],
    ["appendix", benchAppendix],
    ["consolidate", benchConsolidate],
  ];
  for (const [name, run] of areas) {
    log(`== ${name}`);
    const f = await run();
    for (const [k, v] of Object.entries(f)) log(`  ${k.padEnd(40)} ${typeof v === "number" ? +v.toFixed(3) : v}`);
    Object.assign(all, f);
  }
  if (json) process.stdout.write(JSON.stringify(all) + "\n");
}

main().catch((e) => {
  process.stderr.write(`Lỗi khi đo: ${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
