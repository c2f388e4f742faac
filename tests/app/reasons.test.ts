/**
 * Where the reasons go and what they say (app/reasons.ts, core/evaluation/reason.ts): the column
 * beside the Đánh giá column only when nothing of the user's is there, a "Lý do" column written
 * before used again, the user's notes kept, a reason only for the engine's own verdict.
 */
import { analyse } from "../../src/app/analyse";
import { buildStatusRequest } from "../../src/app/status-column";
import { chooseReasonColumn, isReasonNote, noteChanges, reasonColumnChanges, reasonNote, withReasons } from "../../src/app/reasons";
import { mergeSettings } from "../../src/app/settings";
import { verdictReason } from "../../src/core/evaluation/reason";
import { evaluate } from "../../src/core/evaluation/evaluate";
import type { Grid } from "../../src/core/sheet/grid";

const HEADER = ["TT", "Chỉ tiêu", "ĐVT", "Nghị quyết", "Thực hiện", "Đánh giá"];
const grid = (rows: unknown[][], merges: string[] = []): Grid => ({ sheet: "Bảng", values: [HEADER.concat(rows[0] as string[] ?? []), ...rows.slice(1)], merges });
const TABLE: unknown[][] = [
  [],
  ["1", "Tốc độ tăng trưởng kinh tế bình quân", "%", "8,5-9,5", 7.8, "Đạt"],
  ["2", "Tỷ lệ hộ nghèo", "%", "dưới 1", 0.8, "Đạt"],
  ["3", "Tỷ lệ che phủ rừng", "%", "> 6", 6.5, "Đạt"],
];

function request(g: Grid) {
  const a = analyse(g, { vocabulary: "dat", levels: 2 });
  const req = buildStatusRequest(a.table!, { vocabulary: "dat", levels: 2, near: 0 }, "Đánh giá");
  return { req, table: a.table! };
}

describe("the column of the reasons", () => {
  test("beside the Đánh giá column when empty on the header and the rows written", () => {
    expect(chooseReasonColumn(grid(TABLE), 1, "F", [2, 3, 4])).toEqual({ column: "G", headerRow: 1 });
  });

  test("a “Lý do” column already there (folded, any case) is used again, beside or further right", () => {
    const beside = grid([["Lý do"], ...TABLE.slice(1).map((r) => [...r, "cũ"])]);
    expect(chooseReasonColumn(beside, 1, "F", [2, 3, 4])).toEqual({ column: "G", headerRow: 1 });
    const further = grid([["Ghi chú", "", "LÝ DO"], ...TABLE.slice(1).map((r) => [...r, "x", null, "cũ"])]);
    expect(chooseReasonColumn(further, 1, "F", [2, 3, 4])).toEqual({ column: "I", headerRow: 1, passed: { column: "G", header: "Ghi chú" } });
  });

  test("data beside, or a header merged over it: the next column empty on those rows", () => {
    const notes = grid([["Ghi chú"], ...TABLE.slice(1).map((r, i) => [...r, i === 1 ? "ước" : null])]);
    expect(chooseReasonColumn(notes, 1, "F", [2, 3, 4])).toEqual({ column: "H", headerRow: 1, passed: { column: "G", header: "Ghi chú" } });
    // a value below the table in H does not matter: only the table's rows are looked at
    const below = grid([["Ghi chú"], ...TABLE.slice(1).map((r) => [...r, "x"]), [], [null, "Người lập biểu", null, null, null, null, null, "Nguyễn Văn A"]]);
    expect(chooseReasonColumn(below, 1, "F", [2, 3, 4]).column).toBe("H");
    const merged = grid(TABLE, ["F1:G1"]);
    expect(chooseReasonColumn(merged, 1, "F", [2, 3, 4])).toEqual({ column: "H", headerRow: 1, passed: { column: "G", header: "" } });
  });

  test("the column's changes: the header only when empty, the user's own spelling of it kept", () => {
    const { req, table } = request(grid(TABLE));
    const r = withReasons(req, table, grid(TABLE));
    const empty = reasonColumnChanges(r, () => "");
    expect(empty.map((c) => c.row)).toEqual([1, 2, 3, 4]);
    expect(empty[0].content).toBe("Lý do");
    const titled = reasonColumnChanges(r, (row) => (row === 1 ? "LÝ DO" : ""));
    expect(titled.map((c) => c.row)).toEqual([2, 3, 4]);
  });
});

describe("the reasons of a request", () => {
  test("each computed verdict gets the engine's reason; a cell writing the sheet's own word gets none", () => {
    const g = grid(TABLE);
    const { req, table } = request(g);
    const kept = { ...req, cells: req.cells.map((c) => (c.row === 3 ? { ...c, value: "Đạt (theo báo cáo)" } : c)) };
    const r = withReasons(kept, table, g);
    const by = new Map(r.cells.map((c) => [c.row, c.reason]));
    expect(by.get(2)).toBe("Kết quả 7,8 chưa tới cận dưới 8,5 của khoảng 8,5-9,5. Đạt 91,76% so với mức cần đạt.");
    expect(by.get(3)).toBeUndefined();
    expect(by.get(4)).toBe("Kết quả 6,5 trên 6.");
  });

  test("a direction decided by the name is said; one written in the target is not repeated", () => {
    expect(verdictReason(evaluate({ target: "1", actual: 0.8, name: "Tỷ lệ hộ nghèo" }))).toBe("Kết quả 0,8 thấp hơn chỉ tiêu 1. Hướng đánh giá theo tên chỉ tiêu: càng thấp càng tốt.");
    expect(verdictReason(evaluate({ target: "dưới 1", actual: 0.8, name: "Tỷ lệ hộ nghèo" }))).not.toContain("Hướng đánh giá");
  });

  test("notes: the user's kept and counted, the add-in's own replaced, a right one left alone", () => {
    const { req, table } = request(grid(TABLE));
    const r = withReasons(req, table, grid(TABLE));
    const reason2 = r.cells.find((c) => c.row === 2)!.reason!;
    const now: Record<number, string | null> = { 2: reasonNote(reason2), 3: "Số liệu sơ bộ", 4: reasonNote("lý do cũ") };
    const { changes, kept } = noteChanges(r, (row) => now[row] ?? null);
    expect(kept).toBe(1);
    expect(changes.map((c) => [c.row, c.before])).toEqual([[4, reasonNote("lý do cũ")]]);
    expect(isReasonNote(now[3])).toBe(false);
  });

  test("the option is off by default and kept with the other settings", () => {
    expect(mergeSettings(null).reasons).toBe(false);
    expect(mergeSettings({ reasons: true }).reasons).toBe(true);
  });
});
