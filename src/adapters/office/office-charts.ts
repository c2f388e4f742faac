/**
 * Trajectory charts in Excel through Office.js: a NEW sheet "Biểu đồ" (a unique name, never over an
 * existing sheet), the data block of each chart written as a 2-D array, and a native line chart
 * beside it (charts are ExcelApi 1.1). Dashes and markers for the three lines and the shaded years
 * left need ExcelApi 1.7/1.8: without them the chart has plain lines, the "Cần đạt" series alone
 * marks the years left, and the verdict is written as text under the data. Two syncs.
 */
import type { Trajectory } from "../../core/outlook";
import { uniqueSheetName } from "../../core/sheet/sheet-names";
import { BLOCK, BLOCK_ROWS, chartBlockRows, colLetter } from "../charts/chart-data";
import { chartTitle, SHADE_SERIES_NAME } from "../charts/chart-xml";
import { CHART_SHEET_NAME } from "../charts/xlsx-charts";

export interface OfficeChartsOptions {
  /** Office.context.requirements.isSetSupported; everything above ExcelApi 1.1 is off when absent */
  isSetSupported?: (name: string, version: string) => boolean;
  sheetName?: string;
  /** the workbook's sheet names (hidden ones too), when the caller has them; else they are loaded (one sync) */
  existing?: readonly string[];
}

export interface OfficeChartsResult {
  sheetName: string;
  charts: number;
  syncs: number;
}

export async function addOutlookChartsSheet(context: Excel.RequestContext, charts: readonly Trajectory[], opts: OfficeChartsOptions = {}): Promise<OfficeChartsResult> {
  const supports = (v: string) => {
    try {
      return !!opts.isSetSupported?.("ExcelApi", v);
    } catch {
      return false;
    }
  };
  let syncs = 0;
  const sheets = context.workbook.worksheets;
  let existing = opts.existing;
  if (!existing) {
    sheets.load("items/name");
    await context.sync();
    syncs++;
    existing = sheets.items.map((s) => s.name);
  }
  const sheetName = uniqueSheetName(opts.sheetName ?? CHART_SHEET_NAME, existing);
  const ws = sheets.add(sheetName);
  const styled = supports("1.7");
  const shaded = supports("1.8");
  charts.forEach((tr, i) => {
    const top = i * BLOCK_ROWS + 1; // 1-based first row of the block
    const block = chartBlockRows(tr).map((row) => row.map((v) => (v === null ? "" : v)));
    const width = block[0].length;
    const last = colLetter(width - 1);
    ws.getRange(`A${top}:${last}${top + block.length - 1}`).values = block;
    const source = ws.getRange(`A${top + BLOCK.years}:${last}${top + BLOCK.needed}`);
    const chart = ws.charts.add("Line", source, "Rows");
    chart.title.text = chartTitle(tr);
    chart.legend.position = "Bottom";
    chart.setPosition(`${colLetter(width + 1)}${top}`, `${colLetter(width + 8)}${top + BLOCK_ROWS - 3}`);
    if (styled) {
      const dash: Array<[number, `${Excel.ChartLineStyle}`, `${Excel.ChartMarkerStyle}`]> = [
        [0, "Continuous", "Circle"],
        [1, "Dash", "None"],
        [2, "RoundDot", "Triangle"],
      ];
      for (const [k, style, marker] of dash) {
        const s = chart.series.getItemAt(k);
        s.format.line.lineStyle = style;
        s.markerStyle = marker;
      }
      if (shaded) {
        const shade = chart.series.add(SHADE_SERIES_NAME);
        shade.setValues(ws.getRange(`B${top + BLOCK.shade}:${last}${top + BLOCK.shade}`));
        shade.chartType = "ColumnClustered";
        shade.gapWidth = 0;
        shade.format.fill.setSolidColor("#EDEDED");
      }
    }
  });
  ws.activate();
  await context.sync();
  syncs++;
  return { sheetName, charts: charts.length, syncs };
}
