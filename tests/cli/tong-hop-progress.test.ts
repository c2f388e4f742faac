/**
 * `chitieu tong-hop` as a person runs it from the bundle (bin/chitieu.js): on a terminal (a pseudo
 * terminal made by util-linux `script`) stderr shows "đã đọc n/N tệp" while the files are read and
 * Ctrl+C stops the run between two files, exit 130, nothing written; piped, stderr stays empty.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO_ROOT } from "../support/reference";
import { progressLine } from "../../src/cli/commands/tong-hop";
import { UNITS, writeUnitWorkbook } from "../support/consolidate-fixtures";

const BIN = path.join(REPO_ROOT, "bin", "chitieu.js");
const FILES = 400;
let dir: string;
let input: string;
let small: string;

beforeAll(async () => {
  if (!existsSync(path.join(REPO_ROOT, "dist", "cli.js"))) execFileSync("node", ["scripts/build-cli.mjs"], { cwd: REPO_ROOT });
  dir = mkdtempSync(path.join(tmpdir(), "chitieu-tong-hop-tty-"));
  input = path.join(dir, "cac-xa");
  mkdirSync(input);
  const first = path.join(input, "xa-000.xlsx");
  await writeUnitWorkbook(UNITS[0], first);
  for (let k = 1; k < FILES; k++) copyFileSync(first, path.join(input, `xa-${String(k).padStart(3, "0")}.xlsx`));
  small = path.join(dir, "ba-xa");
  mkdirSync(small);
  for (let k = 0; k < 3; k++) copyFileSync(first, path.join(small, `xa-${k}.xlsx`));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("piped: no progress on stderr, the report on stdout", () => {
  const r = spawnSync("node", [BIN, "tong-hop", small, "-o", path.join(dir, "pipe.xlsx")], { encoding: "utf8" });
  expect(r.status).toBe(0);
  expect(r.stderr).toBe("");
  expect(r.stdout).toContain("Tổng hợp 3 đơn vị");
}, 60_000);

test("on a terminal: the count while reading; Ctrl+C stops between two files, exit 130, nothing written", async () => {
  const out = path.join(dir, "dung.xlsx");
  const cmd = `node ${JSON.stringify(BIN)} tong-hop ${JSON.stringify(input)} -o ${JSON.stringify(out)}`;
  const child = spawn("script", ["-qfec", cmd, "/dev/null"], { stdio: ["pipe", "pipe", "pipe"] });
  let seen = "";
  let sent = false;
  const code = await new Promise<number | null>((resolve) => {
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (d: string) => {
      seen += d;
      // Ctrl+C typed on the terminal once a few files are read
      const counts = [...seen.matchAll(/đã đọc (\d+)\/400 tệp/g)].map((m) => Number(m[1]));
      if (!sent && counts.length && counts[counts.length - 1] >= 3) {
        sent = true;
        child.stdin.write("\x03");
      }
    });
    child.on("close", resolve);
  });
  expect(sent).toBe(true);
  expect(seen).toMatch(/Đang tổng hợp: đã đọc 1\/400 tệp/);
  const stopped = seen.match(/Đã dừng tổng hợp theo yêu cầu sau khi đọc (\d+)\/400 tệp; chưa tạo kết quả nào\./);
  expect(stopped).not.toBeNull();
  expect(Number(stopped![1])).toBeLessThan(FILES);
  expect(code).toBe(130);
  expect(existsSync(out)).toBe(false);
}, 120_000);

test("the progress line is written only to a terminal", () => {
  const written: string[] = [];
  const tty = progressLine({ isTTY: true, write: (s: string) => written.push(s) });
  tty.update(12, 150);
  tty.end();
  expect(written).toEqual(["\rĐang tổng hợp: đã đọc 12/150 tệp", "\r\x1b[K"]);
  const piped: string[] = [];
  const p = progressLine({ isTTY: false, write: (s: string) => piped.push(s) });
  p.update(1, 2);
  p.end();
  expect(piped).toEqual([]);
});
