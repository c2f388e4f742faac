/**
 * One admission for every entry point (admission.ts): the CLI's reader (loadWorkbookFile), the page's
 * fast reader (readWorkbookBytes, in its worker) and the page's ExcelJS port (FileWorkbookPort.open)
 * refuse the same files with the same sentence and the same action, zip bombs included; and every
 * inflater (Node's zlib, the browser's DecompressionStream, JSZip where a browser has none) stops as
 * soon as a part passes its bound instead of inflating the bomb first.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FileWorkbookPort } from "../../../src/adapters/file/file-workbook";
import { jszipInflater, NATIVE_INFLATER } from "../../../src/adapters/file/inflate";
import { readWorkbookBytes } from "../../../src/adapters/file/workbook-bytes";
import { FILE_REFUSALS, LIMIT_ACTION } from "../../../src/adapters/xlsx/file-kind";
import { limitMessages, READER_LIMITS } from "../../../src/adapters/xlsx/limits";
import { loadWorkbookFile, NODE_INFLATER, WorkbookFileError } from "../../../src/adapters/xlsx/read-file";
import { ZipFormatError, type Inflater } from "../../../src/adapters/xlsx/zip-package";
import { AppError } from "../../../src/app/errors";
import { deflatedFill, odsBytes, xlsxBytes, xlsxEntries, zipBytes } from "../../support/raw-package";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "admission-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHEET_HEAD = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const GOOD = xlsxBytes({ sheets: [{ name: "S", sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });

/** An .xlsx whose sheet part is `bomb`, declaring `declared` bytes once inflated. */
function bombed(bomb: { bytes: Buffer }, declared: number): Buffer {
  return zipBytes(xlsxEntries({ sheets: [{ name: "S", sheetData: "" }] }).map((e) => (e.name === "xl/worksheets/sheet1.xml" ? { name: e.name, deflated: { bytes: bomb.bytes, size: declared } } : e)));
}

interface Answer {
  message: string;
  action: string;
}

/** What the CLI's reader says for `bytes` saved as `name` (its message names the path: given back as `name`). */
async function cliAnswer(name: string, bytes: Uint8Array): Promise<Answer | "read"> {
  const f = path.join(dir, name);
  writeFileSync(f, bytes);
  try {
    await loadWorkbookFile(f);
    return "read";
  } catch (e) {
    if (!(e instanceof WorkbookFileError)) throw e;
    return { message: e.message.split(f).join(name), action: e.action };
  }
}

async function pageAnswer(open: () => Promise<unknown>): Promise<Answer | "read"> {
  try {
    await open();
    return "read";
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { message: e.message, action: e.action };
  }
}

/** The three entry points' answers for one file. */
async function answers(name: string, bytes: Uint8Array) {
  return {
    cli: await cliAnswer(name, bytes),
    worker: await pageAnswer(() => readWorkbookBytes(name, bytes)),
    port: await pageAnswer(() => FileWorkbookPort.open(name, bytes)),
  };
}

function withLimits<T>(limits: Partial<typeof READER_LIMITS>, f: () => Promise<T>): Promise<T> {
  const saved = { ...READER_LIMITS };
  Object.assign(READER_LIMITS, limits);
  return f().finally(() => Object.assign(READER_LIMITS, saved));
}

describe("every entry point refuses a file with the same sentence and action", () => {
  const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2040)]);
  const cases: Array<[string, Uint8Array, Answer]> = [
    ["cu.xls", cfb, FILE_REFUSALS.xls("cu.xls")],
    ["mk.xlsx", Buffer.concat([cfb, Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(512)]), FILE_REFUSALS.encrypted("mk.xlsx")],
    ["bang.csv", Buffer.from("TT;Chỉ tiêu\n1;Tỷ lệ\n"), FILE_REFUSALS.notZip("bang.csv")],
    ["anh.zip", zipBytes([{ name: "anh.png", data: "x" }]), FILE_REFUSALS.zip("anh.zip")],
    ["vb.docx", zipBytes([{ name: "word/document.xml", data: "<w/>" }]), FILE_REFUSALS.otherOffice("vb.docx")],
    ["nhi-phan.xlsb", zipBytes([{ name: "xl/workbook.bin", data: "x" }]), FILE_REFUSALS.xlsb("nhi-phan.xlsb")],
    ["cut.xlsx", GOOD.subarray(0, GOOD.length - 30), FILE_REFUSALS.truncatedZip("cut.xlsx")],
    ["rong.xlsx", Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]), FILE_REFUSALS.truncatedZip("rong.xlsx")],
    [
      "nen-hong.xlsx",
      zipBytes([...xlsxEntries({ sheets: [{ name: "S", sheetData: "" }] }).filter((e) => e.name !== "xl/worksheets/sheet1.xml"), { name: "xl/worksheets/sheet1.xml", deflated: { bytes: Buffer.from("not deflate data at all"), size: 100 } }]),
      FILE_REFUSALS.corrupt("nen-hong.xlsx", 'phần "xl/worksheets/sheet1.xml" không giải nén được (dữ liệu nén hỏng).'),
    ],
  ];

  test.each(cases)("%s", async (name, bytes, want) => {
    const got = await answers(name, bytes);
    expect(got).toEqual({ cli: want, worker: want, port: want });
  });

  test("a zip bomb that declares its size (505 MB): refused by the part's limit before anything is inflated", async () => {
    const bomb = deflatedFill(READER_LIMITS.maxPartBytes + 5_000_000, SHEET_HEAD);
    const bytes = bombed(bomb, bomb.size);
    expect(bytes.length).toBeLessThan(1_000_000);
    const want = FILE_REFUSALS.limit("bom.xlsx", limitMessages.maxPartBytes("xl/worksheets/sheet1.xml"));
    const t = Date.now();
    expect(await answers("bom.xlsx", bytes)).toEqual({ cli: want, worker: want, port: want });
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(want.action).toBe(LIMIT_ACTION);
  });

  test("a zip bomb of 4 GB that declares 4 KB: stopped at 4 KB by every reader, ExcelJS never given it", async () => {
    const bomb = deflatedFill(4_000_000_000, SHEET_HEAD);
    const bytes = bombed(bomb, 4096);
    const want = FILE_REFUSALS.corrupt("bom-doi.xlsx", 'phần "xl/worksheets/sheet1.xml" giải nén ra nhiều hơn kích thước ghi trong tệp nén (tệp hỏng, hoặc "bom nén").');
    const t = Date.now();
    expect(await answers("bom-doi.xlsx", bytes)).toEqual({ cli: want, worker: want, port: want });
    // inflating 4 GB takes far longer than this (and more memory than the test has)
    expect(Date.now() - t).toBeLessThan(10_000);
  });

  test("a bomb of unknown size (zip64's 0xFFFFFFFF) stops at the part's limit (lowered to 2 MB for the test)", async () => {
    const bomb = deflatedFill(3_000_000_000, SHEET_HEAD);
    const bytes = bombed(bomb, 0xffffffff);
    await withLimits({ maxPartBytes: 2_000_000 }, async () => {
      const want = FILE_REFUSALS.limit("bom-64.xlsx", limitMessages.maxPartBytes("xl/worksheets/sheet1.xml"));
      const t = Date.now();
      expect(await answers("bom-64.xlsx", bytes)).toEqual({ cli: want, worker: want, port: want });
      expect(Date.now() - t).toBeLessThan(10_000);
    });
  });

  test("parts together past the package's total (lowered for the test): the same sentence everywhere", async () => {
    const cells = Array.from({ length: 20 }, (_x, c) => `<c r="${String.fromCharCode(65 + c)}1" t="inlineStr"><is><t>${"x".repeat(3000)}</t></is></c>`).join("");
    const bytes = xlsxBytes({ sheets: [1, 2, 3].map((i) => ({ name: `S${i}`, sheetData: `<row r="1">${cells}</row>` })) });
    await withLimits({ maxTotalBytes: 150_000 }, async () => {
      const want = FILE_REFUSALS.limit("tong.xlsx", limitMessages.maxTotalBytes());
      expect(await answers("tong.xlsx", bytes)).toEqual({ cli: want, worker: want, port: want });
    });
  });

  test("a file past the size limit (lowered for the test)", async () => {
    await withLimits({ maxFileBytes: 1000 }, async () => {
      const want = FILE_REFUSALS.limit("nang.xlsx", limitMessages.maxFileBytes(GOOD.length));
      expect(await answers("nang.xlsx", GOOD)).toEqual({ cli: want, worker: want, port: want });
    });
  });

  test("an .ods and an .xlsx are read by all three", async () => {
    const ods = odsBytes([{ name: "S", rows: ['<table:table-row><table:table-cell office:value-type="string"><text:p>TT</text:p></table:table-cell></table:table-row>'] }]);
    expect(await answers("bang.ods", ods)).toEqual({ cli: "read", worker: "read", port: "read" });
    expect(await answers("bang.xlsx", GOOD)).toEqual({ cli: "read", worker: "read", port: "read" });
  });

  test("an unsupported compression method is a broken file for every reader", async () => {
    const entries = xlsxEntries({ sheets: [{ name: "S", sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    const bytes = zipBytes(entries);
    // set the method of every entry, local and central, to 9 (deflate64)
    for (let i = 0; i + 4 <= bytes.length; i++) {
      const sig = bytes.readUInt32LE(i);
      if (sig === 0x04034b50) bytes.writeUInt16LE(9, i + 8);
      else if (sig === 0x02014b50) bytes.writeUInt16LE(9, i + 10);
    }
    const got = await answers("ma-9.xlsx", bytes);
    for (const a of [got.cli, got.worker, got.port]) expect(a).toEqual(expect.objectContaining({ message: expect.stringMatching(/^Tệp "ma-9\.xlsx" bị hỏng.*nén theo cách không hỗ trợ \(mã 9\)/) }));
    expect(got.worker).toEqual(got.cli);
    expect(got.port).toEqual(got.cli);
  });
});

describe("each inflater stops as soon as a part passes its bound", () => {
  const bomb = deflatedFill(2_000_000_000, SHEET_HEAD);
  const small = deflatedFill(100_000, SHEET_HEAD);
  const inflaters: Array<[string, () => Inflater]> = [
    ["Node's zlib", () => NODE_INFLATER],
    ["DecompressionStream", () => NATIVE_INFLATER],
    ["JSZip", () => jszipInflater(bombed(bomb, bomb.size))],
  ];
  const name = "xl/worksheets/sheet1.xml";

  test.each(inflaters)("%s: a 2 GB bomb gives null past 1 MB, in moments; a small part whole", async (_n, make) => {
    const inflater = make();
    const t = Date.now();
    expect(await inflater.inflate(bomb.bytes, 1_000_000, name)).toBeNull();
    expect(Date.now() - t).toBeLessThan(5_000);
    const head = await inflater.head(bomb.bytes, 4096, name);
    expect(head.length).toBeGreaterThanOrEqual(4096);
    expect(Buffer.from(head.subarray(0, SHEET_HEAD.length)).toString()).toBe(SHEET_HEAD);
    let seen = 0;
    await inflater.stream(bomb.bytes, (p) => (seen += p.length) > 3_000_000, name);
    expect(seen).toBeLessThan(40_000_000);
    expect(Date.now() - t).toBeLessThan(10_000);
  });

  test.each(inflaters.filter(([n]) => n !== "JSZip"))("%s: a part within its bound comes whole; bad data is a ZipFormatError", async (_n, make) => {
    const inflater = make();
    const out = await inflater.inflate(small.bytes, small.size, name);
    expect(out?.length).toBe(100_000);
    expect(await inflater.inflate(small.bytes, small.size - 1, name)).toBeNull();
    await expect(inflater.inflate(Buffer.from("not deflate data"), 1000, name)).rejects.toBeInstanceOf(ZipFormatError);
  });
});
