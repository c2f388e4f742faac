/**
 * The reference appendix (Bảo Lộc 2023) as an .xlsx built here from the TSV: every indicator and
 * group is found, statuses are computed, and exactly the report's known errors are reported.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { loadWorkbookFile } from "../../../src/adapters/xlsx/read-file";
import { checkTable, countStatuses } from "../../../src/core/checks/checks";
import { evaluateTable } from "../../../src/core/evaluation/evaluate-table";
import { readIndicatorTable } from "../../../src/core/sheet/reader";
import type { IndicatorRow, IndicatorTable } from "../../../src/core/model";
import { loadReferenceRows } from "../../support/reference";
import { referenceSheetRows, titleRows, writeWorkbook } from "../../support/workbook-fixtures";

async function readReference(file: string): Promise<IndicatorTable> {
  const grids = await loadWorkbookFile(file);
  const r = readIndicatorTable(grids[0]);
  if (!r.ok) throw new Error(r.error.message);
  return evaluateTable(r.table);
}

const indicators = (t: IndicatorTable) => t.rows.filter((r): r is IndicatorRow => r.type === "indicator");

describe("reference appendix as .xlsx", () => {
  let file: string;
  let table: IndicatorTable;
  const ref = loadReferenceRows();

  beforeAll(async () => {
    file = await writeWorkbook("reference.xlsx", [{ name: "Phụ lục", rows: referenceSheetRows() }]);
    table = await readReference(file);
  });

  test("the reference TSV has 33 rows", () => {
    expect(ref).toHaveLength(33);
  });

  test("column mapping", () => {
    expect(table.mapping).toEqual({ tt: "A", name: "B", unit: "C", target: "D", actual: "E", status: "F" });
    expect(table.headerRow).toBe(1);
  });

  test("every indicator and group, in order, on its sheet row", () => {
    const groups = table.rows.filter((r) => r.type === "group");
    expect(groups.map((g) => g.tt)).toEqual(["I", "1", "2", "2.5", "II"]);
    expect(groups.map((g) => g.row)).toEqual([2, 3, 11, 17, 32]);
    const inds = indicators(table);
    expect(inds).toHaveLength(ref.filter((r) => r.target !== "").length);
    expect(inds).toHaveLength(28);
    expect(table.rows).toHaveLength(33);
    for (const r of table.rows) {
      const src = ref.find((x) => x.line === r.row)!;
      expect(src).toBeDefined();
      expect(r.tt).toBe(src.tt);
    }
  });

  test("hierarchy: sub-rows under their indicator, groups as paths", () => {
    const byRow = new Map(table.rows.map((r) => [r.row, r]));
    const sub = byRow.get(5) as IndicatorRow; // "- Khu vực công nghiệp - xây dựng tăng"
    expect(sub.marker).toBe("-");
    expect(sub.name).toBe("Khu vực công nghiệp - xây dựng tăng");
    expect(sub.level).toBe((byRow.get(4) as IndicatorRow).level + 1);
    expect(sub.groupPath).toEqual(["Các chỉ tiêu về kinh tế - xã hội", "Về kinh tế"]);
    const plus = byRow.get(22) as IndicatorRow; // "+ Có 50% thôn ..."
    expect(plus.marker).toBe("+");
    expect(plus.level).toBe((byRow.get(21) as IndicatorRow).level + 1);
    const doctor = byRow.get(18) as IndicatorRow; // under the 2.5 group
    expect(doctor.groupPath[doctor.groupPath.length - 1]).toBe("Có 100% xã, phường đạt chuẩn quốc gia về y tế");
    const numbered = byRow.get(20) as IndicatorRow; // "2.6 | - Tỷ lệ hộ gia đình văn hóa ..."
    expect(numbered.tt).toBe("2.6");
    expect(numbered.marker).toBeUndefined();
    expect(byRow.get(33)!.level).toBe(1); // II > 1
    expect((byRow.get(34) as IndicatorRow).groupPath).toEqual(["Về xây dựng hệ thống chính trị"]);
  });

  test("computed statuses agree with the report except on row 27", () => {
    for (const r of indicators(table)) {
      const e = r.evaluation!;
      expect(e.status).not.toBe("not_evaluable");
      const ok = e.status === "met" || e.status === "exceeded";
      const reportedOk = r.reportedText === "Đạt";
      if (r.row === 27) expect([ok, reportedOk]).toEqual([false, true]);
      else expect(ok).toBe(reportedOk);
    }
  });

  test("exactly the known errors are found", () => {
    const f = checkTable(table);
    expect(f.map((x) => [x.code, x.cell])).toEqual([
      ["fraction_percent_mismatch", "E25"],
      ["fraction_percent_mismatch", "E26"],
      ["status_mismatch", "F27"],
      ["borderline", "E27"],
    ]);
    expect(f[0].message).toContain("57/66");
    expect(f[0].message).toContain("86,36%");
    expect(f[0].message).toContain("88,14%");
    expect(f[0].message.startsWith("Ô E25: ")).toBe(true);
    expect(f[1].message).toContain("31,58%");
    expect(f[1].message).toContain("18,57%");
    expect(f[2].severity).toBe("error");
    expect(f[2].message).toContain("Đạt");
    expect(f[3].severity).toBe("warning");
    expect(f.filter((x) => x.severity === "error")).toHaveLength(3);
  });

  test("counts and the summary sentence", () => {
    const c = countStatuses(table);
    expect(c.total).toBe(28);
    expect(c.met_or_exceeded).toBe(14);
    expect(c.not_met).toBe(14);
    expect(c.summary).toBe("14/28 chỉ tiêu đạt và vượt; 14 chỉ tiêu chưa đạt");
  });

  test("with the official title rows above the header (merged across)", async () => {
    const t = titleRows();
    const rows = [...t.rows, ...referenceSheetRows()];
    const f2 = await writeWorkbook("reference-title.xlsx", [{ name: "PL1", rows, merges: t.merges }]);
    const t2 = await readReference(f2);
    expect(t2.headerRow).toBe(6);
    expect(indicators(t2)).toHaveLength(28);
    expect(t2.rows.filter((r) => r.type === "group")).toHaveLength(5);
    expect(checkTable(t2).map((x) => x.code)).toEqual(["fraction_percent_mismatch", "fraction_percent_mismatch", "status_mismatch", "borderline"]);
  });

  test("reading never changes the file", async () => {
    const before = createHash("sha256").update(readFileSync(file)).digest("hex");
    await readReference(file);
    expect(createHash("sha256").update(readFileSync(file)).digest("hex")).toBe(before);
  });
});
