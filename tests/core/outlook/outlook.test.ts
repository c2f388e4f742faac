import { tableFromTsv, REFERENCE_INFO } from "../../support/appendix-fixture";
import {
  indicatorOutlook,
  judgeLikelihood,
  outlookKind,
  tableOutlook,
  outlookContext,
  trajectory,
  rowOutlook,
  formatNeeded,
  tableTrajectories,
  type OutlookInput,
} from "../../../src/core/outlook";
import { parseTarget } from "../../../src/core/target/target";
import { parseActual } from "../../../src/core/target/actual";
import { callFunction } from "../../../src/core/evaluation/nq-functions";
import { sampleTable, SAMPLE_INFO } from "../../../src/core/sample";
import { evaluateTable } from "../../../src/core/evaluation/evaluate-table";
import type { IndicatorRow } from "../../../src/core/model";

const TERM = { termStart: 2020, termEnd: 2025, reportYear: 2023 };

function input(p: Partial<Omit<OutlookInput, "target" | "actual">> & { target: string; actual?: unknown }): OutlookInput {
  const t = parseTarget(p.target);
  if (!t.ok) throw new Error(t.error.message);
  const a = p.actual === undefined ? undefined : parseActual(p.actual);
  return {
    name: "Chỉ tiêu",
    unit: "",
    direction: "up",
    years: [],
    ...TERM,
    ...p,
    target: t.target,
    actual: a && a.ok ? a.actual : undefined,
  };
}

/** The reference table with the yearly growth of row 1.1 from the report's prose (footnote ¹: 4,2 / 9,7 / ước 9,8). */
function referenceWithYears() {
  const t = tableFromTsv();
  const r = t.rows.find((x): x is IndicatorRow => x.type === "indicator" && x.tt === "1.1")!;
  r.years = { 2021: 4.2, 2022: 9.7, 2023: "ước 9,8" };
  return t;
}

describe("reference table (Bảo Lộc 2023, term 2020–2025, report year 2023)", () => {
  const out = tableOutlook(referenceWithYears(), REFERENCE_INFO)!;
  const byTt = (tt: string) => out.rows.find((x) => x.row.tt === tt)!.outlook;
  const byName = (s: string) => out.rows.find((x) => x.row.name.includes(s))!.outlook;

  test("growth 4,2 / 9,7 / 9,8 against 8,5–9,5 %/năm needs 9,45 %/năm in 2024–2025 (the lower, binding bound): hard", () => {
    const o = byTt("1.1");
    expect(o.kind).toBe("growth");
    expect(o.remainingYears).toEqual([2024, 2025]);
    expect(o.achieved).toBeCloseTo(7.87, 2);
    expect(o.best).toBe(9.8);
    expect(o.needed).toBeCloseTo(9.45, 2);
    // the same figure as NQ.CANDAT on the average as shown
    expect(callFunction("NQ.CANDAT", [8.5, 5, 7.87, 3])).toBeCloseTo(o.needed!, 10);
    // 9,45 is above 7,87 but below the best year 9,8: hard
    expect(o.likelihood).toBe("hard");
    expect(o.reason).toContain("cần tăng bình quân 9,45%/năm trong 2024–2025; 2021–2023 đạt 7,87%/năm");
    expect(o.reason).toContain("khó đạt");
    expect(o.reason).toMatch(/^Tốc độ tăng bình quân/);
  });

  test("263 members in 3 years against \"Bình quân kết nạp từ 110 – 120\" needs 143,5 a year: unlikely", () => {
    const o = byName("Kết nạp được 263");
    expect(o.kind).toBe("cumulative_avg");
    expect(o.needed).toBeCloseTo(143.5, 10);
    expect(o.neededTotal).toBe(287);
    expect(o.achieved).toBeCloseTo(87.67, 2);
    expect(o.likelihood).toBe("unlikely");
    expect(o.reason).toContain("143,5 đảng viên mới/năm trong 2024–2025");
    expect(o.reason).toContain("110 × 5 năm = 550");
  });

  test("growth with only the average of the 3 years: Π = (1+ḡ)^k", () => {
    const o = byName("Khu vực dịch vụ");
    expect(o.achieved).toBe(8.8);
    expect(o.needed).toBeCloseTo((Math.pow(Math.pow(1.1, 5) / Math.pow(1.088, 3), 1 / 2) - 1) * 100, 10);
    expect(o.reason).toContain("không có số từng năm");
  });

  test("lower is better: poverty 0,37% against 0,2 needs −0,085 points a year", () => {
    const o = byName("Tỷ lệ hộ nghèo");
    expect(o.kind).toBe("level");
    expect(o.needed).toBeCloseTo(-0.085, 10);
    expect(o.reason).toContain("cần giảm 0,09 điểm %/năm");
    expect(o.likelihood).toBe("unknown"); // no yearly values: no pace to compare with
  });

  test("levels already met are reached, with the slack", () => {
    const o = byName("Tỷ lệ bác sĩ");
    expect(o.likelihood).toBe("reached");
    expect(o.needed).toBe(0);
    expect(o.reason).toContain("dư 1,79");
  });

  test("counts", () => {
    expect(out.counts).toEqual({ reached: 12, likely: 2, hard: 1, unlikely: 5, unknown: 9 });
    expect(out.rows).toHaveLength(29);
    expect(out.summary).toBe("12 đã đạt, 2 có khả năng đạt, 1 khó đạt, 5 nguy cơ không đạt, 9 chưa đủ số liệu");
  });
});

describe("kinds", () => {
  test("kind from the words and the unit, or from the Loại column (named in the reason)", () => {
    const tk = (s: string) => { const r = parseTarget(s); if (!r.ok) throw new Error(s); return r.target; };
    expect(outlookKind({ name: "Tốc độ tăng GRDP", unit: "%", target: tk("8") }).kind).toBe("growth");
    expect(outlookKind({ name: "Thu ngân sách", unit: "%/năm", target: tk("10") }).kind).toBe("growth");
    expect(outlookKind({ name: "Kết nạp đảng viên", unit: "đảng viên/năm", target: tk("Bình quân kết nạp từ 110 – 120") }).kind).toBe("cumulative_avg");
    expect(outlookKind({ name: "Tổng vốn đầu tư giai đoạn 2021-2025", unit: "tỷ đồng", target: tk("50.000") }).kind).toBe("cumulative_total");
    expect(outlookKind({ name: "Hằng năm có trên 80% ...", unit: "%", target: tk("> 80") }).kind).toBe("every_year");
    expect(outlookKind({ name: "Tỷ lệ che phủ rừng", unit: "%", target: tk("> 6") }).kind).toBe("level");
    expect(outlookKind({ name: "Tỷ lệ che phủ rừng", unit: "%", target: tk("> 6"), kindFromColumn: "cumulative" })).toEqual({ kind: "cumulative_total", source: "column" });
    expect(outlookKind({ name: "x", unit: "", target: tk("1"), kindFromColumn: "milestone" }).kind).toBeNull();
    const o = indicatorOutlook(input({ target: "600", kindFromColumn: "cumulative", unit: "tỷ đồng", years: [[2021, 100], [2022, 120], [2023, 140]] }));
    expect(o.reason).toMatch(/^Tổng cả nhiệm kỳ \(lũy kế\) \(theo cột Loại\)/);
  });

  test("growth from levels with a baseline (GSO: base 2020, n = 3)", () => {
    const o = indicatorOutlook(input({ target: "10", unit: "tỷ đồng", kindFromColumn: "average_growth", baseline: 1000, years: [[2021, 1100], [2022, 1200], [2023, 1331]] }));
    expect(o.achieved).toBeCloseTo(10, 2);
    expect(o.best).toBeCloseTo(10.92, 2); // 1331/1200
    expect(o.needed).toBeCloseTo(10, 6);
    expect(o.likelihood).toBe("likely");
  });

  test("level: (L − Vₖ)/(N − k), pace from the baseline and the best year", () => {
    const o = indicatorOutlook(input({ name: "Tỷ lệ BHYT", unit: "%", target: "95", baseline: 88, years: [[2021, 89], [2022, 91], [2023, 92]] }));
    expect(o.needed).toBeCloseTo(1.5, 10);
    expect(o.achieved).toBeCloseTo(4 / 3, 10);
    expect(o.best).toBe(2);
    expect(o.likelihood).toBe("hard"); // 1,5 > 1,33 but ≤ best year 2
    expect(o.reason).toContain("cần tăng 1,5 điểm %/năm trong 2024–2025 (từ 92 năm 2023 đến 95)");
    const easy = indicatorOutlook(input({ name: "Tỷ lệ BHYT", unit: "%", target: "95", baseline: 80, years: [[2021, 85], [2022, 88], [2023, 92]] }));
    expect(easy.likelihood).toBe("likely");
    const far = indicatorOutlook(input({ name: "Tỷ lệ BHYT", unit: "%", target: "99", baseline: 88, years: [[2021, 89], [2022, 90], [2023, 91]] }));
    expect(far.needed).toBe(4);
    expect(far.likelihood).toBe("unlikely");
  });

  test("level from the last year with values: the years left start after it", () => {
    const o = indicatorOutlook(input({ unit: "%", target: "95", years: [[2021, 90], [2022, 91]] }));
    expect(o.remainingYears).toEqual([2023, 2024, 2025]);
    expect(o.needed).toBeCloseTo(4 / 3, 10);
  });

  test("term total: (T_total − Σ)/(N − k)", () => {
    const o = indicatorOutlook(input({ name: "Tổng vốn đầu tư toàn xã hội giai đoạn 2021-2025", unit: "tỷ đồng", target: "50.000", years: [[2021, 9000], [2022, 10000], [2023, 11000]] }));
    expect(o.kind).toBe("cumulative_total");
    expect(o.needed).toBe(10000);
    expect(o.likelihood).toBe("likely");
    expect(o.reason).toContain("cần bình quân 10.000 tỷ đồng/năm trong 2024–2025 (còn 20.000 so với tổng 50.000)");
  });

  test("cumulative already over the term total: reached with the slack", () => {
    const o = indicatorOutlook(input({ name: "Tổng vốn giai đoạn 2021-2025", unit: "tỷ đồng", target: "30.000", years: [[2021, 11000], [2022, 10000], [2023, 11000]] }));
    expect(o.likelihood).toBe("reached");
    expect(o.needed).toBe(0);
    expect(o.reason).toContain("dư 2.000");
  });

  test("cumulative per-year average given as a per-year figure", () => {
    const o = indicatorOutlook(input({ name: "Kết nạp", unit: "đảng viên/năm", target: "Bình quân kết nạp từ 110 – 120", actual: 100 }));
    expect(o.needed).toBeCloseTo((550 - 300) / 2, 10);
  });

  test("every year: the bound each year; likely when every year so far met it", () => {
    const ok = indicatorOutlook(input({ name: "Hàng năm trên 80% ...", unit: "%", target: "> 80", years: [[2021, 80.88], [2022, 82.08]] }));
    expect(ok.kind).toBe("every_year");
    expect(ok.needed).toBe(80);
    expect(ok.likelihood).toBe("likely");
    const some = indicatorOutlook(input({ name: "Hàng năm trên 80% ...", unit: "%", target: "> 80", years: [[2021, 79], [2022, 82]] }));
    expect(some.likelihood).toBe("hard");
    const none = indicatorOutlook(input({ name: "Hàng năm trên 80% ...", unit: "%", target: "> 80", years: [[2021, 80], [2022, 79]] }));
    expect(none.likelihood).toBe("unlikely");
  });
});

describe("lower is better and bands", () => {
  test("a falling level mirrors: needed and pace are decreases", () => {
    const o = indicatorOutlook(input({ name: "Tỷ lệ hộ nghèo", unit: "%", target: "dưới 1", direction: "down", baseline: 3, years: [[2021, 2.5], [2022, 2], [2023, 1.6]] }));
    expect(o.needed).toBeCloseTo(-0.3, 10);
    expect(o.achieved).toBeCloseTo(-1.4 / 3, 10);
    expect(o.likelihood).toBe("likely");
    expect(o.reason).toContain("cần giảm 0,3 điểm %/năm");
    const slow = indicatorOutlook(input({ name: "Tỷ lệ hộ nghèo", unit: "%", target: "dưới 1", direction: "down", baseline: 3, years: [[2021, 2.9], [2022, 2.8], [2023, 2.7]] }));
    expect(slow.likelihood).toBe("unlikely");
  });

  test("a cumulative ceiling: the most allowed a year; over it already is unlikely", () => {
    const o = indicatorOutlook(input({ name: "Số vụ tai nạn giao thông lũy kế", unit: "vụ", target: "không quá 100", direction: "down", years: [[2021, 20], [2022, 18], [2023, 16]] }));
    expect(o.kind).toBe("cumulative_total");
    expect(o.needed).toBe(23);
    expect(o.likelihood).toBe("likely");
    expect(o.reason).toContain("chỉ được tối đa 23 vụ/năm");
    const over = indicatorOutlook(input({ name: "Số vụ tai nạn giao thông lũy kế", unit: "vụ", target: "không quá 50", direction: "down", years: [[2021, 20], [2022, 18], [2023, 16]] }));
    expect(over.likelihood).toBe("unlikely");
  });

  test("band level inside the band: reached, and whether every year stayed inside", () => {
    const o = indicatorOutlook(input({ name: "Tỷ trọng dịch vụ", unit: "%", target: "48-48,5", direction: "band", years: [[2021, 47], [2022, 48.1], [2023, 48.3]] }));
    expect(o.likelihood).toBe("reached");
    expect(o.reason).toContain("Các năm 2021 nằm ngoài khoảng");
    expect(o.neededRange![0]).toBeCloseTo(-0.15, 10);
    expect(o.neededRange![1]).toBeCloseTo(0.1, 10);
    const outside = indicatorOutlook(input({ name: "Tỷ trọng nông nghiệp", unit: "%", target: "3,0-2,0", direction: "band", years: [[2021, 4], [2022, 3.8], [2023, 3.6]] }));
    expect(outside.needed).toBeCloseTo(-0.3, 10); // to the nearest bound 3,0
    // falling 0,2 a year (best year 0,2), needs 0,3 > 0,2 × 1,2: unlikely
    expect(outside.likelihood).toBe("unlikely");
  });

  test("a growth band gives the pace for each bound", () => {
    const o = indicatorOutlook(input({ unit: "%/năm", target: "8,5-9,5", direction: "band", years: [[2021, 4.2], [2022, 9.7], [2023, 9.8]] }));
    expect(o.neededRange![0]).toBeCloseTo(9.45, 2);
    expect(o.neededRange![1]).toBeGreaterThan(o.neededRange![0]);
    expect(o.reason).toContain("Để nằm trong khoảng 8,5–9,5%/năm cần 9,45–");
  });
});

describe("rules", () => {
  test("configurable: hard factor and best year", () => {
    expect(judgeLikelihood(9.45, 7.87, 9.8, "up")).toBe("hard");
    expect(judgeLikelihood(9.45, 7.87, 9.8, "up", { hardFactor: 1, useBestYear: false })).toBe("unlikely");
    expect(judgeLikelihood(9.4, 7.87, null, "up", { hardFactor: 1.2, useBestYear: false })).toBe("hard");
    expect(judgeLikelihood(7, 7.87, null, "up")).toBe("likely");
    expect(judgeLikelihood(7, null, null, "up")).toBe("unknown");
    expect(judgeLikelihood(-0.3, -0.2, -0.25, "down")).toBe("unlikely");
    expect(judgeLikelihood(-0.3, -0.2, -0.35, "down")).toBe("hard");
  });

  test("no term, or the report year at the end of the term", () => {
    expect(outlookContext(undefined, {})).toBeNull();
    expect(outlookContext(undefined, { termStart: 2020, termEnd: 2025 })).toBeNull();
    expect(outlookContext(undefined, { termStart: 2020, termEnd: 2025 }, { reportYear: 2023 })).toEqual({ termStart: 2020, termEnd: 2025, reportYear: 2023, reportYearSource: "flag" });
    const o = indicatorOutlook(input({ target: "95", actual: 90, reportYear: 2025 }));
    expect(o.needed).toBeNull();
    expect(o.likelihood).toBe("unknown");
  });

  test("report year from the year columns when the info has none", () => {
    const t = referenceWithYears();
    expect(outlookContext(t, { termStart: 2020, termEnd: 2025 })?.reportYear).toBe(2023);
    expect(outlookContext(t, { termStart: 2020, termEnd: 2025 })?.reportYearSource).toBe("years");
  });
});

describe("trajectories", () => {
  test("growth: compounded index from the base year against the target path, then the pace needed", () => {
    const t = evaluateTable(sampleTable());
    const out = tableOutlook(t, SAMPLE_INFO)!;
    const trs = tableTrajectories(out);
    expect(trs.length).toBeGreaterThanOrEqual(2);
    const g = trs[0];
    expect(g.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(g.actual[0]).toBe(100);
    expect(g.actual[3]).toBeCloseTo(100 * 1.042 * 1.097 * 1.098, 8);
    expect(g.actual[4]).toBeNull();
    expect(g.target[5]).toBeCloseTo(100 * Math.pow(1.085, 5), 8);
    // the needed path ends on the target
    expect(g.needed[5]).toBeCloseTo(g.target[5]!, 0);
    expect(g.needed[2]).toBeNull();
    expect(g.verdict).toMatch(/^Khó đạt\./);
  });

  test("cumulative: running total against the per-year line; level: straight line to the target", () => {
    const row = (years: Record<number, number>, name: string, unit: string, target: string): IndicatorRow => {
      const tr = parseTarget(target);
      return { type: "indicator", row: 2, tt: "1", name, unit, level: 1, kind: "level", targetText: target, years, actual: null, actualSource: "missing", groupPath: [], cells: {}, evaluation: { status: "not_met", label: "", direction: "up", directionRule: "default", target: tr.ok ? tr.target : undefined, ratio: null, borderline: false, reason: "", notes: [] } };
    };
    const ctx = { termStart: 2020, termEnd: 2025, reportYear: 2023, reportYearSource: "flag" as const };
    const c = row({ 2021: 80, 2022: 90, 2023: 93 }, "Kết nạp đảng viên", "đảng viên/năm", "Bình quân kết nạp từ 110 – 120");
    const tc = trajectory(c, rowOutlook(c, ctx), ctx)!;
    expect(tc.actual).toEqual([0, 80, 170, 263, null, null]);
    expect(tc.target).toEqual([0, 110, 220, 330, 440, 550]);
    expect(tc.needed).toEqual([null, null, null, 263, 406.5, 550]);
    const l = row({ 2021: 89, 2022: 91, 2023: 92 }, "Tỷ lệ BHYT", "%", "95");
    const tl = trajectory(l, rowOutlook(l, ctx), ctx)!;
    expect(tl.target[1]).toBe(89);
    expect(tl.target[5]).toBe(95);
    expect(tl.needed[5]).toBeCloseTo(95, 10);
  });
});

describe("short needed text (appendix column)", () => {
  test("growth, level up and down, cumulative, every year", () => {
    const g = indicatorOutlook(input({ unit: "%/năm", target: "8,5-9,5", years: [[2021, 4.2], [2022, 9.7], [2023, 9.8]] }));
    expect(formatNeeded(g, "%/năm")).toBe("9,45%/năm");
    const up = indicatorOutlook(input({ name: "Tỷ lệ BHYT", unit: "%", target: "95", actual: 93.3 }));
    expect(formatNeeded(up, "%")).toBe("tăng 0,85 điểm %/năm");
    const down = indicatorOutlook(input({ name: "Tỷ lệ hộ nghèo", unit: "%", target: "0,2", direction: "down", actual: 0.37 }));
    expect(formatNeeded(down, "%")).toBe("giảm 0,09 điểm %/năm");
    const beds = indicatorOutlook(input({ name: "Giường bệnh", unit: "giường bệnh/1 vạn dân", target: "39", actual: 34.11 }));
    expect(formatNeeded(beds, "giường bệnh/1 vạn dân")).toBe("tăng 2,45 giường bệnh/1 vạn dân/năm");
    const c = indicatorOutlook(input({ name: "Kết nạp", unit: "đảng viên mới/năm", target: "Bình quân kết nạp từ 110 – 120", actual: "263 đảng viên/ 3 năm" }));
    expect(formatNeeded(c, "đảng viên mới/năm")).toBe("143,5 đảng viên mới/năm");
  });
});
