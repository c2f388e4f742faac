/**
 * CLI outputs are all-or-nothing and never the input; messages are Vietnamese (technical detail
 * only with --debug); unreadable files say so; the process exits only once a piped --json is out.
 * Each case is a defect of issue 11 that the CLI had before.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildTemplateBytes } from "../../src/adapters/xlsx/template";
import { SAMPLE_INFO } from "../../src/core/sample";
import { runCli } from "../support/cli";
import { odsBytes } from "../support/raw-package";
import { APPENDIX_MAX_ROWS } from "../../src/cli/output";

const root = join(__dirname, "..", "..");
const bin = join(root, "bin", "chitieu.js");
const builtCli = existsSync(join(root, "dist", "cli.js"));
const dir = mkdtempSync(join(tmpdir(), "chitieu-out-"));
let input: string;
beforeAll(async () => {
  input = join(dir, "chi-tieu.xlsx");
  writeFileSync(input, await buildTemplateBytes({ info: SAMPLE_INFO, sample: true }));
});

test("appendix -o a.xlsx --docx missing/dir/b.docx: exit 2, a.xlsx not left behind, nothing else in the folder", async () => {
  const out = join(dir, "aon");
  mkdirSync(out);
  const r = await runCli(["appendix", input, "-o", join(out, "a.xlsx"), "--docx", join(out, "khong-co", "b.docx")]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`thư mục "${join(out, "khong-co")}" không có`);
  expect(readdirSync(out)).toEqual([]);
});

test("an output that is a folder: refused before any work, nothing written, no temp files", async () => {
  const out = join(dir, "aon2");
  mkdirSync(out);
  mkdirSync(join(out, "b.docx"));
  const r = await runCli(["appendix", input, "-o", join(out, "a.xlsx"), "--docx", join(out, "b.docx"), "--force"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("là một thư mục");
  expect(readdirSync(out)).toEqual(["b.docx"]);
});

test("-o a hard link to the input, even with --force: refused, input untouched", async () => {
  const link = join(dir, "lien-ket.xlsx");
  linkSync(input, link);
  const before = readFileSync(input);
  const r = await runCli(["appendix", input, "-o", link, "--force"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("trùng với tệp vào");
  expect(readFileSync(input).equals(before)).toBe(true);
  const r2 = await runCli(["appendix", input, "-o", join(dir, "khac.xlsx"), "--docx", join(dir, ".", "lien-ket.docx")]);
  expect(r2.code).toBe(0);
});

test("template and demo write through the same helper: no temp file left, existing file kept without --force", async () => {
  const out = join(dir, "tpl");
  mkdirSync(out);
  writeFileSync(join(out, "mau.xlsx"), "của tôi");
  expect((await runCli(["template", "-o", join(out, "mau.xlsx")])).code).toBe(2);
  expect(readFileSync(join(out, "mau.xlsx"), "utf8")).toBe("của tôi");
  expect((await runCli(["template", "-o", join(out, "moi.xlsx")])).code).toBe(0);
  expect((await runCli(["demo", "--out", join(out, "demo")])).code).toBe(0);
  expect(readdirSync(out).sort()).toEqual(["demo", "mau.xlsx", "moi.xlsx"]);
  expect(readdirSync(join(out, "demo")).sort()).toEqual([".chitieu-demo", "kiem-tra.txt", "phu-luc.docx", "phu-luc.xlsx"]);
});

test("an .ods goes through check like an .xlsx", async () => {
  const c = (t: string) => `<table:table-cell office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;
  const n = (v: number) => `<table:table-cell office:value-type="float" office:value="${v}"/>`;
  const row = (...x: string[]) => `<table:table-row>${x.join("")}</table:table-row>`;
  const f = join(dir, "bang.ods");
  writeFileSync(
    f,
    odsBytes([{ name: "Chỉ tiêu", rows: [row(c("TT"), c("Chỉ tiêu"), c("ĐVT"), c("Chỉ tiêu Nghị quyết"), c("Kết quả thực hiện"), c("Đánh giá")), row(c("1"), c("Tỷ lệ che phủ rừng"), c("%"), c("&gt; 6"), n(6.5), c("Chưa đạt"))] }]),
  );
  const r = await runCli(["check", f]);
  expect(r.stdout).toContain('Trang "Chỉ tiêu": 1 chỉ tiêu');
  expect(r.code).toBe(1); // the sheet says Chưa đạt, 6,5 > 6 is Đạt
});

test("messages name the problem in Vietnamese; the English detail only with --debug", async () => {
  const bad = join(dir, "hong.xlsx");
  writeFileSync(bad, Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(64)]));
  const r = await runCli(["check", bad]);
  expect(r.code).toBe(2);
  expect(r.stderr).not.toMatch(/Error|undefined|ENOENT|at \S+:\d+/);
  const missing = await runCli(["check", join(dir, "khong-co.xlsx"), "--debug"]);
  expect(missing.stderr).toContain("Không tìm thấy tệp");
  expect(missing.stderr).toMatch(/\[debug\] .*ENOENT/);
  const noDebug = await runCli(["check", join(dir, "khong-co.xlsx")]);
  expect(noDebug.stderr).not.toContain("ENOENT");
});

test("a file without read permission says 'không có quyền đọc', not 'không tìm thấy'", async () => {
  const secret = join(dir, "bi-mat");
  mkdirSync(secret, { mode: 0o755 });
  const f = join(secret, "chi-tieu.xlsx");
  writeFileSync(f, readFileSync(input), { mode: 0o600 });
  chmodSync(f, 0o000);
  // root reads any file: drop to "nobody" (effective uid only, restored right after) for this read
  const asRoot = process.getuid?.() === 0 && typeof process.seteuid === "function";
  if (asRoot) process.seteuid!(65534);
  let r: Awaited<ReturnType<typeof runCli>>;
  try {
    r = await runCli(["check", f]);
  } finally {
    if (asRoot) process.seteuid!(0);
  }
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`Không có quyền đọc tệp "${f}"`);
  expect(r.stderr).not.toContain("Không tìm thấy");
});

(builtCli ? test : test.skip)("a --json of more than 1 MB piped into a slow reader arrives whole, exit code kept", () => {
  const big = join(dir, "nhieu.xlsx");
  execFileSync(process.execPath, [join(root, "scripts", "make-big-workbook.mjs"), "4000", big]);
  const reader = `setTimeout(() => { let n = 0; process.stdin.on("data", (d) => (n += d.length)).on("end", () => process.stdout.write(String(n))); }, 700)`;
  const script = `"${process.execPath}" "${bin}" check "${big}" --json | "${process.execPath}" -e '${reader}'; echo " \${PIPESTATUS[0]}"`;
  const out = execFileSync("bash", ["-c", script], { encoding: "utf8" }).trim().split(/\s+/);
  const direct = execFileSync("bash", ["-c", `"${process.execPath}" "${bin}" check "${big}" --json > "${join(dir, "nhieu.json")}"; echo $?`], { encoding: "utf8" }).trim();
  const full = readFileSync(join(dir, "nhieu.json"));
  expect(full.length).toBeGreaterThan(1_000_000);
  expect(JSON.parse(full.toString("utf8")).indicators).toHaveLength(4000);
  expect(Number(out[0])).toBe(full.length);
  expect(out[1]).toBe(direct);
});

test("a table too big for the chosen format is refused before rendering, with its size and the limit", async () => {
  const big = join(dir, "lon.xlsx");
  const rows = Math.max(APPENDIX_MAX_ROWS.docx, APPENDIX_MAX_ROWS.xlsx) + 10;
  execFileSync(process.execPath, [join(root, "scripts", "make-big-workbook.mjs"), String(rows), big]);
  const out = join(dir, "lon-out");
  mkdirSync(out);
  const r = await runCli(["appendix", big, "-o", join(out, "a.xlsx"), "--docx", join(out, "a.docx")]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`Bảng có ${rows.toLocaleString("de-DE")} dòng chỉ tiêu; phụ lục .xlsx chỉ lập được tối đa ${APPENDIX_MAX_ROWS.xlsx.toLocaleString("de-DE")} dòng`);
  expect(r.stderr).toContain("Hãy tách bảng thành nhiều tệp");
  expect(readdirSync(out)).toEqual([]);
});
