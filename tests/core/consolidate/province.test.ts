/**
 * Four communes merged into the unit above them (tests/support/province-fixtures.ts), with a broken
 * file among them: every figure and every target of the whole made by the same rule over the same
 * units, rules inferred only where certain, the others asked for once, like added with like.
 */
import { consolidateUnits, reconsolidate, type UnitSource } from "../../../src/app/consolidate";
import { gridSource } from "../../../src/app/analyse";
import type { ConsolidatedIndicator, Consolidation } from "../../../src/core/consolidate/consolidate";
import { needsRuleLines } from "../../../src/core/consolidate/rules";
import { averageGrowth } from "../../../src/core/evaluation/growth";
import { COMMUNES, communeGrids, communeSpec, PROVINCE_UNITS } from "../../support/province-fixtures";
import type { UnitSpec } from "../../support/consolidate-fixtures";

function sources(units: UnitSpec[], broken = false): UnitSource[] {
  const out: UnitSource[] = units.map((u) => ({ file: u.file, open: async () => gridSource(communeGrids(u)) }));
  if (broken) {
    out.splice(2, 0, {
      file: "xa-phuc-tho.xlsx",
      open: async () => {
        throw new Error('Tệp "xa-phuc-tho.xlsx" bị hỏng (không giải nén được).');
      },
    });
  }
  return out;
}

const indicator = (c: Consolidation, name: string): ConsolidatedIndicator => {
  const r = c.rows.find((x): x is ConsolidatedIndicator => x.type === "indicator" && x.name === name);
  if (!r) throw new Error(`no indicator ${name}`);
  return r;
};

let c: Consolidation;
beforeAll(async () => {
  c = (await consolidateUnits(sources(PROVINCE_UNITS, true), { title: "Tỉnh Lâm Đồng" })).consolidation;
});

describe("four communes and a broken file", () => {
  test("the broken file is listed and counted in every total; the four communes consolidate", () => {
    expect(c.units).toEqual(["Xã Lộc Châu", "Xã Đại Lào", "xa-phuc-tho", "Xã Đam Bri", "Phường B'Lao"]);
    expect(c.failures.map((f) => f.file)).toEqual(["xa-phuc-tho.xlsx"]);
    const pop = indicator(c, "Dân số trung bình");
    expect([pop.rule, pop.value, pop.covered, pop.total]).toEqual(["sum", 70000, 4, 5]);
    expect(indicator(c, "Tổng số hộ dân cư").value).toBe(18000);
  });

  test("budget revenue: the sum of three results against the sum of the same three targets", () => {
    const r = indicator(c, "Thu ngân sách nhà nước trên địa bàn");
    // Đam Bri has no figure yet: 46,5 + 21 + 131 against 40 + 25 + 120, never against one commune's 40
    expect(r.value).toBe(198.5);
    expect(r.target).toBe("185");
    expect(r.status).toBe("exceeded");
    expect(r.note).toContain("Chỉ tiêu là tổng chỉ tiêu của 3 đơn vị có số liệu");
    expect(c.missing).toContainEqual(expect.objectContaining({ unit: "Xã Đam Bri", reason: "no_data", lead: "Phòng Tài chính" }));
  });

  test("income per head weighs by the population the table holds (certain), and so does its target", () => {
    const r = indicator(c, "Thu nhập bình quân đầu người");
    expect(r.rule).toBe("weighted_mean");
    expect(r.ruleSource).toBe("inferred");
    expect(r.base).toBe("1 Dân số trung bình");
    const w = COMMUNES.map((x) => x.population);
    const wm = (xs: number[]) => xs.reduce((a, x, k) => a + x * w[k], 0) / w.reduce((a, b) => a + b, 0);
    expect(r.value).toBeCloseTo(wm(COMMUNES.map((x) => x.income[1])), 2); // 63,63
    expect(r.plainMean).toBe(58.75);
    expect(r.target).toBe("62,29"); // the targets 60, 55, 50, 70 weighted alike
    expect(Number(r.target.replace(",", "."))).toBeCloseTo(wm(COMMUNES.map((x) => Number(x.income[0]))), 2);
    expect(r.status).toBe("exceeded");
  });

  test("the poverty rate weighs by households; a target every commune shares stays as typed", () => {
    const r = indicator(c, "Tỷ lệ hộ nghèo");
    expect(r.base).toBe("2 Tổng số hộ dân cư");
    // (1,2×4.500 + 3×3.000 + 2,4×2.500 + 0,4×8.000) / 18.000 = 1,31; the plain mean would be 1,75
    expect(r.value).toBe(1.31);
    expect(r.target).toBe("dưới 2");
    expect(r.status).toBe("met");
  });

  test("growth from the summed levels; its target is the growth of the summed levels were each commune to meet its own", () => {
    const r = indicator(c, "Tốc độ tăng giá trị sản xuất bình quân");
    expect(r.rule).toBe("growth");
    expect(r.base).toBe("6 Giá trị sản xuất (giá so sánh 2010)");
    const start = COMMUNES.reduce((a, x) => a + x.levels[0], 0);
    const end = COMMUNES.reduce((a, x) => a + x.levels[3], 0);
    expect(r.value).toBeCloseTo(averageGrowth(start, end, 3), 2); // 7,07
    // targets 6, 5, 5, 8 %/năm over the term 2020–2025 (n = 5), weighted by each commune's start
    const grown = COMMUNES.reduce((a, x) => a + x.levels[0] * Math.pow(1 + Number(x.growthTarget) / 100, 5), 0);
    const want = (Math.pow(grown / start, 1 / 5) - 1) * 100; // 7,10
    expect(Number(r.target.replace(",", "."))).toBeCloseTo(want, 2);
    // Đại Lào's 4%/năm pulls the whole below its target although three communes met theirs
    expect(r.status).toBe("not_met");
  });

  test("new party members over 3 years: summed with the period kept, against the summed yearly targets", () => {
    const r = indicator(c, "Kết nạp đảng viên mới");
    expect(r.resultText).toBe("279 đảng viên/ 3 năm");
    expect(r.target).toBe("Bình quân 90 đảng viên/năm");
    // 279 / 3 = 93 a year against 90 a year
    expect(r.status).toBe("exceeded");
    expect(r.note).toMatch(/93/);
  });

  test("a road length two communes give, one not yet, one without the row: the sum of two against their two targets", () => {
    const r = indicator(c, "Đường giao thông nông thôn được cứng hóa");
    expect([r.value, r.covered, r.target, r.status]).toEqual([18.5, 2, "15", "exceeded"]);
    expect(c.missing.filter((m) => m.name === r.name).map((m) => [m.unit, m.reason])).toEqual([
      ["Xã Đại Lào", "not_due"],
      ["Xã Đam Bri", "no_row"],
    ]);
    expect(c.unmatched).toEqual([expect.objectContaining({ name: r.name, absent: ["Xã Đam Bri"] })]);
  });

  test("forest cover has no certain base: asked for once, in one grouped message, with no figure and no verdict", () => {
    const r = indicator(c, "Tỷ lệ che phủ rừng");
    expect([r.rule, r.needs, r.value, r.status]).toEqual(["needs_rule", "rate_without_weight", null, undefined]);
    const needs = c.rows.filter((x): x is ConsolidatedIndicator => x.type === "indicator" && x.rule === "needs_rule");
    expect(needs.map((x) => x.name)).toEqual(["Tỷ lệ che phủ rừng"]);
    const lines = needsRuleLines(needs.map((x) => ({ tt: x.tt, name: x.name, needs: x.needs! })), "cli");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^1 chỉ tiêu cần chọn cách tổng hợp\. .*--cach/);
    expect(lines[1]).toContain("9 Tỷ lệ che phủ rừng");
  });

  test("the rule given once (by TT) consolidates again from the extracts: weighted by area, with the target weighted alike", async () => {
    const run = await consolidateUnits(sources(PROVINCE_UNITS));
    const again = reconsolidate(run.inputs, { rules: [{ ref: "9", text: "Bình quân gia quyền theo Diện tích tự nhiên", from: "--cach" }] }).consolidation;
    const r = indicator(again, "Tỷ lệ che phủ rừng");
    expect([r.rule, r.ruleSource, r.base]).toEqual(["weighted_mean", "chosen", "3 Diện tích tự nhiên"]);
    expect(r.value).toBe(44.19); // 1.281.600 / 29.000
    expect(r.target).toBe("41,72"); // 1.210.000 / 29.000
    expect(r.status).toBe("exceeded");
    expect(r.note).toContain("Cách tổng hợp chọn ở --cach");
    expect(again.unknownRules).toEqual([]);
    const unknown = reconsolidate(run.inputs, { rules: [{ ref: "99", text: "Cộng", from: "--cach" }] }).consolidation;
    expect(unknown.unknownRules.map((q) => q.ref)).toEqual(["99"]);
  });
});

describe("like with like only", () => {
  const variant = (k: number, change: (rows: UnitSpec["rows"]) => void): UnitSpec => {
    const u = communeSpec(COMMUNES[k]);
    const rows = u.rows.map((r) => r.slice());
    change(rows);
    return { ...u, rows };
  };
  const at = (rows: UnitSpec["rows"], name: string) => rows.find((r) => r[1] === name)!;

  test("a commune counting its members over 2 years: not added to the others' 3 years", async () => {
    const units = [...PROVINCE_UNITS.slice(0, 3), variant(3, (rows) => (at(rows, "Kết nạp đảng viên mới")[9] = "64 đảng viên/ 2 năm"))];
    const r = indicator((await consolidateUnits(sources(units))).consolidation, "Kết nạp đảng viên mới");
    expect([r.value, r.status, r.target]).toEqual([null, undefined, ""]);
    expect(r.note).toContain("số năm khác nhau (2 năm, 3 năm)");
  });

  test("a commune writing its population in thousands: no sum, and the note names both units", async () => {
    const units = [
      ...PROVINCE_UNITS.slice(0, 3),
      variant(3, (rows) => {
        const r = at(rows, "Dân số trung bình");
        r[2] = "nghìn người";
        r[9] = 31;
      }),
    ];
    const c2 = (await consolidateUnits(sources(units))).consolidation;
    const r = indicator(c2, "Dân số trung bình");
    expect(r.value).toBeNull();
    expect(r.note).toContain("ĐVT các đơn vị khác nhau (người; nghìn người)");
    // income per head weighs by that population: weights in two units are no weights either
    const income = indicator(c2, "Thu nhập bình quân đầu người");
    expect(income.value).toBeNull();
    expect(income.note).toContain("ĐVT các đơn vị khác nhau (người; nghìn người)");
  });

  test("targets of different shapes (a level beside a floor) leave the whole unjudged, saying why", async () => {
    const units = [...PROVINCE_UNITS.slice(0, 3), variant(3, (rows) => (at(rows, "Thu ngân sách nhà nước trên địa bàn")[4] = "trên 120"))];
    const r = indicator((await consolidateUnits(sources(units))).consolidation, "Thu ngân sách nhà nước trên địa bàn");
    expect(r.value).toBe(198.5);
    expect([r.target, r.status]).toEqual(["", undefined]);
    expect(r.note).toContain("khác dạng");
  });

  test("a commune without a target: the sum is not judged against the others' targets", async () => {
    const units = [...PROVINCE_UNITS.slice(0, 3), variant(3, (rows) => (at(rows, "Thu ngân sách nhà nước trên địa bàn")[4] = null))];
    const r = indicator((await consolidateUnits(sources(units))).consolidation, "Thu ngân sách nhà nước trên địa bàn");
    expect([r.target, r.status]).toEqual(["", undefined]);
    expect(r.note).toContain("Phường B'Lao chưa ghi chỉ tiêu");
  });

  test("rates every unit gives alike need no weights: the figure is certain", async () => {
    const units = PROVINCE_UNITS.map((u, k) => variant(k, (rows) => (at(rows, "Tỷ lệ che phủ rừng")[9] = 40)));
    const r = indicator((await consolidateUnits(sources(units))).consolidation, "Tỷ lệ che phủ rừng");
    expect([r.rule, r.value]).toEqual(["weighted_mean", 40]);
    expect(r.note).toMatch(/^Các đơn vị cùng số 40/);
    // the targets (30, 40, 55, 5) differ and there are no weights: no common target, so no verdict
    expect([r.target, r.status]).toEqual(["", undefined]);
  });
});

describe("progress and cancel", () => {
  test("progress is told as counts after each file", async () => {
    const seen: string[] = [];
    await consolidateUnits(sources(PROVINCE_UNITS, true), { onProgress: (done, total) => seen.push(`${done}/${total}`) });
    expect(seen).toEqual(["1/5", "2/5", "3/5", "4/5", "5/5"]);
  });

  test("a stop between two files ends the run with the count read and no result", async () => {
    const signal = { aborted: false };
    const opened: string[] = [];
    const src = sources(PROVINCE_UNITS).map((s) => ({ ...s, open: () => (opened.push(s.file), s.open()) }));
    const run = consolidateUnits(src, { signal, onProgress: (done) => (signal.aborted = done === 2) });
    await expect(run).rejects.toMatchObject({ code: "cancelled", message: expect.stringContaining("sau khi đọc 2/4 tệp") });
    expect(opened).toEqual(["loc-chau.xlsx", "dai-lao.xlsx"]);
  });
});
