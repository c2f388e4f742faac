import JSZip from "jszip";
import { buildAppendixLayout } from "../../../src/core/layout";
import { renderAppendixDocx } from "../../../src/adapters/docx/appendix-docx";
import { REFERENCE_INFO, REFERENCE_TSV, tableFromTsv } from "../../support/appendix-fixture";

async function parts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const doc = await zip.file("word/document.xml")!.async("string");
  const styles = await zip.file("word/styles.xml")!.async("string");
  const headers: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n))) headers.push(await zip.file(name)!.async("string"));
  return { doc, headers, styles };
}
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
/** the main table: the last <w:tbl> that has tblHeader rows */
function mainTable(doc: string): string {
  const tables = doc.split("<w:tbl>").slice(1).map((t) => t.split("</w:tbl>")[0]);
  return tables.find((t) => t.includes("<w:tblHeader"))!;
}
function rowsOf(tbl: string): string[][] {
  return tbl
    .split("<w:tr>")
    .slice(1)
    .map((tr) =>
      tr
        .split("<w:tc>")
        .slice(1)
        .map((tc) => unescape([...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))),
    );
}

describe("appendix .docx, read back from the XML", () => {
  const table = tableFromTsv();

  test("landscape A4, margins 20/20/30/15 mm, page numbers at the top not on page 1, Times New Roman", async () => {
    const l = buildAppendixLayout(table, REFERENCE_INFO, { levels: 2 });
    const { doc, headers, styles } = await parts(await renderAppendixDocx(l));
    expect(doc).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(doc).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(doc).toContain("<w:titlePg/>");
    const withPage = headers.filter((h) => /PAGE/.test(h));
    expect(withPage).toHaveLength(1);
    expect(withPage[0]).toMatch(/<w:jc w:val="center"\/>/);
    expect(withPage[0]).toMatch(/<w:sz w:val="28"\/>/); // 14 pt
    expect(headers.some((h) => !/PAGE/.test(h))).toBe(true); // the empty first-page header
    // Times New Roman 12 is the document default; no run names another font
    const defaults = styles.split("<w:docDefaults>")[1].split("</w:docDefaults>")[0];
    expect(defaults).toMatch(/<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/);
    expect(defaults).toMatch(/<w:sz w:val="24"\/>/);
    expect(doc).not.toMatch(/w:ascii="(?!Times New Roman")/);
    for (const h of withPage) expect(h).toContain('w:ascii="Times New Roman"');
  });

  test("the table: fixed widths in twips, header repeated, rows never split, every cell bordered", async () => {
    const l = buildAppendixLayout(table, REFERENCE_INFO, { levels: 2 });
    const { doc } = await parts(await renderAppendixDocx(l));
    const tbl = mainTable(doc);
    expect(tbl).toContain('<w:tblLayout w:type="fixed"/>');
    const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => +m[1]);
    expect(grid).toEqual([680, 7710, 1247, 1701, 1587, 1361]);
    expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(16838 - 1701 - 850 + 2);
    const rows = tbl.split("<w:tr>").slice(1);
    expect(rows).toHaveLength(34);
    expect(rows.filter((r) => r.includes("<w:tblHeader/>")).length).toBe(1);
    expect(rows.every((r) => r.includes("<w:cantSplit/>"))).toBe(true);
    for (const side of ["top", "left", "bottom", "right", "insideH", "insideV"]) expect(tbl).toMatch(new RegExp(`<w:tblBorders>[\\s\\S]*<w:${side} w:val="single"`));
    // the table's borders reach every cell; no cell switches them off
    const cells = tbl.split("<w:tc>").slice(1);
    expect(cells).toHaveLength(34 * 6);
    expect(tbl).not.toContain("<w:tcBorders>");
    expect(tbl).not.toMatch(/w:val="(nil|none)"/);
  });

  test("title block and every indicator in order with its status", async () => {
    const l = buildAppendixLayout(table, REFERENCE_INFO, { levels: 2, columnTitles: { target: "Chỉ tiêu Nghị quyết ĐH VI", status: "So sánh NQ ĐH VI" } });
    const { doc } = await parts(await renderAppendixDocx(l));
    const body = doc.split("<w:tbl>")[0];
    expect(unescape(body)).toContain("Phụ lục 1");
    // the title in three balanced lines, as printed: runs with a break between them
    const titleRuns = body.split("</w:p>")[1];
    expect([...titleRuns.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1])).toEqual([
      "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU",
      "THEO NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ",
      "LẦN THỨ VI, NHIỆM KỲ 2020 - 2025",
    ]);
    expect(count(titleRuns, /<w:br\/>/g)).toBe(2);
    expect(body).toMatch(/<w:i\/>[\s\S]*\(Kèm theo Báo cáo số 203-BC\/ThU, ngày 25\/5\/2023 của Thành ủy\)/);
    const rows = rowsOf(mainTable(doc));
    expect(rows[0]).toEqual(["TT", "CHỈ TIÊU", "ĐVT", "Chỉ tiêu Nghị quyết ĐH VI", "Kết quả thực hiện", "So sánh NQ ĐH VI"]);
    const printed = REFERENCE_TSV.split("\n").slice(1).map((x) => x.split("\t"));
    expect(rows.slice(1).map((r) => r[1].replace(/^[-+] /, ""))).toEqual(printed.map((p) => p[1].replace(/^[-+]\s*/, "")));
    expect(rows.slice(1).map((r) => r[5])).toEqual(printed.map((p) => (p[3] === "> 98" && p[4] === "98" ? "Chưa đạt" : p[5] ?? "")));
    expect(rows.find((r) => r[0] === "1.2")).toEqual(["1.2", "Tổng thu ngân sách nhà nước giai đoạn 2021-2023 ước đạt 8.397 tỷ đồng, tăng bình quân:", "%/năm", "11-12", "20,4", "Đạt"]);
  });

  test("year columns: two header rows, both repeated; spans as gridSpan and vMerge; portrait", async () => {
    const t = tableFromTsv();
    t.years = [2021, 2022, 2023];
    const l = buildAppendixLayout(t, REFERENCE_INFO, { columns: { baseline: true, years: true }, orientation: "portrait", signature: true, recipients: true });
    const { doc } = await parts(await renderAppendixDocx(l));
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const tbl = mainTable(doc);
    const rows = tbl.split("<w:tr>").slice(1);
    expect(rows.slice(0, 2).every((r) => r.includes("<w:tblHeader/>"))).toBe(true);
    expect(rows[2]).not.toContain("<w:tblHeader/>");
    expect(rows[0]).toContain('<w:gridSpan w:val="4"/>');
    expect(count(rows[0], /<w:vMerge w:val="restart"\/>/g)).toBe(6);
    expect(count(rows[1], /<w:vMerge w:val="continue"\/>|<w:vMerge\/>/g)).toBe(6);
    const after = unescape(doc.split("</w:tbl>").slice(-2).join(""));
    expect(after).toContain("T/M THÀNH ỦY");
    expect(after).toContain("BÍ THƯ");
    expect(after).toContain("Nơi nhận:");
    // the signature block is kept on one page
    const sig = doc.split("</w:tbl>").slice(-2, -1)[0].split("<w:tbl>").pop()!;
    const sigRows = sig.split("<w:tr>").slice(1);
    expect(sigRows.slice(0, -1).every((r) => r.includes("<w:keepNext/>"))).toBe(true);
  });
});
