/**
 * The messages between the page and its file worker (open-file.worker.ts). Plain data only (the
 * structured clone): the file's bytes go in as a transferred ArrayBuffer. The result comes back as
 * a head ("done": the opened workbook and the snapshot, with their long arrays emptied; the analysed
 * sheet's grid is the snapshot's, and a clone keeps shared objects shared) and then those arrays in
 * slices ("part"), each taken in by the page in its own short task: a 10 000-row table is some 20 MB
 * once cloned, and one message would hold the page for as long as it takes to rebuild it.
 */
import type { OpenedWorkbook } from "../../app/open-workbook";
import type { AppErrorCode } from "../../app/errors";
import type { WorkbookSnapshot } from "./workbook-bytes";

export interface OpenRequest {
  name: string;
  bytes: ArrayBuffer;
  /** false: read only (the consolidation reads units as sheet sources and analyses them itself) */
  analyse: boolean;
}

export type OpenReply =
  | { type: "progress"; fraction: number | null; label: string }
  /** `parts`: how many items each of `bulkArrays` had; they follow in "part" messages, in order */
  | { type: "done"; opened?: OpenedWorkbook; snapshot: WorkbookSnapshot; parts: number[] }
  | { type: "part"; index: number; items: unknown[] }
  /** a package the fast readers could not make sense of: the page reads it with ExcelJS, as before */
  | { type: "fallback"; reason: string }
  /** the file cannot be used (AppError: code and action kept), or the work failed */
  | { type: "error"; message: string; code?: AppErrorCode; action?: string };

/** Items per "part" message: about a megabyte of a realistic table. */
export const PART_ITEMS = 1000;

/**
 * The long arrays of a result, in a fixed order both sides use: the table's rows, the findings, the
 * rows of each grid (the analysed sheet's once, though it is also in the snapshot).
 */
export function bulkArrays(r: { opened?: OpenedWorkbook; snapshot: WorkbookSnapshot }): unknown[][] {
  const a = r.opened?.analysis;
  const out = new Set<unknown[]>();
  if (a?.table) out.add(a.table.rows);
  if (a) {
    out.add(a.findings);
    out.add(a.grid.values);
  }
  for (const g of r.snapshot.grids) out.add(g.values);
  return [...out];
}
