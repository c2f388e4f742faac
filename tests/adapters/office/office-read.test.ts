/**
 * readSheetGrid against a fake sheet that answers like Excel on the web: values exist only after
 * a sync, and a response over 5 MB is refused. A 100 000-row indicator sheet is read in blocks,
 * each under the limit, with every cell where it belongs.
 */
// office-addin-mock (imported by the fakes) needs only OfficeApp from office-addin-manifest, whose full entry pulls ES modules jest cannot load
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));
import { readSheetGrid, jsonBytes, type ReadSheetStats } from "../../../src/adapters/office/office-read";
import { createSheetReadFake, PAYLOAD_LIMIT } from "../../support/office-fake";
import { loadReferenceIndicators } from "../../support/reference";

const SHEET = "Chỉ tiêu";
const ROWS = 100_000;
const COLS = 6;
const ref = loadReferenceIndicators();
/** Reference rows repeated: TT, name, unit, target, result (a number, some percent-formatted), status. */
const cell = (r: number, c: number): string | number => {
  if (r === 0) return ["TT", "CHỈ TIÊU", "ĐVT", "Chỉ tiêu Nghị quyết ĐH VI", "Kết quả thực hiện", "So sánh NQ ĐH VI"][c];
  const x = ref[(r - 1) % ref.length];
  if (c === 0) return String(r);
  if (c === 1) return `${x.name} (dòng ${r})`;
  if (c === 2) return x.unit;
  if (c === 3) return x.target;
  if (c === 4) return r % 7 === 0 ? 0.8636 : r + 0.5;
  return x.reported;
};
const format = (r: number, c: number) => (c === 4 && r % 7 === 0 ? "0.00%" : "General");

test("the fake refuses what Excel on the web refuses: the whole used range in one request", async () => {
  const { context } = createSheetReadFake({ sheet: SHEET, rows: ROWS, cols: COLS, cell, format });
  const used = context.workbook.worksheets.getItem(SHEET).getUsedRange();
  used.load("values,numberFormat");
  expect(() => used.values).toThrow(/not available/);
  await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
});

test("100 000 rows: read in blocks, every response under 5 MB, every cell in place", async () => {
  const { context, stats: fake } = createSheetReadFake({ sheet: SHEET, origin: { row: 2, col: 1 }, rows: ROWS, cols: COLS, cell, format });
  const stats: ReadSheetStats = { syncs: 0, blockRows: [], blockBytes: [] };
  const grid = await readSheetGrid(context, SHEET, { merges: false }, stats);
  // requests: one for the size, then the blocks; all answered under the limit
  expect(fake.syncs).toBe(stats.syncs);
  expect(fake.responseBytes.length).toBe(1 + stats.blockRows.length);
  expect(Math.max(...fake.responseBytes)).toBeLessThan(PAYLOAD_LIMIT);
  expect(stats.blockRows.reduce((a, b) => a + b, 0)).toBe(ROWS);
  // few requests: blocks grow to ~2 MB once the bytes per row are known
  expect(stats.blockRows.length).toBeLessThan(30);
  expect(Math.max(...stats.blockBytes)).toBeGreaterThan(1_000_000);
  // the block sizes measured here are those Excel answered (values + formats)
  expect(fake.responseBytes.slice(1).every((b, i) => Math.abs(b - stats.blockBytes[i]) < 100)).toBe(true);
  // the grid: origin, size, values as shown
  expect(grid.origin).toBe("B3");
  expect(grid.values).toHaveLength(ROWS);
  expect(grid.values[0]).toEqual(["TT", "CHỈ TIÊU", "ĐVT", "Chỉ tiêu Nghị quyết ĐH VI", "Kết quả thực hiện", "So sánh NQ ĐH VI"]);
  for (const r of [1, 7, 4321, 50_000, ROWS - 1]) {
    expect(grid.values[r][1]).toBe(cell(r, 1));
    expect(grid.values[r][4]).toBe(r % 7 === 0 ? "86,36%" : r + 0.5);
  }
  // block addresses cover the used range, B..G, without gap or overlap
  const addresses = fake.loads.slice(1).map((l) => l[0].split(" ")[0]);
  let next = 3;
  for (const a of addresses) {
    const m = /^B(\d+):G(\d+)$/.exec(a)!;
    expect(Number(m[1])).toBe(next);
    next = Number(m[2]) + 1;
  }
  expect(next).toBe(3 + ROWS);
});

test("a block Excel still refuses (very long cells) is halved and asked again", async () => {
  const long = "Tỷ lệ hộ dân khu vực nội thị sử dụng nước hợp vệ sinh, ".repeat(60);
  const { context, stats: fake } = createSheetReadFake({ sheet: SHEET, rows: 4000, cols: 4, cell: (r, c) => (c === 1 ? `${long}${r}` : r), format: () => "General" });
  const stats: ReadSheetStats = { syncs: 0, blockRows: [], blockBytes: [] };
  const grid = await readSheetGrid(context, SHEET, { merges: false, firstBlockCells: 16_000 }, stats);
  expect(grid.values).toHaveLength(4000);
  expect(grid.values[3999][1]).toBe(`${long}3999`);
  // the first try (all 4 000 rows, ~16 MB) was refused, then halves until it fits
  expect(stats.syncs).toBeGreaterThan(fake.syncs);
  expect(Math.max(...fake.responseBytes)).toBeLessThan(PAYLOAD_LIMIT);
});

test("merged areas only where ExcelApi 1.13 is there: none asked of an older Excel", async () => {
  const old = createSheetReadFake({ sheet: SHEET, rows: 3, cols: 2, cell: (r, c) => `${r},${c}`, unsupported: ["1.13"] });
  const grid = await readSheetGrid(old.context, SHEET, { merges: false });
  expect(grid.merges).toEqual([]);
  expect(grid.values).toEqual([["0,0", "0,1"], ["1,0", "1,1"], ["2,0", "2,1"]]);
  // asked anyway, the fake refuses like Excel
  const again = createSheetReadFake({ sheet: SHEET, rows: 3, cols: 2, cell: (r, c) => `${r},${c}`, unsupported: ["1.13"] });
  await expect(readSheetGrid(again.context, SHEET, { merges: true })).rejects.toMatchObject({ code: "ApiNotFound" });
});

test("jsonBytes counts UTF-8 bytes of the JSON Office sends", () => {
  const v = [["Tỷ lệ \"hộ\" nghèo", 0.37, true, ""], ["a\\b", -1, false, "đ"]];
  expect(jsonBytes(v)).toBe(Buffer.byteLength(JSON.stringify(v), "utf8"));
});
