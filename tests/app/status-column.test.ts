/**
 * The Đánh giá column: the NQ.DANHGIA formula written for each indicator must give, in Excel, the
 * label the task pane computed and counted; the diff counts only cells whose content changes.
 */
import { readIndicatorTable } from "../../src/core/sheet/reader";
import { evaluateTable } from "../../src/core/evaluation/evaluate-table";
import { callFunction, type FnArg } from "../../src/core/evaluation/nq-functions";
import { valueAt, type Grid } from "../../src/core/sheet/grid";
import { toCellValue } from "../../src/core/sample";
import { buildStatusRequest, contiguousRuns, diffStatus, statusColumnOf, type StatusOptions } from "../../src/app/status-column";
import { uniqueSheetName } from "../../src/core/sheet/sheet-names";
import { loadReferenceIndicators, loadReferenceRows } from "../support/reference";

/** The reference appendix as a sheet: header on row 1, columns A-F as published. */
function referenceGrid(): Grid {
  return {
    sheet: "Phụ lục",
    values: [
      ["TT", "CHỈ TIÊU", "ĐVT", "Chỉ tiêu Nghị quyết ĐH VI", "Kết quả thực hiện", "So sánh NQ ĐH VI"],
      ...loadReferenceRows().map((r) => [r.tt || null, r.name, r.unit || null, toCellValue(r.target), toCellValue(r.actual), r.reported || null]),
    ],
  };
}

/** Evaluate a formula of the request the way Excel would call the custom function. */
function runFormula(formula: string, grid: Grid): string {
  const inner = /^=NQ\.DANHGIA\((.*)\)$/.exec(formula);
  if (!inner) throw new Error(formula);
  const args: FnArg[] = inner[1].split(",").map((a) => {
    if (a === "") return null;
    if (/^[A-Z]+\d+$/.test(a)) return (valueAt(grid, a) ?? null) as FnArg;
    if (a.startsWith('"')) return a.slice(1, -1);
    return Number(a);
  });
  return String(callFunction("DANHGIA", args));
}

const OPTIONS: StatusOptions[] = [
  { vocabulary: "dat", levels: 2, near: 0 },
  { vocabulary: "dat", levels: 3, near: 0 },
  { vocabulary: "hoan-thanh", levels: 3, near: 0 },
  { vocabulary: "dat", levels: 3, near: 5 },
];

describe.each(OPTIONS)("status column for the reference table (%o)", (opts) => {
  const grid = referenceGrid();
  const read = readIndicatorTable(grid);
  if (!read.ok) throw new Error(read.error.message);
  evaluateTable(read.table, { vocabulary: opts.vocabulary, levels: opts.levels, near: opts.near ? opts.near / 100 : undefined });
  const req = buildStatusRequest(read.table, opts, "So sánh NQ ĐH VI");

  test("one cell per indicator, in the status column F", () => {
    expect(req.column).toBe("F");
    expect(req.cells).toHaveLength(loadReferenceIndicators().length);
  });

  test("every formula gives the label the task pane computed", () => {
    const withFormula = req.cells.filter((c) => c.formula);
    expect(withFormula.length).toBeGreaterThan(20);
    for (const c of withFormula) expect({ row: c.row, label: runFormula(c.formula!, grid) }).toEqual({ row: c.row, label: c.value });
  });
});

describe("status column helpers", () => {
  const grid = referenceGrid();
  const read = readIndicatorTable(grid);
  if (!read.ok) throw new Error(read.error.message);
  evaluateTable(read.table, { vocabulary: "dat", levels: 2 });
  const req = buildStatusRequest(read.table, { vocabulary: "dat", levels: 2, near: 0 });

  test("values mode changes only the rows whose written status is wrong (the '> 98' row)", () => {
    const changes = diffStatus(req, "values", (row) => valueAt(grid, `F${row}`));
    const row98 = 2 + loadReferenceRows().findIndex((r) => r.target === "> 98" && r.actual === "98");
    expect(changes).toEqual([{ row: row98, before: "Đạt", content: "Chưa đạt" }]);
  });

  test("formulas mode changes every typed status; a cell holding the same formula is left alone", () => {
    const first = req.cells[0];
    const changes = diffStatus(req, "formulas", (row) => (row === first.row ? first.formula : valueAt(grid, `F${row}`)));
    expect(changes).toHaveLength(req.cells.length - 1);
    expect(changes.map((c) => c.row)).not.toContain(first.row);
  });

  test("a table without a status column gets a new column after the table, with a header", () => {
    const g: Grid = { sheet: "x", values: grid.values.map((r) => r.slice(0, 5)) };
    const r = readIndicatorTable(g);
    if (!r.ok) throw new Error(r.error.message);
    evaluateTable(r.table, {});
    expect(statusColumnOf(r.table)).toEqual({ column: "F", isNew: true });
    const q = buildStatusRequest(r.table, { vocabulary: "dat", levels: 3, near: 0 });
    expect(q.cells[0]).toEqual({ row: 1, value: "Đánh giá" });
  });

  test("runs of consecutive rows", () => {
    expect(contiguousRuns([{ row: 3 }, { row: 4 }, { row: 6 }, { row: 7 }, { row: 8 }, { row: 11 }]).map((r) => r.map((x) => x.row))).toEqual([[3, 4], [6, 7, 8], [11]]);
  });

  test("new sheet names never overwrite: “Phụ lục 1 (2)”, case-insensitive, 31 characters at most", () => {
    expect(uniqueSheetName("Phụ lục 1", ["Chỉ tiêu"])).toBe("Phụ lục 1");
    expect(uniqueSheetName("Phụ lục 1", ["phụ lục 1", "Phụ lục 1 (2)"])).toBe("Phụ lục 1 (3)");
    const long = "Kết quả thực hiện các chỉ tiêu chủ yếu";
    const n = uniqueSheetName(long, [long.slice(0, 31)]);
    expect(n.length).toBeLessThanOrEqual(31);
    expect(n.endsWith(" (2)")).toBe(true);
  });
});
