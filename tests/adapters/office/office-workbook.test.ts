/**
 * The Office.js workbook port against office-addin-mock: a sheet is read in one batch (one sync),
 * the Đánh giá column is written with 2-D arrays in few syncs and nothing else is touched,
 * settings go through document settings.
 */
// office-addin-mock needs only OfficeApp from office-addin-manifest, whose full entry pulls ES modules jest cannot load
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));
import { OfficeMockObject } from "office-addin-mock";
import { OfficeWorkbookPort } from "../../../src/adapters/office/office-workbook";
import { splitAreas, stripSheet } from "../../../src/adapters/office/office-read";
import { SETTINGS_KEY, type SettingsStore } from "../../../src/adapters/office/office-settings";
import { readIndicatorTable } from "../../../src/core/sheet/reader";
import { evaluateTable } from "../../../src/core/evaluation/evaluate-table";
import { buildStatusRequest } from "../../../src/app/status-column";
import { type StatusColumnRequest } from "../../../src/app/port";
import { DEFAULT_SETTINGS } from "../../../src/app/settings";
import { fakeExcelRun, type UndoGroup } from "../../support/office-fake";

type Row = unknown[];
const SHEET = "Chỉ tiêu";
// A small table in the reference's shape, with a title row and a merged group row.
const VALUES: Row[] = [
  ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "", "", "", "", ""],
  ["TT", "CHỈ TIÊU", "ĐVT", "Chỉ tiêu Nghị quyết ĐH VI", "Kết quả thực hiện", "So sánh NQ ĐH VI"],
  ["I", "Các chỉ tiêu về kinh tế - xã hội", "", "", "", ""],
  ["1.1", "Tăng trưởng tổng giá trị sản xuất bình quân", "%/năm", "8,5-9,5", 7.8, "Chưa đạt"],
  ["1.2", "Tổng thu ngân sách nhà nước tăng bình quân", "%/năm", "11-12", 20.4, "Đạt"],
  ["2.1", "Tỷ lệ hộ nghèo", "%", "0,2 (theo tiêu chí cũ)", 0.37, "Chưa đạt"],
  ["2.8", "Tỷ lệ hộ dân khu vực nội thị sử dụng nước hợp vệ sinh", "%", "> 98", 98, "Đạt"],
  ["2.9", "Số trường công lập đạt chuẩn quốc gia giai đoạn 1 là 57/66 trường", "%", 100, 0.8814, "Chưa đạt"],
];
const FORMATS: Row[] = VALUES.map((r, i) => r.map((_v, c) => (i === 7 && c === 4 ? "0.00%" : "General")));

interface Harness {
  port: OfficeWorkbookPort;
  syncs(): number;
  /** getRange calls with their mock ranges, in order */
  ranges: Array<{ address: string; range: OfficeMockObject & Record<string, unknown> }>;
  activated: string[];
  selected: string[];
  settings: Map<string, unknown>;
  saves(): number;
  /** the status column as the workbook holds it now (writes land here at sync, like Excel) */
  statusColumn: unknown[];
  /** each Excel.run: one merged undo group, or one step per sync */
  groups: UndoGroup[];
  /** the user types into a cell of the status column (1-based row); change handlers run */
  userEdit(row: number, value: unknown): Promise<void>;
  ownEvent(): Promise<void>;
  /** how many change handlers are registered */
  watching(): number;
}

function harness(opts: { formulas: boolean; statusColumn?: unknown[]; excelApi?: string } = { formulas: true }): Harness {
  const ranges: Harness["ranges"] = [];
  const created: OfficeMockObject[] = [];
  const activated: string[] = [];
  const selected: string[] = [];
  const handlers = new Set<(e: { triggerSource?: string; address: string }) => Promise<void>>();
  const statusColumn = [...(opts.statusColumn ?? VALUES.map((r) => r[5]))];
  const statusFormats: unknown[] = statusColumn.map(() => "General");
  /** ranges of the status column with what they held when made, to apply what a batch wrote */
  const columnRanges: Array<{ first: number; range: Record<string, unknown>; seed: [string, string] }> = [];
  const data = {
    workbook: {
      worksheets: {
        // collections are not mocked: loading "items/name" fills the items
        load(what: string) {
          if (what === "items/name,items/visibility")
            (this as unknown as { items: unknown }).items = [
              { name: SHEET, visibility: "Visible" },
              { name: "Thông tin", visibility: "Visible" },
              { name: "Ẩn", visibility: "Hidden" },
            ];
          return this;
        },
        getItem(name: string) {
          (this as unknown as { sheet: { name: string } }).sheet.name = name;
          return (this as unknown as { sheet: unknown }).sheet;
        },
        getActiveWorksheet() {
          return (this as unknown as { sheet: unknown }).sheet;
        },
        sheet: {
          name: SHEET,
          used: {
            values: VALUES,
            numberFormat: FORMATS,
            address: `'${SHEET}'!A1:F8`,
            rowCount: VALUES.length,
            columnCount: 6,
            merged: { address: `'${SHEET}'!A1:F1, '${SHEET}'!B3:F3`, isNullObject: false },
            getMergedAreasOrNullObject() {
              return (this as unknown as { merged: unknown }).merged;
            },
          },
          getUsedRange() {
            return (this as unknown as { used: unknown }).used;
          },
          getRange(address: string) {
            // a block of the used range (readSheet): its values and formats
            const block = /^A(\d+):F(\d+)$/.exec(address);
            if (block) {
              const range = new OfficeMockObject({ values: VALUES.slice(Number(block[1]) - 1, Number(block[2])), numberFormat: FORMATS.slice(Number(block[1]) - 1, Number(block[2])) }) as OfficeMockObject & Record<string, unknown>;
              created.push(range);
              ranges.push({ address, range });
              return range;
            }
            // the status column F: its current formulas, sliced to the rows asked for
            const m = /^F(\d+):F(\d+)$/.exec(address);
            const first = m ? Number(m[1]) : 1;
            const last = m ? Number(m[2]) : 1;
            const formulas = statusColumn.slice(first - 1, last).map((v) => [v ?? ""]);
            const numberFormat = statusFormats.slice(first - 1, last).map((v) => [v]);
            const range = new OfficeMockObject({
              formulas,
              numberFormat,
              select() {
                selected.push(address);
              },
            }) as OfficeMockObject & Record<string, unknown>;
            created.push(range);
            ranges.push({ address, range });
            if (m) columnRanges.push({ first, range, seed: [JSON.stringify(formulas), JSON.stringify(numberFormat)] });
            return range;
          },
          activate() {
            activated.push((this as unknown as { name: string }).name);
          },
          // ExcelApi 1.7 change events: handlers kept until removed
          onChanged: {
            add(handler: (e: { triggerSource?: string; address: string }) => Promise<void>) {
              handlers.add(handler);
              return { remove: () => handlers.delete(handler), context: { sync: async () => undefined } };
            },
          },
        },
      },
    },
  };
  const context = new OfficeMockObject(data) as OfficeMockObject & { sync(): Promise<void> };
  let syncs = 0;
  const sync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    await sync();
    for (const r of created) await r.sync();
    // what this batch wrote into the status column lands in the workbook
    for (const c of columnRanges.splice(0)) {
      // a property never set nor loaded reads as the mock's "not loaded" text: only arrays were written
      const f = c.range.formulas;
      const n = c.range.numberFormat;
      if (Array.isArray(f) && JSON.stringify(f) !== c.seed[0]) f.forEach((line: unknown[], i) => (statusColumn[c.first - 1 + i] = line[0]));
      if (Array.isArray(n) && JSON.stringify(n) !== c.seed[1]) n.forEach((line: unknown[], i) => (statusFormats[c.first - 1 + i] = line[0]));
    }
  };
  const api = opts.excelApi ?? "1.17";
  // versions compare by their parts: 1.9 < 1.13
  const isSetSupported = (name: string, version: string) => name === "ExcelApi" && Number(version.split(".")[1]) <= Number(api.split(".")[1]);
  const groups: UndoGroup[] = [];
  const excel = fakeExcelRun(context, isSetSupported, groups);
  const settings = new Map<string, unknown>();
  let saves = 0;
  const store: SettingsStore = {
    get: (k) => settings.get(k) ?? null,
    set: (k, v) => void settings.set(k, v),
    saveAsync: (cb) => {
      saves++;
      cb?.({ status: "succeeded" });
    },
  };
  const port = new OfficeWorkbookPort({ excel, settings: store, formulas: opts.formulas, isSetSupported });
  /** a change by someone: Excel raises the sheet's onChanged (triggerSource "Unknown") */
  const userEdit = async (row: number, value: unknown) => {
    statusColumn[row - 1] = value;
    for (const h of [...handlers]) await h({ address: `F${row}`, triggerSource: "Unknown" });
  };
  /** an event caused by the add-in's own write (ExcelApi 1.14 says so) */
  const ownEvent = async () => {
    for (const h of [...handlers]) await h({ address: "F4", triggerSource: "ThisLocalAddin" });
  };
  return { port, syncs: () => syncs, ranges, activated, selected, settings, saves: () => saves, statusColumn, groups, userEdit, ownEvent, watching: () => handlers.size };
}

describe("Office.js addresses", () => {
  test("sheet names and dollar signs are stripped; merged areas split outside quotes", () => {
    expect(stripSheet("'Chỉ tiêu, 2023'!$B$3:$F$40")).toBe("B3:F40");
    expect(splitAreas("'Chỉ tiêu, 2023'!A1:F1, 'Chỉ tiêu, 2023'!B3:F3,'Chỉ tiêu, 2023'!C9")).toEqual(["A1:F1", "B3:F3"]);
    expect(splitAreas(null)).toEqual([]);
  });
});

describe("OfficeWorkbookPort", () => {
  test("reads a sheet in two requests: size and merges, then values and number formats as one block", async () => {
    const h = harness();
    const grid = await h.port.readSheet(SHEET);
    expect(h.syncs()).toBe(2);
    expect(h.ranges.map((r) => r.address)).toEqual(["A1:F8"]);
    expect(grid.sheet).toBe(SHEET);
    expect(grid.origin).toBe("A1");
    expect(grid.merges).toEqual(["A1:F1", "B3:F3"]);
    // a percent-formatted cell reads as shown, empty strings as empty cells
    expect(grid.values[7][4]).toBe("88,14%");
    expect(grid.values[2][3]).toBeNull();
    const read = readIndicatorTable(grid);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.table.headerRow).toBe(2);
    expect(read.table.mapping).toMatchObject({ tt: "A", name: "B", unit: "C", target: "D", actual: "E", status: "F" });
    expect(read.table.rows.filter((r) => r.type === "indicator")).toHaveLength(5);
  });

  test("on Excel 2016 (no ExcelApi 1.13) a sheet reads without merges, still in two requests", async () => {
    const h = harness({ formulas: false, excelApi: "1.9" });
    const grid = await h.port.readSheet(SHEET);
    expect(h.syncs()).toBe(2);
    expect(grid.merges).toEqual([]);
    expect(readIndicatorTable(grid).ok).toBe(true);
    await expect(h.port.insertTemplate()).rejects.toThrow(/ExcelApi 1.13/);
  });

  test("lists the visible sheets and names the active one", async () => {
    const h = harness();
    expect(await h.port.listSheets()).toEqual([SHEET, "Thông tin"]);
    expect(await h.port.activeSheet()).toBe(SHEET);
  });

  async function request(): Promise<StatusColumnRequest> {
    const h = harness();
    const read = readIndicatorTable(await h.port.readSheet(SHEET));
    if (!read.ok) throw new Error(read.error.message);
    evaluateTable(read.table, { vocabulary: "dat", levels: 2 });
    return buildStatusRequest(read.table, { vocabulary: "dat", levels: 2, near: 0 });
  }

  test("the status request holds NQ.DANHGIA formulas; a direction taken from the name is spelled out", async () => {
    const req = await request();
    expect(req.column).toBe("F");
    const byRow = new Map(req.cells.map((c) => [c.row, c]));
    expect(byRow.get(4)?.formula).toBe('=NQ.DANHGIA(D4,E4,,"dat-2")');
    // "Tỷ lệ hộ nghèo": lower is better, known from the name only
    expect(byRow.get(6)?.formula).toBe('=NQ.DANHGIA(D6,E6,"giam","dat-2")');
    // "> 98" with 98: not met (the sheet says Đạt)
    expect(byRow.get(7)?.value).toBe("Chưa đạt");
    expect([...byRow.keys()]).toEqual([4, 5, 6, 7, 8]);
  });

  test("plan counts the cells that change, in one sync, writing nothing", async () => {
    const req = await request();
    const h = harness({ formulas: false });
    const plan = await h.port.planStatusColumn(req);
    // values mode: only the "> 98" row differs from what the sheet says
    expect(plan).toEqual({ changes: 1, mode: "values", preview: [{ row: 7, before: "Đạt", content: "Chưa đạt" }] });
    expect(h.syncs()).toBe(1);
    expect(h.ranges.map((r) => r.address)).toEqual(["F4:F8"]);
  });

  test("values mode writes only the changed cell of the status column, in two syncs (and one to watch it for undo)", async () => {
    const req = await request();
    const h = harness({ formulas: false });
    const r = await h.port.writeStatusColumn(req);
    expect(r).toEqual({ changed: 1, mode: "values" });
    // read + write; then, without ExcelApi 1.20, one more run registers the change handler (ExcelApi 1.7)
    expect(h.syncs()).toBe(3);
    expect(h.watching()).toBe(1);
    const writes = h.ranges.slice(1);
    expect(writes.map((w) => w.address)).toEqual(["F7:F7"]);
    expect(writes[0].range.formulas).toEqual([["Chưa đạt"]]);
  });

  test("formulas mode writes contiguous runs as 2-D arrays, only in the status column", async () => {
    const req = await request();
    // row 6 already holds the right formula: it is left alone, so rows 4-5 and 7-8 are two runs
    const column = VALUES.map((r) => r[5]);
    column[5] = '=NQ.DANHGIA(D6,E6,"giam","dat-2")';
    const h = harness({ formulas: true, statusColumn: column });
    const plan = await h.port.planStatusColumn(req);
    expect(plan).toMatchObject({ changes: 4, mode: "formulas" });
    expect(plan.preview?.map((c) => c.row)).toEqual([4, 5, 7, 8]);
    expect(plan.preview?.[0]).toEqual({ row: 4, before: "Chưa đạt", content: '=NQ.DANHGIA(D4,E4,,"dat-2")' });
    const h2 = harness({ formulas: true, statusColumn: column });
    const r = await h2.port.writeStatusColumn(req);
    expect(r.changed).toBe(4);
    expect(h2.syncs()).toBe(3);
    const writes = h2.ranges.slice(1);
    expect(writes.map((w) => w.address)).toEqual(["F4:F5", "F7:F8"]);
    expect(writes[0].range.formulas).toEqual([['=NQ.DANHGIA(D4,E4,,"dat-2")'], ['=NQ.DANHGIA(D5,E5,,"dat-2")']]);
    expect(writes.every((w) => w.address.startsWith("F"))).toBe(true);
  });

  test("nothing to change: one sync, no write", async () => {
    const req = await request();
    const column = VALUES.map((r) => r[5]);
    column[6] = "Chưa đạt";
    const h = harness({ formulas: false, statusColumn: column });
    expect(await h.port.writeStatusColumn(req)).toEqual({ changed: 0, mode: "values" });
    expect(h.syncs()).toBe(1);
    expect(h.ranges).toHaveLength(1);
  });

  test("selecting a finding's cell activates its sheet and selects it, one sync", async () => {
    const h = harness();
    await h.port.selectCell(SHEET, "E8");
    expect(h.activated).toEqual([SHEET]);
    expect(h.selected).toEqual(["E8"]);
    expect(h.syncs()).toBe(1);
  });

  test("settings round-trip through document settings and are saved", async () => {
    const h = harness();
    expect(await h.port.getSettings()).toBeNull();
    const s = { ...DEFAULT_SETTINGS, layout: "nha-nuoc" as const, kemTheo: "(Kèm theo Báo cáo số 203-BC/ThU)", mappings: { [SHEET]: { target: "D" } } };
    await h.port.saveSettings(s);
    expect(h.saves()).toBe(1);
    expect(typeof h.settings.get(SETTINGS_KEY)).toBe("string");
    expect(await h.port.getSettings()).toEqual(s);
  });

  describe("undo", () => {
    test("ExcelApi 1.20: the write is one Excel.run merged into one undo group; Ctrl+Z is offered, nothing kept", async () => {
      const req = await request();
      const h = harness({ formulas: false, excelApi: "1.20" });
      await h.port.writeStatusColumn(req);
      expect(h.groups).toEqual([{ merged: true, syncs: 2 }]);
      expect(h.port.lastWrite()).toEqual({ way: "excel", label: "cột Đánh giá (cột F, 1 ô)" });
      expect(h.watching()).toBe(0);
      await expect(h.port.undoLastWrite()).rejects.toThrow(/Không còn lần ghi nào/);
    });

    test("below 1.20 the run is not merged (asking for it would be refused), and the pane's “Hoàn tác” restores the values", async () => {
      const req = await request();
      const h = harness({ formulas: true, excelApi: "1.17" });
      const before = [...h.statusColumn];
      await h.port.writeStatusColumn(req);
      expect(h.groups[0]).toEqual({ merged: false, syncs: 2 });
      expect(h.statusColumn).not.toEqual(before);
      expect(h.statusColumn[3]).toBe('=NQ.DANHGIA(D4,E4,,"dat-2")');
      expect(h.port.lastWrite()).toEqual({ way: "pane", label: "cột Đánh giá (cột F, 5 ô)" });
      const message = await h.port.undoLastWrite();
      expect(message).toMatch(/^Đã hoàn tác cột Đánh giá \(cột F, 5 ô\)/);
      expect(h.statusColumn).toEqual(before);
      expect(h.port.lastWrite()).toBeNull();
      expect(h.watching()).toBe(0);
    });

    test("the fake refuses mergeUndoGroup where ExcelApi 1.20 is missing, as Excel refuses a call of a missing set", async () => {
      const h = harness({ formulas: false, excelApi: "1.19" });
      const excel = fakeExcelRun({ sync: async () => undefined }, (n, v) => n === "ExcelApi" && Number(v.split(".")[1]) <= 19, h.groups);
      await expect(excel.run({ mergeUndoGroup: true }, async () => 1)).rejects.toThrow(/ApiNotFound|1\.20/);
    });

    test("a change by the user ends the offer at once (ExcelApi 1.7 events); the add-in's own events do not", async () => {
      const req = await request();
      const h = harness({ formulas: true, excelApi: "1.17" });
      await h.port.writeStatusColumn(req);
      let stale = 0;
      h.port.watchLastWrite(() => stale++);
      await h.ownEvent();
      expect(h.port.lastWrite()?.way).toBe("pane");
      // an event on another cell of the sheet: compared again, nothing the write left changed
      await h.userEdit(2, "CHỈ TIÊU (sửa)");
      expect(h.port.lastWrite()?.way).toBe("pane");
      await h.userEdit(5, "Đạt");
      expect(stale).toBe(1);
      expect(h.port.lastWrite()).toBeNull();
      await expect(h.port.undoLastWrite()).rejects.toThrow(/Không còn lần ghi nào/);
    });

    test("without change events (ExcelApi 1.6), “Hoàn tác” compares first and refuses when a written cell was edited", async () => {
      const req = await request();
      const h = harness({ formulas: true, excelApi: "1.6" });
      await h.port.writeStatusColumn(req);
      expect(h.watching()).toBe(0);
      await h.userEdit(6, "Đạt (sửa tay)");
      expect(h.port.lastWrite()?.way).toBe("pane");
      await expect(h.port.undoLastWrite()).rejects.toThrow(/Không hoàn tác được cột Đánh giá \(cột F, 5 ô\): các ô F4:F8 \(trang “Chỉ tiêu”\) đã được sửa/);
      expect(h.statusColumn[5]).toBe("Đạt (sửa tay)");
    });

    test("a write that changes nothing offers nothing to undo", async () => {
      const req = await request();
      const column = VALUES.map((r) => r[5]);
      column[6] = "Chưa đạt";
      const h = harness({ formulas: false, statusColumn: column });
      await h.port.writeStatusColumn(req);
      expect(h.port.lastWrite()).toBeNull();
    });
  });
});
