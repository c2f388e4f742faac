/**
 * Read and check bench on realistic workbooks (tests/support/realistic-workbook.ts: unique names,
 * every target shape, text results, groups with merges, a title block, styles, shared strings).
 * Side by side and interleaved, medians of ≥ 5 runs:
 *   read_ratio_vs_floor_50000  the project's reader vs inflating the same parts and a bare scan;
 *   check_ratio_vs_read_50000  the whole check (read + analyse + report) vs the read alone;
 *   check_scaling_exponent     from 10 000 to 100 000 rows (1 = linear).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadWorkbookFile, zipEntries } from "../src/adapters/xlsx/read-file";
import { checkReport, gridSource, requireTable } from "../src/app/analyse";
import { writeRealisticWorkbook } from "../tests/support/realistic-workbook";
import { exponent, interleaved, ratio, ratioFigures, round } from "./util";

/** The floor: unzip the parts a check needs (sheets, shared strings) and scan them for cells, nothing else. */
function floorScan(file: string): number {
  const entries = zipEntries(readFileSync(file));
  let cells = 0;
  for (const [name, inflate] of entries) {
    if (!/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name)) continue;
    const xml = inflate().toString("utf8");
    for (let i = xml.indexOf("<c "); i >= 0; i = xml.indexOf("<c ", i + 3)) cells++;
  }
  return cells;
}

async function check(file: string): Promise<number> {
  const report = checkReport(await requireTable(gridSource(await loadWorkbookFile(file))));
  return report.indicators.length;
}

export async function benchCheck(): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chitieu-bench-"));
  try {
    const out: Record<string, number> = {};
    const f50 = path.join(dir, "r50000.xlsx");
    const w = await writeRealisticWorkbook(f50, 50_000);
    let indicators = 0;
    const t = await interleaved(
      {
        floor: () => floorScan(f50),
        read: () => loadWorkbookFile(f50),
        check: async () => {
          indicators = await check(f50);
        },
      },
      5,
    );
    if (indicators !== w.indicators) throw new Error(`check found ${indicators} of ${w.indicators} indicators`);
    Object.assign(out, {
      check_rows: w.indicators,
      floor_ms_50000: round(t.floor.median, 1),
      read_ms_50000: round(t.read.median, 1),
      check_ms_50000: round(t.check.median, 1),
      ...ratioFigures("read_ratio_vs_floor_50000", ratio(t.read, t.floor)),
      ...ratioFigures("check_ratio_vs_read_50000", ratio(t.check, t.read)),
    });
    // scaling: the same work at 10 000 and 100 000 rows
    const f10 = path.join(dir, "r10000.xlsx");
    const f100 = path.join(dir, "r100000.xlsx");
    await writeRealisticWorkbook(f10, 10_000);
    await writeRealisticWorkbook(f100, 100_000);
    const s = await interleaved({ small: () => check(f10), large: () => check(f100) }, 3);
    out.check_ms_10000 = round(s.small.median, 1);
    out.check_ms_100000 = round(s.large.median, 1);
    out.check_scaling_exponent = round(exponent(s.small.median, 10_000, s.large.median, 100_000));
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
