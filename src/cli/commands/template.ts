/** chitieu template -o FILE.xlsx [--force] [--sample]: write the indicator workbook template. */
import { buildTemplateBytes } from "../../adapters/xlsx/template";
import { parseTerm } from "../../core/sheet/info";
import type { ReportInfo } from "../../core/model";
import { CliError, parseArgs, type Io } from "../io";
import { checkOutputs, writeOutputs } from "../output";
import { COMMAND_TEXTS } from "../command-texts";

export const { summary, usage } = COMMAND_TEXTS["template"];

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ["force", "sample"], { o: "output", out: "output" });
  const out = typeof args.flags.output === "string" ? args.flags.output : args.positional[0];
  if (!out) throw new CliError(`Thiếu tên tệp ra. Cách dùng: ${usage}`);
  if (!/\.xlsx$/i.test(out)) throw new CliError(`Tệp ra phải có đuôi .xlsx: "${out}".`);
  const force = !!args.flags.force;
  checkOutputs([out], { force });
  let info: ReportInfo | undefined;
  if (args.flags["nhiem-ky"] !== undefined) {
    const t = parseTerm(String(args.flags["nhiem-ky"]));
    if (!t) throw new CliError(`--nhiem-ky phải có dạng 2025-2030, không phải "${args.flags["nhiem-ky"]}".`);
    if (args.flags.sample) throw new CliError("--sample dùng nhiệm kỳ 2020-2025 của báo cáo mẫu; bỏ --nhiem-ky.");
    info = { termStart: t[0], termEnd: t[1] };
  }
  const bytes = await buildTemplateBytes({ sample: !!args.flags.sample, info });
  writeOutputs([{ path: out, data: bytes }], { force });
  io.out(`Đã tạo ${out}: trang "Chỉ tiêu" (TT, Chỉ tiêu, ĐVT, Loại, Chiều, Chỉ tiêu Nghị quyết, Đầu kỳ, các năm, Kết quả thực hiện, Đánh giá, Ghi chú; khi tổng hợp nhiều đơn vị: Cách tổng hợp, Đơn vị chủ trì) và trang "Thông tin" (có ô "Đơn vị").`);
  return 0;
}
