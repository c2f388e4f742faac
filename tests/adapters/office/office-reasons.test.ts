/**
 * The reasons of the Đánh giá column and the pane's undo, through the Office port over the Office
 * fake (tests/support/office-fake.ts), which holds the reference table and answers per requirement
 * set like Excel: notes only from ExcelApi 1.18, one undo group from 1.20, change events from 1.7.
 * - 1.18: a note on each computed verdict, the user's own notes kept, all in the write's undo step;
 * - below: the "Lý do" column beside the Đánh giá column, or the next empty one, widened, and put
 *   back by “Hoàn tác” with the width it had;
 * - the sheets a write adds (appendix, charts, consolidated sheets) are deleted by “Hoàn tác” only
 *   while they hold what the write left.
 */
// office-addin-mock needs only OfficeApp from office-addin-manifest, whose full entry pulls ES modules jest cannot load
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));
import { OfficeWorkbookPort } from "../../../src/adapters/office/office-workbook";
import { analyse } from "../../../src/app/analyse";
import { buildStatusRequest, statusColumnOf } from "../../../src/app/status-column";
import { describeReasonPlan, REASON_NOTE_PREFIX, withReasons } from "../../../src/app/reasons";
import { layoutAppendix } from "../../../src/app/appendix";
import { appendixOptions, DEFAULT_SETTINGS } from "../../../src/app/settings";
import { cellText } from "../../../src/core/sheet/cell";
import { valueAt } from "../../../src/core/sheet/grid";
import { toCellValue } from "../../../src/core/sample";
import { evaluateTable } from "../../../src/core/evaluation/evaluate-table";
import { sampleTable, SAMPLE_INFO } from "../../../src/core/sample";
import { tableOutlook, tableTrajectories } from "../../../src/core/outlook";
import type { SettingsStore } from "../../../src/adapters/office/office-settings";
import { createExcelMock, fakeExcelRun, type UndoGroup } from "../../support/office-fake";
import { loadReferenceRows } from "../../support/reference";

const SHEET = "Chỉ tiêu";
const rows = loadReferenceRows();
/** the reference table as an office keeps it: a title, a blank row, the header on row 3, the 33 rows */
const VALUES: unknown[][] = [
  ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU"],
  [],
  ["TT", "CHỈ TIÊU", "ĐVT", "Chỉ tiêu Nghị quyết ĐH VI", "Kết quả thực hiện", "So sánh NQ ĐH VI"],
  ...rows.map((r) => [r.tt || null, r.name, r.unit || null, toCellValue(r.target), toCellValue(r.actual), r.reported || null]),
];
const rowOf = (match: (r: (typeof rows)[number]) => boolean) => 4 + rows.findIndex(match);
const STRICT = rowOf((r) => r.target === "> 98" && r.actual === "98");
const POVERTY = rowOf((r) => /hộ nghèo/i.test(r.name));

/** An Excel with ExcelApi up to `api` ("1.17"), the reference sheet (and `extra` columns), as the pane sees it. */
function excel(api: string, seed: { cells?: unknown[][]; notes?: Record<string, string>; comments?: string[] } = {}) {
  const minor = Number(api.split(".")[1]);
  const unsupported = minor >= 20 ? [] : [`1.${minor + 1}`];
  const fake = createExcelMock([SHEET], { unsupported, cells: { [SHEET]: seed.cells ?? VALUES }, notes: seed.notes ? { [SHEET]: seed.notes } : undefined, comments: seed.comments ? { [SHEET]: seed.comments } : undefined });
  const groups: UndoGroup[] = [];
  const settings = new Map<string, unknown>();
  const store: SettingsStore = { get: (k) => settings.get(k) ?? null, set: (k, v) => void settings.set(k, v), saveAsync: (cb) => cb?.({ status: "succeeded" }) };
  const port = new OfficeWorkbookPort({ excel: fakeExcelRun(fake.context, fake.isSetSupported, groups), settings: store, formulas: false, isSetSupported: fake.isSetSupported });
  return { ...fake, groups, port };
}

/** What the pane does before "Điền cột Đánh giá": read the sheet, judge it, build the request (with reasons). */
async function statusRequest(port: OfficeWorkbookPort, reasons = true) {
  const grid = await port.readSheet(SHEET);
  const a = analyse(grid, { vocabulary: "dat", levels: 2 });
  const table = a.table!;
  const { column } = statusColumnOf(table);
  const req = buildStatusRequest(table, { vocabulary: "dat", levels: 2, near: 0 }, cellText(valueAt(grid, `${column}${table.headerRow}`)));
  return { req: reasons ? withReasons(req, table, grid) : req, table, grid };
}

const column = (fake: ReturnType<typeof excel>, letter: string) => VALUES.map((_r, i) => fake.workbook.formula(SHEET, `${letter}${i + 1}`));

describe("reasons as cell notes (ExcelApi 1.18)", () => {
  test("a note on each computed verdict, the user's own note kept; the plan says so before writing", async () => {
    const fake = excel("1.18", { notes: { [`F${POVERTY}`]: "Số liệu của Phòng LĐ-TB&XH, chờ xác nhận" } });
    const { req } = await statusRequest(fake.port);
    const withReason = req.cells.filter((c) => c.reason).length;
    expect(withReason).toBeGreaterThan(25);
    const syncs = fake.stats.syncs;
    const plan = await fake.port.planStatusColumn(req);
    // the column, the notes and the count of comments (none) in one request
    expect(fake.stats.syncs - syncs).toBe(1);
    expect(plan.reasons).toEqual({ way: "notes", changes: withReason - 1, replaced: 0, keptNotes: 1 });
    expect(describeReasonPlan(plan.reasons!, "F")).toBe(`Lý do đánh giá: ${withReason - 1} ghi chú (note) trên các ô cột F. 1 ô đã có ghi chú hoặc chú thích của người dùng: giữ nguyên, không thêm lý do.`);
    // planning wrote nothing
    expect(Object.keys(fake.workbook.notes(SHEET))).toEqual([`F${POVERTY}`]);

    const r = await fake.port.writeStatusColumn(req);
    expect(r.changed).toBe(plan.changes);
    expect(r.reasons?.changes).toBe(withReason - 1);
    const notes = fake.workbook.notes(SHEET);
    expect(Object.keys(notes)).toHaveLength(withReason);
    // the engine's reason, on the cell it explains
    expect(notes[`F${STRICT}`]).toBe(`${REASON_NOTE_PREFIX}Kết quả 98 bằng đúng ngưỡng; chỉ tiêu yêu cầu trên 98 nên chưa đạt (sát ngưỡng, cần xem lại).`);
    expect(fake.workbook.formula(SHEET, `F${STRICT}`)).toBe("Chưa đạt");
    expect(notes[`F${POVERTY}`]).toBe("Số liệu của Phòng LĐ-TB&XH, chờ xác nhận");
    // nothing beside the column
    expect(column(fake, "G").every((v) => v === "")).toBe(true);
    expect(fake.port.lastWrite()).toEqual({ way: "pane", label: `cột Đánh giá (cột F, ${r.changed} ô) và ${withReason - 1} ghi chú lý do` });

    // a second run finds them right
    const again = await fake.port.planStatusColumn((await statusRequest(fake.port)).req);
    expect(again).toMatchObject({ changes: 0, reasons: { changes: 0, keptNotes: 1 } });
  });

  test("a cell with a reviewer's threaded comment gets no note (Excel keeps one or the other on a cell)", async () => {
    const fake = excel("1.18", { comments: [`F${STRICT}`, "B2"] });
    const { req } = await statusRequest(fake.port);
    const syncs = fake.stats.syncs;
    const plan = await fake.port.planStatusColumn(req);
    // the comments' cells are read only because the sheet has some
    expect(fake.stats.syncs - syncs).toBe(3);
    expect(plan.reasons).toMatchObject({ way: "notes", keptNotes: 1 });
    await fake.port.writeStatusColumn(req);
    expect(fake.workbook.note(SHEET, `F${STRICT}`)).toBeNull();
    expect(fake.workbook.note(SHEET, `F${POVERTY}`)).toMatch(/^Lý do đánh giá: /);
  });

  test("a direction taken from the name is said in the reason", async () => {
    const fake = excel("1.18");
    const { req } = await statusRequest(fake.port);
    await fake.port.writeStatusColumn(req);
    expect(fake.workbook.note(SHEET, `F${POVERTY}`)).toMatch(/^Lý do đánh giá: Kết quả 0,37 .*Hướng đánh giá theo tên chỉ tiêu: càng thấp càng tốt\./);
  });

  test("“Hoàn tác” takes the notes back with the values: added ones deleted, the add-in's earlier ones restored, the user's untouched", async () => {
    const mine = `${REASON_NOTE_PREFIX}lý do cũ`;
    const fake = excel("1.18", { notes: { [`F${POVERTY}`]: "ghi chú của người dùng", [`F${STRICT}`]: mine } });
    const before = column(fake, "F");
    const { req } = await statusRequest(fake.port);
    await fake.port.writeStatusColumn(req);
    expect(fake.workbook.note(SHEET, `F${STRICT}`)).not.toBe(mine);
    expect(await fake.port.undoLastWrite()).toMatch(/^Đã hoàn tác cột Đánh giá \(cột F, \d+ ô\) và \d+ ghi chú lý do/);
    expect(fake.workbook.notes(SHEET)).toEqual({ [`F${POVERTY}`]: "ghi chú của người dùng", [`F${STRICT}`]: mine });
    expect(column(fake, "F")).toEqual(before);
  });

  test("a note the user edited after the write stops “Hoàn tác” (and, with change events, ends the offer at once)", async () => {
    const fake = excel("1.18");
    const { req } = await statusRequest(fake.port);
    await fake.port.writeStatusColumn(req);
    let stale = 0;
    fake.port.watchLastWrite(() => stale++);
    await fake.workbook.userNote(SHEET, `F${STRICT}`, "Đã trao đổi với đơn vị: giữ Đạt");
    expect(stale).toBe(1);
    expect(fake.port.lastWrite()).toBeNull();
    expect(fake.workbook.note(SHEET, `F${STRICT}`)).toBe("Đã trao đổi với đơn vị: giữ Đạt");
  });

  test("ExcelApi 1.20: the column and its notes are one undo group", async () => {
    const fake = excel("1.20");
    const { req } = await statusRequest(fake.port);
    fake.groups.splice(0); // the reads before
    const r = await fake.port.writeStatusColumn(req);
    expect(fake.groups).toEqual([{ merged: true, syncs: 2 }]);
    expect(Object.keys(fake.workbook.notes(SHEET))).toHaveLength(r.reasons!.changes);
    expect(fake.port.lastWrite()).toEqual({ way: "excel", label: `cột Đánh giá (cột F, ${r.changed} ô) và ${r.reasons!.changes} ghi chú lý do` });
  });

  test("the fake answers like Excel: notes are refused below ExcelApi 1.18", async () => {
    const fake = excel("1.17");
    fake.context.workbook.worksheets.getItem(SHEET).notes.add("F4", "x");
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "ApiNotFound", message: expect.stringContaining("1.18") });
    expect(fake.workbook.notes(SHEET)).toEqual({});
  });
});

describe("reasons in a “Lý do” column (below ExcelApi 1.18)", () => {
  test("beside the Đánh giá column when it is empty: header, one reason a row, a width to read them; “Hoàn tác” puts all back", async () => {
    const fake = excel("1.17");
    const before = column(fake, "F");
    const { req } = await statusRequest(fake.port);
    expect(req.reasons).toEqual({ column: "G", headerRow: 3 });
    const plan = await fake.port.planStatusColumn(req);
    const reasons = req.cells.filter((c) => c.reason).length;
    expect(plan.reasons).toMatchObject({ way: "column", column: { column: "G" }, changes: reasons + 1, replaced: 0 });
    expect(describeReasonPlan(plan.reasons!, "F")).toBe(`Lý do ghi vào cột G (“Lý do”), cạnh cột Đánh giá: ${reasons + 1} ô.`);
    const r = await fake.port.writeStatusColumn(req);
    expect(fake.workbook.formula(SHEET, "G3")).toBe("Lý do");
    expect(fake.workbook.formula(SHEET, `G${STRICT}`)).toBe("Kết quả 98 bằng đúng ngưỡng; chỉ tiêu yêu cầu trên 98 nên chưa đạt (sát ngưỡng, cần xem lại).");
    expect(fake.workbook.width(SHEET, "G")).toBe(330);
    expect(fake.workbook.notes(SHEET)).toEqual({});
    expect(fake.port.lastWrite()).toEqual({ way: "pane", label: `cột Đánh giá (cột F, ${r.changed} ô) và cột Lý do (cột G)` });

    await fake.port.undoLastWrite();
    expect(column(fake, "G").every((v) => v === "")).toBe(true);
    expect(column(fake, "F")).toEqual(before);
    expect(fake.workbook.width(SHEET, "G")).toBe(48);
    // the sheet reads as before: the used range ends at F again
    expect((await fake.port.readSheet(SHEET)).values[2]).toHaveLength(6);
  });

  test("the column beside holds the office's notes: the next empty column, and the confirmation says why", async () => {
    const cells = VALUES.map((r, i) => [...r, ...Array(6 - r.length).fill(null), i === 2 ? "Ghi chú" : i === STRICT - 1 ? "Số ước" : null]);
    const fake = excel("1.17", { cells });
    const { req } = await statusRequest(fake.port);
    expect(req.reasons).toEqual({ column: "H", headerRow: 3, passed: { column: "G", header: "Ghi chú" } });
    const plan = await fake.port.planStatusColumn(req);
    expect(describeReasonPlan(plan.reasons!, "F")).toMatch(/^Cột G bên cạnh đã có dữ liệu \(“Ghi chú”\) nên lý do ghi vào cột H, cột trống kế tiếp: \d+ ô\.$/);
    await fake.port.writeStatusColumn(req);
    expect(column(fake, "G")).toEqual(cells.map((r) => r[6] ?? ""));
    expect(fake.workbook.formula(SHEET, "H3")).toBe("Lý do");
  });

  test("a “Lý do” column written before is used again; a reason the user rewrote there is counted as replaced before asking", async () => {
    const fake = excel("1.17");
    await fake.port.writeStatusColumn((await statusRequest(fake.port)).req);
    await fake.workbook.userEdit(SHEET, `G${STRICT}`, "Theo báo cáo của Phòng: đạt");
    const { req } = await statusRequest(fake.port);
    expect(req.reasons?.column).toBe("G");
    const plan = await fake.port.planStatusColumn(req);
    expect(plan).toMatchObject({ changes: 0, reasons: { changes: 1, replaced: 1 } });
    expect(describeReasonPlan(plan.reasons!, "F")).toContain("1 ô của cột đó đang có nội dung khác sẽ được thay");
  });

  test("reasons off: nothing but the Đánh giá column", async () => {
    const fake = excel("1.18");
    const { req } = await statusRequest(fake.port, false);
    const plan = await fake.port.planStatusColumn(req);
    expect(plan.reasons).toBeUndefined();
    await fake.port.writeStatusColumn(req);
    expect(fake.workbook.notes(SHEET)).toEqual({});
    expect(column(fake, "G").every((v) => v === "")).toBe(true);
  });
});

describe("the appendix sheet", () => {
  async function layout(port: OfficeWorkbookPort) {
    const { table } = await statusRequest(port);
    return layoutAppendix(table, {}, appendixOptions({ ...DEFAULT_SETTINGS, levels: 2 }));
  }

  test("ExcelApi 1.18: each computed verdict's reason as a note on its cell; without the option, none", async () => {
    const fake = excel("1.18");
    const l = await layout(fake.port);
    const r = await fake.port.writeAppendix(l, "Phụ lục 1", { reasons: true });
    const notes = fake.workbook.notes(r.sheetName);
    const col = String.fromCharCode(65 + l.columns.findIndex((c) => c.key === "status"));
    const expected = l.rows.map((row, i) => (row.reason ? `${col}${i + 1}` : null)).filter(Boolean);
    expect(Object.keys(notes).sort()).toEqual((expected as string[]).sort());
    expect(expected.length).toBeGreaterThan(25);
    const strict = l.rows.findIndex((row) => row.sourceRow === STRICT);
    expect(notes[`${col}${strict + 1}`]).toBe(`${REASON_NOTE_PREFIX}Kết quả 98 bằng đúng ngưỡng; chỉ tiêu yêu cầu trên 98 nên chưa đạt (sát ngưỡng, cần xem lại).`);
    const plain = await fake.port.writeAppendix(l, "Phụ lục 1");
    expect(fake.workbook.notes(plain.sheetName)).toEqual({});
  });

  test("below ExcelApi 1.18 the printed appendix keeps its columns: no notes, no extra column, no error", async () => {
    const fake = excel("1.17");
    const l = await layout(fake.port);
    const r = await fake.port.writeAppendix(l, "Phụ lục 1", { reasons: true });
    expect(fake.workbook.notes(r.sheetName)).toEqual({});
    expect(fake.workbook.formula(r.sheetName, `${String.fromCharCode(65 + l.columns.length)}5`)).toBe("");
  });
});

describe("“Hoàn tác” of the sheets a write added", () => {
  test("the appendix sheet, unchanged, is deleted", async () => {
    const fake = excel("1.17");
    const { table } = await statusRequest(fake.port);
    const r = await fake.port.writeAppendix(layoutAppendix(table, {}, appendixOptions(DEFAULT_SETTINGS)), "Phụ lục 1");
    expect(fake.workbook.sheetNames()).toEqual([SHEET, r.sheetName]);
    expect(fake.port.lastWrite()).toEqual({ way: "pane", label: `trang “${r.sheetName}”` });
    expect(await fake.port.undoLastWrite()).toBe(`Đã hoàn tác trang “${r.sheetName}”: sổ trở lại như trước lần ghi đó.`);
    expect(fake.workbook.sheetNames()).toEqual([SHEET]);
    expect(fake.stats.deleted).toEqual([r.sheetName]);
  });

  test("edited after the write: refused, the sheet and the edit kept (no change events: ExcelApi 1.6)", async () => {
    const fake = excel("1.6");
    const { table } = await statusRequest(fake.port);
    const r = await fake.port.writeAppendix(layoutAppendix(table, {}, appendixOptions(DEFAULT_SETTINGS)), "Phụ lục 1");
    await fake.workbook.userEdit(r.sheetName, "B9", "Tổng thu ngân sách (đã sửa)");
    expect(fake.port.lastWrite()?.way).toBe("pane");
    await expect(fake.port.undoLastWrite()).rejects.toThrow(`Không hoàn tác được trang “${r.sheetName}”: trang “${r.sheetName}” đã được sửa sau lần ghi đó.`);
    expect(fake.workbook.sheetNames()).toContain(r.sheetName);
    expect(fake.workbook.formula(r.sheetName, "B9")).toBe("Tổng thu ngân sách (đã sửa)");
  });

  test("edited after the write with change events (ExcelApi 1.7): the offer ends at once", async () => {
    const fake = excel("1.17");
    const { table } = await statusRequest(fake.port);
    const r = await fake.port.writeAppendix(layoutAppendix(table, {}, appendixOptions(DEFAULT_SETTINGS)), "Phụ lục 1");
    expect(fake.workbook.watching()).toBe(1);
    await fake.workbook.userEdit(r.sheetName, "A40", "Ghi chú thêm");
    expect(fake.port.lastWrite()).toBeNull();
    expect(fake.workbook.watching()).toBe(0);
    expect(fake.workbook.sheetNames()).toContain(r.sheetName);
  });

  test("the chart sheet and the consolidated sheets are deleted too", async () => {
    const fake = excel("1.17");
    const charts = tableTrajectories(tableOutlook(evaluateTable(sampleTable()), SAMPLE_INFO)!);
    const c = await fake.port.addOutlookCharts(charts);
    expect(fake.workbook.sheetNames()).toEqual([SHEET, c.sheetName]);
    await fake.port.undoLastWrite();
    expect(fake.workbook.sheetNames()).toEqual([SHEET]);
    const names = await fake.port.writeNewSheets([
      { baseName: "Tổng hợp", values: [["TT", "Chỉ tiêu"], ["1", "Tỷ lệ hộ nghèo"]], headerRows: 1 },
      { baseName: "Theo đơn vị", values: [["Đơn vị"], ["Xã A"]] },
    ]);
    expect(fake.port.lastWrite()?.label).toBe(`các trang tổng hợp (${names.map((n) => `“${n}”`).join(", ")})`);
    await fake.port.undoLastWrite();
    expect(fake.workbook.sheetNames()).toEqual([SHEET]);
  });

  test("ExcelApi 1.20: an added sheet is one Ctrl+Z step; the pane deletes nothing", async () => {
    const fake = excel("1.20");
    const { table } = await statusRequest(fake.port);
    fake.groups.splice(0); // the reads before
    await fake.port.writeAppendix(layoutAppendix(table, {}, appendixOptions(DEFAULT_SETTINGS)), "Phụ lục 1");
    expect(fake.groups).toEqual([{ merged: true, syncs: expect.any(Number) }]);
    expect(fake.port.lastWrite()?.way).toBe("excel");
    await expect(fake.port.undoLastWrite()).rejects.toThrow(/Không còn lần ghi nào/);
    expect(fake.stats.deleted).toEqual([]);
  });
});

describe("the Office fake answers like Excel", () => {
  test("used range: A1 for an empty sheet, a null object from getUsedRangeOrNullObject (ExcelApi 1.4)", async () => {
    const fake = createExcelMock(["Trống", SHEET], { cells: { [SHEET]: VALUES } });
    const ws = fake.context.workbook.worksheets.getItem("Trống");
    const used = ws.getUsedRange();
    used.load("address,rowCount,columnCount");
    const orNull = ws.getUsedRangeOrNullObject();
    orNull.load("address");
    const full = fake.context.workbook.worksheets.getItem(SHEET).getUsedRangeOrNullObject();
    full.load("address");
    await fake.context.sync();
    expect([used.address, used.rowCount, used.columnCount]).toEqual(["'Trống'!A1", 1, 1]);
    expect(orNull.isNullObject).toBe(true);
    expect(full.address).toBe(`'${SHEET}'!A1:F${VALUES.length}`);
    const old = createExcelMock(["Trống"], { unsupported: ["1.4"] });
    old.context.workbook.worksheets.getItem("Trống").getUsedRangeOrNullObject();
    await expect(old.context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("worksheet.delete: removes the sheet; refused inside an undo group (Microsoft lists it without undo) and for the last sheet", async () => {
    const fake = createExcelMock(["A", "B"]);
    const groups: UndoGroup[] = [];
    const run = fakeExcelRun(fake.context, () => true, groups);
    await expect(run.run({ mergeUndoGroup: true }, async (c) => c.workbook.worksheets.getItem("B").delete())).rejects.toMatchObject({ code: "UndoNotSupported" });
    await run.run(async (c) => {
      c.workbook.worksheets.getItem("B").delete();
      await c.sync();
    });
    expect(fake.workbook.sheetNames()).toEqual(["A"]);
    fake.context.workbook.worksheets.getItem("A").delete();
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    fake.context.workbook.worksheets.getItem("B").getRange("A1").load("values");
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("notes (ExcelApi 1.18): one cell each; a missing one is ItemNotFound, a null object by getItemOrNullObject", async () => {
    const fake = createExcelMock([SHEET], { notes: { [SHEET]: { F4: "có sẵn" } } });
    const notes = fake.context.workbook.worksheets.getItem(SHEET).notes;
    notes.add("F4:F5", "x");
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    notes.add("F4", "lần hai");
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    notes.getItem("F9").content = "y";
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    const none = notes.getItemOrNullObject("F9").load("content");
    const some = notes.getItemOrNullObject("F4").load("content");
    notes.add("F5", "mới");
    await fake.context.sync();
    expect([none.isNullObject, some.isNullObject, some.content]).toEqual([true, false, "có sẵn"]);
    notes.getItem("F4").delete();
    await fake.context.sync();
    expect(fake.workbook.notes(SHEET)).toEqual({ F5: "mới" });
  });
});
