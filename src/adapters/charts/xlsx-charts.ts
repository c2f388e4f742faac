/**
 * Add a new sheet "Biểu đồ" (a unique name: never over an existing sheet) to a finished .xlsx, with
 * the data block of each trajectory and a native chart beside it (xl/charts/chartN.xml referencing
 * the block, xl/drawings/drawingN.xml anchoring it). Post-processing with JSZip: the other sheets
 * are untouched.
 */
import JSZip from "jszip";
import type { Trajectory } from "../../core/outlook";
import { uniqueSheetName } from "../../core/sheet/sheet-names";
import { CHART_CONTENT_TYPE, CHART_REL_TYPE, chartSpaceXml, xmlEscape, type ChartRefs } from "./chart-xml";
import { BLOCK, BLOCK_ROWS, cellRef, chartBlockRows, colLetter, rowRef } from "./chart-data";

export const CHART_SHEET_NAME = "Biểu đồ";
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_SHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";

function unescapeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function cellXml(ref: string, v: string | number | null): string {
  if (v === null) return "";
  if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(v)}</t></is></c>`;
}

/** The chart's column span: beside the data (which takes the years + 1 columns, then one gap column). */
function anchorXml(i: number, relId: string, firstCol: number, top: number): string {
  const from = `<xdr:from><xdr:col>${firstCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${top}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`;
  const to = `<xdr:to><xdr:col>${firstCol + 8}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${top + BLOCK_ROWS - 2}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${from}${to}<xdr:graphicFrame macro="">` +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Biểu đồ ${i + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** The .xlsx with a new chart sheet; returns the bytes and the sheet's name. Unchanged when there are no charts. */
export async function addChartsToXlsx(xlsx: Uint8Array, charts: readonly Trajectory[], opts: { sheetName?: string } = {}): Promise<{ bytes: Uint8Array; sheetName: string | null }> {
  if (charts.length === 0) return { bytes: xlsx, sheetName: null };
  const zip = await JSZip.loadAsync(xlsx);
  const wbFile = zip.file("xl/workbook.xml");
  const wbRelsFile = zip.file("xl/_rels/workbook.xml.rels");
  const typesFile = zip.file("[Content_Types].xml");
  if (!wbFile || !wbRelsFile || !typesFile) throw new Error("Tệp .xlsx thiếu xl/workbook.xml: không thêm được trang biểu đồ.");
  let wb = await wbFile.async("string");
  let wbRels = await wbRelsFile.async("string");
  let types = await typesFile.async("string");
  const names = Array.from(wb.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g), (m) => unescapeXml(m[1]));
  const sheetName = uniqueSheetName(opts.sheetName ?? CHART_SHEET_NAME, names);
  const sheetId = 1 + Math.max(0, ...Array.from(wb.matchAll(/<sheet\b[^>]*\bsheetId="(\d+)"/g), (m) => Number(m[1])));
  let relNo = 1 + Math.max(0, ...Array.from(wbRels.matchAll(/\bId="rId(\d+)"/g), (m) => Number(m[1])));
  const wbRelId = `rId${relNo++}`;
  let sheetNo = 1;
  while (zip.file(`xl/worksheets/sheet${sheetNo}.xml`)) sheetNo++;
  let drawingNo = 1;
  while (zip.file(`xl/drawings/drawing${drawingNo}.xml`)) drawingNo++;
  let chartNo = 1;
  while (zip.file(`xl/charts/chart${chartNo}.xml`)) chartNo++;

  const width = Math.max(...charts.map((c) => c.years.length + 1));
  const rowsXml: string[] = [];
  const anchors: string[] = [];
  const drawingRels: string[] = [];
  const newTypes: string[] = [
    `<Override PartName="/xl/worksheets/sheet${sheetNo}.xml" ContentType="${CT_SHEET}"/>`,
    `<Override PartName="/xl/drawings/drawing${drawingNo}.xml" ContentType="${CT_DRAWING}"/>`,
  ];
  charts.forEach((tr, i) => {
    const top = i * BLOCK_ROWS; // 0-based row of the block
    const block = chartBlockRows(tr);
    block.forEach((cells, r) => {
      const row1 = top + r + 1;
      const xml = cells.map((v, c) => cellXml(`${colLetter(c)}${row1}`, v)).join("");
      if (xml) rowsXml.push(`<row r="${row1}">${xml}</row>`);
    });
    const last = tr.years.length;
    const at = (k: keyof typeof BLOCK) => top + BLOCK[k] + 1;
    const refs: ChartRefs = {
      categories: rowRef(sheetName, at("years"), 1, last),
      series: {
        actual: [cellRef(sheetName, at("actual"), 0), rowRef(sheetName, at("actual"), 1, last)],
        target: [cellRef(sheetName, at("target"), 0), rowRef(sheetName, at("target"), 1, last)],
        needed: [cellRef(sheetName, at("needed"), 0), rowRef(sheetName, at("needed"), 1, last)],
        shade: [cellRef(sheetName, at("shade"), 0), rowRef(sheetName, at("shade"), 1, last)],
      },
    };
    const path = `xl/charts/chart${chartNo}.xml`;
    zip.file(path, chartSpaceXml(tr, refs));
    newTypes.push(`<Override PartName="/${path}" ContentType="${CHART_CONTENT_TYPE}"/>`);
    const relId = `rId${i + 1}`;
    drawingRels.push(`<Relationship Id="${relId}" Type="${CHART_REL_TYPE}" Target="../charts/chart${chartNo}.xml"/>`);
    anchors.push(anchorXml(i, relId, width + 1, top));
    chartNo++;
  });
  const sheetXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<cols><col min="1" max="1" width="28" customWidth="1"/><col min="2" max="${width}" width="9" customWidth="1"/></cols>` +
    `<sheetData>${rowsXml.join("")}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    `<drawing r:id="rId1"/></worksheet>`;
  const drawingXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">` +
    anchors.join("") +
    `</xdr:wsDr>`;
  zip.file(`xl/worksheets/sheet${sheetNo}.xml`, sheetXml);
  zip.file(
    `xl/worksheets/_rels/sheet${sheetNo}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_DRAWING}" Target="../drawings/drawing${drawingNo}.xml"/></Relationships>`,
  );
  zip.file(`xl/drawings/drawing${drawingNo}.xml`, drawingXml);
  zip.file(
    `xl/drawings/_rels/drawing${drawingNo}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${drawingRels.join("")}</Relationships>`,
  );
  wb = wb.replace("</sheets>", `<sheet name="${xmlEscape(sheetName)}" sheetId="${sheetId}" r:id="${wbRelId}"/></sheets>`);
  if (!/xmlns:r=/.test(wb.slice(0, wb.indexOf(">", wb.indexOf("<workbook"))))) wb = wb.replace("<workbook", `<workbook xmlns:r="${NS_R}"`);
  wbRels = wbRels.replace("</Relationships>", `<Relationship Id="${wbRelId}" Type="${REL_SHEET}" Target="worksheets/sheet${sheetNo}.xml"/></Relationships>`);
  types = types.replace("</Types>", newTypes.join("") + "</Types>");
  zip.file("xl/workbook.xml", wb);
  zip.file("xl/_rels/workbook.xml.rels", wbRels);
  zip.file("[Content_Types].xml", types);
  return { bytes: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), sheetName };
}
