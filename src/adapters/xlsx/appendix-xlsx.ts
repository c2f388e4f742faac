/**
 * The appendix as an Excel sheet. Browser-safe (no fs): it only translates the layout model.
 * Two writers share the layout's page, styles and widths described here:
 * - `renderAppendixXlsx`: the appendix alone as .xlsx bytes, written as SpreadsheetML text row by
 *   row (xlsx-writer.ts), so memory stays close to the size of the file;
 * - `addAppendixSheet`: the appendix added to a workbook already open in ExcelJS (the browser page).
 * Every table cell is bordered, including every cell covered by a merge (it takes the merge's
 * first cell's look, as Excel does); print titles repeat the header rows; A4, fit to one page wide,
 * margins and page numbers from the layout.
 */
import type ExcelJS from "exceljs";
import { type AppendixLayout, type LayoutCell, type StyleRole } from "../../core/layout";
import { safeSheetName } from "../../core/sheet/sheet-names";
import { CellFormats, packWorkbook, SharedStrings, WorksheetWriter, type CellFormat, type SheetHeaderFooter, type SheetPage } from "./xlsx-writer";

const MM_PER_INCH = 25.4;
const CREATOR = "Chỉ tiêu Nghị quyết";

/**
 * Excel column width for a printed width. Widths count characters of the workbook's Normal font:
 * its widest digit is 7 px for Calibri 11 (Excel's default), 8 px for Times New Roman 12; 5 px padding.
 */
export function excelWidthFromMm(mm: number, maxDigitPx = 7): number {
  const px = (mm / MM_PER_INCH) * 96;
  return Math.max(1, Math.round(((px - 5) / maxDigitPx) * 100) / 100);
}

/** Widest digit in pixels of a Normal font of `sizePt` points (about half its height at 96 dpi). */
export function maxDigitPxOf(sizePt: number): number {
  return Math.round((sizePt * 96) / 72 / 2);
}

export interface AddSheetOptions {
  /** widest digit of the workbook's Normal font in pixels (7: Calibri 11, the default; 8: Times New Roman 12) */
  maxDigitPx?: number;
}

/** The look of a cell of `role`, with the cell's own alignment and indent. */
function cellFormat(layout: AppendixLayout, role: StyleRole, cell?: Pick<LayoutCell, "align" | "indent">): CellFormat {
  const st = layout.styles[role];
  return {
    font: { name: layout.fontName, size: st.size, bold: st.bold, italic: st.italic, underline: st.underline },
    horizontal: cell?.align ?? st.align,
    vertical: st.valign,
    wrap: st.wrap,
    indent: cell?.indent || undefined,
    border: st.border,
  };
}

const formatKey = (role: StyleRole, cell?: Pick<LayoutCell, "align" | "indent">) => `${role}|${cell?.align ?? ""}|${cell?.indent ?? 0}`;

function sheetPage(layout: AppendixLayout): SheetPage {
  const p = layout.page;
  const inch = (mm: number) => Math.round((mm / MM_PER_INCH) * 1000) / 1000;
  return {
    paperSize: 9, // A4
    orientation: p.orientation,
    fitToPage: p.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: p.centerHorizontally,
    margins: {
      top: inch(p.marginsMm.top),
      bottom: inch(p.marginsMm.bottom),
      left: inch(p.marginsMm.left),
      right: inch(p.marginsMm.right),
      header: inch(p.headerMm),
      footer: inch(p.footerMm),
    },
  };
}

/** Page numbers centred at the top (or bottom), in the layout's font and size; none on page 1 when the preset says so. */
function sheetHeaderFooter(layout: AppendixLayout): SheetHeaderFooter {
  const pn = layout.page.pageNumbers;
  const out: SheetHeaderFooter = {};
  if (!pn) return out;
  const code = `&C&"${layout.fontName},Regular"&${pn.size}&P`;
  if (pn.position === "top-center") out.oddHeader = code;
  else out.oddFooter = code;
  if (!pn.firstPage) {
    out.differentFirst = true;
    out.firstHeader = "";
    out.firstFooter = "";
  }
  return out;
}

/** 1-based first and last header row, printed on every page. */
function printTitleRows(layout: AppendixLayout): [number, number] | undefined {
  const h = layout.headerRows;
  return h.count > 0 ? [h.first + 1, h.first + h.count] : undefined;
}

type Style = Partial<ExcelJS.Style>;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FF000000" } },
  left: { style: "thin", color: { argb: "FF000000" } },
  bottom: { style: "thin", color: { argb: "FF000000" } },
  right: { style: "thin", color: { argb: "FF000000" } },
};

/** One shared ExcelJS style object per (role, alignment, indent): ExcelJS then writes few distinct styles. */
class StyleCache {
  private cache = new Map<string, Style>();
  constructor(private readonly layout: AppendixLayout) {}
  get(role: StyleRole, cell?: Pick<LayoutCell, "align" | "indent">): Style {
    const key = formatKey(role, cell);
    let s = this.cache.get(key);
    if (!s) {
      const f = cellFormat(this.layout, role, cell);
      const font: Partial<ExcelJS.Font> = { name: f.font.name, size: f.font.size, family: 1 };
      if (f.font.bold) font.bold = true;
      if (f.font.italic) font.italic = true;
      if (f.font.underline) font.underline = true;
      const alignment: Partial<ExcelJS.Alignment> = { horizontal: f.horizontal, vertical: f.vertical, wrapText: f.wrap };
      if (f.indent) alignment.indent = f.indent;
      s = { font, alignment };
      if (f.border) s.border = THIN;
      this.cache.set(key, s);
    }
    return s;
  }
}

/**
 * Add the appendix as a new sheet. Never replaces a sheet: a name already in the workbook is refused
 * (pick a free one first, e.g. "Phụ lục 1 (2)").
 */
export function addAppendixSheet(workbook: ExcelJS.Workbook, layout: AppendixLayout, name: string, opts: AddSheetOptions = {}): ExcelJS.Worksheet {
  const sheetName = safeSheetName(name);
  if (workbook.worksheets.some((w) => w.name.toLowerCase() === sheetName.toLowerCase())) {
    throw new Error(`Tệp đã có trang "${sheetName}"; không ghi đè. Hãy chọn tên khác.`);
  }
  const pageSetup: Partial<ExcelJS.PageSetup> = sheetPage(layout);
  const titles = printTitleRows(layout);
  if (titles) pageSetup.printTitlesRow = `${titles[0]}:${titles[1]}`;
  const headerFooter: Partial<ExcelJS.HeaderFooter> = sheetHeaderFooter(layout);
  const ws = workbook.addWorksheet(sheetName, {
    pageSetup,
    headerFooter,
    views: [{ showGridLines: false }],
    properties: { defaultRowHeight: 15.75 } as ExcelJS.WorksheetProperties,
  });
  ws.columns = layout.columns.map((c) => ({ key: c.key, width: excelWidthFromMm(c.widthMm, opts.maxDigitPx) }));

  const styles = new StyleCache(layout);
  const nCols = layout.columns.length;
  const { first: tableFirst, last: tableLast } = layout.tableRows;
  // covered cells of merges inside the table: they need the master's border (and style)
  const covered = new Map<string, Style>();
  for (let ri = tableFirst; ri <= tableLast; ri++) {
    for (const c of layout.rows[ri].cells) {
      const rs = c.rowSpan ?? 1;
      const cs = c.colSpan ?? 1;
      if (rs === 1 && cs === 1) continue;
      const st = styles.get(c.role, c);
      for (let r = ri; r < ri + rs; r++) for (let k = c.col; k < c.col + cs; k++) if (r !== ri || k !== c.col) covered.set(`${r}:${k}`, st);
    }
  }

  layout.rows.forEach((lr, ri) => {
    const row = ws.getRow(ri + 1);
    row.height = lr.heightPt;
    const inTable = ri >= tableFirst && ri <= tableLast;
    if (inTable) {
      let next = 0;
      for (const c of lr.cells) {
        for (; next < c.col; next++) {
          const cell = row.getCell(next + 1);
          cell.style = covered.get(`${ri}:${next}`) ?? styles.get("body");
        }
        const cell = row.getCell(c.col + 1);
        cell.value = c.text;
        cell.style = styles.get(c.role, c);
        next = c.col + 1;
      }
      for (; next < nCols; next++) row.getCell(next + 1).style = covered.get(`${ri}:${next}`) ?? styles.get("body");
    } else {
      for (const c of lr.cells) {
        const cell = row.getCell(c.col + 1);
        cell.value = c.text;
        cell.style = styles.get(c.role, c);
      }
    }
  });
  // merges last
  for (const m of layout.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rowSpan, m.col + m.colSpan);
  return ws;
}

/**
 * The appendix alone, as .xlsx bytes, written as SpreadsheetML text a row at a time. The workbook's
 * Normal font is the layout's font at the table size, so column widths mean the same in Excel and
 * in LibreOffice (which has no Calibri and would widen every column). Cells as in `addAppendixSheet`:
 * the layout's cells with their text; in the table, every column of every row (a cell covered by a
 * merge takes the look of the merge's first cell, any other empty cell the body's); outside it, the
 * cells covered by a merge take its first cell's look. Empty texts are blank cells.
 */
export async function renderAppendixXlsx(layout: AppendixLayout, sheetName = layout.appendixLabel || "Phụ lục"): Promise<Uint8Array> {
  const normalSize = layout.styles.body.size;
  const formats = new CellFormats({ name: layout.fontName, size: normalSize });
  const strings = new SharedStrings();
  const ids = new Map<string, number>();
  const formatId = (role: StyleRole, cell?: LayoutCell) => {
    const key = formatKey(role, cell);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = formats.id(cellFormat(layout, role, cell))));
    return id;
  };
  const maxDigitPx = maxDigitPxOf(normalSize);
  const sheet = new WorksheetWriter(
    {
      name: safeSheetName(sheetName),
      columnWidths: layout.columns.map((c) => excelWidthFromMm(c.widthMm, maxDigitPx)),
      defaultRowHeight: 15.75,
      showGridLines: false,
      page: sheetPage(layout),
      headerFooter: sheetHeaderFooter(layout),
      printTitleRows: printTitleRows(layout),
    },
    strings,
  );
  const nCols = layout.columns.length;
  const { first: tableFirst, last: tableLast } = layout.tableRows;
  const inTable = (ri: number) => ri >= tableFirst && ri <= tableLast;
  const bodyId = formatId("body");
  // cells covered by a span or a merge (key row × width + column): the format of the span's first cell
  let width = nCols;
  for (const m of layout.merges) width = Math.max(width, m.col + m.colSpan);
  const covered = new Map<number, number>();
  const cover = (row: number, col: number, rowSpan: number, colSpan: number, id: number) => {
    for (let r = row; r < row + rowSpan; r++) for (let k = col; k < col + colSpan; k++) if (r !== row || k !== col) covered.set(r * width + k, id);
  };
  for (let ri = tableFirst; ri <= tableLast; ri++) {
    for (const c of layout.rows[ri].cells) if ((c.rowSpan ?? 1) > 1 || (c.colSpan ?? 1) > 1) cover(ri, c.col, c.rowSpan ?? 1, c.colSpan ?? 1, formatId(c.role, c));
  }
  for (const m of layout.merges) {
    const first = layout.rows[m.row]?.cells.find((c) => c.col === m.col);
    cover(m.row, m.col, m.rowSpan, m.colSpan, first ? formatId(first.role, first) : inTable(m.row) ? (covered.get(m.row * width + m.col) ?? bodyId) : 0);
  }

  layout.rows.forEach((lr, ri) => {
    sheet.startRow(ri + 1, lr.heightPt);
    const table = inTable(ri);
    const cells = lr.cells;
    const end = Math.max(width, cells.length ? cells[cells.length - 1].col + 1 : 0);
    let k = 0;
    for (let col = 0; col < end; col++) {
      const c = cells[k];
      if (c && c.col === col) {
        k++;
        sheet.cell(col, formatId(c.role, c), c.text);
        continue;
      }
      const id = covered.get(ri * width + col);
      if (id !== undefined) sheet.cell(col, id);
      else if (table && col < nCols) sheet.cell(col, bodyId);
    }
    sheet.endRow();
  });
  for (const m of layout.merges) sheet.merge(m.row + 1, m.col + 1, m.row + m.rowSpan, m.col + m.colSpan);
  return packWorkbook({ sheets: [sheet], formats, strings, title: layout.title, creator: CREATOR });
}
