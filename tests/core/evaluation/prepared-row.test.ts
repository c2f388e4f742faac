/**
 * Each row is read once (src/core/evaluation/prepared-row.ts): the reader folds the name, the
 * target and direction are read once and shared by the computed result and the evaluation, and the
 * checks, areas and consolidation take the same fold. These tests hold that shared reading to what
 * each step gives when it reads a row on its own (evaluate(), foldText, inferKind, decideDirection,
 * a plain copy of the table), on the reference appendix and on 1 000 realistic rows, and show that
 * the record is kept, handed over, renewed when a row or a text changes, and never seen in the rows.
 */
import { checkTable } from "../../../src/core/checks/checks";
import { evaluate, type Evaluation } from "../../../src/core/evaluation/evaluate";
import { computeActual, evaluateTable, inferKind, nearestParentIndexes, nearestParents } from "../../../src/core/evaluation/evaluate-table";
import { foldedNameAt, rowReading, rowReadingAt } from "../../../src/core/evaluation/prepared-row";
import { detectStatusStyle } from "../../../src/core/evaluation/vocabulary";
import { readIndicatorTable } from "../../../src/core/sheet/reader";
import { decideDirection, parseDirection } from "../../../src/core/target/direction";
import { parseTarget } from "../../../src/core/target/target";
import * as fold from "../../../src/core/text/fold";
import { foldText } from "../../../src/core/text/fold";
import { SAMPLE_INFO } from "../../../src/core/sample";
import type { Grid } from "../../../src/core/sheet/grid";
import type { IndicatorRow, IndicatorTable } from "../../../src/core/model";
import { realisticGrid } from "../../support/realistic-workbook";
import { referenceSheetRows } from "../../support/workbook-fixtures";

const indicators = (t: IndicatorTable) => t.rows.filter((r): r is IndicatorRow => r.type === "indicator");

/** Read and evaluate a grid the way analyse does: the sheet's own status words. */
function readAndEvaluate(grid: Grid, near?: number): IndicatorTable {
  const read = readIndicatorTable(grid);
  if (!read.ok) throw new Error(read.error.message);
  const style = detectStatusStyle(read.table);
  return evaluateTable(read.table, { vocabulary: style.vocabulary, levels: style.levels, words: style.words, near });
}

/** What evaluate() gives for one row read on its own: it parses the target and folds the names itself. */
function evaluateAlone(t: IndicatorTable, r: IndicatorRow, parent: string | undefined, near?: number): Evaluation {
  const style = detectStatusStyle(t);
  return evaluate({
    target: r.targetText,
    actual: r.actual,
    direction: parseDirection(r.directionSetting) ?? undefined,
    name: r.name,
    groupName: parent,
    unit: r.unit,
    vocabulary: style.vocabulary,
    levels: style.levels,
    words: style.words,
    near,
  });
}

const CASES: Array<[string, () => Grid, number | undefined]> = [
  ["the reference appendix", () => ({ sheet: "Phụ lục", values: referenceSheetRows() }), undefined],
  ["1 000 realistic rows", () => realisticGrid(1000), undefined],
  ["1 000 realistic rows, near threshold 5%", () => realisticGrid(1000, 7), 0.05],
];

describe.each(CASES)("rows read once: %s", (_label, grid, near) => {
  const table = readAndEvaluate(grid(), near);
  const rows = indicators(table);
  const parents = nearestParents(table.rows);

  test("the table has indicators, evaluated", () => {
    expect(rows.length).toBeGreaterThanOrEqual(28);
    expect(rows.every((r) => r.evaluation !== undefined)).toBe(true);
  });

  test("each evaluation is the one evaluate() gives reading the row alone", () => {
    const differing = rows.filter((r) => JSON.stringify(r.evaluation) !== JSON.stringify(evaluateAlone(table, r, parents.get(r), near)));
    expect(differing.map((r) => r.row)).toEqual([]);
    for (const r of rows.slice(0, 50)) expect(r.evaluation).toEqual(evaluateAlone(table, r, parents.get(r), near));
  });

  test("each computed result is the one computeActual gives with the evaluation's direction", () => {
    const computed = rows.filter((r) => r.actualSource === "computed");
    for (const r of computed) {
      expect(r.actual).toBe(computeActual(r.kind, r.years, { baseline: r.baseline, unit: r.unit, direction: r.evaluation!.direction })!.value);
    }
  });

  test("the name the reader folded is foldText's, and the kind inferKind's", () => {
    table.rows.forEach((r, i) => {
      expect(foldedNameAt(table, i)).toBe(foldText(r.name));
      if (r.type === "indicator" && !table.mapping.kind) expect(r.kind).toBe(inferKind(r.name, r.unit));
    });
  });

  test("a plain copy of the table (no row read before) gets the same evaluations and findings", () => {
    const copy: IndicatorTable = JSON.parse(JSON.stringify(table));
    const style = detectStatusStyle(copy);
    evaluateTable(copy, { vocabulary: style.vocabulary, levels: style.levels, words: style.words, near });
    expect(JSON.stringify(copy.rows)).toBe(JSON.stringify(table.rows));
    expect(checkTable(copy, SAMPLE_INFO)).toEqual(checkTable(table, SAMPLE_INFO));
    // and checking twice gives the same: nothing read once goes stale
    expect(checkTable(table, SAMPLE_INFO)).toEqual(checkTable(copy, SAMPLE_INFO));
  });

  test("the record is not part of the rows' data", () => {
    for (const r of rows.slice(0, 20)) {
      const plain = JSON.parse(JSON.stringify(r));
      expect(Object.keys(r)).toEqual(Object.keys(plain));
      expect(Object.getOwnPropertySymbols(r)).toEqual([]);
      expect(r).toStrictEqual({ ...r });
    }
    expect(Object.keys(table)).toEqual(Object.keys(JSON.parse(JSON.stringify(table))));
  });
});

describe("the reader's fold is shared, not made again", () => {
  test("evaluation, checks and a second evaluation fold no indicator's name again, a group's once (1 000 realistic rows)", () => {
    const read = readIndicatorTable(realisticGrid(1000));
    if (!read.ok) throw new Error(read.error.message);
    const names = new Set(read.table.rows.map((r) => r.name));
    const indicatorNames = new Set(indicators(read.table).map((r) => r.name));
    const spy = jest.spyOn(fold, "foldText");
    try {
      evaluateTable(read.table);
      checkTable(read.table, SAMPLE_INFO);
      evaluateTable(read.table, { vocabulary: "hoan-thanh" });
      const folds = spy.mock.calls.map(([text]) => text).filter((t) => names.has(t));
      // the reader folded every indicator's name; a group's name is folded when its rows first ask for its words
      expect(folds.filter((t) => indicatorNames.has(t))).toEqual([]);
      expect(folds.length).toBe(new Set(folds).size);
      expect(folds.length).toBeGreaterThan(0);
      // and the spy sees folds: a row outside a table is folded when asked
      rowReading({ ...indicators(read.table)[0] });
      expect(spy.mock.calls.some(([text]) => names.has(text))).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("a row's reading is kept, handed over and renewed", () => {
  const table = readAndEvaluate(realisticGrid(200));
  const parents = nearestParentIndexes(table.rows);
  const indexOf = (r: IndicatorRow) => table.rows.indexOf(r);
  const parentName = (r: IndicatorRow) => {
    const p = parents[indexOf(r)];
    return p === undefined ? undefined : table.rows[p].name;
  };

  test("kept until the last reader takes it; then read again", () => {
    const i = indexOf(indicators(table)[3]);
    const kept = rowReadingAt(table, i, parents[i]);
    expect(rowReadingAt(table, i, parents[i])).toBe(kept);
    expect(rowReadingAt(table, i, parents[i], true)).toBe(kept);
    const again = rowReadingAt(table, i, parents[i], true);
    expect(again).not.toBe(kept);
    expect(again).toEqual({ target: kept.target, direction: kept.direction });
  });

  test("the evaluation carries the reading's target, and decideDirection's direction", () => {
    for (const r of indicators(table).slice(0, 40)) {
      const p = parseTarget(r.targetText);
      expect(r.evaluation!.target).toEqual(p.ok ? p.target : undefined);
      expect(r.evaluation!.direction).toBe(decideDirection({ explicit: r.directionSetting, target: p.ok ? p.target : undefined, name: r.name, groupName: parentName(r) }).direction);
    }
  });

  test("a changed target, name, parent or row is read again", () => {
    const r = indicators(table).find((x) => x.targetText !== "" && parseTarget(x.targetText).ok && parents[indexOf(x)] !== undefined)!;
    const i = indexOf(r);
    const parent = table.rows[parents[i]!];
    rowReadingAt(table, i, parents[i]);
    r.targetText = "dưới 5";
    expect(rowReadingAt(table, i, parents[i]).direction).toEqual({ direction: "down", rule: "target_words", because: "dưới 5" });
    r.targetText = "95";
    r.name = "Tỷ lệ hộ nghèo đa chiều";
    expect(foldedNameAt(table, i)).toBe("ty le ho ngheo da chieu");
    expect(rowReadingAt(table, i, parents[i]).direction).toEqual({ direction: "down", rule: "name", because: "hộ nghèo" });
    r.name = "Số hộ được hỗ trợ";
    parent.name = "Giảm tỷ lệ hộ nghèo";
    expect(rowReadingAt(table, i, parents[i]).direction).toEqual({ direction: "down", rule: "group_name", because: "hộ nghèo" });
    parent.name = "Các chỉ tiêu kinh tế";
    expect(rowReadingAt(table, i, parents[i]).direction).toEqual({ direction: "up", rule: "default" });
    // another row put at that index is read as itself
    const other = { ...r, name: "Tỷ lệ thất nghiệp", targetText: "95" };
    table.rows[i] = other;
    expect(foldedNameAt(table, i)).toBe("ty le that nghiep");
    expect(rowReadingAt(table, i, parents[i]).direction).toEqual({ direction: "down", rule: "name", because: "thất nghiệp" });
    // a row outside a table, its parent by name
    expect(rowReading(other, "Giảm tỷ lệ hộ nghèo").direction).toEqual({ direction: "down", rule: "name", because: "thất nghiệp" });
    expect(rowReading({ ...other, name: "Số hộ" }, "Giảm tỷ lệ hộ nghèo").direction).toEqual({ direction: "down", rule: "group_name", because: "hộ nghèo" });
  });

  test("a parent's words are found once for all its rows, and decide as decideDirection does", () => {
    const parent = { type: "group" as const, row: 1, tt: "I", name: "Cơ cấu kinh tế", level: 0 };
    const kids = ["Dịch vụ", "Công nghiệp - xây dựng", "Nông nghiệp"].map((name, i): IndicatorRow => ({
      type: "indicator",
      row: i + 2,
      tt: String(i + 1),
      name,
      unit: "%",
      level: 1,
      kind: "level",
      targetText: "48-48,5",
      years: {},
      actual: 48.2,
      actualSource: "given",
      groupPath: [parent.name],
      cells: {},
    }));
    evaluateTable({ sheet: "x", mapping: {}, headerRow: 1, rows: [parent, ...kids], years: [] });
    for (const k of kids) {
      expect(k.evaluation!.direction).toBe("band");
      expect(k.evaluation!.directionRule).toBe("group_name");
      const p = parseTarget(k.targetText);
      expect(decideDirection({ target: p.ok ? p.target : undefined, name: k.name, groupName: parent.name })).toMatchObject({ direction: "band", rule: "group_name", because: "cơ cấu" });
    }
  });
});
