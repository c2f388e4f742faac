/**
 * The reasons of the Đánh giá column in Excel (app/reasons.ts decides what and where): a note on
 * each Đánh giá cell where ExcelApi 1.18 has notes (Worksheet.notes: getItemOrNullObject, add,
 * Note.content), else the "Lý do" column, written as values (ExcelApi 1.1) and widened where
 * ExcelApi 1.2 sets column widths. Reads are queued into the request that reads the Đánh giá column
 * and writes into the one that writes it, so a write stays one sync and one undo group; what was
 * there before goes into the undo record for the pane's “Hoàn tác”. A cell keeps what the user put
 * on it: a note of theirs, or a threaded comment (Excel holds a note or a comment on a cell, not
 * both), found through Worksheet.comments (ExcelApi 1.10) only when the sheet has comments.
 */
import type { ReasonPlan, StatusColumnRequest } from "../../app/port";
import { columnReasonPlan, noteChanges, REASON_COLUMN_POINTS, reasonColumnChanges, reasonColumnRequest } from "../../app/reasons";
import { contiguousRuns, rowSpan } from "../../app/status-column";
import type { UndoRecord } from "./office-undo";
import { stripSheet } from "./office-read";

/** The ExcelApi sets the reasons need: cell notes, and column widths for the "Lý do" column. */
export const REASONS_API = { notes: "1.18", widths: "1.2" } as const;

/** What a cell with a threaded comment counts as: a note of the user's (kept). */
const COMMENTED = "(chú thích)";

export interface QueuedReasons {
  plan: ReasonPlan;
  /** queues the writes; `record` (pane undo) gets what they overwrite; the returned function, called after the sync, completes it */
  write(record: UndoRecord | null): () => void;
}

/**
 * Queues the reads the reasons need (no sync); call the result after the sync (it may read once
 * more, when the sheet has threaded comments). Null when the request asks for no reasons.
 */
export function queueReasonReads(
  context: Excel.RequestContext,
  req: StatusColumnRequest,
  opts: { notes: boolean; widths: boolean; formats: boolean },
): (() => Promise<QueuedReasons>) | null {
  if (!req.reasons || !req.cells.some((c) => c.reason)) return null;
  const ws = context.workbook.worksheets.getItem(req.sheet);
  if (opts.notes) return queueNotes(context, ws, req);
  const column = queueColumn(ws, req, opts);
  return async () => column();
}

/** The cells of a sheet that carry a threaded comment (two more reads, only when it has any). */
async function commentedCells(context: Excel.RequestContext, ws: Excel.Worksheet, count: OfficeExtension.ClientResult<number>): Promise<Set<string>> {
  if (!count.value) return new Set();
  const comments = ws.comments;
  comments.load("items/id");
  await context.sync();
  const locations = comments.items.map((c) => c.getLocation().load("address"));
  await context.sync();
  // a comment sits on one cell: "F7" (the first cell, should a range be given)
  return new Set(locations.map((r) => stripSheet(r.address).split(":")[0]));
}

function queueNotes(context: Excel.RequestContext, ws: Excel.Worksheet, req: StatusColumnRequest): () => Promise<QueuedReasons> {
  const address = (row: number) => `${req.column}${row}`;
  const existing = new Map<number, Excel.Note>();
  for (const c of req.cells) {
    if (!c.reason) continue;
    const note = ws.notes.getItemOrNullObject(address(c.row));
    note.load("content");
    existing.set(c.row, note);
  }
  // ExcelApi 1.18 has 1.10: the comments can be counted in the same request
  const comments = ws.comments.getCount();
  return async () => {
    const commented = await commentedCells(context, ws, comments);
    const { changes, kept } = noteChanges(req, (row) => {
      if (commented.has(address(row))) return COMMENTED;
      const n = existing.get(row);
      return !n || n.isNullObject ? null : n.content;
    });
    return {
      plan: { way: "notes", changes: changes.length, replaced: 0, keptNotes: kept },
      write(record) {
        const written = changes.map((c) => {
          // a cell has one note: change the add-in's own, add one where there is none
          const note = c.before === null ? ws.notes.add(address(c.row), c.content) : ws.notes.getItem(address(c.row));
          if (c.before !== null) note.content = c.content;
          if (record) note.load("content");
          return { note, change: c };
        });
        return () => {
          // what Excel holds after the write, as it reads it back (the pane's undo compares with it)
          if (record) for (const { note, change } of written) record.notes.push({ sheet: req.sheet, cell: address(change.row), before: change.before, after: note.content });
        };
      },
    };
  };
}

function queueColumn(ws: Excel.Worksheet, req: StatusColumnRequest, opts: { widths: boolean; formats: boolean }): () => QueuedReasons {
  const col = reasonColumnRequest(req)!;
  const span = rowSpan(col)!;
  const range = ws.getRange(`${col.column}${span.first}:${col.column}${span.last}`);
  range.load(opts.formats ? "formulas,numberFormat" : "formulas");
  const widthCell = opts.widths ? ws.getRange(`${col.column}${span.first}`) : null;
  widthCell?.format.load("columnWidth");
  return () => {
    const formulas = range.formulas as unknown[][];
    const formats = opts.formats ? (range.numberFormat as unknown[][]) : [];
    const at = (row: number) => formulas[row - span.first]?.[0];
    const changes = reasonColumnChanges(req, at);
    // a column empty on every row the table uses is new: it gets a width to read the reasons in
    const fresh = col.cells.every((c) => at(c.row) === "" || at(c.row) === null || at(c.row) === undefined);
    return {
      plan: columnReasonPlan(req, changes),
      write(record) {
        const written = contiguousRuns(changes).map((run) => {
          const address = `${col.column}${run[0].row}:${col.column}${run[run.length - 1].row}`;
          const r = ws.getRange(address);
          r.values = run.map((c) => [c.content]);
          if (record) {
            r.load("formulas");
            record.cells.push({
              sheet: req.sheet,
              address,
              formulas: run.map((c) => [at(c.row) ?? ""]),
              numberFormat: run.map((c) => [formats[c.row - span.first]?.[0] ?? "General"]),
              after: [],
            });
          }
          return { r, index: record ? record.cells.length - 1 : -1 };
        });
        if (widthCell && fresh && changes.length && widthCell.format.columnWidth < REASON_COLUMN_POINTS) {
          record?.widths.push({ sheet: req.sheet, column: col.column, before: widthCell.format.columnWidth });
          ws.getRange(`${col.column}:${col.column}`).format.columnWidth = REASON_COLUMN_POINTS;
        }
        return () => {
          if (record) for (const w of written) record.cells[w.index].after = w.r.formulas as unknown[][];
        };
      },
    };
  };
}
