/**
 * The built page (dist/web) in headless Chromium, without Excel: a chosen file is read and checked
 * in the page's Web Worker. The results are those of the file port read on the page (ExcelJS, the
 * path the page took before), computed here in Node: the overview's state and the findings'
 * counts; the steps are shown in the live region as they go; a broken file gets its Vietnamese
 * sentence naming it; and a browser without Worker gets the same results on the page.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, PAGE_OPTIONS, requireBrowserAndBuild, routeOffline, servePage } from "../support/e2e-browser";
import { referenceSheetRows, titleRows } from "../support/workbook-fixtures";
import { writeRealisticWorkbook } from "../support/realistic-workbook";
import type { StaticServer } from "./static-server";
import { FileWorkbookPort } from "../../src/adapters/file/file-workbook";
import { openWorkbook, type OpenedWorkbook } from "../../src/app/open-workbook";
import { workbookState } from "../../src/taskpane/workbook-state";


let server: StaticServer;
let browser: Browser;
let work: string;
let reference: string;
let large: string;
let bad: string;

/** The live region's texts as they change, from the moment a file is chosen. */
function recordLiveRegion(): void {
  const w = window as unknown as { __live: string[] };
  w.__live = [];
  new MutationObserver(() => {
    const t = document.querySelector("main [aria-live]")?.textContent ?? "";
    if (t && t !== w.__live[w.__live.length - 1]) w.__live.push(t);
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

async function newPage(opts: { noWorker?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext(PAGE_OPTIONS);
  await routeOffline(context);
  await context.addInitScript(recordLiveRegion);
  if (opts.noWorker) await context.addInitScript(() => delete (window as { Worker?: unknown }).Worker);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole("button", { name: "Mở tệp Excel" }).waitFor();
  return { context, page, errors };
}

async function choose(page: Page, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Mở tệp Excel" }).click()]);
  await chooser.setFiles(file);
}

/** What the page showed before this change: the file port (ExcelJS) opened and checked, here in Node. */
async function portResults(file: string): Promise<OpenedWorkbook> {
  return openWorkbook(await FileWorkbookPort.open(path.basename(file), new Uint8Array(readFileSync(file))));
}

/** The overview's list and the findings' counts as the page shows them, equal to those computed from `o`. */
async function expectResults(page: Page, o: OpenedWorkbook): Promise<void> {
  await page.getByRole("heading", { level: 2, name: "Tổng quan" }).waitFor();
  await page.locator("main[aria-busy='false']").waitFor();
  const list = await page.getByRole("list", { name: "Tình trạng sổ làm việc" }).innerText();
  const { items, next } = workbookState(o.analysis, o.sheets, null);
  for (const i of items) expect(list).toContain(i.text);
  await page.getByRole("button", { name: next.label }).first().waitFor();
  const errors = o.analysis!.findings.filter((f) => f.severity === "error").length;
  const warnings = o.analysis!.findings.filter((f) => f.severity === "warning").length;
  await page.getByRole("navigation", { name: "Các việc", exact: true }).getByRole("button", { name: /^Kiểm tra/ }).click();
  await page.getByRole("region", { name: `Lỗi (${errors})` }).waitFor();
  await page.getByRole("region", { name: `Cảnh báo (${warnings})` }).waitFor();
}

beforeAll(async () => {
  requireBrowserAndBuild();
  work = mkdtempSync(path.join(os.tmpdir(), "file-worker-e2e-"));
  // the reference appendix after a title block, as offices keep it
  reference = path.join(work, "bao-loc-2023.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Chỉ tiêu");
  const title = titleRows();
  [...title.rows, ...referenceSheetRows()].forEach((r, i) => {
    if (r.length) ws.getRow(i + 1).values = r as ExcelJS.CellValue[];
  });
  for (const m of title.merges) ws.mergeCells(m);
  await wb.xlsx.writeFile(reference);
  large = path.join(work, "bang-3000-dong.xlsx");
  await writeRealisticWorkbook(large, 3000);
  bad = path.join(work, "hong.xlsx");
  writeFileSync(bad, "không phải sổ Excel");
  server = await servePage();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("a file chosen in the page is read and checked in a Web Worker", () => {
  test("the reference workbook: the results the file port gives, from the worker", async () => {
    const { context, page, errors } = await newPage();
    await choose(page, reference);
    await expectResults(page, await portResults(reference));
    // the work ran in a worker of the page
    expect(page.workers().length).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("a 3 000-row workbook: its steps are shown in the live region, then the same results", async () => {
    const { context, page, errors } = await newPage();
    await choose(page, large);
    const expected = await portResults(large);
    await expectResults(page, expected);
    const live: string[] = await page.evaluate(() => (window as unknown as { __live: string[] }).__live);
    const steps = live.filter((t) => /^Đang /.test(t));
    // at least the reading and one step of the check, with how far along (a percentage)
    expect(steps.some((t) => /^Đang đọc tệp “bang-3000-dong\.xlsx”…/.test(t))).toBe(true);
    expect(steps.some((t) => /^Đang (nhận diện bảng chỉ tiêu \([\d.]+ dòng\)|đánh giá [\d.]+ chỉ tiêu|kiểm tra [\d.]+ chỉ tiêu)… \d+%/.test(t))).toBe(true);
    expect(live.some((t) => t.includes("Đã mở tệp “bang-3000-dong.xlsx”"))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("a broken file: the Vietnamese sentence naming it, and what to do", async () => {
    const { context, page, errors } = await newPage();
    await choose(page, bad);
    await page.getByText(/Tệp "hong\.xlsx" không phải là tệp Excel \.xlsx hay bảng tính \.ods/).waitFor();
    await page.getByText(/Chọn (một )?tệp \.xlsx/).waitFor();
    // the page is still there to choose another file
    await page.getByRole("button", { name: "Mở tệp Excel" }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test("a browser without Worker: the page does the same work itself", async () => {
    const { context, page, errors } = await newPage({ noWorker: true });
    expect(await page.evaluate(() => typeof (window as { Worker?: unknown }).Worker)).toBe("undefined");
    await choose(page, reference);
    await expectResults(page, await portResults(reference));
    expect(page.workers()).toHaveLength(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
