/**
 * Reading the user's workbook (.xlsx or .ods) for a CLI command: a file it cannot use becomes a
 * CliError (exit 2) with the reader's sentence and what to do, the same words as on the page; a sheet
 * past the command's own row limit (`rowLimit`), the command's sentence.
 */
import { loadWorkbookFile, WorkbookFileError } from "../adapters/xlsx/read-file";
import { RowLimitError, type RowLimit } from "../adapters/xlsx/limits";
import type { Grid } from "../core/sheet/grid";
import { CliError } from "./io";

/** A command's row limit, with the sentence it refuses a sheet with. */
export interface CliRowLimit extends RowLimit {
  message: (file: string, e: RowLimitError) => string;
}

export async function loadWorkbookForCli(file: string, rowLimit?: CliRowLimit): Promise<Grid[]> {
  try {
    return await loadWorkbookFile(file, { rowLimit });
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new CliError(e.line, 2, e.detail);
    if (e instanceof RowLimitError && rowLimit) throw new CliError(rowLimit.message(file, e), 2);
    throw e;
  }
}
