import { consolidateUnits, type UnitSource } from "../../../src/app/consolidate";
import { gridSource } from "../../../src/app/analyse";
import { consolidate, type ConsolidatedIndicator, type Consolidation } from "../../../src/core/consolidate/consolidate";
import { consolidationJson } from "../../../src/core/consolidate/json";
import { inferRuleKind, parseRuleText } from "../../../src/core/consolidate/rule-choice";
import { missingReasonOf } from "../../../src/core/consolidate/extract";
import { owedByUnit } from "../../../src/core/consolidate/missing";
import { owedMessage } from "../../../src/core/consolidate/rules";
import { averageGrowth } from "../../../src/core/evaluation/growth";
import { UNITS, unitGrids, type UnitSpec } from "../../support/consolidate-fixtures";

function sources(units: UnitSpec[]): UnitSource[] {
  return units.map((u) => ({ file: u.file, open: async () => gridSource(unitGrids(u)) }));
}

function indicator(c: Consolidation, name: string): ConsolidatedIndicator {
  const r = c.rows.find((x): x is ConsolidatedIndicator => x.type === "indicator" && x.name === name);
  if (!r) throw new Error(`no indicator ${name}`);
  return r;
}

let c: Consolidation;
beforeAll(async () => {
  c = (await consolidateUnits(sources(UNITS), { title: "Xã Hợp Nhất" })).consolidation;
});

describe("consolidate three communes", () => {
  test("unit names come from Thông tin, else from the file name", () => {
    expect(c.units).toEqual(["Xã An Bình", "Xã Bình Minh", "Xã Cát Tiên"]);
  });

  test("sum of counts covers every unit", () => {
    const r = indicator(c, "Dân số trung bình");
    expect(r.rule).toBe("sum");
    expect(r.ruleSource).toBe("inferred");
    expect(r.value).toBe(17000);
    expect([r.covered, r.total]).toEqual([3, 3]);
  });

  test("sum of money with one unit still owing: covered 2/3, the unit listed with its reason", () => {
    const r = indicator(c, "Thu ngân sách trên địa bàn");
    expect(r.value).toBe(100);
    expect([r.covered, r.total]).toEqual([2, 3]);
    expect(r.note).toContain("2/3 đơn vị");
    // the target of the whole is the sum of the targets of the units counted (50 + 50), never one unit's 50
    expect(r.target).toBe("100");
    expect(r.targetNote).toBe("Chỉ tiêu là tổng chỉ tiêu của 2 đơn vị có số liệu");
    expect(r.status).toBe("met");
    const m = c.missing.find((x) => x.name === r.name)!;
    expect(m).toMatchObject({ unit: "Xã Cát Tiên", reason: "no_data", lead: "Phòng Tài chính" });
    expect(r.byUnit.map((x) => x?.value)).toEqual([60, 40, null]);
  });

  test("a rate weighted by a named base indicator; the plain mean of the rates would be wrong", () => {
    const r = indicator(c, "Tỷ lệ hộ nghèo");
    expect(r.rule).toBe("weighted_mean");
    expect(r.ruleSource).toBe("column");
    // (2×1000 + 20×100 + 5×400) / 1500 households
    expect(r.value).toBe(4);
    expect(r.base).toBe("4 Số hộ dân cư");
    const plain = (2 + 20 + 5) / 3;
    expect(r.plainMean).toBe(9);
    expect(Math.abs(plain - r.value!)).toBeGreaterThan(4);
  });

  test("a rate weighted by the Trọng số column; a unit without weight is owed, not guessed", () => {
    const r = indicator(c, "Tỷ lệ trẻ em được tiêm chủng đầy đủ");
    expect(r.rule).toBe("weighted_mean");
    expect(r.value).toBe(85); // (90×300 + 70×100) / 400
    expect([r.covered, r.total]).toEqual([2, 3]);
    expect(c.missing).toContainEqual(expect.objectContaining({ unit: "Xã Cát Tiên", name: r.name, reason: "no_weight" }));
  });

  test("a rate with no base is needs_rule: no figure, and a note that says what to do", () => {
    const r = indicator(c, "Tỷ lệ che phủ rừng");
    expect(r.rule).toBe("needs_rule");
    expect(r.value).toBeNull();
    expect(r.needs).toBe("rate_without_weight");
    expect(r.ruleNote).toMatch(/không lấy trung bình/);
    // no target judged beside no figure
    expect(r.status).toBeUndefined();
  });

  test("growth of the merged unit from summed levels, not the mean of the rates", () => {
    const r = indicator(c, "Tốc độ tăng giá trị sản xuất bình quân");
    expect(r.rule).toBe("growth");
    expect(r.base).toBe("11 Giá trị sản xuất (giá so sánh 2010)");
    // the summed levels stay with the level indicator; the rate row shows the recomputed rate only
    expect(r.baseline).toBeNull();
    expect(r.years).toEqual({});
    const expected = Math.round(averageGrowth(1100, 1133.1, 3) * 100) / 100;
    expect(r.value).toBe(expected);
    expect(r.value).toBeCloseTo(0.99, 2);
    // the units' own rates are 10% and 0%: their mean (5%) is not the merged unit's growth
    expect(r.byUnit[0]!.value).toBeCloseTo(10, 6);
    expect(r.byUnit[1]!.value).toBeCloseTo(0, 6);
    expect(Math.abs(5 - r.value!)).toBeGreaterThan(3);
    expect([r.covered, r.total]).toEqual([2, 3]);
    expect(c.missing).toContainEqual(expect.objectContaining({ unit: "Xã Cát Tiên", name: r.name, reason: "no_levels" }));
  });

  test("growth without levels anywhere is needs_rule", () => {
    // the level indicator without Đầu kỳ and years
    const only = UNITS.map((u) => ({ ...u, rows: u.rows.map((r) => (String(r[1]).startsWith("Giá trị sản xuất") ? [...r.slice(0, 5), null, null, null, null, 500, ...r.slice(10)] : r)) }));
    return consolidateUnits(sources(only)).then(({ consolidation }) => {
      const r = indicator(consolidation, "Tốc độ tăng giá trị sản xuất bình quân");
      expect(r.rule).toBe("needs_rule");
      expect(r.value).toBeNull();
      expect(r.ruleNote).toMatch(/mức/);
    });
  });

  test("count_met counts the units that meet their target", () => {
    const r = indicator(c, "Tỷ lệ hộ dùng nước sạch");
    expect(r.rule).toBe("count_met");
    expect(r.value).toBe(2);
    expect(r.display).toBe("2/3 đơn vị đạt");
  });

  test("missing reasons: chưa đến kỳ, chưa có số liệu; grouped by lead unit", () => {
    expect(c.missing).toContainEqual(expect.objectContaining({ unit: "Xã Bình Minh", name: "Đường giao thông nông thôn được cứng hóa", reason: "not_due", lead: "Phòng Kinh tế" }));
    const leads = c.missing.map((m) => m.lead ?? "");
    const firstEmpty = leads.indexOf("");
    // leads sorted: every entry with a lead comes before those without
    expect(leads.slice(firstEmpty).every((l) => l === "")).toBe(true);
    expect(leads.slice(0, firstEmpty)).toEqual([...leads.slice(0, firstEmpty)].sort((a, b) => a.localeCompare(b, "vi")));
  });

  test("a row only one unit has is kept and reported as unmatched", () => {
    const r = indicator(c, "Số hợp tác xã thành lập mới");
    expect(r.value).toBe(4);
    expect([r.covered, r.total]).toEqual([1, 3]);
    expect(c.unmatched).toEqual([{ tt: "10", name: "Số hợp tác xã thành lập mới", units: ["Xã Cát Tiên"], absent: ["Xã An Bình", "Xã Bình Minh"] }]);
    expect(c.missing.filter((m) => m.name === r.name).map((m) => [m.unit, m.reason])).toEqual([
      ["Xã An Bình", "no_row"],
      ["Xã Bình Minh", "no_row"],
    ]);
  });

  test("JSON shape", () => {
    const j = consolidationJson(c);
    expect(j.units).toEqual(c.units);
    const r = j.indicators.find((x) => x.name === "Thu ngân sách trên địa bàn")!;
    expect(r).toMatchObject({ tt: "2", unit: "tỷ đồng", rule: "sum", value: 100, covered: "2/3 đơn vị" });
    expect(r.by_unit).toEqual({ "Xã An Bình": 60, "Xã Bình Minh": 40, "Xã Cát Tiên": null });
    expect(j.missing[0]).toEqual(expect.objectContaining({ unit: expect.any(String), tt: expect.any(String), name: expect.any(String), reason: expect.any(String) }));
  });
});

describe("one unreadable file among good ones", () => {
  test("listed with its reason; the others consolidate; totals count it", async () => {
    const src = sources([UNITS[0], UNITS[1]]);
    src.splice(1, 0, {
      file: "hong.xlsx",
      open: async () => {
        throw new Error('Tệp "hong.xlsx" không phải là tệp Excel .xlsx.');
      },
    });
    src.push({ file: "trong.xlsx", open: async () => gridSource([{ sheet: "Sheet1", values: [["abc"]] }]) });
    const { consolidation: k } = await consolidateUnits(src);
    expect(k.units).toEqual(["Xã An Bình", "hong", "Xã Bình Minh", "trong"]);
    expect(k.failures.map((f) => f.file)).toEqual(["hong.xlsx", "trong.xlsx"]);
    expect(k.failures[0].error).toContain("không phải là tệp Excel");
    expect(k.failures[1].error).toContain("Không tìm thấy bảng chỉ tiêu");
    const r = indicator(k, "Dân số trung bình");
    expect(r.value).toBe(15000);
    expect([r.covered, r.total]).toEqual([2, 4]);
    expect(k.missing.filter((m) => m.reason === "unreadable").map((m) => m.unit)).toEqual(["hong", "trong"]);
  });

  test("no usable file at all is an error that lists each file", async () => {
    await expect(consolidateUnits([{ file: "x.xlsx", open: async () => Promise.reject(new Error("hỏng")) }])).rejects.toThrow(/x\.xlsx: hỏng/);
  });
});

describe("rules as data", () => {
  test("rule texts", () => {
    expect(parseRuleText("Cộng")).toEqual({ rule: "sum" });
    expect(parseRuleText("Bình quân gia quyền theo Dân số")).toEqual({ rule: "weighted_mean", base: "Dân số" });
    expect(parseRuleText("bình quân")).toEqual({ rule: "mean" });
    expect(parseRuleText("Không tổng hợp")).toEqual({ rule: "none" });
    expect(parseRuleText("Lớn nhất")).toEqual({ rule: "max" });
    expect(parseRuleText("Nhỏ nhất")).toEqual({ rule: "min" });
    expect(parseRuleText("Đếm số đơn vị đạt")).toEqual({ rule: "count_met" });
    expect(parseRuleText("cộng dồn")).toEqual({ rule: "sum" });
    expect(parseRuleText("xyz")).toBeNull();
  });

  test("inferred from the unit of measure", () => {
    expect(inferRuleKind("Số lao động được đào tạo", "người", "level")).toBe("sum");
    expect(inferRuleKind("Diện tích lúa", "ha", "level")).toBe("sum");
    expect(inferRuleKind("Kết nạp đảng viên", "đảng viên mới/năm", "level")).toBe("sum");
    expect(inferRuleKind("Thu nhập bình quân đầu người", "triệu đồng/người", "level")).toBe("rate");
    expect(inferRuleKind("Bác sĩ", "Bác sĩ/1 vạn dân", "level")).toBe("rate");
    expect(inferRuleKind("Tăng trưởng GRDP", "%/năm", "average_growth")).toBe("growth");
    expect(inferRuleKind("Xây dựng trung tâm hành chính", "", "milestone")).toBe("count_met");
    expect(inferRuleKind("Chỉ số lạ", "điểm số", "level")).toBe("rate");
  });

  test("missing words", () => {
    expect(missingReasonOf("Chưa đến kỳ")).toEqual({ value: null, reason: "not_due" });
    expect(missingReasonOf("chưa có số liệu")).toEqual({ value: null, reason: "no_data" });
    expect(missingReasonOf("")).toEqual({ value: null, reason: "empty" });
    expect(missingReasonOf("khoảng vài trăm")).toEqual({ value: null, reason: "not_number" });
    expect(missingReasonOf("8.397,5")).toEqual({ value: 8397.5 });
  });

  test("a mean, min, max by rule column", () => {
    const g = (unit: string, v: number, rule: string) => ({
      unit,
      file: unit,
      rows: [{ key: "1|x", folded: "x", group: false, tt: "1", name: "X", level: 0, unit: "điểm", kind: "level" as const, targetText: "", raw: String(v), value: v, years: {}, baseline: null, weight: null, ruleText: rule }],
    });
    for (const [rule, want] of [
      ["Bình quân", 20],
      ["Nhỏ nhất", 10],
      ["Lớn nhất", 30],
    ] as const) {
      const k = consolidate([g("A", 10, rule), g("B", 20, rule), g("C", 30, rule)]);
      expect((k.rows[0] as ConsolidatedIndicator).value).toBe(want);
    }
  });
});

describe("a rule column the tool cannot follow", () => {
  const unit = (name: string, rule: string, v: number) => ({
    unit: name,
    file: name,
    rows: [{ key: "1|x", folded: "x", group: false, tt: "1", name: "Tỷ lệ X", level: 0, unit: "%", kind: "level" as const, targetText: "", raw: "", value: v, years: {}, baseline: null, weight: null, ruleText: rule }],
  });
  test("text not understood: needs_rule, with the choices", () => {
    const r = consolidate([unit("A", "tùy", 10), unit("B", "tùy", 30)]).rows[0] as ConsolidatedIndicator;
    expect(r.rule).toBe("needs_rule");
    expect(r.value).toBeNull();
    expect(r.ruleNote).toContain("Không hiểu cách tổng hợp “tùy”");
  });
  test("a base indicator that does not exist: needs_rule, never a plain mean", () => {
    const r = consolidate([unit("A", "Bình quân gia quyền theo Số hộ", 10), unit("B", "Bình quân gia quyền theo Số hộ", 30)]).rows[0] as ConsolidatedIndicator;
    expect(r.rule).toBe("needs_rule");
    expect(r.value).toBeNull();
    expect(r.ruleNote).toContain("Không tìm thấy chỉ tiêu gốc “Số hộ”");
  });
});

describe("a lead unit merged down over several rows", () => {
  test("counts for each row it covers", async () => {
    // "Phòng Tài chính" written once in M4 (indicator 2) and merged over M4:M5 (indicator 3)
    const grids = unitGrids(UNITS[1]);
    grids[0].values = grids[0].values.map((r) => r.slice());
    expect(grids[0].values[3][12]).toBe("Phòng Tài chính");
    expect(grids[0].values[4][12]).toBeNull();
    grids[0].merges = ["M4:M5"];
    grids[0].values[4][9] = "chưa có số liệu";
    const { consolidation } = await consolidateUnits([{ file: "b.xlsx", open: async () => gridSource(grids) }]);
    expect(consolidation.missing.find((m) => m.name === "Tỷ lệ hộ nghèo")).toMatchObject({ lead: "Phòng Tài chính", reason: "no_data" });
  });
});

describe("copy as message", () => {
  test("each unit gets a polite message listing what it still owes", () => {
    const owed = owedByUnit(c);
    const items = owed.get("Xã Bình Minh")!;
    const msg = owedMessage("Xã Bình Minh", items.map((i) => ({ tt: i.tt, name: i.name, reason: i.label })), "Xã Hợp Nhất");
    expect(msg).toMatch(/^Kính gửi Xã Bình Minh,/);
    expect(msg).toContain("- 9. Đường giao thông nông thôn được cứng hóa (chưa đến kỳ)");
    expect(msg).toContain(`bổ sung số liệu ${items.length} chỉ tiêu`);
    expect(msg).toMatch(/Trân trọng cảm ơn\.$/);
  });

  test("a unit whose file could not be read is asked to send it again", () => {
    const msg = owedMessage("Xã D", [], undefined, "tệp hỏng");
    expect(msg).toContain("Chúng tôi đang tổng hợp");
    expect(msg).toContain("Tệp đơn vị gửi chưa đọc được (tệp hỏng). Đề nghị đơn vị gửi lại bảng chỉ tiêu");
    expect(msg).not.toContain("bổ sung số liệu");
  });
});

describe("the Thông tin field Đơn vị", () => {
  test("read when filled; the template's example next to an empty value is not taken for it", async () => {
    const { readReportInfo, infoRows } = await import("../../../src/core/sheet/info");
    expect(readReportInfo({ sheet: "Thông tin", values: [["Đơn vị", "Xã Lộc Châu"]] }).unit).toBe("Xã Lộc Châu");
    const empty = readReportInfo({ sheet: "Thông tin", values: [["Thông tin", "Giá trị", "Ví dụ"], ...infoRows({})] });
    expect(empty.unit).toBeUndefined();
    expect(empty.committee).toBeUndefined();
  });
});

describe("results written for several years", () => {
  const unit = (name: string, result: string | number): UnitSpec => ({
    unit: name,
    file: `${name}.xlsx`,
    rows: [
      ["I", "Xây dựng Đảng", null, null, null, null, null, null, null, null, null, null, null, null],
      ["1", "Kết nạp đảng viên mới", "đảng viên mới/năm", "Lũy kế", "Bình quân kết nạp từ 110 – 120", null, null, null, null, result, null, "Cộng", null, null],
    ],
  });
  const run = async (units: UnitSpec[]) => indicator((await consolidateUnits(sources(units), {})).consolidation, "Kết nạp đảng viên mới");

  test("the sum keeps the period in the first unit's own words, and is judged per year", async () => {
    const r = await run([unit("Xã A", "263 đảng viên/ 3 năm"), unit("Xã B", "137 đảng viên/ 3 năm")]);
    expect(r.value).toBe(400);
    expect(r.resultText).toBe("400 đảng viên/ 3 năm");
    expect(r.display).toBe("400 đảng viên/ 3 năm");
    // two units' targets of 110–120 a year add up to 220–240 a year; 400 / 3 ≈ 133 a year is short of it
    // (against one unit's 110–120 it would have read "exceeded")
    expect(r.target).toBe("Bình quân kết nạp từ 220 – 240");
    expect(r.status).toBe("not_met");
    expect(r.byUnit.map((x) => x?.raw)).toEqual(["263 đảng viên/ 3 năm", "137 đảng viên/ 3 năm"]);
    const high = await run([unit("Xã A", "400 đảng viên/ 3 năm"), unit("Xã B", "350 đảng viên/ 3 năm")]);
    // 750 in 3 years = 250 a year: above 220–240; a bare 750 against the summed target too, but
    // 750 / 3 against one unit's 110–120 would not tell the province anything
    expect(high.resultText).toBe("750 đảng viên/ 3 năm");
    expect(high.status).toBe("exceeded");
  });

  test("units counting different periods are not added: no figure, and a note saying why", async () => {
    const r = await run([unit("Xã A", "263 đảng viên/ 3 năm"), unit("Xã B", "80 đảng viên/ 2 năm")]);
    expect(r.value).toBeNull();
    expect(r.note).toContain("số năm khác nhau (2 năm, 3 năm)");
  });

  test("plain yearly figures are summed as before, with no text", async () => {
    const r = await run([unit("Xã A", 120), unit("Xã B", 115)]);
    expect(r.value).toBe(235);
    expect(r.resultText).toBeUndefined();
  });
});
