/** chitieu check FILE.xlsx [--sheet NAME] [--json]: read an indicator sheet, evaluate it, report what is wrong. */
import { checkTable, countStatuses, SEVERITY_LABELS, type Finding, type StatusCounts } from "../../core/checks/checks";
import { columnIndex, parseAddress, type Grid } from "../../core/sheet/grid";
import { evaluateTable } from "../../core/evaluation/evaluate-table";
import { detectStatusStyle } from "../../core/evaluation/vocabulary";
import { parseVocabulary, statusLabel, type Status, type Vocabulary } from "../../core/evaluation/evaluate";
import { readReportInfo, termYears } from "../../core/sheet/info";
import { foldText } from "../../core/text/numbers";
import { cellText, describeRole, readIndicatorTable, type RecognisedColumn } from "../../core/sheet/reader";
import type { IndicatorTable, ReportInfo } from "../../core/model";
import { loadWorkbookForCli } from "../workbook";
import { CliError, parseArgs, type Io } from "../io";

export const summary = "Kiểm tra bảng chỉ tiêu trong tệp Excel: đọc, đánh giá, chỉ ra chỗ sai.";
export const usage =
  "chitieu check TỆP.xlsx [--sheet TÊN_TRANG] [--json] [--vocabulary dat|hoan-thanh]   (mã thoát: 0 không có lỗi, 1 có lỗi, 2 không dùng được tệp)";

export interface CheckReport {
  sheet: string;
  mapping: Record<string, string>;
  indicators: Array<{
    row: number;
    tt: string;
    name: string;
    unit: string;
    target: string;
    actual: unknown;
    reported: string | null;
    status: string;
    label: string;
    direction: string;
  }>;
  groups: Array<{ row: number; tt: string; name: string }>;
  findings: Finding[];
  counts: StatusCounts;
}

const INFO_NAMES = ["thong tin", "thongtin", "info"];

/** Find the info sheet, if any. */
export function findInfo(grids: Grid[]): ReportInfo | undefined {
  const g = grids.find((x) => INFO_NAMES.includes(foldText(x.sheet)));
  return g ? readReportInfo(g) : undefined;
}

/** Check the grids of a workbook: the named sheet, or the first sheet holding an indicator table. */
export function checkGrids(grids: Grid[], sheet?: string, opts: { vocabulary?: Vocabulary } = {}): { report: CheckReport; recognised: RecognisedColumn[]; table: IndicatorTable; vocabulary: Vocabulary } {
  const info = findInfo(grids);
  const years = info?.termStart ? termYears(info) : undefined;
  let candidates = grids;
  if (sheet) {
    const g = grids.find((x) => x.sheet === sheet) ?? grids.find((x) => foldText(x.sheet) === foldText(sheet));
    if (!g) throw new CliError(`Không có trang "${sheet}". Các trang trong tệp: ${grids.map((x) => `"${x.sheet}"`).join(", ")}.`);
    candidates = [g];
  } else {
    // "Chỉ tiêu" first, the info sheet last
    candidates = [...grids].sort((a, b) => rank(a) - rank(b));
  }
  let firstError: string | undefined;
  for (const g of candidates) {
    const res = readIndicatorTable(g, { years });
    if (!res.ok) {
      firstError ??= res.error.message;
      continue;
    }
    const table = res.table;
    if (info) table.info = info;
    // the sheet's own status words and levels, unless a vocabulary is chosen
    const style = detectStatusStyle(table);
    const vocabulary = opts.vocabulary ?? style.vocabulary;
    evaluateTable(table, opts.vocabulary ? { vocabulary } : { vocabulary, levels: style.levels, words: style.words });
    const findings = checkTable(table, info);
    const counts = countStatuses(table, { vocabulary });
    const report: CheckReport = {
      sheet: g.sheet,
      mapping: table.mapping,
      indicators: [],
      groups: [],
      findings,
      counts,
    };
    const originRow = parseAddress(g.origin ?? "A1").row;
    const nameCol = columnIndex(table.mapping.name) - parseAddress(g.origin ?? "A1").col;
    for (const r of table.rows) {
      if (r.type === "group") {
        report.groups.push({ row: r.row, tt: r.tt, name: r.name });
        continue;
      }
      const e = r.evaluation!;
      const rawName = cellText(g.values[r.row - originRow]?.[nameCol]) || r.name;
      report.indicators.push({
        row: r.row,
        tt: r.tt,
        name: rawName.trim(),
        unit: r.unit,
        target: r.targetText,
        actual: r.actual ?? null,
        reported: r.reportedText ?? null,
        status: e.status,
        label: e.label,
        direction: e.direction,
      });
    }
    return { report, recognised: res.recognised, table, vocabulary };
  }
  const msg = sheet
    ? firstError ?? `Không tìm thấy bảng chỉ tiêu trên trang "${sheet}".`
    : `Không tìm thấy bảng chỉ tiêu trong tệp (đã xem ${grids.length} trang). Dòng tiêu đề cần có cột "Chỉ tiêu" và "Chỉ tiêu Nghị quyết" hoặc "Kết quả thực hiện".`;
  throw new CliError(msg, 2);
}

function rank(g: Grid): number {
  const f = foldText(g.sheet);
  if (f === "chi tieu") return 0;
  if (INFO_NAMES.includes(f)) return 2;
  return 1;
}

export function formatText(report: CheckReport, recognised: RecognisedColumn[], vocabulary: Vocabulary = "dat"): string {
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
  const grids = await loadWorkbookForCli(file);
  const { report, recognised, vocabulary: used } = checkGrids(grids, sheet, { vocabulary });
  if (args.flags.json) io.out(JSON.stringify(report, null, 2));
  else io.out(formatText(report, recognised, used));
  return report.findings.some((f) => f.severity === "error") ? 1 : 0;
}
