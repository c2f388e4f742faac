/**
 * A quick measurement (not a test, not the bench): the outlook and the trajectories of 10 000
 * synthetic indicators, half with three yearly values. Run: node scripts/measure-outlook.mjs
 */
import { syntheticTable, BENCH_INFO } from "../bench/appendix";
import { computeOutlook, outlookCharts, outlookColumn } from "../src/app/outlook";
import { chartSpaceXml } from "../src/adapters/charts/chart-xml";

const table = syntheticTable(10_000);
let i = 0;
for (const r of table.rows) {
  if (r.type !== "indicator" || i++ % 2) continue;
  const a = typeof r.actual === "number" ? r.actual : 50;
  r.years = { 2021: a * 0.9, 2022: a * 0.95, 2023: a };
}
const info = { ...BENCH_INFO, termStart: 2020, termEnd: 2025, evaluationYear: 2023 };
const runs: number[] = [];
let out = computeOutlook({ table, info });
for (let k = 0; k < 7; k++) {
  const t0 = performance.now();
  out = computeOutlook({ table, info });
  outlookColumn(out!);
  runs.push(performance.now() - t0);
}
runs.sort((a, b) => a - b);
const t1 = performance.now();
const charts = outlookCharts(out);
const t2 = performance.now();
let bytes = 0;
for (const c of charts) bytes += chartSpaceXml(c).length;
const t3 = performance.now();
console.log(`indicators: ${out!.rows.length}; ${out!.summary}`);
console.log(`outlook + column texts: median ${runs[3].toFixed(1)} ms (min ${runs[0].toFixed(1)}, max ${runs[6].toFixed(1)}) over 7 runs`);
console.log(`trajectories: ${charts.length} in ${(t2 - t1).toFixed(1)} ms; chart XML: ${(bytes / 1e6).toFixed(1)} MB in ${(t3 - t2).toFixed(1)} ms`);
