/**
 * chitieu demo [--out DIR] [--force]: the whole path on the reference report. Builds the bundled
 * sample workbook (Báo cáo 203-BC/ThU of Thành ủy Bảo Lộc, 33 rows), reads and checks it, lays the
 * appendix out and writes DIR/phu-luc.xlsx, DIR/phu-luc.docx and DIR/kiem-tra.txt, one progress line
 * per step. Files in DIR that an earlier demo did not write are never replaced without --force.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readWorkbookGrids } from "../../adapters/xlsx/exceljs-read";
import { buildTemplateBytes } from "../../adapters/xlsx/template";
import { renderAppendixXlsx } from "../../adapters/xlsx/appendix-xlsx";
import { renderAppendixDocx } from "../../adapters/docx/appendix-docx";
import { SAMPLE_INFO } from "../../core/sample";
import { CliError, debugDetail, fileErrorMessage, parseArgs, type Io } from "../io";
import { writeOutputs } from "../output";
import { layoutForCli } from "./appendix";
import { analyseForCli, formatText, outlookOptionsFromFlags } from "./check";
import { computeOutlook, outlookCharts, outlookColumn } from "../../app/outlook";
import { addChartsToDocx } from "../../adapters/charts/docx-charts";
import { addChartsToXlsx } from "../../adapters/charts/xlsx-charts";
import { reportSection, sectionText } from "../../app/report-text";
import { COMMAND_TEXTS } from "../command-texts";

export const { summary, usage } = COMMAND_TEXTS["demo"];

/** Marks a folder the demo writes into, so a later demo may replace its own files. */
const MARKER = ".chitieu-demo";
const FILES = ["phu-luc.xlsx", "phu-luc.docx", "kiem-tra.txt"];

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ["force", "kha-nang"], { o: "out" });
  const outlookOpts = outlookOptionsFromFlags(args.flags);
  if (args.positional.length) throw new CliError(`Lệnh demo không nhận tệp vào (nhận được "${args.positional[0]}"). Cách dùng: ${usage}`);
  const dir = typeof args.flags.out === "string" ? args.flags.out : "out";
  if (args.flags.out === true) throw new CliError("Tùy chọn --out cần tên thư mục.");
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "EACCES" || code === "EPERM" ? ": không có quyền ghi" : code === "EEXIST" || code === "ENOTDIR" ? ": đã có một tệp cùng tên" : "";
    throw new CliError(`Không tạo được thư mục "${dir}"${why}.`, 2, debugDetail(e));
  }
  const ours = existsSync(join(dir, MARKER));
  const force = !!args.flags.force || ours;
  if (!force) {
    const taken = FILES.filter((f) => existsSync(join(dir, f)));
    if (taken.length) throw new CliError(`Thư mục "${dir}" đã có ${taken.map((f) => `"${f}"`).join(", ")} không do lệnh demo tạo. Dùng --force để ghi đè, hoặc --out THƯ_MỤC_KHÁC.`, 2);
  }
  try {
    writeFileSync(join(dir, MARKER), "Thư mục do \"chitieu demo\" tạo; lần chạy sau được ghi đè các tệp phu-luc.xlsx, phu-luc.docx, kiem-tra.txt.\n");
  } catch (e) {
    throw new CliError(fileErrorMessage(e, join(dir, MARKER), "ghi"), 2, debugDetail(e));
  }

  io.out("1/6 Tạo sổ mẫu từ báo cáo tham chiếu (Báo cáo số 203-BC/ThU của Thành ủy Bảo Lộc)…");
  const workbook = await buildTemplateBytes({ info: SAMPLE_INFO, sample: true });
  io.out("2/6 Đọc lại sổ mẫu: trang \"Chỉ tiêu\" và \"Thông tin\"…");
  const grids = await readWorkbookGrids(workbook);
  const congress = SAMPLE_INFO.congress ?? "";
  // status words and levels come from the sheet (Đạt / Chưa đạt only); the two column titles are the
  // published report's, which the generic sample sheet does not carry
  const { analysis, report } = await analyseForCli(grids);
  const { recognised, table } = analysis;
  const outlook = computeOutlook(analysis, outlookOpts);
  const charts = outlookCharts(outlook);
  const layout = layoutForCli(table, analysis.info, {
    ...(args.flags["kha-nang"] && outlook ? { outlook: outlookColumn(outlook) } : {}),
    preset: "dang-2026",
    columnTitles: congress ? { target: `Chỉ tiêu Nghị quyết ĐH ${congress}`, status: `So sánh NQ ĐH ${congress}` } : undefined,
  });
  const n = report.indicators.length;
  io.out(`3/6 Kiểm tra ${n} chỉ tiêu: ${report.counts.summary}; ${report.findings.length} vấn đề cần xem.`);
  const checkText = [
    `KIỂM TRA BẢNG CHỈ TIÊU (sổ mẫu: ${SAMPLE_INFO.issuer}, Báo cáo số ${SAMPLE_INFO.reportNumber})`,
    "",
    formatText(report, recognised, analysis.vocabulary, outlook),
    "",
    `Phụ lục: ${layout.appendixLabel}, ${layout.presetLabel}; ${layout.title}`,
    ...layout.warnings.map((w) => `Lưu ý: ${w}`),
    "",
    "ĐOẠN VĂN GỢI Ý CHO PHẦN \"CÁC CHỈ TIÊU CHỦ YẾU\" (soát lại trước khi dùng; chitieu van-ban ghi ra .docx)",
    "",
    sectionText(reportSection(analysis), "markdown"),
    "",
  ].join("\n");
  // all three files are written together at the end (temp files renamed into place), or none
  const txt = join(dir, "kiem-tra.txt");
  io.out(`4/6 Soạn ${txt}`);
  const xlsx = join(dir, "phu-luc.xlsx");
  const withCharts = await addChartsToXlsx(await renderAppendixXlsx(layout), charts);
  const xlsxBytes = withCharts.bytes;
  io.out(`5/6 Soạn ${xlsx} (trang "${layout.appendixLabel}", A4 ngang, tiêu đề bảng lặp lại mỗi trang${withCharts.sheetName ? `; trang "${withCharts.sheetName}": ${charts.length} biểu đồ` : ""})`);
  const docx = join(dir, "phu-luc.docx");
  const docxBytes = await addChartsToDocx(await renderAppendixDocx(layout), charts);
  io.out(`6/6 Soạn ${docx}${charts.length ? ` (${charts.length} biểu đồ sau bảng)` : ""}`);
  writeOutputs(
    [
      { path: txt, data: checkText },
      { path: xlsx, data: xlsxBytes },
      { path: docx, data: docxBytes },
    ],
    { force: true },
  );
  io.out(`Xong. Đã ghi: ${xlsx}, ${docx}, ${txt}`);
  return 0;
}
