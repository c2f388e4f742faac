/**
 * A real .docx built from the reference report's text (tests/fixtures/reference/bao-loc-2023-bao-cao-so-ket.txt):
 * minimal WordprocessingML written with jszip. Body lines become paragraphs, "*…*" italic runs,
 * superscript numbers footnote references (w:footnoteReference), lines starting with a superscript
 * number footnotes in word/footnotes.xml (a footnote's "Năm …" line after it is its second paragraph),
 * tab-separated lines a table (the appendix). Footnote ids are offset from the numbers shown, as
 * Word's often are, so a reader must number footnotes by their order in the text.
 */
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import path from "node:path";
import { REFERENCE_DIR } from "./reference";

export const REFERENCE_REPORT_TXT = path.join(REFERENCE_DIR, "bao-loc-2023-bao-cao-so-ket.txt");
export const referenceReportText = (): string => readFileSync(REFERENCE_REPORT_TXT, "utf8");

const SUP: Record<string, string> = { "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9" };
const sup = (s: string) => [...s].map((c) => SUP[c] ?? c).join("");
const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const ID_OFFSET = 40;

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function runs(text: string): string {
  // "*" toggles italics; superscript numbers are footnote references
  let out = "";
  let italic = false;
  for (const part of text.split(/(\*|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)/)) {
    if (!part) continue;
    if (part === "*") italic = !italic;
    else if (/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(part))
      out += `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${Number(sup(part)) + ID_OFFSET}"/></w:r>`;
    else out += `<w:r>${italic ? "<w:rPr><w:i/></w:rPr>" : ""}<w:t xml:space="preserve">${esc(part)}</w:t></w:r>`;
  }
  return out;
}

const para = (text: string) => `<w:p>${runs(text)}</w:p>`;

export async function docxFromReportText(text: string = referenceReportText()): Promise<Uint8Array> {
  const body: string[] = [];
  const notes = new Map<number, string[]>();
  let table: string[] = [];
  let lastNote: number | null = null;
  const flushTable = () => {
    if (!table.length) return;
    body.push(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${table.join("")}</w:tbl>`);
    table = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (raw.includes("\t")) {
      table.push(`<w:tr>${raw.split("\t").map((c) => `<w:tc>${para(c.trim())}</w:tc>`).join("")}</w:tr>`);
      continue;
    }
    flushTable();
    const fn = line.match(/^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(.*)$/);
    if (fn) {
      lastNote = Number(sup(fn[1]));
      notes.set(lastNote, [fn[2]]);
      continue;
    }
    if (lastNote !== null && /^Năm \d{4}/.test(line)) {
      notes.get(lastNote)!.push(line);
      continue;
    }
    lastNote = null;
    body.push(para(line));
  }
  flushTable();
  // footnotes referenced but missing from the text (the source lost a few) still need a part
  for (const m of text.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g)) {
    const n = Number(sup(m[0]));
    if (!notes.has(n)) notes.set(n, [""]);
  }
  const footnotes =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes ${W}>` +
    `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
    `<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
    [...notes.entries()]
      .map(([n, ps]) => `<w:footnote w:id="${n + ID_OFFSET}">${ps.map((p, i) => `<w:p>${i === 0 ? `<w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>` : ""}${runs(p)}</w:p>`).join("")}</w:footnote>`)
      .join("") +
    `</w:footnotes>`;
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body.join("")}<w:sectPr/></w:body></w:document>`;
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>`,
  );
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`,
  );
  zip.file("word/document.xml", document);
  zip.file("word/footnotes.xml", footnotes);
  return zip.generateAsync({ type: "uint8array" });
}
