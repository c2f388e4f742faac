/**
 * A quick measurement (not a test, not the bench): the outlook and the trajectories of 10 000
 * realistic indicators (tests/support/realistic-workbook.ts: yearly values, mixed targets), read and
 * evaluated first. Run: npx esbuild scripts/measure-outlook.ts --bundle --platform=node
 * --outfile=/tmp/m.js && node /tmp/m.js
 */
import { realisticTable } from "../tests/support/realistic-workbook";
import { SAMPLE_INFO } from "../src/core/sample";
import { computeOutlook, outlookCharts, outlookColumn } from "../src/app/outlook";
import { chartSpaceXml } from "../src/adapters/charts/chart-xml";

const table = realisticTable(10_000);
const info = SAMPLE_INFO;
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
