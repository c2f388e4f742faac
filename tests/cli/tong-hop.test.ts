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
    expect(fee).toMatchObject({ actual: 100, target: "50", reported: "Vượt", status: "exceeded" });
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
