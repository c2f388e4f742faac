/**
 * The indicator workbook template (browser-safe: builds an ExcelJS workbook, writes nothing).
 * Sheet "Chỉ tiêu": TT | Chỉ tiêu | ĐVT | Loại | Chiều | Chỉ tiêu Nghị quyết | Đầu kỳ | Năm … |
 * Kết quả thực hiện | Đánh giá | Ghi chú, header frozen, lists for Loại, Chiều and Đánh giá.
 * Sheet "Thông tin": the report information, label | value | example; the year columns follow its
 * "Nhiệm kỳ". Times New Roman throughout. `sample: true` fills the whole reference table.
 */
import ExcelJS from "exceljs";
import { DIRECTION_LABELS } from "../../core/target/direction";
import { STATUS_LABELS } from "../../core/evaluation/evaluate";
import { INFO_FIELDS, infoRows, termYears } from "../../core/sheet/info";
import { KIND_LABELS, type ReportInfo } from "../../core/model";
import { EXAMPLE_ROW_INDICES, INDICATOR_SHEET, INFO_SHEET, SAMPLE_INFO, SAMPLE_ROWS, templateHeader, templateRowValues } from "../../core/sample";
import { columnLetter } from "../../core/sheet/grid";
import { LEAD_COLUMN, RULE_CHOICES, RULE_COLUMN, RULES } from "../../core/consolidate/rules";

export const TEMPLATE_FONT = "Times New Roman";
/** rows given data validation below the header */
export const VALIDATION_ROWS = 500;

export interface TemplateOptions {
  info?: ReportInfo;
  /** the whole reference table instead of a few example rows (the demo workbook) */
  sample?: boolean;
}

const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Inline list for data validation: "\"a,b,c\"" (Excel limits it to 255 characters). */
function listFormula(items: string[]): string {
  const s = items.join(",");
  if (s.length > 255) throw new Error("Danh sách chọn quá dài cho Excel (tối đa 255 ký tự).");
  return `"${s}"`;
}

/**
 * Row height for wrapped text (ExcelJS cannot auto-fit): lines each cell needs at its column width,
 * 12 pt Times New Roman ≈ 1 character per width unit, 15.75 pt a line.
 */
export function rowHeight(values: unknown[], widths: number[]): number {
  let lines = 1;
  values.forEach((v, i) => {
    if (v === null || v === undefined) return;
    const text = String(v);
    const perLine = Math.max(1, Math.floor((widths[i] ?? 10) * 1.1) - 1);
    const n = text.split("\n").reduce((a, part) => a + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, n);
  });
  return Math.round(lines * 15.75 + 3);
}

export function buildTemplateWorkbook(opts: TemplateOptions = {}): ExcelJS.Workbook {
  const info: ReportInfo = opts.info ?? (opts.sample ? SAMPLE_INFO : {});
  const years = termYears(info);
  const wb = new ExcelJS.Workbook();
  wb.creator = "chitieu";
  wb.created = new Date(0);
  wb.modified = new Date(0);

  // --- Chỉ tiêu
  const ws = wb.addWorksheet(INDICATOR_SHEET, {
    views: [{ state: "frozen", xSplit: 2, ySplit: 1, topLeftCell: "C2", activeCell: "A2" }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
  });
  // optional columns for consolidating many units (docs/tong-hop.md): empty unless the user fills them
  const header = [...templateHeader(years), RULE_COLUMN, LEAD_COLUMN];
  const widths: Record<string, number> = {
    TT: 6,
    "Chỉ tiêu": 52,
    ĐVT: 11,
    Loại: 20,
    Chiều: 18,
    "Chỉ tiêu Nghị quyết": 20,
    "Đầu kỳ": 10,
    "Kết quả thực hiện": 16,
    "Đánh giá": 14,
    "Ghi chú": 36,
    [RULE_COLUMN]: 24,
    [LEAD_COLUMN]: 20,
  };
  ws.columns = header.map((h) => ({
    width: widths[h] ?? 10,
    style: { font: { name: TEMPLATE_FONT, size: 12 }, alignment: { vertical: "middle", wrapText: true } },
  }));
  const hr = ws.getRow(1);
  header.forEach((h, i) => {
    const c = hr.getCell(i + 1);
    c.value = h;
    c.font = { name: TEMPLATE_FONT, size: 12, bold: true };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    c.border = BORDER;
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  });
  hr.height = 36;

  const rows = opts.sample ? SAMPLE_ROWS : EXAMPLE_ROW_INDICES.map((i) => SAMPLE_ROWS[i]);
  rows.forEach((sr, k) => {
    const values = templateRowValues(sr, years);
    while (values.length < header.length) values.push(null);
    const row = ws.getRow(k + 2);
    const group = sr.target === "" && sr.actual === "" && sr.status === "";
    values.forEach((v, i) => {
      const c = row.getCell(i + 1);
      if (v !== null && v !== undefined) c.value = v as ExcelJS.CellValue;
      c.font = { name: TEMPLATE_FONT, size: 12, bold: group };
      c.border = BORDER;
      const centered = i === 0 || i === 2 || (i >= 5 && i < header.length - 3);
      c.alignment = { horizontal: centered ? "center" : "left", vertical: "middle", wrapText: true };
    });
    row.height = rowHeight(values, header.map((h) => widths[h] ?? 10));
  });
  const col = (name: string) => columnLetter(header.indexOf(name) + 1);
  const kinds = Object.values(KIND_LABELS);
  const dirs = Object.values(DIRECTION_LABELS);
  const statuses = [...new Set([...Object.values(STATUS_LABELS.dat), ...Object.values(STATUS_LABELS["hoan-thanh"])])].filter((s) => s !== "Không đánh giá được");
  const rules = RULE_CHOICES.map((id) => RULES[id].label);
  for (let r = 2; r <= VALIDATION_ROWS + 1; r++) {
    ws.getCell(`${col(RULE_COLUMN)}${r}`).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [listFormula(rules)],
      showErrorMessage: true,
      // "Bình quân gia quyền theo 2.1" is allowed: a warning, not a stop
      errorStyle: "warning",
      errorTitle: RULE_COLUMN,
      error: `Nên chọn: ${rules.join(", ")}; có thể ghi "Bình quân gia quyền theo <chỉ tiêu gốc>". Để trống thì tự suy ra từ ĐVT.`,
      showInputMessage: true,
      promptTitle: RULE_COLUMN,
      prompt: "Khi tổng hợp nhiều đơn vị: cộng, bình quân gia quyền theo chỉ tiêu gốc... Để trống: tự suy ra.",
    };
    ws.getCell(`${col("Loại")}${r}`).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [listFormula(kinds)],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "Loại chỉ tiêu",
      error: `Chọn một loại: ${kinds.join(", ")}.`,
      showInputMessage: true,
      promptTitle: "Loại chỉ tiêu",
      prompt: "Cách tính kết quả từ số liệu các năm.",
    };
    ws.getCell(`${col("Chiều")}${r}`).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [listFormula(dirs)],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "Chiều đánh giá",
      error: `Chọn: ${dirs.join(", ")}; để trống thì tự xác định.`,
    };
    ws.getCell(`${col("Đánh giá")}${r}`).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [listFormula(statuses)],
      showErrorMessage: true,
      errorStyle: "information",
      errorTitle: "Đánh giá",
      error: "Đánh giá nên là một trong các giá trị trong danh sách.",
    };
  }

  // --- Thông tin
  const wi = wb.addWorksheet(INFO_SHEET, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  wi.columns = [
    { width: 36, style: { font: { name: TEMPLATE_FONT, size: 12 } } },
    { width: 36, style: { font: { name: TEMPLATE_FONT, size: 12 } } },
    { width: 42, style: { font: { name: TEMPLATE_FONT, size: 12, italic: true, color: { argb: "FF7F7F7F" } } } },
  ];
  const ih = wi.getRow(1);
  ["Thông tin", "Giá trị", "Ví dụ"].forEach((h, i) => {
    const c = ih.getCell(i + 1);
    c.value = h;
    c.font = { name: TEMPLATE_FONT, size: 12, bold: true };
    c.border = BORDER;
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    c.alignment = { horizontal: "center", vertical: "middle" };
  });
  infoRows(info).forEach((vals, k) => {
    const row = wi.getRow(k + 2);
    vals.forEach((v, i) => {
      const c = row.getCell(i + 1);
      if (v !== "") c.value = v;
      c.font = i === 2 ? { name: TEMPLATE_FONT, size: 12, italic: true, color: { argb: "FF7F7F7F" } } : { name: TEMPLATE_FONT, size: 12, bold: i === 0 };
      c.border = BORDER;
      c.alignment = { vertical: "middle", wrapText: true };
    });
    const f = INFO_FIELDS[k];
    if (f.choices) {
      row.getCell(2).dataValidation = { type: "list", allowBlank: true, formulae: [listFormula(f.choices)], showErrorMessage: true, errorStyle: "stop", error: `Chọn: ${f.choices.join(", ")}.` };
    }
    // keep "2020-2025" and "25/5/2023" as text
    if (f.key === "term" || f.key === "reportDate" || f.key === "reportNumber") row.getCell(2).numFmt = "@";
  });
  return wb;
}

/** The template as .xlsx bytes. */
export async function buildTemplateBytes(opts: TemplateOptions = {}): Promise<Uint8Array> {
  const buf = await buildTemplateWorkbook(opts).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
