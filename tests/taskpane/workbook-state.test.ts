/** The start view's summary of a workbook: state of each part and the next action, from real analyses. */
import { analyse } from "../../src/app/analyse";
import { sampleIndicatorGrid, SAMPLE_ROWS } from "../../src/core/sample";
import { workbookState } from "../../src/taskpane/workbook-state";

describe("workbookState", () => {
  test("an empty sheet: no table, the next action is choosing one", () => {
    const a = analyse({ sheet: "Sheet1", origin: "A1", values: [] });
    const s = workbookState(a, ["Sheet1"], null);
    expect(s.items.map((i) => [i.key, i.state])).toEqual([
      ["table", "problem"],
      ["appendix", "todo"],
    ]);
    expect(s.items[0].text).toBe("Chưa thấy bảng trên trang “Sheet1”.");
    expect(s.next).toEqual({ label: "Chọn bảng chỉ tiêu", job: "table" });
  });

  test("the sample (a real report with errors): problems first, counted as the checks count them", () => {
    const a = analyse(sampleIndicatorGrid());
    const errors = a.findings.filter((f) => f.severity === "error").length;
    const mismatches = a.findings.filter((f) => f.code === "status_mismatch").length;
    expect(errors).toBeGreaterThan(mismatches);
    const s = workbookState(a, ["Chỉ tiêu"], null);
    const byKey = Object.fromEntries(s.items.map((i) => [i.key, i]));
    expect(byKey.table.text).toBe(`${a.indicators} chỉ tiêu, trang “${a.sheet}”.`);
    expect(byKey.problems.state).toBe("problem");
    expect(byKey.problems.text).toMatch(new RegExp(`^${errors} lỗi`));
    expect(byKey.verdicts.state).toBe("todo");
    expect(byKey.verdicts.text).toContain(`${mismatches} ô khác với số liệu`);
    expect(s.next).toEqual({ label: `Xem ${errors} lỗi`, job: "check" });
  });

  test("only verdict mismatches left: the next action fills the column; an existing “Phụ lục” sheet counts as made", () => {
    const rows = SAMPLE_ROWS.map((r) => ({ ...r, status: "" }));
    const a = analyse(sampleIndicatorGrid(rows));
    const otherErrors = a.findings.filter((f) => f.severity === "error").length;
    const s = workbookState(a, ["Chỉ tiêu", "Phụ lục 1"], null);
    const verdicts = s.items.find((i) => i.key === "verdicts")!;
    expect(verdicts.text).toBe(`Đã điền 0/${a.indicators} ô.`);
    expect(s.items.find((i) => i.key === "appendix")).toMatchObject({ state: "done", text: "Đã có trang “Phụ lục 1”." });
    expect(s.next.job).toBe(otherErrors ? "check" : "status");
  });
});
