/**
 * Opening a chosen file off the page's main thread: the real worker module (open-file.worker.ts)
 * runs here behind a stand-in for Worker that clones every message as a browser does. The pane gets
 * the same opened workbook as when it opens the ExcelJS file port itself, each step told in
 * Vietnamese; a broken file gets its sentence naming the file; without a worker the page does the
 * same work; the port answers reads from the snapshot and loads ExcelJS only to write.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FileWorkbookPort, SETTINGS_SHEET } from "../../../src/adapters/file/file-workbook";
import { createFileOpener, type FileWorker } from "../../../src/adapters/file/open-file";
import { DeferredFilePort } from "../../../src/adapters/file/deferred-file-port";
import type { OpenReply, OpenRequest } from "../../../src/adapters/file/open-file-protocol";
import { openWorkbook } from "../../../src/app/open-workbook";
import { buildStatusRequest } from "../../../src/app/status-column";
import { AppError } from "../../../src/app/errors";
import { LIMIT_ACTION } from "../../../src/adapters/xlsx/file-kind";
import { limitMessages, READER_LIMITS } from "../../../src/adapters/xlsx/limits";
import { writeRealisticWorkbook } from "../../support/realistic-workbook";
import { referenceTableWorkbook } from "../../support/workbook-fixtures";
import { loadReferenceIndicators } from "../../support/reference";

/** The worker module in this process, behind a Worker-like object; messages cloned (and transferred) as by a browser. */
class InProcessWorker implements FileWorker {
  onmessage: ((e: MessageEvent<OpenReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  terminated = false;
  replies: OpenReply["type"][] = [];
  private scope: { onmessage: ((e: { data: OpenRequest }) => void) | null; postMessage(m: OpenReply, transfer?: Transferable[]): void };

  constructor() {
    const scope = {
      onmessage: null as ((e: { data: OpenRequest }) => void) | null,
      postMessage: (m: OpenReply, transfer?: Transferable[]) => {
        const data = structuredClone(m, { transfer });
        this.replies.push(m.type);
        setTimeout(() => this.onmessage?.({ data } as MessageEvent<OpenReply>), 0);
      },
    };
    this.scope = scope;
    (globalThis as { self?: unknown }).self = scope;
    // a fresh copy of the worker module, which takes `self` as its scope when it loads
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require("../../../src/adapters/file/open-file.worker");
    });
  }

  postMessage(message: OpenRequest, transfer: Transferable[]): void {
    const data = structuredClone(message, { transfer });
    setTimeout(() => this.scope.onmessage?.({ data }), 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

/** A worker whose script cannot load (offline, a policy): it only reports an error. */
class FailingWorker implements FileWorker {
  onmessage: ((e: MessageEvent<OpenReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  postMessage(): void {
    setTimeout(() => this.onerror?.({ preventDefault: () => undefined } as ErrorEvent), 0);
  }
  terminate(): void {}
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "open-file-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function referenceBytes(): Promise<Uint8Array> {
  const wb = referenceTableWorkbook();
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const fileOf = (name: string, bytes: Uint8Array) => new File([bytes], name);
const full = async (name: string, bytes: ArrayBuffer) => FileWorkbookPort.open(name, bytes);

/** What the pane gets when it opens the file port (ExcelJS) itself. */
async function expected(name: string, bytes: Uint8Array) {
  return openWorkbook(await FileWorkbookPort.open(name, bytes));
}

test("the worker gives the pane the same opened workbook, telling each step in Vietnamese", async () => {
  const bytes = await referenceBytes();
  const workers: InProcessWorker[] = [];
  const opener = createFileOpener({ worker: () => (workers.push(new InProcessWorker()), workers[workers.length - 1]), full });
  const steps: Array<[number | null, string]> = [];
  const r = await opener.open(fileOf("bao-loc.xlsx", bytes), (f, label) => steps.push([f, label]));
  const want = await expected("bao-loc.xlsx", bytes);
  expect(r.opened).toEqual(want);
  const indicators = loadReferenceIndicators().length;
  expect(r.opened!.analysis!.indicators).toBe(indicators);
  expect(r.opened!.analysis!.findings.length).toBeGreaterThanOrEqual(3);
  const labels = [...new Set(steps.map(([, l]) => l))];
  // the active sheet "Ghi chép" is tried first, then the sheet with the table
  expect(labels).toEqual([
    "Đang đọc tệp “bao-loc.xlsx”…",
    "Đang nhận diện bảng chỉ tiêu (1 dòng)…",
    `Đang nhận diện bảng chỉ tiêu (${want.analysis!.grid.values.length} dòng)…`,
    `Đang đánh giá ${indicators} chỉ tiêu…`,
    `Đang kiểm tra ${indicators} chỉ tiêu…`,
    "Đang hiển thị kết quả…",
  ]);
  const fractions = steps.map(([f]) => f ?? 0);
  expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  // one worker, kept warm for the next file
  expect(workers).toHaveLength(1);
  expect(workers[0].terminated).toBe(false);
  await opener.open(fileOf("bao-loc.xlsx", bytes));
  expect(workers).toHaveLength(1);
  // the port reads from what the worker sent; ExcelJS is not loaded for reading
  const port = r.port as DeferredFilePort;
  expect(port).toBeInstanceOf(DeferredFilePort);
  expect(await port.listSheets()).toEqual(["Ghi chép", "Chỉ tiêu"]);
  expect(await port.readSheet("Chỉ tiêu")).toEqual(r.opened!.analysis!.grid);
  expect(port.isLoaded).toBe(false);
});

test("a 1 000-row workbook comes back in slices, and still the same as the file port's", async () => {
  const file = path.join(dir, "r1000.xlsx");
  await writeRealisticWorkbook(file, 1000);
  const bytes = new Uint8Array(readFileSync(file));
  let worker: InProcessWorker | null = null;
  const opener = createFileOpener({ worker: () => (worker = new InProcessWorker()), full });
  const r = await opener.open(fileOf("r1000.xlsx", bytes));
  expect(worker!.replies.filter((t) => t === "part").length).toBeGreaterThan(2);
  const want = await expected("r1000.xlsx", bytes);
  expect(r.opened!.analysis!.table!.rows.length).toBe(want.analysis!.table!.rows.length);
  expect(r.opened).toEqual(want);
  // shared as in the analysis: the table is the reader's result's table
  const a = r.opened!.analysis!;
  expect(a.result.ok && a.result.table === a.table).toBe(true);
});

test("a broken file: the Vietnamese sentence naming it, from the worker as from the page", async () => {
  const bad = new TextEncoder().encode("không phải sổ Excel");
  const opener = createFileOpener({ worker: () => new InProcessWorker(), full });
  const e = await opener.open(fileOf("hong.xlsx", bad)).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).message).toMatch(/^Tệp "hong\.xlsx" không phải là tệp Excel \.xlsx hay bảng tính \.ods/);
  expect((e as AppError).action).toMatch(/Chọn một tệp \.xlsx khác/);
  // the consolidation's reader: “Không đọc được tệp …” naming the file once
  const c = await opener.read(fileOf("hong.xlsx", bad)).catch((x: unknown) => x);
  expect((c as Error).message).toMatch(/^Không đọc được tệp "hong\.xlsx": không phải là tệp Excel \.xlsx hay bảng tính \.ods/);
  expect((c as Error).message.match(/hong\.xlsx/g)).toHaveLength(1);
  // and keeps what to do
  expect((c as AppError).action).toBe((e as AppError).action);
});

test("a file past the size limit is refused by its size, before its bytes are read (limit lowered for the test)", async () => {
  const saved = READER_LIMITS.maxFileBytes;
  READER_LIMITS.maxFileBytes = 1000;
  try {
    const file = fileOf("lon.xlsx", new Uint8Array(2000));
    let read = false;
    Object.defineProperty(file, "arrayBuffer", { value: async () => ((read = true), new ArrayBuffer(0)) });
    const e = await createFileOpener({ worker: () => new InProcessWorker(), full }).open(file).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toBe(`Tệp "lon.xlsx": ${limitMessages.maxFileBytes(2000)}`);
    expect((e as AppError).action).toBe(LIMIT_ACTION);
    expect(read).toBe(false);
  } finally {
    READER_LIMITS.maxFileBytes = saved;
  }
});

test("no worker, or one whose script does not load: the page does the same work", async () => {
  const bytes = await referenceBytes();
  const want = await expected("bao-loc.xlsx", bytes);
  const none = await createFileOpener({ full }).open(fileOf("bao-loc.xlsx", bytes));
  expect(none.opened).toEqual(want);
  const failing = await createFileOpener({ worker: () => new FailingWorker(), full }).open(fileOf("bao-loc.xlsx", bytes));
  expect(failing.opened).toEqual(want);
});

test("a package the fast reader cannot read is opened with ExcelJS, as before", async () => {
  const bytes = await referenceBytes();
  const calls: string[] = [];
  const opener = createFileOpener({ worker: () => new InProcessWorker(), full: async (name, b) => (calls.push(name), full(name, b)) });
  // ExcelJS writes the workbook relationships; without them the fast reader gives up
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(bytes);
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const moved = rels.replace(/Target="([^"]*)worksheets\//g, 'Target="$1khong-co/');
  expect(moved).not.toBe(rels);
  zip.file("xl/_rels/workbook.xml.rels", moved);
  const odd = await zip.generateAsync({ type: "uint8array" });
  const r = await opener.open(fileOf("la.xlsx", odd)).catch((e: unknown) => e);
  expect(calls).toEqual(["la.xlsx"]);
  // ExcelJS's verdict: it reads it, or refuses it with the file port's sentence
  if (r instanceof Error) expect(r.message).toContain('"la.xlsx"');
  else expect((r as { opened?: unknown }).opened).toBeUndefined();
});

test("the port loads the whole workbook only to write; settings and the cell chosen before are kept", async () => {
  const bytes = await referenceBytes();
  let loads = 0;
  let loaded: FileWorkbookPort | null = null;
  const opener = createFileOpener({ worker: () => new InProcessWorker(), full: async (n, b) => (loads++, (loaded = await FileWorkbookPort.open(n, b))) });
  const r = await opener.open(fileOf("bao-loc.xlsx", bytes));
  const port = r.port as DeferredFilePort;
  await port.saveSettings({ ...r.opened!.settings, levels: 3 });
  await port.selectCell("Chỉ tiêu", "B7");
  expect(await port.getSettings()).toMatchObject({ levels: 3 });
  expect(await port.activeSheet()).toBe("Chỉ tiêu");
  expect(loads).toBe(0);
  const a = r.opened!.analysis!;
  const req = buildStatusRequest(a.table!, { vocabulary: "dat", levels: 2, near: 0 });
  const plan = await port.planStatusColumn(req);
  expect(loads).toBe(1);
  expect(port.isLoaded).toBe(true);
  expect(plan.changes).toBeGreaterThan(0);
  await port.writeStatusColumn(req);
  expect(loads).toBe(1);
  // the cell chosen before the load is the loaded workbook's active cell
  expect(loaded!.workbook.getWorksheet("Chỉ tiêu")!.views[0]).toMatchObject({ activeCell: "B7" });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await port.exportWorkbook()) as unknown as ArrayBuffer);
  expect(JSON.parse(String(wb.getWorksheet(SETTINGS_SHEET)!.getCell("A1").value))).toMatchObject({ levels: 3 });
  // what is read now is the workbook as written
  const after = await port.readSheet("Chỉ tiêu");
  const cell = req.cells.find((c) => c.row > a.table!.headerRow)!;
  expect(after.values[cell.row - 1]).toContain(cell.value);
});
