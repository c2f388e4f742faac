/**
 * The appendix use case: an analysed table (see analyse.ts) laid out in the official form. The CLI
 * (`appendix`, `demo`) and the task pane both lay the appendix out here; renderers (.xlsx, .docx)
 * are injected through the AppendixRenderer port.
 */
import { buildAppendixLayout, LayoutError, type AppendixLayout, type AppendixOptions } from "../core/layout";
import type { IndicatorTable, ReportInfo } from "../core/model";
import { AppError } from "./errors";

/** The layout of a table's appendix; report information given here overrides the "Thông tin" sheet's. */
export function layoutAppendix(table: IndicatorTable, info: ReportInfo | undefined, options: AppendixOptions, overrides: ReportInfo = {}): AppendixLayout {
  const merged: ReportInfo = { ...(info ?? table.info ?? {}), ...definedOnly(overrides) };
  try {
    return buildAppendixLayout(table, merged, options);
  } catch (e) {
    if (e instanceof LayoutError) throw new AppError("bad_input", e.message);
    throw e;
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as Partial<T>;
}
