import { evaluate } from "../../../src/core/evaluation/evaluate";
import type { IndicatorRow } from "../../../src/core/model";
import { indicatorSentence, summarySentence, tally } from "../../../src/core/checks/narrative";
import { loadReferenceIndicators } from "../../support/reference";

function row(name: string, unit: string, targetText: string, actual: unknown): IndicatorRow {
  return {
    type: "indicator", row: 1, tt: "", name, unit, level: 1, kind: "level", targetText, years: {}, actual,
    actualSource: "given", groupPath: [], cells: {}, evaluation: evaluate({ target: targetText, actual, name, unit, levels: 2 }),
  };
}

describe("narrative text", () => {
  test("cites an indicator as the report body does", () => {
    expect(indicatorSentence(row("Tỷ lệ hộ nghèo", "%", "dưới 0,2", "0,37"))).toBe("- Tỷ lệ hộ nghèo 0,37% (Nghị quyết dưới 0,2%) — Chưa đạt.");
    expect(indicatorSentence(row("Tỷ lệ tăng dân số tự nhiên", "%", "dưới 1,0", 0.85))).toBe("- Tỷ lệ tăng dân số tự nhiên 0,85% (Nghị quyết dưới 1,0%) — Đạt.");
    expect(indicatorSentence(row("Có 01 xã đạt chuẩn nông thôn mới kiểu mẫu.", "xã", "01-02", "01"))).toBe("- Có 01 xã đạt chuẩn nông thôn mới kiểu mẫu 1 xã (Nghị quyết 01-02 xã) — Đạt.");
  });

  test("symbols read as words, notes stay after the unit, results written as text keep their own unit", () => {
    expect(indicatorSentence(row("Tỷ lệ hộ dân sử dụng nước hợp vệ sinh", "%", "> 98", 98))).toBe("- Tỷ lệ hộ dân sử dụng nước hợp vệ sinh 98% (Nghị quyết trên 98%) — Chưa đạt.");
    expect(indicatorSentence(row("Tỷ lệ hộ gia đình văn hóa", "%", "≥ 90", "97,3"))).toBe("- Tỷ lệ hộ gia đình văn hóa 97,3% (Nghị quyết từ 90% trở lên) — Đạt.");
    expect(indicatorSentence(row("Tỷ lệ hộ nghèo", "%", "0,2 (theo tiêu chí cũ)", "0,37"))).toMatch(/\(Nghị quyết 0,2% \(theo tiêu chí cũ\)\)/);
    expect(indicatorSentence(row("Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ", "%", "> 80", "> 80"))).toBe("- Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trên 80% (Nghị quyết trên 80%) — Đạt.");
    expect(indicatorSentence(row("Kết nạp đảng viên", "đảng viên mới/năm", "Bình quân kết nạp từ 110 – 120", "263 đảng viên/ 3 năm"))).toBe(
      "- Kết nạp đảng viên 263 đảng viên/ 3 năm (Nghị quyết Bình quân kết nạp từ 110 - 120 đảng viên mới/năm) — Chưa đạt.",
    );
    expect(indicatorSentence(row("Tăng trưởng tổng giá trị sản xuất bình quân, trong đó:", "%/năm", "8,5-9,5", 7.8))).toBe(
      "- Tăng trưởng tổng giá trị sản xuất bình quân 7,8% (Nghị quyết 8,5-9,5%/năm) — Chưa đạt.",
    );
  });

  test("summary over the reference appendix counts every indicator once", () => {
    const rows = loadReferenceIndicators();
    const t = tally(rows.map((r) => evaluate({ target: r.target, actual: r.actual, name: r.name, unit: r.unit }).status));
    expect(t.total).toBe(28);
    expect(t.met + t.exceeded + t.near + t.not_met + t.not_evaluable).toBe(28);
    // The report prints 15 "Đạt" and 13 "Chưa đạt"; one "Đạt" ("> 98" with 98) is wrong → 14 and 14.
    const printedMet = rows.filter((r) => r.reported === "Đạt").length;
    expect(printedMet).toBe(15);
    expect(t.met + t.exceeded).toBe(printedMet - 1);
    expect(summarySentence(t)).toBe("Có 14/28 chỉ tiêu đạt và vượt; 14 chỉ tiêu chưa đạt.");
    expect(summarySentence(t, "dat", 2)).toBe("Có 14/28 chỉ tiêu đạt; 14 chỉ tiêu chưa đạt.");
    expect(summarySentence({ ...t, near: 2, not_met: 12 }, "hoan-thanh")).toBe("Có 14/28 chỉ tiêu hoàn thành và hoàn thành vượt; 02 chỉ tiêu gần hoàn thành; 12 chỉ tiêu chưa hoàn thành.");
  });
});
