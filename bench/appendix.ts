/**
 * Appendix bench: layout + .xlsx + .docx for 100, 1 000 and 10 000 indicators; at 10 000 the .xlsx
 * against ExcelJS writing the same values unstyled in the same process; the Office.js writer's syncs
 * and proxy objects with office-addin-mock.
 */
import ExcelJS from "exceljs";
import { evaluate } from "../src/core/evaluation/evaluate";
import { buildAppendixLayout } from "../src/core/layout";
import type { IndicatorRow, IndicatorTable, ReportInfo, TableRow } from "../src/core/model";
import { renderAppendixDocx } from "../src/adapters/docx/appendix-docx";
import { writeAppendixSheet } from "../src/adapters/office/office-appendix";
import { renderAppendixXlsx } from "../src/adapters/xlsx/appendix-xlsx";
import { SAMPLE_INFO } from "../src/core/sample";
import { createExcelMock } from "../tests/support/office-fake";
import { timeBestAsync } from "./util";

/** The reference report's information, as the demo uses it. */
export const BENCH_INFO: ReportInfo = SAMPLE_INFO;

const NAMES = [
  "Tăng trưởng tổng giá trị sản xuất bình quân giai đoạn 2021 - 2023 (theo giá so sánh năm 2010)",
  "Tỷ lệ hộ nghèo",
  "Tổng thu ngân sách nhà nước trên địa bàn tăng bình quân",
  "Tỷ lệ bảo hiểm y tế toàn dân",
  "Khu vực công nghiệp - xây dựng tăng",
  "Tỷ lệ thu gom và xử lý rác thải đô thị",
];
const TARGETS: Array<[string, string, number]> = [
  ["8,5-9,5", "%/năm", 7.8],
  ["dưới 1,0", "%", 0.85],
  ["11-12", "%/năm", 20.4],
  ["95", "%", 93.3],
  ["> 98", "%", 99],
  ["01-02", "xã", 1],
];

/** A table of `n` indicators shaped like the reference report: a group every 10, sub-rows, evaluated. */
export function syntheticTable(n: number): IndicatorTable {
  const rows: TableRow[] = [];
  let g = 0;
  for (let i = 0; i < n; i++) {
    if (i % 10 === 0) {
      g++;
      rows.push({ type: "group", row: rows.length + 2, tt: String(g), name: `Nhóm chỉ tiêu số ${g}`, level: 1 });
    }
    const [target, unit, base] = TARGETS[i % TARGETS.length];
    const actual = Math.round((base + ((i * 7) % 13) / 10 - 0.6) * 100) / 100;
    const sub = i % 10 >= 7;
    const name = NAMES[i % NAMES.length] + (i % 3 === 0 ? " của các phường, xã trên địa bàn thành phố đến năm 2025" : "");
    const row: IndicatorRow = {
      type: "indicator",
      row: rows.length + 2,
      tt: sub ? "" : `${g}.${(i % 10) + 1}`,
      name,
      unit,
      level: 2,
      kind: "level",
      targetText: target,
      years: {},
      actual,
      actualSource: "given",
      groupPath: [`Nhóm chỉ tiêu số ${g}`],
      cells: {},
    };
    if (sub) row.marker = "-";
    row.evaluation = evaluate({ target, actual, name, unit });
    rows.push(row);
  }
  return { sheet: "Chỉ tiêu", mapping: {}, headerRow: 1, rows, years: [], info: BENCH_INFO };
}

/** ExcelJS writing the same cell texts with no styles at all: the baseline. */
async function plainExcelJs(values: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Phụ lục 1");
  for (const line of values) ws.addRow(line);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function benchAppendix(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const n of [100, 1000, 10000]) {
    const table = syntheticTable(n);
    const repeats = n >= 10000 ? 2 : 3;
    const layoutMs = await timeBestAsync(async () => buildAppendixLayout(table, BENCH_INFO, {}), repeats);
    const layout = buildAppendixLayout(table, BENCH_INFO, {});
    const xlsxMs = await timeBestAsync(() => renderAppendixXlsx(layout), repeats);
    const docxMs = await timeBestAsync(() => renderAppendixDocx(layout), repeats);
    out[`appendix_layout_ms_${n}`] = layoutMs;
    out[`appendix_xlsx_ms_${n}`] = xlsxMs;
    out[`appendix_docx_ms_${n}`] = docxMs;
    out[`appendix_total_ms_${n}`] = layoutMs + xlsxMs + docxMs;
    if (n === 10000) {
      const values = layout.rows.map((r) => {
        const line = new Array<string>(layout.columns.length).fill("");
        for (const c of r.cells) line[c.col] = c.text;
        return line;
      });
      const baseline = await timeBestAsync(() => plainExcelJs(values), repeats);
      const ours = await timeBestAsync(async () => renderAppendixXlsx(buildAppendixLayout(table, BENCH_INFO, {})), repeats);
      out.appendix_exceljs_plain_ms_10000 = baseline;
      out.appendix_ratio_vs_exceljs_10000 = ours / baseline;
      const { context, stats } = createExcelMock(["Phụ lục 1"]);
      const r = await writeAppendixSheet(context, layout, "Phụ lục 1");
      out.office_syncs_10000 = r.syncs;
      out.office_proxies_10000 = stats.proxies;
      out.office_request_max_bytes_10000 = Math.max(...r.requestBytes);
    }
  }
  return out;
}
