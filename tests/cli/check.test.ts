/** chitieu check / chitieu template, run in-process with captured output. */
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "../support/cli";
import { referenceSheetRows, tmpDir, writeWorkbook } from "../support/workbook-fixtures";

const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

describe("chitieu check", () => {
  let ref: string;
  beforeAll(async () => {
    ref = await writeWorkbook("ref-cli.xlsx", [
      { name: "Ghi chú", rows: [["Sổ theo dõi chỉ tiêu"]] },
      { name: "Phụ lục 1", rows: referenceSheetRows() },
    ]);
  });

  test("text output: mapping, counts, findings; exit 1 on errors", async () => {
    const before = sha(ref);
    const r = await runCli(["check", ref]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Trang "Phụ lục 1": 28 chỉ tiêu, 5 nhóm.');
    expect(r.stdout).toContain('D   Chỉ tiêu Nghị quyết  (tiêu đề "Chỉ tiêu Nghị quyết ĐH VI")');
    expect(r.stdout).toContain("14/28 chỉ tiêu đạt và vượt");
    expect(r.stdout).toContain("Ô E25:");
    expect(r.stdout).toContain("86,36%");
    expect(r.stdout).toContain("31,58%");
    expect(r.stdout).toContain("Ô F27:");
    expect(sha(ref)).toBe(before);
  });

  test("--json: one object with the documented shape", async () => {
    const r = await runCli(["check", ref, "--json", "--sheet", "Phụ lục 1"]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j).sort()).toEqual(["counts", "findings", "groups", "indicators", "mapping", "sheet"]);
    expect(j.sheet).toBe("Phụ lục 1");
    expect(j.mapping).toEqual({ tt: "A", name: "B", unit: "C", target: "D", actual: "E", status: "F" });
    expect(j.indicators).toHaveLength(28);
    expect(j.groups).toHaveLength(5);
    expect(j.groups[0]).toEqual({ row: 2, tt: "I", name: "Các chỉ tiêu về kinh tế - xã hội" });
    for (const i of j.indicators) expect(Object.keys(i).sort()).toEqual(["actual", "direction", "label", "name", "outlook", "reported", "row", "status", "target", "tt", "unit"]);
    const sub = j.indicators.find((i: { row: number }) => i.row === 5);
    expect(sub.name).toBe("- Khu vực công nghiệp - xây dựng tăng");
    const water = j.indicators.find((i: { row: number }) => i.row === 27);
    expect(water).toEqual({ row: 27, tt: "2.8", name: "Tỷ lệ hộ dân khu vực nội thị sử dụng nước hợp vệ sinh", unit: "%", target: "> 98", actual: 98, reported: "Đạt", status: "not_met", label: "Chưa đạt", direction: "up", outlook: null });
    const members = j.indicators.find((i: { row: number }) => i.row === 34);
    expect(members.actual).toBe("263 đảng viên/ 3 năm");
    expect(j.findings.map((f: { code: string }) => f.code)).toEqual(["fraction_percent_mismatch", "fraction_percent_mismatch", "status_mismatch", "borderline"]);
    for (const f of j.findings) expect(Object.keys(f).sort()).toEqual(["cell", "code", "message", "row", "severity"]);
    expect(j.counts).toMatchObject({ total: 28, met_or_exceeded: 14, summary: "14/28 chỉ tiêu đạt và vượt; 14 chỉ tiêu chưa đạt" });
  });

  test("exit 0 when nothing is an error", async () => {
    const rows = referenceSheetRows().filter((_r, i) => ![24, 25, 26].includes(i));
    const f = await writeWorkbook("ref-clean.xlsx", [{ name: "PL", rows }]);
    const r = await runCli(["check", f]);
    expect(r.stdout).toContain("Không phát hiện vấn đề nào.");
    expect(r.code).toBe(0);
  });

  test("exit 2: missing, not an .xlsx, old .xls, encrypted, no table, unknown sheet", async () => {
    const dir = tmpDir();
    const missing = await runCli(["check", path.join(dir, "khong-co.xlsx")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Không tìm thấy tệp");

    const text = path.join(dir, "bang.xlsx");
    writeFileSync(text, "TT\tChỉ tiêu\n1\tA\n");
    const notXlsx = await runCli(["check", text]);
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.stderr).toContain("không phải là tệp Excel .xlsx hay bảng tính .ods");

    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    const xls = path.join(dir, "cu.xls");
    writeFileSync(xls, cfb);
    const old = await runCli(["check", xls]);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain(".xls");

    Buffer.from("EncryptionInfo", "utf16le").copy(cfb, 1024);
    const enc = path.join(dir, "mat-khau.xlsx");
    writeFileSync(enc, cfb);
    const e = await runCli(["check", enc]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain("mật khẩu");

    const corrupt = path.join(dir, "hong.xlsx");
    writeFileSync(corrupt, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]));
    const c = await runCli(["check", corrupt]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain("bị hỏng hoặc bị cắt cụt");

    const empty = await writeWorkbook("khong-bang.xlsx", [{ name: "S", rows: [["Danh sách"], ["Họ tên", "Chức vụ"]] }]);
    const nt = await runCli(["check", empty]);
    expect(nt.code).toBe(2);
    expect(nt.stderr).toContain("Không tìm thấy bảng chỉ tiêu");
    expect(nt.stderr).toContain(`Trang "S": đã xem dòng 1–2 nhưng không dòng nào có tên cột quen thuộc`);

    const ns = await runCli(["check", ref, "--sheet", "Không có"]);
    expect(ns.code).toBe(2);
    expect(ns.stderr).toContain('Không có trang "Không có"');

    const none = await runCli(["check"]);
    expect(none.code).toBe(2);
  });
});

describe("chitieu template", () => {
  test("writes the template; refuses to overwrite without --force", async () => {
    const out = path.join(tmpDir(), "mau.xlsx");
    const r = await runCli(["template", "-o", out]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const before = sha(out);
    const again = await runCli(["template", "-o", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("--force");
    expect(sha(out)).toBe(before);
    const forced = await runCli(["template", "-o", out, "--force", "--sample"]);
    expect(forced.code).toBe(0);
    expect(sha(out)).not.toBe(before);
    expect((await runCli(["template"])).code).toBe(2);
  });

  test("read back with ExcelJS: sheets, header, font, lists, frozen header, info labels", async () => {
    const out = path.join(tmpDir(), "mau2.xlsx");
    expect((await runCli(["template", "-o", out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Chỉ tiêu", "Thông tin"]);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(["TT", "Chỉ tiêu", "ĐVT", "Loại", "Chiều", "Chỉ tiêu Nghị quyết", "Đầu kỳ", "Năm 2021", "Năm 2022", "Năm 2023", "Năm 2024", "Năm 2025", "Kết quả thực hiện", "Đánh giá", "Ghi chú", "Cách tổng hợp", "Đơn vị chủ trì"]);
    expect(ws.getCell("A1").font.name).toBe("Times New Roman");
    expect(ws.getCell("B4").font.name).toBe("Times New Roman");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const kind = ws.getCell("D3").dataValidation;
    expect(kind.type).toBe("list");
    expect(kind.formulae[0]).toContain("Tốc độ tăng bình quân");
    expect(kind.formulae[0]).toContain("Định tính");
    expect(ws.getCell("E100").dataValidation.formulae[0]).toContain("Càng thấp càng tốt");
    expect(ws.getCell("B2").value).toBe("Các chỉ tiêu về kinh tế - xã hội");
    const info = wb.getWorksheet("Thông tin")!;
    const labels: string[] = [];
    info.eachRow((row, n) => n > 1 && labels.push(String(row.getCell(1).value)));
    expect(labels).toEqual(["Cấp ủy/Đảng bộ", "Cơ quan ban hành", "Tên viết gọn của cơ quan ban hành", "Đại hội lần thứ", "Nhiệm kỳ", "Loại báo cáo", "Năm đánh giá", "Số báo cáo", "Ngày báo cáo", "Nơi ban hành", "Đơn vị", "Thể thức", "Tiêu đề phụ lục", "Kèm theo"]);
    // the example rows are correct: the template checks clean
    const chk = await runCli(["check", out, "--json"]);
    expect(chk.code).toBe(0);
    const j = JSON.parse(chk.stdout);
    expect(j.sheet).toBe("Chỉ tiêu");
    expect(j.indicators.length).toBeGreaterThanOrEqual(5);
  });

  test("--sample: the whole reference table, with the report information", async () => {
    const out = path.join(tmpDir(), "demo.xlsx");
    expect((await runCli(["template", "-o", out, "--sample"])).code).toBe(0);
    const j = JSON.parse((await runCli(["check", out, "--json"])).stdout);
    expect(j.indicators).toHaveLength(28);
    expect(j.groups).toHaveLength(5);
    expect(j.findings.map((f: { code: string; cell: string }) => `${f.code}@${f.cell}`)).toEqual([
      "fraction_percent_mismatch@M25",
      "fraction_percent_mismatch@M26",
      "status_mismatch@N27",
      "borderline@M27",
    ]);
  });
});

describe("chitieu check: the sheet's vocabulary", () => {
  test("Hoàn thành statuses give Hoàn thành labels and summary; --vocabulary overrides", async () => {
    const f = await writeWorkbook("ht.xlsx", [
      {
        name: "Chỉ tiêu",
        rows: [
          ["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2015", "Mục tiêu Đại hội XXI", "Kết quả thực hiện đến nay", "Ghi chú"],
          ["1", "Tỷ lệ che phủ rừng", "%", 5, "> 6", 6.5, "Hoàn thành"],
          ["2", "Tỷ lệ lao động qua đào tạo", "%", 50, 65, 64.5, "Chưa hoàn thành"],
        ],
      },
    ]);
    const r = await runCli(["check", f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("01/02 chỉ tiêu hoàn thành và hoàn thành vượt; 01 chỉ tiêu chưa hoàn thành");
    expect(r.stdout).toContain("Hoàn thành vượt: 0; Hoàn thành: 1");
    const j = JSON.parse((await runCli(["check", f, "--json"])).stdout);
    expect(j.indicators.map((i: { label: string }) => i.label)).toEqual(["Hoàn thành", "Chưa hoàn thành"]);
    expect(j.mapping.status).toBe("G");
    const d = JSON.parse((await runCli(["check", f, "--json", "--vocabulary", "dat"])).stdout);
    expect(d.indicators.map((i: { label: string }) => i.label)).toEqual(["Đạt", "Chưa đạt"]);
    expect((await runCli(["check", f, "--vocabulary", "khac"])).code).toBe(2);
  });
});

test("chitieu template --nhiem-ky: year columns and the info sheet follow the term", async () => {
  const out = path.join(tmpDir(), "mau-2030.xlsx");
  expect((await runCli(["template", "-o", out, "--nhiem-ky", "2025-2030"])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const header = (wb.getWorksheet("Chỉ tiêu")!.getRow(1).values as unknown[]).slice(1);
  expect(header.filter((h) => String(h).startsWith("Năm "))).toEqual(["Năm 2026", "Năm 2027", "Năm 2028", "Năm 2029", "Năm 2030"]);
  expect(wb.getWorksheet("Thông tin")!.getCell("B6").value).toBe("2025-2030");
  expect((await runCli(["template", "-o", out, "--force", "--nhiem-ky", "2030"])).code).toBe(2);
});
