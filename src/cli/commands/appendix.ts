/**
 * chitieu appendix FILE.xlsx -o OUT.xlsx [--docx OUT.docx] [--layout dang-2026|dang-2018|nha-nuoc]
 *   [--vocabulary dat|hoan-thanh] [--title TEXT] [--kem-theo TEXT] [--portrait] [--force]
 * The appendix "Kết quả thực hiện các chỉ tiêu chủ yếu" in the official layout, from an indicator
 * workbook. Report information comes from the sheet "Thông tin" when there is one; flags override it.
 * Outputs that exist are never replaced without --force (exit 2).
 */
import { parseVocabulary } from "../../core/evaluation/evaluate";
import { parseDateText } from "../../core/sheet/info";
import { buildAppendixLayout, LayoutError, parsePreset, type AppendixLayout, type AppendixOptions } from "../../core/layout";
import type { IndicatorTable, ReportInfo } from "../../core/model";
import { countStatuses } from "../../core/checks/checks";
import type { Grid } from "../../core/sheet/grid";
import { renderAppendixDocx } from "../../adapters/docx/appendix-docx";
import { loadWorkbookForCli } from "../workbook";
import { renderAppendixXlsx } from "../../adapters/xlsx/appendix-xlsx";
import { CliError, parseArgs, type Io } from "../io";
import { checkAppendixSize, checkOutputs, writeOutputs } from "../output";
import { checkGrids, type CheckReport } from "./check";

export const summary = "Lập phụ lục \"Kết quả thực hiện các chỉ tiêu chủ yếu\" theo thể thức chính thức (.xlsx, .docx).";
export const usage =
  "chitieu appendix TỆP.xlsx -o RA.xlsx [--docx RA.docx] [--layout dang-2026|dang-2018|nha-nuoc] [--vocabulary dat|hoan-thanh] [--levels 2|3] " +
  "[--title TIÊU_ĐỀ] [--kem-theo \"(Kèm theo ...)\"] [--so-bao-cao SỐ] [--ngay-bao-cao NGÀY] [--co-quan \"Thành ủy\"] [--portrait] " +
  "[--baseline] [--years] [--note] [--signature] [--target-title \"Chỉ tiêu Nghị quyết ĐH VI\"] [--status-title \"So sánh NQ ĐH VI\"] [--sheet TÊN_TRANG] [--force]";

const SWITCHES = ["force", "portrait", "baseline", "years", "note", "signature", "party-header"];

export interface AppendixResult {
  table: IndicatorTable;
  info: ReportInfo;
  layout: AppendixLayout;
  report: CheckReport;
}

/** Build the appendix layout from a workbook's grids: read and evaluate the table, then lay it out. */
export function appendixFromGrids(grids: Grid[], options: AppendixOptions, infoOverrides: ReportInfo = {}, sheet?: string, guard?: (table: IndicatorTable) => void): AppendixResult & { recognised: ReturnType<typeof checkGrids>["recognised"] } {
  const { report, recognised, table } = checkGrids(grids, sheet);
  guard?.(table); // e.g. refuse a table too big to lay out and write, before any of that work
  const info: ReportInfo = { ...(table.info ?? {}), ...stripUndefined(infoOverrides) };
  let layout: AppendixLayout;
  try {
    layout = buildAppendixLayout(table, info, options);
  } catch (e) {
    if (e instanceof LayoutError) throw new CliError(e.message, 2);
    throw e;
  }
  return { table, info, layout, report, recognised };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as Partial<T>;
}

const str = (v: string | true | undefined, name: string): string | undefined => {
  if (v === undefined) return undefined;
  if (v === true) throw new CliError(`Tùy chọn --${name} cần một giá trị.`);
  return v;
};

/** Options from flags; bad values give a Vietnamese message naming the flag. */
export function optionsFromFlags(flags: Record<string, string | true>): { options: AppendixOptions; info: ReportInfo } {
  const options: AppendixOptions = {};
  const layout = str(flags.layout, "layout");
  if (layout !== undefined) {
    const p = parsePreset(layout);
    if (!p) throw new CliError(`--layout "${layout}" không có. Chọn một trong: dang-2026, dang-2018, nha-nuoc.`);
    options.preset = p;
  }
  const voc = str(flags.vocabulary, "vocabulary");
  if (voc !== undefined) {
    const v = parseVocabulary(voc);
    if (!v) throw new CliError(`--vocabulary "${voc}" không có. Chọn "dat" (Đạt/Chưa đạt) hoặc "hoan-thanh" (Hoàn thành/Chưa hoàn thành).`);
    options.vocabulary = v;
  }
  const levels = str(flags.levels, "levels");
  if (levels !== undefined) {
    if (levels !== "2" && levels !== "3") throw new CliError(`--levels phải là 2 (Đạt/Chưa đạt) hoặc 3 (Vượt/Đạt/Chưa đạt), nhận được "${levels}".`);
    options.levels = levels === "2" ? 2 : 3;
  }
  const title = str(flags.title, "title");
  if (title !== undefined) options.title = title;
  const kemTheo = str(flags["kem-theo"], "kem-theo");
  if (kemTheo !== undefined) options.kemTheo = kemTheo;
  if (flags.portrait) options.orientation = "portrait";
  if (flags.baseline || flags.years || flags.note) options.columns = { baseline: !!flags.baseline, years: !!flags.years, note: !!flags.note };
  if (flags.signature) options.signature = true;
  const titles: NonNullable<AppendixOptions["columnTitles"]> = {};
  for (const [flag, key] of [["target-title", "target"], ["actual-title", "actual"], ["status-title", "status"], ["name-title", "name"]] as const) {
    const v = str(flags[flag], flag);
    if (v !== undefined) {
      if (!v.trim()) throw new CliError(`--${flag} không được để trống.`);
      titles[key] = v.trim();
    }
  }
  if (Object.keys(titles).length) options.columnTitles = titles;
  if (flags["party-header"]) options.partyHeader = true;
  const info: ReportInfo = {};
  const number = str(flags["so-bao-cao"], "so-bao-cao");
  if (number !== undefined) info.reportNumber = number.trim();
  const date = str(flags["ngay-bao-cao"], "ngay-bao-cao");
  if (date !== undefined) {
    const iso = parseDateText(date);
    if (!iso) throw new CliError(`--ngay-bao-cao "${date}" không phải ngày (ví dụ 25/5/2023).`);
    info.reportDate = iso;
  }
  const issuer = str(flags["co-quan"], "co-quan");
  if (issuer !== undefined) info.issuerShort = issuer.trim();
  return { options, info };
}

/** Write one file, never replacing one unless `force` (exit 2 with a Vietnamese message otherwise). */
export function writeOutput(path: string, bytes: Uint8Array | string, force: boolean): void {
  writeOutputs([{ path, data: bytes }], { force });
}

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, SWITCHES, { o: "output", out: "output" });
  const file = args.positional[0];
  if (!file) throw new CliError(`Thiếu tệp chỉ tiêu. Cách dùng: ${usage}`);
  if (args.positional.length > 1) throw new CliError(`Chỉ một tệp vào mỗi lần, nhận được ${args.positional.length}: ${args.positional.join(", ")}.`);
  const xlsxOut = str(args.flags.output, "o");
  const docxOut = str(args.flags.docx, "docx");
  if (!xlsxOut && !docxOut) throw new CliError(`Thiếu tệp ra: dùng -o RA.xlsx và/hoặc --docx RA.docx. Cách dùng: ${usage}`);
  if (xlsxOut && !/\.xlsx$/i.test(xlsxOut)) throw new CliError(`Tệp ra -o phải có đuôi .xlsx: "${xlsxOut}".`);
  if (docxOut && !/\.docx$/i.test(docxOut)) throw new CliError(`Tệp ra --docx phải có đuôi .docx: "${docxOut}".`);
  const force = !!args.flags.force;
  const outputs = [xlsxOut, docxOut].filter((x): x is string => !!x);
  // refuse before doing any work: an output that is the input, exists, or has no folder to go to
  checkOutputs(outputs, { inputs: [file], force });
  const { options, info } = optionsFromFlags(args.flags);
  const grids = await loadWorkbookForCli(file);
  const sheet = str(args.flags.sheet, "sheet");
  const { layout, report, table } = appendixFromGrids(grids, options, info, sheet, (t) => checkAppendixSize(t.rows.length, [...(xlsxOut ? ["xlsx" as const] : []), ...(docxOut ? ["docx" as const] : [])]));
  const pending: Array<{ path: string; data: Uint8Array }> = [];
  if (xlsxOut) pending.push({ path: xlsxOut, data: await renderAppendixXlsx(layout) });
  if (docxOut) pending.push({ path: docxOut, data: await renderAppendixDocx(layout) });
  writeOutputs(pending, { inputs: [file], force });
  const written = pending.map((p) => p.path);
  const n = layout.rows.filter((r) => r.kind === "indicator" || r.kind === "sub").length;
  io.out(`Đã lập ${layout.appendixLabel || "phụ lục"} (${layout.presetLabel}, ${layout.page.orientation === "landscape" ? "giấy ngang" : "giấy dọc"}): ${n} chỉ tiêu từ trang "${report.sheet}".`);
  io.out(`Kết quả: ${countStatuses(table, { vocabulary: layout.vocabulary }).summary}.`);
  for (const w of layout.warnings) io.out(`Lưu ý: ${w}`);
  io.out(`Đã ghi: ${written.join(", ")}`);
  return 0;
}
