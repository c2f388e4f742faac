/**
 * The section "Các chỉ tiêu chủ yếu" as a Word document, with `docx`: A4 portrait, the preset's
 * margins, Times New Roman at the preset's body size, paragraphs justified with a first-line
 * indent, headings bold, targets in italics, review marks highlighted. Browser-safe (no fs).
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import type { ReportSection } from "../../core/report/writer";
import type { ReportStyle } from "../../core/report/style";
import { reportStyle } from "../../core/report/style";

const twip = (mm: number) => Math.round((mm * 1440) / 25.4);

export function buildReportDocument(section: ReportSection, style: ReportStyle = reportStyle()): Document {
  const children = section.paragraphs.map((p) => {
    const bold = p.kind === "heading" || p.kind === "title";
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: twip(style.indentMm) },
      spacing: { after: Math.round(style.spaceAfterPt * 20) },
      keepNext: bold || undefined,
      children: p.runs.map(
        (r) => new TextRun({ text: r.text, bold: bold || undefined, italics: r.italic || undefined, highlight: r.review ? "yellow" : undefined }),
      ),
    });
  });
  return new Document({
    creator: "Chỉ tiêu Nghị quyết",
    title: "Các chỉ tiêu chủ yếu",
    styles: { default: { document: { run: { font: style.fontName, size: Math.round(style.bodySize * 2) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: twip(style.marginsMm.top), bottom: twip(style.marginsMm.bottom), left: twip(style.marginsMm.left), right: twip(style.marginsMm.right) },
          },
        },
        children,
      },
    ],
  });
}

export async function renderReportDocx(section: ReportSection, style?: ReportStyle): Promise<Uint8Array> {
  return Packer.pack(buildReportDocument(section, style), "uint8array");
}
