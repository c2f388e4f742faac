/**
 * Fuzz: hostile and broken workbook files through the reader and `chitieu check`. Every case must
 * end with exit 0, 1 or 2; on 2 a Vietnamese message on stderr; never a stack trace, never an
 * English internal error, never "Lỗi không mong đợi" (an error nobody turned into a message).
 *
 * Cases: the defects of issue 11 (15-digit row numbers, a cell ref past XFD, a zip bomb, namespace
 * prefixes, empty <v>, a truncated zip, not a zip, a zip without a workbook, .ods, the .xls and
 * password signatures) and deterministic random mutations (seeded PRNG) of a real workbook's XML
 * parts and of its zip bytes. Bounds: each case within 10 s, the whole suite well under 60 s on a
 * 2-core machine, and the process's resident memory under 2 GB (the zip bomb alone is refused at
 * READER_LIMITS.maxPartBytes, 500 MB).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipEntries } from "../../src/adapters/xlsx/read-file";
import { READER_LIMITS } from "../../src/adapters/xlsx/limits";
import { buildTemplateBytes } from "../../src/adapters/xlsx/template";
import { runCli } from "../support/cli";
import { deflatedFill, odsBytes, xlsxBytes, xlsxEntries, zipBytes, type ZipEntry } from "../support/raw-package";

const SEED = 20261125;
const XML_MUTATIONS = 320;
const BYTE_MUTATIONS = 80;
const CASE_MS = 10_000;
const MAX_RSS = 2_000_000_000;

/** mulberry32: a small seeded PRNG, so every run tries the same cases. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dir = mkdtempSync(join(tmpdir(), "chitieu-fuzz-"));
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹÁÀĐÔƠƯ]/i;
const ENGLISH_INTERNALS = /Cannot read|is not a function|undefined|Invalid (string|array)|Maximum call stack|ENOENT|EACCES|TypeError|RangeError|SyntaxError|Unexpected token|\bat \S+ \(|\n\s+at /;

interface Outcome {
  name: string;
  code: number;
  ms: number;
  message: string;
}
const outcomes: Outcome[] = [];
let maxRss = 0;

async function runCase(name: string, bytes: Buffer, ext = "xlsx"): Promise<Outcome> {
  const file = join(dir, `${String(outcomes.length).padStart(4, "0")}-${name.replace(/[^a-z0-9-]+/gi, "_").slice(0, 40)}.${ext}`);
  writeFileSync(file, bytes);
  const t = Date.now();
  const r = await runCli(["check", file]);
  const ms = Date.now() - t;
  maxRss = Math.max(maxRss, process.memoryUsage().rss);
  const o = { name, code: r.code, ms, message: (r.stderr || r.stdout).split("\n")[0] };
  outcomes.push(o);
  // the promises of the fuzz: an exit code, words the user can read, no internals, in bounded time
  expect([name, [0, 1, 2].includes(r.code)]).toEqual([name, true]);
  if (r.code === 2) {
    expect([name, r.stderr.trim().length > 0 && VIETNAMESE.test(r.stderr)]).toEqual([name, true]);
  }
  expect([name, r.stderr]).not.toEqual([name, expect.stringMatching(ENGLISH_INTERNALS)]);
  expect([name, r.stderr]).not.toEqual([name, expect.stringContaining("Lỗi không mong đợi")]);
  expect([name, r.stderr]).not.toEqual([name, expect.stringContaining("gặp lỗi không mong đợi")]);
  expect([name, ms < CASE_MS]).toEqual([name, true]);
  return o;
}

const sheet = (sheetData: string, after = "", prefix = "") => xlsxBytes({ sheets: [{ name: "Chỉ tiêu", sheetData, after }], sharedStrings: ["TT", "Chỉ tiêu"], prefix });
const HEADER = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>';

let real: Map<string, Buffer>;
let realBytes: Buffer;
beforeAll(async () => {
  realBytes = Buffer.from(await buildTemplateBytes({ sample: true }));
  real = new Map([...zipEntries(realBytes)].map(([n, read]) => [n, read()]));
});

function rebuild(parts: Map<string, Buffer | string>): Buffer {
  const entries: ZipEntry[] = [...parts].map(([name, data]) => ({ name, data }));
  return zipBytes(entries);
}

describe("hostile files through check: exit 0/1/2, a Vietnamese message, no crash", () => {
  test("the defects of issue 11, one by one", async () => {
    const named: Array<[string, Buffer, string?]> = [
      ["row-15-digits", sheet(`${HEADER}<row r="231999999999940"><c r="A231999999999940"><v>1</v></c></row>`)],
      ["row-zero-and-letters", sheet(`${HEADER}<row r="0"><c r="A0"><v>1</v></c></row><row r="abc"><c r="1A"><v>2</v></c></row>`)],
      ["ref-ZZZZZZZZZ4", sheet(`${HEADER}<row r="4"><c r="ZZZZZZZZZ4"><v>1</v></c></row>`)],
      ["ref-lowercase-and-junk", sheet(`${HEADER}<row r="2"><c r="b2"><v>1</v></c><c r="$%"><v>2</v></c></row>`)],
      ["namespace-prefix", sheet(HEADER + '<row r="2"><c r="A2"><v>1</v></c></row>', "", "x")],
      ["empty-v", sheet(`${HEADER}<row r="2"><c r="A2"><v></v></c><c r="B2" t="s"><v></v></c><c r="C2" t="b"><v></v></c></row>`)],
      ["shared-string-out-of-range", sheet(`${HEADER}<row r="2"><c r="A2" t="s"><v>99999</v></c></row>`)],
      ["merge-whole-sheet", sheet(HEADER, '<mergeCells><mergeCell ref="A1:XFD1048576"/><mergeCell ref="A1:XFD1048576"/><mergeCell ref="ZZZZ1:A1"/></mergeCells>')],
      ["truncated-zip", realBytes.subarray(0, Math.floor(realBytes.length * 0.6))],
      ["truncated-tiny", realBytes.subarray(0, 10)],
      ["empty-file", Buffer.alloc(0)],
      ["not-a-zip-csv", Buffer.from("TT;Chỉ tiêu;ĐVT\n1;Tỷ lệ;%\n", "utf8")],
      ["not-a-zip-html", Buffer.from("<html><body><table><tr><td>TT</td></tr></table></body></html>")],
      ["zip-without-workbook", zipBytes([{ name: "hello.txt", data: "xin chào" }])],
      ["zip-empty", Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)])],
      ["docx-not-sheet", zipBytes([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "word/document.xml", data: "<w:document/>" }])],
      ["workbook-missing-sheet-part", zipBytes(xlsxEntries({ sheets: [{ name: "S", sheetData: "" }] }).filter((e) => !e.name.startsWith("xl/worksheets/")))],
      ["bad-deflate", zipBytes([...xlsxEntries({ sheets: [{ name: "S", sheetData: HEADER }] }).filter((e) => e.name !== "xl/worksheets/sheet1.xml"), { name: "xl/worksheets/sheet1.xml", deflated: { bytes: Buffer.from("not deflate data at all"), size: 100 } }])],
      ["ods-as-xlsx", odsBytes([{ name: "S", rows: ['<table:table-row><table:table-cell office:value-type="string"><text:p>TT</text:p></table:table-cell></table:table-row>'] }])],
      ["xls-signature", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]), "xls"],
      ["password-cfb", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1016), Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(2048)])],
      ["cell-text-over-32767", xlsxBytes({ sheets: [{ name: "S", sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], sharedStrings: ["x".repeat(READER_LIMITS.maxCellChars + 1)] })],
      ["entity-out-of-range", sheet(`${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>&#x110000;&#99999999999;&bogus;</t></is></c></row>`)],
    ];
    for (const [name, bytes, ext] of named) await runCase(name, bytes, ext);
    const bomb = deflatedFill(READER_LIMITS.maxPartBytes + 5_000_000, '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
    const bombed = zipBytes(xlsxEntries({ sheets: [{ name: "S", sheetData: "" }] }).map((e) => (e.name === "xl/worksheets/sheet1.xml" ? { name: e.name, deflated: bomb } : e)));
    const o = await runCase("zip-bomb", bombed);
    const lying = zipBytes(xlsxEntries({ sheets: [{ name: "S", sheetData: "" }] }).map((e) => (e.name === "xl/worksheets/sheet1.xml" ? { name: e.name, deflated: { bytes: bomb.bytes, size: 2048 } } : e)));
    expect((await runCase("zip-bomb-lying-size", lying)).message).toContain("bom nén");
    expect(bombed.length).toBeLessThan(3_000_000);
    expect(o.message).toContain("giới hạn cho một phần");
    expect(outcomes.find((x) => x.name === "row-15-digits")!.message).toContain("1.048.576 dòng");
    expect(outcomes.find((x) => x.name === "ref-ZZZZZZZZZ4")!.message).toContain("16.384 cột");
    expect(outcomes.find((x) => x.name === "xls-signature")!.message).toContain("(.xls)");
    expect(outcomes.find((x) => x.name === "password-cfb")!.message).toContain("mật khẩu");
    expect(outcomes.find((x) => x.name === "zip-without-workbook")!.message).toContain("không phải sổ Excel");
    expect(outcomes.find((x) => x.name === "truncated-zip")!.message).toMatch(/hỏng|cắt cụt/);
  });

  test(`${XML_MUTATIONS} random mutations of a real workbook's XML parts (seed ${SEED})`, async () => {
    const rnd = prng(SEED);
    const pick = <T,>(a: T[]): T => a[Math.floor(rnd() * a.length)];
    const targets = [...real.keys()].filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
    const junk = ['<', '>', '"', "&", "&amp;", "<row r=\"99999999999\">", "<c r=\"ZZZZZ9\">", "</row>", "<v></v>", "<x:", "\r\n", "\u0000", "]]>", "<!--", "&#0;", "<sheetData>", "</sheetData>", "<mergeCell ref=\"A1:XFD1048576\"/>", "9".repeat(30), "ẩ"];
    const mutate = (s: string): string => {
      const i = Math.floor(rnd() * s.length);
      const len = Math.floor(rnd() * 200);
      switch (Math.floor(rnd() * 7)) {
        case 0:
          return s.slice(0, i) + s.slice(i + len); // delete a span
        case 1:
          return s.slice(0, i) + pick(junk) + s.slice(i); // insert hostile text
        case 2:
          return s.slice(0, i) + s.slice(i, i + len) + s.slice(i, i + len) + s.slice(i + len); // duplicate
        case 3:
          return s.slice(0, i); // truncate
        case 4:
          return s.replace(/r="([A-Z]*)(\d+)"/g, (m, c: string, d: string) => (rnd() < 0.05 ? `r="${c}${d}${Math.floor(rnd() * 1e9)}"` : m)); // row numbers blown up
        case 5:
          return s.replace(/<v>([^<]*)<\/v>/g, (m) => (rnd() < 0.1 ? pick(["<v></v>", "<v>abc</v>", "<v>1e400</v>", "<v>-</v>", "<v>NaN</v>"]) : m)); // values
        default:
          return s.replace(/<(\/?)([a-zA-Z]+)/g, (m, sl: string, t: string) => (rnd() < 0.02 ? `<${sl}x:${t}` : m)); // stray prefixes
      }
    };
    for (let k = 0; k < XML_MUTATIONS; k++) {
      const parts = new Map<string, Buffer | string>(real);
      const target = k % 3 === 0 ? pick(targets) : pick(targets.filter((t) => /worksheets|sharedStrings/.test(t)));
      let text = real.get(target)!.toString("utf8");
      const n = 1 + Math.floor(rnd() * 3);
      for (let j = 0; j < n; j++) text = mutate(text);
      parts.set(target, text);
      await runCase(`xml-${k}-${target.split("/").pop()}`, rebuild(parts));
    }
  });

  test(`${BYTE_MUTATIONS} random byte mutations of the zip itself (seed ${SEED + 1})`, async () => {
    const rnd = prng(SEED + 1);
    for (let k = 0; k < BYTE_MUTATIONS; k++) {
      const b = Buffer.from(realBytes);
      const flips = 1 + Math.floor(rnd() * 8);
      for (let j = 0; j < flips; j++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      await runCase(`bytes-${k}`, b);
    }
  });

  const bin = join(__dirname, "..", "..", "bin", "chitieu.js");
  (existsSync(join(__dirname, "..", "..", "dist", "cli.js")) ? test : test.skip)("a few through the real CLI process: exit code and message, no stack", () => {
    const files = readdirSync(dir);
    for (const name of ["row-15-digits", "zip-bomb", "xls-signature", "truncated-zip"]) {
      const f = files.find((x) => x.includes(name.replace(/[^a-z0-9-]+/gi, "_")))!;
      const r = spawnSync(process.execPath, [bin, "check", join(dir, f)], { encoding: "utf8", timeout: 30_000 });
      expect([name, r.status]).toEqual([name, expect.any(Number)]);
      expect([0, 1, 2]).toContain(r.status);
      if (r.status === 2) expect(r.stderr).toMatch(VIETNAMESE);
      expect(r.stderr).not.toMatch(ENGLISH_INTERNALS);
    }
  });

  afterAll(() => {
    const byCode = [0, 1, 2].map((c) => outcomes.filter((o) => o.code === c).length);
    const slowest = outcomes.reduce((a, b) => (b.ms > a.ms ? b : a), outcomes[0]);
    // one line for the record: how many files, how they ended, the slowest, the memory peak
    process.stdout.write(`fuzz: ${outcomes.length} files; exit 0/1/2: ${byCode.join("/")}; crashes 0; slowest ${slowest?.name} ${slowest?.ms} ms; peak RSS ${Math.round(maxRss / 1e6)} MB\n`);
    expect(maxRss).toBeLessThan(MAX_RSS);
  });
});
