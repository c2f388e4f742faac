/**
 * An Excel workbook emulated with office-addin-mock's OfficeMockObject, enough for the appendix
 * writer: worksheets.getItemOrNullObject/add, getRangeByIndexes/getRanges, format (font, borders,
 * autofitRows), merge, pageLayout (setPrintTitleRows, zoom, headersFooters), activate. It counts
 * context.sync calls and the proxy objects created by method calls, and keeps every range written,
 * so tests can rebuild the sheet and check it. Dev/test only.
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
  proxies: number;
  ranges: MockRange[];
  sheets: Map<string, Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  printTitles: Map<string, string>;
}

/** Column letter of a 0-based column index. */
const colLetter = (index: number): string => columnLetter(index + 1);

export function createExcelMock(existingSheets: string[] = []): { context: any; stats: MockStats } { // eslint-disable-line @typescript-eslint/no-explicit-any
  const stats: MockStats = { charts: [], syncs: 0, proxies: 0, ranges: [], sheets: new Map(), printTitles: new Map() };
  const names = new Set(existingSheets.map((n) => n.toLowerCase()));
  const toSync: OfficeMockObject[] = [];
  /** range proxy → its record (a proxy's address is only readable after load) */
  const rangeRecs = new WeakMap<object, MockRange>();
  const addressOf = (r: object) => rangeRecs.get(r)?.address ?? "?";

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
          rec.autofit = true;
        },
      },
      merge() {
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
          stats.printTitles.set(name, rows);
        },
        headersFooters: {
          state: "Default",
          defaultForAllPages: { centerHeader: "", centerFooter: "" },
          firstPage: { centerHeader: "", centerFooter: "" },
        },
      },
      getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
        const address = `${colLetter(col)}${row + 1}:${colLetter(col + cols - 1)}${row + rows}`;
        return makeRange(name, address, { row, col, rows, cols });
      },
      getRanges(address: string) {
        return makeRange(name, address);
      },
      getRange(address: string) {
        return makeRange(name, address);
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
        getItemOrNullObject(name: string) {
          stats.proxies++;
          const p = new OfficeMockObject({ name, isNullObject: !names.has(name.toLowerCase()) });
          toSync.push(p);
          return p;
        },
        add(name: string) {
          if (names.has(name.toLowerCase())) throw new Error(`A sheet named ${name} exists`);
          names.add(name.toLowerCase());
          return makeSheet(name);
        },
      },
    },
    application: {
      suspendApiCalculationUntilNextSync() {
        /* no calculation here */
      },
    },
    async sync() {
      stats.syncs++;
      for (const p of toSync.splice(0)) await p.sync();
    },
  });
  return { context, stats };
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

/** The values written through getRange("A1:G7") on a sheet, by 1-based row and 0-based column. */
export function rangeWrites(stats: MockStats, sheet: string): Map<number, unknown[]> {
  const out = new Map<number, unknown[]>();
  for (const r of stats.ranges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(r.address);
    if (r.sheet !== sheet || r.box || !m) continue;
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
