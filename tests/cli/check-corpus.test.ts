/**
 * `chitieu check --json` on workbooks of the shape corpus written as .xlsx: the mapping a person
 * reads, and every indicator's name, unit, target and reported status exactly as typed.
 */
import path from "node:path";
import { writeFileSync } from "node:fs";
import { runCli } from "../support/cli";
import { tableShapes } from "../support/table-shapes";
import { tmpDir, workbookBytes } from "../support/workbook-fixtures";

const PICK = ["party-1", "state-1", "two-tier-3", "group-under-header-1", "line-breaks", "units-1"];
const cases = tableShapes().filter((c) => PICK.includes(c.id));

test.each(cases.map((c) => [c.id, c] as const))("%s", async (_id, c) => {
  const file = path.join(tmpDir(), `${c.id}.xlsx`);
  writeFileSync(file, await workbookBytes([{ name: c.grid.sheet, rows: c.raw, merges: c.grid.merges, numFmt: c.numFmt }]));
  const r = await runCli(["check", file, "--json"]);
  expect(r.stderr).toBe("");
  const j = JSON.parse(r.stdout);
  expect(j.mapping).toEqual(c.mapping);
  const want = c.rows.filter((e) => e.type === "indicator");
  expect(j.indicators.map((i: { row: number; name: string; unit: string; target: string; reported: string | null }) => [i.row, i.name, i.unit, i.target, i.reported ?? ""])).toEqual(
    want.map((e) => [e.row, e.name, e.unit ?? "", e.target ?? "", e.status ?? ""]),
  );
  expect(j.groups.map((g: { row: number; name: string }) => [g.row, g.name])).toEqual(c.rows.filter((e) => e.type === "group").map((e) => [e.row, e.name]));
});
