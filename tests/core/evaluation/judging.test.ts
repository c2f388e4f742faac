/**
 * Judging at the level the sheet uses (issue 10): met / not met first, "vượt" against "đạt" a note,
 * "Gần đạt" a warning, direction from the indicator's meaning, approximate targets, yearly rates
 * kept as rates, the sheet's own status words written back.
 */
import { checkTable, type Finding } from "../../../src/core/checks/checks";
import { compareVerdicts, evaluate, parseStatusLabel, statusLabel, type Status } from "../../../src/core/evaluation/evaluate";
import { computeActual, evaluateTable } from "../../../src/core/evaluation/evaluate-table";
import { detectStatusStyle } from "../../../src/core/evaluation/vocabulary";
import { averageGrowthOfRates } from "../../../src/core/evaluation/growth";
import { buildAppendixLayout, withSourceTexts } from "../../../src/core/layout";
import { decideDirection } from "../../../src/core/target/direction";
import { parseTarget, parseTargetGeneral } from "../../../src/core/target/target";
import { readIndicatorTable } from "../../../src/core/sheet/reader";
import type { IndicatorTable } from "../../../src/core/model";

const HEADER = ["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết", "Kết quả thực hiện", "Đánh giá"];

/** Read a grid the way the CLI does: the reader, then the sheet's own texts kept from the grid. */
function table(rows: unknown[][], header: unknown[] = HEADER): IndicatorTable {
  const grid = { sheet: "Chỉ tiêu", values: [header, ...rows] };
  const r = readIndicatorTable(grid);
  if (!r.ok) throw new Error(r.error.message);
  return withSourceTexts(r.table, grid);
}
function check(t: IndicatorTable): Finding[] {
  const style = detectStatusStyle(t);
  return checkTable(evaluateTable(t, { vocabulary: style.vocabulary, levels: style.levels, words: style.words }));
}
const codes = (f: Finding[]) => f.map((x) => `${x.code}@${x.cell}:${x.severity}`);
const statusCells = (t: IndicatorTable, opts = {}) =>
  buildAppendixLayout(t, {}, { kemTheo: "", title: "T", ...opts })
    .rows.filter((r) => r.section === "body" && r.kind !== "group-0" && r.kind !== "group-1")
    .map((r) => r.cells[r.cells.length - 1].text);

describe("met / not met first", () => {
  test('"Hoàn thành vượt" for 62.000 against ">55.000" is no error: both say met, a note on the degree', () => {
    const t = table([["1", "Số đảng viên kết nạp mới", "đảng viên", ">55.000", 62000, "Hoàn thành vượt"]]);
    const f = check(t);
    expect(codes(f)).toEqual(["status_degree@F2:info"]);
    expect(f[0].message).toContain("cùng là đạt");
    expect(f.filter((x) => x.severity === "error")).toEqual([]);
  });

  test("compareVerdicts: every pair of statuses", () => {
    const all: Status[] = ["exceeded", "met", "near", "not_met"];
    const table2 = all.map((r) => all.map((c) => compareVerdicts(r, c)));
    expect(table2).toEqual([
      // computed: exceeded, met, near, not_met
      ["same", "degree", "mismatch", "mismatch"], // reported exceeded
      ["same", "same", "mismatch", "mismatch"], // reported met ("Đạt" for exceeded is how offices count)
      ["mismatch", "mismatch", "same", "near"], // reported near
      ["mismatch", "mismatch", "degree", "same"], // reported not met
    ]);
    expect(compareVerdicts("met", "not_evaluable")).toBe("same");
  });

  test("a real contradiction stays an error", () => {
    expect(codes(check(table([["1", "Tỷ lệ che phủ rừng", "%", "> 60", 55, "Đạt"]])))).toEqual(["status_mismatch@F2:error"]);
  });
});

describe("Gần đạt", () => {
  test('the sheet\'s "Gần đạt" for a result the numbers say is not met: a warning, not an error', () => {
    const f = check(table([["1", "Tỷ lệ lao động qua đào tạo", "%", "65", 64.5, "Gần đạt"]]));
    expect(codes(f)).toEqual(["status_near@F2:warning"]);
    expect(f[0].message).toMatch(/không có ngưỡng chính thức/);
  });
  test("within a near threshold the computed verdict is Gần đạt too, and agrees; outside it is Chưa đạt", () => {
    const e = evaluate({ target: "65", actual: 64.5, near: 0.02 });
    expect([e.status, e.label]).toEqual(["near", "Gần đạt"]);
    expect(e.reason).toContain("ngưỡng gần đạt 2%");
    expect(evaluate({ target: "65", actual: 60, near: 0.02 }).status).toBe("not_met");
    const t = table([["1", "Tỷ lệ lao động qua đào tạo", "%", "65", 64.5, "Gần đạt"]]);
    expect(checkTable(evaluateTable(t, { near: 0.02 }))).toEqual([]);
  });
  test('"Gần đạt" for a result that meets the target is an error (met against not met)', () => {
    expect(codes(check(table([["1", "Tỷ lệ lao động qua đào tạo", "%", "65", 66, "Gần đạt"]])))).toEqual(["status_mismatch@F2:error"]);
  });
});

describe("direction from the indicator's meaning", () => {
  test.each([
    ["Chỉ số giá tiêu dùng (CPI) tăng bình quân", "chỉ số giá tiêu dùng"],
    ["Tốc độ tăng CPI", "CPI"],
    ["Kiềm chế lạm phát", "lạm phát"],
    ["Tỷ lệ thất nghiệp khu vực thành thị", "thất nghiệp"],
    ["Tỷ lệ hộ nghèo đa chiều", "hộ nghèo"],
    ["Số vụ tai nạn giao thông", "tai nạn"],
    ["Số người chết do tai nạn", "tai nạn"],
    ["Tỷ suất tử vong trẻ em dưới 1 tuổi", "tử vong"],
    ["Tỷ lệ tăng dân số tự nhiên", "tăng dân số tự nhiên"],
    ["Số vụ phạm pháp hình sự", "phạm pháp"],
  ])("%s: lower is better", (name, word) => {
    expect(decideDirection({ name })).toEqual({ direction: "down", rule: "name", because: word });
  });
  test("words match whole words only", () => {
    expect(decideDirection({ name: "Chỉ số giá trị sản xuất công nghiệp" }).direction).toBe("up");
    expect(decideDirection({ name: "Tỷ lệ lao động có việc làm" }).direction).toBe("up");
  });
});

describe('"Khoảng 4": an approximate target', () => {
  test("read as approximate by both readers", () => {
    for (const text of ["Khoảng 4", "khoảng 4%", "Xấp xỉ 8,5"]) {
      const quick = parseTarget(text);
      const general = parseTargetGeneral(text);
      expect(quick).toEqual(general);
      expect(quick.ok && quick.target.approx).toBe(true);
    }
    expect(parseTarget("4").ok && (parseTarget("4") as { target: { approx?: boolean } }).target.approx).toBeFalsy();
  });
  test("CPI growth against Khoảng 4: lower is better, a ceiling at 4 × 1,05 = 4,2, the rule stated", () => {
    const cpi = (actual: number) => evaluate({ target: "Khoảng 4", actual, name: "Tốc độ tăng chỉ số giá tiêu dùng (CPI) bình quân", unit: "%" });
    const low = cpi(3.15);
    expect([low.status, low.direction]).toEqual(["met", "down"]);
    expect(low.reason).toContain("mức gần đúng, cho phép lệch 5%");
    expect(low.reason).toContain("càng thấp càng tốt nên đọc là mức tối đa khoảng 4");
    expect(cpi(4.2).status).toBe("met");
    expect(cpi(4.3).status).toBe("not_met");
    // before: judged higher-is-better, 3,15 against 4 was "Chưa đạt"
    expect(evaluate({ target: "4", actual: 3.15, name: "Tăng trưởng kinh tế" }).status).toBe("not_met");
  });
  test("higher is better: met within the tolerance, exceeded above it; the tolerance can be set", () => {
    const g = (actual: number, approxTolerance?: number) => evaluate({ target: "Khoảng 8", actual, name: "Tăng trưởng kinh tế", approxTolerance }).status;
    expect([g(7.7), g(8.3), g(8.5), g(7.5)]).toEqual(["met", "met", "exceeded", "not_met"]);
    expect(g(7.7, 0.01)).toBe("not_met");
  });
});

describe("a rate row stays a rate", () => {
  test("yearly columns of a %/năm growth indicator are averaged by the GSO chain formula, whatever the baseline holds", () => {
    const years = { 2021: 2.5, 2022: 8.1, 2023: 6.9 };
    const chain = (Math.pow(1.025 * 1.081 * 1.069, 1 / 3) - 1) * 100;
    const c = computeActual("average_growth", years, { baseline: 7.2, unit: "%/năm" })!;
    expect(c.value).toBeCloseTo(chain, 10);
    expect(c.value).toBeCloseTo(averageGrowthOfRates([2.5, 8.1, 6.9]), 12);
    expect(c.how).toContain("Bình quân nhân");
    // levels stay levels: a unit that is not a percent, with a baseline
    expect(computeActual("average_growth", { 2021: 110, 2022: 121 }, { baseline: 100, unit: "tỷ đồng" })!.value).toBeCloseTo(10, 10);
  });

  test("a growth row with a baseline and yearly rates, read from a sheet: no false growth claim, result = chain", () => {
    const header = ["TT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2020", "Chỉ tiêu Nghị quyết", "Năm 2021", "Năm 2022", "Năm 2023", "Kết quả thực hiện", "Đánh giá"];
    const chain = (Math.pow(1.025 * 1.081 * 1.069, 1 / 3) - 1) * 100; // 5,81
    const t = table([["1", "Tốc độ tăng trưởng kinh tế (GRDP)", "%/năm", 7.2, "6,5-7", 2.5, 8.1, 6.9, 5.81, "Chưa đạt"]], header);
    const row = t.rows.find((r) => r.type === "indicator")!;
    expect(row.type === "indicator" && row.kind).toBe("average_growth");
    expect(check(t)).toEqual([]);
    // and when the sheet gives no result, the computed one is the chain, not a level (3,14 before)
    const t2 = table([["1", "Tốc độ tăng trưởng kinh tế (GRDP)", "%/năm", 7.2, "6,5-7", 2.5, 8.1, 6.9, null, null]], header);
    evaluateTable(t2);
    const r2 = t2.rows.find((r) => r.type === "indicator")!;
    expect(r2.type === "indicator" && (r2.actual as number)).toBeCloseTo(chain, 10);
  });
});

describe("the sheet's own status words", () => {
  test("Đạt / Chưa đạt only: two levels, and only those words in the appendix", () => {
    const t = table([
      ["1", "Thu ngân sách", "tỷ đồng", "100", 150, "Đạt"],
      ["2", "Tỷ lệ che phủ rừng", "%", "> 60", 55, "Chưa đạt"],
    ]);
    expect(detectStatusStyle(t)).toMatchObject({ vocabulary: "dat", levels: 2 });
    evaluateTable(t);
    expect(statusCells(t)).toEqual(["Đạt", "Chưa đạt"]);
  });

  test('"Không đạt" is a not-met word and is written back as "Không đạt", also where the numbers differ from the sheet', () => {
    expect(parseStatusLabel("Không đạt")).toBe("not_met");
    const t = table([
      ["1", "Thu ngân sách", "tỷ đồng", "100", 150, "Đạt"],
      ["2", "Tỷ lệ che phủ rừng", "%", "> 60", 55, "Không đạt"],
      ["3", "Tỷ lệ thất nghiệp", "%", "dưới 4", 4.39, "Đạt"],
    ]);
    const style = detectStatusStyle(t);
    expect(style.words).toEqual({ met: "Đạt", not_met: "Không đạt" });
    evaluateTable(t, { words: style.words, levels: style.levels });
    expect(statusCells(t)).toEqual(["Đạt", "Không đạt", "Không đạt"]);
    expect(statusLabel("not_met", { words: style.words })).toBe("Không đạt");
  });

  test("Hoàn thành / Hoàn thành vượt / Chưa hoàn thành: three levels in that vocabulary", () => {
    const t = table([
      ["1", "Thu ngân sách", "tỷ đồng", "100", 150, "Hoàn thành vượt"],
      ["2", "Tỷ lệ che phủ rừng", "%", "> 60", 61, "Hoàn thành"],
      ["3", "Tỷ lệ che phủ rừng", "%", "> 60", 50, "Chưa hoàn thành"],
      ["4", "Đường giao thông nông thôn được cứng hóa", "km", "100", 120, "Hoàn thành"],
    ]);
    expect(detectStatusStyle(t)).toMatchObject({ vocabulary: "hoan-thanh", levels: 3 });
    evaluateTable(t);
    expect(statusCells(t)).toEqual(["Hoàn thành vượt", "Hoàn thành", "Chưa hoàn thành", "Hoàn thành vượt"]);
    // a chosen vocabulary overrides the sheet's words
    expect(statusCells(t, { vocabulary: "dat", levels: 2 })).toEqual(["Đạt", "Đạt", "Chưa đạt", "Đạt"]);
  });

  test("where the tool cannot judge, the appendix writes the sheet's verdict as typed and the check says so", () => {
    const t = table([
      ["1", "Hoàn thành xây dựng trung tâm hành chính", "công trình", "sớm hoàn thành", "Đã khởi công", "Cơ bản đạt  (đang thi công)"],
      ["2", "Thu ngân sách", "tỷ đồng", "100", 150, "Đạt"],
    ]);
    const f = check(t);
    expect(codes(f).filter((c) => c.startsWith("status_from_sheet"))).toEqual(["status_from_sheet@F2:info"]);
    const l = buildAppendixLayout(t, {}, { kemTheo: "", title: "T" });
    const kept = l.rows.find((r) => r.statusFromSheet)!;
    expect(kept.cells[kept.cells.length - 1].text).toBe("Cơ bản đạt  (đang thi công)");
  });
});
