/**
 * Growth arithmetic as statistics offices compute it (docs/tang-truong.md). All rates and shares are
 * in percentage points (7.87 means 7,87%). Functions throw RangeError with a Vietnamese message on
 * impossible input; callers that must not throw (custom functions) catch it.
 */

function fail(msg: string): never {
  throw new RangeError(msg);
}
function finite(x: number, what: string): number {
  if (typeof x !== "number" || !Number.isFinite(x)) fail(`${what} phải là số.`);
  return x;
}

/** Yearly growth: V1 / V0 × 100 − 100. */
export function growthRate(v1: number, v0: number): number {
  finite(v1, "Giá trị năm sau");
  finite(v0, "Giá trị năm gốc");
  if (v0 === 0) fail("Giá trị năm gốc bằng 0, không tính được tốc độ tăng.");
  return (v1 / v0) * 100 - 100;
}

/** Average growth over n years: (ⁿ√(Vn / V0) − 1) × 100; V0 is the year before the period. */
export function averageGrowth(v0: number, vn: number, years: number): number {
  finite(v0, "Giá trị đầu kỳ");
  finite(vn, "Giá trị cuối kỳ");
  finite(years, "Số năm");
  if (years <= 0) fail("Số năm phải lớn hơn 0.");
  if (v0 <= 0 || vn <= 0) fail("Giá trị đầu kỳ và cuối kỳ phải lớn hơn 0 để tính tốc độ tăng bình quân.");
  return (Math.pow(vn / v0, 1 / years) - 1) * 100;
}

/** Average growth over a series V0, V1, … Vn (V0 the base year): n = count − 1. */
export function averageGrowthOfSeries(values: readonly number[]): number {
  const v = values.filter((x) => x !== null && x !== undefined && !Number.isNaN(x));
  if (v.length < 2) fail("Cần ít nhất hai giá trị (năm gốc và năm cuối) để tính tốc độ tăng bình quân.");
  return averageGrowth(v[0], v[v.length - 1], v.length - 1);
}

/** Average growth from yearly rates: the geometric mean of the indices (1 + r/100), never the arithmetic mean. */
export function averageGrowthOfRates(rates: readonly number[]): number {
  if (rates.length === 0) fail("Cần ít nhất một tốc độ tăng hằng năm.");
  let product = 1;
  for (const r of rates) {
    finite(r, "Tốc độ tăng");
    const index = 1 + r / 100;
    if (index <= 0) fail(`Tốc độ tăng ${r}% làm chỉ số phát triển không dương, không tính được.`);
    product *= index;
  }
  return (Math.pow(product, 1 / rates.length) - 1) * 100;
}

/**
 * The average rate the remaining years must reach so that the whole term averages `termTarget`:
 * ((1+T)^N / (1+a)^k)^(1/(N−k)) − 1. 8,5%/năm over 5 years with 7,87% achieved in 3 needs 9,45%.
 */
export function requiredRate(termTarget: number, termYears: number, achieved: number, yearsPassed: number): number {
  finite(termTarget, "Mục tiêu bình quân");
  finite(achieved, "Tốc độ đã đạt");
  if (!Number.isInteger(termYears) || termYears <= 0) fail("Số năm của kỳ phải là số nguyên dương.");
  if (!Number.isInteger(yearsPassed) || yearsPassed < 0) fail("Số năm đã qua phải là số nguyên không âm.");
  if (yearsPassed >= termYears) fail("Số năm đã qua phải nhỏ hơn số năm của kỳ.");
  const need = Math.pow(1 + termTarget / 100, termYears) / Math.pow(1 + achieved / 100, yearsPassed);
  return (Math.pow(need, 1 / (termYears - yearsPassed)) - 1) * 100;
}

/** Percent of plan: actual / plan × 100. */
export function percentOfPlan(actual: number, plan: number): number {
  finite(actual, "Số thực hiện");
  finite(plan, "Số kế hoạch");
  if (plan === 0) fail("Kế hoạch bằng 0, không tính được tỷ lệ.");
  return (actual / plan) * 100;
}

/** Each value's share of the total, in percent. */
export function shares(values: readonly number[]): number[] {
  if (values.length === 0) fail("Cần ít nhất một giá trị.");
  let total = 0;
  for (const v of values) total += finite(v, "Giá trị");
  if (total === 0) fail("Tổng bằng 0, không tính được cơ cấu.");
  return values.map((v) => (v / total) * 100);
}

/** Percent of a term's cumulative target: 263 admitted against 110/year × 5 years → 47,8. */
export function percentOfCumulative(total: number, perYear: number, years: number): number {
  finite(total, "Số lũy kế");
  finite(perYear, "Chỉ tiêu mỗi năm");
  finite(years, "Số năm");
  if (perYear * years === 0) fail("Chỉ tiêu cả kỳ bằng 0, không tính được tỷ lệ.");
  return (total / (perYear * years)) * 100;
}

export type Progress = "on_track" | "behind";
export const PROGRESS_LABELS: Record<Progress, string> = { on_track: "Đúng tiến độ", behind: "Chậm tiến độ" };

/** A cumulative target at mid-term: on track when the sum so far is at least the pro-rata share. */
export function cumulativeProgress(cumulative: number, termTarget: number, yearsPassed: number, termYears: number): Progress {
  finite(cumulative, "Số lũy kế");
  finite(termTarget, "Mục tiêu cả kỳ");
  if (!(termYears > 0)) fail("Số năm của kỳ phải lớn hơn 0.");
  if (yearsPassed < 0 || yearsPassed > termYears) fail("Số năm đã qua phải nằm trong kỳ.");
  const due = (termTarget * yearsPassed) / termYears;
  return cumulative + 1e-9 >= due ? "on_track" : "behind";
}
