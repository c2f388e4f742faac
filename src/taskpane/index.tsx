/**
 * Entry of the task pane. Inside Excel: the Office.js port. In a plain browser: standalone mode,
 * where the user opens an .xlsx file and the file port does the work. Which one is decided by
 * host.ts from facts (the page bootstrap's markers, office.js, Office.onReady), never by a timer.
 * In an Office webview where office.js could not load, the pane runs standalone and says why.
 */
import React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { DOCX_MIME, XLSX_MIME, type AppendixRenderers, type WorkbookPort } from "../app/port";
import { detectHost } from "./host";
import type { ReportIo } from "../app/report-text";
import { FluentProvider, Link, Subtitle1, webLightTheme } from "@fluentui/react-components";
import { ConsolidateJob } from "./components/ConsolidateJob";
import type { Consolidation } from "../core/consolidate/consolidate";
import type { ReportInfo } from "../core/model";
import type { OpenFile } from "./pane-actions";
import type { FileOpener } from "../adapters/file/open-file";

async function officePort(): Promise<WorkbookPort> {
  const [{ OfficeWorkbookPort }, { customFunctionsSupported }] = await Promise.all([import("../adapters/office/office-workbook"), import("../functions/support")]);
  const requirements = Office.context.requirements;
  return new OfficeWorkbookPort({
    excel: Excel,
    settings: Office.context.document.settings,
    formulas: customFunctionsSupported(),
    isSetSupported: (name, version) => requirements.isSetSupported(name, version),
  });
}

/** The whole workbook of a file (ExcelJS): loaded to write, or when the fast readers cannot read the file. */
async function fullPort(name: string, bytes: ArrayBuffer): Promise<WorkbookPort> {
  const { FileWorkbookPort } = await import("../adapters/file/file-workbook");
  return FileWorkbookPort.open(name, bytes);
}

/** A chosen file is read and checked in a Web Worker (the page stays responsive); on the page where there is none. */
let opener: Promise<FileOpener> | null = null;
const fileOpener = (): Promise<FileOpener> =>
  (opener ??= import("../adapters/file/open-file").then(({ createFileOpener }) =>
    createFileOpener({
      worker: typeof Worker === "undefined" ? undefined : () => new Worker(new URL("../adapters/file/open-file.worker.ts", import.meta.url)),
      full: fullPort,
    }),
  ));

const openFile: OpenFile = async (file, progress, signal) => {
  if (file) return (await fileOpener()).open(file, progress, signal);
  const [{ FileWorkbookPort }, { buildTemplateWorkbook }] = await Promise.all([import("../adapters/file/file-workbook"), import("../adapters/xlsx/template")]);
  return FileWorkbookPort.fromWorkbook(buildTemplateWorkbook({ sample: true }), "bang-chi-tieu-mau.xlsx");
};

/** The appendix renderers; ExcelJS and docx load on first use, for a lighter first paint. */
const renderers: AppendixRenderers = {
  xlsx: async () => {
    const { renderAppendixXlsx } = await import("../adapters/xlsx/appendix-xlsx");
    return { extension: "xlsx", mime: XLSX_MIME, render: renderAppendixXlsx };
  },
  docx: async () => {
    const { renderAppendixDocx } = await import("../adapters/docx/appendix-docx");
    return { extension: "docx", mime: DOCX_MIME, render: renderAppendixDocx };
  },
};

/** The report's .docx writer and reader (docx, jszip), loaded on first use. */
const report: ReportIo = {
  renderDocx: async () => (await import("../adapters/docx/report-docx")).renderReportDocx,
  readDocx: async () => (await import("../adapters/docx/read-docx")).readDocxDraft,
};

/** The "Tổng hợp" view's injected I/O: a picked unit file as a sheet source, the consolidated workbook, downloads. */
const consolidateIo = {
  // the same reader as a file opened on the page (in the worker); “Không đọc được tệp "…": …” when it cannot
  readFile: async (file: File) => (await fileOpener()).read(file),
  renderWorkbook: async (c: Consolidation, info: ReportInfo) => (await import("../adapters/xlsx/consolidated-workbook")).renderConsolidatedXlsx(c, info),
  download: async (name: string, bytes: Uint8Array, mime: string) => (await import("../adapters/file/download")).downloadBytes(name, bytes, mime),
};

async function main(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const root = createRoot(container);
  const decision = await detectHost();
  const port = decision.host === "excel" ? await officePort() : null;
  if (decision.reason === "office-js-failed") {
    const note = document.getElementById("boot-note");
    if (note) {
      note.textContent =
        "Không tải được thư viện Office (office.js) từ máy chủ của Microsoft nên ngăn này chưa làm việc được với sổ tính đang mở. Hãy kiểm tra kết nối mạng rồi đóng và mở lại ngăn. Trong lúc đó vẫn có thể mở một tệp .xlsx ngay tại đây.";
      note.style.display = "";
    }
  }
  document.documentElement.dataset.mode = port ? "office" : "standalone";
  // standalone: the file worker's script loads now, before a file is chosen
  if (!port) void fileOpener().then((o) => o.prewarm());
  // "?view=tong-hop": the consolidation view (linked from the pane's header, until the pane's navigation offers it)
  if (new URLSearchParams(location.search).get("view") === "tong-hop") {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <main style={{ padding: 12, maxWidth: 720, margin: "0 auto", display: "flex", flexDirection: "column", gap: 12 }}>
          <header>
            <Subtitle1 as="h1">Tổng hợp nhiều đơn vị</Subtitle1> <Link href="?">Quay lại kiểm tra bảng chỉ tiêu</Link>
          </header>
          <ConsolidateJob port={port} {...consolidateIo} />
        </main>
      </FluentProvider>,
    );
    return;
  }
  const excelSupport = port ? (await import("../app/excel-support")).describeExcel((n, v) => Office.context.requirements.isSetSupported(n, v)) : undefined;
  root.render(<App officePort={port} openFile={port ? undefined : openFile} renderers={renderers} report={report} consolidate={consolidateIo} excelSupport={excelSupport} />);
}

void main();
