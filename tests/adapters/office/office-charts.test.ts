// office-addin-mock needs only OfficeApp from office-addin-manifest, whose full entry pulls ES modules jest cannot load
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));
import { addOutlookChartsSheet } from "../../../src/adapters/office/office-charts";
import { createExcelMock, chartSeries } from "../../support/office-fake";
import { evaluateTable } from "../../../src/core/evaluation/evaluate-table";
import { sampleTable, SAMPLE_INFO } from "../../../src/core/sample";
import { tableOutlook, tableTrajectories } from "../../../src/core/outlook";

const charts = tableTrajectories(tableOutlook(evaluateTable(sampleTable()), SAMPLE_INFO)!);

describe("Office.js charts (office-addin-mock)", () => {
  test("a new sheet 'Biểu đồ (2)' when 'Biểu đồ' exists; one line chart per indicator with its series written beside it", async () => {
    const { context, stats } = createExcelMock(["Chỉ tiêu", "Biểu đồ"]);
    const r = await addOutlookChartsSheet(context, charts, { existing: ["Chỉ tiêu", "biểu đồ"] });
    expect(r).toEqual({ sheetName: "Biểu đồ (2)", charts: 2, syncs: 1 });
    expect(stats.sheets.has("Biểu đồ (2)")).toBe(true);
    expect(stats.charts).toHaveLength(2);
    const c = stats.charts[0];
    expect([c.sheet, c.type, c.seriesBy]).toEqual(["Biểu đồ (2)", "Line", "Rows"]);
    expect(c.mock.title.text).toMatch(/^Tăng trưởng tổng giá trị sản xuất bình quân giai đoạn 2021 -2023/);
    expect(c.mock.title.text.length).toBeLessThanOrEqual(90);
    expect(c.position![0]).toBe("I1");
    const { categories, series } = chartSeries(stats, c);
    expect(categories).toEqual(["2020", "2021", "2022", "2023", "2024", "2025"]);
    expect(series.map((s) => s[0])).toEqual(["Thực hiện", "Mục tiêu", "Cần đạt"]);
    expect(series[0][1]).toEqual([100, 104.2, 114.31, 125.51, "", ""]);
    expect(series[1][1][5]).toBe(150.37);
    expect(series[2][1].slice(3)).toEqual([125.51, 137.37, 150.36]);
    // without ExcelApi 1.7/1.8: no styling calls, no added series
    expect(c.added).toEqual([]);
  });

  test("with ExcelApi 1.8 the years left are a shaded column series; lines get dashes and markers", async () => {
    const { context, stats } = createExcelMock([]);
    const r = await addOutlookChartsSheet(context, charts.slice(0, 1), { isSetSupported: () => true, existing: [] });
    expect(r.sheetName).toBe("Biểu đồ");
    const c = stats.charts[0];
    expect(c.added).toEqual([{ name: "Các năm còn lại", values: "B6:G6", chartType: "ColumnClustered" }]);
    expect(c.mock.series.getItemAt(1).format.line.lineStyle).toBe("Dash");
    expect(c.mock.series.getItemAt(2).markerStyle).toBe("Triangle");
  });
});
