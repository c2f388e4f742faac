/**
 * chitieu tong-hop TỆP... | THƯ_MỤC -o TONG-HOP.xlsx [--ten "Tỉnh X"] [--json] [--force]:
 * consolidate the units' workbooks into one (docs/tong-hop.md).
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { loadWorkbookFile } from "../../adapters/xlsx/read-file";
import { renderConsolidatedXlsx } from "../../adapters/xlsx/consolidated-workbook";
import { gridSource } from "../../app/analyse";
import { consolidateUnits, type UnitSource } from "../../app/consolidate";
import { AppError } from "../../app/errors";
import { consolidationJson, type ConsolidatedIndicator } from "../../core/consolidate/consolidate";
import { coverageText, RULES } from "../../core/consolidate/rules";
import { parseVocabulary } from "../../core/evaluation/evaluate";
import { CliError, parseArgs, type Io } from "../io";
import { checkOutputs, writeOutputs } from "../output";
import { COMMAND_TEXTS } from "../command-texts";

export const { summary, usage } = COMMAND_TEXTS["tong-hop"];

const INPUT_EXT = /\.(xlsx|xlsm|ods)$/i;

/** The files to consolidate: files as given, folders expanded to their .xlsx/.ods files (sorted). */
export function listInputs(args: string[], output?: string): string[] {
  const out: string[] = [];
  const outAbs = output ? path.resolve(output) : undefined;
  for (const a of args) {
    let st;
    try {
      st = statSync(a);
    } catch {
      out.push(a); // reported as missing by the reader, with the others still consolidated
      continue;
    }
    if (st.isDirectory()) {
      const files = readdirSync(a)
        .filter((f) => INPUT_EXT.test(f) && !f.startsWith("~$") && !f.startsWith(".~lock"))
        .sort((x, y) => x.localeCompare(y, "vi"))
        .map((f) => path.join(a, f))
        .filter((f) => path.resolve(f) !== outAbs);
      if (files.length === 0) throw new CliError(`Thư mục "${a}" không có tệp .xlsx hoặc .ods nào.`);
      out.push(...files);
    } else out.push(a);
  }
  return out;
}

function textReport(json: ReturnType<typeof consolidationJson>, rows: ConsolidatedIndicator[], output?: string): string {
  const lines: string[] = [];
  const failed = json.files.filter((f) => f.error);
  lines.push(`Tổng hợp ${json.units.length} đơn vị${json.title ? ` thành "${json.title}"` : ""}: ${rows.length} chỉ tiêu.`);
  if (failed.length) {
    lines.push(`Không dùng được ${failed.length} tệp (các tệp khác vẫn được tổng hợp):`);
    for (const f of failed) lines.push(`  - ${f.file}: ${f.error}`);
  }
  const needs = rows.filter((r) => r.rule === "needs_rule");
  if (needs.length) {
    lines.push(`${needs.length} chỉ tiêu cần chọn cách tổng hợp (ghi cột "Cách tổng hợp"):`);
    for (const r of needs) lines.push(`  - ${r.tt ? r.tt + " " : ""}${r.name}: ${r.ruleNote ?? RULES.needs_rule.explain}`);
  }
  const partial = rows.filter((r) => r.covered < r.total && r.rule !== "needs_rule" && r.rule !== "none");
  if (partial.length) lines.push(`${partial.length} chỉ tiêu chưa đủ số liệu các đơn vị (ví dụ: ${partial[0].name}: ${coverageText(partial[0].covered, partial[0].total)}).`);
  if (json.unmatched.length) lines.push(`${json.unmatched.length} dòng không khớp giữa các đơn vị (vẫn giữ trong bảng; xem --json "unmatched").`);
  lines.push(`Thiếu số liệu: ${json.missing.length} mục.`);
  if (output) lines.push(`Đã ghi ${output}: trang "Chỉ tiêu", "Theo đơn vị", "Thiếu số liệu", "Thông tin".`);
  return lines.join("\n");
}

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ["json", "force"], { o: "output", out: "output" });
  const output = typeof args.flags.output === "string" ? args.flags.output : undefined;
  if (args.positional.length === 0) throw new CliError(`Thiếu tệp hoặc thư mục cần tổng hợp. Cách dùng: ${usage}`);
  if (!output && !args.flags.json) throw new CliError(`Thiếu tệp ra (-o TONG-HOP.xlsx). Cách dùng: ${usage}`);
  if (output && !/\.xlsx$/i.test(output)) throw new CliError(`Tệp ra phải có đuôi .xlsx: "${output}".`);
  const force = !!args.flags.force;
  const title = typeof args.flags.ten === "string" ? args.flags.ten.normalize("NFC").trim() : undefined;
  let vocabulary;
  if (args.flags.vocabulary !== undefined) {
    vocabulary = parseVocabulary(args.flags.vocabulary) ?? undefined;
    if (!vocabulary) throw new CliError('--vocabulary phải là "dat" hoặc "hoan-thanh".');
  }
  const files = listInputs(args.positional, output);
  // before any work: the output is not one of the inputs, and exists only with --force
  if (output) checkOutputs([output], { force, inputs: files });
  const sources: UnitSource[] = files.map((file) => ({ file, open: async () => gridSource(await loadWorkbookFile(file)) }));
  let run;
  try {
    run = await consolidateUnits(sources, { title, vocabulary });
  } catch (e) {
    if (e instanceof AppError) throw new CliError(e.message, 2);
    throw e;
  }
  const { consolidation, info } = run;
  const json = consolidationJson(consolidation);
  // all or nothing: a temporary file in the target folder, renamed at the end (src/cli/output.ts)
  if (output) writeOutputs([{ path: output, data: await renderConsolidatedXlsx(consolidation, info) }], { force, inputs: files });
  const rows = consolidation.rows.filter((r): r is ConsolidatedIndicator => r.type === "indicator");
  if (args.flags.json) io.out(JSON.stringify(json, null, 2));
  else io.out(textReport(json, rows, output));
  return 0;
}
