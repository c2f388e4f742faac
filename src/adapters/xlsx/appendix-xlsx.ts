/**
 * The appendix as an Excel sheet, with ExcelJS. Browser-safe (no fs): it only translates the layout
 * model. Every table cell is bordered, including every cell covered by a merge; merges go in last
 * (ExcelJS loses them when values are set afterwards); print titles repeat the header rows; A4,
 * fit to one page wide, margins and page numbers from the layout.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { type AppendixLayout, type LayoutCell, type StyleRole, type TextStyle } from "../../core/layout";
import { safeSheetName } from "../../core/sheet/sheet-names";

const MM_PER_INCH = 25.4;

/**
 * Excel column width for a printed width. Widths count characters of the workbook's Normal font:
 * its widest digit is 7 px for Calibri 11 (Excel's default), 8 px for Times New Roman 12; 5 px padding.
 */
export function excelWidthFromMm(mm: number, maxDigitPx = 7): number {
  const px = (mm / MM_PER_INCH) * 96;
  return Math.max(1, Math.round(((px - 5) / maxDigitPx) * 100) / 100);
}

export interface AddSheetOptions {
  /** widest digit of the workbook's Normal font in pixels (7: Calibri 11, the default; 8: Times New Roman 12) */
  maxDigitPx?: number;
}

type Style = Partial<ExcelJS.Style>;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FF000000" } },
  left: { style: "thin", color: { argb: "FF000000" } },
  bottom: { style: "thin", color: { argb: "FF000000" } },
  right: { style: "thin", color: { argb: "FF000000" } },
};

/** One shared style object per (role, alignment, indent): ExcelJS then writes few distinct styles. */
class StyleCache {
  private cache = new Map<string, Style>();
  constructor(private readonly layout: AppendixLayout) {}
  get(role: StyleRole, cell?: Pick<LayoutCell, "align" | "indent">): Style {
    const key = `${role}|${cell?.align ?? ""}|${cell?.indent ?? 0}`;
    let s = this.cache.get(key);
    if (!s) {
      const st: TextStyle = this.layout.styles[role];
      const font: Partial<ExcelJS.Font> = { name: this.layout.fontName, size: st.size, family: 1 };
      if (st.bold) font.bold = true;
      if (st.italic) font.italic = true;
      if (st.underline) font.underline = true;
      const alignment: Partial<ExcelJS.Alignment> = {
        horizontal: cell?.align ?? st.align,
        vertical: st.valign,
        wrapText: st.wrap,
      };
      if (cell?.indent) alignment.indent = cell.indent;
      s = { font, alignment };
      if (st.border) s.border = THIN;
      this.cache.set(key, s);
    }
    return s;
  }
}

/** Header and footer codes: page number centred at the top (or bottom), in the layout's font and size. */
function pageNumberCode(layout: AppendixLayout): string {
  const pn = layout.page.pageNumbers!;
  return `&C&"${layout.fontName},Regular"&${pn.size}&P`;
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
  const p = layout.page;
  const inch = (mm: number) => Math.round((mm / MM_PER_INCH) * 1000) / 1000;
  const pageSetup: Partial<ExcelJS.PageSetup> = {
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
  if (layout.headerRows.count > 0) {
    pageSetup.printTitlesRow = `${layout.headerRows.first + 1}:${layout.headerRows.first + layout.headerRows.count}`;
  }
  const headerFooter: Partial<ExcelJS.HeaderFooter> = {};
  if (p.pageNumbers) {
    const code = pageNumberCode(layout);
    if (p.pageNumbers.position === "top-center") headerFooter.oddHeader = code;
    else headerFooter.oddFooter = code;
    if (!p.pageNumbers.firstPage) {
      headerFooter.differentFirst = true;
      headerFooter.firstHeader = "";
      headerFooter.firstFooter = "";
    }
  }
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
 * The appendix alone, as .xlsx bytes. The workbook's Normal font becomes the layout's font at the
 * table size (ExcelJS always writes Calibri 11), so column widths mean the same in Excel and in
 * LibreOffice, which has no Calibri and would widen every column.
 */
export async function renderAppendixXlsx(layout: AppendixLayout, sheetName = layout.appendixLabel || "Phụ lục"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Chỉ tiêu Nghị quyết";
  wb.title = layout.title;
  const normalSize = layout.styles.body.size;
  addAppendixSheet(wb, layout, sheetName, { maxDigitPx: Math.round((normalSize * 96) / 72 / 2) });
  const buf = await wb.xlsx.writeBuffer();
  return setNormalFont(new Uint8Array(buf as ArrayBuffer), layout.fontName, normalSize);
}

/** Replace the first font of xl/styles.xml (the Normal style's) with `name` at `size`. */
export async function setNormalFont(xlsx: Uint8Array, name: string, size: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const file = zip.file("xl/styles.xml");
  if (!file) return xlsx;
  const xml = await file.async("string");
  const esc = name.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const patched = xml.replace(/(<fonts\b[^>]*>)<font>[\s\S]*?<\/font>/, `$1<font><sz val="${size}"/><color theme="1"/><name val="${esc}"/><family val="1"/></font>`);
  zip.file("xl/styles.xml", patched);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
