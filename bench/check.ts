/**
 * Check bench: `chitieu check` on a generated 50 000-row indicator workbook (template layout,
 * reference rows repeated with varied numbers) against ExcelJS loading the same file alone.
 * Goal: check_ratio_vs_exceljs_read_50000 ≤ 1.5.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadWorkbookFile } from "../src/adapters/xlsx/read-file";
import { checkReport, gridSource, requireTable } from "../src/app/analyse";
import { SAMPLE_INFO, SAMPLE_ROWS, templateHeader, templateRowValues } from "../src/core/sample";
import { infoRows, termYears } from "../src/core/sheet/info";
import { heapUsedMb, timeBestAsync } from "./util";

/** A workbook with `n` indicator rows after the header, and the "Thông tin" sheet. */
export async function generateCheckWorkbook(n: number): Promise<Buffer> {
  const years = termYears(SAMPLE_INFO);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Chỉ tiêu");
  ws.addRow(templateHeader(years));
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const src = SAMPLE_ROWS;
  for (let i = 0; i < n; i++) {
    const r = src[i % src.length];
    const values = templateRowValues(r, years);
    // vary the numbers so the work is not the same row again and again
    const a = values[years.length + 7];
    if (typeof a === "number") values[years.length + 7] = Math.round(a * (0.9 + rnd() * 0.2) * 100) / 100;
    if (values[0] !== null) values[0] = `${values[0]}.${Math.floor(i / src.length)}`;
    ws.addRow(values);
  }
  const wi = wb.addWorksheet("Thông tin");
  wi.addRow(["Thông tin", "Giá trị", "Ví dụ"]);
  for (const r of infoRows(SAMPLE_INFO)) wi.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function benchCheck() {
  const n = 50_000;
  const dir = mkdtempSync(path.join(os.tmpdir(), "chitieu-bench-"));
  const file = path.join(dir, "bench-50000.xlsx");
  try {
    writeFileSync(file, await generateCheckWorkbook(n));
    let indicators = 0;
    let findings = 0;
    const runCheck = async () => {
      const grids = await loadWorkbookFile(file);
      const report = checkReport(await requireTable(gridSource(grids)));
      indicators = report.indicators.length;
      findings = report.findings.length;
    };
    const runLoad = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    };
    // interleaved, best of each: the machine's load changes less between neighbouring runs
    let check = Infinity;
    let load = Infinity;
    const before = heapUsedMb();
    for (let i = 0; i < 4; i++) {
      check = Math.min(check, await timeBestAsync(runCheck, 1));
      load = Math.min(load, await timeBestAsync(runLoad, 1));
    }
    const after = heapUsedMb();
    return {
      check_rows: n,
      check_indicators: indicators,
      check_findings: findings,
      check_ms_50000: check,
      check_exceljs_read_ms_50000: load,
      check_ratio_vs_exceljs_read_50000: check / load,
      check_heap_delta_mb: after - before,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
