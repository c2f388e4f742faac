import { evaluate } from "../../../src/core/evaluation/evaluate";
import { summarySentence, tally } from "../../../src/core/checks/narrative";
import { loadReferenceIndicators } from "../../support/reference";

describe("summary sentence (the report section itself: tests/core/report)", () => {
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
