/**
 * An Excel workbook emulated with office-addin-mock's OfficeMockObject, enough for the appendix
 * writer: worksheets.getItemOrNullObject/load/add, getRange/getRangeByIndexes/getRanges, format
 * (font, borders, autofitRows), merge, pageLayout (setPrintTitleRows, zoom, headersFooters),
 * activate. It counts context.sync calls and the proxy objects created by method calls, and keeps
 * every range written, so tests can rebuild the sheet and check it. Dev/test only.
 *
 * It answers like Excel does: `opts.unsupported` lists ExcelApi versions this Excel lacks (e.g.
 * ["1.9"]); `isSetSupported` answers accordingly (a set is supported when it and every lower one
 * are), and a sync whose batch used a call or property of an unsupported set is rejected with an
 * ApiNotFound error, as Excel rejects the whole request. A request carrying more than 5 MB of
 * values and formats is rejected with RequestPayloadSizeLimitExceeded (Excel on the web's limit).
 *
 * createSheetReadFake models one large sheet for the reader: values exist only after a sync,
 * each sync's response is measured and refused over 5 MB.
 */
import { OfficeMockObject } from "office-addin-mock";
import { columnIndex, columnLetter } from "../../src/core/sheet/grid";

export interface MockRange {
  sheet: string;
  /** "A1:F1" or several areas joined by commas (getRanges) */
  address: string;
  /** present for getRangeByIndexes */
  box?: { row: number; col: number; rows: number; cols: number };
  mock: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  merged: boolean;
  autofit: boolean;
  /** syncs done before this range was created */
  batch: number;
  /** properties loaded from the workbook (reads, not writes) */
  loaded?: Set<string>;
  /** whole columns "G:G" (0-based first and last) */
  columns?: [number, number];
}

/** A chart added through sheet.charts.add (office-charts.ts). */
export interface MockChart {
  sheet: string;
  type: string;
  /** the source range's address and how series are read from it */
  source: string;
  seriesBy: string;
  mock: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** series added later (chart.series.add): name and the address of its values */
  added: Array<{ name: string; values?: string; chartType?: string }>;
  position?: [string, string];
}

export interface MockStats {
  charts: MockChart[];
  syncs: number;
  /** estimated bytes of each accepted request (values and formats written, per-operation overhead) */
  requestBytes: number[];
  /** the ExcelApi versions each call or property needed, per sync */
  used: Array<Set<string>>;
  proxies: number;
  ranges: MockRange[];
  sheets: Map<string, Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  printTitles: Map<string, string>;
  /** sheets deleted (worksheet.delete) */
  deleted: string[];
}

/** Column letter of a 0-based column index. */
const colLetter = (index: number): string => columnLetter(index + 1);

/** What office-addin-mock answers for a property never set nor loaded. */
const NOT_LOADED = "Error, property was not loaded";

/** Excel on the web refuses a request or response over 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** ExcelApi versions in order, to answer "supported" for a set and every lower one. */
export const EXCEL_API_VERSIONS = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11", "1.12", "1.13", "1.14", "1.15", "1.16", "1.17", "1.18", "1.19", "1.20"];
const minor = (v: string) => Number(v.split(".")[1]);

/** isSetSupported for an Excel lacking the given versions (and so everything above the lowest). */
export function supportsExcelApi(unsupported: string[]): (name: string, version: string) => boolean {
  const ceiling = unsupported.length ? Math.min(...unsupported.map(minor)) : Infinity;
  return (name, version) => name === "ExcelApi" && minor(version) < ceiling;
}

/** An error as Excel gives it: a code and a message. */
export function excelError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code, name: "RichApi.Error" });
}

/** JSON size in bytes of a written 2-D array (0 for the mock's empty [[]]). */
function arrayBytes(v: unknown): number {
  if (!Array.isArray(v) || !Array.isArray(v[0]) || v[0].length === 0) return 0;
  return Buffer.byteLength(JSON.stringify(v), "utf8");
}

/** Options of createExcelMock: the Excel it answers as, and what its existing sheets hold. */
export interface ExcelMockOptions {
  /** ExcelApi versions this Excel lacks (["1.18"]: no notes, nor anything above) */
  unsupported?: string[];
  /** what existing sheets hold, rows from A1 (strings starting with "=" are formulas) */
  cells?: Record<string, unknown[][]>;
  /** notes already on existing sheets: sheet → cell ("F4") → text */
  notes?: Record<string, Record<string, string>>;
  /** cells of existing sheets carrying a threaded comment (ExcelApi 1.10): sheet → ["F7"] */
  comments?: Record<string, string[]>;
}

/** One cell the fake workbook holds: a value, a formula (not calculated: its value reads ""), a number format. */
interface StoredCell {
  v: unknown;
  f?: string;
  nf?: string;
}

/** What the fake workbook holds, for tests: cells, notes, widths, and the user's hand in it. */
export interface MockWorkbook {
  sheetNames(): string[];
  /** a cell's formula, or its value ("" when empty) */
  formula(sheet: string, address: string): unknown;
  numberFormat(sheet: string, address: string): string;
  /** the note on a cell, null when none */
  note(sheet: string, address: string): string | null;
  notes(sheet: string): Record<string, string>;
  /** a column's width in points (Excel's default 48) */
  width(sheet: string, column: string): number;
  /** the user types into a cell (or a note, with `{ note }`); Excel raises the sheet's onChanged, triggerSource "Unknown" */
  userEdit(sheet: string, address: string, value: unknown): Promise<void>;
  userNote(sheet: string, address: string, content: string): Promise<void>;
  /** onChanged handlers registered (ExcelApi 1.7) */
  watching(): number;
}

type Op =
  | { kind: "write"; rec: MockRange; prop: "values" | "formulas" | "numberFormat"; data: unknown[][] }
  | { kind: "width"; rec: MockRange; width: number }
  | { kind: "read"; rec: MockRange; props: string[]; deliver: (props: Record<string, unknown>) => void }
  | { kind: "used"; rec: MockRange; orNull: boolean }
  | { kind: "sheet"; name: string }
  | { kind: "run"; run: () => void }
  | { kind: "delete"; name: string }
  | { kind: "note"; sheet: string; cell: string; action: "add" | "set" | "delete" | "read" | "need"; content?: string; deliver?: (n: { content: string } | null) => void };

const CELL_KEY = (r: number, c: number) => `${r},${c}`;
const A1 = /^\$?([A-Z]+)\$?(\d+)$/;

export function createExcelMock(existingSheets: string[] = [], opts: ExcelMockOptions = {}): { context: any; stats: MockStats; isSetSupported: (name: string, version: string) => boolean; workbook: MockWorkbook } { // eslint-disable-line @typescript-eslint/no-explicit-any
  const stats: MockStats = { charts: [], syncs: 0, requestBytes: [], used: [], proxies: 0, ranges: [], sheets: new Map(), printTitles: new Map(), deleted: [] };
  const isSetSupported = supportsExcelApi(opts.unsupported ?? []);
  const names = new Set(existingSheets.map((n) => n.toLowerCase()));
  const allNames = [...existingSheets];
  const toSync: OfficeMockObject[] = [];
  /** range proxy → its record (a proxy's address is only readable after load) */
  const rangeRecs = new WeakMap<object, MockRange>();
  const addressOf = (r: object) => rangeRecs.get(r)?.address ?? "?";
  let used = new Set<string>();
  let batchBytes = 0;
  /** this batch's commands that touch the workbook's contents, run in order at sync as Excel runs them */
  let ops: Op[] = [];
  /** a call of ExcelApi `version`, queued in the current batch */
  const use = (version: string, what: string) => {
    used.add(`${version} ${what}`);
    batchBytes += 200;
  };

  // the workbook's contents: cells, notes and column widths per sheet (lower-cased name → data)
  const cells = new Map<string, Map<string, StoredCell>>();
  const notes = new Map<string, Map<string, string>>();
  const widths = new Map<string, Map<string, number>>();
  const handlers = new Map<string, Set<(e: unknown) => Promise<unknown> | unknown>>();
  const key = (sheet: string) => sheet.toLowerCase();
  const sheetCells = (sheet: string) => cells.get(key(sheet)) ?? cells.set(key(sheet), new Map()).get(key(sheet))!;
  const sheetNotes = (sheet: string) => notes.get(key(sheet)) ?? notes.set(key(sheet), new Map()).get(key(sheet))!;
  for (const [sheet, rows] of Object.entries(opts.cells ?? {}))
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && v !== "" && sheetCells(sheet).set(CELL_KEY(r, c), typeof v === "string" && v.startsWith("=") ? { v: "", f: v } : { v })));
  for (const [sheet, list] of Object.entries(opts.notes ?? {})) for (const [cell, text] of Object.entries(list)) sheetNotes(sheet).set(cell, text);
  const parseCell = (a: string) => {
    const m = A1.exec(a.trim());
    if (!m) return null;
    return { row: Number(m[2]) - 1, col: columnIndex(m[1]) - 1 };
  };
  const isUsed = (c: StoredCell) => (c.v !== "" && c.v !== null && c.v !== undefined) || !!c.f || (!!c.nf && c.nf !== "General");
  /** the used range: the smallest box holding every cell with a value, formula or number format; null when none */
  const usedBox = (sheet: string) => {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of sheetCells(sheet)) {
      if (!isUsed(c)) continue;
      const [r, col] = k.split(",").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  };
  // Excel names one cell "A1", a block "A1:F9"
  const qualified = (sheet: string, box: NonNullable<MockRange["box"]>) =>
    `'${sheet.replace(/'/g, "''")}'!${colLetter(box.col)}${box.row + 1}${box.rows === 1 && box.cols === 1 ? "" : `:${colLetter(box.col + box.cols - 1)}${box.row + box.rows}`}`;
  const grid = (sheet: string, box: NonNullable<MockRange["box"]>, f: (c: StoredCell | undefined) => unknown) =>
    Array.from({ length: box.rows }, (_x, i) => Array.from({ length: box.cols }, (_y, j) => f(sheetCells(sheet).get(CELL_KEY(box.row + i, box.col + j)))));
  const raise = async (sheet: string, address: string, triggerSource: string) => {
    for (const h of [...(handlers.get(key(sheet)) ?? [])]) await h({ address, triggerSource, type: "WorksheetChanged", source: "Local" });
  };

  const formatSeed = () => ({
    font: { name: "Calibri", size: 11, bold: false, italic: false, underline: "None" },
    wrapText: false,
    horizontalAlignment: "General",
    verticalAlignment: "Bottom",
    indentLevel: 0,
    rowHeight: 15,
    columnWidth: 48,
    borders: {
      items: {} as Record<string, unknown>,
      getItem(this: { items: Record<string, unknown> }, edge: string) {
        stats.proxies++;
        const b = new OfficeMockObject({ sideIndex: edge, style: "None", weight: "Thin", color: "#000000" });
        (this.items as Record<string, unknown>)[edge] = b;
        return b;
      },
    },
  });

  const CONTENT = new Set(["values", "formulas", "numberFormat"]);
  const makeRange = (sheet: string, address: string, box?: MockRange["box"], columns?: [number, number]) => {
    stats.proxies++;
    const rec: MockRange = { sheet, address, box, mock: {}, merged: false, autofit: false, batch: stats.syncs };
    const raw = new OfficeMockObject({
      address,
      values: [[]],
      numberFormat: [[]],
      format: {
        ...formatSeed(),
        autofitRows() {
          use("1.2", "format.autofitRows");
          rec.autofit = true;
        },
      },
      merge() {
        use("1.2", "range.merge");
        rec.merged = true;
      },
    }) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    // reads are answered from the workbook at sync: values, formulas, number formats, the address and size
    raw.load = (what: string | string[]) => {
      const props = (Array.isArray(what) ? what : String(what).split(",")).map((p) => p.trim()).filter(Boolean);
      const deliver = (got: Record<string, unknown>) => {
        for (const [p, v] of Object.entries(got)) raw[p] = v;
        rec.loaded = new Set([...(rec.loaded ?? []), ...Object.keys(got)]);
      };
      ops.push({ kind: "read", rec, props, deliver });
      return m;
    };
    raw.getMergedAreasOrNullObject = () => {
      use("1.13", "range.getMergedAreasOrNullObject");
      const merged = { isNullObject: true, address: "", load: () => merged };
      return merged;
    };
    // the column width as Excel reads it back (ExcelApi 1.2)
    const format = raw.format as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    format.load = (what: string) => {
      if (!/columnWidth/.test(String(what))) return format;
      use("1.2", "format.columnWidth (read)");
      ops.push({ kind: "read", rec, props: ["format/columnWidth"], deliver: (got) => (format.columnWidth = got["format/columnWidth"]) });
      return format;
    };
    const formatProxy = new Proxy(format, {
      set(t, p, v) {
        if (p === "columnWidth" && typeof v === "number") {
          use("1.2", "format.columnWidth");
          ops.push({ kind: "width", rec, width: v });
        }
        return Reflect.set(t, p, v);
      },
    });
    // writes are commands of the batch, in order (the mock keeps the arrays: tests rebuild sheets from them)
    const m = new Proxy(raw, {
      get(t, p, r) {
        return p === "format" ? formatProxy : Reflect.get(t, p, r);
      },
      set(t, p, v) {
        if (typeof p === "string" && CONTENT.has(p) && Array.isArray(v)) ops.push({ kind: "write", rec, prop: p as "values" | "formulas" | "numberFormat", data: v });
        return Reflect.set(t, p, v);
      },
    });
    rec.mock = m;
    rec.columns = columns;
    stats.ranges.push(rec);
    rangeRecs.set(m, rec);
    return m;
  };

  /** worksheet.notes (ExcelApi 1.18): add, getItem, getItemOrNullObject; Note.content, load, delete */
  const makeNotes = (sheet: string) => {
    const note = (cell: string, orNull: boolean) => {
      const n: Record<string, unknown> = {
        isNullObject: false,
        load() {
          use("1.18", "note.load");
          ops.push({ kind: "note", sheet, cell, action: "read", deliver: (got) => (got ? Object.assign(n, { content: got.content, isNullObject: false }) : Object.assign(n, { isNullObject: true })) });
          return proxy;
        },
        delete() {
          use("1.18", "note.delete");
          ops.push({ kind: "note", sheet, cell, action: "delete" });
        },
      };
      if (!orNull) ops.push({ kind: "note", sheet, cell, action: "need" });
      const proxy = new Proxy(n, {
        set(t, p, v) {
          if (p === "content") {
            use("1.18", "note.content");
            ops.push({ kind: "note", sheet, cell, action: "set", content: String(v) });
          }
          return Reflect.set(t, p, v);
        },
      });
      return proxy;
    };
    return {
      add(cellAddress: unknown, content: unknown) {
        use("1.18", "notes.add");
        const cell = typeof cellAddress === "string" ? cellAddress : addressOf(cellAddress as object);
        ops.push({ kind: "note", sheet, cell, action: "add", content: String(content) });
        return note(cell, false);
      },
      getItem(cell: string) {
        use("1.18", "notes.getItem");
        return note(cell, false);
      },
      getItemOrNullObject(cell: string) {
        use("1.18", "notes.getItemOrNullObject");
        return note(cell, true);
      },
    };
  };

  const makeSheet = (name: string) => {
    stats.proxies++;
    const notesOf = makeNotes(name);
    const s = new OfficeMockObject({
      name,
      showGridlines: true,
      pageLayout: {
        orientation: "Portrait",
        paperSize: "Letter",
        topMargin: 0,
        bottomMargin: 0,
        leftMargin: 0,
        rightMargin: 0,
        headerMargin: 0,
        footerMargin: 0,
        centerHorizontally: false,
        zoom: { scale: 100 },
        setPrintTitleRows(rows: string) {
          use("1.9", "pageLayout.setPrintTitleRows");
          stats.printTitles.set(name, rows);
        },
        headersFooters: {
          state: "Default",
          defaultForAllPages: { centerHeader: "", centerFooter: "" },
          firstPage: { centerHeader: "", centerFooter: "" },
        },
      },
      getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
        use("1.7", "worksheet.getRangeByIndexes");
        const address = `${colLetter(col)}${row + 1}:${colLetter(col + cols - 1)}${row + rows}`;
        return makeRange(name, address, { row, col, rows, cols });
      },
      getRanges(address: string) {
        use("1.9", "worksheet.getRanges");
        return makeRange(name, address);
      },
      getRange(address: string) {
        use("1.1", "worksheet.getRange");
        const whole = /^([A-Z]+):([A-Z]+)$/.exec(address);
        if (whole) return makeRange(name, address, undefined, [columnIndex(whole[1]) - 1, columnIndex(whole[2]) - 1]);
        const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
        if (!m) return makeRange(name, address);
        const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const row = Number(m[2]) - 1;
        const c0 = col(m[1]);
        const rows = (m[4] ? Number(m[4]) - 1 : row) - row + 1;
        const cols = (m[3] ? col(m[3]) : c0) - c0 + 1;
        return makeRange(name, address, { row, col: c0, rows, cols });
      },
      // the used range is known when Excel runs the request: after the writes queued before it
      getUsedRange() {
        use("1.1", "worksheet.getUsedRange");
        const r = makeRange(name, "(used)");
        ops.push({ kind: "used", rec: rangeRecs.get(r)!, orNull: false });
        return r;
      },
      getUsedRangeOrNullObject() {
        use("1.4", "worksheet.getUsedRangeOrNullObject");
        const r = makeRange(name, "(used)");
        ops.push({ kind: "used", rec: rangeRecs.get(r)!, orNull: true });
        return r;
      },
      delete() {
        use("1.1", "worksheet.delete");
        // Microsoft lists Worksheet.delete among the APIs without undo: it cannot join an undo group
        if ((context as { __mergeUndoGroup?: boolean }).__mergeUndoGroup) throw excelError("UndoNotSupported", "Worksheet.delete does not support undo and cannot be grouped.");
        ops.push({ kind: "delete", name });
      },
      activate() {
        /* shown */
      },
      freezePanes: {
        freezeRows() {
          use("1.7", "worksheet.freezePanes.freezeRows");
        },
      },
      charts: {
        add(type: string, source: object, seriesBy: string) {
          stats.proxies++;
          const rec: MockChart = { sheet: name, type, source: addressOf(source), seriesBy, mock: {}, added: [] };
          const styled = () => new OfficeMockObject({ markerStyle: "Automatic", format: { line: { lineStyle: "Continuous" } } });
          const items = [styled(), styled(), styled()];
          const m = new OfficeMockObject({
            title: { text: "" },
            legend: { position: "Right" },
            setPosition(from: string, to: string) {
              rec.position = [from, to];
            },
            series: {
              getItemAt: (i: number) => items[i],
              add(seriesName: string) {
                const added: MockChart["added"][number] = { name: seriesName };
                rec.added.push(added);
                const o = new OfficeMockObject({ chartType: "Line", gapWidth: 150, format: { fill: { setSolidColor() {} } }, setValues: (r: object) => (added.values = addressOf(r)) });
                return new Proxy(o, { set: (t, k, v) => ((k === "chartType" ? (added.chartType = v) : 0), Reflect.set(t, k, v)) });
              },
            },
          }) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
          rec.mock = m;
          stats.charts.push(rec);
          return m;
        },
      },
      // ExcelApi 1.7: change events; the handler is kept until removed
      onChanged: {
        add(handler: (e: unknown) => unknown) {
          use("1.7", "worksheet.onChanged");
          const set = handlers.get(key(name)) ?? handlers.set(key(name), new Set()).get(key(name))!;
          set.add(handler);
          return { remove: () => void set.delete(handler), context: { sync: async () => undefined } };
        },
      },
    }) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    // worksheet.comments (ExcelApi 1.10): the threaded comments' count and cells
    const threads = () => opts.comments?.[name] ?? [];
    const comments = {
      items: [] as unknown[],
      getCount() {
        use("1.10", "comments.getCount");
        const result: { value?: number } = {};
        ops.push({ kind: "run", run: () => (result.value = threads().length) });
        return result;
      },
      load() {
        use("1.10", "comments.load");
        ops.push({
          kind: "run",
          run: () =>
            (comments.items = threads().map((cell, i) => ({
              id: `c${i}`,
              getLocation() {
                use("1.10", "comment.getLocation");
                const p = parseCell(cell)!;
                return makeRange(name, cell, { row: p.row, col: p.col, rows: 1, cols: 1 });
              },
            }))),
        });
        return comments;
      },
    };
    Object.defineProperty(s, "comments", {
      get() {
        use("1.10", "worksheet.comments");
        return comments;
      },
    });
    // worksheet.notes is ExcelApi 1.18: older Excel refuses the request that uses it
    Object.defineProperty(s, "notes", {
      get() {
        use("1.18", "worksheet.notes");
        return notesOf;
      },
    });
    stats.sheets.set(name, s);
    return s;
  };
  /** the one proxy of a sheet (getItem gives the same object, as Excel's proxies behave alike) */
  const sheetProxy = (name: string) => {
    const found = [...stats.sheets.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
    return found && names.has(found.toLowerCase()) ? stats.sheets.get(found)! : makeSheet(allNames.find((n) => n.toLowerCase() === name.toLowerCase()) ?? name);
  };

  /** Runs this batch's commands on the workbook, in order; the first failing one stops the batch, as in Excel. */
  const runOps = async (batch: Op[]) => {
    const touched = new Map<string, string>();
    for (const op of batch) {
      if (op.kind === "sheet") {
        if (!names.has(key(op.name))) throw excelError("ItemNotFound", `The requested resource doesn't exist (worksheet "${op.name}").`);
      } else if (op.kind === "write") {
        const { rec } = op;
        if (!rec.box) continue;
        const store = sheetCells(rec.sheet);
        op.data.forEach((line, i) =>
          (line as unknown[]).forEach((v, j) => {
            if (v === null || v === undefined) return; // Excel leaves a cell given null as it is
            const k = CELL_KEY(rec.box!.row + i, rec.box!.col + j);
            const c = store.get(k) ?? { v: "" };
            if (op.prop === "numberFormat") c.nf = String(v);
            else if (typeof v === "string" && v.startsWith("=")) Object.assign(c, { v: "", f: v });
            else Object.assign(c, { v, f: undefined });
            store.set(k, c);
          }),
        );
        touched.set(rec.sheet, rec.address);
      } else if (op.kind === "width") {
        const cols = op.rec.columns ?? (op.rec.box ? [op.rec.box.col, op.rec.box.col + op.rec.box.cols - 1] : null);
        if (!cols) continue;
        const w = widths.get(key(op.rec.sheet)) ?? widths.set(key(op.rec.sheet), new Map()).get(key(op.rec.sheet))!;
        for (let c = cols[0]; c <= cols[1]; c++) w.set(colLetter(c), op.width);
      } else if (op.kind === "used") {
        const box = usedBox(op.rec.sheet);
        (op.rec.mock as Record<string, unknown>).isNullObject = op.orNull && !box;
        // an empty sheet's used range is A1 (getUsedRange does not fail)
        op.rec.box = box ?? (op.orNull ? undefined : { row: 0, col: 0, rows: 1, cols: 1 });
        if (op.rec.box) op.rec.address = qualified(op.rec.sheet, op.rec.box).split("!")[1];
      } else if (op.kind === "read") {
        const { rec } = op;
        const got: Record<string, unknown> = {};
        for (const p of op.props) {
          const cols = rec.columns ?? (rec.box ? [rec.box.col, rec.box.col] : null);
          if (p === "format/columnWidth") got[p] = cols ? widths.get(key(rec.sheet))?.get(colLetter(cols[0])) ?? 48 : 48;
          else if (!rec.box) {
            if ((rec.mock as Record<string, unknown>).isNullObject === true) continue;
            throw excelError("InvalidArgument", `fake: cannot read ${p} of ${rec.address}`);
          } else if (p === "address") got.address = qualified(rec.sheet, rec.box);
          else if (p === "rowCount") got.rowCount = rec.box.rows;
          else if (p === "columnCount") got.columnCount = rec.box.cols;
          else if (p === "values") got.values = grid(rec.sheet, rec.box, (c) => c?.v ?? "");
          else if (p === "formulas") got.formulas = grid(rec.sheet, rec.box, (c) => c?.f ?? c?.v ?? "");
          else if (p === "numberFormat") got.numberFormat = grid(rec.sheet, rec.box, (c) => c?.nf ?? "General");
          else throw new Error(`fake: cannot load ${p}`);
        }
        op.deliver(got);
      } else if (op.kind === "run") {
        op.run();
      } else if (op.kind === "delete") {
        const visible = allNames.filter((n) => names.has(key(n)));
        if (visible.length <= 1) throw excelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        names.delete(key(op.name));
        allNames.splice(allNames.findIndex((n) => key(n) === key(op.name)), 1);
        cells.delete(key(op.name));
        notes.delete(key(op.name));
        stats.deleted.push(op.name);
      } else if (op.kind === "note") {
        const list = sheetNotes(op.sheet);
        const has = list.has(op.cell);
        if (op.action === "add") {
          if (!parseCell(op.cell)) throw excelError("InvalidArgument", `A note needs one cell, not "${op.cell}".`);
          // Excel's answer to a second note on a cell is not documented: the fake refuses it, and the add-in never asks
          if (has) throw excelError("InvalidArgument", `The cell ${op.cell} already has a note.`);
          list.set(op.cell, op.content!);
          touched.set(op.sheet, op.cell);
        } else if (op.action === "need" && !has) throw excelError("ItemNotFound", `There is no note on ${op.cell}.`);
        else if (op.action === "set") {
          if (!has) throw excelError("ItemNotFound", `There is no note on ${op.cell}.`);
          list.set(op.cell, op.content!);
          touched.set(op.sheet, op.cell);
        } else if (op.action === "delete") {
          if (!has) throw excelError("ItemNotFound", `There is no note on ${op.cell}.`);
          list.delete(op.cell);
        } else if (op.action === "read") op.deliver!(has ? { content: list.get(op.cell)! } : null);
      }
    }
    return touched;
  };

  const context = new OfficeMockObject({
    workbook: {
      worksheets: {
        load(this: { items: unknown }, what: string) {
          use("1.1", `worksheets.load(${what})`);
          this.items = allNames.map((n) => ({ name: n, visibility: "Visible" }));
          return this;
        },
        getItem(name: string) {
          use("1.1", "worksheets.getItem");
          ops.push({ kind: "sheet", name });
          return sheetProxy(name);
        },
        getItemOrNullObject(name: string) {
          use("1.4", "worksheets.getItemOrNullObject");
          stats.proxies++;
          const p = new OfficeMockObject({ name, isNullObject: !names.has(name.toLowerCase()) });
          toSync.push(p);
          return p;
        },
        add(name: string) {
          if (names.has(name.toLowerCase())) throw new Error(`A sheet named ${name} exists`);
          names.add(name.toLowerCase());
          allNames.push(name);
          use("1.1", "worksheets.add");
          return makeSheet(name);
        },
      },
    },
    application: {
      suspendApiCalculationUntilNextSync() {
        use("1.6", "application.suspendApiCalculationUntilNextSync");
      },
    },
    async sync() {
      // properties set in this batch (a property never set still reads "not loaded"), by their set
      const wasSet = (v: unknown) => v !== NOT_LOADED;
      for (const [sheetName, sheet] of stats.sheets) {
        if (wasSet(sheet.showGridlines)) use("1.8", "worksheet.showGridlines");
        const pl = sheet.pageLayout;
        const hf = pl.headersFooters;
        const touched = ["orientation", "paperSize", "topMargin", "bottomMargin", "leftMargin", "rightMargin", "headerMargin", "footerMargin", "centerHorizontally"].some((k) => wasSet(pl[k])) || wasSet(pl.zoom?.scale) || pl.zoom?.horizontalFitToPages !== undefined || wasSet(hf.state) || stats.printTitles.has(sheetName);
        if (touched) use("1.9", "worksheet.pageLayout");
      }
      for (const r of stats.ranges) {
        if (r.batch !== stats.syncs) continue;
        const f = r.mock.format;
        if (wasSet(f.indentLevel)) use("1.9", "format.indentLevel");
        if (wasSet(f.columnWidth) || wasSet(f.rowHeight)) use("1.2", "format.columnWidth/rowHeight");
        batchBytes += arrayBytes(r.mock.values) + arrayBytes(r.mock.numberFormat);
      }
      const batch = used;
      const bytes = batchBytes;
      const queued = ops;
      used = new Set();
      batchBytes = 0;
      ops = [];
      const missing = [...batch].filter((u) => !isSetSupported("ExcelApi", u.split(" ")[0]));
      const refuse = missing.length
        ? excelError("ApiNotFound", `The API you are trying to use could not be found. It may be available in a newer version of Excel. (ExcelApi ${missing.join(", ")})`)
        : bytes > PAYLOAD_LIMIT
          ? excelError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${bytes} bytes).`)
          : null;
      if (refuse) {
        // a refused request does nothing: its queued writes are dropped
        for (const r of stats.ranges) if (r.batch === stats.syncs) r.batch = -1;
        throw refuse;
      }
      stats.syncs++;
      stats.used.push(batch);
      stats.requestBytes.push(bytes);
      for (const p of toSync.splice(0)) await p.sync();
      await runOps(queued);
    },
  });

  const workbook: MockWorkbook = {
    sheetNames: () => [...allNames],
    formula: (sheet, address) => {
      const p = parseCell(address);
      const c = p ? sheetCells(sheet).get(CELL_KEY(p.row, p.col)) : undefined;
      return c?.f ?? c?.v ?? "";
    },
    numberFormat: (sheet, address) => {
      const p = parseCell(address);
      return (p && sheetCells(sheet).get(CELL_KEY(p.row, p.col))?.nf) || "General";
    },
    note: (sheet, address) => sheetNotes(sheet).get(address) ?? null,
    notes: (sheet) => Object.fromEntries(sheetNotes(sheet)),
    width: (sheet, column) => widths.get(key(sheet))?.get(column) ?? 48,
    async userEdit(sheet, address, value) {
      const p = parseCell(address)!;
      sheetCells(sheet).set(CELL_KEY(p.row, p.col), typeof value === "string" && value.startsWith("=") ? { v: "", f: value } : { v: value });
      await raise(sheet, address, "Unknown");
    },
    async userNote(sheet, address, content) {
      sheetNotes(sheet).set(address, content);
      await raise(sheet, address, "Unknown");
    },
    watching: () => [...handlers.values()].reduce((n, s) => n + s.size, 0),
  };
  return { context, stats, isSetSupported, workbook };
}

/** Rebuild the values a sheet received (getRangeByIndexes writes), as a 2-D array of strings. */
export function sheetValues(stats: MockStats, sheet: string): string[][] {
  const out: string[][] = [];
  for (const r of stats.ranges) {
    if (r.sheet !== sheet || !r.box || r.loaded?.has("values")) continue;
    const v = r.mock.values;
    if (!Array.isArray(v) || !Array.isArray(v[0]) || v[0].length === 0) continue;
    v.forEach((line: unknown[], i: number) => {
      const row = (out[r.box!.row + i] ??= []);
      line.forEach((x, j) => (row[r.box!.col + j] = String(x)));
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
export interface SheetReadStats {
  syncs: number;
  /** bytes of each response (values and number formats loaded) */
  responseBytes: number[];
  /** addresses loaded in each sync */
  loads: string[][];
}

/**
 * One worksheet for the reader, like Excel: getUsedRange/getRange give proxies whose loaded
 * properties (address, rowCount, columnCount, values, numberFormat) exist only after a sync;
 * reading one before throws PropertyNotLoaded. Each sync's response is measured (JSON, UTF-8) and
 * refused with ResponsePayloadSizeLimitExceeded over 5 MB. Cells come from `cell(row, col)`
 * (0-based, from `origin`); `format(row, col)` gives number formats (default "General").
 * getMergedAreasOrNullObject is ExcelApi 1.13 and answers a null object here.
 */
export function createSheetReadFake(input: {
  sheet: string;
  origin?: { row: number; col: number };
  rows: number;
  cols: number;
  cell: (row: number, col: number) => string | number | boolean;
  format?: (row: number, col: number) => string;
  unsupported?: string[];
}): { context: any; stats: SheetReadStats; isSetSupported: (name: string, version: string) => boolean } { // eslint-disable-line @typescript-eslint/no-explicit-any
  const stats: SheetReadStats = { syncs: 0, responseBytes: [], loads: [] };
  const isSetSupported = supportsExcelApi(input.unsupported ?? []);
  const origin = input.origin ?? { row: 0, col: 0 };
  /** each load, run at sync: its response bytes and how to deliver it */
  const pending: Array<() => { bytes: number; deliver: () => void }> = [];
  let usedSets = new Set<string>();
  let loads: string[] = [];
  const letter = (c: number) => colLetter(c);
  const quoted = `'${input.sheet.replace(/'/g, "''")}'`;

  function proxy(r0: number, c0: number, h: number, w: number) {
    const local = `${letter(c0)}${r0 + 1}:${letter(c0 + w - 1)}${r0 + h}`;
    const loaded: Record<string, unknown> = {};
    const o: Record<string, unknown> = {
      load(what: string) {
        const props = what.split(",").map((x) => x.trim());
        loads.push(`${local} ${props.join(",")}`);
        pending.push(() => {
          let bytes = 0;
          const staged: Record<string, unknown> = {};
          for (const p of props) {
            if (p === "address") staged.address = `${quoted}!${local}`;
            else if (p === "rowCount") staged.rowCount = h;
            else if (p === "columnCount") staged.columnCount = w;
            else if (p === "values" || p === "numberFormat") {
              const grid: unknown[][] = [];
              for (let i = 0; i < h; i++) {
                const line: unknown[] = [];
                for (let j = 0; j < w; j++) {
                  const r = r0 + i - origin.row;
                  const c = c0 + j - origin.col;
                  const inside = r >= 0 && c >= 0 && r < input.rows && c < input.cols;
                  line.push(p === "values" ? (inside ? input.cell(r, c) : "") : inside && input.format ? input.format(r, c) : "General");
                }
                grid.push(line);
              }
              staged[p] = grid;
              bytes += Buffer.byteLength(JSON.stringify(grid), "utf8");
            } else throw new Error(`fake: cannot load ${p}`);
            bytes += 20;
          }
          return { bytes, deliver: () => Object.assign(loaded, staged) };
        });
        return o;
      },
      getMergedAreasOrNullObject() {
        usedSets.add("1.13");
        const m = { isNullObject: true, address: "", load: () => m };
        return m;
      },
    };
    for (const p of ["address", "rowCount", "columnCount", "values", "numberFormat"]) {
      Object.defineProperty(o, p, {
        get() {
          if (!(p in loaded)) throw excelError("PropertyNotLoaded", `The property '${p}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
          return loaded[p];
        },
      });
    }
    return o;
  }

  const parse = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a);
    if (!m) throw excelError("InvalidArgument", `bad address ${a}`);
    return { row: Number(m[2]) - 1, col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 };
  };
  const ws = {
    getUsedRange() {
      return proxy(origin.row, origin.col, Math.max(1, input.rows), Math.max(1, input.cols));
    },
    getRange(address: string) {
      const [a, b] = address.split(":");
      const p = parse(a);
      const q = b ? parse(b) : p;
      return proxy(p.row, p.col, q.row - p.row + 1, q.col - p.col + 1);
    },
  };
  const context = {
    workbook: {
      worksheets: {
        getItem(name: string) {
          if (name !== input.sheet) throw excelError("ItemNotFound", `no sheet ${name}`);
          return ws;
        },
      },
    },
    async sync() {
      const jobs = pending.splice(0);
      const sets = usedSets;
      const l = loads;
      usedSets = new Set();
      loads = [];
      const missing = [...sets].filter((v) => !isSetSupported("ExcelApi", v));
      if (missing.length) throw excelError("ApiNotFound", `The API you are trying to use could not be found (ExcelApi ${missing.join(", ")}).`);
      // Excel computes the whole response before answering: too large, nothing is returned
      const results = jobs.map((j) => j());
      const bytes = results.reduce((n, r) => n + r.bytes, 0);
      if (bytes > PAYLOAD_LIMIT) throw excelError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${bytes} bytes).`);
      for (const r of results) r.deliver();
      stats.syncs++;
      stats.responseBytes.push(bytes);
      stats.loads.push(l);
    },
  };
  return { context, stats, isSetSupported };
}

/** The values written through getRange("A1:G7") on a sheet, by 1-based row and 0-based column. */
export function rangeWrites(stats: MockStats, sheet: string): Map<number, unknown[]> {
  const out = new Map<number, unknown[]>();
  for (const r of stats.ranges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(r.address);
    if (r.sheet !== sheet || !m || r.loaded?.has("values")) continue;
    const v = r.mock.values;
    if (!Array.isArray(v) || !Array.isArray(v[0]) || v[0].length === 0) continue;
    const c0 = columnIndex(m[1]) - 1;
    v.forEach((line: unknown[], i: number) => {
      const row = out.get(Number(m[2]) + i) ?? [];
      line.forEach((x, j) => (row[c0 + j] = x));
      out.set(Number(m[2]) + i, row);
    });
  }
  return out;
}

/** The series of a chart read by rows from its source range: [name, values]; the first row holds the categories. */
export function chartSeries(stats: MockStats, chart: MockChart): { categories: unknown[]; series: Array<[string, unknown[]]> } {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(chart.source)!;
  const rows = rangeWrites(stats, chart.sheet);
  const c0 = columnIndex(m[1]) - 1;
  const c1 = columnIndex(m[3]) - 1;
  const lines: unknown[][] = [];
  for (let r = Number(m[2]); r <= Number(m[4]); r++) lines.push((rows.get(r) ?? []).slice(c0, c1 + 1));
  return { categories: lines[0].slice(1), series: lines.slice(1).map((l) => [String(l[0]), l.slice(1)]) };
}

// ---------------------------------------------------------------------------------------------
/** One Excel.run as the fake saw it: merged into one undo group or not, and how many syncs it made. */
export interface UndoGroup {
  merged: boolean;
  syncs: number;
}

/**
 * `Excel.run` over a fake context, answering like Excel per requirement set: `{ mergeUndoGroup: true }`
 * needs ExcelApi 1.20 (refused with ApiNotFound below it, as any call of a missing set), and a merged
 * run that calls an API without undo support (Microsoft's list: insertWorksheetsFromBase64,
 * worksheet.delete...) fails with UndoNotSupported. Each run is recorded in `groups`: a merged run is
 * one Ctrl+Z step; without merging each sync is one step ("each context.sync() call creates an undo
 * record", Microsoft's RunOptions reference).
 */
export function fakeExcelRun(context: any, isSetSupported: (name: string, version: string) => boolean, groups: UndoGroup[]) { // eslint-disable-line @typescript-eslint/no-explicit-any
  type Batch<T> = (c: any) => Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  return {
    async run<T>(a: Batch<T> | { mergeUndoGroup?: boolean }, b?: Batch<T>): Promise<T> {
      const batch = (typeof a === "function" ? a : b)!;
      const merged = typeof a !== "function" && !!a.mergeUndoGroup;
      if (merged && !isSetSupported("ExcelApi", "1.20")) throw excelError("ApiNotFound", "The API you are trying to use could not be found (ExcelApi 1.20: RunOptions.mergeUndoGroup).");
      const group: UndoGroup = { merged, syncs: 0 };
      const sync = context.sync;
      context.sync = async () => {
        await sync.call(context);
        group.syncs++;
      };
      const noUndo = ["insertWorksheetsFromBase64"].filter((k) => typeof context.workbook?.[k] === "function");
      const saved = noUndo.map((k) => [k, context.workbook[k]] as const);
      if (merged) for (const [k] of saved) context.workbook[k] = () => { throw excelError("UndoNotSupported", `${k} does not support undo and cannot be grouped.`); };
      // deeper calls without undo (worksheet.delete) read this flag (createExcelMock)
      context.__mergeUndoGroup = merged;
      try {
        return await batch(context);
      } finally {
        context.__mergeUndoGroup = false;
        context.sync = sync;
        for (const [k, f] of saved) context.workbook[k] = f;
        if (group.syncs) groups.push(group);
      }
    },
  };
}
