/**
 * Round trip (issue 10): every text written into the appendix equals the source cell's text, in the
 * layout, in the .xlsx read back with ExcelJS and in the .docx XML. Hostile text: en dashes, double
 * spaces, "- " sub-rows, line breaks, leading and trailing spaces, NFD (decomposed) letters, which
 * are kept exactly as typed. Then the reference table: names, targets and results character for
 * character, the sheet's column titles, only "Đạt" / "Chưa đạt".
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildAppendixLayout, withSourceTexts, type AppendixLayout } from "../../../src/core/layout";
import { renderAppendixXlsx } from "../../../src/adapters/xlsx/appendix-xlsx";
import { renderAppendixDocx } from "../../../src/adapters/docx/appendix-docx";
import { evaluateTable } from "../../../src/core/evaluation/evaluate-table";
import { readIndicatorTable } from "../../../src/core/sheet/reader";
import type { Grid } from "../../../src/core/sheet/grid";
import type { IndicatorTable } from "../../../src/core/model";
import { REFERENCE_INFO, REFERENCE_TSV, tableFromTsv } from "../../support/appendix-fixture";

/** Cells of the table's rows, as ExcelJS reads them back (row by row, "" for empty). */
async function xlsxTableTexts(bytes: Uint8Array, l: AppendixLayout): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const out: string[][] = [];
  for (let r = l.tableRows.first; r <= l.tableRows.last; r++) {
    const row: string[] = [];
    for (let c = 1; c <= l.columns.length; c++) {
      const v = ws.getRow(r + 1).getCell(c).value;
      row.push(v === null || v === undefined ? "" : String(v));
    }
    out.push(row);
  }
  return out;
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Texts of the main table's cells in the .docx XML: runs joined, <w:br/> as "\n". */
async function docxTableTexts(bytes: Uint8Array): Promise<string[][]> {
  const zip = await JSZip.loadAsync(bytes);
  const doc = await zip.file("word/document.xml")!.async("string");
  const tables = doc.split("<w:tbl>").slice(1).map((t) => t.split("</w:tbl>")[0]);
  const main = tables.find((t) => t.includes("<w:tblHeader"))!;
  return main
    .split("<w:tr>")
    .slice(1)
    .map((tr) =>
      tr
        .split("<w:tc>")
        .slice(1)
        .map((tc) =>
          [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[0] === "<w:br/>" ? "\n" : unescapeXml(m[1]))).join(""),
        ),
    );
}

/** The layout's table cells, each at its column (covered cells ""). */
function layoutTableTexts(l: AppendixLayout): string[][] {
  return l.rows.slice(l.tableRows.first, l.tableRows.last + 1).map((r) => {
    const row = new Array<string>(l.columns.length).fill("");
    for (const c of r.cells) row[c.col] = c.text;
    return row;
  });
}

/** The same, as the docx writer lays them out: one cell per layout cell, in order. */
function layoutCellsInOrder(l: AppendixLayout): string[][] {
  return l.rows.slice(l.tableRows.first, l.tableRows.last + 1).map((r) => r.cells.map((c) => c.text));
}

const NFD_NAME = "Tỷ lệ hộ nghèo".normalize("NFD");

/** A sheet typed by hand: every hostile text a real report has. */
const HOSTILE_GRID: Grid = {
  sheet: "Chỉ tiêu",
  values: [
    ["TT", "Chỉ tiêu  chủ yếu", "Đơn vị\ntính", "Chỉ tiêu Nghị quyết Đại hội XXI", "Kết quả thực hiện đến nay", "So sánh NQ ĐH VI"],
    ["I", "Kinh tế – xã hội", null, null, null, null],
    ["1", "Tốc độ tăng trưởng kinh tế  bình quân (GRDP)", "%/năm", "8,5 – 9", "7,8", "Chưa đạt"],
    [null, "- Khu vực công nghiệp – xây dựng", "%/năm", "10 - 11", "11,5", "Vượt"],
    [null, "-  Khu vực dịch vụ (hai dấu cách)", "%", "≥ 9", "trên 9", "Đạt"],
    ["2", "Thu ngân sách nhà nước\ntrên địa bàn", "tỷ đồng", "Tăng 10%/năm", "12,3%/năm", "Đạt"],
    ["3", NFD_NAME, "%", "dưới 1", "0,9 ", "Đạt"],
    ["4", " Hoàn thành trung tâm hành chính ", "công trình", "sớm hoàn thành", "Đã khởi công", "Cơ bản đạt"],
  ],
};

/** The same texts as a table a reader would give when it keeps them (built directly, no reader). */
function hostileTable(): IndicatorTable {
  const r = readIndicatorTable(HOSTILE_GRID);
  if (!r.ok) throw new Error(r.error.message);
  return evaluateTable(withSourceTexts(r.table, HOSTILE_GRID));
}

/** The source cell behind each layout column key of a body row, "" when empty or a number. */
function sourceText(row: unknown[], key: string): string | undefined {
  const col: Record<string, number> = { tt: 0, name: 1, unit: 2, target: 3, actual: 4 };
  if (!(key in col)) return undefined;
  const v = row[col[key]];
  return typeof v === "string" ? v : v === null || v === undefined ? "" : undefined;
}

describe("round trip: every text in the appendix is the source cell's text", () => {
  const table = hostileTable();
  const layout = buildAppendixLayout(table, {}, { title: "KẾT QUẢ  THỰC HIỆN, NHIỆM KỲ 2020 – 2025", kemTheo: "(Kèm theo Báo cáo số 12-BC/HU,  ngày 05/02/2027)" });

  test("layout: header titles, names, units, targets, results as typed; title and Kèm theo as typed", () => {
    expect(layout.columns.map((c) => c.title)).toEqual(HOSTILE_GRID.values[0]);
    const body = layout.rows.filter((r) => r.section === "body");
    expect(body).toHaveLength(HOSTILE_GRID.values.length - 1);
    body.forEach((r, i) => {
      const src = HOSTILE_GRID.values[i + 1];
      for (const c of r.cells) {
        const expected = sourceText(src, layout.columns[c.col].key);
        if (expected !== undefined) expect({ row: i + 2, key: layout.columns[c.col].key, text: c.text }).toEqual({ row: i + 2, key: layout.columns[c.col].key, text: expected });
      }
    });
    expect(layout.title).toBe("KẾT QUẢ  THỰC HIỆN, NHIỆM KỲ 2020 – 2025");
    expect(layout.kemTheo).toBe("(Kèm theo Báo cáo số 12-BC/HU,  ngày 05/02/2027)");
    // NFD stays NFD, sub-rows keep their "- " and are indented
    expect(body[5].cells[1].text).toBe(NFD_NAME);
    expect(body[5].cells[1].text).not.toBe(NFD_NAME.normalize("NFC"));
    expect(body[3].cells[1]).toMatchObject({ text: "-  Khu vực dịch vụ (hai dấu cách)", indent: 1 });
    // the row the tool cannot judge keeps the sheet's verdict
    expect(body[6].cells[5].text).toBe("Cơ bản đạt");
    expect(body[6].statusFromSheet).toBe(true);
  });

  test(".xlsx read back with ExcelJS: every cell equals the layout's, so the source's", async () => {
    const got = await xlsxTableTexts(await renderAppendixXlsx(layout), layout);
    expect(got).toEqual(layoutTableTexts(layout));
  });

  test(".docx XML: every cell equals the layout's, so the source's", async () => {
    const got = await docxTableTexts(await renderAppendixDocx(layout));
    expect(got).toEqual(layoutCellsInOrder(layout));
  });
});

describe("the reference table (Bảo Lộc 2023) in .xlsx and .docx", () => {
  const printed = REFERENCE_TSV.split("\n").map((l) => l.split("\t"));
  const head = printed[0];
  const body = printed.slice(1);
  const layout = buildAppendixLayout(tableFromTsv(), REFERENCE_INFO);

  const check = (cells: string[][]) => {
    expect(cells[0]).toEqual(head); // the sheet's column titles
    const rows = cells.slice(1);
    expect(rows).toHaveLength(body.length);
    rows.forEach((r, i) => {
      const src = body[i];
      // name, target, result character for character (TT, name, unit, target, result)
      expect([r[0], r[1], r[2], r[3], r[4]]).toEqual([0, 1, 2, 3, 4].map((k) => src[k] ?? ""));
    });
    // only the sheet's words: Đạt / Chưa đạt
    expect(new Set(rows.map((r) => r[5]).filter((s) => s !== ""))).toEqual(new Set(["Đạt", "Chưa đạt"]));
    // and each agrees with the printed one except the report's known error ("> 98" against 98)
    const differ = rows.map((r, i) => [r[5], body[i][5] ?? ""]).filter(([a, b], i) => a !== b && !(body[i][3] === "> 98" && body[i][4] === "98"));
    expect(differ).toEqual([]);
  };

  test(".xlsx", async () => {
    check(await xlsxTableTexts(await renderAppendixXlsx(layout), layout));
  });
  test(".docx", async () => {
    check(await docxTableTexts(await renderAppendixDocx(layout)));
  });
});
