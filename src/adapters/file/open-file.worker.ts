/**
 * The page's file worker: reads a chosen .xlsx/.ods (workbook-bytes.ts) and opens it as the pane
 * does (app/open-workbook.ts: settings, sheets, report information, the table analysed), off the
 * page's main thread, telling each step as it goes. One file per request; the page keeps one worker
 * warm (open-file.ts). Wiring only: the work is the adapters' and the app's.
 */
import { AppError } from "../../app/errors";
import { OPEN_FRACTIONS, OPEN_STEPS, openWorkbook } from "../../app/open-workbook";
import { PackageFormatError } from "../xlsx/limits";
import { bulkArrays, PART_ITEMS, type OpenReply, type OpenRequest } from "./open-file-protocol";
import { readWorkbookBytes, snapshotSource } from "./workbook-bytes";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<OpenRequest>) => void) | null;
  postMessage(message: OpenReply): void;
};

const post = (m: OpenReply) => scope.postMessage(m);

scope.onmessage = async (e) => {
  const { name, bytes, analyse } = e.data;
  try {
    const tableAt = OPEN_FRACTIONS.table;
    let shown = -1;
    post({ type: "progress", fraction: 0, label: OPEN_STEPS.read(name) });
    const snapshot = await readWorkbookBytes(name, bytes, (f) => {
      // every tenth of the way: enough for the bar, not a flood for a screen reader
      const step = Math.floor(f * 10);
      if (step === shown) return;
      shown = step;
      post({ type: "progress", fraction: f * tableAt, label: OPEN_STEPS.read(name) });
    });
    const opened = analyse ? await openWorkbook(snapshotSource(snapshot), (fraction, label) => post({ type: "progress", fraction, label })) : undefined;
    post({ type: "progress", fraction: OPEN_FRACTIONS.show, label: OPEN_STEPS.show() });
    // the head first, then the long arrays in slices (see open-file-protocol.ts)
    const held = bulkArrays({ opened, snapshot }).map((a) => a.splice(0));
    post({ type: "done", opened, snapshot, parts: held.map((h) => h.length) });
    held.forEach((items, index) => {
      for (let i = 0; i < items.length; i += PART_ITEMS) post({ type: "part", index, items: items.slice(i, i + PART_ITEMS) });
    });
  } catch (err) {
    if (err instanceof PackageFormatError) post({ type: "fallback", reason: err.message });
    else if (err instanceof AppError) post({ type: "error", message: err.message, code: err.code, action: err.action });
    else post({ type: "error", message: err instanceof Error ? err.message : String(err) });
  }
};
