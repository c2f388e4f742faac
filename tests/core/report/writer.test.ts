/** The section writer on the reference table: what offices write, and what they never write. */
import JSZip from "jszip";
import { analyse } from "../../../src/app/analyse";
import { reportSection, sectionHtml, sectionText } from "../../../src/app/report-text";
import { renderReportDocx } from "../../../src/adapters/docx/report-docx";
import { reportStyle } from "../../../src/core/report/style";
import { continuing, indicatorClause, proseName, targetPhrase, writeReportSection } from "../../../src/core/report/writer";
import { SAMPLE_INFO, SAMPLE_ROWS, sampleGrids } from "../../../src/core/sample";
import { tableFromTsv } from "../../support/appendix-fixture";

const analysis = () => {
  const a = analyse(sampleGrids()[0], { info: SAMPLE_INFO });
  return Object.assign(a, { table: a.table! });
};

/** The target parentheticals removed: "(*Nghị quyết …*)" and its plain-text twin. */
const withoutTargets = (s: string) => s.replace(/ \(\*?Nghị quyết [^()]*\*?\)/g, "");

describe("van-ban: the section from the reference table", () => {
  const a = analysis();
  const section = reportSection(a);
  const md = sectionText(section, "markdown");
  const plain = sectionText(section, "plain");
  const paragraphs = md.split("\n\n");

  test("headings from the sheet's groups, as typed; the summary in the sheet's vocabulary", () => {
    expect(paragraphs[0]).toBe("1. Các chỉ tiêu chủ yếu");
    expect(paragraphs[1]).toBe("Có 14/28 chỉ tiêu đạt và vượt, 14 chỉ tiêu chưa đạt.");
    const headings = section.paragraphs.filter((p) => p.kind === "heading").map((p) => p.runs[0].text);
    // "I" holds only groups: left out; "2.5" inside a heading group opens a paragraph instead
    expect(headings).toEqual(["1.1. Về kinh tế", "1.2. Văn hóa – xã hội", "1.3. Về xây dựng hệ thống chính trị"]);
    expect(md).toContain("- Có 100% xã, phường đạt chuẩn quốc gia về y tế; tỷ lệ bác sĩ/1 vạn dân đạt 10,79 bác sĩ/1 vạn dân (*Nghị quyết 9-10 bác sĩ/1 vạn dân*); có 34,11 giường bệnh/1 vạn dân");
    expect(sectionText(reportSection(a, { levels: 2 }))).toContain("Có 14/28 chỉ tiêu đạt, 14 chỉ tiêu chưa đạt.");
  });

  test("verbs that fit, the value with its unit once, targets in italics, sub-rows with trong đó", () => {
    expect(md).toContain(
      "- Tăng trưởng tổng giá trị sản xuất bình quân giai đoạn 2021 -2023 (theo giá so sánh năm 2010) đạt 7,8%/năm (*Nghị quyết 8,5-9,5%/năm*); trong đó: khu vực công nghiệp - xây dựng tăng 8,5%/năm (*Nghị quyết 9,5-11%/năm*), khu vực dịch vụ tăng 8,8%/năm",
    );
    expect(md).toContain("tăng bình quân 20,4%/năm (*Nghị quyết 11-12%/năm*); trong đó: thuế, phí tăng bình quân 19,4%/năm (*Nghị quyết 12-14%/năm*).");
    expect(md).toContain("so kế hoạch giai đoạn 2021-2025, tăng bình quân 8,5%/năm (*Nghị quyết 10%/năm*).");
    expect(md).toContain("- Tỷ lệ bảo hiểm y tế toàn dân đến năm 2023 đạt 93,3% (*Nghị quyết 95%*).");
    expect(md).toContain("- Tỷ lệ hộ nghèo ở mức 0,37% (*Nghị quyết 0,2%, theo tiêu chí cũ*).");
    expect(md).toContain("có 01 xã đạt chuẩn nông thôn mới kiểu mẫu (*Nghị quyết 01-02 xã*)");
    expect(md).toContain("sử dụng nước máy đạt 54,3% (*Nghị quyết trên 90%*)");
    // a name listing items with an empty slot: the value fills it, the target follows that item
    expect(md).toContain("- Tỷ lệ hộ gia đình văn hóa đạt 97,3% (*Nghị quyết 90 – 95%*); thôn, tổ dân phố văn hóa đạt 100%; xã, phường đạt chuẩn văn hóa % [cần xem lại: tên chỉ tiêu còn chỗ trống chưa có số];");
    expect(md).toContain("(*Nghị quyết bình quân kết nạp từ 110 – 120 đảng viên mới/năm*)");
  });

  test("no nested brackets anywhere", () => {
    for (const p of plain.split("\n\n")) {
      let depth = 0;
      for (const ch of p) {
        if (ch === "(") depth++;
        if (ch === ")") depth--;
        expect(depth).toBeLessThanOrEqual(1);
      }
      expect(depth).toBe(0);
    }
  });

  test("no value twice in a sentence", () => {
    for (const p of plain.split("\n\n").filter((x) => x.startsWith("- "))) {
      for (const clause of withoutTargets(p).split(/; |, (?=\p{Ll})/u)) {
        const values = [...clause.matchAll(/\d+(?:[.,]\d+)*%?(?:\/năm)?/g)].map((m) => m[0]).filter((v) => v.includes("%") || v.includes(","));
        expect([clause, values.length]).toEqual([clause, new Set(values).size]);
      }
    }
  });

  test("no status words after the sentence, no capitals mid-sentence, the wrong figures not repeated", () => {
    expect(plain).not.toMatch(/—|– (Vượt|Đạt|Chưa đạt)|\b(Vượt|Chưa đạt)\b/);
    expect(plain).not.toMatch(/(; |trong đó: )(?!QG|UBND|Đảng)\p{Lu}/u);
    expect(plain).not.toContain("88,14");
    expect(plain).not.toContain("18,57");
    // the corrected figures, marked for review
    expect(plain).toContain("là 57/66 trường, đạt tỷ lệ 86,36% [cần xem lại: tính lại từ 57/66, sửa ô M25]");
    expect(plain).toContain("đạt tỷ lệ 31,58% [cần xem lại: tính lại từ 18/57, sửa ô M26]");
    expect(section.reviews.map((r) => r.cell)).toEqual(expect.arrayContaining(["M25", "M26"]));
  });

  test("names copied as typed (only the first letter lowercased when a name continues a sentence)", () => {
    for (const r of SAMPLE_ROWS.filter((x) => x.target)) {
      const name = proseName(r.name)
        .replace(/(đạt|là)\s*%/, "")
        .split(/[;%]/)[0]
        .trim();
      // "Có giường bệnh/1 vạn dân" takes its value after "Có": "có 34,11 giường bệnh/1 vạn dân"
      const withValue = /^Có /.test(name) && plain.includes(name.slice(3)) && new RegExp(`[Cc]ó [\\d.,]+ ${name.slice(3).replace(/[/.*+?^${}()|[\]\\]/g, "\\$&")}`).test(plain);
      expect([name, withValue || plain.includes(name) || plain.includes(continuing(name)) || plain.includes(name.replace(/^Trong đó: /, ""))]).toEqual([name, true]);
    }
  });

  test("markdown italics only around targets; HTML for the clipboard keeps them", () => {
    expect(md.match(/\*/g)!.length).toBe(2 * 28);
    expect(sectionHtml(section)).toContain("<em>Nghị quyết 8,5-9,5%/năm</em>");
    expect(sectionHtml(section)).toContain("font-family:'Times New Roman'");
  });

  test("the .docx: Times New Roman at the preset's body size, targets in italics, review marks highlighted", async () => {
    const bytes = await renderReportDocx(section, reportStyle("dang-2026"));
    const zip = await JSZip.loadAsync(bytes);
    const doc = await zip.file("word/document.xml")!.async("string");
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toContain('<w:sz w:val="28"/>');
    expect(doc).toMatch(/<w:i\/>[\s\S]{0,200}Nghị quyết 8,5-9,5%\/năm/);
    expect(doc).toContain('w:highlight w:val="yellow"');
    expect(doc).not.toContain("88,14");
  });
});

describe("writer pieces", () => {
  test("targets: symbols in words, notes folded in, unit once", () => {
    expect(targetPhrase("> 98", "%")).toBe("trên 98%");
    expect(targetPhrase("≥ 90", "%")).toBe("từ 90% trở lên");
    expect(targetPhrase("0,2 (theo tiêu chí cũ)", "%")).toBe("0,2%, theo tiêu chí cũ");
    expect(targetPhrase("8,5-9,5", "%/năm")).toBe("8,5-9,5%/năm");
    expect(targetPhrase("Bình quân kết nạp từ 110 – 120", "đảng viên mới/năm")).toBe("bình quân kết nạp từ 110 – 120 đảng viên mới/năm");
    expect(targetPhrase("dưới 1,0%", "%")).toBe("dưới 1,0%");
  });

  test("capitals: acronyms and proper nouns keep theirs", () => {
    expect(continuing("Tỷ lệ hộ nghèo")).toBe("tỷ lệ hộ nghèo");
    expect(continuing("UBND xã đạt chuẩn")).toBe("UBND xã đạt chuẩn");
    expect(continuing("Đảng bộ cơ sở trong sạch")).toBe("Đảng bộ cơ sở trong sạch");
    expect(continuing("Đảm bảo an ninh")).toBe("đảm bảo an ninh");
  });

  test("a negative growth is written 'giảm', never a minus after 'tăng'", () => {
    const t = tableFromTsv();
    const row = t.rows.find((r) => r.type === "indicator" && r.tt === "1.3");
    if (row?.type !== "indicator") throw new Error("row 1.3");
    row.actual = -8.5;
    row.kind = "average_growth";
    const text = indicatorClause(row, {}, "start").runs.map((r) => r.text).join("");
    expect(text).toContain("giảm bình quân 8,5%/năm");
    expect(text).not.toContain("-8,5");
  });

  test("the table as printed (no sheet cells) gives the same sentences, numbered headings from another section number", () => {
    const s = writeReportSection(tableFromTsv(), { sectionNumber: "2", title: null });
    const text = sectionText(s);
    expect(text.startsWith("Có ")).toBe(true);
    expect(text).toContain("2.1. Về kinh tế");
    expect(text).not.toContain("88,14");
  });
});

describe("outlook wording (mid-term reports)", () => {
  test("the outlook's clause follows the target, its summary follows the counts", () => {
    const t = tableFromTsv();
    const s = writeReportSection(t, {
      outlook: {
        indicator: (row) => (row.evaluation?.status === "not_met" ? { clause: "dự báo khó đạt" } : undefined),
        summary: () => "dự báo đến cuối nhiệm kỳ có 05 chỉ tiêu khó đạt",
      },
    });
    const text = sectionText(s);
    expect(text).toContain("- Tỷ lệ hộ nghèo ở mức 0,37% (Nghị quyết 0,2%, theo tiêu chí cũ), dự báo khó đạt.");
    expect(text).toContain("chưa đạt, 01 chỉ tiêu chưa đánh giá được; dự báo đến cuối nhiệm kỳ có 05 chỉ tiêu khó đạt.");
    expect(text).toContain("- Tỷ lệ tăng dân số tự nhiên ở mức 0,85% (Nghị quyết dưới 1,0%).");
  });
});
