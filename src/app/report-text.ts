/**
 * The report's text, both ways: write the section "Các chỉ tiêu chủ yếu" from the analysed table,
 * and check a draft of the report against the table. Shared by `chitieu van-ban`, `chitieu doi-chieu`
 * and the task pane. Reading a .docx and writing one are injected (adapters), never imported here.
 */
import { valueAt } from "../core/sheet/grid";
import type { Grid } from "../core/sheet/grid";
import type { IndicatorTable } from "../core/model";
import type { PresetName } from "../core/layout";
import { writeReportSection, sectionText, sectionHtml, type OutlookHooks, type ReportSection } from "../core/report/writer";
import { reportStyle, type ReportStyle } from "../core/report/style";
import { draftFromText, type Draft } from "../core/report/draft";
import { reconcile, type Reconciliation } from "../core/report/reconcile";
import type { Analysis } from "./analyse";
import { AppError } from "./errors";
import { platformTextDecoder } from "../core/text/decoder";

/** The text of a sheet cell as the user typed it (strings only; numbers are formatted by the writer). */
export function typedCellText(grid: Grid): (address: string) => string | undefined {
  return (address) => {
    const v = valueAt(grid, address);
    return typeof v === "string" && v.trim() ? v : undefined;
  };
}

export interface ReportTextOptions {
  levels?: 2 | 3;
  /** the section's number (default "1") */
  sectionNumber?: string;
  title?: string | null;
  targetLabel?: string;
  /** the outlook's wording (mid-term reports): injected when the outlook exists */
  outlook?: OutlookHooks;
}

/** Write the section from an analysis. Mid-term reports (sơ kết) take the outlook's wording when given. */
export function reportSection(a: Analysis & { table: IndicatorTable }, opts: ReportTextOptions = {}): ReportSection {
  const midTerm = a.table.info?.reportType !== "chinh-tri";
  return writeReportSection(a.table, {
    vocabulary: a.vocabulary,
    levels: opts.levels,
    findings: a.findings,
    sectionNumber: opts.sectionNumber,
    title: opts.title,
    targetLabel: opts.targetLabel,
    cellText: typedCellText(a.grid),
    outlook: midTerm ? opts.outlook : undefined,
  });
}

export { sectionText, sectionHtml, reportStyle };
export type { ReportSection, ReportStyle };

/** Renders the section to a .docx (src/adapters/docx/report-docx.ts), injected into the pane. */
export type ReportDocxRenderer = (section: ReportSection, style?: ReportStyle) => Promise<Uint8Array>;
/** Reads a .docx draft (src/adapters/docx/read-docx.ts), injected into the pane. */
export type DocxDraftReader = (bytes: Uint8Array | ArrayBuffer, name: string) => Promise<Draft>;

export interface ReportIo {
  renderDocx: () => Promise<ReportDocxRenderer>;
  readDocx: () => Promise<DocxDraftReader>;
}

/** A draft from a file: .txt/.md as plain text (UTF-8), anything else as .docx. Unusable files: AppError. */
export async function draftFromFile(bytes: Uint8Array | ArrayBuffer, name: string, readDocx: DocxDraftReader): Promise<Draft> {
  if (/\.(txt|md|text)$/i.test(name)) {
    let text: string;
    try {
      const decoder = platformTextDecoder("utf-8", { fatal: true });
      if (!decoder) throw new Error("no TextDecoder");
      text = decoder.decode(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
    } catch {
      throw new AppError("unreadable_draft", `Tệp "${name}" không phải văn bản UTF-8.`);
    }
    const d = draftFromText(text, name);
    if (!d.paragraphs.length) throw new AppError("unreadable_draft", `Tệp "${name}" không có đoạn văn nào để đối chiếu.`);
    return d;
  }
  if (!/\.docx$/i.test(name)) throw new AppError("unreadable_draft", `Tệp "${name}" không phải .docx hay .txt.`);
  try {
    return await readDocx(bytes, name);
  } catch (e) {
    throw new AppError("unreadable_draft", e instanceof Error ? e.message : String(e));
  }
}

/** Reconcile a draft with the analysed table. */
export function reconcileDraft(a: Analysis & { table: IndicatorTable }, draft: Draft): Reconciliation {
  return reconcile(draft, a.table, { cellText: typedCellText(a.grid) });
}

/** What `chitieu doi-chieu --json` prints. */
export interface ReconcileReport {
  draft: string;
  sheet: string;
  mentions: Array<{ paragraph: number; place: string; excerpt: string; row: number; tt: string; name: string }>;
  findings: Array<{ code: string; paragraph: number; place: string; excerpt: string; row: number | null; cell?: string; message: string }>;
  not_in_table: Array<{ paragraph: number; place: string; excerpt: string }>;
  not_in_text: Array<{ row: number; tt: string; name: string }>;
}

export function reconcileReport(r: Reconciliation, draft: Draft, sheet: string): ReconcileReport {
  return {
    draft: draft.name,
    sheet,
    mentions: r.mentions.map((m) => ({ paragraph: m.paragraph, place: m.place, excerpt: m.excerpt, row: m.row, tt: m.tt, name: m.name })),
    findings: r.findings.map((f) => ({ code: f.code, paragraph: f.paragraph, place: f.place, excerpt: f.excerpt, row: f.row, ...(f.cell ? { cell: f.cell } : {}), message: f.message })),
    not_in_table: r.notInTable,
    not_in_text: r.notInText,
  };
}

export type { PresetName };
