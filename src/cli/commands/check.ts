/** chitieu check FILE.xlsx [--sheet NAME] [--json]: read an indicator sheet, evaluate it, report what is wrong. */
import { SEVERITY_LABELS } from "../../core/checks/checks";
import type { Grid } from "../../core/sheet/grid";
import { parseVocabulary, statusLabel, type Status, type Vocabulary } from "../../core/evaluation/evaluate";
import { describeRole, type RecognisedColumn } from "../../core/sheet/reader";
import { checkReport, gridSource, requireTable, type CheckReport } from "../../app/analyse";
import { AppError } from "../../app/errors";
import { loadWorkbookForCli } from "../workbook";
import { computeOutlook, outlookLines, parseTermText, parseYearText, withOutlook, type OutlookOptions, type TableOutlook } from "../../app/outlook";
import { CliError, parseArgs, type Io } from "../io";
import { COMMAND_TEXTS } from "../command-texts";

export const { summary, usage } = COMMAND_TEXTS["check"];

/** The app's analysis of a workbook read by the CLI; a workbook without a table is exit 2 with the app's message. */
export async function analyseForCli(grids: Grid[], opts: { sheet?: string; vocabulary?: Vocabulary } = {}): Promise<{ analysis: Awaited<ReturnType<typeof requireTable>>; report: CheckReport }> {
  try {
    const analysis = await requireTable(gridSource(grids), opts);
    return { analysis, report: checkReport(analysis) };
  } catch (e) {
    if (e instanceof AppError) throw new CliError(e.message, 2);
    throw e;
  }
}

/** --nhiem-ky 2020-2025 and --nam 2023 (the outlook's term and report year; override the "Thông tin" sheet). */
export function outlookOptionsFromFlags(flags: Record<string, string | true>): OutlookOptions {
  const opts: OutlookOptions = {};
  const term = flags["nhiem-ky"];
  if (term !== undefined) {
    const t = term === true ? null : parseTermText(term);
    if (!t) throw new CliError(`--nhiem-ky cần hai năm đầu và cuối nhiệm kỳ, ví dụ --nhiem-ky 2020-2025 (nhận được "${term === true ? "" : term}").`);
    Object.assign(opts, t);
  }
  const year = flags.nam;
  if (year !== undefined) {
    const y = year === true ? null : parseYearText(year);
    if (y === null) throw new CliError(`--nam cần năm báo cáo, ví dụ --nam 2023 (nhận được "${year === true ? "" : year}").`);
    opts.reportYear = y;
  }
  return opts;
}

export function formatText(report: CheckReport, recognised: RecognisedColumn[], vocabulary: Vocabulary = "dat", outlook?: TableOutlook | null): string {
  const lines: string[] = [];
  lines.push(`Trang "${report.sheet}": ${report.indicators.length} chỉ tiêu, ${report.groups.length} nhóm.`);
  lines.push("Các cột nhận ra:");
  for (const r of recognised) lines.push(`  ${r.column.padEnd(3)} ${describeRole(r.role).padEnd(20)} (tiêu đề "${r.header}")`);
  lines.push("");
  lines.push(`Kết quả: ${report.counts.summary}.`);
  const c = report.counts;
  const l = (s: Status) => statusLabel(s, { vocabulary });
  lines.push(`  ${l("exceeded")}: ${c.exceeded}; ${l("met")}: ${c.met}; ${l("near")}: ${c.near}; ${l("not_met")}: ${c.not_met}; ${l("not_evaluable")}: ${c.not_evaluable}.`);
  lines.push("");
  if (report.findings.length === 0) lines.push("Không phát hiện vấn đề nào.");
  else {
    const errors = report.findings.filter((f) => f.severity === "error").length;
    const warnings = report.findings.filter((f) => f.severity === "warning").length;
    lines.push(`Phát hiện ${report.findings.length} vấn đề (${errors} lỗi, ${warnings} cảnh báo):`);
    for (const f of report.findings) lines.push(`  [${SEVERITY_LABELS[f.severity]}] ${f.message} (${f.code})`);
  }
  if (outlook !== undefined) lines.push("", ...outlookLines(outlook));
  return lines.join("\n");
}

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ["json"]);
  const file = args.positional[0];
  if (!file) throw new CliError(`Thiếu tên tệp. Cách dùng: ${usage}`);
  if (args.positional.length > 1) throw new CliError(`Chỉ kiểm tra một tệp mỗi lần. Cách dùng: ${usage}`);
  const sheet = typeof args.flags.sheet === "string" ? args.flags.sheet : undefined;
  let vocabulary: Vocabulary | undefined;
  if (args.flags.vocabulary !== undefined) {
    vocabulary = parseVocabulary(args.flags.vocabulary) ?? undefined;
    if (!vocabulary) throw new CliError('--vocabulary phải là "dat" (Đạt/Chưa đạt) hoặc "hoan-thanh" (Hoàn thành/Chưa hoàn thành).');
  }
  const outlookOpts = outlookOptionsFromFlags(args.flags);
  const grids = await loadWorkbookForCli(file);
  const { analysis, report } = await analyseForCli(grids, { sheet, vocabulary });
  const { recognised, vocabulary: used } = analysis;
  const outlook = computeOutlook(analysis, outlookOpts);
  if (args.flags.json) io.out(JSON.stringify(withOutlook(report, outlook), null, 2));
  else io.out(formatText(report, recognised, used, outlook));
  return report.findings.some((f) => f.severity === "error") ? 1 : 0;
}
