/**
 * WordprocessingML written directly as text: the few parts a Word document needs (document, styles,
 * settings, headers, relationships, content types, core properties), zipped with JSZip. No object
 * tree: a 100 000-row table is written row by row into byte chunks, so memory stays close to the
 * size of the file itself. Browser-safe (no fs).
 */
import JSZip from "jszip";
import { CORE_PROPS_CONTENT_TYPE, REL, XML_HEAD, XmlChunks, contentTypesXml, corePropsXml, relationshipsXml, rootRelationshipsXml, xmlEscape, type Relationship } from "../ooxml/package-xml";

export { xmlEscape };

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export interface RunStyle {
  /** half-points; omitted when it is the document default */
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  font?: string;
}

export function runProps(st: RunStyle): string {
  let p = "";
  if (st.font) p += `<w:rFonts w:ascii="${st.font}" w:cs="${st.font}" w:eastAsia="${st.font}" w:hAnsi="${st.font}"/>`;
  if (st.bold) p += "<w:b/><w:bCs/>";
  if (st.italic) p += "<w:i/><w:iCs/>";
  if (st.underline) p += '<w:u w:val="single"/>';
  if (st.size) p += `<w:sz w:val="${st.size}"/><w:szCs w:val="${st.size}"/>`;
  return p ? `<w:rPr>${p}</w:rPr>` : "";
}

/** Runs of a text: "\n" becomes a line break inside the paragraph; spaces are kept as typed. */
export function runs(text: string, st: RunStyle): string {
  const rPr = runProps(st);
  const lines = text.split("\n");
  let out = "";
  for (let i = 0; i < lines.length; i++) out += `<w:r>${rPr}${i > 0 ? "<w:br/>" : ""}<w:t xml:space="preserve">${xmlEscape(lines[i])}</w:t></w:r>`;
  return out;
}

export interface ParagraphOptions {
  align?: "left" | "center" | "right" | "both";
  /** left indent, twips */
  indentLeft?: number;
  keepNext?: boolean;
}

export function paragraph(text: string, st: RunStyle, o: ParagraphOptions = {}): string {
  let pPr = "";
  if (o.keepNext) pPr += "<w:keepNext/><w:keepLines/>";
  if (o.indentLeft) pPr += `<w:ind w:left="${o.indentLeft}"/>`;
  if (o.align) pPr += `<w:jc w:val="${o.align}"/>`;
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${runs(text, st)}</w:p>`;
}

/** A paragraph holding the PAGE field (page numbers in a header). */
export function pageNumberParagraph(st: RunStyle, align: ParagraphOptions["align"] = "center"): string {
  const r = (inner: string) => `<w:r>${runProps(st)}${inner}</w:r>`;
  return `<w:p><w:pPr><w:jc w:val="${align}"/></w:pPr>${r('<w:fldChar w:fldCharType="begin"/>')}${r('<w:instrText xml:space="preserve">PAGE</w:instrText>')}${r('<w:fldChar w:fldCharType="separate"/>')}${r("<w:t>1</w:t>")}${r('<w:fldChar w:fldCharType="end"/>')}</w:p>`;
}

export interface PageSetupTwips {
  /** as oriented */
  width: number;
  height: number;
  landscape: boolean;
  margins: { top: number; right: number; bottom: number; left: number; header: number; footer: number };
}

export interface WordPackage {
  /** the body's XML, in chunks (paragraphs and tables); the section properties are added here */
  body: Iterable<string>;
  page: PageSetupTwips;
  /** default header, and the first page's header when the first page differs */
  header?: { default: string; first?: string };
  defaultFont: string;
  /** half-points */
  defaultSize: number;
  title?: string;
  creator?: string;
}

function documentXml(p: WordPackage, headerIds: { default?: string; first?: string }): Uint8Array {
  const body = new XmlChunks();
  for (const part of p.body) body.add(part);
  const m = p.page.margins;
  let sect = "<w:sectPr>";
  if (headerIds.default) sect += `<w:headerReference w:type="default" r:id="${headerIds.default}"/>`;
  if (headerIds.first) sect += `<w:headerReference w:type="first" r:id="${headerIds.first}"/>`;
  sect += `<w:pgSz w:w="${p.page.width}" w:h="${p.page.height}" w:orient="${p.page.landscape ? "landscape" : "portrait"}"/>`;
  sect += `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${m.header}" w:footer="${m.footer}" w:gutter="0"/>`;
  sect += '<w:pgNumType w:start="1"/>';
  if (headerIds.first) sect += "<w:titlePg/>";
  sect += "</w:sectPr>";
  return body.bytes(`${XML_HEAD}<w:document ${W_NS}><w:body>`, sect + "</w:body></w:document>");
}

function stylesXml(p: WordPackage): string {
  const f = p.defaultFont;
  return (
    `${XML_HEAD}<w:styles ${W_NS}><w:docDefaults><w:rPrDefault><w:rPr>` +
    `<w:rFonts w:ascii="${f}" w:cs="${f}" w:eastAsia="${f}" w:hAnsi="${f}"/><w:sz w:val="${p.defaultSize}"/><w:szCs w:val="${p.defaultSize}"/><w:lang w:val="vi-VN"/>` +
    '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:before="0"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>' +
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    "</w:styles>"
  );
}

const CT = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/** The .docx bytes. */
export async function packWord(p: WordPackage): Promise<Uint8Array> {
  const zip = new JSZip();
  const rels: Relationship[] = [
    { id: "rIdStyles", type: `${REL}/styles`, target: "styles.xml" },
    { id: "rIdSettings", type: `${REL}/settings`, target: "settings.xml" },
  ];
  const overrides: Array<[string, string]> = [
    ["/word/document.xml", `${CT}.document.main+xml`],
    ["/word/styles.xml", `${CT}.styles+xml`],
    ["/word/settings.xml", `${CT}.settings+xml`],
    ["/docProps/core.xml", CORE_PROPS_CONTENT_TYPE],
  ];
  const headerIds: { default?: string; first?: string } = {};
  const headers: Array<[keyof typeof headerIds, string | undefined]> = [
    ["default", p.header?.default],
    ["first", p.header?.first],
  ];
  let n = 0;
  for (const [kind, content] of headers) {
    if (content === undefined) continue;
    n++;
    const id = `rIdHeader${n}`;
    headerIds[kind] = id;
    zip.file(`word/header${n}.xml`, `${XML_HEAD}<w:hdr ${W_NS}>${content || "<w:p/>"}</w:hdr>`);
    rels.push({ id, type: `${REL}/header`, target: `header${n}.xml` });
    overrides.push([`/word/header${n}.xml`, `${CT}.header+xml`]);
  }
  zip.file("[Content_Types].xml", contentTypesXml(overrides));
  zip.file("_rels/.rels", rootRelationshipsXml("word/document.xml"));
  zip.file("word/_rels/document.xml.rels", relationshipsXml(rels));
  zip.file("word/document.xml", documentXml(p, headerIds));
  zip.file("word/styles.xml", stylesXml(p));
  zip.file("word/settings.xml", `${XML_HEAD}<w:settings ${W_NS}><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`);
  zip.file("docProps/core.xml", corePropsXml(p));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
