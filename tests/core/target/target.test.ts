import fc from "fast-check";
import { formatTarget, parseTarget, type Target } from "../../../src/core/target/target";
import { loadReferenceIndicators } from "../../support/reference";

function ok(text: unknown): Target {
  const r = parseTarget(text);
  if (!r.ok) throw new Error(`did not parse: ${JSON.stringify(text)}: ${r.error.message}`);
  return r.target;
}

describe("target expressions", () => {
  test.each<[string, Partial<Target>]>([
    ["95", { form: "exact", low: 95, high: 95 }],
    ["8,5-9,5", { form: "range", low: 8.5, high: 9.5 }],
    ["3,0-2,0", { form: "range", low: 2, high: 3, descending: true }],
    ["90 – 95", { form: "range", low: 90, high: 95 }],
    ["từ 90 đến 95%", { form: "range", low: 90, high: 95, percent: true }],
    ["≥ 90", { form: "floor", low: 90, impliedDirection: "up" }],
    [">= 90", { form: "floor", low: 90 }],
    ["từ 90% trở lên", { form: "floor", low: 90, percent: true }],
    ["90% trở lên", { form: "floor", low: 90, percent: true }],
    ["tối thiểu 50", { form: "floor", low: 50 }],
    ["không dưới 80%", { form: "floor", low: 80, percent: true }],
    ["> 98", { form: "strict_floor", low: 98 }],
    ["trên 80%", { form: "strict_floor", low: 80, percent: true }],
    ["hơn 6", { form: "strict_floor", low: 6 }],
    ["≤ 1", { form: "ceiling", high: 1, impliedDirection: "down" }],
    ["không quá 1,5%", { form: "ceiling", high: 1.5, percent: true, impliedDirection: "down" }],
    ["tối đa 2", { form: "ceiling", high: 2 }],
    ["<1", { form: "strict_ceiling", high: 1, impliedDirection: "down" }],
    ["dưới 1,0", { form: "strict_ceiling", high: 1, impliedDirection: "down" }],
    ["giảm còn 2-2,2%", { form: "range", low: 2, high: 2.2, percent: true, impliedDirection: "down", change: "level" }],
    ["Tăng 10-20", { form: "range", low: 10, high: 20, change: "increase" }],
    ["giảm 1,5%/năm", { form: "exact", low: 1.5, change: "decrease", perYear: true, percent: true }],
    ["01-02 xã", { form: "range", low: 1, high: 2, unit: "xã" }],
    ["Bình quân kết nạp từ 110 – 120", { form: "range", low: 110, high: 120, prefix: "Bình quân kết nạp từ", perYear: true }],
    ["0,2 (theo tiêu chí cũ)", { form: "exact", low: 0.2, note: "theo tiêu chí cũ" }],
    ["8,5-9,5%/năm", { form: "range", low: 8.5, high: 9.5, percent: true, perYear: true }],
    ["9-10 bác sỹ/1 vạn dân", { form: "range", low: 9, high: 10, unit: "bác sỹ/1 vạn dân" }],
    ["khoảng 8.397 tỷ đồng", { form: "exact", low: 8397, unit: "tỷ đồng" }],
    ["2%-2,2%", { form: "range", low: 2, high: 2.2, percent: true }],
  ])("%s", (text, expected) => {
    expect(ok(text)).toMatchObject(expected);
  });

  test("numbers pass through as exact targets", () => {
    expect(ok(95)).toMatchObject({ form: "exact", low: 95, high: 95 });
  });

  test("unreadable text gives a structured reason, never an exception", () => {
    const empty = parseTarget("   ");
    expect(empty).toMatchObject({ ok: false, error: { code: "empty" } });
    const words = parseTarget("Hoàn thành tốt nhiệm vụ");
    expect(words).toMatchObject({ ok: false, error: { code: "no_number" } });
    if (!words.ok) expect(words.error.message).toMatch(/Không tìm thấy con số/);
    const many = parseTarget("100% xã, 90% phường, 80% thôn");
    expect(many).toMatchObject({ ok: false, error: { code: "too_many_numbers" } });
  });

  test("every target in the reference appendix parses", () => {
    const rows = loadReferenceIndicators();
    expect(rows.length).toBe(28);
    for (const r of rows) {
      const p = parseTarget(r.target);
      expect({ line: r.line, ok: p.ok }).toEqual({ line: r.line, ok: true });
    }
  });

  test("the parser never throws on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        expect(() => parseTarget(s)).not.toThrow();
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[<>≥≤ ]{0,2}(trên|dưới|từ|tối đa)? ?[0-9.,%–-]{1,12} ?(trở lên|xã|%)?$/), (s) => {
        expect(() => parseTarget(s)).not.toThrow();
      }),
      { numRuns: 3000 },
    );
  });

  test("formatted targets parse back to the same target", () => {
    const num = fc.integer({ min: 0, max: 100000 }).map((i) => i / 100);
    const target = fc.oneof(
      num.map((v): Target => ({ form: "exact", low: v, high: v, change: "level", percent: false, perYear: false, text: "" })),
      fc.tuple(num, num).filter(([a, b]) => a !== b).map(([a, b]): Target => ({ form: "range", low: Math.min(a, b), high: Math.max(a, b), descending: a > b ? true : undefined, change: "level", percent: true, perYear: false, text: "" })),
      num.map((v): Target => ({ form: "floor", low: v, change: "level", percent: true, perYear: false, text: "" })),
      num.map((v): Target => ({ form: "strict_floor", low: v, change: "level", percent: false, perYear: false, text: "" })),
      num.map((v): Target => ({ form: "ceiling", high: v, change: "level", percent: false, perYear: false, text: "" })),
      num.map((v): Target => ({ form: "strict_ceiling", high: v, change: "level", percent: true, perYear: false, text: "" })),
    );
    fc.assert(
      fc.property(target, (t) => {
        const back = ok(formatTarget(t));
        expect(back.form).toBe(t.form);
        expect(back.low).toBe(t.low);
        expect(back.high).toBe(t.high);
        expect(back.percent).toBe(t.percent);
        expect(!!back.descending).toBe(!!t.descending);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("years named in a target are context, not values", () => {
  test.each<[string, Partial<Target>]>([
    ["đến năm 2025 đạt 95%", { form: "exact", low: 95, percent: true }],
    ["giai đoạn 2021-2025 tăng bình quân 8,5-9,5%/năm", { form: "range", low: 8.5, high: 9.5, change: "increase", perYear: true }],
    ["trên 80% (năm 2025)", { form: "strict_floor", low: 80, note: "năm 2025" }],
  ])("%s", (text, expected) => {
    expect(ok(text)).toMatchObject(expected);
  });
  test("a bare year stays a value", () => {
    expect(ok("2025")).toMatchObject({ form: "exact", low: 2025 });
  });
});
