/** Each check on small grids: it finds the error it names, and leaves correct rows alone. */
import { checkTable, countStatuses, findFractions, type Finding } from "../../../src/core/checks/checks";
import { evaluateTable } from "../../../src/core/evaluation/evaluate-table";
import { readIndicatorTable } from "../../../src/core/sheet/reader";
import type { Grid } from "../../../src/core/sheet/grid";
import type { ReportInfo } from "../../../src/core/model";

const HEADER = ["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết", "Kết quả thực hiện", "Đánh giá", "Ghi chú"];

function check(rows: unknown[][], info?: ReportInfo, header: unknown[] = HEADER): Finding[] {
  const grid: Grid = { sheet: "Chỉ tiêu", values: [header, ...rows] };
  const r = readIndicatorTable(grid);
  if (!r.ok) throw new Error(r.error.message);
  return checkTable(evaluateTable(r.table), info);
}
const codes = (f: Finding[]) => f.map((x) => `${x.code}@${x.cell ?? x.row}`);

describe("fraction_percent_mismatch", () => {
  test("a fraction and a percent in the same text that disagree; the right percent in Vietnamese", () => {
    const f = check([["1", "Trường đạt chuẩn quốc gia: 57/66 trường, đạt 88,14%", "%", 100, 86.36, "Chưa đạt"]]);
    expect(codes(f)).toEqual(["fraction_percent_mismatch@B2"]);
    expect(f[0].message).toMatch(/^Ô B2: /);
    expect(f[0].message).toContain("86,36%");
  });
  test("a fraction in the name against the result in %", () => {
    const f = check([["1", "Số trường công lập đạt chuẩn QG giai đoạn 2 là 18/57 trường.", "%", 50, 18.57, "Chưa đạt"]]);
    expect(codes(f)).toEqual(["fraction_percent_mismatch@E2"]);
    expect(f[0].message).toContain("31,58%");
  });
  test("correct pairs, rounded or truncated, are not flagged", () => {
    expect(check([["1", "Có 55/68 TCCSĐ hoàn thành tốt nhiệm vụ, đạt 80,88%", "%", "> 80", 80.88, "Đạt"]])).toEqual([]);
    expect(check([["1", "Xã đạt chuẩn: 2/3 xã", "%", 60, 66.66, "Vượt"]])).toEqual([]);
    expect(check([["1", "Xã đạt chuẩn: 2/3 xã", "%", 60, 66.67, "Vượt"]])).toEqual([]);
  });
  test('"5/11 đạt 100% so với kế hoạch" is a percent of a plan, not of the fraction', () => {
    expect(check([["1", "Số công trình hoàn thành 5/11 đạt 100% so với kế hoạch", "công trình", 5, 5, "Đạt"]])).toEqual([]);
    expect(findFractions("5/11 đạt 100% so với kế hoạch")[0].ofPlan).toBe(true);
  });
  test("dates, per-year counts and unit denominators are not fractions", () => {
    expect(findFractions("Báo cáo ngày 25/5/2023; 263 đảng viên/ 3 năm; 263/3 năm; 10,79 bác sĩ/1 vạn dân")).toEqual([]);
  });
});

describe("status_mismatch and borderline", () => {
  test('"> 98" with 98 marked Đạt', () => {
    const f = check([["2.8", "Tỷ lệ hộ dân sử dụng nước hợp vệ sinh", "%", "> 98", 98, "Đạt"]]);
    expect(codes(f)).toEqual(["status_mismatch@F2", "borderline@E2"]);
    expect(f[0].severity).toBe("error");
    expect(f[1].severity).toBe("warning");
  });
  test("Đạt for an exceeded result, Vượt for exceeded, Chưa đạt for not met: no finding", () => {
    expect(
      check([
        ["1", "Thu ngân sách tăng bình quân", "%/năm", "11-12", 20.4, "Đạt"],
        ["2", "Thu ngân sách tăng bình quân", "%/năm", "11-12", 20.4, "Vượt"],
        ["3", "Tỷ lệ hộ nghèo", "%", "dưới 1", 1.2, "Chưa đạt"],
      ]),
    ).toEqual([]);
  });
  test('"Vượt" for a result only met is a note on the degree, not an error (both say met)', () => {
    const f = check([["1", "Tỷ lệ che phủ rừng", "%", "6-7", 6.5, "Vượt"]]);
    expect(codes(f)).toEqual(["status_degree@F2"]);
    expect(f[0].severity).toBe("info");
  });
});

describe("target, result", () => {
  test("target_unparsed, actual_missing, actual_not_number", () => {
    const f = check([
      ["1", "Xây dựng trung tâm hành chính", "công trình", "sớm hoàn thành", 1, "Đạt"],
      ["2", "Tỷ lệ che phủ rừng", "%", "> 6", null, "Đạt"],
      ["3", "Tỷ lệ hộ nghèo", "%", "dưới 1", "đang thống kê", null],
    ]);
    // rows 1 and 2 cannot be judged: the appendix keeps the sheet's "Đạt", and the check says so
    expect(codes(f)).toEqual(["target_unparsed@D2", "status_from_sheet@F2", "actual_missing@E3", "status_from_sheet@F3", "actual_not_number@E4"]);
    expect(f[1].severity).toBe("info");
    expect(f[0].message).toContain('"sớm hoàn thành"');
  });
});

describe("growth_claim_mismatch", () => {
  const header = ["TT", "Chỉ tiêu", "ĐVT", "Loại", "Chỉ tiêu Nghị quyết", "Năm 2021", "Năm 2022", "Năm 2023", "Kết quả thực hiện", "Đánh giá", "Ghi chú"];
  test("a stated average the yearly rates contradict (the arithmetic mean is not the average growth)", () => {
    // rates 2; 20; 40: arithmetic mean 20,67, geometric 19,67
    const f = check([["1", "Giá trị sản xuất tăng bình quân 20,67%/năm", "%/năm", "Tốc độ tăng bình quân", "15-16", 2, 20, 40, 20.67, "Vượt"]], undefined, header);
    expect(codes(f)).toEqual(["growth_claim_mismatch@I2", "growth_claim_mismatch@B2"]);
    expect(f[0].message).toContain("19,67%");
  });
  test("the reference growth row (4,2; 9,7; ước 9,8 → 7,87) stated as 7,8 passes", () => {
    expect(check([["1.1", "Tăng trưởng giá trị sản xuất bình quân giai đoạn 2021-2023", "%/năm", "Tốc độ tăng bình quân", "8,5-9,5", 4.2, 9.7, "ước 9,8", 7.8, "Chưa đạt", "Năm 2021: 4,2%; Năm 2022: 9,7%; Năm 2023: ước 9,8%"]], undefined, header)).toEqual([]);
  });
});

describe("duplicate_tt, percent_over_100, year_out_of_term", () => {
  test("duplicate TT among siblings only", () => {
    const f = check([
      ["I", "Kinh tế"],
      ["1", "Thu ngân sách", "tỷ đồng", 100, 120, "Vượt"],
      ["1", "Vốn đầu tư", "tỷ đồng", 100, 120, "Vượt"],
      ["II", "Xã hội"],
      ["1", "Tỷ lệ che phủ rừng", "%", "> 6", 6.5, "Đạt"],
    ]);
    expect(codes(f)).toEqual(["duplicate_tt@A4"]);
    expect(f[0].message).toContain("dòng 3");
  });
  test("a share over 100%", () => {
    const f = check([
      ["1", "Tỷ lệ hộ dân sử dụng nước sạch", "%", 95, 104, "Vượt"],
      ["2", "Tổng thu ngân sách so với dự toán", "%", 100, 135, "Vượt"],
      ["3", "Tốc độ tăng thu ngân sách", "%", 10, 120, "Vượt"],
    ]);
    expect(codes(f)).toEqual(["percent_over_100@E2"]);
  });
  test("year columns outside the term, values after the evaluation year", () => {
    const header = ["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết", "Năm 2019", "Năm 2021", "Năm 2024", "Kết quả thực hiện", "Đánh giá"];
    const f = check([["1", "Tỷ lệ che phủ rừng", "%", "> 6", 6, 6.2, 6.4, 6.2, "Đạt"]], { termStart: 2020, termEnd: 2025, evaluationYear: 2023 }, header);
    expect(codes(f)).toEqual(["year_out_of_term@E1", "year_out_of_term@G2"]);
  });
});

describe("countStatuses", () => {
  test("the summary sentence, two-digit counts", () => {
    const grid: Grid = {
      sheet: "S",
      values: [HEADER, ["1", "A", "%", 10, 11], ["2", "B", "%", 10, 10], ["3", "C", "%", 10, 9], ["4", "D", "%", "sớm", 9]],
    };
    const r = readIndicatorTable(grid);
    if (!r.ok) throw new Error();
    const t = evaluateTable(r.table);
    expect(countStatuses(t)).toMatchObject({ total: 4, exceeded: 1, met: 1, not_met: 1, not_evaluable: 1, met_or_exceeded: 2 });
    expect(countStatuses(t).summary).toBe("02/04 chỉ tiêu đạt và vượt; 01 chỉ tiêu chưa đạt; 01 chỉ tiêu chưa đánh giá được");
    expect(countStatuses(t, { vocabulary: "hoan-thanh" }).summary).toContain("hoàn thành và hoàn thành vượt");
  });
});
