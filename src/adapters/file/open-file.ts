/**
 * Opening a file the user chose on the page (no Excel), keeping the page responsive: the file is read
 * and analysed in a Web Worker (open-file.worker.ts) that tells each step as it goes, and the page
 * gets the result as plain data: the port (deferred-file-port.ts: reads from the snapshot, ExcelJS
 * loaded only to write) and the opened workbook, ready to show. Where Worker is missing or its script
 * cannot load, the same fast read runs on the page. A package the fast readers cannot make sense of
 * is read with ExcelJS on the page as before (the file port), whose verdict the user gets.
 * Errors keep their Vietnamese sentence naming the file (AppError, with its action).
 */
import { AppError } from "../../app/errors";
import { OPEN_FRACTIONS, OPEN_STEPS, openWorkbook, type OpenedWorkbook, type OpenProgress } from "../../app/open-workbook";
import type { WorkbookPort } from "../../app/port";
import { checkFileSize, WorkbookFileError } from "../xlsx/admission";
import { PackageFormatError } from "../xlsx/limits";
import { DeferredFilePort } from "./deferred-file-port";
import { bulkArrays, type OpenReply, type OpenRequest } from "./open-file-protocol";
import { readWorkbookBytes, snapshotSource, unreadable, type WorkbookSnapshot } from "./workbook-bytes";

/** A file opened: its port, and the workbook opened already (absent: the pane opens it itself). */
export interface OpenedFile {
  port: WorkbookPort;
  opened?: OpenedWorkbook;
}

type Result = { type: "done"; opened?: OpenedWorkbook; snapshot: WorkbookSnapshot } | { type: "fallback" };

/** The part of a Worker this needs (a test can give its own). */
export interface FileWorker {
  onmessage: ((e: MessageEvent<OpenReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
  postMessage(message: OpenRequest, transfer: Transferable[]): void;
  terminate(): void;
}

export interface FileOpener {
  /** read and analyse `file`; `progress` gets each step in Vietnamese */
  open(file: File, progress?: OpenProgress, signal?: AbortSignal): Promise<OpenedFile>;
  /** read `file` only, as a sheet source (the consolidation's units); errors start “Không đọc được tệp "…"” */
  read(file: File): Promise<WorkbookPort>;
  /** start a worker now, so its script is loaded before a file is chosen */
  prewarm(): void;
}

/**
 * “Không đọc được tệp "x.xlsx": …” from the reader's sentence, without naming the file twice
 * (the readers' sentences start “Tệp "x.xlsx" …”).
 */
export function unreadableFile(name: string, why: string): string {
  const prefix = `Tệp "${name}"`;
  let reason = why.startsWith(prefix) ? why.slice(prefix.length).replace(/^:?\s*/, "") : why;
  if (reason && reason !== why) reason = reason[0].toLowerCase() + reason.slice(1);
  return `Không đọc được tệp "${name}": ${reason}`;
}

/** The fast read and the analysis on the page itself (no worker). */
async function onPage(name: string, bytes: ArrayBuffer, analyse: boolean, progress?: OpenProgress): Promise<Result> {
  try {
    const snapshot = await readWorkbookBytes(name, bytes, (f) => progress?.(f * OPEN_FRACTIONS.table, OPEN_STEPS.read(name)));
    const opened = analyse ? await openWorkbook(snapshotSource(snapshot), progress) : undefined;
    return { type: "done", opened, snapshot };
  } catch (e) {
    if (e instanceof PackageFormatError) return { type: "fallback" };
    throw e;
  }
}

/**
 * `worker`: makes a file worker (index.tsx: `new Worker(new URL(…, import.meta.url))`); absent or
 * failing: the page does the work. `full`: the whole workbook as the file port (ExcelJS).
 */
export function createFileOpener(opts: { worker?: () => FileWorker; full: (name: string, bytes: ArrayBuffer) => Promise<WorkbookPort> }): FileOpener {
  let warm: FileWorker | null = null;
  let broken = !opts.worker;

  const take = (): FileWorker | null => {
    if (broken) return null;
    const w = warm;
    warm = null;
    if (w) return w;
    try {
      return opts.worker!();
    } catch {
      broken = true;
      return null;
    }
  };

  /** The work in a worker; "unavailable" when there is none or its script failed (the bytes are then gone: read them again). */
  const inWorker = (name: string, bytes: ArrayBuffer, analyse: boolean, progress?: OpenProgress, signal?: AbortSignal): Promise<Result | "unavailable"> =>
    new Promise((resolve, reject) => {
      const w = take();
      if (!w) return resolve("unavailable");
      const finish = (keep: boolean) => {
        w.onmessage = null;
        w.onerror = null;
        w.onmessageerror = null;
        signal?.removeEventListener("abort", onAbort);
        if (keep && !warm) warm = w;
        else w.terminate();
      };
      const onAbort = () => {
        finish(false);
        reject(new DOMException("Đã hủy.", "AbortError"));
      };
      signal?.addEventListener("abort", onAbort);
      // the head, then its long arrays in slices, each message taken in its own task
      let head: Extract<OpenReply, { type: "done" }> | null = null;
      let arrays: unknown[][] = [];
      let left = 0;
      let total = 0;
      let shown = OPEN_FRACTIONS.show;
      const complete = () => {
        finish(true);
        resolve({ type: "done", opened: head!.opened, snapshot: head!.snapshot });
      };
      w.onmessage = (e) => {
        const m = e.data;
        if (m.type === "progress") progress?.(m.fraction, m.label);
        else if (m.type === "part") {
          const into = arrays[m.index];
          for (const x of m.items) into.push(x);
          left -= m.items.length;
          if (left <= 0) return complete();
          // the hand-over's own share of the bar, a percent at a time
          const f = OPEN_FRACTIONS.show + (1 - OPEN_FRACTIONS.show) * (1 - left / total);
          if (Math.floor(f * 100) > Math.floor(shown * 100)) progress?.((shown = f), OPEN_STEPS.show());
        } else if (m.type === "done") {
          head = m;
          arrays = bulkArrays(m);
          left = total = m.parts.reduce((s, n) => s + n, 0);
          if (left <= 0) complete();
        } else if (m.type === "error") {
          finish(true);
          reject(m.code ? new AppError(m.code, m.message, m.action) : new Error(m.message));
        } else {
          finish(true);
          resolve({ type: "fallback" });
        }
      };
      // the worker's script did not load (offline, a policy) or it crashed: the page does the work
      w.onerror = (e) => {
        e.preventDefault?.();
        broken = true;
        finish(false);
        resolve("unavailable");
      };
      w.onmessageerror = () => {
        finish(false);
        resolve("unavailable");
      };
      w.postMessage({ name, bytes, analyse }, [bytes]);
    });

  return {
    prewarm() {
      if (!warm) warm = take();
    },
    open: (file, progress, signal) => opened(file, true, progress, signal),
    async read(file) {
      try {
        return (await opened(file, false)).port;
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new AppError("unreadable_file", unreadableFile(file.name, why), e instanceof AppError ? e.action : undefined);
      }
    },
  };

  async function opened(file: File, analyse: boolean, progress?: OpenProgress, signal?: AbortSignal): Promise<OpenedFile> {
    // a file too big to take into memory is refused by its size before it is read, as in the CLI
    try {
      checkFileSize(file.name, file.size);
    } catch (e) {
      throw e instanceof WorkbookFileError ? unreadable(e) : e;
    }
    const full = async () => opts.full(file.name, await file.arrayBuffer());
    progress?.(0, OPEN_STEPS.read(file.name));
    let r = await inWorker(file.name, await file.arrayBuffer(), analyse, progress, signal);
    if (r === "unavailable") r = await onPage(file.name, await file.arrayBuffer(), analyse, progress);
    if (r.type === "fallback") return { port: await full() };
    return { port: new DeferredFilePort(r.snapshot, full), opened: r.opened };
  }
}
