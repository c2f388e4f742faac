import fc from "fast-check";
import { normalizeText } from "../../../src/core/text/normalize";
import { foldText } from "../../../src/core/text/fold";
import { formatViNumber, parseNumberToken, parseViNumber, roundHalfAway, toNumber } from "../../../src/core/text/numbers";

describe("Vietnamese numbers", () => {
  test.each([
    ["8.397", 8397],
    ["7,8", 7.8],
    ["8.397,5", 8397.5],
    ["01", 1],
    ["1.234.567", 1234567],
    ["1.234.567,25", 1234567.25],
    ["1.5", 1.5],
    ["0,37", 0.37],
    ["86.260", 86260],
    ["1,234,567", 1234567],
    ["8,397.5", 8397.5],
  ])("token %s → %d", (text, value) => {
    expect(parseNumberToken(text)).toBe(value);
  });

  test.each(["", "abc", "1..2", "1,2,3,4a", "1.2.3", "8.397,5,1"])("not a number: %j", (text) => {
    expect(parseNumberToken(text)).toBeNull();
  });

  test("whole cells: percent, unicode minus, spaces, numbers pass through", () => {
    expect(parseViNumber("0,37%")).toEqual({ value: 0.37, percent: true });
    expect(parseViNumber("−3,5")).toEqual({ value: -3.5, percent: false });
    expect(parseViNumber("–2")).toEqual({ value: -2, percent: false });
    expect(parseViNumber("\u00a08.397,5 ")).toEqual({ value: 8397.5, percent: false });
    expect(parseViNumber(42)).toEqual({ value: 42, percent: false });
    expect(parseViNumber("8,5-9,5")).toBeNull();
    expect(parseViNumber(null)).toBeNull();
    expect(toNumber("93,3%")).toBe(93.3);
  });

  test("Excel ROUND: half away from zero, on the value Excel shows", () => {
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(2.675, 2)).toBe(2.68);
    expect(roundHalfAway(-2.5, 0)).toBe(-3);
    expect(roundHalfAway(2.5, 0)).toBe(3);
    expect(roundHalfAway(0.125, 2)).toBe(0.13);
    expect(roundHalfAway(-0.125, 2)).toBe(-0.13);
    expect(roundHalfAway(1234.5, -1)).toBe(1230);
    expect(roundHalfAway(1235, -1)).toBe(1240);
    expect(roundHalfAway((57 / 66) * 100, 2)).toBe(86.36);
    expect(roundHalfAway((18 / 57) * 100, 2)).toBe(31.58);
  });

  test("formatting matches the vi-VN convention", () => {
    expect(formatViNumber(8397.5)).toBe("8.397,5");
    expect(formatViNumber(8397)).toBe("8.397");
    expect(formatViNumber((57 / 66) * 100, { percent: true })).toBe("86,36%");
    expect(formatViNumber(7.8, { minDecimals: 2 })).toBe("7,80");
    expect(formatViNumber(-0.001)).toBe("0");
    expect(formatViNumber(1234567.891, { decimals: 1 })).toBe("1.234.567,9");
    expect(formatViNumber(1.005, { decimals: 2 })).toBe("1,01");
  });

  test("formatting agrees with Intl.NumberFormat('vi-VN') on random numbers", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const r = roundHalfAway(x, d);
        const intl = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: d }).format(r === 0 ? 0 : r);
        expect(formatViNumber(x, { decimals: d })).toBe(intl === "-0" ? "0" : intl);
      }),
      { numRuns: 2000 },
    );
  });

  test("formatted numbers parse back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (i, c) => {
        const x = i + c / 100;
        expect(toNumber(formatViNumber(x))).toBeCloseTo(x, 6);
      }),
    );
  });

  test("folding for matching ignores accents and case", () => {
    expect(foldText("Chỉ tiêu Nghị quyết ĐH VI")).toBe("chi tieu nghi quyet dh vi");
    expect(foldText("Đơn vị tính")).toBe("don vi tinh");
    expect(foldText("Kết quả thực hiện")).toBe("ket qua thuc hien");
    // decomposed input (NFD) folds the same as composed
    expect(foldText("Tỷ lệ".normalize("NFD"))).toBe("ty le");
    expect(normalizeText("a\u00a0 b\u2013c")).toBe("a b-c");
  });
});
