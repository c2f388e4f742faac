/** chitieu doi-chieu: the reference report (as .docx and .txt) against its table. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "../support/cli";
import { referenceSheetRows, tmpDir, writeWorkbook } from "../support/workbook-fixtures";
import { REFERENCE_REPORT_TXT, docxFromReportText } from "../support/draft-docx";

describe("chitieu doi-chieu", () => {
  let ref: string;
  let docx: string;
  beforeAll(async () => {
    ref = await writeWorkbook("ref-doi-chieu.xlsx", [{ name: "Phụ lục 1", rows: referenceSheetRows() }]);
    docx = path.join(tmpDir(), "bao-cao.docx");
    writeFileSync(docx, await docxFromReportText());
  });

  test("--json: mentions and findings in the documented shape; exit 1", async () => {
    const r = await runCli(["doi-chieu", docx, ref, "--json"]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(["mentions", "findings"]));
    for (const m of j.mentions) expect(Object.keys(m)).toEqual(expect.arrayContaining(["paragraph", "excerpt", "row", "tt", "name"]));
    for (const f of j.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(["code", "paragraph", "excerpt", "row", "message"]));
    const codes = j.findings.map((f: { code: string }) => f.code);
    expect(codes).toEqual(expect.arrayContaining(["target_mismatch", "sign_mismatch", "growth_claim_mismatch", "fraction_percent_mismatch"]));
    const water = j.findings.find((f: { code: string }) => f.code === "target_mismatch");
    expect(water).toMatchObject({ row: 27, cell: "D27" });
    expect(j.mentions.find((m: { row: number }) => m.row === 27)).toMatchObject({ tt: "2.8", name: "Tỷ lệ hộ dân khu vực nội thị sử dụng nước hợp vệ sinh" });
  });

  test("text output; a .txt draft works the same", async () => {
    const r = await runCli(["doi-chieu", REFERENCE_REPORT_TXT, ref]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("[Chỉ tiêu khác bảng] Đoạn");
    expect(r.stdout).toContain("03/67 = 4,48%");
    expect(r.stdout).toContain("29,65%/năm");
  });

  test("exit 0 on a draft that agrees; exit 2 on unusable input", async () => {
    const ok = path.join(tmpDir(), "khop.txt");
    writeFileSync(ok, "1.1. Về kinh tế\n\n- Tỷ lệ che phủ rừng đạt 6,5% (*Nghị quyết trên 6%*).\n");
    const r0 = await runCli(["doi-chieu", ok, ref]);
    expect(r0.code).toBe(0);
    expect(r0.stdout).toContain("Không thấy chỗ nào khác bảng.");
    const bad = path.join(tmpDir(), "hong.docx");
    writeFileSync(bad, "không phải tệp nén");
    const r2 = await runCli(["doi-chieu", bad, ref]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('hong.docx"');
    expect(r2.stderr).toContain("không phải tệp Word .docx");
    expect((await runCli(["doi-chieu", ref, docx])).stderr).toContain("Thứ tự tệp bị đảo");
    expect((await runCli(["doi-chieu", docx])).code).toBe(2);
    expect((await runCli(["doi-chieu", path.join(tmpDir(), "khong-co.docx"), ref])).stderr).toContain("Không tìm thấy");
  });
});
