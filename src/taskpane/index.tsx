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

async function openFile(file: File | null): Promise<WorkbookPort> {
  const { FileWorkbookPort } = await import("../adapters/file/file-workbook");
  if (file) return FileWorkbookPort.open(file.name, await file.arrayBuffer());
  const { buildTemplateWorkbook } = await import("../adapters/xlsx/template");
  return FileWorkbookPort.fromWorkbook(buildTemplateWorkbook({ sample: true }), "bang-chi-tieu-mau.xlsx");
}

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
  root.render(<App officePort={port} openFile={port ? undefined : openFile} renderers={renderers} report={report} />);
}

void main();
