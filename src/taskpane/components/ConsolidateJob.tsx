/**
 * "Tổng hợp": consolidate several units' workbooks (docs/tong-hop.md).
 * The user picks several .xlsx/.ods files (a file input with `multiple`, in Excel and in a browser),
 * names the consolidated unit, and gets: the consolidated table, the indicators that need a rule
 * (chosen here once each, then consolidated again without reading the files), the files that could
 * not be read, and per unit what it still owes with a polite message to copy. The run shows
 * "đã đọc 12/150 tệp" and can be cancelled between files. The result goes into NEW sheets of the
 * open workbook when it can take them (Excel), or is downloaded as an .xlsx (browser).
 *
 * Props (explicit; the pane never imports an adapter, index.tsx injects these):
 * - readFile(file): the picked file as a SheetSource, read one at a time;
 * - port: the open workbook, or null; used only through `writeNewSheets` (never over existing sheets);
 * - renderWorkbook(consolidation, info): the consolidated workbook as .xlsx bytes, for the download;
 * - download(fileName, bytes, mime): offer bytes to the user as a file.
 * State and actions: consolidate/use-consolidation.ts; the parts: consolidate/*.tsx.
 */
import React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useConsolidation, type ConsolidateViewProps } from "./consolidate/use-consolidation";
import { UnitFilesForm } from "./consolidate/UnitFilesForm";
import { ConsolidateResult } from "./consolidate/ConsolidateResult";
import { useConsolidateStyles } from "./consolidate/consolidate-styles";

export type { ConsolidateViewProps };

export function ConsolidateJob(p: ConsolidateViewProps): JSX.Element {
  const styles = useConsolidateStyles();
  const s = useConsolidation(p);
  const error = s.work.error;
  return (
    <section className={styles.stack} aria-label="Tổng hợp nhiều đơn vị">
      <UnitFilesForm s={s} />
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{error.title}</MessageBarTitle>
            {error.detail} {error.action}
          </MessageBarBody>
        </MessageBar>
      )}
      <ConsolidateResult s={s} />
    </section>
  );
}
