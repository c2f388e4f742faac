/** Reading the user's workbook (.xlsx or .ods) for a CLI command: file problems become a CliError (exit 2). */
import { loadWorkbookFile, WorkbookFileError } from "../adapters/xlsx/read-file";
import type { Grid } from "../core/sheet/grid";
import { CliError } from "./io";

export async function loadWorkbookForCli(file: string): Promise<Grid[]> {
  try {
    return await loadWorkbookFile(file);
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new CliError(e.message, 2, e.detail);
    throw e;
  }
}
