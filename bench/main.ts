/**
 * npm run bench [-- --json]: speed and memory as ratios against a baseline run side by side and
 * interleaved, on realistic generated data; medians with their spread. Each area adds its figures
 * to one object; with --json it is printed as one JSON line at the end. `--only check,appendix`
 * runs some areas.
 */
import { benchEngine } from "./engine";
import { benchCheck } from "./check";
import { benchAppendix, peakAppendix } from "./appendix";
import { benchStartup } from "./startup";
import { benchConsolidate } from "./consolidate";
import { benchBrowser } from "./browser";

type Figures = Record<string, number | string>;

async function main(): Promise<void> {
  const peak = process.argv.indexOf("--peak-appendix");
  if (peak > 0) return peakAppendix(Number(process.argv[peak + 1]), process.argv[peak + 2]);
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
    ["startup", benchStartup],
    ["consolidate", benchConsolidate],
    ["browser", benchBrowser], // optional: --browser or --only browser (uses dist/web, builds nothing)
  ];
  const only = process.argv.indexOf("--only");
  const chosen = only > 0 ? process.argv[only + 1].split(",") : null;
  for (const [name, run] of areas) {
    if (chosen ? !chosen.includes(name) : name === "browser" && !process.argv.includes("--browser")) continue;
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
