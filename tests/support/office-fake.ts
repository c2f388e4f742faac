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

export function createExcelMock(existingSheets: string[] = [], opts: { unsupported?: string[] } = {}): { context: any; stats: MockStats; isSetSupported: (name: string, version: string) => boolean } { // eslint-disable-line @typescript-eslint/no-explicit-any
  const stats: MockStats = { charts: [], syncs: 0, requestBytes: [], used: [], proxies: 0, ranges: [], sheets: new Map(), printTitles: new Map() };
  const isSetSupported = supportsExcelApi(opts.unsupported ?? []);
  const names = new Set(existingSheets.map((n) => n.toLowerCase()));
  const allNames = [...existingSheets];
  const toSync: OfficeMockObject[] = [];
  /** range proxy → its record (a proxy's address is only readable after load) */
  const rangeRecs = new WeakMap<object, MockRange>();
  const addressOf = (r: object) => rangeRecs.get(r)?.address ?? "?";
  let used = new Set<string>();
  let batchBytes = 0;
  /** a call of ExcelApi `version`, queued in the current batch */
  const use = (version: string, what: string) => {
    used.add(`${version} ${what}`);
    batchBytes += 200;
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

  const makeRange = (sheet: string, address: string, box?: MockRange["box"]) => {
    stats.proxies++;
    const rec: MockRange = { sheet, address, box, mock: {}, merged: false, autofit: false, batch: stats.syncs };
    const m = new OfficeMockObject({
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
    rec.mock = m;
    stats.ranges.push(rec);
    rangeRecs.set(m, rec);
    return m;
  };

  const makeSheet = (name: string) => {
    stats.proxies++;
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
        const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
        if (!m) return makeRange(name, address);
        const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const row = Number(m[2]) - 1;
        const c0 = col(m[1]);
        const rows = (m[4] ? Number(m[4]) - 1 : row) - row + 1;
        const cols = (m[3] ? col(m[3]) : c0) - c0 + 1;
        return makeRange(name, address, { row, col: c0, rows, cols });
      },
      activate() {
        /* shown */
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
    }) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    stats.sheets.set(name, s);
    return s;
  };

  const context = new OfficeMockObject({
    workbook: {
      worksheets: {
        load(this: { items: unknown }, what: string) {
          use("1.1", `worksheets.load(${what})`);
          this.items = allNames.map((n) => ({ name: n }));
          return this;
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
      used = new Set();
      batchBytes = 0;
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
    },
  });
  return { context, stats, isSetSupported };
}

/** Rebuild the values a sheet received (getRangeByIndexes writes), as a 2-D array of strings. */
export function sheetValues(stats: MockStats, sheet: string): string[][] {
  const out: string[][] = [];
  for (const r of stats.ranges) {
    if (r.sheet !== sheet || !r.box) continue;
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
    if (r.sheet !== sheet || !m) continue;
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
      try {
        return await batch(context);
      } finally {
        context.sync = sync;
        for (const [k, f] of saved) context.workbook[k] = f;
        if (group.syncs) groups.push(group);
      }
    },
  };
}
