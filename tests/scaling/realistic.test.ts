/**
 * The realistic generator's workbooks read and check correctly at 1 000 and 10 000 rows (the bench
 * times 50 000 and 100 000): every indicator and group is found, names come back exactly as
 * written, and the number of findings grows with the table, not faster.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadWorkbookFile } from "../../src/adapters/xlsx/read-file";
import { checkReport, gridSource, requireTable } from "../../src/app/analyse";
import { realisticRows, writeRealisticWorkbook } from "../support/realistic-workbook";

const dir = mkdtempSync(path.join(os.tmpdir(), "chitieu-scaling-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each([1000, 10000])("%i realistic rows: every indicator and group found, names exact", async (n) => {
  const file = path.join(dir, `r${n}.xlsx`);
  const written = await writeRealisticWorkbook(file, n);
  const analysis = await requireTable(gridSource(await loadWorkbookFile(file)));
  const report = checkReport(analysis);
  expect(analysis.table.headerRow).toBe(written.headerRow);
  expect(report.indicators).toHaveLength(written.indicators);
  expect(report.groups).toHaveLength(written.groups);
  const expected = realisticRows(n).filter((r) => r.kind === "indicator" || r.kind === "sub");
  expect(report.indicators.map((r) => r.name)).toEqual(expected.map((r) => r.name));
  expect(report.indicators.every((r) => r.status !== undefined)).toBe(true);
  expect(report.findings.length).toBeLessThan(n * 2);
});
