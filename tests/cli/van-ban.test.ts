/** chitieu van-ban: the section printed or written as .docx, from the reference workbook. */
import JSZip from "jszip";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "../support/cli";
import { referenceSheetRows, tmpDir, writeWorkbook } from "../support/workbook-fixtures";

describe("chitieu van-ban", () => {
  let ref: string;
  beforeAll(async () => {
    ref = await writeWorkbook("ref-van-ban.xlsx", [{ name: "Phụ lục 1", rows: referenceSheetRows() }]);
  });

  test("prints the section with italics as *…*; review marks on stderr", async () => {
    const r = await runCli(["van-ban", ref]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("1. Các chỉ tiêu chủ yếu");
    expect(r.stdout).toContain("1.2. Văn hóa – xã hội");
    expect(r.stdout).toContain("Có 14/28 chỉ tiêu đạt và vượt, 14 chỉ tiêu chưa đạt.");
    expect(r.stdout).toContain("(*Nghị quyết 8,5-9,5%/năm*)");
    expect(r.stdout).not.toContain("88,14");
    expect(r.stderr).toContain("Ô E25: cần xem lại: tính lại từ 57/66");
    const plain = await runCli(["van-ban", ref, "--plain", "--levels", "2", "--so-muc", "2"]);
    expect(plain.stdout).toContain("(Nghị quyết 8,5-9,5%/năm)");
    expect(plain.stdout).toContain("2.1. Về kinh tế");
    expect(plain.stdout).toContain("Có 14/28 chỉ tiêu đạt, 14 chỉ tiêu chưa đạt.");
    expect(plain.stdout).not.toContain("*");
  });

  test("-o writes a .docx (Times New Roman 14), never over an existing file without --force", async () => {
    const out = path.join(tmpDir(), "doan-van.docx");
    const r = await runCli(["van-ban", ref, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Đã ghi ${out}`);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(await zip.file("word/styles.xml")!.async("string")).toContain('<w:sz w:val="28"/>');
    expect(await zip.file("word/document.xml")!.async("string")).toContain("Nghị quyết 8,5-9,5%/năm");
    writeFileSync(out, "giữ nguyên");
    const again = await runCli(["van-ban", ref, "-o", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("đã có. Dùng --force");
    expect(readFileSync(out, "utf8")).toBe("giữ nguyên");
    expect((await runCli(["van-ban", ref, "-o", out, "--force"])).code).toBe(0);
  });

  test("bad input: exit 2 with a Vietnamese message, nothing written", async () => {
    const out = path.join(tmpDir(), "khong-ghi.docx");
    const missing = await runCli(["van-ban", path.join(tmpDir(), "khong-co.xlsx"), "-o", out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/khong-co\.xlsx/);
    expect((await runCli(["van-ban", ref, "-o", path.join(tmpDir(), "x.txt")])).stderr).toContain("phải có đuôi .docx");
    expect((await runCli(["van-ban", ref, "--layout", "abc"])).code).toBe(2);
    const empty = await writeWorkbook("trong.xlsx", [{ name: "A", rows: [["Ghi chú"]] }]);
    const none = await runCli(["van-ban", empty, "-o", out]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Không tìm thấy bảng chỉ tiêu");
    expect(existsSync(out)).toBe(false);
  });
});
