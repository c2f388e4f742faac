/**
 * Every NQ.* function through the registry (src/core/evaluation/nq-functions.ts), the same path Excel's custom
 * functions and `chitieu fn` take: worked figures, the reference appendix, bad and empty inputs.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { callFunction, findFunction, FnError, FUNCTIONS, NAMESPACE, type FnArg, type FnResult } from "../../src/core/evaluation/nq-functions";
import { parseStatusLabel } from "../../src/core/evaluation/evaluate";
import { loadReferenceIndicators } from "../support/reference";
import { formatExampleResult, parseExampleFormula } from "./example-formula";

const round2 = (x: FnResult): number => {
  if (typeof x !== "number") throw new Error(`expected a number, got ${String(x)}`);
  return Math.round(x * 100) / 100;
};
/** Vietnamese text: at least one letter with a Vietnamese diacritic, NFC. */
const VIETNAMESE = /[ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]/i;

function expectError(r: FnResult, code: "value" | "na" = "value"): FnError {
  expect(r).toBeInstanceOf(FnError);
  const e = r as FnError;
  expect(e.code).toBe(code);
  expect(e.message).toMatch(VIETNAMESE);
  expect(e.message).toBe(e.message.normalize("NFC"));
  return e;
}

describe("worked figures from the reference report", () => {
  test("NQ.TANGBQ.DAYSO on 86 260, 135 327, 145 000 gives 29,65", () => {
    expect(round2(callFunction("NQ.TANGBQ.DAYSO", [[[86260, 135327, 145000]]]))).toBe(29.65);
    // the same series as a column, and as cells holding Vietnamese text
    expect(round2(callFunction("NQ.TANGBQ.DAYSO", [[[86260], [135327], [145000]]]))).toBe(29.65);
    expect(round2(callFunction("NQ.TANGBQ.DAYSO", [[["86.260", "135.327", "145.000"]]]))).toBe(29.65);
  });

  test("NQ.TANGBQ.TOCDO on 4,2, 9,7, 9,8 gives 7,87 (geometric, not the arithmetic mean 7,9)", () => {
    const r = callFunction("NQ.TANGBQ.TOCDO", [[[4.2, 9.7, 9.8]]]);
    expect(round2(r)).toBe(7.87);
    expect(round2(callFunction("NQ.TANGBQ.TOCDO", [[["4,2"], ["9,7"], ["9,8"]]]))).toBe(7.87);
    expect(round2(r)).not.toBe(round2((4.2 + 9.7 + 9.8) / 3));
  });

  test("NQ.CANDAT(8,5; 5; 7,87; 3) gives 9,45", () => {
    expect(round2(callFunction("NQ.CANDAT", [8.5, 5, 7.87, 3]))).toBe(9.45);
    expect(round2(callFunction("NQ.CANDAT", ["8,5", "5", "7,87", "3"]))).toBe(9.45);
  });

  test("NQ.TANGBQ(86260; 145000; 2) agrees with the series form", () => {
    const a = callFunction("NQ.TANGBQ", [86260, 145000, 2]);
    expect(round2(a)).toBe(29.65);
    expect(a).toBeCloseTo(callFunction("NQ.TANGBQ.DAYSO", [[[86260, 135327, 145000]]]) as number, 12);
    // (1,2965)² × 86 260 ≈ 145 000
    expect(86260 * (1 + (a as number) / 100) ** 2).toBeCloseTo(145000, 6);
  });

  test("NQ.TYLEKH(57; 66) is 86,36: the report's 88,14 for 57/66 schools is wrong", () => {
    expect(round2(callFunction("NQ.TYLEKH", [57, 66]))).toBe(86.36);
    expect(round2(callFunction("NQ.TYLEKH", [18, 57]))).toBe(31.58); // report: 18,57
  });

  test("NQ.TIENDO: 263 admitted of 110/year × 5 years after 3 years is behind; 330 is on time", () => {
    expect(callFunction("NQ.TIENDO", [263, 550, 3, 5])).toBe("Chậm tiến độ");
    expect(callFunction("NQ.TIENDO", [330, 550, 3, 5])).toBe("Đúng tiến độ");
    expect(callFunction("NQ.TIENDO", [400, 550, 3, 5])).toBe("Đúng tiến độ");
  });

  test("NQ.TYLEDAT: 7,8 against 8,5-9,5 is 91,76% of the lower bound; 263 members in 3 years against 110/year", () => {
    expect(round2(callFunction("NQ.TYLEDAT", [7.8, "8,5-9,5"]))).toBe(91.76);
    expect(round2(callFunction("NQ.TYLEDAT", ["263 đảng viên/ 3 năm", "Bình quân kết nạp từ 110 – 120"]))).toBe(79.7);
  });

  test("NQ.MUCTIEU gives either bound as a number", () => {
    expect(callFunction("NQ.MUCTIEU", ["8,5-9,5"])).toBe(8.5);
    expect(callFunction("NQ.MUCTIEU", ["8,5-9,5", "tren"])).toBe(9.5);
    expect(callFunction("NQ.MUCTIEU", ["8,5-9,5", "trên"])).toBe(9.5);
    expect(callFunction("NQ.MUCTIEU", ["dưới 1,0", "tren"])).toBe(1);
    expect(callFunction("NQ.MUCTIEU", ["Bình quân kết nạp từ 110 – 120", "duoi"])).toBe(110);
    expectError(callFunction("NQ.MUCTIEU", ["dưới 1,0", "duoi"]), "na");
  });

  test("NQ.DOCSO reads Vietnamese numbers", () => {
    expect(callFunction("NQ.DOCSO", ["8.397,5"])).toBe(8397.5);
    expect(callFunction("NQ.DOCSO", ["0,37%"])).toBe(0.37);
    expect(callFunction("NQ.DOCSO", ["01"])).toBe(1);
    expect(callFunction("NQ.DOCSO", [145000])).toBe(145000);
  });

  test("NQ.COCAU spills shares of the total with the input's shape; blanks stay blank", () => {
    expect(callFunction("NQ.COCAU", [[[120], [60], [20]]])).toEqual([[60], [30], [10]]);
    expect(callFunction("NQ.COCAU", [[[120, 60, 20]]])).toEqual([[60, 30, 10]]);
    expect(callFunction("NQ.COCAU", [[[120], [null], [60], [20]]])).toEqual([[60], [""], [30], [10]]);
    const r = callFunction("NQ.COCAU", [[[48.2], [37.9], [13.9]]]) as number[][];
    expect(r.flat().reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
  });

  test("NQ.DANHGIA vocabularies, two-level mode and the near threshold", () => {
    expect(callFunction("NQ.DANHGIA", ["8,5-9,5", 7.8])).toBe("Chưa đạt");
    expect(callFunction("NQ.DANHGIA", ["8,5-9,5", 9])).toBe("Đạt");
    expect(callFunction("NQ.DANHGIA", ["8,5-9,5", 10])).toBe("Vượt");
    expect(callFunction("NQ.DANHGIA", ["8,5-9,5", 10, null, "dat-2"])).toBe("Đạt");
    expect(callFunction("NQ.DANHGIA", ["8,5-9,5", 9, null, "hoan-thanh"])).toBe("Hoàn thành");
    expect(callFunction("NQ.DANHGIA", ["8,5-9,5", 10, null, "hoan-thanh"])).toBe("Hoàn thành vượt");
    expect(callFunction("NQ.DANHGIA", ["8,5-9,5", 7.8, null, "hoan-thanh"])).toBe("Chưa hoàn thành");
    // 93,3 against 95 is 98,2% of the bound: near with a 2% threshold, not near with 1%
    expect(callFunction("NQ.DANHGIA", ["95", 93.3, null, null, 2])).toBe("Gần đạt");
    expect(callFunction("NQ.DANHGIA", ["95", 93.3, null, null, 1])).toBe("Chưa đạt");
    expect(callFunction("NQ.DANHGIA", ["95", 93.3])).toBe("Chưa đạt");
  });
});

describe("NQ.DANHGIA on the reference appendix (Bảo Lộc 2023)", () => {
  const rows = loadReferenceIndicators();
  /**
   * Rows where the function's answer differs from what the report printed, each with why.
   * The function has no indicator-name argument, so direction rule 3 (the name) is out of its reach.
   */
  const differs: Record<string, { why: string; args: FnArg[]; expected: string }> = {
    "> 98 / 98": {
      why: "the report marks 98 against '> 98' (strictly above) as Đạt; 98 is not above 98",
      args: ["> 98", "98"],
      expected: "Chưa đạt",
    },
    "0,2 (theo tiêu chí cũ) / 0,37": {
      why: "poverty rate is lower-is-better, which only the indicator's name says; in a formula the office passes chieu = \"giam\"",
      args: ["0,2 (theo tiêu chí cũ)", "0,37", "giam"],
      expected: "Chưa đạt",
    },
  };

  test("the appendix has the indicator rows this test expects", () => {
    expect(rows.length).toBeGreaterThanOrEqual(25);
    for (const k of Object.keys(differs)) expect(rows.map((r) => `${r.target} / ${r.actual}`)).toContain(k);
  });

  test.each(rows.map((r) => [`${r.target} / ${r.actual} → ${r.reported}`, r] as const))("%s", (_label, r) => {
    const key = `${r.target} / ${r.actual}`;
    const special = differs[key];
    if (special) {
      // the plain call disagrees with the report; the call an office would write gives the right answer
      expect(callFunction("NQ.DANHGIA", [r.target, r.actual, null, "dat-2"])).not.toBe(r.reported);
      expect(callFunction("NQ.DANHGIA", special.args)).toBe(special.expected);
      return;
    }
    // the report uses two levels (Đạt / Chưa đạt): fold Vượt into Đạt
    const two = callFunction("NQ.DANHGIA", [r.target, r.actual, null, "dat-2"]);
    expect(two).toBe(r.reported);
    // three levels: Vượt only where the report said Đạt
    const three = callFunction("NQ.DANHGIA", [r.target, r.actual]);
    expect(typeof three).toBe("string");
    if (parseStatusLabel(r.reported) === "not_met") expect(three).toBe("Chưa đạt");
    else expect(["Đạt", "Vượt"]).toContain(three);
  });
});

describe("every registry function", () => {
  /** Minimal valid arguments per function, used for the empty-input and argument-count checks. */
  const valid: Record<string, FnArg[]> = {
    DANHGIA: ["8,5-9,5", 7.8],
    TYLEDAT: [7.8, "8,5-9,5"],
    MUCTIEU: ["8,5-9,5"],
    DOCSO: ["8.397,5"],
    TANGBQ: [86260, 145000, 2],
    "TANGBQ.DAYSO": [[[86260, 135327, 145000]]],
    "TANGBQ.TOCDO": [[[4.2, 9.7, 9.8]]],
    CANDAT: [8.5, 5, 7.87, 3],
    TYLEKH: [57, 66],
    COCAU: [[[60], [30], [10]]],
    TIENDO: [263, 550, 3, 5],
  };
  /** One bad argument per function, with the word its Vietnamese message must contain. */
  const bad: Record<string, { args: FnArg[]; says: RegExp }> = {
    DANHGIA: { args: ["8,5-9,5", 7.8, "len"], says: /Chiều phải là/ },
    TYLEDAT: { args: [7.8, "không có số"], says: /Không tìm thấy con số/ },
    MUCTIEU: { args: ["8,5-9,5", "giua"], says: /"duoi" hoặc "tren"/ },
    DOCSO: { args: ["abc"], says: /phải là một số/ },
    TANGBQ: { args: ["abc", 145000, 2], says: /Giá trị đầu kỳ phải là một số/ },
    "TANGBQ.DAYSO": { args: [[[86260, "x", 145000]]], says: /không phải là số/ },
    "TANGBQ.TOCDO": { args: [[[-100, 5]]], says: /không dương/ },
    CANDAT: { args: [8.5, 5, 7.87, 2.5], says: /số nguyên/ },
    TYLEKH: { args: [57, 0], says: /Kế hoạch bằng 0/ },
    COCAU: { args: [[[0], [0]]], says: /Tổng bằng 0/ },
    TIENDO: { args: [263, 550, 6, 5], says: /trong kỳ/ },
  };

  test("the cases cover every function in the registry, and nothing else", () => {
    const ids = FUNCTIONS.map((f) => f.id).sort();
    expect(Object.keys(valid).sort()).toEqual(ids);
    expect(Object.keys(bad).sort()).toEqual(ids);
  });

  test.each(FUNCTIONS.map((f) => [f.id] as const))("NQ.%s: valid call, Excel-style name lookup", (id) => {
    const r = callFunction(`${NAMESPACE}.${id}`, valid[id]);
    expect(r).not.toBeInstanceOf(FnError);
    expect(r).not.toBe("");
    expect(callFunction(`=${NAMESPACE.toLowerCase()}.${id.toLowerCase()}`, valid[id])).toEqual(r);
    expect(findFunction(id)?.id).toBe(id);
  });

  test.each(FUNCTIONS.map((f) => [f.id] as const))("NQ.%s: a bad argument gives #VALUE! with a Vietnamese message", (id) => {
    const e = expectError(callFunction(`${NAMESPACE}.${id}`, bad[id].args));
    expect(e.message).toMatch(bad[id].says);
    expect(e.toString()).toMatch(/^#VALUE! /);
  });

  test.each(FUNCTIONS.map((f) => [f.id] as const))("NQ.%s: empty inputs give \"\" (an empty template row stays quiet)", (id) => {
    const spec = findFunction(id)!;
    const nulls = spec.params.map(() => null);
    expect(callFunction(`${NAMESPACE}.${id}`, nulls)).toBe("");
    const blanks = spec.params.map((p) => (p.range ? [[null, ""]] : ""));
    expect(callFunction(`${NAMESPACE}.${id}`, blanks)).toBe("");
  });

  test.each(FUNCTIONS.map((f) => [f.id] as const))("NQ.%s: too few or too many arguments", (id) => {
    const spec = findFunction(id)!;
    const min = spec.params.filter((p) => !p.optional).length;
    expectError(callFunction(`${NAMESPACE}.${id}`, [...valid[id], ...Array(spec.params.length - valid[id].length + 1).fill(1)]));
    if (min > 0) expectError(callFunction(`${NAMESPACE}.${id}`, valid[id].slice(0, min - 1)));
  });

  test.each(FUNCTIONS.map((f) => [f.id, f.example.formula, f.example.result] as const))(
    "NQ.%s: the README example %s gives %s",
    (id, formula, result) => {
      const { name, args } = parseExampleFormula(formula);
      expect(name).toBe(`${NAMESPACE}.${id}`);
      const r = callFunction(name, args);
      expect(r).not.toBeInstanceOf(FnError);
      expect(formatExampleResult(r as Exclude<FnResult, FnError>)).toBe(result);
    },
  );

  test("an unknown function is #N/A with a Vietnamese message", () => {
    expectError(callFunction("NQ.KHONGCO", []), "na");
  });
});

describe("README", () => {
  const readme = readFileSync(path.resolve(__dirname, "..", "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Hàm tùy chỉnh (NQ.*)"));

  test("has the custom-functions section", () => {
    expect(readme).toContain("## Hàm tùy chỉnh (NQ.*)");
  });

  test.each(FUNCTIONS.map((f) => [f.id, f] as const))("documents NQ.%s with its description and example", (id, f) => {
    const sig = f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join("; ");
    const row = section.split("\n").find((l) => l.startsWith(`| \`${NAMESPACE}.${id}(`));
    expect(row).toBe(`| \`${NAMESPACE}.${id}(${sig})\` | ${f.description} | \`${f.example.formula}\` | ${f.example.result} |`);
  });
});
