import { readIndicatorTable } from "../../../src/core/sheet/reader";
import type { Grid } from "../../../src/core/sheet/grid";

test('a mapping of "" says the table has no such column', () => {
  const grid: Grid = {
    sheet: "Bảng",
    values: [
      ["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu NQ", "Kết quả thực hiện", "Ghi chú"],
      ["1", "Tỷ lệ che phủ rừng", "%", "> 6", 6.5, "gồm rừng trồng mới"],
    ],
  };
  const withNote = readIndicatorTable(grid);
  expect(withNote.ok && withNote.table.mapping.note).toBe("F");
  const none = readIndicatorTable(grid, { mapping: { note: "" } });
  expect(none.ok).toBe(true);
  if (!none.ok) return;
  expect(none.table.mapping.note).toBeUndefined();
  expect(none.recognised.map((r) => r.role)).not.toContain("note");
  const row = none.table.rows.find((r) => r.type === "indicator");
  expect(row && row.type === "indicator" && row.note).toBeFalsy();
});
