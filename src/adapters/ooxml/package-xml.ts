/**
 * What every Office Open XML package written as text needs: escaping, byte chunks, content types,
 * relationships and core properties. Shared by the Word writer (docx/wordml.ts) and the spreadsheet
 * writer (xlsx/xlsx-writer.ts). Browser-safe (no fs).
 */

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
/** Relationship types of the officeDocument namespace: `${REL}/styles`, `${REL}/worksheet` ... */
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
export const CORE_PROPS_CONTENT_TYPE = "application/vnd.openxmlformats-package.core-properties+xml";
export const APP_PROPS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
/** Text for an XML text node or attribute; control characters XML 1.0 forbids are dropped. */
export function xmlEscape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ESCAPES[c]).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

const encoder = new TextEncoder();

/** Concatenate encoded chunks into one array. */
export function joinBytes(chunks: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * A part's text gathered as UTF-8 chunks of about 64 K characters: many small strings are joined
 * and encoded together (fewer, larger encodes), and the whole text is never one string.
 */
export class XmlChunks {
  private readonly chunks: Uint8Array[] = [];
  private pending = "";

  add(s: string): void {
    this.pending += s;
    if (this.pending.length > 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.pending) this.chunks.push(encoder.encode(this.pending));
    this.pending = "";
  }

  /** The chunks so far, `before` and `after` added around them, as one byte array. */
  bytes(before = "", after = ""): Uint8Array {
    this.flush();
    return joinBytes([encoder.encode(before), ...this.chunks, encoder.encode(after)]);
  }
}

export interface Relationship {
  id: string;
  /** a full type URI (`${REL}/styles`) */
  type: string;
  target: string;
}

export function relationshipsXml(rels: Relationship[]): string {
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("")}</Relationships>`;
}

/** The package's root relationships: the main part (rId1), the core properties (rId2) and, when written, the extended ones (rId3). */
export function rootRelationshipsXml(mainPart: string, appProps = false): string {
  const rels: Relationship[] = [
    { id: "rId1", type: `${REL}/officeDocument`, target: mainPart },
    { id: "rId2", type: REL_CORE, target: "docProps/core.xml" },
  ];
  if (appProps) rels.push({ id: "rId3", type: `${REL}/extended-properties`, target: "docProps/app.xml" });
  return relationshipsXml(rels);
}

/** [Content_Types].xml: .rels and .xml by default, then one override per part: [part name, content type]. */
export function contentTypesXml(overrides: Array<[string, string]>): string {
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join("") +
    "</Types>"
  );
}

/** docProps/core.xml: title, creator, created and modified now. */
export function corePropsXml(p: { title?: string; creator?: string }): string {
  const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    (p.title ? `<dc:title>${xmlEscape(p.title)}</dc:title>` : "") +
    (p.creator ? `<dc:creator>${xmlEscape(p.creator)}</dc:creator>` : "") +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`
  );
}

/** docProps/app.xml naming the application whose conventions the package follows. */
export function appPropsXml(application: string): string {
  return `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${xmlEscape(application)}</Application></Properties>`;
}
