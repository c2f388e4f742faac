/**
 * chitieu tong-hop TỆP... | THƯ_MỤC -o TONG-HOP.xlsx [--ten "Tỉnh X"] [--cach "TT=cách" | --cach TỆP.xlsx]... [--json] [--force]:
 * consolidate the units' workbooks into one (docs/tong-hop.md). On a terminal, stderr shows
 * "đã đọc 12/150 tệp" as the files are read (nothing when piped); Ctrl+C stops between two files,
 * writes nothing and exits 130.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { loadWorkbookFile } from "../../adapters/xlsx/read-file";
import { renderConsolidatedXlsx } from "../../adapters/xlsx/consolidated-workbook";
import { gridSource, requireTable } from "../../app/analyse";
import { consolidateUnits, type UnitSource } from "../../app/consolidate";
import { AppError } from "../../app/errors";
import type { ConsolidatedIndicator, RuleRequest } from "../../core/consolidate/consolidate";
import { extractUnit } from "../../core/consolidate/extract";
import { consolidationJson, type ConsolidationJson } from "../../core/consolidate/json";
import { parseRuleText } from "../../core/consolidate/rule-choice";
import { coverageText, needsRuleLines } from "../../core/consolidate/rules";
import { parseVocabulary } from "../../core/evaluation/evaluate";
import { CliError, parseArgs, processIo, type Io } from "../io";
import { checkOutputs, writeOutputs } from "../output";
import { COMMAND_TEXTS } from "../command-texts";

export const { summary, usage } = COMMAND_TEXTS["tong-hop"];

const INPUT_EXT = /\.(xlsx|xlsm|ods)$/i;

/** The files to consolidate: files as given, folders expanded to their .xlsx/.ods files (sorted). */
function listInputs(args: string[], output?: string): string[] {
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

/** Every value of a flag that may be given several times (`--cach a --cach b`), and the arguments without it. */
function takeRepeated(argv: string[], name: string): { values: string[]; rest: string[] } {
  const values: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === `--${name}`) {
      if (i + 1 >= argv.length) throw new CliError(`Tùy chọn --${name} cần một giá trị.`);
      values.push(argv[++i]);
    } else if (a.startsWith(`--${name}=`)) values.push(a.slice(name.length + 3));
    else rest.push(a);
  }
  return { values, rest };
}

/**
 * The rules given with --cach: "TT hoặc tên=cách" ("2.1=Bình quân gia quyền theo Số hộ"), or a
 * table whose "Cách tổng hợp" column holds them (the consolidated file itself, edited).
 */
async function ruleRequests(values: string[]): Promise<RuleRequest[]> {
  const out: RuleRequest[] = [];
  for (const v of values) {
    if (INPUT_EXT.test(v.trim())) {
      out.push(...(await rulesFromTable(v.trim())));
      continue;
    }
    const eq = v.indexOf("=");
    const ref = eq > 0 ? v.slice(0, eq).trim() : "";
    const text = eq > 0 ? v.slice(eq + 1).trim() : "";
    if (!ref || !text) throw new CliError(`--cach "${v}": cần dạng "TT=cách tổng hợp" (ví dụ --cach "2.1=Bình quân gia quyền theo Số hộ") hoặc một tệp .xlsx có cột "Cách tổng hợp".`);
    if (!parseRuleText(text)) throw new CliError(`--cach "${v}": không hiểu cách tổng hợp "${text}". Ghi một trong: Cộng, Bình quân gia quyền theo …, Tính lại từ tổng mức theo …, Bình quân, Nhỏ nhất, Lớn nhất, Đếm số đơn vị đạt, Không tổng hợp.`);
    out.push({ ref, text, from: "--cach" });
  }
  return out;
}

async function rulesFromTable(file: string): Promise<RuleRequest[]> {
  let extract;
  try {
    const a = await requireTable(gridSource(await loadWorkbookFile(file)), { checks: false, texts: false });
    extract = extractUnit(file, file, a.table, a.grid);
  } catch (e) {
    throw new CliError(`--cach ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const from = path.basename(file);
  const rows = extract.rows.filter((r) => !r.group && r.ruleText && parseRuleText(r.ruleText)?.rule !== "needs_rule");
  if (!rows.length) throw new CliError(`--cach ${file}: cột "Cách tổng hợp" của bảng không ghi cách nào.`);
  return rows.map((r) => ({ ref: r.key, text: r.ruleText!, from }));
}

function textReport(json: ConsolidationJson, rows: ConsolidatedIndicator[], output?: string): string {
  const lines: string[] = [];
  const failed = json.files.filter((f) => f.error);
  lines.push(`Tổng hợp ${json.units.length} đơn vị${json.title ? ` thành "${json.title}"` : ""}: ${rows.length} chỉ tiêu.`);
  if (failed.length) {
    lines.push(`Không dùng được ${failed.length} tệp (các tệp khác vẫn được tổng hợp):`);
    for (const f of failed) lines.push(`  - ${f.file}: ${f.error}`);
  }
  lines.push(...needsRuleLines(rows.filter((r) => r.needs).map((r) => ({ tt: r.tt, name: r.nameText ?? r.name, needs: r.needs! })), "cli"));
  const partial = rows.filter((r) => r.covered < r.total && r.rule !== "needs_rule" && r.rule !== "none");
  if (partial.length) lines.push(`${partial.length} chỉ tiêu chưa đủ số liệu các đơn vị (ví dụ: ${partial[0].name}: ${coverageText(partial[0].covered, partial[0].total)}).`);
  lines.push(verdictLine(rows));
  if (json.unmatched.length) lines.push(`${json.unmatched.length} dòng không khớp giữa các đơn vị (vẫn giữ trong bảng; xem --json "unmatched").`);
  lines.push(`Thiếu số liệu: ${json.missing.length} mục.`);
  if (output) lines.push(`Đã ghi ${output}: trang "Chỉ tiêu", "Theo đơn vị", "Thiếu số liệu", "Thông tin".`);
  return lines.join("\n");
}

/** "Đánh giá theo chỉ tiêu chung: 9 đạt và vượt, 17 chưa đạt; 2 chưa đánh giá (lý do ở cột Ghi chú)." */
function verdictLine(rows: ConsolidatedIndicator[]): string {
  const n = (f: (r: ConsolidatedIndicator) => boolean) => rows.filter(f).length;
  const met = n((r) => r.status === "met" || r.status === "exceeded");
  const near = n((r) => r.status === "near");
  const notMet = n((r) => r.status === "not_met");
  const unjudged = n((r) => r.value !== null && r.rule !== "count_met" && (!r.status || r.status === "not_evaluable"));
  const parts = [`${met} đạt và vượt`, ...(near ? [`${near} gần đạt`] : []), `${notMet} chưa đạt`];
  return `Đánh giá theo chỉ tiêu chung (cùng cách tổng hợp với kết quả): ${parts.join(", ")}${unjudged ? `; ${unjudged} chưa đánh giá (lý do ở cột "Ghi chú")` : ""}.`;
}

/** A stream the progress line goes to: only a terminal gets one. */
export interface ProgressStream {
  isTTY?: boolean;
  write(s: string): unknown;
}

/** "đã đọc 12/150 tệp", rewritten in place on a terminal; nothing at all when stderr is a pipe or a file. */
export function progressLine(stream: ProgressStream | undefined): { update(done: number, total: number): void; end(): void } {
  if (!stream?.isTTY) return { update: () => undefined, end: () => undefined };
  let shown = false;
  return {
    update: (done, total) => {
      shown = true;
      stream.write(`\rĐang tổng hợp: đã đọc ${done}/${total} tệp`);
    },
    end: () => {
      if (shown) stream.write("\r\x1b[K");
    },
  };
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values: ruleValues, rest } = takeRepeated(argv, "cach");
  const args = parseArgs(rest, ["json", "force"], { o: "output", out: "output" });
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
  const rules = await ruleRequests(ruleValues);
  // each file after a turn of the event loop: Ctrl+C is heard between two files
  const sources: UnitSource[] = files.map((file) => ({ file, open: async () => (await new Promise((r) => setImmediate(r)), gridSource(await loadWorkbookFile(file))) }));
  const result = await consolidateStoppable(sources, { title, vocabulary, rules }, io === processIo ? process.stderr : undefined);
  const { consolidation, info } = result;
  if (consolidation.unknownRules.length) {
    const list = consolidation.unknownRules.map((q) => `"${q.ref}"`).join(", ");
    throw new CliError(`--cach: không có chỉ tiêu ${list} trong bảng của các đơn vị. Ghi TT (ví dụ "2.1") hoặc tên chỉ tiêu như trong bảng.`);
  }
  const json = consolidationJson(consolidation);
  // all or nothing: a temporary file in the target folder, renamed at the end (src/cli/output.ts)
  if (output) writeOutputs([{ path: output, data: await renderConsolidatedXlsx(consolidation, info) }], { force, inputs: files });
  const rows = consolidation.rows.filter((r): r is ConsolidatedIndicator => r.type === "indicator");
  if (args.flags.json) io.out(JSON.stringify(json, null, 2));
  else io.out(textReport(json, rows, output));
  return 0;
}

/** Consolidate with a progress line on a terminal; Ctrl+C stops between two files (exit 130, nothing written). */
async function consolidateStoppable(sources: UnitSource[], opts: Parameters<typeof consolidateUnits>[1], tty: ProgressStream | undefined) {
  const progress = progressLine(tty);
  const stop = { aborted: false };
  const onInt = () => {
    stop.aborted = true;
  };
  process.once("SIGINT", onInt);
  try {
    return await consolidateUnits(sources, { ...opts, signal: stop, onProgress: (done, total) => progress.update(done, total) });
  } catch (e) {
    if (e instanceof AppError) throw new CliError(e.message, e.code === "cancelled" ? 130 : 2);
    throw e;
  } finally {
    progress.end();
    process.removeListener("SIGINT", onInt);
  }
}
