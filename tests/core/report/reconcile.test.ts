/** The reconciler on the reference report (Thành ủy Bảo Lộc, 2023): its text against its own table. */
import { analyse } from "../../../src/app/analyse";
import { reconcileDraft } from "../../../src/app/report-text";
import { readDocxDraft } from "../../../src/adapters/docx/read-docx";
import { draftFromText, type Draft } from "../../../src/core/report/draft";
import { reconcile, type Reconciliation } from "../../../src/core/report/reconcile";
import { SAMPLE_INFO, sampleGrids } from "../../../src/core/sample";
import { docxFromReportText, referenceReportText } from "../../support/draft-docx";
import { tableFromTsv } from "../../support/appendix-fixture";

const analysis = () => {
  const a = analyse(sampleGrids()[0], { info: SAMPLE_INFO });
  return Object.assign(a, { table: a.table! });
};

/** The paragraph of the draft whose text contains `needle`, and its 1-based index. */
function paragraphWith(d: Draft, needle: string): number {
  const i = d.paragraphs.findIndex((p) => p.text.includes(needle));
  if (i < 0) throw new Error(`not in the draft: ${needle}`);
  return i + 1;
}

function expectListed(d: Draft, r: Reconciliation) {
  const codes = (p: number) => r.findings.filter((f) => f.paragraph === p).map((f) => f.code);
  // tap water: "trên 90%" in the body, "> 98" in the table (row 2.8)
  const water = paragraphWith(d, "nội thị sử dụng nước hợp vệ sinh 98%");
  const t = r.findings.find((f) => f.paragraph === water && f.code === "target_mismatch");
  expect(t).toBeDefined();
  expect(t!.row).toBe(27);
  expect(t!.message).toContain("trên 90%");
  expect(t!.message).toContain("> 98");
  expect(t!.excerpt).toContain("Nghị quyết trên 90%");
  // exports: "giảm bình quân 8,5%/năm" in the text, +8,5 in the table
  const exports = paragraphWith(d, "Tổng kim ngạch xuất khẩu 3 năm");
  const s = r.findings.find((f) => f.paragraph === exports && f.code === "sign_mismatch");
  expect(s?.row).toBe(10);
  expect(s!.message).toContain("giảm 8,5%");
  // tourists: 200%/năm against 86.260 → 145.000 in two years (footnote 6)
  const tourists = paragraphWith(d, "tăng bình quân 200%/năm");
  const g = r.findings.find((f) => f.paragraph === tourists && f.code === "growth_claim_mismatch");
  expect(g).toBeDefined();
  expect(g!.message).toContain("29,65%");
  expect(g!.message).toContain("86.260");
  // "03/67 … 4,41%" is 4,48%
  const fr = r.findings.find((f) => f.code === "fraction_percent_mismatch" && f.message.startsWith("03/67"));
  expect(fr!.message).toContain("4,48%");
  expect(fr!.excerpt).toContain("4,41%");
  expect(codes(water)).not.toContain("value_mismatch");
}

/** Sentences of the reference report that agree with its table: nothing may be reported on them. */
const CONSISTENT = [
  "Tăng trưởng tổng giá trị sản xuất bình quân giai đoạn 2021 -2023",
  "Tổng thu ngân sách nhà nước giai đoạn 2021-2023 ước đạt 8.397 tỷ đồng",
  "Tỷ lệ hộ nghèo 0,37%",
  "Tỷ lệ tăng dân số tự nhiên ước 0,85%",
  "100% phường giữ vững chuẩn văn minh đô thị",
  "Tỷ lệ bảo hiểm y tế toàn dân đến năm 2023 ước đạt 93,3%",
  "Có 100% xã, phường đạt chuẩn quốc gia về y tế, năm 2022",
  "Tỷ lệ thu gom và xử lý rác thải đô thị 92%",
  "Tỷ lệ che phủ rừng đạt 6,5%",
  "Hàng năm có trên 80% tổ chức cơ sở đảng",
  "Từ đầu nhiệm kỳ đến nay đã kết nạp được 263",
  "Năm 2021: 4,2%; Năm 2022: 9,7%",
  "Tỷ lệ tăng dân số tự nhiên đến năm 2025 dưới 11%",
];

function expectQuiet(d: Draft, r: Reconciliation) {
  for (const s of CONSISTENT) {
    const p = paragraphWith(d, s);
    expect([s, r.findings.filter((f) => f.paragraph === p)]).toEqual([s, []]);
  }
  // and every one of them is recognised as a mention of its indicator (all but the footnote of yearly rates and the plan)
  for (const s of CONSISTENT.slice(0, 11)) expect([s, r.mentions.some((m) => m.paragraph === paragraphWith(d, s))]).toEqual([s, true]);
}

describe("doi-chieu on the reference report", () => {
  test("as a .docx with a footnote part: every listed disagreement, nothing on consistent sentences", async () => {
    const d = await readDocxDraft(await docxFromReportText(), "bao-cao.docx");
    // the appendix table is left out; footnotes are numbered in the order the text refers to them
    expect(d.paragraphs.some((p) => p.text.includes("\t") || p.text === "TT")).toBe(false);
    const six = d.paragraphs.find((p) => p.kind === "footnote" && p.number === "6");
    expect(six?.text).toContain("86.260");
    const r = reconcileDraft(analysis(), d);
    expectListed(d, r);
    expectQuiet(d, r);
    // 03/67 stands in footnote 22 of the .docx
    const fr = r.findings.find((f) => f.message.startsWith("03/67"))!;
    expect(fr.place).toBe("Chú thích 22");
  });

  test("as plain text: the same findings", () => {
    const d = draftFromText(referenceReportText(), "bao-cao.txt");
    const r = reconcileDraft(analysis(), d);
    expectListed(d, r);
    expectQuiet(d, r);
  });

  test("plans (Phần thứ hai) are mentions, not results; other real disagreements of the report are found", () => {
    const d = draftFromText(referenceReportText(), "bao-cao.txt");
    const r = reconcileDraft(analysis(), d);
    const tapPlan = paragraphWith(d, "nước máy 70%");
    expect(r.mentions.find((m) => m.paragraph === tapPlan)?.plan).toBe(true);
    expect(r.findings.filter((f) => f.paragraph === tapPlan)).toEqual([]);
    // the body states 57/66 with 88,14% too, and 97% for school buildings where the table has 95
    expect(r.findings.some((f) => f.code === "fraction_percent_mismatch" && f.message.startsWith("57/66") && f.row === 25)).toBe(true);
    const school = r.findings.find((f) => f.code === "value_mismatch" && f.row === 24);
    expect(school?.message).toContain("97%");
    expect(r.notInTable).toEqual([]);
  });

  test("works on the table as printed (no sheet cells), and a corrected table silences the finding", () => {
    const table = tableFromTsv();
    const d = draftFromText(referenceReportText());
    expect(reconcile(d, table).findings.some((f) => f.code === "target_mismatch" && f.row === 27)).toBe(true);
    const fixed = tableFromTsv(undefined).rows;
    for (const row of fixed) if (row.type === "indicator" && row.name.startsWith("Tỷ lệ hộ dân khu vực nội thị")) row.targetText = "trên 90";
    const r2 = reconcile(d, { ...table, rows: fixed });
    expect(r2.findings.some((f) => f.code === "target_mismatch")).toBe(false);
  });

  test("a small draft: value and not-in-text lists", () => {
    const d = draftFromText("1.2. Văn hóa – xã hội\n\n- Tỷ lệ che phủ rừng đạt 7,5% (*Nghị quyết trên 6%*).\n\n- Tỷ lệ hộ có xe máy đạt 80% (*Nghị quyết 85%*).");
    const table = tableFromTsv();
    const r = reconcile(d, table);
    expect(r.findings.map((f) => [f.code, f.row])).toEqual([["value_mismatch", 31]]);
    expect(r.findings[0].message).toContain("7,5%");
    expect(r.notInTable.map((x) => x.excerpt)).toEqual(["Tỷ lệ hộ có xe máy đạt 80% (Nghị quyết 85%)"]);
    const indicators = table.rows.filter((x) => x.type === "indicator").length;
    expect(r.notInText.length).toBe(indicators - 1);
    expect(r.notInText.some((x) => x.row === 31)).toBe(false);
  });
});

describe("growth claims against the table's year columns, and the outlook hook", () => {
  test("a growth stated in the text that the year columns contradict", () => {
    const a = analysis();
    // row 1.1 has years 2021: 4,2; 2022: 9,7; 2023: ước 9,8 → 7,87%/năm: "7,8%" agrees, "9,5%" does not
    const ok = reconcileDraft(a, draftFromText("- Tăng trưởng tổng giá trị sản xuất bình quân giai đoạn 2021 -2023 (theo giá so sánh năm 2010) ước tăng 7,8% (*Nghị quyết 8,5-9,5%/năm*)."));
    expect(ok.findings).toEqual([]);
    const bad = reconcileDraft(a, draftFromText("- Tăng trưởng tổng giá trị sản xuất bình quân giai đoạn 2021 -2023 (theo giá so sánh năm 2010) ước tăng 9,5% (*Nghị quyết 8,5-9,5%/năm*)."));
    const g = bad.findings.find((f) => f.code === "growth_claim_mismatch");
    expect(g?.row).toBe(4);
    expect(g!.message).toContain("7,87%/năm");
    expect(bad.findings.map((f) => f.code)).toContain("value_mismatch");
  });
});
