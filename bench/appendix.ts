/**
 * Appendix bench on a realistic table (tests/support/realistic-workbook.ts), side by side and
 * interleaved, medians of ≥ 5 runs:
 *   appendix_xlsx_ratio_vs_exceljs_10000  our .xlsx (styles, merges, print setup) vs ExcelJS writing
 *                                         the same cell texts with no styles at all;
 *   appendix_docx_ratio_vs_xlsx_10000     the .docx writer vs the .xlsx writer on the same layout;
 *   appendix_scaling_exponent             layout + .xlsx + .docx from 10 000 to 100 000 rows;
 *   office_syncs_10000 …                  the Office.js writer against the Office fake.
 * The peak memory at 100 000 rows is measured in a child process (see peakAppendix), and so is the
 * whole command a user runs, `chitieu appendix r100000.xlsx -o … --docx …` (read, check, layout, both
 * files written): appendix_cli_peak_mb_100000.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildAppendixLayout, type AppendixLayout } from "../src/core/layout";
import type { IndicatorTable } from "../src/core/model";
import { renderAppendixDocx } from "../src/adapters/docx/appendix-docx";
import { writeAppendixSheet } from "../src/adapters/office/office-appendix";
import { renderAppendixXlsx } from "../src/adapters/xlsx/appendix-xlsx";
import { SAMPLE_INFO } from "../src/core/sample";
import { createExcelMock } from "../tests/support/office-fake";
import { realisticTable, writeRealisticWorkbook } from "../tests/support/realistic-workbook";
import { exponent, interleaved, ratio, ratioFigures, round } from "./util";

/** ExcelJS writing the same cell texts with no styles at all: the baseline. */
async function plainExcelJs(layout: AppendixLayout): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Phụ lục 1");
  for (const r of layout.rows) {
    const line = new Array<string>(layout.columns.length).fill("");
    for (const c of r.cells) line[c.col] = c.text;
    ws.addRow(line);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Child process: the whole appendix (layout, .xlsx, .docx) at `n` rows; prints the peak RSS in MB. */
export async function peakAppendix(n: number, only?: string): Promise<void> {
  const table = realisticTable(n);
  const layout = buildAppendixLayout(table, SAMPLE_INFO, {});
  const xlsx = only === "docx" ? new Uint8Array() : await renderAppendixXlsx(layout);
  const docx = only === "xlsx" ? new Uint8Array() : await renderAppendixDocx(layout);
  process.stdout.write(JSON.stringify({ peak_mb: process.resourceUsage().maxRSS / 1024, xlsx_bytes: xlsx.length, docx_bytes: docx.length }) + "\n");
}

function childPeak(n: number): { peak_mb: number } {
  const r = spawnSync(process.execPath, ["--expose-gc", process.argv[1], "--peak-appendix", String(n)], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) return { peak_mb: -1 };
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

/** The appendix command as a user runs it, in a fresh process: its peak RSS (MB), time (ms) and exit code. */
async function cliPeak(n: number): Promise<{ peak_mb: number; ms: number; code: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chitieu-bench-cli-"));
  try {
    const file = path.join(dir, `r${n}.xlsx`);
    await writeRealisticWorkbook(file, n);
    const cli = path.join(path.dirname(process.argv[1]), "cli.js");
    const argv = ["appendix", file, "-o", path.join(dir, "pl.xlsx"), "--docx", path.join(dir, "pl.docx")];
    const script = `const t0 = Date.now(); require(${JSON.stringify(cli)}).main(${JSON.stringify(argv)}, { out() {}, err(s) { process.stderr.write(s + "\\n"); }, stdin: () => "" })
      .then((code) => process.stdout.write(JSON.stringify({ code, ms: Date.now() - t0, peak_mb: process.resourceUsage().maxRSS / 1024 })));`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (r.status !== 0 || !r.stdout) return { peak_mb: -1, ms: -1, code: r.status ?? -1 };
    return JSON.parse(r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchAppendix(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const table = realisticTable(10_000);
  const layout = buildAppendixLayout(table, SAMPLE_INFO, {});
  const t = await interleaved(
    {
      layout: () => buildAppendixLayout(table, SAMPLE_INFO, {}),
      xlsx: () => renderAppendixXlsx(layout),
      exceljs: () => plainExcelJs(layout),
      docx: () => renderAppendixDocx(layout),
    },
    5,
  );
  Object.assign(out, {
    appendix_layout_ms_10000: round(t.layout.median, 1),
    appendix_xlsx_ms_10000: round(t.xlsx.median, 1),
    appendix_exceljs_plain_ms_10000: round(t.exceljs.median, 1),
    appendix_docx_ms_10000: round(t.docx.median, 1),
    ...ratioFigures("appendix_xlsx_ratio_vs_exceljs_10000", ratio(t.xlsx, t.exceljs)),
    ...ratioFigures("appendix_docx_ratio_vs_xlsx_10000", ratio(t.docx, t.xlsx)),
  });
  const whole = async (tbl: IndicatorTable) => {
    const l = buildAppendixLayout(tbl, SAMPLE_INFO, {});
    await renderAppendixXlsx(l);
    await renderAppendixDocx(l);
  };
  const big = realisticTable(100_000);
  const s = await interleaved({ small: () => whole(table), large: () => whole(big) }, 3, 0);
  out.appendix_ms_100000 = round(s.large.median, 1);
  out.appendix_scaling_exponent = round(exponent(s.small.median, 10_000, s.large.median, 100_000));
  out.appendix_peak_mb_100000 = round(childPeak(100_000).peak_mb, 1);
  const c = await cliPeak(100_000);
  // 0 when both files were written; anything else makes the peak meaningless
  out.appendix_cli_exit_100000 = c.code;
  out.appendix_cli_peak_mb_100000 = round(c.peak_mb, 1);
  out.appendix_cli_ms_100000 = round(c.ms, 1);
  const { context, stats } = createExcelMock(["Phụ lục 1"]);
  const r = await writeAppendixSheet(context, layout, "Phụ lục 1");
  out.office_syncs_10000 = r.syncs;
  out.office_proxies_10000 = stats.proxies;
  out.office_request_max_bytes_10000 = Math.max(...r.requestBytes);
  return out;
}
