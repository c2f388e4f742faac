/**
 * chitieu doi-chieu BÁO-CÁO.docx|.txt BẢNG.xlsx [--json] [--sheet TÊN_TRANG]
 * Check a report draft against its table: each place where the text states a result, a target, a
 * growth or a fraction that disagrees with the table (or with itself). Exit 0: no disagreement;
 * 1: disagreements; 2: a file cannot be used.
 */
import { readFileSync } from "node:fs";
import { draftFromFile, reconcileDraft, reconcileReport } from "../../app/report-text";
import { AppError } from "../../app/errors";
import { RECONCILE_CODE_LABELS, type ReconcileCode } from "../../core/report/reconcile";
import { readDocxDraft } from "../../adapters/docx/read-docx";
import { loadWorkbookForCli } from "../workbook";
import { CliError, parseArgs, type Io } from "../io";
import { analyseForCli } from "./check";
import { COMMAND_TEXTS } from "../command-texts";

export const { summary, usage } = COMMAND_TEXTS["doi-chieu"];

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ["json"]);
  const [draftFile, tableFile] = args.positional;
  if (!draftFile || !tableFile) throw new CliError(`Cần hai tệp: bản báo cáo và bảng chỉ tiêu. Cách dùng: ${usage}`);
  if (args.positional.length > 2) throw new CliError(`Chỉ hai tệp mỗi lần, nhận được ${args.positional.length}. Cách dùng: ${usage}`);
  if (/\.(xlsx|xlsm|ods)$/i.test(draftFile) && /\.(docx|txt)$/i.test(tableFile)) throw new CliError(`Thứ tự tệp bị đảo: bản báo cáo trước, bảng chỉ tiêu sau. Cách dùng: ${usage}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(draftFile);
  } catch {
    throw new CliError(`Không tìm thấy hoặc không đọc được tệp "${draftFile}".`);
  }
  const grids = await loadWorkbookForCli(tableFile);
  const sheet = typeof args.flags.sheet === "string" ? args.flags.sheet : undefined;
  const { analysis } = await analyseForCli(grids, { sheet });
  let draft;
  try {
    draft = await draftFromFile(new Uint8Array(bytes), draftFile, readDocxDraft);
  } catch (e) {
    if (e instanceof AppError) throw new CliError(`${e.message} ${e.action}`, 2);
    throw e;
  }
  const r = reconcileDraft(analysis, draft);
  if (args.flags.json) io.out(JSON.stringify(reconcileReport(r, draft, analysis.sheet), null, 2));
  else {
    const lines: string[] = [];
    lines.push(`Đối chiếu "${draftFile}" với trang "${analysis.sheet}" của "${tableFile}": ${r.mentions.length} chỗ nhắc đến ${new Set(r.mentions.map((m) => m.row)).size}/${analysis.indicators} chỉ tiêu.`);
    lines.push("");
    if (!r.findings.length) lines.push("Không thấy chỗ nào khác bảng.");
    else {
      lines.push(`Có ${r.findings.length} chỗ cần xem:`);
      for (const f of r.findings) {
        lines.push(`  [${RECONCILE_CODE_LABELS[f.code as ReconcileCode]}] ${f.place}: ${f.message} (${f.code})`);
        lines.push(`      "${f.excerpt}"`);
      }
    }
    if (r.notInText.length) {
      lines.push("");
      lines.push(`Chỉ tiêu văn bản chưa nêu kết quả (${r.notInText.length}):`);
      for (const x of r.notInText) lines.push(`  Dòng ${x.row}${x.tt ? ` (${x.tt})` : ""}: ${x.name}`);
    }
    if (r.notInTable.length) {
      lines.push("");
      lines.push(`Đoạn nêu chỉ tiêu mà bảng không có (${r.notInTable.length}):`);
      for (const x of r.notInTable) lines.push(`  ${x.place}: "${x.excerpt}"`);
    }
    io.out(lines.join("\n"));
  }
  return r.findings.length ? 1 : 0;
}
