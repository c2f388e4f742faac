/**
 * Add trajectory charts to a finished .docx (whatever wrote it): native DrawingML chart parts
 * (word/charts/chartN.xml with literal data), one inline chart per indicator after the table, each
 * followed by its verdict as text. Post-processing with JSZip; the rest of the document is untouched.
 */
import JSZip from "jszip";
import type { Trajectory } from "../../core/outlook";
import { CHART_CONTENT_TYPE, CHART_REL_TYPE, chartSpaceXml, chartTitle, xmlEscape } from "./chart-xml";

export const DOCX_CHARTS_HEADING = "BIỂU ĐỒ DIỄN BIẾN THỰC HIỆN VÀ MỨC CẦN ĐẠT ĐẾN CUỐI NHIỆM KỲ";

export interface DocxChartOptions {
  heading?: string;
  /** chart size in millimetres (default 160 × 90) */
  widthMm?: number;
  heightMm?: number;
  /** font size of the text lines, points (default 12) */
  fontPt?: number;
}

const EMU_PER_MM = 36000;

function paragraph(text: string, opts: { bold?: boolean; italic?: boolean; center?: boolean; sizePt: number; pageBreakBefore?: boolean; keepNext?: boolean }): string {
  const sz = Math.round(opts.sizePt * 2);
  const ppr = `<w:pPr>${opts.keepNext ? "<w:keepNext/>" : ""}${opts.pageBreakBefore ? "<w:pageBreakBefore/>" : ""}<w:spacing w:before="120" w:after="120"/>${opts.center ? '<w:jc w:val="center"/>' : '<w:jc w:val="both"/>'}</w:pPr>`;
  const rpr = `<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>${opts.bold ? "<w:b/>" : ""}${opts.italic ? "<w:i/>" : ""}<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/></w:rPr>`;
  return `<w:p>${ppr}<w:r>${rpr}<w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r></w:p>`;
}

function chartParagraph(relId: string, docPrId: number, name: string, descr: string, cx: number, cy: number): string {
  return (
    `<w:p><w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:r><w:drawing>` +
    `<wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">` +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${docPrId}" name="${xmlEscape(name)}" descr="${xmlEscape(descr)}"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${relId}"/>` +
    `</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
  );
}

/** The .docx with the charts appended at the end of the body (after the table); unchanged when there are none. */
export async function addChartsToDocx(docx: Uint8Array, charts: readonly Trajectory[], opts: DocxChartOptions = {}): Promise<Uint8Array> {
  if (charts.length === 0) return docx;
  const zip = await JSZip.loadAsync(docx);
  const docFile = zip.file("word/document.xml");
  const relsFile = zip.file("word/_rels/document.xml.rels");
  const typesFile = zip.file("[Content_Types].xml");
  if (!docFile || !relsFile || !typesFile) throw new Error("Tệp .docx thiếu phần word/document.xml: không thêm được biểu đồ.");
  let doc = await docFile.async("string");
  let rels = await relsFile.async("string");
  let types = await typesFile.async("string");
  const fontPt = opts.fontPt ?? 12;
  const cx = Math.round((opts.widthMm ?? 160) * EMU_PER_MM);
  const cy = Math.round((opts.heightMm ?? 90) * EMU_PER_MM);
  // unique part numbers, relationship ids and drawing ids
  let partNo = 1;
  while (zip.file(`word/charts/chart${partNo}.xml`)) partNo++;
  let docPrId = 1 + Math.max(0, ...Array.from(doc.matchAll(/<wp:docPr[^>]*\bid="(\d+)"/g), (m) => Number(m[1])));
  const relIds = new Set(Array.from(rels.matchAll(/\bId="([^"]+)"/g), (m) => m[1]));
  let body = paragraph(opts.heading ?? DOCX_CHARTS_HEADING, { bold: true, center: true, sizePt: fontPt + 1, pageBreakBefore: true, keepNext: true });
  const newRels: string[] = [];
  const newTypes: string[] = [];
  charts.forEach((tr, i) => {
    let relId = `rIdNqChart${partNo}`;
    while (relIds.has(relId)) relId += "x";
    relIds.add(relId);
    const path = `charts/chart${partNo}.xml`;
    zip.file(`word/${path}`, chartSpaceXml(tr, undefined, { title: false }));
    newRels.push(`<Relationship Id="${relId}" Type="${CHART_REL_TYPE}" Target="${path}"/>`);
    newTypes.push(`<Override PartName="/word/${path}" ContentType="${CHART_CONTENT_TYPE}"/>`);
    body += paragraph(`Biểu đồ ${i + 1}. ${chartTitle(tr, 200)}`, { bold: true, sizePt: fontPt, keepNext: true });
    body += chartParagraph(relId, docPrId++, `Biểu đồ ${i + 1}`, tr.verdict, cx, cy);
    body += paragraph(tr.verdict, { italic: true, sizePt: fontPt });
    partNo++;
  });
  // after the last block of the body: before the body's own sectPr (the last one), else before </w:body>
  const end = doc.lastIndexOf("</w:body>");
  if (end < 0) throw new Error("Tệp .docx không có phần thân (w:body): không thêm được biểu đồ.");
  const sect = doc.lastIndexOf("<w:sectPr", end);
  const lastPara = doc.lastIndexOf("</w:p>", end);
  const lastTbl = doc.lastIndexOf("</w:tbl>", end);
  const at = sect > Math.max(lastPara, lastTbl) ? sect : end;
  doc = doc.slice(0, at) + body + doc.slice(at);
  rels = rels.replace("</Relationships>", newRels.join("") + "</Relationships>");
  types = types.replace("</Types>", newTypes.join("") + "</Types>");
  zip.file("word/document.xml", doc);
  zip.file("word/_rels/document.xml.rels", rels);
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
