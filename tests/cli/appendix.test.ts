import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { buildTemplateBytes } from "../../src/adapters/xlsx/template";
import { SAMPLE_INFO } from "../../src/core/sample";
import type { Io } from "../../src/cli/io";
import { REFERENCE_HEADER, referenceSheetRows, titleRows, tmpDir, writeWorkbook } from "../support/workbook-fixtures";

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const x: Io = { out: (s) => out.push(s), err: (s) => err.push(s), stdin: () => "" };
  return { io: x, out, err };
}

async function sheetTexts(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)))));
  return rows;
}

describe("chitieu appendix and chitieu demo", () => {
  let dir: string;
  let input: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "chitieu-appendix-"));
    input = join(dir, "chi-tieu.xlsx");
    writeFileSync(input, await buildTemplateBytes({ info: SAMPLE_INFO, sample: true }));
  });

  test("writes .xlsx and .docx from the sample workbook, info from sheet Thông tin", async () => {
    const h = io();
    const out = join(dir, "phu-luc.xlsx");
    const docx = join(dir, "phu-luc.docx");
    const code = await main(["appendix", input, "-o", out, "--docx", docx, "--levels", "2", "--target-title", "Chỉ tiêu Nghị quyết ĐH VI", "--status-title", "So sánh NQ ĐH VI"], h.io);
    expect(h.err).toEqual([]);
    expect(code).toBe(0);
    expect(h.out.join("\n")).toContain("Đã ghi: " + out + ", " + docx);
    expect(h.out.join("\n")).toContain("14/28 chỉ tiêu đạt và vượt");
    const rows = await sheetTexts(out);
    expect(rows[0][0]).toBe("Phụ lục 1");
    expect(rows[2][0]).toBe("(Kèm theo Báo cáo số 203-BC/ThU, ngày 25/5/2023 của Thành ủy)");
    expect(rows[4]).toEqual(["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết ĐH VI", "Kết quả thực hiện", "So sánh NQ ĐH VI"]);
    const r11 = rows.find((r) => r[0] === "1.1")!;
    expect(r11.slice(2)).toEqual(["%/năm", "8,5-9,5", "7,8", "Chưa đạt"]);
    const r28 = rows.find((r) => r[0] === "2.8")!;
    expect(r28.slice(3)).toEqual(["> 98", "98", "Chưa đạt"]);
    expect(statSync(docx).size).toBeGreaterThan(5000);
  });

  test("refuses to overwrite an existing output without --force (exit 2), file untouched; --force replaces it", async () => {
    const out = join(dir, "co-san.xlsx");
    writeFileSync(out, "tệp của người dùng");
    const h = io();
    expect(await main(["appendix", input, "-o", out], h.io)).toBe(2);
    expect(h.err.join("\n")).toBe(`Tệp "${out}" đã có. Dùng --force để ghi đè.`);
    expect(readFileSync(out, "utf8")).toBe("tệp của người dùng");
    const docx = join(dir, "co-san.docx");
    writeFileSync(docx, "văn bản");
    const h2 = io();
    expect(await main(["appendix", input, "-o", join(dir, "moi.xlsx"), "--docx", docx], h2.io)).toBe(2);
    expect(readFileSync(docx, "utf8")).toBe("văn bản");
    expect(existsSync(join(dir, "moi.xlsx"))).toBe(false); // nothing written when one output is refused
    const h3 = io();
    expect(await main(["appendix", input, "-o", out, "--force"], h3.io)).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  test("never writes over the input, even with --force", async () => {
    const h = io();
    expect(await main(["appendix", input, "-o", input, "--force"], h.io)).toBe(2);
    expect(h.err.join("")).toContain("trùng với tệp vào");
  });

  test("flags override the Thông tin sheet; state preset, hoàn thành vocabulary, portrait", async () => {
    const h = io();
    const out = join(dir, "nha-nuoc.xlsx");
    const code = await main(
      ["appendix", input, "-o", out, "--layout", "nha-nuoc", "--vocabulary", "hoan-thanh", "--levels", "3", "--portrait", "--so-bao-cao", "125/BC-UBND", "--ngay-bao-cao", "15/10/2027", "--co-quan", "UBND thành phố"],
      h.io,
    );
    expect(h.err).toEqual([]);
    expect(code).toBe(0);
    const rows = await sheetTexts(out);
    expect(rows[0][0]).toBe("Phụ lục I");
    expect(rows[2][0]).toBe("(Kèm theo Báo cáo số 125/BC-UBND ngày 15 tháng 10 năm 2027 của UBND thành phố)");
    expect(rows.find((r) => r[0] === "1.2")![5]).toBe("Hoàn thành vượt");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0].pageSetup.orientation).toBe("portrait");
  });

  test("bad input: clear Vietnamese messages, exit 2", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["appendix", input, "-o", join(dir, "x.xlsx"), "--layout", "abc"], /--layout "abc" không có/],
      [["appendix", input, "-o", join(dir, "x.xlsx"), "--vocabulary", "xyz"], /--vocabulary "xyz" không có/],
      [["appendix", input], /Thiếu tệp ra/],
      [["appendix", input, "-o", join(dir, "x.pdf")], /phải có đuôi .xlsx/],
      [["appendix", join(dir, "khong-co.xlsx"), "-o", join(dir, "x.xlsx")], /khong-co.xlsx/],
      [["appendix", input, "-o", join(dir, "x.xlsx"), "--ngay-bao-cao", "hôm qua"], /không phải ngày/],
    ];
    for (const [argv, re] of cases) {
      const h = io();
      expect([argv.join(" "), await main(argv, h.io)]).toEqual([argv.join(" "), 2]);
      expect(h.err.join("\n")).toMatch(re);
    }
  });

  test("demo: three files, one progress line per step; reruns in its own folder; refuses a folder with other files", async () => {
    const d = join(dir, "demo");
    const h = io();
    expect(await main(["demo", "--out", d], h.io)).toBe(0);
    expect(h.out.filter((l) => /^\d\/6 /.test(l))).toHaveLength(6);
    expect(h.out[h.out.length - 1]).toBe(`Xong. Đã ghi: ${join(d, "phu-luc.xlsx")}, ${join(d, "phu-luc.docx")}, ${join(d, "kiem-tra.txt")}`);
    for (const f of ["phu-luc.xlsx", "phu-luc.docx", "kiem-tra.txt"]) expect(existsSync(join(d, f))).toBe(true);
    const check = readFileSync(join(d, "kiem-tra.txt"), "utf8");
    expect(check).toContain("57/66 = 86,36%");
    expect(check).toContain("14/28 chỉ tiêu đạt và vượt");
    // suggested prose for the report body, one line per indicator
    expect(check).toContain("- Tỷ lệ hộ nghèo ở mức 0,37% (*Nghị quyết 0,2%, theo tiêu chí cũ*).");
    expect(check).not.toContain("— Chưa đạt");
    expect(check.match(/\(\*Nghị quyết /g)).toHaveLength(28);
    const rows = await sheetTexts(join(d, "phu-luc.xlsx"));
    expect(rows[4]).toEqual(["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết ĐH VI", "Kết quả thực hiện", "So sánh NQ ĐH VI"]);
    expect(await main(["demo", "--out", d], io().io)).toBe(0);
    const other = join(dir, "cua-toi");
    await main(["demo", "--out", other], io().io);
    const mine = join(dir, "thu-muc-rieng");
    mkdirSync(mine);
    writeFileSync(join(mine, "phu-luc.xlsx"), "của tôi");
    const h2 = io();
    expect(await main(["demo", "--out", mine], h2.io)).toBe(2);
    expect(h2.err.join("")).toContain("không do lệnh demo tạo");
    expect(readFileSync(join(mine, "phu-luc.xlsx"), "utf8")).toBe("của tôi");
  });
});

describe("chitieu appendix: defaults from the source sheet, flags override each", () => {
  const title = titleRows();
  // the title block typed with an en dash and a double space, the table's own headers and words
  title.rows[2] = ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU  NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ LẦN THỨ VI, NHIỆM KỲ 2020 – 2025"];
  const sheets = () => [
    { name: "Chỉ tiêu", rows: [...title.rows, ...referenceSheetRows()], merges: title.merges },
    { name: "Thông tin", rows: [["Thể thức", "Hướng dẫn 36-HD/VPTW"], ["Cơ quan ban hành", "Thành ủy Bảo Lộc"]] },
  ];

  test("title and Kèm theo from the title block, column titles and Đạt/Chưa đạt from the table, HD 36 from Thông tin", async () => {
    const input = await writeWorkbook("own.xlsx", sheets());
    const out = join(tmpDir(), "own-out.xlsx");
    const h = io();
    expect(await main(["appendix", input, "-o", out], h.io)).toBe(0);
    expect(h.err).toEqual([]);
    expect(h.out[0]).toContain("Hướng dẫn 36-HD/VPTW (2018)");
    const rows = await sheetTexts(out);
    expect(rows[1][0]).toBe("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU  NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ LẦN THỨ VI, NHIỆM KỲ 2020 – 2025");
    expect(rows[1][0]).toContain("2020 – 2025");
    expect(rows[2][0]).toBe("(Kèm theo Báo cáo số 203-BC/ThU, ngày 25/5/2023 của Thành ủy)");
    const headerAt = rows.findIndex((r) => r[0] === "TT");
    expect(rows[headerAt]).toEqual(REFERENCE_HEADER);
    const statuses = new Set(rows.slice(headerAt + 1).map((r) => r[5]).filter((s) => s));
    expect(statuses).toEqual(new Set(["Đạt", "Chưa đạt"]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const m = wb.worksheets[0].pageSetup.margins!;
    expect([m.top, m.bottom, m.left, m.right].map((x) => Math.round(x * 25.4))).toEqual([25, 25, 35, 15]);
  });

  test("flags override: --cot-* titles as typed, --layout, --le-trai, --title, --vocabulary/--levels", async () => {
    const input = await writeWorkbook("own2.xlsx", sheets());
    const out = join(tmpDir(), "own2-out.xlsx");
    const h = io();
    const code = await main(
      ["appendix", input, "-o", out, "--cot-chi-tieu", "Mục tiêu Đại hội  XXI", "--cot-ket-qua", "Kết quả thực hiện đến nay", "--cot-danh-gia", "Đánh giá", "--layout", "dang-2026", "--le-trai", "32", "--title", "Phụ lục kết quả – bản dự thảo", "--vocabulary", "hoan-thanh", "--levels", "3"],
      h.io,
    );
    expect(h.err).toEqual([]);
    expect(code).toBe(0);
    const rows = await sheetTexts(out);
    expect(rows[1][0]).toBe("Phụ lục kết quả – bản dự thảo");
    const header = rows.find((r) => r[0] === "TT")!;
    expect(header.slice(3)).toEqual(["Mục tiêu Đại hội  XXI", "Kết quả thực hiện đến nay", "Đánh giá"]);
    expect(rows.find((r) => r[0] === "1.2")![5]).toBe("Hoàn thành vượt");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(Math.round(wb.worksheets[0].pageSetup.margins!.left * 25.4)).toBe(32);
    expect(h.out.join("\n")).toContain("theo tóm tắt, chưa đối chiếu văn bản gốc");
  });

  test("bad flag values exit 2 with a message naming the flag", async () => {
    const input = await writeWorkbook("own3.xlsx", sheets());
    for (const [flag, value, msg] of [
      ["--le-tren", "abc", "--le-tren phải là số milimét"],
      ["--cot-danh-gia", " ", "--cot-danh-gia (tiêu đề cột đánh giá) không được để trống"],
      ["--layout", "HD 99", '--layout "HD 99" không có'],
    ]) {
      const h = io();
      expect(await main(["appendix", input, "-o", join(tmpDir(), "bad.xlsx"), flag, value], h.io)).toBe(2);
      expect(h.err.join("")).toContain(msg);
      expect(existsSync(join(tmpDir(), "bad.xlsx"))).toBe(false);
    }
  });

  test("--help names every column-title flag and says which preset is unconfirmed", async () => {
    const h = io();
    expect(await main(["appendix", "--help"], h.io)).toBe(0);
    const help = h.out.join("\n");
    for (const flag of ["--cot-tt", "--cot-ten", "--cot-dvt", "--cot-chi-tieu", "--cot-ket-qua", "--cot-danh-gia", "--cot-ghi-chu", "--le-tren", "--le-trai"]) expect(help).toContain(flag);
    expect(help).toMatch(/dang-2026 +Văn bản của Đảng, Hướng dẫn 05-HD\/VPTW \(2026\) — theo tóm tắt, chưa đối chiếu văn bản gốc/);
    expect(help).toMatch(/dang-2018 +Văn bản của Đảng, Hướng dẫn 36-HD\/VPTW \(2018\)/);
  });
});
