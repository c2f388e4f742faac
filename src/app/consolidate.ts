/**
 * Consolidate many units' workbooks (docs/tong-hop.md), shared by `chitieu tong-hop`, the pane's
 * "Tổng hợp" view and the bench. Each unit is read by the same use case as `check`
 * (requireTable), reduced to a small extract, and dropped before the next one is opened: memory
 * stays flat per file. A file that cannot be read, or holds no table, is listed with a Vietnamese
 * reason and the others still consolidate.
 */
import { requireTable, type SheetSource } from "./analyse";
import { AppError } from "./errors";
import { consolidate, extractUnit, type Consolidation, type UnitInput } from "../core/consolidate/consolidate";
import type { Vocabulary } from "../core/evaluation/evaluate";
import type { ReportInfo } from "../core/model";

/** One unit's workbook: its file name and how to open it (opened only when its turn comes). */
export interface UnitSource {
  file: string;
  open(): Promise<SheetSource>;
}

export interface ConsolidateRunOptions {
  /** the consolidated unit's name ("Tỉnh X") */
  title?: string;
  vocabulary?: Vocabulary;
  /** called after each file, for a progress bar */
  onProgress?: (done: number, total: number, file: string) => void;
}

/** "thon-a.xlsx", "C:\\x\\Xã B.ods" → "thon-a", "Xã B" */
export function unitNameFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(xlsx|xlsm|ods)$/i, "").normalize("NFC").trim() || base;
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Read one unit: its extract, or why it could not be used. */
export async function readUnit(src: UnitSource, vocabulary?: Vocabulary): Promise<{ input: UnitInput; info?: ReportInfo }> {
  const fallback = unitNameFromFile(src.file);
  try {
    const source = await src.open();
    // figures only: no findings, no copy of the cells as typed (the extract keeps neither)
    const a = await requireTable(source, { vocabulary, checks: false, texts: false });
    const unit = a.info?.unit?.trim() || fallback;
    return { input: extractUnit(unit, src.file, a.table, a.grid), info: a.info };
  } catch (e) {
    return { input: { unit: fallback, file: src.file, error: messageOf(e) } };
  }
}

export interface ConsolidateRun {
  consolidation: Consolidation;
  /** the report information of the first readable unit (term, congress), for the output's "Thông tin" */
  info: ReportInfo;
}

/** Read every unit one after the other and consolidate them. */
export async function consolidateUnits(sources: UnitSource[], opts: ConsolidateRunOptions = {}): Promise<ConsolidateRun> {
  if (sources.length === 0) throw new AppError("bad_input", "Chưa có tệp nào để tổng hợp.", "Chọn các tệp .xlsx hoặc .ods của các đơn vị.");
  const inputs: UnitInput[] = [];
  let info: ReportInfo | undefined;
  for (let i = 0; i < sources.length; i++) {
    const r = await readUnit(sources[i], opts.vocabulary);
    inputs.push(r.input);
    if (!info && r.info && !("error" in r.input)) info = r.info;
    opts.onProgress?.(i + 1, sources.length, sources[i].file);
  }
  if (inputs.every((u) => "error" in u)) {
    const list = inputs.map((u) => `- ${u.file}: ${"error" in u ? u.error : ""}`).join("\n");
    throw new AppError("no_table", `Không tệp nào dùng được để tổng hợp:\n${list}`, "Kiểm tra lại các tệp (mỗi tệp cần một bảng chỉ tiêu theo mẫu) rồi thử lại.");
  }
  const consolidation = consolidate(inputs, { title: opts.title, vocabulary: opts.vocabulary });
  const base: ReportInfo = {};
  if (info?.termStart) {
    base.termStart = info.termStart;
    base.termEnd = info.termEnd;
  }
  if (info?.congress) base.congress = info.congress;
  if (info?.reportType) base.reportType = info.reportType;
  if (info?.evaluationYear) base.evaluationYear = info.evaluationYear;
  if (opts.title) base.unit = opts.title;
  return { consolidation, info: base };
}
