/**
 * The shape corpus (tests/support/table-shapes.ts): every case is read as the adapter's grid and as an
 * .xlsx written by ExcelJS; the column mapping, the counts and every text (name, unit, target, result,
 * status, baseline) must come back exactly as the source cell shows it. CORPUS_REPORT=1 prints the
 * per-shape table (found / indicators / texts exact).
 */
import { readWorkbookGrids } from "../../../src/adapters/xlsx/exceljs-read";
import { readIndicatorTable } from "../../../src/core/sheet/reader";
import { evaluateTable } from "../../../src/core/evaluation/evaluate-table";
import { statusesAgree } from "../../../src/core/evaluation/evaluate";
import type { Grid } from "../../../src/core/sheet/grid";
import type { IndicatorRow, IndicatorTable, TableRow } from "../../../src/core/model";
import { tableShapes, type ExpectedRow, type ShapeCase } from "../../support/table-shapes";
import { workbookBytes } from "../../support/workbook-fixtures";

const cases = tableShapes();

/** The texts the reader gives for one row, by the same names as the expectation. */
function textsOf(r: TableRow): Record<string, string | undefined> {
  const x = r as IndicatorRow & Record<string, unknown>;
  const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
  if (r.type === "group") return { tt: r.tt, name: str(x.nameText ?? r.name) };
  return {
    tt: r.tt,
    name: str(x.nameText ?? r.name),
    unit: str(x.unitText ?? r.unit),
    target: str(r.targetText),
    actual: str(x.actualText ?? (typeof r.actual === "number" ? String(r.actual).replace(".", ",") : r.actual)),
    status: str(r.reportedText),
    baseline: str(x.baselineText ?? (typeof r.baseline === "number" ? String(r.baseline).replace(".", ",") : r.baseline)),
  };
}

/** Differences between what was read and what the sheet says, one line each. */
function textDiffs(table: IndicatorTable, rows: ExpectedRow[]): string[] {
  const out: string[] = [];
  for (const e of rows) {
    const got = table.rows.find((r) => r.row === e.row);
    if (!got) {
      out.push(`dòng ${e.row}: không đọc được`);
      continue;
    }
    if (got.type !== e.type) out.push(`dòng ${e.row}: ${got.type} thay vì ${e.type}`);
    const t = textsOf(got);
    for (const k of ["tt", "name", "unit", "target", "actual", "status", "baseline"] as const) {
      if (e[k] === undefined || got.type !== e.type) continue;
      if (t[k] !== e[k]) out.push(`dòng ${e.row} ${k}: ${JSON.stringify(t[k])} ≠ ${JSON.stringify(e[k])}`);
    }
  }
  return out;
}

interface Outcome {
  found: boolean;
  error?: string;
  mappingOk: boolean;
  indicators: number;
  groups: number;
  textErrors: string[];
  table?: IndicatorTable;
}

function run(c: ShapeCase, grid: Grid): Outcome {
  const r = readIndicatorTable(grid);
  if (!r.ok) return { found: false, error: r.error.message, mappingOk: false, indicators: 0, groups: 0, textErrors: [] };
  const t = r.table;
  const mappingOk = JSON.stringify(sorted(t.mapping)) === JSON.stringify(sorted(c.mapping));
  return {
    found: true,
    mappingOk,
    indicators: t.rows.filter((x) => x.type === "indicator").length,
    groups: t.rows.filter((x) => x.type === "group").length,
    textErrors: textDiffs(t, c.rows),
    table: t,
  };
}
const sorted = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).sort(([a], [b]) => a.localeCompare(b)));

/** For the report only (judging is tested elsewhere): rows whose status the sheet gives, and how many the evaluation agrees with. */
function verdicts(t: IndicatorTable): string {
  const copy = evaluateTable(JSON.parse(JSON.stringify(t)) as IndicatorTable);
  const given = copy.rows.filter((r): r is IndicatorRow => r.type === "indicator" && !!r.reported);
  const agree = given.filter((r) => r.evaluation && r.evaluation.status !== "not_evaluable" && statusesAgree(r.reported!, r.evaluation.status));
  return `${agree.length}/${given.length}`;
}

const report: string[] = [];
afterAll(() => {
  if (process.env.CORPUS_REPORT) console.log(["case | shape | found | indicators (expected) | mapping | texts exact | verdicts agreeing", ...report].join("\n"));
});

test("the corpus has at least 25 workbooks", () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
  expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
});

describe.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
  let grid: Outcome;
  let xlsx: Outcome;
  beforeAll(async () => {
    grid = run(c, c.grid);
    const grids = await readWorkbookGrids(await workbookBytes([{ name: c.grid.sheet, rows: c.raw, merges: c.grid.merges, numFmt: c.numFmt }]));
    xlsx = run(c, grids[0]);
    report.push(`${c.id} | ${c.shape} | ${grid.found ? "có" : "không"} | ${grid.indicators} (${c.indicators}) | ${grid.mappingOk ? "đúng" : "sai"} | ${grid.found && !grid.textErrors.length ? "đúng" : `sai ${grid.textErrors.length}`} | ${grid.table ? verdicts(grid.table) : "-"}`);
  });

  test("found, with the columns a person reads", () => {
    expect(grid.error).toBeUndefined();
    expect(sorted(grid.table!.mapping)).toEqual(sorted(c.mapping));
  });

  test("indicator and group counts", () => {
    expect([grid.indicators, grid.groups]).toEqual([c.indicators, c.groups]);
  });

  test("every text exactly as the source cell shows it", () => {
    expect(grid.textErrors).toEqual([]);
  });

  test("column titles as typed, and the title above the table", () => {
    const t = grid.table as IndicatorTable & { headers?: Record<string, string>; title?: string };
    expect(t.headers).toEqual(c.headers);
    expect(t.title).toBe(c.title);
  });

  test("the same through an .xlsx written by ExcelJS", () => {
    expect(xlsx.error).toBeUndefined();
    expect(sorted(xlsx.table!.mapping)).toEqual(sorted(c.mapping));
    expect([xlsx.indicators, xlsx.groups]).toEqual([c.indicators, c.groups]);
    expect(xlsx.textErrors).toEqual([]);
  });
});
