/**
 * A command's own row limit (the appendix: 150 000 table rows) stops the reader as soon as a sheet is
 * known to pass it: from the sheet's <dimension> before its rows are inflated, else from its rows
 * counted as they stream (a big sheet) or as they are read (a small one). So refusing a sheet of a
 * million rows costs little memory (the figures: docs/hieu-nang.md), and a sheet within the limit
 * reads as before.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkRowLimit } from "../../../src/adapters/xlsx/admission";
import { RowLimitError } from "../../../src/adapters/xlsx/limits";
import { loadWorkbookFile, NODE_INFLATER } from "../../../src/adapters/xlsx/read-file";
import { dimensionLastRow, parseSheet, RowCounter } from "../../../src/adapters/xlsx/xlsx-reader";
import { ZipPackage, type Inflater } from "../../../src/adapters/xlsx/zip-package";
import { appendixRowLimit, APPENDIX_MAX_ROWS } from "../../../src/cli/output";
import { runCli } from "../../support/cli";
import { deflatedFill, xlsxBytes, xlsxEntries, zipBytes } from "../../support/raw-package";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "row-limit-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>TT</t></is></c><c r="B1" t="inlineStr"><is><t>Chỉ tiêu</t></is></c></row>';
/** 32 bytes: a row with a value, repeated to fill a sheet (1 MB holds 32 768 of them). */
const ROW32 = "<row><c><v>1</v></c></row>     ";

/** An .xlsx of one sheet "Chỉ tiêu" whose XML part is `sheet` (already deflated, with the size it declares). */
function withSheet(sheet: { bytes: Buffer; size: number }): Buffer {
  return zipBytes(xlsxEntries({ sheets: [{ name: "Chỉ tiêu", sheetData: "" }] }).map((e) => (e.name === "xl/worksheets/sheet1.xml" ? { name: e.name, deflated: sheet } : e)));
}

function file(name: string, bytes: Buffer): string {
  const f = path.join(dir, name);
  writeFileSync(f, bytes);
  return f;
}

async function rowLimitError(p: Promise<unknown>): Promise<RowLimitError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof RowLimitError)) throw new Error(`expected RowLimitError, got ${String(e)}`);
  return e;
}

test("a sheet's <dimension>: its last row, prefixed or not; none when absent", () => {
  expect(dimensionLastRow(`<worksheet xmlns="${MAIN}"><dimension ref="A1:F1000001"/><sheetData>`)).toBe(1_000_001);
  expect(dimensionLastRow(`<x:worksheet xmlns:x="${MAIN}"><x:sheetPr/><x:dimension ref="$B$3:$AA$250"/>`)).toBe(250);
  expect(dimensionLastRow('<worksheet><dimension ref="A1"/>')).toBe(1);
  expect(dimensionLastRow("<worksheet><sheetData><row r=\"5\">")).toBeUndefined();
});

test("the reader counts rows with a value: past the limit it stops; empty rows (formatting only) do not count", () => {
  const rows = (n: number, from = 1) => Array.from({ length: n }, (_x, i) => `<row r="${from + i}"><c r="A${from + i}"><v>${i}</v></c></row>`).join("");
  const xml = (body: string) => `<worksheet><sheetData>${body}</sheetData></worksheet>`;
  expect(parseSheet(xml(rows(100)), "S", [], [], false, 100).values).toHaveLength(100);
  const e = (() => {
    try {
      parseSheet(xml(rows(101)), "S", [], [], false, 100);
    } catch (x) {
      return x;
    }
  })();
  expect(e).toEqual(expect.objectContaining({ sheet: "S", rows: 100, declared: false }));
  const formatted = Array.from({ length: 50 }, (_x, i) => `<row r="${101 + i}" s="3" customFormat="1"><c r="A${101 + i}" s="3"/></row>`).join("");
  expect(parseSheet(xml(rows(100) + formatted), "S", [], [], false, 100).values).toHaveLength(100);
});

test("streamed, the rows are counted the same way, in pieces cut anywhere", () => {
  const rows = Array.from({ length: 30 }, (_x, i) => `<row r="${i + 1}"><x:c r="A${i + 1}"><x:v>1</x:v></x:c></x:row>`.replace("<row", "<x:row")).join("");
  const body = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData>${rows}</x:sheetData></x:worksheet>`;
  for (const cut of [1, 7, 64, 5000]) {
    const over = new RowCounter(29);
    const within = new RowCounter(30);
    let passed = false;
    let stayed = false;
    for (let i = 0; i < body.length; i += cut) {
      passed ||= over.push(body.slice(i, i + cut));
      stayed ||= within.push(body.slice(i, i + cut));
    }
    expect([cut, passed, within.push("") || stayed]).toEqual([cut, true, false]);
  }
});

describe("a sheet past the limit is refused before it is inflated", () => {
  test("by its <dimension>: a 4 GB sheet that declares 4 KB is never inflated (it would be refused as a bomb)", async () => {
    const sheet = deflatedFill(4_000_000_000, `<worksheet xmlns="${MAIN}"><dimension ref="A1:F1000001"/><sheetData>`);
    const f = file("dimension.xlsx", withSheet({ bytes: sheet.bytes, size: 4096 }));
    const t = Date.now();
    const e = await rowLimitError(loadWorkbookFile(f, { rowLimit: { rows: 151_000 } }));
    expect(e).toEqual(expect.objectContaining({ sheet: "Chỉ tiêu", rows: 1_000_001, declared: true }));
    expect(Date.now() - t).toBeLessThan(5000);
  });

  test("without <dimension>, a big sheet's rows are counted as they stream, and the stream stops at the limit", async () => {
    const sheet = deflatedFill(400_000_000, `<worksheet xmlns="${MAIN}"><sheetData>`, ROW32);
    const bytes = withSheet(sheet);
    let streamed = 0;
    const counting: Inflater = { ...NODE_INFLATER, stream: (data, take, name) => NODE_INFLATER.stream(data, (p) => ((streamed += p.length), take(p)), name) };
    const e = await rowLimitError(checkRowLimit(new ZipPackage(bytes, counting), { rows: 151_000 }));
    expect(e).toEqual(expect.objectContaining({ sheet: "Chỉ tiêu", rows: 151_000, declared: false }));
    // 151 000 rows of 32 bytes are about 4,8 MB: the stream stopped a step after them, not at 400 MB
    expect(streamed).toBeGreaterThan(151_000 * 32);
    expect(streamed).toBeLessThan(151_000 * 32 + 4_000_000);
    // through the file reader too
    await rowLimitError(loadWorkbookFile(file("no-dimension.xlsx", bytes), { rowLimit: { rows: 151_000 } }));
  });

  test("a <dimension> that says less than the sheet holds: the rows read still stop it", async () => {
    const rows = Array.from({ length: 300 }, (_x, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c></row>`).join("");
    const entries = xlsxEntries({ sheets: [{ name: "S", sheetData: HEADER + rows }] });
    const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    sheet.data = String(sheet.data).replace("<sheetData>", '<dimension ref="A1:B10"/><sheetData>');
    const f = file("lying-dimension.xlsx", zipBytes(entries));
    const grids = await loadWorkbookFile(f, { rowLimit: { rows: 500 } });
    expect(grids[0].values).toHaveLength(301);
    const e = await rowLimitError(loadWorkbookFile(f, { rowLimit: { rows: 200 } }));
    expect(e).toEqual(expect.objectContaining({ rows: 200, declared: false }));
  });

  test("the limit applies only to the sheets it names: another sheet as long reads", async () => {
    const rows = Array.from({ length: 300 }, (_x, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c></row>`).join("");
    const f = file("two-sheets.xlsx", xlsxBytes({ sheets: [{ name: "Dữ liệu", sheetData: HEADER + rows }, { name: "Chỉ tiêu", sheetData: HEADER }] }));
    const grids = await loadWorkbookFile(f, { rowLimit: { rows: 200, applies: (s) => s === "Chỉ tiêu" } });
    expect(grids.map((g) => g.values.length)).toEqual([301, 1]);
    await rowLimitError(loadWorkbookFile(f, { rowLimit: { rows: 200 } }));
  });
});

describe("chitieu appendix refuses a sheet past its limit while reading, naming the file, the sheet and the limit", () => {
  const limit = APPENDIX_MAX_ROWS.xlsx;
  const vi = (n: number) => n.toLocaleString("de-DE");

  test("by the sheet's <dimension>: nothing written", async () => {
    const sheet = deflatedFill(10_000, `<worksheet xmlns="${MAIN}"><dimension ref="A1:F1000001"/><sheetData>${HEADER}`);
    const f = file("trieu-dong.xlsx", withSheet(sheet));
    const out = path.join(dir, "out-1");
    mkdirSync(out);
    const r = await runCli(["appendix", f, "-o", path.join(out, "a.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Tệp "${f}", trang "Chỉ tiêu" có vùng dữ liệu đến dòng 1.000.001; phụ lục chỉ lập được tối đa ${vi(limit)} dòng chỉ tiêu`);
    expect(r.stderr).toContain("--sheet");
    expect(readdirSync(out)).toEqual([]);
  });

  test("by the rows streamed (no <dimension>); with --sheet naming the sheet, no advice to name it", async () => {
    const sheet = deflatedFill(64_000_000, `<worksheet xmlns="${MAIN}"><sheetData>`, ROW32);
    const f = file("khong-dimension.xlsx", withSheet(sheet));
    const r = await runCli(["appendix", f, "-o", path.join(dir, "b.xlsx"), "--sheet", "Chỉ tiêu"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Tệp "${f}", trang "Chỉ tiêu" có hơn ${vi(limit + 1000)} dòng; phụ lục chỉ lập được tối đa ${vi(limit)} dòng chỉ tiêu`);
    expect(r.stderr).not.toContain("--sheet");
  });

  test("the limit is for the table's sheet: with --sheet another one, or the information sheet, is not limited", () => {
    const named = appendixRowLimit(["xlsx"], "Chỉ tiêu");
    expect([named.applies!("Chỉ tiêu"), named.applies!("Dữ liệu")]).toEqual([true, false]);
    const any = appendixRowLimit(["xlsx", "docx"]);
    expect([any.applies!("Chỉ tiêu"), any.applies!("Dữ liệu"), any.applies!("Thông tin")]).toEqual([true, true, false]);
    expect(any.rows).toBe(Math.min(APPENDIX_MAX_ROWS.xlsx, APPENDIX_MAX_ROWS.docx) + 1000);
  });
});
