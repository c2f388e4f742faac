/**
 * chitieu appendix FILE.xlsx -o OUT.xlsx [--docx OUT.docx] [--layout dang-2026|dang-2018|nha-nuoc]
 *   [--vocabulary dat|hoan-thanh] [--title TEXT] [--kem-theo TEXT] [--portrait] [--force]
 * The appendix "Kết quả thực hiện các chỉ tiêu chủ yếu" in the official layout, from an indicator
 * workbook. Report information comes from the sheet "Thông tin" when there is one; flags override it.
 * Outputs that exist are never replaced without --force (exit 2).
 */
import { existsSync, realpathSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseVocabulary } from "../../core/evaluation/evaluate";
import { parseDateText } from "../../core/sheet/info";
import { parsePreset, type AppendixOptions } from "../../core/layout";
import type { ReportInfo } from "../../core/model";
import { countStatuses } from "../../core/checks/checks";
import { renderAppendixDocx } from "../../adapters/docx/appendix-docx";
import { loadWorkbookForCli } from "../workbook";
import { renderAppendixXlsx } from "../../adapters/xlsx/appendix-xlsx";
import { CliError, parseArgs, type Io } from "../io";
import { layoutAppendix } from "../../app/appendix";
import { analyseForCli, outlookOptionsFromFlags } from "./check";
import { computeOutlook, outlookCharts, outlookColumn } from "../../app/outlook";
import { addChartsToDocx } from "../../adapters/charts/docx-charts";
import { addChartsToXlsx } from "../../adapters/charts/xlsx-charts";

export const summary = "Lập phụ lục \"Kết quả thực hiện các chỉ tiêu chủ yếu\" theo thể thức chính thức (.xlsx, .docx).";
export const usage =
  "chitieu appendix TỆP.xlsx -o RA.xlsx [--docx RA.docx] [--layout dang-2026|dang-2018|nha-nuoc] [--vocabulary dat|hoan-thanh] [--levels 2|3] " +
  "[--title TIÊU_ĐỀ] [--kem-theo \"(Kèm theo ...)\"] [--so-bao-cao SỐ] [--ngay-bao-cao NGÀY] [--co-quan \"Thành ủy\"] [--portrait] " +
  "[--baseline] [--years] [--note] [--signature] [--kha-nang] [--bieu-do] [--bieu-do-dong 5,36] [--nhiem-ky 2020-2025] [--nam 2023] [--target-title \"Chỉ tiêu Nghị quyết ĐH VI\"] [--status-title \"So sánh NQ ĐH VI\"] [--sheet TÊN_TRANG] [--force]";

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

/** --bieu-do-dong 5,36: the sheet rows of the indicators to chart. */
function chartRowsFromFlag(v: string | true | undefined): number[] | undefined {
  if (v === undefined) return undefined;
  const parts = v === true ? [] : v.split(/[,;\s]+/).filter(Boolean);
  const rows = parts.map(Number);
  if (!rows.length || rows.some((n) => !Number.isInteger(n) || n < 1)) throw new CliError(`--bieu-do-dong cần số dòng của các chỉ tiêu, ví dụ --bieu-do-dong 5,36 (nhận được "${v === true ? "" : v}").`);
  return rows;
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/** Write a file, never replacing one unless `force`; exit 2 with a Vietnamese message otherwise. */
export function writeOutput(path: string, bytes: Uint8Array | string, force: boolean): void {
  if (!force && existsSync(path)) throw new CliError(`Tệp "${path}" đã có. Dùng --force để ghi đè.`, 2);
  try {
    writeFileSync(path, bytes, { flag: force ? "w" : "wx" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new CliError(`Tệp "${path}" đã có. Dùng --force để ghi đè.`, 2);
    throw new CliError(`Không ghi được tệp "${path}": ${e instanceof Error ? e.message : String(e)}`, 2);
  }
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
  for (const out of [xlsxOut, docxOut]) {
    if (out && existsSync(file) && samePath(out, file)) throw new CliError(`Tệp ra "${out}" trùng với tệp vào: không ghi đè tệp chỉ tiêu. Hãy chọn tên khác.`, 2);
  }
  const force = !!args.flags.force;
  // refuse before doing any work when an output exists
  for (const out of [xlsxOut, docxOut]) if (out && !force && existsSync(out)) throw new CliError(`Tệp "${out}" đã có. Dùng --force để ghi đè.`, 2);
  const { options, info } = optionsFromFlags(args.flags);
  const outlookOpts = outlookOptionsFromFlags(args.flags);
  const chartRows = chartRowsFromFlag(args.flags["bieu-do-dong"]);
  const grids = await loadWorkbookForCli(file);
  const sheet = str(args.flags.sheet, "sheet");
  const { analysis, report } = await analyseForCli(grids, { sheet });
  const table = analysis.table;
  const wantsOutlook = !!args.flags["kha-nang"] || !!args.flags["bieu-do"] || chartRows !== undefined;
  const outlook = wantsOutlook ? computeOutlook(analysis, outlookOpts) : null;
  if (wantsOutlook && !outlook) throw new CliError("Không tính được khả năng đạt: thiếu nhiệm kỳ hoặc năm báo cáo. Thêm --nhiem-ky 2020-2025 --nam 2023, hoặc điền trang Thông tin.", 2);
  if (args.flags["kha-nang"] && outlook) options.outlook = outlookColumn(outlook);
  const charts = args.flags["bieu-do"] || chartRows ? outlookCharts(outlook, chartRows) : [];
  const layout = layoutAppendix(table, analysis.info, options, info);
  const written: string[] = [];
  if (xlsxOut) {
    writeOutput(xlsxOut, (await addChartsToXlsx(await renderAppendixXlsx(layout), charts)).bytes, force);
    written.push(xlsxOut);
  }
  if (docxOut) {
    writeOutput(docxOut, await addChartsToDocx(await renderAppendixDocx(layout), charts), force);
    written.push(docxOut);
  }
  if (outlook) io.out(`Khả năng đạt đến cuối nhiệm kỳ: ${outlook.summary}.`);
  if (args.flags["bieu-do"] || chartRows) io.out(charts.length ? `Biểu đồ: ${charts.length} chỉ tiêu có số liệu từng năm.` : "Biểu đồ: không chỉ tiêu nào có số liệu từng năm, không vẽ biểu đồ.");
  const n = layout.rows.filter((r) => r.kind === "indicator" || r.kind === "sub").length;
  io.out(`Đã lập ${layout.appendixLabel || "phụ lục"} (${layout.presetLabel}, ${layout.page.orientation === "landscape" ? "giấy ngang" : "giấy dọc"}): ${n} chỉ tiêu từ trang "${report.sheet}".`);
  io.out(`Kết quả: ${countStatuses(table, { vocabulary: layout.vocabulary }).summary}.`);
  for (const w of layout.warnings) io.out(`Lưu ý: ${w}`);
  io.out(`Đã ghi: ${written.join(", ")}`);
  return 0;
}
