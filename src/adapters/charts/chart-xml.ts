/**
 * DrawingML chart parts (c:chartSpace) for a trajectory: the actual path, the target path and the
 * pace still needed as lines, the years left shaded by an area series. The same part serves the
 * .docx (word/charts/chartN.xml, literal data) and the .xlsx (xl/charts/chartN.xml, data referenced
 * on the "Biểu đồ" sheet with a cache). Colour is never the only signal: the three lines differ by
 * dash and marker, and the legend names them.
 */
import { axisRange, SERIES_NAMES, type Trajectory } from "../../core/outlook";
import { xmlEscape } from "../ooxml/package-xml";

export { axisRange, xmlEscape };

export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const CHART_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const SHADE_SERIES_NAME = "Các năm còn lại";

/** Where the series live on a sheet (the .xlsx): `'Biểu đồ'!$B$3:$G$3` per series, categories and names. */
export interface ChartRefs {
  categories: string;
  /** per series key: [name cell, values range] */
  series: Record<"actual" | "target" | "needed" | "shade", [string, string]>;
}

/** The shading series: a full-height band over each year left (after the report year), nothing before. */
export function shadeValues(tr: Trajectory, top: number): Array<number | null> {
  return tr.years.map((y) => (y > tr.reportYear ? top : null));
}

const num = (x: number) => String(Math.round(x * 1e6) / 1e6);

function numData(values: Array<number | null>, ref?: string): string {
  const pts = values.map((v, i) => (v === null || !Number.isFinite(v) ? "" : `<c:pt idx="${i}"><c:v>${num(v)}</c:v></c:pt>`)).join("");
  const body = `<c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}`;
  return ref ? `<c:numRef><c:f>${xmlEscape(ref)}</c:f><c:numCache>${body}</c:numCache></c:numRef>` : `<c:numLit>${body}</c:numLit>`;
}

function strData(values: string[], ref?: string): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(v)}</c:v></c:pt>`).join("");
  const body = `<c:ptCount val="${values.length}"/>${pts}`;
  return ref ? `<c:strRef><c:f>${xmlEscape(ref)}</c:f><c:strCache>${body}</c:strCache></c:strRef>` : `<c:strLit>${body}</c:strLit>`;
}

function seriesName(name: string, ref?: string): string {
  return ref ? `<c:tx>${strData([name], ref)}</c:tx>` : `<c:tx><c:v>${xmlEscape(name)}</c:v></c:tx>`;
}

interface LineStyle {
  color: string;
  widthEmu: number;
  dash: "solid" | "dash" | "sysDot";
  marker: "circle" | "none" | "triangle";
}
const STYLES: Record<"actual" | "target" | "needed", LineStyle> = {
  actual: { color: "1F4E79", widthEmu: 31750, dash: "solid", marker: "circle" },
  target: { color: "7F7F7F", widthEmu: 22225, dash: "dash", marker: "none" },
  needed: { color: "C55A11", widthEmu: 22225, dash: "sysDot", marker: "triangle" },
};

function richText(text: string, sizeHundredths: number, bold: boolean): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${sizeHundredths}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="${sizeHundredths}" b="${bold ? 1 : 0}"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

/** Shorten a long indicator name for the chart title. */
export function chartTitle(tr: Trajectory, max = 90): string {
  const t = tr.title.trim().replace(/[,;:]\s*$/, "");
  return t.length > max ? t.slice(0, max - 1).trimEnd() + "…" : t;
}

/** The chart part (c:chartSpace) of one trajectory; with `refs`, the data is referenced on a sheet. */
export function chartSpaceXml(tr: Trajectory, refs?: ChartRefs, opts: { title?: boolean } = {}): string {
  const cats = tr.years.map(String);
  const range = axisRange([...tr.actual, ...tr.target, ...tr.needed]);
  const shade = shadeValues(tr, range.max);
  const catXml = `<c:cat>${strData(cats, refs?.categories)}</c:cat>`;
  const line = (key: "actual" | "target" | "needed", idx: number, values: Array<number | null>) => {
    const s = STYLES[key];
    const marker =
      s.marker === "none"
        ? `<c:marker><c:symbol val="none"/></c:marker>`
        : `<c:marker><c:symbol val="${s.marker}"/><c:size val="6"/><c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></a:ln></c:spPr></c:marker>`;
    return (
      `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/>${seriesName(SERIES_NAMES[key], refs?.series[key][0])}` +
      `<c:spPr><a:ln w="${s.widthEmu}" cap="rnd"><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill><a:prstDash val="${s.dash}"/><a:round/></a:ln></c:spPr>` +
      `${marker}${catXml}<c:val>${numData(values, refs?.series[key][1])}</c:val><c:smooth val="0"/></c:ser>`
    );
  };
  // the years left: full-height columns without gaps, light grey, drawn under the lines
  const area =
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="3"/><c:order val="3"/>${seriesName(SHADE_SERIES_NAME, refs?.series.shade[0])}` +
    `<c:spPr><a:solidFill><a:srgbClr val="EDEDED"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val="0"/>` +
    `${catXml}<c:val>${numData(shade, refs?.series.shade[1])}</c:val></c:ser>` +
    `<c:gapWidth val="0"/><c:overlap val="100"/><c:axId val="500100"/><c:axId val="500200"/></c:barChart>`;
  const lines =
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
    line("actual", 0, tr.actual) +
    line("target", 1, tr.target) +
    line("needed", 2, tr.needed) +
    `<c:marker val="1"/><c:axId val="500100"/><c:axId val="500200"/></c:lineChart>`;
  const txPr = (sz: number) => `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${sz}"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
  const catAx =
    `<c:catAx><c:axId val="500100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${txPr(900)}` +
    `<c:crossAx val="500200"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="500200"/><c:scaling><c:orientation val="minMax"/><c:max val="${num(range.max)}"/><c:min val="${num(range.min)}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:title>${richText(tr.valueLabel, 900, false)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="#,##0.##" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${txPr(900)}` +
    `<c:crossAx val="500100"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:lang val="vi-VN"/><c:roundedCorners val="0"/>` +
    `<c:chart>${opts.title === false ? `<c:autoTitleDeleted val="1"/>` : `<c:title>${richText(chartTitle(tr), 1100, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`}` +
    `<c:plotArea><c:layout/>${area}${lines}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${txPr(900)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr><a:latin typeface="Times New Roman"/><a:cs typeface="Times New Roman"/></a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}
