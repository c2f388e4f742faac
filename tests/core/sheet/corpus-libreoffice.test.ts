/**
 * The shape corpus re-saved by LibreOffice (many State offices use it): every case is written as
 * .xlsx, converted by `soffice --headless --convert-to xlsx` in one call, read back through the file
 * adapter and must give the same mapping, counts and texts. Skipped where LibreOffice is not installed.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadWorkbookFile } from "../../../src/adapters/xlsx/read-file";
import { readIndicatorTable } from "../../../src/core/sheet/reader";
import type { IndicatorRow, TableRow } from "../../../src/core/model";
import { tableShapes } from "../../support/table-shapes";
import { tmpDir, workbookBytes } from "../../support/workbook-fixtures";

const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].find((p) => existsSync(p));
const cases = tableShapes();
const maybe = soffice ? describe : describe.skip;

function texts(r: TableRow): Record<string, string> {
  if (r.type === "group") return { tt: r.tt, name: r.nameText ?? r.name };
  const x = r as IndicatorRow;
  return { tt: x.tt, name: x.nameText ?? x.name, unit: x.unitText ?? x.unit, target: x.targetText, actual: x.actualText ?? "", status: x.reportedText ?? "" };
}

maybe("corpus re-saved by LibreOffice", () => {
  const out = path.join(tmpDir(), "lo-out");
  beforeAll(async () => {
    const dir = path.join(tmpDir(), "lo-in");
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (const c of cases) {
      const f = path.join(dir, `${c.id}.xlsx`);
      writeFileSync(f, await workbookBytes([{ name: c.grid.sheet, rows: c.raw, merges: c.grid.merges, numFmt: c.numFmt }]));
      files.push(f);
    }
    const profile = `file://${path.join(tmpDir(), "lo-profile")}`;
    execFileSync(soffice!, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", out, ...files], { timeout: 240_000, stdio: "ignore" });
  }, 300_000);

  test.each(cases.map((c) => [c.id, c] as const))("%s", async (_id, c) => {
    const grids = await loadWorkbookFile(path.join(out, `${c.id}.xlsx`));
    const r = readIndicatorTable(grids[0]);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.table.mapping).toEqual(c.mapping);
    expect(r.table.rows.filter((x) => x.type === "indicator")).toHaveLength(c.indicators);
    expect(r.table.rows.filter((x) => x.type === "group")).toHaveLength(c.groups);
    for (const e of c.rows) {
      const got = r.table.rows.find((x) => x.row === e.row);
      const want: Record<string, string> = { tt: e.tt, name: e.name };
      if (e.type === "indicator") Object.assign(want, { unit: e.unit ?? "", target: e.target ?? "", actual: e.actual ?? "", status: e.status ?? "" });
      expect({ row: e.row, ...texts(got!) }).toEqual({ row: e.row, ...want });
    }
    expect(r.table.headers).toEqual(c.headers);
    expect(r.table.title).toBe(c.title);
  });
});
