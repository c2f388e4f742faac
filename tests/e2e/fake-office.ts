/**
 * A stand-in for Excel inside the browser page, so the built task pane runs its Office.js path in
 * Chromium: Office.onReady says Excel, Excel.run gives a RequestContext over in-memory sheets.
 * Only what the add-in reads is modelled (sheet names, used range address/size, values/formats of
 * any range, merged areas, formulas, null-object probes, column widths, cell notes, change events,
 * sheet deletes); every other property or call (formats, page layout...) is accepted and ignored.
 * Writes of values/formulas land in the sheets and are logged, as are syncs, selections, undo
 * groups and saved settings, in `window.__fakeExcel`. `excelApi` ("1.17") is the ExcelApi version
 * this Excel has (all when absent): it answers isSetSupported accordingly, refuses
 * `mergeUndoGroup` below 1.20, notes below 1.18 and change events below 1.7 with ApiNotFound.
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
  /** each Excel.run that wrote or read: merged into one undo group or not */
  runs: Array<{ merged: boolean }>;
  /** sheets deleted */
  deleted: string[];
}

export function installFakeOffice(input: { sheets: FakeSheetData[]; customFunctions: boolean; settings?: Record<string, unknown>; excelApi?: string }): void {
  type Cell = { v: unknown; f?: string };
  interface Sheet {
    name: string;
    cells: Map<string, Cell>;
    merges: string[];
    /** notes by cell ("F4") */
    notes: Record<string, string>;
    /** column widths in points by letter (48 when not set) */
    widths: Record<string, number>;
  }
  const log: FakeExcelLog = { syncs: 0, writes: [], selected: [], added: [], settings: { ...(input.settings ?? {}) }, settingsSaves: 0, runs: [], deleted: [] };
  const sheets: Sheet[] = input.sheets.map((s) => {
    const cells = new Map<string, Cell>();
    s.values.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && v !== "" && cells.set(`${r},${c}`, { v })));
    return { name: s.name, cells, merges: s.merges ?? [], notes: {}, widths: {} };
  });
  // ExcelApi sets: a version is supported when it is at most this Excel's
  const minor = (v: string) => Number(v.split(".")[1]);
  const supports = (version: string) => !input.excelApi || minor(version) <= minor(input.excelApi);
  /** a call of a set this Excel lacks: Excel refuses the request at the next sync */
  let refused: Error | null = null;
  const need = (version: string, what: string) => {
    if (!supports(version)) refused ??= Object.assign(new Error(`The API you are trying to use could not be found (ExcelApi ${version}: ${what}).`), { code: "ApiNotFound" });
  };
  const handlers = new Map<Sheet, Set<(e: unknown) => unknown>>();
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
    /** the user types into a cell; Excel raises the sheet's onChanged (triggerSource "Unknown") */
    async edit(i: number, address: string, value: unknown) {
      const p = parse(address);
      if (value === "" || value === null) sheets[i].cells.delete(`${p.r},${p.c}`);
      else sheets[i].cells.set(`${p.r},${p.c}`, { v: value });
      for (const h of [...(handlers.get(sheets[i]) ?? [])]) await h({ address, triggerSource: "Unknown" });
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
      format: withSink({
        get columnWidth() {
          return sheet.widths[letters(c0)] ?? 48;
        },
        set columnWidth(v: number) {
          need("1.2", "format.columnWidth");
          for (let j = 0; j < w; j++) sheet.widths[letters(c0 + j)] = v;
        },
        load() {
          need("1.2", "format.columnWidth");
        },
      }),
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
        // a whole column ("G:G"): only its width is used
        const whole = /^([A-Z]+):([A-Z]+)$/.exec(address);
        if (whole) return range(sheet, 0, colIndex(whole[1]), 1, colIndex(whole[2]) - colIndex(whole[1]) + 1);
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
      getUsedRangeOrNullObject() {
        need("1.4", "getUsedRangeOrNullObject");
        return sheet.cells.size ? ws.getUsedRange() : withSink({ isNullObject: true, load() {} });
      },
      delete() {
        // Microsoft lists Worksheet.delete among the APIs without undo: refused inside an undo group
        if (merging) throw Object.assign(new Error("Worksheet.delete does not support undo and cannot be grouped."), { code: "UndoNotSupported" });
        const i = sheets.indexOf(sheet);
        if (i >= 0) sheets.splice(i, 1);
        if (active >= sheets.length) active = 0;
        log.deleted.push(sheet.name);
      },
      get notes() {
        need("1.18", "worksheet.notes");
        const note = (cell: string, orNull: boolean) =>
          withSink({
            get isNullObject() {
              return orNull && !(cell in sheet.notes);
            },
            get content() {
              return sheet.notes[cell];
            },
            set content(v: string) {
              sheet.notes[cell] = v;
            },
            load() {},
            delete() {
              delete sheet.notes[cell];
            },
          });
        return withSink({
          add(cell: string, content: string) {
            if (cell in sheet.notes) refused ??= Object.assign(new Error(`The cell ${cell} already has a note.`), { code: "InvalidArgument" });
            sheet.notes[cell] = content;
            return note(cell, false);
          },
          getItem: (cell: string) => note(cell, false),
          getItemOrNullObject: (cell: string) => note(cell, true),
        });
      },
      // threaded comments (ExcelApi 1.10): none in these workbooks
      get comments() {
        need("1.10", "worksheet.comments");
        return withSink({ getCount: () => ({ value: 0 }), items: [], load() {} });
      },
      onChanged: withSink({
        add(handler: (e: unknown) => unknown) {
          need("1.7", "worksheet.onChanged");
          const set = handlers.get(sheet) ?? handlers.set(sheet, new Set()).get(sheet)!;
          set.add(handler);
          return { remove: () => set.delete(handler), context: { sync: async () => undefined } };
        },
      }),
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
      const s: Sheet = { name, cells: new Map(), merges: [], notes: {}, widths: {} };
      sheets.push(s);
      log.added.push(name);
      return worksheet(s);
    },
  });

  const context = withSink({
    workbook: withSink({ worksheets }),
    async sync() {
      if (gate) await gate;
      const error = refused;
      refused = null;
      if (error) throw error;
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
      requirements: { isSetSupported: (name: string, version = "1.1") => (name === "CustomFunctionsRuntime" ? input.customFunctions : name === "ExcelApi" ? supports(version) : true) },
    },
  };
  let merging = false;
  (window as unknown as Record<string, unknown>).Excel = {
    // Excel.run(batch) or Excel.run(options, batch): { mergeUndoGroup: true } needs ExcelApi 1.20 and
    // makes the run one undo step
    run: async <T,>(a: ((c: unknown) => Promise<T>) | { mergeUndoGroup?: boolean }, b?: (c: unknown) => Promise<T>) => {
      const merged = typeof a !== "function" && !!a.mergeUndoGroup;
      if (merged && !supports("1.20")) throw Object.assign(new Error("The API you are trying to use could not be found (ExcelApi 1.20: RunOptions.mergeUndoGroup)."), { code: "ApiNotFound" });
      log.runs.push({ merged });
      merging = merged;
      try {
        return await (typeof a === "function" ? a : b!)(context);
      } finally {
        merging = false;
      }
    },
  };
}
