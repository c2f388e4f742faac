/**
 * The appendix as a Word document, written as WordprocessingML text (wordml.ts) rather than through
 * an object tree: rows are written one by one, so a 100 000-row table costs about the size of its
 * own XML. One section, landscape by default; the table has fixed column widths in twips, header
 * rows repeated on every page (tblHeader), rows that never split across pages (cantSplit), every
 * cell bordered by the table's borders; page numbers centred at the top, not on page 1 when the
 * preset says so. Browser-safe (no fs).
 */
import type { AppendixLayout, LayoutCell, LayoutRow } from "../../core/layout";
import { packWord, pageNumberParagraph, paragraph, type RunStyle } from "./wordml";

const A4_PORTRAIT = { width: 11906, height: 16838 };
/** millimetres to twips, rounded */
const twip = (mm: number) => Math.round((mm * 1440) / 25.4);
const VALIGN = { top: "top", middle: "center", bottom: "bottom" } as const;
const LINE = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';
const SIDES = ["top", "left", "bottom", "right", "insideH", "insideV"];
const TABLE_BORDERS = `<w:tblBorders>${SIDES.map((s) => `<w:${s} ${LINE}/>`).join("")}</w:tblBorders>`;
const NO_BORDERS = `<w:tblBorders>${SIDES.map((s) => `<w:${s} w:val="nil"/>`).join("")}</w:tblBorders>`;

/** Run styles by role, computed once: runs carry only what differs from the document default. */
function runStyles(layout: AppendixLayout): Record<string, RunStyle> {
  const defaultSize = Math.round(layout.styles.body.size * 2);
  const out: Record<string, RunStyle> = {};
  for (const [role, st] of Object.entries(layout.styles)) {
    const size = Math.round(st.size * 2);
    out[role] = { size: size === defaultSize ? undefined : size, bold: st.bold, italic: st.italic, underline: st.underline };
  }
  return out;
}

function cellParagraph(layout: AppendixLayout, styles: Record<string, RunStyle>, c: LayoutCell, keepNext = false): string {
  return paragraph(c.text, styles[c.role], { align: c.align ?? layout.styles[c.role].align, indentLeft: c.indent ? twip(3 * c.indent) : undefined, keepNext });
}

function tcPr(width: number, span: number | undefined, vMerge: "" | "restart" | "continue", valign: string): string {
  return (
    `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>` +
    (span && span > 1 ? `<w:gridSpan w:val="${span}"/>` : "") +
    (vMerge === "restart" ? '<w:vMerge w:val="restart"/>' : vMerge === "continue" ? '<w:vMerge w:val="continue"/>' : "") +
    `<w:vAlign w:val="${valign}"/></w:tcPr>`
  );
}

function tableStart(widths: number[], borders: string, cellMargins: boolean): string {
  const total = widths.reduce((a, b) => a + b, 0);
  const mar = cellMargins
    ? '<w:tblCellMar><w:top w:w="20" w:type="dxa"/><w:left w:w="57" w:type="dxa"/><w:bottom w:w="20" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
    : "";
  return `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/>${borders}<w:tblLayout w:type="fixed"/>${mar}</w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
}

/** Rows of the title block or the foot with two sides (party line, signature): a borderless table kept on one page. */
function twoSidedTable(layout: AppendixLayout, styles: Record<string, RunStyle>, rows: LayoutRow[], widths: number[]): string {
  let out = tableStart(widths, NO_BORDERS, false);
  rows.forEach((r, k) => {
    out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
    r.cells.forEach((c, i) => {
      out += `<w:tc>${tcPr(widths[i], undefined, "", VALIGN[layout.styles[c.role].valign])}${cellParagraph(layout, styles, c, k < rows.length - 1)}</w:tc>`;
    });
    out += "</w:tr>";
  });
  return out + "</w:tbl>";
}

function* blockParts(layout: AppendixLayout, styles: Record<string, RunStyle>, rows: LayoutRow[], spanTw: (c: LayoutCell) => number): Generator<string> {
  let i = 0;
  while (i < rows.length) {
    const r = rows[i];
    if (r.cells.length >= 2) {
      const group: LayoutRow[] = [];
      while (i < rows.length && rows[i].cells.length >= 2) group.push(rows[i++]);
      yield twoSidedTable(layout, styles, group, group[0].cells.map(spanTw));
      continue;
    }
    if (r.cells.length === 0) yield paragraph("", { size: 20 });
    else yield cellParagraph(layout, styles, r.cells[0]);
    i++;
  }
}

/** The main table, a row at a time; cells covered by a vertical span get their "continue" cell. */
function* mainTable(layout: AppendixLayout, styles: Record<string, RunStyle>, colTw: number[], spanTw: (c: LayoutCell) => number): Generator<string> {
  const { first, last } = layout.tableRows;
  const headerEnd = layout.headerRows.first + layout.headerRows.count;
  yield tableStart(colTw, TABLE_BORDERS, true);
  // per column: rows still covered by a vertical span above, and that span's width
  const covered: Array<{ left: number; span: number; valign: string } | undefined> = [];
  for (let ri = first; ri <= last; ri++) {
    const r = layout.rows[ri];
    let out = ri < headerEnd ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
    let k = 0;
    for (let col = 0; col < colTw.length; ) {
      const cover = covered[col];
      if (cover && cover.left > 0) {
        cover.left--;
        out += `<w:tc>${tcPr(colTw.slice(col, col + cover.span).reduce((a, b) => a + b, 0), cover.span, "continue", cover.valign)}<w:p/></w:tc>`;
        col += cover.span;
        continue;
      }
      const c = r.cells[k];
      if (!c || c.col !== col) {
        col++;
        continue;
      }
      k++;
      const valign = VALIGN[layout.styles[c.role].valign];
      const rowSpan = c.rowSpan ?? 1;
      if (rowSpan > 1) covered[col] = { left: rowSpan - 1, span: c.colSpan ?? 1, valign };
      out += `<w:tc>${tcPr(spanTw(c), c.colSpan, rowSpan > 1 ? "restart" : "", valign)}${cellParagraph(layout, styles, c)}</w:tc>`;
      col += c.colSpan ?? 1;
    }
    yield out + "</w:tr>";
  }
  yield "</w:tbl>";
}

function* bodyParts(layout: AppendixLayout): Generator<string> {
  const styles = runStyles(layout);
  const colTw = layout.columns.map((c) => twip(c.widthMm));
  const spanTw = (c: LayoutCell) => colTw.slice(c.col, c.col + (c.colSpan ?? 1)).reduce((a, b) => a + b, 0);
  const { first, last } = layout.tableRows;
  yield* blockParts(layout, styles, layout.rows.slice(0, first), spanTw);
  yield* mainTable(layout, styles, colTw, spanTw);
  yield* blockParts(layout, styles, layout.rows.slice(last + 1), spanTw);
}

/** The appendix as .docx bytes. */
export async function renderAppendixDocx(layout: AppendixLayout): Promise<Uint8Array> {
  const p = layout.page;
  const landscape = p.orientation === "landscape";
  const pn = p.pageNumbers;
  const header =
    pn && pn.position === "top-center"
      ? { default: pageNumberParagraph({ font: layout.fontName, size: Math.round((pn.size ?? 14) * 2) }), first: pn.firstPage ? undefined : "" }
      : undefined;
  return packWord({
    body: bodyParts(layout),
    page: {
      width: landscape ? A4_PORTRAIT.height : A4_PORTRAIT.width,
      height: landscape ? A4_PORTRAIT.width : A4_PORTRAIT.height,
      landscape,
      margins: {
        top: twip(p.marginsMm.top),
        right: twip(p.marginsMm.right),
        bottom: twip(p.marginsMm.bottom),
        left: twip(p.marginsMm.left),
        header: twip(p.headerMm),
        footer: twip(p.footerMm),
      },
    },
    header,
    defaultFont: layout.fontName,
    defaultSize: Math.round(layout.styles.body.size * 2),
    title: layout.title,
    creator: "Chỉ tiêu Nghị quyết",
  });
}
