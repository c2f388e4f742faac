/**
 * The NQ.* functions inside real formulas, evaluated by a formula engine (HyperFormula, GPL-3.0,
 * licence key "gpl-v3", test-only): cell references, ranges, nesting, recalculation when a number
 * changes, spilling, errors with their Vietnamese messages. The sheet is the reference appendix
 * (Bảo Lộc 2023), typed the way a Vietnamese Excel holds it: decimal comma, `;` between arguments.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { FUNCTIONS, NAMESPACE } from "../../src/core/evaluation/nq-functions";
import { loadReferenceIndicators, type ReferenceRow } from "../support/reference";
import { NqPlugin, registerNqPlugin } from "./nq-hyperformula-plugin";

const VI_CONFIG = {
  licenseKey: "gpl-v3",
  decimalSeparator: ",",
  thousandSeparator: ".",
  functionArgSeparator: ";",
  arrayColumnSeparator: ";",
  arrayRowSeparator: "|",
} as const;

beforeAll(() => registerNqPlugin());
afterAll(() => HyperFormula.unregisterFunctionPlugin(NqPlugin));

const at = (row: number, col: number) => ({ sheet: 0, row, col });
/** Column letters → 0-based index. */
const COL = { A: 0, B: 1, C: 2, D: 3, E: 4, F: 5, G: 6, H: 7, I: 8, J: 9 } as const;

test("HyperFormula stays a test-only dependency: nothing under src/ imports it", () => {
  const src = path.resolve(__dirname, "..", "..", "src");
  const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => /\.(ts|tsx|js|mjs)$/.test(f));
  expect(files.length).toBeGreaterThan(10);
  const importing = files.filter((f) => /(from\s+|require\(\s*|import\(\s*)["']hyperformula["']/.test(readFileSync(path.join(src, f), "utf8")));
  expect(importing).toEqual([]);
});

test("every registry function is registered with the engine under its Excel name", () => {
  const names = HyperFormula.getRegisteredFunctionNames("enGB");
  for (const f of FUNCTIONS) expect(names).toContain(`${NAMESPACE}.${f.id}`);
});

describe("the reference appendix as a sheet: =NQ.DANHGIA(D5;E5) per row", () => {
  const rows = loadReferenceIndicators();
  /** Lower-is-better rows whose direction only the indicator's name tells: the office fills column I. */
  const chieu = (r: ReferenceRow) => (/hộ nghèo/i.test(r.name) ? "giam" : "");
  const FIRST = 4; // data from row 5, as in a real appendix under a title and a header
  let hf: HyperFormula;

  beforeEach(() => {
    const data: RawCellContent[][] = [["PHỤ LỤC"], [], [], ["TT", "CHỈ TIÊU", "ĐVT", "Chỉ tiêu NQ", "Kết quả", "Báo cáo", "Đánh giá", "Hai mức", "Chiều", "Tỷ lệ"]];
    rows.forEach((r, i) => {
      const n = FIRST + i + 1; // 1-based sheet row
      data.push([
        r.tt,
        r.name,
        r.unit,
        r.target,
        r.actual,
        r.reported,
        `=NQ.DANHGIA(D${n};E${n};I${n})`,
        `=NQ.DANHGIA(D${n};E${n};I${n};"dat-2")`,
        chieu(r),
        `=IFERROR(ROUND(NQ.TYLEDAT(E${n};D${n};I${n});2);"")`,
      ]);
    });
    hf = HyperFormula.buildFromArray(data, VI_CONFIG);
  });
  afterEach(() => hf.destroy());

  test("the two-level column agrees with the report wherever the report is right", () => {
    const disagree: string[] = [];
    rows.forEach((r, i) => {
      const v = hf.getCellValue(at(FIRST + i, COL.H));
      if (v !== r.reported) disagree.push(`${r.target} / ${r.actual}: ${String(v)} (báo cáo: ${r.reported})`);
    });
    // the report marks 98 against "> 98" (strictly above) as Đạt
    expect(disagree).toEqual(["> 98 / 98: Chưa đạt (báo cáo: Đạt)"]);
  });

  test("the three-level column says Vượt only where the report said Đạt", () => {
    rows.forEach((r, i) => {
      const v = hf.getCellValue(at(FIRST + i, COL.G));
      if (r.reported === "Chưa đạt" || (r.target === "> 98" && r.actual === "98")) expect(v).toBe("Chưa đạt");
      else expect(["Đạt", "Vượt"]).toContain(v);
    });
    const growth = rows.findIndex((r) => r.target === "11-12" && r.actual === "20,4");
    expect(hf.getCellValue(at(FIRST + growth, COL.G))).toBe("Vượt");
  });

  test("numbers typed with a decimal comma reach the function as numbers; ratios are computed", () => {
    const first = rows.findIndex((r) => r.target === "8,5-9,5");
    expect(hf.getCellValue(at(FIRST + first, COL.E))).toBe(7.8);
    expect(hf.getCellValue(at(FIRST + first, COL.J))).toBe(91.76);
  });

  test("the status recalculates as the result changes, and an emptied result goes quiet", () => {
    const i = rows.findIndex((r) => r.target === "8,5-9,5");
    const cell = at(FIRST + i, COL.E);
    const status = at(FIRST + i, COL.G);
    expect(hf.getCellValue(status)).toBe("Chưa đạt");
    hf.setCellContents(cell, [["9,1"]]);
    expect(hf.getCellValue(status)).toBe("Đạt");
    hf.setCellContents(cell, [[10]]);
    expect(hf.getCellValue(status)).toBe("Vượt");
    hf.setCellContents(cell, [[null]]);
    expect(hf.getCellValue(status)).toBe("");
  });

  test("changing the direction cell changes the verdict of the poverty row", () => {
    const i = rows.findIndex((r) => /hộ nghèo/i.test(r.name));
    expect(hf.getCellValue(at(FIRST + i, COL.H))).toBe("Chưa đạt");
    hf.setCellContents(at(FIRST + i, COL.I), [[null]]);
    // without the direction the target "0,2" reads as higher-is-better: the reason column I exists
    expect(hf.getCellValue(at(FIRST + i, COL.H))).toBe("Đạt");
  });
});

describe("growth formulas", () => {
  let hf: HyperFormula;
  beforeEach(() => {
    hf = HyperFormula.buildFromArray(
      [
        ["Năm", 2021, 2022, 2023],
        ["Thu ngân sách", 86260, 135327, 145000, "=ROUND(NQ.TANGBQ.DAYSO(B2:D2);2)", "=ROUND(NQ.TANGBQ(B2;D2;2);2)"],
        ["Tốc độ tăng GTSX (%)", "4,2", "9,7", "9,8", "=ROUND(NQ.TANGBQ.TOCDO(B3:D3);2)", "=AVERAGE(B3:D3)"],
        ["Cần đạt 2024-2025", "=ROUND(NQ.CANDAT(8,5;5;E3;3);2)", "=ROUND(NQ.CANDAT(8,5;5;NQ.TANGBQ.TOCDO(B3:D3);3);3)"],
        ["Trường chuẩn QG", 57, 66, "=ROUND(NQ.TYLEKH(B5;C5);2)"],
        ["Kết nạp đảng viên", 263, "=110*5", "=NQ.TIENDO(B6;C6;3;5)"],
        ["Mảng hằng", "=ROUND(NQ.TANGBQ.TOCDO({4,2|9,7|9,8});2)"],
        ["Chỉ tiêu", "8,5-9,5", "=NQ.MUCTIEU(B8)", "=NQ.MUCTIEU(B8;\"tren\")", "=AND(7,8>=C8;7,8<=D8)"],
      ],
      VI_CONFIG,
    );
  });
  afterEach(() => hf.destroy());

  test("NQ.TANGBQ.DAYSO over a range: 86 260, 135 327, 145 000 → 29,65; NQ.TANGBQ agrees", () => {
    expect(hf.getCellValue(at(1, 4))).toBe(29.65);
    expect(hf.getCellValue(at(1, 5))).toBe(29.65);
  });

  test("NQ.TANGBQ.TOCDO over a range: 4,2, 9,7, 9,8 → 7,87, not the arithmetic mean", () => {
    expect(hf.getCellValue(at(2, 4))).toBe(7.87);
    expect(hf.getCellValue(at(2, 5))).toBeCloseTo(7.9, 10);
  });

  test("NQ.CANDAT from a cell (7,87 → 9,45) and nested over the unrounded rate", () => {
    expect(hf.getCellValue(at(3, 1))).toBe(9.45);
    // nesting uses 7,8679…, so the remaining years need a little more
    expect(hf.getCellValue(at(3, 2))).toBe(9.455);
  });

  test("NQ.TYLEKH and NQ.TIENDO with a computed argument", () => {
    expect(hf.getCellValue(at(4, 3))).toBe(86.36);
    expect(hf.getCellValue(at(5, 3))).toBe("Chậm tiến độ");
    hf.setCellContents(at(5, 1), [[330]]);
    expect(hf.getCellValue(at(5, 3))).toBe("Đúng tiến độ");
  });

  test("an array constant as the range argument", () => {
    expect(hf.getCellValue(at(6, 1))).toBe(7.87);
  });

  test("NQ.MUCTIEU feeds ordinary formulas (charts, conditional formatting)", () => {
    expect(hf.getCellValue(at(7, 2))).toBe(8.5);
    expect(hf.getCellValue(at(7, 3))).toBe(9.5);
    expect(hf.getCellValue(at(7, 4))).toBe(false);
  });

  test("a series edited in place recalculates the average", () => {
    hf.setCellContents(at(1, 3), [[121000]]);
    const v = hf.getCellValue(at(1, 4)) as number;
    expect(v).toBeCloseTo(Math.round((Math.sqrt(121000 / 86260) - 1) * 10000) / 100, 10);
  });
});

describe("NQ.COCAU spills the shares over the input's shape", () => {
  test("a column of three sectors spills three shares summing to 100", () => {
    const hf = HyperFormula.buildFromArray(
      [
        ["Dịch vụ", 120, "=NQ.COCAU(B1:B3)"],
        ["Công nghiệp", 60],
        ["Nông nghiệp", 20],
        ["Tổng", "=SUM(B1:B3)", "=SUM(C1:C3)"],
      ],
      VI_CONFIG,
    );
    expect([0, 1, 2].map((r) => hf.getCellValue(at(r, 2)))).toEqual([60, 30, 10]);
    expect(hf.getCellValue(at(3, 2))).toBe(100);
    hf.setCellContents(at(2, 1), [[0]]);
    expect([0, 1, 2].map((r) => hf.getCellValue(at(r, 2)))).toEqual([66.666666667, 33.333333333, 0]);
    hf.destroy();
  });
});

describe("errors and empty rows", () => {
  let hf: HyperFormula;
  beforeEach(() => {
    hf = HyperFormula.buildFromArray(
      [
        ["=NQ.TANGBQ(\"abc\";145000;2)", "=NQ.DANHGIA(\"không có số\";5)", "=NQ.MUCTIEU(\"dưới 1,0\")", "=NQ.CANDAT(8,5;5;7,87;2,5)"],
        ["", "", "=NQ.DANHGIA(A2;B2)", "=NQ.TANGBQ.DAYSO(A2:B2)", "=NQ.TYLEKH(A2;B2)", "=NQ.COCAU(A2:B2)"],
        ["=NQ.TANGBQ(1;2)"],
      ],
      VI_CONFIG,
    );
  });
  afterEach(() => hf.destroy());

  const err = (row: number, col: number): DetailedCellError => {
    const v = hf.getCellValue(at(row, col));
    expect(v).toBeInstanceOf(DetailedCellError);
    return v as DetailedCellError;
  };

  test("bad arguments give #VALUE! carrying the Vietnamese message", () => {
    expect(err(0, 0)).toMatchObject({ type: "VALUE", message: expect.stringMatching(/Giá trị đầu kỳ phải là một số/) });
    expect(err(0, 1)).toMatchObject({ type: "VALUE", message: expect.stringMatching(/Không tìm thấy con số/) });
    expect(err(0, 3)).toMatchObject({ type: "VALUE", message: expect.stringMatching(/số nguyên/) });
  });

  test("a missing bound gives #N/A", () => {
    expect(err(0, 2)).toMatchObject({ type: "NA", message: expect.stringMatching(/không có cận dưới/) });
  });

  test("empty inputs give \"\"", () => {
    expect(hf.getCellValue(at(1, 2))).toBe("");
    expect(hf.getCellValue(at(1, 3))).toBe("");
    expect(hf.getCellValue(at(1, 4))).toBe("");
  });

  test("a missing argument is rejected by the engine before the function runs", () => {
    expect(err(2, 0).type).toBe("NA");
  });
});
