/** The outlook in the CLI: check --json/text, --nhiem-ky/--nam, appendix --kha-nang/--bieu-do. */
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "../support/cli";
import { referenceSheetRows, tmpDir, writeWorkbook } from "../support/workbook-fixtures";

describe("chitieu check: outlook to the end of the term", () => {
  let sample: string;
  beforeAll(async () => {
    sample = path.join(tmpDir(), "mau.xlsx");
    expect((await runCli(["template", "-o", sample, "--sample"])).code).toBe(0);
  });

  test("--json: each indicator's outlook from the Thông tin sheet (term 2020–2025, report year 2023)", async () => {
    const j = JSON.parse((await runCli(["check", sample, "--json"])).stdout);
    const growth = j.indicators.find((i: { tt: string }) => i.tt === "1.1");
    expect(Object.keys(growth.outlook).sort()).toEqual(["kind", "likelihood", "needed", "needed_per", "reason", "remaining_years"]);
    expect(growth.outlook).toMatchObject({ needed_per: "year", remaining_years: [2024, 2025], likelihood: "hard", kind: "growth" });
    expect(growth.outlook.needed).toBeCloseTo(9.45, 2);
    expect(growth.outlook.reason).toContain("cần tăng bình quân 9,45%/năm trong 2024–2025; 2021–2023 đạt 7,87%/năm");
    const members = j.indicators.find((i: { name: string }) => i.name.includes("263 quần chúng"));
    expect(members.outlook.needed).toBeCloseTo(143.5, 10);
    expect(members.outlook.likelihood).toBe("unlikely");
  });

  test("text output lists the outlook; --nam moves the report year", async () => {
    const r = await runCli(["check", sample]);
    expect(r.stdout).toContain("Triển vọng đến cuối nhiệm kỳ 2020–2025 (năm báo cáo 2023, theo trang Thông tin):");
    expect(r.stdout).toMatch(/\[Khó đạt\] 1\.1 Tăng trưởng/);
    const j = JSON.parse((await runCli(["check", sample, "--json", "--nam", "2024"])).stdout);
    expect(j.indicators.find((i: { tt: string }) => i.tt === "1.1").outlook.remaining_years).toEqual([2025]);
  });

  test("no term: outlook null; --nhiem-ky and --nam give it; bad values exit 2", async () => {
    const f = await writeWorkbook("ref.xlsx", [{ name: "Phụ lục 1", rows: referenceSheetRows() }]);
    const none = JSON.parse((await runCli(["check", f, "--json"])).stdout);
    expect(none.indicators.every((i: { outlook: unknown }) => i.outlook === null)).toBe(true);
    const j = JSON.parse((await runCli(["check", f, "--json", "--nhiem-ky", "2020-2025", "--nam", "2023"])).stdout);
    const members = j.indicators.find((i: { row: number }) => i.row === 34);
    expect(members.outlook.needed).toBeCloseTo(143.5, 10);
    const bad = await runCli(["check", f, "--nhiem-ky", "2025"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--nhiem-ky cần hai năm đầu và cuối nhiệm kỳ");
    expect((await runCli(["check", f, "--nam", "hai"])).code).toBe(2);
  });

  test("appendix --kha-nang --bieu-do: the column, a chart sheet in the .xlsx, chart parts in the .docx", async () => {
    const dir = tmpDir();
    const x = path.join(dir, "pl.xlsx");
    const d = path.join(dir, "pl.docx");
    const r = await runCli(["appendix", sample, "-o", x, "--docx", d, "--kha-nang", "--bieu-do"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Biểu đồ: 2 chỉ tiêu có số liệu từng năm.");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(x) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Phụ lục 1", "Biểu đồ"]);
    const header = wb.worksheets[0].getRows(1, 12)!.map((row) => (row.values as unknown[]).filter(Boolean).map(String));
    expect(header.some((h) => h.includes("Khả năng đạt đến cuối nhiệm kỳ"))).toBe(true);
    const texts: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain("Khó đạt (cần 9,45%/năm)");
    const chartSheet = wb.worksheets[1];
    expect(chartSheet.getCell("A2").value).toBe("Năm");
    expect(chartSheet.getCell("A3").value).toBe("Thực hiện");
    const xz = await JSZip.loadAsync(readFileSync(x));
    expect(Object.keys(xz.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(2);
    const dz = await JSZip.loadAsync(readFileSync(d));
    expect(Object.keys(dz.files).filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(2);
    expect(await dz.file("word/document.xml")!.async("string")).toContain("<c:chart ");
  });
});
