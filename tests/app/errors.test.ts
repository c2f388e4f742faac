/** Errors shown in the task pane say what went wrong and what to do. */
import { AppError, describeError } from "../../src/app/errors";
import { analyse, columnChoices, findingCell } from "../../src/app/analyse";
import type { Grid } from "../../src/core/sheet/grid";

test("Office.js error codes get an action that fits", () => {
  const busy = describeError("ghi cột Đánh giá", Object.assign(new Error("The request cannot be processed"), { code: "InvalidOperationInCellEditMode" }));
  expect(busy.title).toBe("Không ghi cột Đánh giá được");
  expect(busy.action).toMatch(/thoát ô đang sửa/);
  expect(describeError("đọc trang tính", { code: "ItemNotFound", message: "x" }).action).toMatch(/Chọn lại trang/);
  expect(describeError("x", { code: "ApiNotFound", message: "x" }).action).toMatch(/Cập nhật Excel/);
});

test("an error that knows what to do keeps its own action; anything else gets a generic one", () => {
  expect(describeError("mở tệp", new AppError("unreadable_file", "Tệp hỏng.", "Chọn tệp khác.")).action).toBe("Chọn tệp khác.");
  const other = describeError("tạo phụ lục", "lỗi lạ");
  expect(other.detail).toBe("lỗi lạ");
  expect(other.action).toMatch(/thử lần nữa/);
});

const GRID: Grid = {
  sheet: "Bảng",
  origin: "B2",
  values: [
    ["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu NQ", "Kết quả thực hiện", "Ghi chú"],
    ["1", "Tỷ lệ hộ nghèo", "%", "dưới 1", 0.8, ""],
    ["2", "Tỷ lệ che phủ rừng", "%", "> 6", 6.5, "tăng"],
  ],
};

test("mapping choices name each column by its header; “none” drops the column", () => {
  expect(columnChoices(GRID, 2).map((c) => c.label)).toEqual(["B · TT", "C · Chỉ tiêu", "D · ĐVT", "E · Chỉ tiêu NQ", "F · Kết quả thực hiện", "G · Ghi chú"]);
  const a = analyse(GRID, { mapping: { note: "" }, vocabulary: "dat", levels: 2, near: 0 });
  expect(a.result.ok).toBe(true);
  expect(a.indicators).toBe(2);
  const rows = a.table!.rows.filter((r) => r.type === "indicator");
  expect(rows.every((r) => r.type === "indicator" && !r.note)).toBe(true);
  expect(a.table!.mapping.note).toBeUndefined();
  expect(a.counts.met + a.counts.exceeded).toBe(2);
});

test("a finding's cell: a bare address is on the table's sheet; a qualified one names its own", () => {
  expect(findingCell({ cell: "F12" }, "Chỉ tiêu")).toEqual({ sheet: "Chỉ tiêu", address: "F12" });
  expect(findingCell({ cell: "'Thông tin'!B3" }, "Chỉ tiêu")).toEqual({ sheet: "Thông tin", address: "B3" });
  expect(findingCell({}, "Chỉ tiêu")).toBeNull();
});
