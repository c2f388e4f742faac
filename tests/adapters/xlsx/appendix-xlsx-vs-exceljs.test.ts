/**
 * The appendix .xlsx written as SpreadsheetML text (renderAppendixXlsx) against the same layout
 * written through ExcelJS (addAppendixSheet, the writer it replaced for whole files): both read back
 * with ExcelJS, cell by cell — values, fonts, borders, alignment — and merges, row heights, column
 * widths, page setup, print titles, header and footer. Layouts: the reference table, a realistic
 * table, year columns with a two-row merged header, the Party title block with signature and
 * recipients, and hostile text. The one intended difference: where ExcelJS wrote an empty string the
 * new writer leaves the cell blank (same look, and nothing for COUNTA to count), so "" and no value
 * compare equal.
 */
import ExcelJS from "exceljs";
import { buildAppendixLayout, type AppendixLayout } from "../../../src/core/layout";
import { addAppendixSheet, maxDigitPxOf, renderAppendixXlsx } from "../../../src/adapters/xlsx/appendix-xlsx";
import { readWorkbookGridsFast } from "../../../src/adapters/xlsx/read-file";
import { SAMPLE_INFO } from "../../../src/core/sample";
import type { IndicatorRow } from "../../../src/core/model";
import { REFERENCE_INFO, tableFromTsv } from "../../support/appendix-fixture";
import { realisticTable } from "../../support/realistic-workbook";

/** The appendix through ExcelJS, as the previous renderAppendixXlsx wrote it. */
async function viaExcelJs(layout: AppendixLayout): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Chỉ tiêu Nghị quyết";
  wb.title = layout.title;
  addAppendixSheet(wb, layout, layout.appendixLabel || "Phụ lục", { maxDigitPx: maxDigitPxOf(layout.styles.body.size) });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? "" : String(v));
const side = (b?: Partial<ExcelJS.Border>) => (b?.style ? `${b.style}/${b.color?.argb ?? ""}` : "");

/** Everything of the sheet a reader sees, as plain data: differences show up in Jest's diff. */
function describeSheet(wb: ExcelJS.Workbook, nCols: number) {
  const ws = wb.worksheets[0];
  const ps = ws.pageSetup;
  const hf = ws.headerFooter;
  const rows: unknown[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= Math.max(nCols, row.cellCount); c++) {
      const cell = row.getCell(c);
      const f = cell.font ?? {};
      const a = cell.alignment ?? {};
      const b = cell.border ?? {};
      cells.push([
        cell.address,
        text(cell.value),
        `${f.name ?? ""} ${f.size ?? ""}${f.bold ? " bold" : ""}${f.italic ? " italic" : ""}${f.underline ? " underline" : ""}`,
        `${a.horizontal ?? ""} ${a.vertical ?? ""}${a.wrapText ? " wrap" : ""}${a.indent ? ` indent ${a.indent}` : ""}`,
        [side(b.top), side(b.left), side(b.bottom), side(b.right)].join(" "),
      ]);
    }
    rows.push({ r, height: row.height, cells });
  }
  return {
    name: ws.name,
    creator: wb.creator,
    title: wb.title,
    merges: [...(ws.model.merges ?? [])].sort(),
    widths: Array.from({ length: nCols }, (_x, i) => ws.getColumn(i + 1).width),
    gridLines: ws.views[0]?.showGridLines,
    page: [ps.paperSize, ps.orientation, ps.fitToPage, ps.fitToWidth, ps.fitToHeight, ps.horizontalCentered, ps.margins, ps.printTitlesRow],
    headerFooter: [hf.oddHeader ?? "", hf.oddFooter ?? "", !!hf.differentFirst, hf.firstHeader ?? "", hf.firstFooter ?? ""],
    rows,
  };
}

async function compare(layout: AppendixLayout) {
  const nCols = layout.columns.length;
  const before = describeSheet(await load(await viaExcelJs(layout)), nCols);
  const after = describeSheet(await load(await renderAppendixXlsx(layout)), nCols);
  return { before, after };
}

/**
 * A table whose first indicators carry hostile text: control characters, markup, quotes, outer
 * spaces, a line break, a cell of Excel's 32 767 characters; with `escapes`, a literal "_x0041_".
 */
function hostileTable(escapes = false) {
  const t = tableFromTsv();
  const rows = t.rows.filter((r): r is IndicatorRow => r.type === "indicator");
  rows[0].texts = { ...rows[0].texts, name: "Tỷ lệ\u0001 hộ <nghèo> & \"cận nghèo\"\u0007", unit: "  %  ", target: "giảm 1-1,5%\nmỗi năm" };
  rows[1].texts = { ...rows[1].texts, name: "Chỉ tiêu dài ".padEnd(32_767, "x") };
  if (escapes) rows[2].texts = { ...rows[2].texts, name: "Mã _x0041_ và _x005F_ giữ nguyên" };
  return t;
}

describe("appendix .xlsx: SpreadsheetML writer = the ExcelJS writer, read back with ExcelJS", () => {
  test("the reference table", async () => {
    const layout = buildAppendixLayout(tableFromTsv(), REFERENCE_INFO, { levels: 2, columnTitles: { target: "Chỉ tiêu Nghị quyết ĐH VI", status: "So sánh NQ ĐH VI" } });
    const { before, after } = await compare(layout);
    expect(after).toEqual(before);
    expect(before.rows.length).toBe(layout.rows.length);
  });

  test("a realistic table (unique names, every target shape, sub-rows, groups), Đảng 2018 layout", async () => {
    const layout = buildAppendixLayout(realisticTable(400), SAMPLE_INFO, { preset: "dang-2018" });
    const { before, after } = await compare(layout);
    expect(after).toEqual(before);
  });

  test("year columns, baseline, note and column numbers: two-row merged header, portrait, Nhà nước layout", async () => {
    const t = tableFromTsv();
    t.years = [2021, 2022, 2023];
    const layout = buildAppendixLayout(t, REFERENCE_INFO, { columns: { baseline: true, years: true, note: true, columnNumbers: true }, orientation: "portrait", preset: "nha-nuoc" });
    const { before, after } = await compare(layout);
    expect(after.merges.length).toBeGreaterThan(5);
    expect(after).toEqual(before);
  });

  test("Party title block, signature and recipients (merges and two-sided rows outside the table)", async () => {
    const layout = buildAppendixLayout(tableFromTsv(), REFERENCE_INFO, { partyHeader: true, signature: true, recipients: true, levels: 3, marginsMm: { left: 25 } });
    const { before, after } = await compare(layout);
    expect(after).toEqual(before);
  });

  test("hostile text: the same cells as ExcelJS wrote (control characters dropped, the rest as typed, 32 767 characters whole)", async () => {
    const layout = buildAppendixLayout(hostileTable(), REFERENCE_INFO, {});
    const bytes = await renderAppendixXlsx(layout);
    const { before, after } = await compare(layout);
    // Excel shows at most 409,5 pt a row: the writer caps the estimate of the 32 767-character row
    const capped = (d: typeof before) => ({ ...d, rows: d.rows.map((r) => ({ ...(r as object), height: Math.min((r as { height: number }).height, 409.5) })) });
    expect(capped(after)).toEqual(capped(before));
    const values = (await load(bytes)).worksheets[0].getRow(8).values as unknown[];
    expect(values.slice(2, 5)).toEqual(['Tỷ lệ hộ <nghèo> & "cận nghèo"', "  %  ", "giảm 1-1,5%\nmỗi năm"]);
    expect(text((await load(bytes)).worksheets[0].getCell("B9").value)).toHaveLength(32_767);
  });

  test("a literal _xHHHH_ in the user's text is kept as typed (ExcelJS's own writer lost it: Excel reads it as an escaped character)", async () => {
    const layout = buildAppendixLayout(hostileTable(true), REFERENCE_INFO, {});
    const row = layout.rows.findIndex((r) => r.cells.some((c) => c.text.startsWith("Mã _x0041_")));
    const bytes = await renderAppendixXlsx(layout);
    const ws = (await load(bytes)).worksheets[0];
    expect(text(ws.getRow(row + 1).getCell(2).value)).toBe("Mã _x0041_ và _x005F_ giữ nguyên");
    const grid = readWorkbookGridsFast(Buffer.from(bytes))[0];
    expect(grid.values[row][1]).toBe("Mã _x0041_ và _x005F_ giữ nguyên");
    expect(grid.values[8 - 1][1]).toBe('Tỷ lệ hộ <nghèo> & "cận nghèo"');
  });

  test("the comparison sees a missing merge, border, font or print title", async () => {
    const t = tableFromTsv();
    t.years = [2021, 2022, 2023];
    const layout = buildAppendixLayout(t, REFERENCE_INFO, { columns: { baseline: true, years: true } });
    const bytes = await renderAppendixXlsx(layout);
    const good = describeSheet(await load(bytes), layout.columns.length);
    const broken = async (harm: (ws: ExcelJS.Worksheet) => void) => {
      const wb = await load(bytes);
      harm(wb.worksheets[0]);
      return describeSheet(await load(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)), layout.columns.length);
    };
    const rewritten = await broken(() => undefined);
    expect(rewritten).toEqual(good);
    expect(await broken((ws) => ws.unMergeCells("E5:H5"))).not.toEqual(good);
    expect(
      await broken((ws) => {
        ws.getCell("F5").border = {};
      }),
    ).not.toEqual(good);
    expect(
      await broken((ws) => {
        ws.getCell("B9").font = { ...ws.getCell("B9").font, bold: true };
      }),
    ).not.toEqual(good);
    expect(
      await broken((ws) => {
        ws.pageSetup.printTitlesRow = undefined;
      }),
    ).not.toEqual(good);
  });
});
