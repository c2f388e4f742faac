/**
 * Consolidate many units' workbooks (docs/tong-hop.md), shared by `chitieu tong-hop`, the pane's
 * "Tổng hợp" view and the bench. Each unit is read by the same use case as `check`
 * (requireTable), reduced to a small extract, and dropped before the next one is opened: memory
 * stays flat per file. A file that cannot be read, or holds no table, is listed with a Vietnamese
 * reason and the others still consolidate. Progress is told as counts after each file; a caller
 * can stop between files (the pane's "Dừng", Ctrl+C in the CLI). The extracts are kept in the
 * result, so rules chosen afterwards consolidate again without reading any file.
 */
import { requireTable, type SheetSource } from "./analyse";
import { AppError } from "./errors";
import { consolidate, type Consolidation, type RuleRequest } from "../core/consolidate/consolidate";
import { extractMemo, extractUnit, isFailure, type ExtractMemo, type UnitInput } from "../core/consolidate/extract";
import type { Vocabulary } from "../core/evaluation/evaluate";
import type { ReportInfo } from "../core/model";
import { withTextMemo } from "../core/text/memo";

/** One unit's workbook: its file name and how to open it (opened only when its turn comes). */
export interface UnitSource {
  file: string;
  open(): Promise<SheetSource>;
}

/** What a caller sets to stop the work between two files (an AbortSignal is one). */
export interface StopSignal {
  readonly aborted: boolean;
}

export interface ConsolidateRunOptions {
  /** the consolidated unit's name ("Tỉnh X") */
  title?: string;
  vocabulary?: Vocabulary;
  /** rules chosen once per indicator (the pane's list, --cach) */
  rules?: RuleRequest[];
  /** called after each file with the count read so far ("đã đọc 12/150 tệp") */
  onProgress?: (done: number, total: number, file: string) => void;
  /** checked before each file: set, the work stops with a `cancelled` error and nothing is made */
  signal?: StopSignal;
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

/** Read one unit: its extract, or why it could not be used. `memo`: work shared with the other units of the run. */
export async function readUnit(src: UnitSource, vocabulary?: Vocabulary, memo?: ExtractMemo): Promise<{ input: UnitInput; info?: ReportInfo }> {
  const fallback = unitNameFromFile(src.file);
  try {
    const source = await src.open();
    // figures only: no findings, no copy of the cells as typed, no cell addresses (the extract keeps none of them)
    const a = await requireTable(source, { vocabulary, checks: false, texts: false, addresses: false });
    const unit = a.info?.unit?.trim() || fallback;
    return { input: extractUnit(unit, src.file, a.table, a.grid, memo), info: a.info };
  } catch (e) {
    return { input: { unit: fallback, file: src.file, error: messageOf(e) } };
  }
}

export interface ConsolidateRun {
  consolidation: Consolidation;
  /** the report information of the first readable unit (term, congress), for the output's "Thông tin" */
  info: ReportInfo;
  /** the units' extracts, to consolidate again with other rules (reconsolidate) */
  inputs: UnitInput[];
}

/** The message of a run stopped by its caller, with the count read. */
function cancelledError(done: number, total: number): AppError {
  return new AppError("cancelled", `Đã dừng tổng hợp theo yêu cầu sau khi đọc ${done}/${total} tệp; chưa tạo kết quả nào.`);
}

/** Read every unit one after the other and consolidate them. */
export async function consolidateUnits(sources: UnitSource[], opts: ConsolidateRunOptions = {}): Promise<ConsolidateRun> {
  if (sources.length === 0) throw new AppError("bad_input", "Chưa có tệp nào để tổng hợp.", "Chọn các tệp .xlsx hoặc .ods của các đơn vị.");
  const inputs: UnitInput[] = [];
  const memo = extractMemo();
  let info: ReportInfo | undefined;
  // the units share a template: each distinct text is folded once for all of them (core/text/memo.ts)
  await withTextMemo(async () => {
    for (let i = 0; i < sources.length; i++) {
      if (opts.signal?.aborted) throw cancelledError(i, sources.length);
      const r = await readUnit(sources[i], opts.vocabulary, memo);
      inputs.push(r.input);
      if (!info && r.info && !isFailure(r.input)) info = r.info;
      opts.onProgress?.(i + 1, sources.length, sources[i].file);
    }
  });
  if (opts.signal?.aborted) throw cancelledError(sources.length, sources.length);
  if (inputs.every(isFailure)) {
    const list = inputs.map((u) => `- ${u.file}: ${isFailure(u) ? u.error : ""}`).join("\n");
    throw new AppError("no_table", `Không tệp nào dùng được để tổng hợp:\n${list}`, "Kiểm tra lại các tệp (mỗi tệp cần một bảng chỉ tiêu theo mẫu) rồi thử lại.");
  }
  return { ...reconsolidate(inputs, opts), info: runInfo(info, opts.title) };
}

/** Consolidate extracts already read, with other rules or another title: no file is read again. */
export function reconsolidate(inputs: UnitInput[], opts: Pick<ConsolidateRunOptions, "title" | "vocabulary" | "rules"> = {}): { consolidation: Consolidation; inputs: UnitInput[] } {
  return { consolidation: consolidate(inputs, { title: opts.title, vocabulary: opts.vocabulary, rules: opts.rules }), inputs };
}

/** The output's "Thông tin": the first readable unit's term, congress and report, under the consolidated unit's name. */
function runInfo(info: ReportInfo | undefined, title?: string): ReportInfo {
  const base: ReportInfo = {};
  if (info?.termStart) {
    base.termStart = info.termStart;
    base.termEnd = info.termEnd;
  }
  if (info?.congress) base.congress = info.congress;
  if (info?.reportType) base.reportType = info.reportType;
  if (info?.evaluationYear) base.evaluationYear = info.evaluationYear;
  if (title) base.unit = title;
  return base;
}
