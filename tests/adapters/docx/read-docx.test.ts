/** Reading a draft .docx: body without tables, list numbering as text, footnotes by reference order. */
import JSZip from "jszip";
import { DocxReadError, readDocxDraft } from "../../../src/adapters/docx/read-docx";
import { renderReportDocx } from "../../../src/adapters/docx/report-docx";
import { writeReportSection } from "../../../src/core/report/writer";
import { tableFromTsv } from "../../support/appendix-fixture";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string, num?: [number, number]) =>
  `<w:p>${num ? `<w:pPr><w:numPr><w:ilvl w:val="${num[1]}"/><w:numId w:val="${num[0]}"/></w:numPr></w:pPr>` : ""}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

async function docx(body: string, extra: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("word/document.xml", `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  for (const [k, v] of Object.entries(extra)) zip.file(k, v);
  return zip.generateAsync({ type: "uint8array" });
}

const NUMBERING = `<?xml version="1.0"?><w:numbering ${W}>
<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="9"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num><w:num w:numId="5"><w:abstractNumId w:val="9"/></w:num></w:numbering>`;

describe("readDocxDraft", () => {
  test("numbering written out, tables left out, footnotes numbered by first reference", async () => {
    const body =
      p("BỐI CẢNH CHUNG", [4, 0]) +
      p("ĐÁNH GIÁ KẾT QUẢ", [4, 0]) +
      p("Các chỉ tiêu chủ yếu", [3, 0]) +
      p("Về kinh tế", [3, 1]) +
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>Tỷ lệ che phủ rừng đạt 6,5%</w:t></w:r><w:r><w:footnoteReference w:id="12"/></w:r><w:r><w:t xml:space="preserve"> (</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>Nghị quyết trên 6%</w:t></w:r><w:r><w:t>)</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r></w:p>` +
      `<w:tbl><w:tr><w:tc>${p("TT")}</w:tc><w:tc><w:tbl><w:tr><w:tc>${p("lồng")}</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>` +
      p("Văn hóa &amp; xã hội", [3, 1]);
    const notes = `<?xml version="1.0"?><w:footnotes ${W}><w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="5">${p("Chú thích thứ hai")}</w:footnote><w:footnote w:id="12">${p("Năm 2021: 6,1%")}${p("Năm 2022: 6,3%")}</w:footnote></w:footnotes>`;
    const d = await readDocxDraft(await docx(body, { "word/numbering.xml": NUMBERING, "word/footnotes.xml": notes }), "bc.docx");
    expect(d.paragraphs.filter((x) => x.kind === "body").map((x) => x.text)).toEqual([
      "I. BỐI CẢNH CHUNG",
      "II. ĐÁNH GIÁ KẾT QUẢ",
      "1. Các chỉ tiêu chủ yếu",
      "1.1. Về kinh tế",
      "- Tỷ lệ che phủ rừng đạt 6,5% (Nghị quyết trên 6%)",
      "1.2. Văn hóa & xã hội",
    ]);
    const forest = d.paragraphs[4];
    expect(forest.refs).toEqual([
      { number: "1", offset: "- Tỷ lệ che phủ rừng đạt 6,5%".length },
      { number: "2", offset: forest.text.length },
    ]);
    expect(d.paragraphs.filter((x) => x.kind === "footnote")).toEqual([
      { kind: "footnote", number: "1", text: "Năm 2021: 6,1% Năm 2022: 6,3%", refs: [] },
      { kind: "footnote", number: "2", text: "Chú thích thứ hai", refs: [] },
    ]);
  });

  test("reads back what the writer wrote", async () => {
    const section = writeReportSection(tableFromTsv());
    const d = await readDocxDraft(await renderReportDocx(section), "doan-van.docx");
    expect(d.paragraphs.map((x) => x.text)).toEqual(section.paragraphs.map((x) => x.runs.map((r) => r.text).join("")));
  });

  test("not a .docx: a Vietnamese message naming the file", async () => {
    await expect(readDocxDraft(new TextEncoder().encode("văn bản thường"), "ghi-chu.docx")).rejects.toThrow(DocxReadError);
    await expect(readDocxDraft(new TextEncoder().encode("văn bản thường"), "ghi-chu.docx")).rejects.toThrow(/"ghi-chu.docx" không phải tệp Word/);
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    await expect(readDocxDraft(await zip.generateAsync({ type: "uint8array" }), "bang.docx")).rejects.toThrow(/word\/document.xml/);
  });
});
