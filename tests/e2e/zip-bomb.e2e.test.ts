/**
 * Zip bombs chosen in the built page (dist/web, headless Chromium, no Excel) get the CLI's answer for
 * the same file, word for word (the page shows the sentence, then what to do; the CLI prints both on
 * one line), in moments, and the page stays usable: the browser's inflater stops at the CLI's limits
 * (src/adapters/file/inflate.ts) in the page's worker, on the page without a worker, and with JSZip
 * where the browser has no DecompressionStream; and a bomb is never handed to ExcelJS.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { READER_LIMITS } from "../../src/adapters/xlsx/limits";
import { launchBrowser, PAGE_OPTIONS, requireBrowserAndBuild, routeOffline, servePage } from "../support/e2e-browser";
import { deflatedFill, xlsxEntries, zipBytes } from "../support/raw-package";
import { REPO_ROOT } from "../support/reference";
import type { StaticServer } from "./static-server";

let server: StaticServer;
let browser: Browser;
let work: string;

const SHEET_HEAD = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';

/** An .xlsx whose sheet is `size` bytes once inflated, its zip directory declaring `declared`. */
function bomb(name: string, size: number, declared: (size: number) => number): string {
  const fill = deflatedFill(size, SHEET_HEAD);
  const bytes = zipBytes(xlsxEntries({ sheets: [{ name: "Chỉ tiêu", sheetData: "" }] }).map((e) => (e.name === "xl/worksheets/sheet1.xml" ? { name: e.name, deflated: { bytes: fill.bytes, size: declared(fill.size) } } : e)));
  const f = path.join(work, name);
  writeFileSync(f, bytes);
  return f;
}

/** What `chitieu check` says for the file, run in its folder so it names the file as the page does. */
function cliLine(file: string): string {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin", "chitieu.js"), "check", path.basename(file)], { cwd: path.dirname(file), encoding: "utf8", timeout: 60_000 });
  expect(r.status).toBe(2);
  return r.stderr.trim();
}

async function newPage(opts: { noWorker?: boolean; noDecompressionStream?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext(PAGE_OPTIONS);
  await routeOffline(context);
  if (opts.noWorker) await context.addInitScript(() => delete (window as { Worker?: unknown }).Worker);
  if (opts.noDecompressionStream) await context.addInitScript(() => delete (window as { DecompressionStream?: unknown }).DecompressionStream);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("crash", () => errors.push("the page crashed"));
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole("button", { name: "Mở tệp Excel" }).waitFor();
  return { context, page, errors };
}

/** Choose `file` in the page; the time until the CLI's words are shown. */
async function chooseAndSee(page: Page, file: string, words: string): Promise<number> {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Mở tệp Excel" }).click()]);
  const t = Date.now();
  await chooser.setFiles(file);
  await page.getByText(words, { exact: false }).first().waitFor({ timeout: 60_000 });
  return Date.now() - t;
}

/** The page is still there to choose another file, and answers. */
async function stillUsable(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Mở tệp Excel" }).waitFor();
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
}

let honest: string;
let lying: string;

beforeAll(async () => {
  requireBrowserAndBuild();
  if (!existsSync(path.join(REPO_ROOT, "dist", "cli.js"))) execFileSync(process.execPath, [path.join(REPO_ROOT, "scripts", "build-cli.mjs")], { cwd: REPO_ROOT });
  work = mkdtempSync(path.join(os.tmpdir(), "zip-bomb-e2e-"));
  // 505 MB declared as such: refused by the part's limit before anything is inflated
  honest = bomb("bom.xlsx", READER_LIMITS.maxPartBytes + 5_000_000, (size) => size);
  // 4 GB declared as 4 KB: every inflater must stop at 4 KB (inflating it would take the page's memory)
  lying = bomb("bom-doi-kich-thuoc.xlsx", 4_000_000_000, () => 4096);
  server = await servePage();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("a zip bomb chosen in the page gets the CLI's words for the same file", () => {
  test("a bomb that declares its size (505 MB): the part's limit, what to do, as the CLI says", async () => {
    const words = cliLine(honest);
    expect(words).toMatch(/^Tệp "bom\.xlsx": Phần "xl\/worksheets\/sheet1\.xml" trong tệp khi giải nén vượt quá 500 MB/);
    const { context, page, errors } = await newPage();
    expect(await chooseAndSee(page, honest, words)).toBeLessThan(20_000);
    await stillUsable(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("a 4 GB bomb that declares 4 KB, in the page's worker: stopped at 4 KB", async () => {
    const words = cliLine(lying);
    expect(words).toContain("bom nén");
    const { context, page, errors } = await newPage();
    expect(await chooseAndSee(page, lying, words)).toBeLessThan(20_000);
    expect(page.workers().length).toBeGreaterThanOrEqual(1);
    await stillUsable(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("the same bomb without Worker nor DecompressionStream (JSZip on the page): the same words", async () => {
    const words = cliLine(lying);
    const { context, page, errors } = await newPage({ noWorker: true, noDecompressionStream: true });
    expect(await page.evaluate(() => typeof (window as { DecompressionStream?: unknown }).DecompressionStream)).toBe("undefined");
    expect(await chooseAndSee(page, lying, words)).toBeLessThan(30_000);
    expect(page.workers()).toHaveLength(0);
    await stillUsable(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
