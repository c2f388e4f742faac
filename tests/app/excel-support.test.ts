/**
 * What the pane says this Excel lacks, for the Excels of the support matrix (README, docs/trien-khai.md §3),
 * each described by the requirement sets Microsoft's tables give it.
 */
import { describeExcel, SUPPORT_ROWS } from "../../src/app/excel-support";

/** An Excel answering isSetSupported from its highest ExcelApi minor and its other sets. */
const excel = (excelApi: number, others: string[]) => (name: string, version: string) =>
  name === "ExcelApi" ? Number(version.split(".")[1]) <= excelApi : others.includes(`${name} ${version}`);

const needs = (api: number, others: string[]) => describeExcel(excel(api, others)).lacks.map((l) => l.needs);

test("Microsoft 365 (web, Windows 2509+): nothing lacking", () => {
  expect(describeExcel(excel(21, ["CustomFunctionsRuntime 1.1", "SharedRuntime 1.1"])).lacks).toEqual([]);
});

test("volume-licensed Office 2024 stops at ExcelApi 1.17: no one-step undo, no notes; functions and button work", () => {
  expect(needs(17, ["CustomFunctionsRuntime 1.1", "SharedRuntime 1.1"])).toEqual(["ExcelApi 1.20", "ExcelApi 1.18"]);
});

test("volume-licensed Office 2021 and earlier: no custom functions; the pane says values are written instead", () => {
  const r = describeExcel(excel(14, ["SharedRuntime 1.1"]));
  expect(r.lacks[0]).toEqual({ feature: "hàm NQ.* trong ô", without: "cột Đánh giá nhận giá trị đã tính thay cho công thức NQ.DANHGIA", needs: "CustomFunctionsRuntime 1.1" });
  expect(r.works).toContain("điền cột Đánh giá");
});

test("Excel 2016 (ExcelApi 1.1 only): every row lacking, each with what happens instead; the main jobs still listed as working", () => {
  const r = describeExcel(excel(1, []));
  expect(r.lacks).toHaveLength(SUPPORT_ROWS.length);
  for (const l of r.lacks) {
    expect(l.without.length).toBeGreaterThan(10);
    expect(l.without).toBe(l.without.normalize("NFC"));
  }
  expect(r.works).toEqual(expect.arrayContaining(["tạo trang phụ lục", "tải phụ lục .xlsx và .docx"]));
});

test("an isSetSupported that throws counts as not supported", () => {
  expect(describeExcel(() => {
    throw new Error("no");
  }).lacks).toHaveLength(SUPPORT_ROWS.length);
});
