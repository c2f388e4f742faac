import { balanceLines, buildAppendixLayout, DEFAULT_PRESET, defaultKemTheo, estimateRowHeight, LayoutError, parsePreset, PRESET_NAMES, PRESETS, toRoman, type AppendixLayout } from "../../../src/core/layout";
import { safeSheetName } from "../../../src/core/sheet/sheet-names";
import { REFERENCE_INFO, REFERENCE_TSV, tableFromTsv } from "../../support/appendix-fixture";

/** The printed status of every indicator row of the reference appendix, in order. */
const printed = REFERENCE_TSV.split("\n").slice(1).map((l) => l.split("\t")).filter((c) => c[2] || c[3] || c[4]);

function bodyTree(l: AppendixLayout) {
  return l.rows.filter((r) => r.section === "body").map((r) => [r.kind, ...r.cells.map((c) => c.text)]);
}

describe("appendix layout model", () => {
  const table = tableFromTsv();

  test("reference report, dang-2026 defaults: the whole tree as data", () => {
    const l = buildAppendixLayout(table, REFERENCE_INFO, { levels: 2 });
    expect({
      label: l.appendixLabel,
      title: l.title,
      kemTheo: l.kemTheo,
      font: l.fontName,
      page: l.page,
      columns: l.columns.map((c) => [c.key, c.title, c.widthMm]),
      headerRows: l.headerRows,
      titleRows: l.rows.filter((r) => r.section === "title").map((r) => [r.kind, ...r.cells.map((c) => [c.text, c.role, c.colSpan ?? 1])]),
      header: l.rows.filter((r) => r.section === "header").map((r) => r.cells.map((c) => c.text)),
      merges: l.merges,
    }).toEqual({
      label: "Phụ lục 1",
      title: "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU THEO NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ LẦN THỨ VI, NHIỆM KỲ 2020 - 2025",
      kemTheo: "(Kèm theo Báo cáo số 203-BC/ThU, ngày 25/5/2023 của Thành ủy)",
      font: "Times New Roman",
      page: {
        paper: "A4",
        orientation: "landscape",
        widthMm: 297,
        heightMm: 210,
        marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
        headerMm: 10,
        footerMm: 10,
        pageNumbers: { position: "top-center", firstPage: false, size: 14 },
        fitToWidth: true,
        centerHorizontally: true,
      },
      columns: [
        ["tt", "TT", 12],
        // the sheet's own column titles, as typed
        ["name", "CHỈ TIÊU", 136],
        ["unit", "ĐVT", 22],
        ["target", "Chỉ tiêu Nghị quyết ĐH VI", 30],
        ["actual", "Kết quả thực hiện", 28],
        ["status", "So sánh NQ ĐH VI", 24],
      ],
      headerRows: { first: 4, count: 1 },
      titleRows: [
        ["appendix-number", ["Phụ lục 1", "appendix-number", 6]],
        ["title", ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU\nTHEO NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ\nLẦN THỨ VI, NHIỆM KỲ 2020 - 2025", "title", 6]], // balanced lines, as printed
        ["kem-theo", ["(Kèm theo Báo cáo số 203-BC/ThU, ngày 25/5/2023 của Thành ủy)", "kem-theo", 6]],
        ["spacer"],
      ],
      header: [["TT", "CHỈ TIÊU", "ĐVT", "Chỉ tiêu Nghị quyết ĐH VI", "Kết quả thực hiện", "So sánh NQ ĐH VI"]],
      merges: [
        { row: 0, col: 0, rowSpan: 1, colSpan: 6 },
        { row: 1, col: 0, rowSpan: 1, colSpan: 6 },
        { row: 2, col: 0, rowSpan: 1, colSpan: 6 },
      ],
    });
    // printable width 297 - 30 - 15 = 252 mm, filled exactly
    expect(l.columns.reduce((a, c) => a + c.widthMm, 0)).toBeCloseTo(252, 5);
    expect(l.warnings).toEqual([]);
  });

  test("body rows: levels, Vietnamese numbers, sub-row marks, every status in order", () => {
    const l = buildAppendixLayout(table, REFERENCE_INFO, { levels: 2 });
    const body = bodyTree(l);
    expect(body).toHaveLength(33);
    expect(body.slice(0, 6)).toEqual([
      ["group-0", "I", "Các chỉ tiêu về kinh tế - xã hội", "", "", "", ""],
      ["group-1", "1", "Về kinh tế", "", "", "", ""],
      ["indicator", "1.1", "Tăng trưởng tổng giá trị sản xuất bình quân giai đoạn 2021 -2023 (theo giá so sánh năm 2010), trong đó:", "%/năm", "8,5-9,5", "7,8", "Chưa đạt"],
      ["sub", "", "- Khu vực công nghiệp - xây dựng tăng", "%/năm", "9,5-11", "8,5", "Chưa đạt"],
      ["sub", "", "- Khu vực dịch vụ tăng;", "%/năm", "10-11", "8,8", "Chưa đạt"],
      ["sub", "", "- Khu vực nông, lâm nghiệp và thuỷ sản tăng.", "%/năm", "3,5-4,5", "3", "Chưa đạt"],
    ]);
    expect(body.find((r) => r[0] === "group-1" && r[1] === "2")).toEqual(["group-1", "2", "Văn hóa – xã hội", "", "", "", ""]); // en dash kept as typed
    expect(body.find((r) => r[1] === "2.4")).toEqual(["indicator", "2.4", "Tỷ lệ bảo hiểm y tế toàn dân đến năm 2023", "%", "95", "93,3", "Chưa đạt"]);
    expect(body.find((r) => r[2].startsWith("+ Có 50%"))![0]).toBe("sub");
    // the indicators with their statuses, in order, equal the printed ones except the known error "> 98" against 98
    const indicators = bodyTree(l).filter((r) => (r[0] === "indicator" || r[0] === "sub") && r[1] !== "2.5");
    expect(indicators.map((r) => r[4])).toEqual(printed.map((c) => c[3]));
    const statuses = indicators.map((r) => r[6]);
    const expected = printed.map((c) => (c[3] === "> 98" && c[4] === "98" ? "Chưa đạt" : c[5]));
    expect(statuses).toEqual(expected);
    // a row with neither target nor result has no status
    expect(body.find((r) => r[1] === "2.5")![6]).toBe("");
    // groups are bold, the TT of a group centred; sub-rows indented
    const g = l.rows.find((r) => r.kind === "group-0")!;
    expect(l.styles[g.cells[1].role].bold).toBe(true);
    expect(g.cells[0].align).toBe("center");
    expect(l.rows.find((r) => r.kind === "sub")!.cells[1].indent).toBe(1);
    expect(l.rows.filter((r) => r.kind === "indicator" || r.kind === "sub").every((r) => r.status)).toBe(true);
  });

  test("three levels and the hoàn thành vocabulary", () => {
    // the sheet uses two levels: three are asked for here
    const l = buildAppendixLayout(table, REFERENCE_INFO, { vocabulary: "hoan-thanh", levels: 3 });
    const s = bodyTree(l).filter((r) => r[1] === "1.2" || r[1] === "1.1").map((r) => r[6]);
    expect(s).toEqual(["Chưa hoàn thành", "Hoàn thành vượt"]);
    expect(l.vocabulary).toBe("hoan-thanh");
  });

  test("nha-nuoc: Phụ lục I, kèm theo without comma and with the date written out", () => {
    const l = buildAppendixLayout(table, REFERENCE_INFO, { preset: "nha-nuoc", appendixNumber: 2 });
    expect(l.appendixLabel).toBe("Phụ lục II");
    expect(l.kemTheo).toBe("(Kèm theo Báo cáo số 203-BC/ThU ngày 25 tháng 5 năm 2023 của Thành ủy)");
    expect(l.page.pageNumbers).toEqual({ position: "top-center", firstPage: false, size: 13 });
    expect(defaultKemTheo({ reportNumber: "125/BC-UBND", reportDate: "2027-10-05", issuerShort: "UBND tỉnh" }, "state")).toBe(
      "(Kèm theo Báo cáo số 125/BC-UBND ngày 05 tháng 10 năm 2027 của UBND tỉnh)",
    );
    expect(defaultKemTheo({ reportNumber: "12-BC/TU", reportDate: "2027-02-05", issuerShort: "Tỉnh ủy" }, "party")).toBe("(Kèm theo Báo cáo số 12-BC/TU, ngày 05/02/2027 của Tỉnh ủy)");
    expect(defaultKemTheo({}, "state")).toBe("(Kèm theo Báo cáo số … ngày … tháng … năm … của …)");
    // missing information is said, not silently left out
    const bare = buildAppendixLayout(tableFromTsv(), { committee: "Đảng bộ tỉnh Lâm Đồng", congress: "XI", termStart: 2020, termEnd: 2025 }, { preset: "nha-nuoc" });
    expect(bare.title).toBe("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU THEO NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH LÂM ĐỒNG LẦN THỨ XI, NHIỆM KỲ 2020 - 2025");
    expect(bare.warnings).toEqual(['Chưa có số báo cáo, ngày báo cáo, cơ quan ban hành (trang "Thông tin"): dòng "Kèm theo" để trống chỗ "…".']);
    expect(buildAppendixLayout(tableFromTsv(), {}, {}).warnings).toHaveLength(2);
  });

  test("baseline and year columns: two header rows, merges, configurable titles", () => {
    const t = tableFromTsv();
    t.years = [2021, 2022, 2023];
    const ind = t.rows.find((r) => r.type === "indicator" && r.tt === "2.4")!;
    if (ind.type === "indicator") {
      ind.baseline = 90.1;
      ind.years = { 2021: 91.25, 2022: 92, 2023: 8397.5 };
    }
    const l = buildAppendixLayout(t, REFERENCE_INFO, {
      columns: { baseline: true, years: true, note: true },
      columnTitles: { name: "Chỉ tiêu", target: "Chỉ tiêu Nghị quyết ĐH VI", status: "So sánh NQ ĐH VI" },
    });
    const header = l.rows.filter((r) => r.section === "header");
    expect(header.map((r) => r.cells.map((c) => [c.col, c.text, c.rowSpan ?? 1, c.colSpan ?? 1]))).toEqual([
      [
        [0, "TT", 2, 1],
        [1, "Chỉ tiêu", 2, 1],
        [2, "ĐVT", 2, 1],
        [3, "Chỉ tiêu Nghị quyết ĐH VI", 2, 1],
        [4, "Thực hiện qua các năm", 1, 4],
        [8, "Kết quả thực hiện", 2, 1],
        [9, "So sánh NQ ĐH VI", 2, 1],
        [10, "Ghi chú", 2, 1],
      ],
      [
        [4, "Đầu nhiệm kỳ (2020)", 1, 1],
        [5, "Năm 2021", 1, 1],
        [6, "Năm 2022", 1, 1],
        [7, "Năm 2023", 1, 1],
      ],
    ]);
    expect(l.headerRows).toEqual({ first: 4, count: 2 });
    expect(l.merges.filter((m) => m.row === 4)).toHaveLength(8);
    const row = bodyTree(l).find((r) => r[1] === "2.4")!;
    expect(row.slice(5, 9)).toEqual(["90,1", "91,25", "92", "8.397,5"]);
    expect(l.columns.reduce((a, c) => a + c.widthMm, 0)).toBeLessThanOrEqual(252.05);
    expect(l.columns.find((c) => c.key === "name")!.widthMm).toBeGreaterThanOrEqual(60);
  });

  test("portrait, party header, signature and Nơi nhận", () => {
    const l = buildAppendixLayout(table, REFERENCE_INFO, {
      orientation: "portrait",
      partyHeader: true,
      signature: { name: "Nguyễn Văn A" },
      recipients: ["- Thường trực Tỉnh ủy (báo cáo),", "- Lưu VPThU."],
    });
    expect([l.page.widthMm, l.page.heightMm, l.page.orientation]).toEqual([210, 297, "portrait"]);
    expect(l.columns.reduce((a, c) => a + c.widthMm, 0)).toBeCloseTo(165, 1);
    const party = l.rows.filter((r) => r.kind === "party");
    expect(party.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["THÀNH ỦY BẢO LỘC", "ĐẢNG CỘNG SẢN VIỆT NAM"],
      ["*", "Bảo Lộc, ngày 25 tháng 5 năm 2023"],
    ]);
    const foot = l.rows.filter((r) => r.kind === "signature").map((r) => r.cells.map((c) => [c.text, c.role]));
    expect(foot[0]).toEqual([["Nơi nhận:", "recipients-title"], ["T/M THÀNH ỦY", "signature-on-behalf"]]);
    expect(foot[1]).toEqual([["- Thường trực Tỉnh ủy (báo cáo),", "recipients"], ["BÍ THƯ", "signature-position"]]);
    expect(foot[5][1]).toEqual(["Nguyễn Văn A", "signature-name"]);
    expect(l.styles["signature-position"].bold).toBe(false);
    expect(l.styles["recipients-title"].underline).toBe(true);
    expect(l.tableRows.last).toBeLessThan(l.rows.indexOf(l.rows.find((r) => r.kind === "signature")!));
  });

  test("state preset signs TM. / CHỦ TỊCH; all optional columns still fit the printable width", () => {
    const t = tableFromTsv();
    t.years = [2021, 2022, 2023, 2024, 2025];
    const l = buildAppendixLayout(t, { ...REFERENCE_INFO, issuerShort: "Ủy ban nhân dân" }, { preset: "nha-nuoc", vocabulary: "hoan-thanh", signature: true, columns: { baseline: true, years: true, note: true } });
    const foot = l.rows.filter((r) => r.kind === "signature").map((r) => r.cells[1].text);
    expect(foot.slice(0, 2)).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    expect(l.columns.reduce((a, c) => a + c.widthMm, 0)).toBeLessThanOrEqual(252 + 1e-9);
    expect(l.columns.find((c) => c.key === "status")!.widthMm).toBeGreaterThan(l.columns.find((c) => c.key === "actual")!.widthMm * 0.7);
    expect(l.warnings).toEqual([]);
  });

  test("title, kèm theo and sizes from options; warnings for margins outside the rule", () => {
    const l = buildAppendixLayout(table, REFERENCE_INFO, {
      title: "Kết quả thực hiện chỉ tiêu năm 2023",
      kemTheo: "Kèm theo Tờ trình số 5-TTr/ThU",
      appendixNumber: null,
      fontSizes: { body: 13 },
      marginsMm: { left: 25 },
    });
    expect(l.title).toBe("Kết quả thực hiện chỉ tiêu năm 2023"); // as typed, never rewritten
    expect(l.kemTheo).toBe("(Kèm theo Tờ trình số 5-TTr/ThU)");
    expect(l.appendixLabel).toBe("");
    expect(l.rows[0].kind).toBe("title");
    expect(l.styles.body.size).toBe(13);
    expect(l.warnings).toEqual(["Lề trái 25 mm nằm ngoài mức 30–35 mm của Văn bản của Đảng, Hướng dẫn 05-HD/VPTW (2026) — theo tóm tắt, chưa đối chiếu văn bản gốc."]);
    expect(buildAppendixLayout(table, REFERENCE_INFO, { kemTheo: "" }).rows.some((r) => r.kind === "kem-theo")).toBe(false);
  });

  test("bad options are refused with a Vietnamese message naming the problem", () => {
    expect(() => buildAppendixLayout(table, REFERENCE_INFO, { preset: "abc" as never })).toThrow(new LayoutError('Kiểu trình bày "abc" không có. Chọn một trong: dang-2026, dang-2018, nha-nuoc.'));
    expect(() => buildAppendixLayout(table, REFERENCE_INFO, { marginsMm: { top: -1 } })).toThrow(/Lề trên/);
    expect(() => buildAppendixLayout(table, REFERENCE_INFO, { fontSizes: { body: 3 } })).toThrow(/Cỡ chữ "body"/);
    expect(() => buildAppendixLayout(table, REFERENCE_INFO, { appendixNumber: 0 })).toThrow(/Số phụ lục/);
  });

  test("titles break into balanced lines at phrase boundaries", () => {
    expect(balanceLines("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU THEO NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XI, NHIỆM KỲ 2020 - 2025", 2)).toEqual([
      "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU",
      "THEO NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XI, NHIỆM KỲ 2020 - 2025",
    ]);
    expect(balanceLines("TIẾN ĐỘ", 3)).toEqual(["TIẾN", "ĐỘ"]);
    expect(balanceLines("MỘT", 1)).toEqual(["MỘT"]);
  });

  test("helpers: Roman numerals, sheet names, row heights", () => {
    expect([1, 2, 4, 9, 14].map(toRoman)).toEqual(["I", "II", "IV", "IX", "XIV"]);
    expect(safeSheetName("Phụ lục 1: kết quả 'các' chỉ tiêu Nghị quyết Đại hội")).toBe("Phụ lục 1 kết quả các chỉ tiêu");
    expect(safeSheetName("Phụ lục 1 kết quả các chỉ tiêu Nghị quyết").length).toBeLessThanOrEqual(31);
    const one = estimateRowHeight("Tỷ lệ hộ nghèo", 136, 12);
    const long = estimateRowHeight("100% phường giữ vững chuẩn văn minh đô thị và đạt chuẩn phường phát triển toàn diện; 100% số xã đạt chuẩn nông thôn mới với chỉ số điểm chuẩn 90% trở lên.", 136, 12);
    expect(one).toBeGreaterThanOrEqual(15.75); // Excel's own row for Times New Roman 12
    expect(one).toBeLessThanOrEqual(19);
    expect(long).toBeGreaterThan(one * 1.8); // two lines or more at 136 mm
    expect(estimateRowHeight("Tỷ lệ hộ nghèo", 10, 12)).toBeGreaterThan(one); // narrow column wraps
  });
});

describe("presets tell the truth", () => {
  const table = tableFromTsv();
  test("HD 05 (2026) is labelled as resting on summaries; HD 36 (2018) beside it with its own margins", () => {
    expect(PRESETS["dang-2026"].label).toContain("theo tóm tắt, chưa đối chiếu văn bản gốc");
    expect(PRESETS["dang-2026"].confirmed).toBe(false);
    expect(PRESETS["dang-2018"].confirmed).toBe(true);
    expect(PRESETS["dang-2018"].label).not.toContain("tóm tắt");
    for (const n of PRESET_NAMES) expect(PRESETS[n].hint.length).toBeGreaterThan(10);
    const hd36 = buildAppendixLayout(table, REFERENCE_INFO, { preset: "dang-2018" });
    expect(hd36.page.marginsMm).toEqual({ top: 25, bottom: 25, left: 35, right: 15 });
    expect(hd36.page.headerMm).toBe(10); // page number 10 mm from the top edge
    expect(hd36.presetLabel).toBe("Văn bản của Đảng, Hướng dẫn 36-HD/VPTW (2018)");
    expect(hd36.warnings).toEqual([]);
    // margins stay adjustable per preset
    expect(buildAppendixLayout(table, REFERENCE_INFO, { preset: "dang-2018", marginsMm: { left: 30 } }).page.marginsMm).toEqual({ top: 25, bottom: 25, left: 30, right: 15 });
  });

  test("the Thông tin sheet's Thể thức decides the default, by name, label or alias; options win", () => {
    expect(["dang-2018", "HD 36", "Hướng dẫn 36-HD/VPTW", "Theo Hướng dẫn 36-HD/VPTW", PRESETS["dang-2018"].label].map(parsePreset)).toEqual(Array(5).fill("dang-2018"));
    expect(["Nghị định 30", "NĐ 30", "nha-nuoc"].map(parsePreset)).toEqual(["nha-nuoc", "nha-nuoc", "nha-nuoc"]);
    expect(["HD 05", "05-HD/VPTW"].map(parsePreset)).toEqual(["dang-2026", "dang-2026"]);
    expect(parsePreset("HD 99")).toBeNull();
    expect(buildAppendixLayout(table, { ...REFERENCE_INFO, layout: "HD 36" }).preset).toBe("dang-2018");
    expect(buildAppendixLayout(table, { ...REFERENCE_INFO, layout: "HD 36" }, { preset: "nha-nuoc" }).preset).toBe("nha-nuoc");
    expect(buildAppendixLayout(table, REFERENCE_INFO).preset).toBe(DEFAULT_PRESET);
  });

  test("the Thông tin sheet's title and Kèm theo, as typed, before the title block's and the composed ones", () => {
    const t = tableFromTsv();
    t.title = "TIÊU ĐỀ TRÊN BẢNG";
    const l = buildAppendixLayout(t, { ...REFERENCE_INFO, appendixTitle: "KẾT QUẢ  NHIỆM KỲ 2020 – 2025", kemTheo: "(Kèm theo Báo cáo số 1-BC/ThU,  ngày 02/01/2024)" });
    expect([l.title, l.kemTheo]).toEqual(["KẾT QUẢ  NHIỆM KỲ 2020 – 2025", "(Kèm theo Báo cáo số 1-BC/ThU,  ngày 02/01/2024)"]);
    expect(buildAppendixLayout(t, REFERENCE_INFO).title).toBe("TIÊU ĐỀ TRÊN BẢNG");
  });
});
