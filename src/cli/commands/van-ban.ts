/**
 * chitieu van-ban TỆP.xlsx [-o ĐOẠN-VĂN.docx] [--layout dang-2026|dang-2018|nha-nuoc] [--levels 2|3]
 *   [--so-muc 1] [--plain] [--sheet TÊN_TRANG] [--force]
 * The section "Các chỉ tiêu chủ yếu" as offices write it, from the checked table: printed (italics as
 * *…*, or plain with --plain) or written to a .docx (Times New Roman, the preset's body size).
 */
import { existsSync } from "node:fs";
import { parsePreset } from "../../core/layout";
import { reportSection, reportStyle, sectionText } from "../../app/report-text";
import { renderReportDocx } from "../../adapters/docx/report-docx";
import { loadWorkbookForCli } from "../workbook";
import { CliError, parseArgs, type Io } from "../io";
import { analyseForCli } from "./check";
import { writeOutput } from "./appendix";
import { COMMAND_TEXTS } from "../command-texts";

export const { summary, usage } = COMMAND_TEXTS["van-ban"];

const str = (v: string | true | undefined, name: string): string | undefined => {
  if (v === undefined) return undefined;
  if (v === true) throw new CliError(`Tùy chọn --${name} cần một giá trị.`);
  return v;
};

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ["force", "plain"], { o: "output", out: "output" });
  const file = args.positional[0];
  if (!file) throw new CliError(`Thiếu tệp chỉ tiêu. Cách dùng: ${usage}`);
  if (args.positional.length > 1) throw new CliError(`Chỉ một tệp vào mỗi lần, nhận được ${args.positional.length}: ${args.positional.join(", ")}.`);
  const out = str(args.flags.output, "o");
  if (out && !/\.docx$/i.test(out)) throw new CliError(`Tệp ra -o phải có đuôi .docx: "${out}".`);
  const force = !!args.flags.force;
  if (out && !force && existsSync(out)) throw new CliError(`Tệp "${out}" đã có. Dùng --force để ghi đè.`, 2);
  const layout = str(args.flags.layout, "layout");
  const preset = layout === undefined ? "dang-2026" : parsePreset(layout);
  if (!preset) throw new CliError(`--layout "${layout}" không có. Chọn một trong: dang-2026, dang-2018, nha-nuoc.`);
  const levelsFlag = str(args.flags.levels, "levels");
  if (levelsFlag !== undefined && levelsFlag !== "2" && levelsFlag !== "3") throw new CliError(`--levels phải là 2 ("đạt") hoặc 3 ("đạt và vượt"), nhận được "${levelsFlag}".`);
  const sectionNumber = str(args.flags["so-muc"], "so-muc");
  if (sectionNumber !== undefined && !/^\d+(\.\d+)*$/.test(sectionNumber)) throw new CliError(`--so-muc phải là số mục, ví dụ 1 hoặc 2.1; nhận được "${sectionNumber}".`);
  const grids = await loadWorkbookForCli(file);
  const { analysis } = await analyseForCli(grids, { sheet: str(args.flags.sheet, "sheet") });
  const section = reportSection(analysis, { levels: levelsFlag === "2" ? 2 : levelsFlag === "3" ? 3 : undefined, sectionNumber });
  if (!out) {
    io.out(sectionText(section, args.flags.plain ? "plain" : "markdown"));
  } else {
    writeOutput(out, await renderReportDocx(section, reportStyle(preset)), force);
    const n = section.paragraphs.filter((p) => p.kind === "indicator").length;
    io.out(`Đã ghi ${out}: ${n} đoạn, ${analysis.indicators} chỉ tiêu từ trang "${analysis.sheet}" (Times New Roman ${reportStyle(preset).bodySize}).`);
  }
  if (section.reviews.length) {
    io.err(`${section.reviews.length} chỗ cần xem lại (đánh dấu [cần xem lại] trong đoạn văn):`);
    for (const r of section.reviews) io.err(`  ${r.cell ? `Ô ${r.cell}` : `Dòng ${r.row}`}: ${r.message}`);
  }
  return 0;
}
