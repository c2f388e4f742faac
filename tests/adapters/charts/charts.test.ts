/** DrawingML chart parts in the .docx and .xlsx (post-processing over finished files). */
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { Document, Packer, Paragraph } from "docx";
import { addChartsToDocx } from "../../../src/adapters/charts/docx-charts";
import { addChartsToXlsx } from "../../../src/adapters/charts/xlsx-charts";
import { axisRange, chartSpaceXml } from "../../../src/adapters/charts/chart-xml";
import { evaluateTable } from "../../../src/core/evaluation/evaluate-table";
import { sampleTable, SAMPLE_INFO } from "../../../src/core/sample";
import { tableOutlook, tableTrajectories } from "../../../src/core/outlook";

const charts = tableTrajectories(tableOutlook(evaluateTable(sampleTable()), SAMPLE_INFO)!);

const pts = (xml: string, ser: number) => {
  const s = xml.split("<c:ser>")[ser + 1];
  const val = s.slice(s.indexOf("<c:val>"));
  return Array.from(val.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v>/g), (m) => [Number(m[1]), Number(m[2])]);
};

describe("chart part", () => {
  test("three lines and a shading series, with the trajectory's values; blanks are gaps", () => {
    const xml = chartSpaceXml(charts[0]);
    expect(xml).toContain("<c:barChart>");
    expect(xml).toContain("<c:lineChart>");
    expect(xml).toContain('<c:dispBlanksAs val="gap"/>');
    expect(Array.from(xml.matchAll(/<c:tx><c:v>([^<]*)<\/c:v><\/c:tx>/g), (m) => m[1])).toEqual(["Các năm còn lại", "Thực hiện", "Mục tiêu", "Cần đạt"]);
    // the shading covers 2024 and 2025 (indices 4, 5) only
    expect(pts(xml, 0).map((p) => p[0])).toEqual([4, 5]);
    expect(pts(xml, 1)).toEqual([[0, 100], [1, 104.2], [2, 114.3074], [3, 125.509525]]);
    // three dash styles: never colour alone
    expect(Array.from(xml.matchAll(/<a:prstDash val="(\w+)"\/>/g), (m) => m[1])).toEqual(["solid", "dash", "sysDot"]);
  });

  test("an indicator name with a control character or markup still gives well-formed XML, the text kept", () => {
    const xml = chartSpaceXml({ ...charts[0], title: "Tỷ lệ <hộ> & \u0001\u000Bnghèo \"đa chiều\"" });
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml).toContain("Tỷ lệ &lt;hộ&gt; &amp; nghèo &quot;đa chiều&quot;");
  });

  test("axis range holds every value with round bounds", () => {
    expect(axisRange([100, 150.37, null])).toEqual({ min: 90, max: 160 });
    expect(axisRange([0, 263, 550])).toEqual({ min: 0, max: 600 });
  });
});

describe(".docx", () => {
  test("chart parts, relationships, content types and inline charts after the body's content", async () => {
    const base = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Bảng")] }] }));
    const out = await addChartsToDocx(new Uint8Array(base), charts);
    const z = await JSZip.loadAsync(out);
    expect(z.file("word/charts/chart1.xml")).toBeTruthy();
    expect(z.file("word/charts/chart2.xml")).toBeTruthy();
    const rels = await z.file("word/_rels/document.xml.rels")!.async("string");
    expect(rels).toContain('Target="charts/chart1.xml"');
    const types = await z.file("[Content_Types].xml")!.async("string");
    expect(types).toContain('PartName="/word/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
    const doc = await z.file("word/document.xml")!.async("string");
    const body = doc.slice(doc.indexOf("<w:body>"));
    expect(body.indexOf("Bảng")).toBeLessThan(body.indexOf("<c:chart "));
    expect(body.indexOf("<c:chart ")).toBeLessThan(body.lastIndexOf("<w:sectPr"));
    // the verdict is text too (alt text and a caption)
    expect(doc).toContain('descr="Khó đạt.');
    expect(doc).toContain("Khó đạt. Tốc độ tăng bình quân (theo cột Loại): cần tăng bình quân 9,45%/năm");
    // no charts: the file is returned as is
    expect(await addChartsToDocx(new Uint8Array(base), [])).toEqual(new Uint8Array(base));
  });
});

describe(".xlsx", () => {
  test("a new sheet 'Biểu đồ (2)' beside an existing 'Biểu đồ', its data block and native charts referencing it", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Phụ lục 1").getCell("A1").value = "x";
    wb.addWorksheet("Biểu đồ").getCell("A1").value = "của người dùng";
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await addChartsToXlsx(bytes, charts);
    expect(r.sheetName).toBe("Biểu đồ (2)");
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(r.bytes as unknown as ArrayBuffer);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Phụ lục 1", "Biểu đồ", "Biểu đồ (2)"]);
    expect(back.getWorksheet("Biểu đồ")!.getCell("A1").value).toBe("của người dùng");
    const ws = back.getWorksheet("Biểu đồ (2)")!;
    expect(ws.getCell("A3").value).toBe("Thực hiện");
    expect(ws.getCell("E3").value).toBe(125.51);
    expect(ws.getCell("A23").value).toBe("Thực hiện");
    const z = await JSZip.loadAsync(r.bytes);
    const chart = await z.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toContain("<c:f>'Biểu đồ (2)'!$B$3:$G$3</c:f>");
    const drawing = Object.keys(z.files).find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))!;
    expect((await z.file(drawing)!.async("string")).match(/<xdr:twoCellAnchor/g)).toHaveLength(2);
  });
});
