import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { buildTemplateBytes } from "../../src/adapters/xlsx/template";
import { SAMPLE_INFO } from "../../src/core/sample";
import type { Io } from "../../src/cli/io";

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
      ["appendix", input, "-o", out, "--layout", "nha-nuoc", "--vocabulary", "hoan-thanh", "--portrait", "--so-bao-cao", "125/BC-UBND", "--ngay-bao-cao", "15/10/2027", "--co-quan", "UBND thành phố"],
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
