import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../support/cli";
import { UNITS, writeUnitWorkbook } from "../support/consolidate-fixtures";

let dir: string;
let input: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "chitieu-tong-hop-"));
  input = join(dir, "don-vi");
  mkdirSync(input);
  for (const u of UNITS) await writeUnitWorkbook(u, join(input, u.file));
  // one bad file among the good ones
  writeFileSync(join(input, "hong.xlsx"), "không phải sổ Excel");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sheetRows(file: string, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("chitieu tong-hop", () => {
  test("a folder: three units consolidated, the bad file listed, three sheets written", async () => {
    const out = join(dir, "tong-hop.xlsx");
    const r = await runCli(["tong-hop", input, "-o", out, "--ten", "Xã Hợp Nhất"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Tổng hợp 4 đơn vị");
    expect(r.stdout).toMatch(/hong\.xlsx: .*không phải là tệp Excel/);
    expect(r.stdout).toContain("Tỷ lệ che phủ rừng");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Chỉ tiêu", "Theo đơn vị", "Thiếu số liệu", "Thông tin"]);
    const table = await sheetRows(out, "Chỉ tiêu");
    expect(table[0]).toEqual(expect.arrayContaining(["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết", "Đầu kỳ", "Kết quả thực hiện", "Đánh giá", "Ghi chú", "Cách tổng hợp", "Đơn vị chủ trì"]));
    const k = (table[0] as string[]).indexOf("Kết quả thực hiện");
    const poverty = table.find((row) => row[1] === "Tỷ lệ hộ nghèo")!;
    expect(poverty[k]).toBe(4);
    const missing = await sheetRows(out, "Thiếu số liệu");
    expect(missing[0]).toEqual(["Đơn vị", "TT", "Chỉ tiêu", "Đơn vị chủ trì", "Lý do"]);
    expect(missing).toContainEqual(["Xã Bình Minh", "9", "Đường giao thông nông thôn được cứng hóa", "Phòng Kinh tế", "Chưa đến kỳ"]);
    const byUnit = await sheetRows(out, "Theo đơn vị");
    expect(byUnit[0]).toEqual(expect.arrayContaining(["Xã An Bình", "Xã Bình Minh", "Xã Cát Tiên", "hong"]));
    expect(byUnit[1]).toEqual(expect.arrayContaining(["Kết quả", "Đánh giá"]));
    const info = await sheetRows(out, "Thông tin");
    expect(info).toContainEqual(expect.arrayContaining(["Đơn vị", "Xã Hợp Nhất"]));
    // no temp file left behind
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("check and appendix read the consolidated workbook unchanged", async () => {
    const out = join(dir, "tong-hop-2.xlsx");
    expect((await runCli(["tong-hop", input, "-o", out])).code).toBe(0);
    const check = await runCli(["check", out, "--json"]);
    expect(check.code).toBe(0);
    const report = JSON.parse(check.stdout);
    expect(report.sheet).toBe("Chỉ tiêu");
    expect(Object.keys(report.mapping)).toEqual(expect.arrayContaining(["rule", "lead"]));
    const fee = report.indicators.find((i: { name: string }) => i.name === "Thu ngân sách trên địa bàn");
    // two units with figures: the sum 100 against the sum of their targets 50 + 50, never one unit's 50
    expect(fee).toMatchObject({ actual: 100, target: "100", reported: "Đạt", status: "met" });
    const growth = report.indicators.find((i: { name: string }) => i.name.startsWith("Tốc độ tăng"));
    expect(growth.actual).toBeCloseTo(0.99, 2);
    // the verdicts written agree with the engine: no status finding
    expect(report.findings.filter((f: { code: string }) => /status/.test(f.code))).toEqual([]);
    const pl = join(dir, "phu-luc.xlsx");
    const app = await runCli(["appendix", out, "-o", pl]);
    expect(app.stderr).toBe("");
    expect(app.code).toBe(0);
    expect(existsSync(pl)).toBe(true);
  });

  test("--json prints units, indicators with by_unit, missing and unmatched", async () => {
    const r = await runCli(["tong-hop", ...UNITS.map((u) => join(input, u.file)), "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.units).toEqual(["Xã An Bình", "Xã Bình Minh", "Xã Cát Tiên"]);
    const pop = j.indicators.find((i: { name: string }) => i.name === "Dân số trung bình");
    expect(pop).toMatchObject({ tt: "1", unit: "người", rule: "sum", value: 17000, covered: "3/3 đơn vị", covered_count: 3, total: 3, by_unit: { "Xã An Bình": 10000, "Xã Bình Minh": 5000, "Xã Cát Tiên": 2000 } });
    expect(j.missing).toContainEqual(expect.objectContaining({ unit: "Xã Cát Tiên", tt: "2", name: "Thu ngân sách trên địa bàn", reason: "Chưa có số liệu" }));
    expect(j.unmatched).toEqual([expect.objectContaining({ name: "Số hợp tác xã thành lập mới", units: ["Xã Cát Tiên"] })]);
  });

  test("never overwrites without --force; bad usage exits 2 with a Vietnamese message", async () => {
    const out = join(dir, "co-san.xlsx");
    writeFileSync(out, "cũ");
    const r = await runCli(["tong-hop", input, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("đã có");
    expect(readFileSync(out, "utf8")).toBe("cũ");
    expect((await runCli(["tong-hop", input, "-o", out, "--force"])).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect((await runCli(["tong-hop", "-o", join(dir, "x.xlsx")])).code).toBe(2);
    const empty = join(dir, "trong");
    mkdirSync(empty);
    const e = await runCli(["tong-hop", empty, "-o", join(dir, "y.xlsx")]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain("không có tệp .xlsx");
    const bad = await runCli(["tong-hop", join(input, "hong.xlsx"), "-o", join(dir, "z.xlsx")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Không tệp nào dùng được");
    expect(existsSync(join(dir, "z.xlsx"))).toBe(false);
  });
});

describe("chitieu template for consolidation", () => {
  test("has the optional columns Cách tổng hợp, Đơn vị chủ trì and the Thông tin field Đơn vị; check still reads it", async () => {
    const file = join(dir, "mau.xlsx");
    const r = await runCli(["template", "-o", file]);
    expect(r.code).toBe(0);
    const header = (await sheetRows(file, "Chỉ tiêu"))[0];
    expect(header.slice(-5)).toEqual(["Kết quả thực hiện", "Đánh giá", "Ghi chú", "Cách tổng hợp", "Đơn vị chủ trì"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    const ruleCol = header.indexOf("Cách tổng hợp") + 1;
    const dv = ws.getRow(2).getCell(ruleCol).dataValidation;
    expect(dv?.formulae?.[0]).toContain("Bình quân gia quyền");
    expect((await sheetRows(file, "Thông tin")).map((x) => x[0])).toContain("Đơn vị");
    const check = await runCli(["check", file, "--json"]);
    expect(JSON.parse(check.stdout).mapping).toMatchObject({ rule: expect.any(String), lead: expect.any(String) });
  });
});

describe("the README's example: two sample units consolidated", () => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    a = join(dir, "don-vi-a.xlsx");
    b = join(dir, "don-vi-b.xlsx");
    expect((await runCli(["template", "-o", a, "--sample"])).code).toBe(0);
    expect((await runCli(["template", "-o", b, "--sample"])).code).toBe(0);
  });

  test("every indicator gets a figure; sums are judged against summed targets; the file reads back with the same verdicts", async () => {
    const out = join(dir, "readme-tong-hop.xlsx");
    const r = await runCli(["tong-hop", a, b, "-o", out, "--ten", "Tỉnh X"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("cần chọn cách tổng hợp");
    expect(r.stdout).toMatch(/Đánh giá theo chỉ tiêu chung .*: \d+ đạt và vượt, \d+ chưa đạt\./);
    const j = JSON.parse((await runCli(["tong-hop", a, b, "--json"])).stdout);
    expect(j.indicators.filter((i: { rule: string }) => i.rule === "needs_rule")).toEqual([]);
    const members = j.indicators.find((i: { name: string }) => i.name.includes("263 quần chúng"));
    // "263 đảng viên/ 3 năm" twice: 526 in 3 years, against 2 × "110 – 120" a year; 175 a year is short of 220
    expect(members).toMatchObject({ rule: "sum", display: "526 đảng viên/ 3 năm", target: "Bình quân kết nạp từ 220 – 240", status: "Chưa đạt" });
    const ntm = j.indicators.find((i: { name: string }) => i.name.includes("nông thôn mới kiểu mẫu"));
    expect(ntm).toMatchObject({ value: 2, target: "02-04", status: "Đạt" });
    // a rate both units give alike is that rate, against the target they share
    const poverty = j.indicators.find((i: { name: string }) => i.name === "Tỷ lệ hộ nghèo");
    expect(poverty).toMatchObject({ value: 0.37, target: "0,2 (theo tiêu chí cũ)", status: "Chưa đạt" });
    const check = JSON.parse((await runCli(["check", out, "--json"])).stdout);
    expect(check.findings.filter((f: { code: string }) => /status/.test(f.code))).toEqual([]);
  });

  test("units that differ: the rates without a base are asked for in one grouped message, each indicator once", async () => {
    const c = join(dir, "don-vi-c.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(b);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const res = header.indexOf("Kết quả thực hiện") + 1;
    // a second unit with other rates (poverty, forest cover) and another growth
    ws.eachRow((row) => {
      const name = String(row.getCell(2).value ?? "");
      if (name === "Tỷ lệ hộ nghèo") row.getCell(res).value = 1.1;
      if (name === "Tỷ lệ che phủ rừng") row.getCell(res).value = 12;
    });
    await wb.xlsx.writeFile(c);
    const r = await runCli(["tong-hop", a, c, "--json"]);
    const j = JSON.parse(r.stdout);
    expect(j.indicators.filter((i: { rule: string }) => i.rule === "needs_rule").map((i: { name: string }) => i.name)).toEqual(["Tỷ lệ hộ nghèo", "Tỷ lệ che phủ rừng"]);
    const text = (await runCli(["tong-hop", a, c, "-o", join(dir, "khac.xlsx")])).stdout;
    expect(text.match(/cần chọn cách tổng hợp/g)).toHaveLength(1);
    expect(text).toContain("2 chỉ tiêu cần chọn cách tổng hợp");
    expect(text).toMatch(/Tỷ lệ, chỉ số không có trọng số.* — 2 chỉ tiêu: 2\.1 Tỷ lệ hộ nghèo; 2\.10 Tỷ lệ che phủ rừng\./);
    expect(text).toContain('--cach "TT=cách"');

    // the rule given once with --cach (by TT), or in the consolidated file's own column
    const mean = JSON.parse((await runCli(["tong-hop", a, c, "--json", "--cach", "2.1=Bình quân", "--cach=2.10=Lớn nhất"])).stdout);
    const rule = (name: string, jj: typeof j) => jj.indicators.find((i: { name: string }) => i.name === name);
    expect(rule("Tỷ lệ hộ nghèo", mean)).toMatchObject({ rule: "mean", rule_source: "chosen", value: 0.74 });
    expect(rule("Tỷ lệ che phủ rừng", mean)).toMatchObject({ rule: "max", value: 12 });
    const rules = join(dir, "quy-tac.xlsx");
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.readFile(join(dir, "khac.xlsx"));
    const t = edited.getWorksheet("Chỉ tiêu")!;
    const ruleCol = (t.getRow(1).values as unknown[]).slice(1).indexOf("Cách tổng hợp") + 1;
    t.eachRow((row) => {
      if (row.getCell(2).value === "Tỷ lệ che phủ rừng") row.getCell(ruleCol).value = "Nhỏ nhất";
    });
    await edited.xlsx.writeFile(rules);
    const fromFile = JSON.parse((await runCli(["tong-hop", a, c, "--json", "--cach", rules])).stdout);
    expect(rule("Tỷ lệ che phủ rừng", fromFile)).toMatchObject({ rule: "min", value: 6.5 });
    expect(rule("Tỷ lệ che phủ rừng", fromFile).note).toContain("Cách tổng hợp chọn ở quy-tac.xlsx");
    expect(rule("Tỷ lệ hộ nghèo", fromFile).rule).toBe("needs_rule");
  });

  test("a --cach the tool cannot follow: exit 2 naming it, nothing written", async () => {
    const out = join(dir, "khong-ghi.xlsx");
    const bad = await runCli(["tong-hop", a, b, "-o", out, "--cach", "2.1=tùy"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('không hiểu cách tổng hợp "tùy"');
    const unknown = await runCli(["tong-hop", a, b, "-o", out, "--cach", "9.9=Cộng"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('không có chỉ tiêu "9.9"');
    expect(existsSync(out)).toBe(false);
  });
});
