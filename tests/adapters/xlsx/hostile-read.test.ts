/**
 * The .xlsx reader on files no office writes on purpose, and on writers other than Excel: each
 * case is one defect found on real or crafted files (issue 11). Limits stop the reader in moments;
 * everything else reads as Excel shows it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookGrids } from "../../../src/adapters/xlsx/exceljs-read";
import { loadWorkbookFile, readWorkbookGridsFast, WorkbookFileError, zipEntries } from "../../../src/adapters/xlsx/read-file";
import { READER_LIMITS, ReaderLimitError } from "../../../src/adapters/xlsx/limits";
import { parseSheet } from "../../../src/adapters/xlsx/xlsx-reader";
import { deflatedFill, xlsxBytes, xlsxEntries, zipBytes } from "../../support/raw-package";

const dir = mkdtempSync(join(tmpdir(), "chitieu-hostile-"));
function file(name: string, bytes: Buffer): string {
  const f = join(dir, name);
  writeFileSync(f, bytes);
  return f;
}

async function loadError(path: string): Promise<WorkbookFileError> {
  try {
    await loadWorkbookFile(path);
  } catch (e) {
    if (e instanceof WorkbookFileError) return e;
    throw e;
  }
  throw new Error("read without error");
}

const one = (sheetData: string, extra: Partial<Parameters<typeof xlsxBytes>[0]> = {}) => xlsxBytes({ sheets: [{ name: "S", sheetData }], ...extra });

describe("limits: the reader stops instead of growing", () => {
  test('a 15-digit row number (<row r="231999999999940">) is refused, naming the limit', async () => {
    const f = file("rows.xlsx", one('<row r="1"><c r="A1"><v>1</v></c></row><row r="231999999999940"><c r="A231999999999940"><v>2</v></c></row>'));
    const t = Date.now();
    const e = await loadError(f);
    expect(Date.now() - t).toBeLessThan(5000);
    expect(e.code).toBe("limit");
    expect(e.message).toContain("dòng 231.999.999.999.940 vượt quá giới hạn 1.048.576 dòng");
    expect(e.message).toContain(f);
  });

  test("row 1 048 576 is still read; 1 048 577 is not", () => {
    const ok = parseSheet('<worksheet><sheetData><row r="1048576"><c r="B1048576"><v>7</v></c></row></sheetData></worksheet>', "S", [], [], false);
    expect(ok.values).toHaveLength(1_048_576);
    expect(ok.values[1_048_575]).toEqual([null, 7]);
    expect(() => parseSheet('<worksheet><sheetData><row r="1048577"><c><v>7</v></c></row></sheetData></worksheet>', "S", [], [], false)).toThrow(ReaderLimitError);
  });

  test("a cell ref past column XFD (ZZZZZZZZZ4) is refused, naming the cell", async () => {
    const e = await loadError(file("cols.xlsx", one('<row r="4"><c r="ZZZZZZZZZ4"><v>1</v></c></row>')));
    expect(e.code).toBe("limit");
    expect(e.message).toContain('ô "ZZZZZZZZZ4" vượt quá giới hạn 16.384 cột');
    expect(() => parseSheet('<worksheet><sheetData><row r="1"><c r="XFD1"><v>1</v></c></row></sheetData></worksheet>', "S", [], [], false)).not.toThrow();
    expect(() => parseSheet('<worksheet><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>', "S", [], [], false)).toThrow(/16.384 cột/);
  });

  test("a zip bomb (a sheet of a few MB inflating past the part limit) stops at the limit", async () => {
    const head = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    const bomb = deflatedFill(READER_LIMITS.maxPartBytes + 10_000_000, head);
    expect(bomb.bytes.length).toBeLessThan(3_000_000);
    const entries = xlsxEntries({ sheets: [{ name: "S", sheetData: "" }] }).map((e) => (e.name === "xl/worksheets/sheet1.xml" ? { name: e.name, deflated: bomb } : e));
    const f = file("bomb.xlsx", zipBytes(entries));
    const e = await loadError(f);
    expect(e.code).toBe("limit");
    expect(e.message).toContain('Phần "xl/worksheets/sheet1.xml" trong tệp khi giải nén vượt quá 500 MB');
    // the same bomb declaring a small size in the zip directory: stopped at the size it declared
    const lying = entries.map((x) => (x.name === "xl/worksheets/sheet1.xml" ? { name: x.name, deflated: { bytes: bomb.bytes, size: 4096 } } : x));
    const t = Date.now();
    const e2 = await loadError(file("bomb-lying.xlsx", zipBytes(lying)));
    expect(Date.now() - t).toBeLessThan(5000);
    expect(e2.code).toBe("corrupt");
    expect(e2.message).toContain("giải nén ra nhiều hơn kích thước ghi trong tệp nén");
  });

  test("inflated total over all parts is bounded too (limit lowered for the test)", () => {
    const saved = { part: READER_LIMITS.maxPartBytes, total: READER_LIMITS.maxTotalBytes };
    try {
      READER_LIMITS.maxPartBytes = 60_000;
      READER_LIMITS.maxTotalBytes = 100_000;
      const big = "x".repeat(50_000);
      const entries = zipEntries(zipBytes([{ name: "a", data: big }, { name: "b", data: big }, { name: "c", data: big }]));
      expect(entries.get("a")!().length).toBe(50_000);
      expect(entries.get("b")!().length).toBe(50_000);
      expect(() => entries.get("c")!()).toThrow(/giới hạn cho cả tệp/);
      expect(() => zipEntries(zipBytes([{ name: "d", data: "y".repeat(70_000) }])).get("d")!()).toThrow(/giới hạn cho một phần/);
    } finally {
      READER_LIMITS.maxPartBytes = saved.part;
      READER_LIMITS.maxTotalBytes = saved.total;
    }
  });

  test("a cell longer than Excel's 32 767 characters is refused, naming the cell", async () => {
    const e = await loadError(file("long.xlsx", one('<row r="2"><c r="C2" t="s"><v>0</v></c></row>', { sharedStrings: ["a".repeat(40_000)] })));
    expect(e.message).toContain("ô C2 có 40.000 ký tự, vượt quá giới hạn 32.767 ký tự");
  });

  test("the shared strings count is bounded (limit lowered for the test)", () => {
    const saved = READER_LIMITS.maxSharedStrings;
    try {
      READER_LIMITS.maxSharedStrings = 3;
      expect(() => readWorkbookGridsFast(one("", { sharedStrings: ["a", "b", "c", "d"] }))).toThrow(/hơn 3 chuỗi/);
      expect(readWorkbookGridsFast(one('<row r="1"><c r="A1" t="s"><v>2</v></c></row>', { sharedStrings: ["a", "b", "c"] }))[0].values).toEqual([["c"]]);
    } finally {
      READER_LIMITS.maxSharedStrings = saved;
    }
  });
});

describe("what other writers and Excel itself put in a package", () => {
  const body =
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>8.5</v></c><c r="C1" t="inlineStr"><is><t>Đạt</t></is></c></row>' +
    '<row r="2"><c r="A2" s="1"><f>DATE(2023,5,25)</f><v>45071</v></c><c r="B2"><f>B1*2</f><v>17</v></c></row>';
  test("namespace-prefixed parts (<x:workbook>, <x:sheetData>, as the .NET Open XML SDK writes) read like plain ones", () => {
    const plain = readWorkbookGridsFast(one(body, { sharedStrings: ["Tỷ lệ"], styles: [0, 164] }));
    const prefixed = readWorkbookGridsFast(one(body, { sharedStrings: ["Tỷ lệ"], styles: [0, 164], prefix: "x" }));
    expect(prefixed).toEqual(plain);
    expect(prefixed[0].values[0]).toEqual(["Tỷ lệ", 8.5, "Đạt"]);
  });

  test("a formula's result under a date format is a date, not a serial number", () => {
    const g = readWorkbookGridsFast(one(body, { sharedStrings: ["Tỷ lệ"], styles: [0, 164] }))[0];
    expect(g.values[1][0]).toEqual(new Date(Date.UTC(2023, 4, 25)));
    expect(g.values[1][1]).toBe(17);
  });

  test('an empty <v></v> is an empty cell, never "NaN"', () => {
    const g = readWorkbookGridsFast(one('<row r="1"><c r="A1"><v></v></c><c r="B1" t="s"><v></v></c><c r="C1"><v>3</v></c><c r="D1"><f>X</f><v></v></c></row>'))[0];
    expect(g.values).toEqual([[null, null, 3]]);
    expect(JSON.stringify(g.values)).not.toContain("NaN");
  });

  test('"\\r\\n" (and Excel\'s _x000D_ escape) in text becomes "\\n"', () => {
    const g = readWorkbookGridsFast(one('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>x&#13;\ny</t></is></c></row>', { sharedStrings: ["Tăng\r\ntrưởng", "a_x000D_\nb"] }))[0];
    expect(g.values[0]).toEqual(["Tăng\ntrưởng", "a\nb", "x\ny"]);
  });

  test("cells hidden under a merge (all but the top-left) are not returned", () => {
    const merged = readWorkbookGridsFast(
      xlsxBytes({
        sheets: [
          {
            name: "S",
            sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>Tiêu đề</t></is></c><c r="B1" t="inlineStr"><is><t>ẩn</t></is></c><c r="C1"><v>5</v></c></row><row r="2"><c r="A2"><v>9</v></c><c r="B2"><v>1</v></c></row>',
            after: '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="B2:C3"/></mergeCells>',
          },
        ],
      }),
    )[0];
    expect(merged.values).toEqual([["Tiêu đề", null, 5], [9, 1]]);
    expect(merged.merges).toEqual(["A1:B1", "B2:C3"]);
  });
});

describe("the ExcelJS reader (browser page, fallback) agrees on the same packages", () => {
  test("formula dates, CRLF and _x000D_, merges: same grids as the fast reader", async () => {
    const bytes = xlsxBytes({
      sheets: [
        {
          name: "S",
          sheetData:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"><v>5</v></c></row>' +
            '<row r="2"><c r="A2" s="1"><f>DATE(2023,5,25)</f><v>45071</v></c><c r="B2"><f>1+1</f><v>2</v></c></row>',
          after: '<mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells>',
        },
      ],
      sharedStrings: ["Tăng\r\ntrưởng", "a_x000D_\nb"],
      styles: [0, 164],
    });
    const fast = readWorkbookGridsFast(bytes);
    expect(fast[0].values).toEqual([["Tăng\ntrưởng", "a\nb"], [new Date(Date.UTC(2023, 4, 25)), 2]]);
    expect(await readWorkbookGrids(bytes)).toEqual(fast);
  });
});
