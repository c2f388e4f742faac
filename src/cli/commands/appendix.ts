/**
 * chitieu appendix FILE.xlsx -o OUT.xlsx [--docx OUT.docx] [--layout dang-2026|dang-2018|nha-nuoc]
 *   [--vocabulary dat|hoan-thanh] [--levels 2|3] [--title TEXT] [--kem-theo TEXT] [--cot-... TEXT]
 *   [--le-tren MM ...] [--portrait] [--force]
 * The appendix "Kết quả thực hiện các chỉ tiêu chủ yếu" in the official layout, from an indicator
 * workbook. By default it takes from the source sheet its column titles, status words and levels,
 * title and "Kèm theo" line, and every cell's text as typed; report information comes from the sheet
 * "Thông tin" when there is one. Flags override each. Outputs that exist are never replaced without
 * --force (exit 2).
 */
import { parseVocabulary } from "../../core/evaluation/evaluate";
import { parseDateText } from "../../core/sheet/info";
import {
  COLUMN_TITLE_OPTIONS,
  parsePreset,
  PRESET_NAMES,
  presetHelp,
  type AppendixLayout,
  type AppendixOptions,
  type Margins,
} from "../../core/layout";
import type { IndicatorTable, ReportInfo } from "../../core/model";
import { countStatuses } from "../../core/checks/checks";
import { renderAppendixDocx } from "../../adapters/docx/appendix-docx";
import { loadWorkbookForCli } from "../workbook";
import { renderAppendixXlsx } from "../../adapters/xlsx/appendix-xlsx";
import { CliError, parseArgs, type Io } from "../io";
import { appendixRowLimit, checkAppendixSize, checkOutputs, writeOutputs } from "../output";
import { layoutAppendix } from "../../app/appendix";
import { AppError } from "../../app/errors";
import { analyseForCli, outlookOptionsFromFlags } from "./check";
import { computeOutlook, outlookCharts, outlookColumn } from "../../app/outlook";
import { addChartsToDocx } from "../../adapters/charts/docx-charts";
import { addChartsToXlsx } from "../../adapters/charts/xlsx-charts";
import { COMMAND_TEXTS, MARGIN_FLAGS, lowerFirst } from "../command-texts";

export const { summary, usage } = COMMAND_TEXTS["appendix"];

/** Older English flags for the column titles, still accepted. */
const OLD_TITLE_FLAGS: Record<string, string> = { "target-title": "cot-chi-tieu", "actual-title": "cot-ket-qua", "status-title": "cot-danh-gia", "name-title": "cot-ten" };

const SWITCHES = ["force", "portrait", "baseline", "years", "note", "signature", "party-header", "kha-nang", "bieu-do"];

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
    if (!p) throw new CliError(`--layout "${layout}" không có. Chọn một trong: ${PRESET_NAMES.join(", ")} (${presetHelp()}).`);
    options.preset = p;
  }
  statusFlags(flags, options);
  const title = str(flags.title, "title");
  if (title !== undefined) options.title = title;
  const kemTheo = str(flags["kem-theo"], "kem-theo");
  if (kemTheo !== undefined) options.kemTheo = kemTheo;
  if (flags.portrait) options.orientation = "portrait";
  if (flags.baseline || flags.years || flags.note) options.columns = { baseline: !!flags.baseline, years: !!flags.years, note: !!flags.note };
  if (flags.signature) options.signature = true;
  titleFlags(flags, options);
  marginFlags(flags, options);
  if (flags["party-header"]) options.partyHeader = true;
  return { options, info: infoFlags(flags) };
}

function statusFlags(flags: Record<string, string | true>, options: AppendixOptions): void {
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
}

/** --cot-... flags (and the older --target-title ...): column titles, written as typed. */
function titleFlags(flags: Record<string, string | true>, options: AppendixOptions): void {
  const titles: NonNullable<AppendixOptions["columnTitles"]> = {};
  for (const [old, flag] of Object.entries(OLD_TITLE_FLAGS)) if (flags[old] !== undefined && flags[flag] === undefined) flags[flag] = flags[old];
  for (const o of COLUMN_TITLE_OPTIONS) {
    const v = str(flags[o.flag], o.flag);
    if (v === undefined) continue;
    if (!v.trim()) throw new CliError(`--${o.flag} (${lowerFirst(o.label)}) không được để trống.`);
    titles[o.key] = v;
  }
  if (Object.keys(titles).length) options.columnTitles = titles;
}

function marginFlags(flags: Record<string, string | true>, options: AppendixOptions): void {
  const margins: Partial<Margins> = {};
  for (const [flag, key] of MARGIN_FLAGS) {
    const v = str(flags[flag], flag);
    if (v === undefined) continue;
    const mm = Number(v.trim().replace(",", "."));
    if (!Number.isFinite(mm) || mm < 0 || mm > 60) throw new CliError(`--${flag} phải là số milimét từ 0 đến 60, nhận được "${v}".`);
    margins[key] = mm;
  }
  if (Object.keys(margins).length) options.marginsMm = margins;
}

function infoFlags(flags: Record<string, string | true>): ReportInfo {
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
  return info;
}

/** --bieu-do-dong 5,36: the sheet rows of the indicators to chart. */
function chartRowsFromFlag(v: string | true | undefined): number[] | undefined {
  if (v === undefined) return undefined;
  const parts = v === true ? [] : v.split(/[,;\s]+/).filter(Boolean);
  const rows = parts.map(Number);
  if (!rows.length || rows.some((n) => !Number.isInteger(n) || n < 1)) throw new CliError(`--bieu-do-dong cần số dòng của các chỉ tiêu, ví dụ --bieu-do-dong 5,36 (nhận được "${v === true ? "" : v}").`);
  return rows;
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
  const outlookOpts = outlookOptionsFromFlags(args.flags);
  const chartRows = chartRowsFromFlag(args.flags["bieu-do-dong"]);
  const sheet = str(args.flags.sheet, "sheet");
  const formats = [...(xlsxOut ? ["xlsx" as const] : []), ...(docxOut ? ["docx" as const] : [])];
  // a sheet far past the limit is refused while it is read
  const grids = await loadWorkbookForCli(file, appendixRowLimit(formats, sheet));
  const { analysis, report } = await analyseForCli(grids, { sheet });
  const table = analysis.table;
  // refuse a table too big to lay out and write, before any of that work
  checkAppendixSize(table.rows.length, formats);
  const wantsOutlook = !!args.flags["kha-nang"] || !!args.flags["bieu-do"] || chartRows !== undefined;
  const outlook = wantsOutlook ? computeOutlook(analysis, outlookOpts) : null;
  if (wantsOutlook && !outlook) throw new CliError("Không tính được khả năng đạt: thiếu nhiệm kỳ hoặc năm báo cáo. Thêm --nhiem-ky 2020-2025 --nam 2023, hoặc điền trang Thông tin.", 2);
  if (args.flags["kha-nang"] && outlook) options.outlook = outlookColumn(outlook);
  const charts = args.flags["bieu-do"] || chartRows ? outlookCharts(outlook, chartRows) : [];
  const layout = layoutForCli(table, analysis.info, options, info);
  const pending: Array<{ path: string; data: Uint8Array }> = [];
  if (xlsxOut) pending.push({ path: xlsxOut, data: (await addChartsToXlsx(await renderAppendixXlsx(layout), charts)).bytes });
  if (docxOut) pending.push({ path: docxOut, data: await addChartsToDocx(await renderAppendixDocx(layout), charts) });
  writeOutputs(pending, { inputs: [file], force });
  const written = pending.map((p) => p.path);
  if (outlook) io.out(`Khả năng đạt đến cuối nhiệm kỳ: ${outlook.summary}.`);
  if (args.flags["bieu-do"] || chartRows) io.out(charts.length ? `Biểu đồ: ${charts.length} chỉ tiêu có số liệu từng năm.` : "Biểu đồ: không chỉ tiêu nào có số liệu từng năm, không vẽ biểu đồ.");
  const n = layout.rows.filter((r) => r.kind === "indicator" || r.kind === "sub").length;
  io.out(`Đã lập ${layout.appendixLabel || "phụ lục"} (${layout.presetLabel}, ${layout.page.orientation === "landscape" ? "giấy ngang" : "giấy dọc"}): ${n} chỉ tiêu từ trang "${report.sheet}".`);
  io.out(`Kết quả: ${countStatuses(table, { vocabulary: layout.vocabulary }).summary}.`);
  const kept = layout.rows.filter((r) => r.statusFromSheet).length;
  if (kept) io.out(`Lưu ý: ${kept} chỉ tiêu không tự đánh giá được (thiếu chỉ tiêu hoặc kết quả): phụ lục giữ đánh giá ghi trong bảng.`);
  for (const w of layout.warnings) io.out(`Lưu ý: ${w}`);
  io.out(`Đã ghi: ${written.join(", ")}`);
  return 0;
}

/** The appendix layout for the CLI: the app's, with its errors as exit 2. */
export function layoutForCli(table: IndicatorTable, info: ReportInfo | undefined, options: AppendixOptions, overrides: ReportInfo = {}): AppendixLayout {
  try {
    return layoutAppendix(table, info, options, overrides);
  } catch (e) {
    if (e instanceof AppError) throw new CliError(e.message, 2);
    throw e;
  }
}
