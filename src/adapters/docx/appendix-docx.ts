/**
 * The appendix as a Word document, with `docx`. Browser-safe (no fs). One section, landscape by
 * default (portrait A4 11906 × 16838 twips is passed with orientation LANDSCAPE: the library swaps);
 * the table has fixed column widths in twips, header rows repeated on every page (tableHeader),
 * rows that never split across pages (cantSplit), every cell bordered; page numbers centred at the
 * top, not on page 1 when the preset says so.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
} from "docx";
import type { AppendixLayout, HAlign, LayoutCell, LayoutRow, StyleRole } from "../../core/layout";

const A4_PORTRAIT = { width: 11906, height: 16838 };
/** millimetres to twips, rounded (convertMillimetersToTwip truncates: 20 mm would be 1133) */
const twip = (mm: number) => Math.round((mm * 1440) / 25.4);

const ALIGN: Record<HAlign, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};
const VALIGN = { top: VerticalAlign.TOP, middle: VerticalAlign.CENTER, bottom: VerticalAlign.BOTTOM } as const;

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const TABLE_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/**
 * One paragraph. The font, the table size and zero spacing are the document defaults, so runs carry
 * only what differs (bold, italic, another size): 10 000-row tables stay small and fast to write.
 * Line breaks in the text ("\n", the title's balanced lines) become breaks within the paragraph.
 */
function paragraph(layout: AppendixLayout, text: string, role: StyleRole, align?: HAlign, indent?: number, keepNext = false): Paragraph {
  const st = layout.styles[role];
  const size = Math.round(st.size * 2);
  const defaultSize = Math.round(layout.styles.body.size * 2);
  const props = {
    size: size === defaultSize ? undefined : size,
    bold: st.bold || undefined,
    italics: st.italic || undefined,
    underline: st.underline ? { type: UnderlineType.SINGLE } : undefined,
  };
  const lines = text.split("\n");
  return new Paragraph({
    alignment: ALIGN[align ?? st.align],
    indent: indent ? { left: twip(3 * indent) } : undefined,
    keepNext: keepNext || undefined,
    keepLines: keepNext || undefined,
    children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...props })),
  });
}

/** Rows of the title block or the foot with two sides (party line, signature): a borderless table. */
function twoSidedTable(layout: AppendixLayout, rows: LayoutRow[], widths: number[]): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: NO_BORDERS,
    rows: rows.map(
      (r, k) =>
        new TableRow({
          cantSplit: true,
          children: r.cells.map((c, i) => {
            const st = layout.styles[c.role];
            return new TableCell({
              width: { size: widths[i], type: WidthType.DXA },
              verticalAlign: VALIGN[st.valign],
              borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
              // the block stays on one page: each row keeps with the next
              children: [paragraph(layout, c.text, c.role, c.align, undefined, k < rows.length - 1)],
            });
          }),
        }),
    ),
  });
}

export function buildAppendixDocument(layout: AppendixLayout): Document {
  const colTw = layout.columns.map((c) => twip(c.widthMm));
  const spanTw = (c: LayoutCell) => colTw.slice(c.col, c.col + (c.colSpan ?? 1)).reduce((a, b) => a + b, 0);
  const { first, last } = layout.tableRows;
  const children: Array<Paragraph | Table> = [];

  const pushBlock = (rows: LayoutRow[]) => {
    let i = 0;
    while (i < rows.length) {
      const r = rows[i];
      if (r.cells.length >= 2) {
        const group: LayoutRow[] = [];
        while (i < rows.length && rows[i].cells.length >= 2) group.push(rows[i++]);
        const widths = group[0].cells.map(spanTw);
        children.push(twoSidedTable(layout, group, widths));
        continue;
      }
      if (r.cells.length === 0) children.push(new Paragraph({ children: [new TextRun({ text: "", size: 20 })] }));
      else children.push(paragraph(layout, r.cells[0].text, r.cells[0].role, r.cells[0].align));
      i++;
    }
  };

  pushBlock(layout.rows.slice(0, first));
  const headerEnd = layout.headerRows.first + layout.headerRows.count;
  const tableRows = layout.rows.slice(first, last + 1).map((r, k) => {
    const header = first + k < headerEnd;
    return new TableRow({
      tableHeader: header || undefined,
      cantSplit: true,
      children: r.cells.map((c) => {
        const st = layout.styles[c.role];
        return new TableCell({
          width: { size: spanTw(c), type: WidthType.DXA },
          columnSpan: c.colSpan,
          rowSpan: c.rowSpan,
          verticalAlign: VALIGN[st.valign],
          children: [paragraph(layout, c.text, c.role, c.align, c.indent)],
        });
      }),
    });
  });
  children.push(
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: colTw.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: colTw,
      // every cell bordered by the table's borders (inside lines included), cell margins once for all
      borders: TABLE_BORDERS,
      margins: { left: 57, right: 57, top: 20, bottom: 20 },
      rows: tableRows,
    }),
  );
  pushBlock(layout.rows.slice(last + 1));

  const p = layout.page;
  const pn = p.pageNumbers;
  const numberParagraph = () =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children: [PageNumber.CURRENT], font: layout.fontName, size: Math.round((pn?.size ?? 14) * 2) })],
    });
  const empty = () => new Paragraph({ children: [] });
  const headers =
    pn && pn.position === "top-center" ? { default: new Header({ children: [numberParagraph()] }), ...(pn.firstPage ? {} : { first: new Header({ children: [empty()] }) }) } : undefined;

  return new Document({
    creator: "Chỉ tiêu Nghị quyết",
    title: layout.title,
    styles: {
      default: {
        document: {
          run: { font: layout.fontName, size: Math.round(layout.styles.body.size * 2) },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: pn ? !pn.firstPage : false,
          page: {
            size: { ...A4_PORTRAIT, orientation: p.orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: {
              top: twip(p.marginsMm.top),
              bottom: twip(p.marginsMm.bottom),
              left: twip(p.marginsMm.left),
              right: twip(p.marginsMm.right),
              header: twip(p.headerMm),
              footer: twip(p.footerMm),
            },
            pageNumbers: { start: 1 },
          },
        },
        headers,
        children,
      },
    ],
  });
}

/** The appendix as .docx bytes. */
export async function renderAppendixDocx(layout: AppendixLayout): Promise<Uint8Array> {
  return Packer.pack(buildAppendixDocument(layout), "uint8array");
}
