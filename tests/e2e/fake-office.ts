/**
 * A stand-in for Excel inside the browser page, so the built task pane runs its Office.js path in
 * Chromium: Office.onReady says Excel, Excel.run gives a RequestContext over in-memory sheets.
 * Only what the add-in reads is modelled (sheet names, used range address/size, values/formats of
 * any range, merged areas, formulas, null-object probes); every other property or call (formats, page layout...) is
 * accepted and ignored. Writes of values/formulas land in the sheets and are logged, as are syncs,
 * selections and saved settings, in `window.__fakeExcel`.
 *
 * `installFakeOffice` is passed to page.addInitScript: it must stay self-contained (no imports).
 */
export interface FakeSheetData {
  name: string;
  /** rows from A1 */
  values: unknown[][];
  merges?: string[];
}

export interface FakeExcelLog {
  syncs: number;
  writes: Array<{ sheet: string; address: string; kind: "values" | "formulas"; data: unknown[][] }>;
  selected: Array<{ sheet: string; address: string }>;
  added: string[];
  settings: Record<string, unknown>;
  settingsSaves: number;
}

export function installFakeOffice(input: { sheets: FakeSheetData[]; customFunctions: boolean; settings?: Record<string, unknown> }): void {
  type Cell = { v: unknown; f?: string };
  interface Sheet {
    name: string;
    cells: Map<string, Cell>;
    merges: string[];
  }
  const log: FakeExcelLog = { syncs: 0, writes: [], selected: [], added: [], settings: { ...(input.settings ?? {}) }, settingsSaves: 0 };
  const sheets: Sheet[] = input.sheets.map((s) => {
    const cells = new Map<string, Cell>();
    s.values.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && v !== "" && cells.set(`${r},${c}`, { v })));
    return { name: s.name, cells, merges: s.merges ?? [] };
  });
  let active = 0;
  // a gate the test can close to keep work running (context.sync waits at the gate)
  let gate: Promise<void> | null = null;
  let openGate: () => void = () => undefined;
  (window as unknown as { __fakeExcel: unknown }).__fakeExcel = {
    log,
    sheets,
    /** the user switches sheets in Excel */
    activate(i: number) {
      active = i;
    },
    /** hold every sync until release() */
    hold() {
      gate = new Promise<void>((resolve) => (openGate = resolve));
    },
    release() {
      gate = null;
      openGate();
    },
  };

  const letters = (n: number): string => {
    let s = "";
    for (let x = n + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  };
  const colIndex = (l: string): number => [...l.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const parse = (a: string): { r: number; c: number } => {
    const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a.trim());
    if (!m) throw new Error(`bad address ${a}`);
    return { r: Number(m[2]) - 1, c: colIndex(m[1]) };
  };
  const quote = (n: string) => `'${n.replace(/'/g, "''")}'`;

  // anything else: accepted, ignored
  const sink = (): unknown =>
    new Proxy(function () {}, {
      get: (_t, p) => (p === "then" ? undefined : sink()),
      set: () => true,
      apply: () => sink(),
    });
  const withSink = <T extends object>(o: T): T =>
    new Proxy(o, {
      get: (t, p, r) => (p in t ? Reflect.get(t, p, r) : p === "then" ? undefined : sink()),
      set: (t, p, v, r) => (p in t ? Reflect.set(t, p, v, r) : true),
    });

  function range(sheet: Sheet, r0: number, c0: number, h: number, w: number): unknown {
    const grid = (f: (cell: Cell | undefined) => unknown) =>
      Array.from({ length: h }, (_x, i) => Array.from({ length: w }, (_y, j) => f(sheet.cells.get(`${r0 + i},${c0 + j}`))));
    const put = (kind: "values" | "formulas", data: unknown[][]) => {
      log.writes.push({ sheet: sheet.name, address: o.addressLocal, kind, data });
      data.forEach((row, i) =>
        row.forEach((v, j) => {
          const key = `${r0 + i},${c0 + j}`;
          if (kind === "formulas" && typeof v === "string" && v.startsWith("=")) sheet.cells.set(key, { v: "", f: v });
          else if (v === "" || v === null) sheet.cells.delete(key);
          else sheet.cells.set(key, { v });
        }),
      );
    };
    const local = h === 1 && w === 1 ? `${letters(c0)}${r0 + 1}` : `${letters(c0)}${r0 + 1}:${letters(c0 + w - 1)}${r0 + h}`;
    const o = {
      addressLocal: local,
      address: `${quote(sheet.name)}!${local}`,
      rowCount: h,
      columnCount: w,
      load() {
        return o;
      },
      get values() {
        return grid((c) => c?.v ?? "");
      },
      set values(v: unknown[][]) {
        put("values", v);
      },
      get formulas() {
        return grid((c) => c?.f ?? c?.v ?? "");
      },
      set formulas(v: unknown[][]) {
        put("formulas", v);
      },
      get numberFormat() {
        return grid(() => "General");
      },
      set numberFormat(_v: unknown) {},
      getMergedAreasOrNullObject() {
        const inside = sheet.merges;
        return { isNullObject: inside.length === 0, address: inside.map((m) => `${quote(sheet.name)}!${m}`).join(", "), load() {} };
      },
      select() {
        log.selected.push({ sheet: sheet.name, address: local });
      },
    };
    return withSink(o);
  }

  function worksheet(sheet: Sheet): unknown {
    const ws = {
      get name() {
        return sheet.name;
      },
      visibility: "Visible",
      isNullObject: false,
      load() {
        return ws;
      },
      getUsedRange() {
        let rows = 0;
        let cols = 0;
        for (const k of sheet.cells.keys()) {
          const [r, c] = k.split(",").map(Number);
          rows = Math.max(rows, r + 1);
          cols = Math.max(cols, c + 1);
        }
        return range(sheet, 0, 0, Math.max(1, rows), Math.max(1, cols));
      },
      getRange(address: string) {
        const [a, b] = address.split(":");
        const p = parse(a);
        const q = b ? parse(b) : p;
        return range(sheet, p.r, p.c, q.r - p.r + 1, q.c - p.c + 1);
      },
      getRangeByIndexes(r: number, c: number, h: number, w: number) {
        return range(sheet, r, c, h, w);
      },
      activate() {
        active = sheets.indexOf(sheet);
      },
    };
    return withSink(ws);
  }

  const worksheets = withSink({
    get items() {
      return sheets.map(worksheet);
    },
    load() {
      return worksheets;
    },
    getItem(name: string) {
      const s = sheets.find((x) => x.name === name);
      if (!s) throw Object.assign(new Error(`Không có trang ${name}`), { code: "ItemNotFound" });
      return worksheet(s);
    },
    getItemOrNullObject(name: string) {
      const s = sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
      return s ? worksheet(s) : withSink({ isNullObject: true, load() {} });
    },
    getActiveWorksheet() {
      return worksheet(sheets[active]);
    },
    add(name: string) {
      const s: Sheet = { name, cells: new Map(), merges: [] };
      sheets.push(s);
      log.added.push(name);
      return worksheet(s);
    },
  });

  const context = withSink({
    workbook: withSink({ worksheets }),
    async sync() {
      if (gate) await gate;
      log.syncs++;
    },
  });

  const settingsStore = {
    get: (k: string) => (k in log.settings ? log.settings[k] : null),
    set: (k: string, v: unknown) => {
      log.settings[k] = v;
    },
    saveAsync: (cb?: (r: { status: string }) => void) => {
      log.settingsSaves++;
      cb?.({ status: "succeeded" });
    },
  };

  (window as unknown as Record<string, unknown>).Office = {
    HostType: { Excel: "Excel" },
    onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }),
    context: {
      document: { settings: settingsStore },
      requirements: { isSetSupported: (name: string) => (name === "CustomFunctionsRuntime" ? input.customFunctions : true) },
    },
  };
  (window as unknown as Record<string, unknown>).Excel = {
    // Excel.run(batch) or Excel.run(options, batch): every set is answered as supported here, so writes
    // come with { mergeUndoGroup: true } (ExcelApi 1.20), one undo step each
    run: async <T,>(a: ((c: unknown) => Promise<T>) | { mergeUndoGroup?: boolean }, b?: (c: unknown) => Promise<T>) => (typeof a === "function" ? a : b!)(context),
  };
}
