/** The outlook view renders the verdicts as text and one accessible SVG chart per indicator with yearly values. */
import React from "react";
import { writeFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { OutlookView } from "../../src/taskpane/components/OutlookView";
import { evaluateTable } from "../../src/core/evaluation/evaluate-table";
import { sampleTable, SAMPLE_INFO } from "../../src/core/sample";
import { computeOutlook, outlookCharts } from "../../src/app/outlook";

test("verdicts in words, charts with role=img and the verdict in their title", () => {
  const table = evaluateTable(sampleTable());
  const outlook = computeOutlook({ table, info: SAMPLE_INFO });
  const charts = outlookCharts(outlook);
  const html = renderToStaticMarkup(<OutlookView outlook={outlook} charts={charts} onOutlookColumnChange={() => undefined} outlookColumn={false} onAddCharts={async () => "Biểu đồ"} />);
  expect(html).toContain("Triển vọng đến cuối nhiệm kỳ");
  expect(html).toContain("Nhiệm kỳ 2020–2025, năm báo cáo 2023: 12 đã đạt");
  expect(html).toContain("Khó đạt (cần 9,45%/năm)");
  expect(html).toContain("Nguy cơ không đạt (cần 143,5 đảng viên mới/năm)");
  expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(2);
  expect(html).toMatch(/<title id="[^"]*">Tăng trưởng tổng giá trị[^<]*Khó đạt\./);
  expect(html).toContain("Vẽ 2 biểu đồ trên trang mới “Biểu đồ”");
  const none = renderToStaticMarkup(<OutlookView outlook={null} charts={[]} onContextChange={() => undefined} />);
  expect(none).toContain("Chưa tính được: cần nhiệm kỳ");
  if (process.env.OUTLOOK_HTML) writeFileSync(process.env.OUTLOOK_HTML, `<!doctype html><meta charset="utf-8"><body style="width:360px;margin:0;font-family:sans-serif">${html}</body>`);
});
