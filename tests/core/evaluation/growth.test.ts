import {
  averageGrowth,
  averageGrowthOfRates,
  averageGrowthOfSeries,
  cumulativeProgress,
  growthRate,
  percentOfCumulative,
  percentOfPlan,
  requiredRate,
  shares,
} from "../../../src/core/evaluation/growth";
import { roundHalfAway } from "../../../src/core/text/numbers";

const r2 = (x: number) => roundHalfAway(x, 2);

describe("growth arithmetic (statistics office formulas)", () => {
  test("average growth from start and end values", () => {
    expect(r2(averageGrowth(86260, 145000, 2))).toBe(29.65);
    expect(r2(averageGrowthOfSeries([86260, 135327, 145000]))).toBe(29.65);
  });

  test("average growth from yearly rates is the geometric mean of the indices (report footnote: 4,2; 9,7; 9,8)", () => {
    const g = averageGrowthOfRates([4.2, 9.7, 9.8]);
    expect(r2(g)).toBe(7.87);
    // never the arithmetic mean (7,9)
    expect(r2(g)).not.toBe(r2((4.2 + 9.7 + 9.8) / 3));
    // same as growth of the chained index
    expect(averageGrowthOfSeries([100, 104.2, 104.2 * 1.097, 104.2 * 1.097 * 1.098])).toBeCloseTo(g, 10);
  });

  test("the rate the remaining years must reach: 7,87%/năm in 2021–2023 needs 9,45%/năm in 2024–2025 for 8,5%", () => {
    expect(r2(requiredRate(8.5, 5, 7.87, 3))).toBe(9.45);
    // and reaching it gives the target over the whole term
    const need = requiredRate(8.5, 5, 7.87, 3);
    expect(averageGrowthOfRates([7.87, 7.87, 7.87, need, need])).toBeCloseTo(8.5, 10);
  });

  test("percent of plan, shares, yearly growth, cumulative", () => {
    expect(r2(percentOfPlan(57, 66))).toBe(86.36);
    expect(shares([60, 30, 10])).toEqual([60, 30, 10]);
    expect(r2(growthRate(104.2, 100))).toBe(4.2);
    expect(r2(percentOfCumulative(263, 110, 5))).toBe(47.82);
    expect(cumulativeProgress(263, 550, 3, 5)).toBe("behind");
    expect(cumulativeProgress(330, 550, 3, 5)).toBe("on_track");
  });

  test("impossible input says why, in Vietnamese", () => {
    expect(() => averageGrowth(0, 10, 2)).toThrow(/lớn hơn 0/);
    expect(() => averageGrowthOfSeries([5])).toThrow(/ít nhất hai/);
    expect(() => requiredRate(8.5, 5, 7, 5)).toThrow(/nhỏ hơn số năm/);
    expect(() => percentOfPlan(1, 0)).toThrow(/Kế hoạch bằng 0/);
    expect(() => averageGrowthOfRates([-120])).toThrow(/không dương/);
  });
});
