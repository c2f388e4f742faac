/**
 * The built task pane (dist/web/taskpane.html) in headless Chromium, as a browser without Excel:
 * office.js can't load (every non-local request is aborted), so the page runs in standalone mode.
 * The test opens the reference workbook, walks every job through the navigation by role and
 * accessible name (mouse), checks the findings, fills the Đánh giá column, makes the appendix and
 * checks the downloaded files; a second walk uses the keyboard only (Tab, Enter, Space). Every view
 * gets the accessibility check of a11y.ts (axe-core when installed). Screenshots at 320, 360 and
 * 800 px go to test-artifacts/; with UPDATE_SCREENSHOTS=1 the 360 px ones used by docs/huong-dan.md
 * are written to docs/img/ as well (so a normal run never changes the tree).
 */
import { execSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { chromium, type BrowserContext, type Download, type Locator, type Page } from "playwright-core";
import { loadReferenceIndicators, loadReferenceRows, REPO_ROOT } from "../support/reference";
import { toCellValue } from "../../src/core/sample";
import { serveStatic, type StaticServer } from "./static-server";
import { installFakeOffice, type FakeExcelLog } from "./fake-office";
import { accessibilityProblems, tabOrder } from "./a11y";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const DIST = process.env.TASKPANE_DIST ? path.resolve(process.env.TASKPANE_DIST) : path.join(REPO_ROOT, "dist", "web");
const ARTIFACTS = path.join(REPO_ROOT, "test-artifacts");
const DOC_IMAGES = path.join(REPO_ROOT, "docs", "img");
const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === "1";
/** the jobs of the pane's navigation, in order (src/taskpane/jobs.ts) */
const JOBS = ["Bảng chỉ tiêu", "Kiểm tra", "Cột Đánh giá", "Triển vọng", "Phụ lục", "Văn bản báo cáo", "Soát dự thảo", "Tổng hợp đơn vị"];
/** the jobs whose view is wired in this build (the others show "chưa có") */
const WIRED = JOBS;
const SHEET = "Chỉ tiêu";
const HEADER_ROW = 3;
const COLUMNS = ["A", "B", "C", "D", "E", "F"];

let server: StaticServer;
let context: BrowserContext;
let page: Page;
let work: string;
let workbookPath: string;
const pageErrors: string[] = [];
const blocked: string[] = [];

/** The reference sheet as rows from A1: a title, a blank row, the header, the 33 rows. */
function referenceValues(): unknown[][] {
  const header = readFileSync(path.join(REPO_ROOT, "tests", "fixtures", "reference", "bao-loc-2023-phu-luc.tsv"), "utf8").split(/\r?\n/)[0].split("\t");
  return [
    ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU THEO NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ LẦN THỨ VI"],
    [],
    header,
    ...loadReferenceRows().map((r) => [r.tt || null, r.name, r.unit || null, toCellValue(r.target), toCellValue(r.actual), r.reported || null]),
  ];
}

/** 1-based sheet row of the first reference row matching */
function referenceRow(match: (r: ReturnType<typeof loadReferenceRows>[number]) => boolean): number {
  return HEADER_ROW + 1 + loadReferenceRows().findIndex(match);
}

/** The reference appendix as offices keep it: title rows, then TT | CHỈ TIÊU | ĐVT | target | result | status. */
async function writeReferenceWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  referenceValues().forEach((row, i) => {
    if (row.length) ws.getRow(i + 1).values = row as ExcelJS.CellValue[];
  });
  ws.mergeCells("A1:F1");
  ws.columns.forEach((c, i) => (c.width = [6, 60, 10, 16, 14, 14][i]));
  await wb.xlsx.writeFile(file);
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  return String(v);
}

async function download(action: () => Promise<void>): Promise<{ download: Download; file: string }> {
  const [d] = await Promise.all([page.waitForEvent("download"), action()]);
  const file = path.join(work, d.suggestedFilename());
  await d.saveAs(file);
  return { download: d, file };
}

/** Horizontal scrolling, in px, once the layout has settled (the job list moves in or out when the width crosses 640 px). */
async function overflowOf(on: Page): Promise<number> {
  await on.waitForTimeout(250);
  return on.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));
}

async function screenshot(name: string, on: Page = page): Promise<void> {
  // nothing wider than the pane: no horizontal scrolling at 320 px
  const overflow = await overflowOf(on);
  expect({ name, overflow }).toEqual({ name, overflow: 0 });
  await on.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true, animations: "disabled" });
}

/**
 * The 360 px picture of a view for docs/huong-dan.md: checked for horizontal scrolling always,
 * written to docs/img/ only with UPDATE_SCREENSHOTS=1 (to test-artifacts/ otherwise).
 */
async function docShot(name: string, on: Page = page, fullPage = true): Promise<void> {
  const size = on.viewportSize()!;
  await on.setViewportSize({ width: 360, height: 780 });
  const overflow = await overflowOf(on);
  expect({ name, overflow }).toEqual({ name, overflow: 0 });
  const height = await on.evaluate(() => document.documentElement.scrollHeight);
  const clip = fullPage ? { x: 0, y: 0, width: 360, height: Math.min(height, 1600) } : undefined;
  const file = path.join(UPDATE_SCREENSHOTS ? DOC_IMAGES : ARTIFACTS, `${name}.png`);
  await on.screenshot({ path: file, clip, fullPage, animations: "disabled" });
  await on.setViewportSize(size);
}

/** The accessibility check of what the page shows now: no serious or critical problem. */
async function accessible(view: string, on: Page = page): Promise<void> {
  const problems = await accessibilityProblems(on);
  expect({ view, problems }).toEqual({ view, problems: [] });
}

/** Open a job (or "Tổng quan") through the navigation, with the mouse. */
async function goTo(name: string, on: Page = page): Promise<void> {
  const nav = on.getByRole("navigation", { name: "Các việc", exact: true });
  const button = on.getByRole("button", { name: "Các việc", exact: true });
  // wide pane: the list is beside the view; narrow: behind the "Các việc" button. The layout may be
  // between the two for a moment (after a resize, while a notice or dialog closes): look again
  // until one of them is there, closing a leftover dialog with Esc.
  // the list may also be drawn again while its item is clicked (the item detached): open it and click again
  for (let attempt = 1; ; attempt++) {
    for (let tries = 0; !(await nav.isVisible()); tries++) {
      if (await button.isVisible()) {
        // the button may give way to the inline list as we click: look again rather than wait on it
        await button.click({ timeout: 2000 }).catch(() => undefined);
        await nav.waitFor({ timeout: 2000 }).catch(() => undefined);
        continue;
      }
      if (tries > 100) throw new Error(`neither the job list nor its button is shown (looking for "${name}")`);
      if (tries % 10 === 9) await on.keyboard.press("Escape");
      await on.waitForTimeout(100);
    }
    const item = nav.getByRole("button", { name: new RegExp(`^${name}( \\(chưa có\\))?$`) });
    const clicked = await item.click({ timeout: 5000 }).then(() => true, (e: unknown) => (attempt >= 5 ? Promise.reject(e) : false));
    if (clicked) break;
  }
  await on.getByRole("heading", { level: 2, name, exact: true }).waitFor();
}

/** Wait until a control shows exactly this text (the work behind a click may still be starting). */
async function shows(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }).waitFor();
}

/** Wait until no long work runs (the ProgressBar is gone). */
async function idle(): Promise<void> {
  await page.locator("main[aria-busy='false']").waitFor();
}

/** Press Tab until `target` has the focus (keyboard only); fails when it is not reached. */
async function tabTo(on: Page, target: Locator, max = 60): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await on.keyboard.press("Tab");
  }
  throw new Error(`Tab did not reach ${target}`);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium không có ở ${CHROMIUM}: cài gói Debian "chromium" (apt-get install chromium; .ci/run làm việc này) hoặc đặt CHROMIUM_PATH. Bài kiểm tra trình duyệt không được bỏ qua.`,
    );
  }
  if (!existsSync(path.join(DIST, "taskpane.html"))) {
    execSync("npx webpack --mode production", { cwd: REPO_ROOT, stdio: "inherit" });
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  if (UPDATE_SCREENSHOTS) mkdirSync(DOC_IMAGES, { recursive: true });
  work = mkdtempSync(path.join(os.tmpdir(), "taskpane-e2e-"));
  workbookPath = path.join(work, "bao-loc-2023.xlsx");
  await writeReferenceWorkbook(workbookPath);
  server = await serveStatic(DIST);
  // a fresh profile for every run (launchPersistentContext passes it as --user-data-dir)
  context = await chromium.launchPersistentContext(path.join(work, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    acceptDownloads: true,
    viewport: { width: 800, height: 900 },
    locale: "vi-VN",
    reducedMotion: "reduce",
  });
  // nothing leaves the machine: office.js from the CDN is refused, so the page runs standalone
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.protocol === "blob:" || url.protocol === "data:") return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => pageErrors.push(String(e)));
}, 300_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("task pane in a browser without Excel", () => {
  const indicators = loadReferenceIndicators();

  test("starts in standalone mode with a keyboard-reachable “Mở tệp Excel”", async () => {
    await page.goto(`${server.url}/taskpane.html`);
    const open = page.getByRole("button", { name: "Mở tệp Excel" });
    await open.waitFor();
    expect(blocked.some((u) => u.includes("appsforoffice.microsoft.com"))).toBe(true);
    expect(await page.evaluate(() => document.documentElement.dataset.mode)).toBe("standalone");
    // keyboard: Tab reaches the button
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await open.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot("taskpane-320-0-bat-dau");
    await page.setViewportSize({ width: 800, height: 900 });
    await screenshot("taskpane-800-0-bat-dau");
    await accessible("Bắt đầu");
    await docShot("00-bat-dau");
  });

  test("a file that is not an .xlsx gives an error that says what to do", async () => {
    const bad = path.join(work, "khong-phai.xlsx");
    writeFileSync(bad, "đây không phải tệp Excel");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Mở tệp Excel" }).click()]);
    await chooser.setFiles(bad);
    await idle();
    const message = page.getByText(/Tệp "khong-phai.xlsx" không phải là tệp Excel .xlsx hay bảng tính .ods/);
    await message.waitFor();
    await page.getByText(/Chọn (một )?tệp .xlsx/).waitFor();
    await page.getByRole("button", { name: "Đóng thông báo lỗi" }).click();
    await message.waitFor({ state: "detached" });
  });

  test("opens the reference workbook and shows the table and its columns", async () => {
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Mở tệp Excel" }).click()]);
    await chooser.setFiles(workbookPath);
    await page.getByRole("heading", { level: 2, name: "Tổng quan" }).waitFor();
    await idle();
    await expect(page.getByText(`Tệp: ${path.basename(workbookPath)}`).isVisible()).resolves.toBe(true);
    // the start view: the workbook's state in words (never colour alone) and the next action
    const state = page.getByRole("list", { name: "Tình trạng sổ làm việc" });
    const stateText = await state.innerText();
    expect(stateText).toContain(`Bảng chỉ tiêu: xong\n${indicators.length} chỉ tiêu, trang “${SHEET}”.`);
    const errorCount = Number(/Kiểm tra: cần xem\n(\d+) lỗi/.exec(stateText)?.[1]);
    expect(errorCount).toBeGreaterThanOrEqual(3);
    expect(stateText).toMatch(/Cột Đánh giá: chưa làm\nĐã điền đủ \d+\/\d+ ô; \d+ ô khác với số liệu\./);
    expect(stateText).toContain("Phụ lục: chưa làm");
    await page.getByRole("button", { name: `Xem ${errorCount} lỗi` }).waitFor();
    await accessible("Tổng quan");
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot("taskpane-320-tong-quan");
    await page.setViewportSize({ width: 800, height: 900 });
    await screenshot("taskpane-800-tong-quan");
    await docShot("01-tong-quan-co-loi");
    await goTo("Bảng chỉ tiêu");
    await page.getByText(`${indicators.length} chỉ tiêu`).first().waitFor();
    const sheet = page.getByRole("combobox", { name: "Trang tính có bảng chỉ tiêu" });
    await expect(sheet.textContent()).resolves.toContain(SHEET);
    const target = page.getByRole("combobox", { name: "Chỉ tiêu Nghị quyết" });
    await expect(target.textContent()).resolves.toBe("D · Chỉ tiêu Nghị quyết ĐH VI");
    await expect(page.getByRole("combobox", { name: "Kết quả thực hiện" }).textContent()).resolves.toBe("E · Kết quả thực hiện");
    await expect(page.getByRole("combobox", { name: "Đánh giá", exact: true }).textContent()).resolves.toBe("F · So sánh NQ ĐH VI");
    await screenshot("taskpane-800-1-bang-chi-tieu");
    await accessible("Bảng chỉ tiêu");
    await docShot("02-bang-chi-tieu");
  });

  test("a column can be corrected with its dropdown, and reset", async () => {
    const unit = page.getByRole("combobox", { name: "Đơn vị tính (ĐVT)" });
    await expect(unit.textContent()).resolves.toBe("C · ĐVT");
    await unit.click();
    await page.getByRole("option", { name: "(không có)" }).click();
    await idle();
    await shows(unit, "(không có)");
    await page.getByRole("button", { name: "Nhận lại cột tự động" }).click();
    await idle();
    await shows(page.getByRole("combobox", { name: "Đơn vị tính (ĐVT)" }), "C · ĐVT");
  });

  test("Kiểm tra lists the reference errors, grouped by severity, with counts", async () => {
    await goTo("Kiểm tra");
    const errors = page.getByRole("region", { name: /^Lỗi \(\d+\)$/ });
    await errors.waitFor();
    const errorText = await errors.innerText();
    // 57/66 is 86,36%, not 88,14%
    expect(errorText).toContain("86,36%");
    expect(errorText).toContain("57/66");
    // "> 98" with 98 marked Đạt
    const mismatch = errors.getByRole("button", { name: /ghi "Đạt" nhưng theo số liệu là "Chưa đạt"/i });
    await expect(mismatch.count()).resolves.toBeGreaterThanOrEqual(1);
    expect(await mismatch.first().innerText()).toMatch(/trên 98/);
    const warnings = page.getByRole("region", { name: /^Cảnh báo \(\d+\)$/ });
    expect(await warnings.innerText()).toMatch(/> 98/);
    // counts by status and by area
    const byStatus = page.getByRole("region", { name: "Số chỉ tiêu theo trạng thái" });
    expect(await byStatus.innerText()).toMatch(new RegExp(`\\d+/${indicators.length} chỉ tiêu đạt`));
    const byArea = page.getByRole("region", { name: "Số chỉ tiêu đạt theo lĩnh vực" });
    const areaText = await byArea.innerText();
    for (const a of ["Kinh tế", "Văn hóa - xã hội", "Môi trường", "Xây dựng Đảng"]) expect(areaText).toContain(a);
    // suggested prose for the report, one sentence per indicator, and a way to copy it
    const prose = await page.getByRole("textbox", { name: "Đoạn văn gợi ý" }).inputValue();
    expect(prose).toMatch(/^1\. Các chỉ tiêu chủ yếu\n\nCó \d+\/\d+ chỉ tiêu đạt/);
    expect(prose).toContain("- Tỷ lệ hộ nghèo ở mức 0,37% (Nghị quyết 0,2%, theo tiêu chí cũ).");
    expect(prose).not.toContain("—");
    expect(prose.match(/\(Nghị quyết /g)).toHaveLength(indicators.length);
    await page.getByRole("button", { name: "Sao chép đoạn văn" }).click();
    await page.getByRole("status").filter({ hasText: /Đã sao chép|Đã chọn đoạn văn/ }).first().waitFor();
    await accessible("Kiểm tra");
    await docShot("03-kiem-tra");
    // clicking a finding makes its cell the active one (in a browser: of the file to be saved)
    const finding = errors.getByRole("button").first();
    const findingId = await finding.getAttribute("id");
    await finding.click();
    await idle();
    await page.getByText(/Ô E\d+ \(trang “Chỉ tiêu”\) được đặt làm ô hiện hành/).waitFor();
    await screenshot("taskpane-800-2-kiem-tra");
    // ... and back: from another view, "Về lỗi này" returns to the finding, focused
    await goTo("Tổng quan");
    await page.getByRole("button", { name: "Về lỗi này" }).click();
    await page.getByRole("heading", { level: 2, name: "Kiểm tra" }).waitFor();
    await page.waitForFunction((id) => document.activeElement?.id === id, findingId);
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot("taskpane-320-2-kiem-tra");
    await page.setViewportSize({ width: 800, height: 900 });
  });

  let changedInDialog = 0;

  test("Cột Đánh giá says how many cells change, and can be cancelled", async () => {
    await goTo("Cột Đánh giá");
    await accessible("Cột Đánh giá");
    await docShot("04-cot-danh-gia");
    await page.getByRole("button", { name: "Điền cột Đánh giá" }).click();
    const dialog = page.getByRole("dialog", { name: "Ghi cột Đánh giá?" });
    await dialog.waitFor();
    const text = await dialog.innerText();
    const m = /Sẽ thay đổi (\d+) ô ở cột F/.exec(text);
    expect(m).not.toBeNull();
    changedInDialog = Number(m![1]);
    expect(changedInDialog).toBeGreaterThanOrEqual(1);
    // the dialog shows the changes: the "> 98" row goes from Đạt to Chưa đạt
    const row98 = referenceRow((r) => r.target === "> 98" && r.actual === "98");
    expect(await dialog.getByRole("list", { name: "Các ô sẽ thay đổi" }).innerText()).toContain(`F${row98}: “Đạt” → “Chưa đạt”`);
    await screenshot("taskpane-800-3-xac-nhan");
    await accessible("Cột Đánh giá: hộp xác nhận");
    await dialog.getByRole("button", { name: "Hủy" }).click();
    await dialog.waitFor({ state: "detached" });
    // confirm this time
    await page.getByRole("button", { name: "Điền cột Đánh giá" }).click();
    await dialog.getByRole("button", { name: `Ghi ${changedInDialog} ô` }).click();
    await idle();
    await page.getByText(`Đã ghi ${changedInDialog} ô ở cột F`).waitFor();
    // a second run has nothing left to change
    await page.getByRole("button", { name: "Điền cột Đánh giá" }).click();
    await idle();
    await page.getByText("không có ô nào cần thay đổi").waitFor();
  });

  test("Phụ lục makes new sheets (never overwriting) and both files download", async () => {
    await goTo("Phụ lục");
    await accessible("Phụ lục");
    await page.getByRole("combobox", { name: "Thể thức" }).click();
    await page.getByRole("option", { name: /05-HD\/VPTW/ }).click();
    const kemTheo = "(Kèm theo Báo cáo số 203-BC/ThU, ngày 25/5/2023 của Thành ủy)";
    await page.getByRole("textbox", { name: "Dòng “Kèm theo …”" }).fill(kemTheo);
    await page.getByRole("radio", { name: "Ngang" }).check();
    await page.getByRole("button", { name: "Tạo trang phụ lục" }).click();
    await idle();
    await page.getByText("Đã tạo trang “Phụ lục 1”.").waitFor();
    await page.getByRole("button", { name: "Tạo trang phụ lục" }).click();
    await idle();
    await page.getByText("Đã tạo trang “Phụ lục 1 (2)”.").waitFor();
    await screenshot("taskpane-800-4-phu-luc");
    await docShot("05-phu-luc");
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot("taskpane-320-4-phu-luc");
    await page.setViewportSize({ width: 800, height: 900 });

    const xlsx = await download(() => page.getByRole("button", { name: "Tải .xlsx" }).click());
    expect(xlsx.download.suggestedFilename()).toBe("phu-luc-1.xlsx");
    await page.getByText("Đã tải về tệp “phu-luc-1.xlsx”.").waitFor();
    const wb = await readWorkbook(xlsx.file);
    const ws = wb.worksheets[0];
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(cellText(c.value))));
    expect(texts).toContain(kemTheo);
    // every indicator, in order
    let at = -1;
    for (const r of indicators) {
      const name = r.name.replace(/^[-+]\s*/, "");
      const i = texts.findIndex((t, k) => k > at && t.includes(name.slice(0, 30)));
      expect({ name, found: i > at }).toEqual({ name, found: true });
      at = i;
    }

    const docx = await download(() => page.getByRole("button", { name: "Tải .docx" }).click());
    expect(docx.download.suggestedFilename()).toBe("phu-luc-1.docx");
    const zip = await JSZip.loadAsync(readFileSync(docx.file));
    const xml = await zip.file("word/document.xml")!.async("string");
    const plain = xml.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"');
    for (const r of indicators) expect(plain).toContain(r.name.replace(/^[-+]\s*/, "").slice(0, 30));
  });

  test("the saved workbook changed only the Đánh giá column, and keeps the appendices and settings", async () => {
    const saved = await download(() => page.getByRole("button", { name: "Lưu tệp đã sửa" }).click());
    const before = await readWorkbook(workbookPath);
    const after = await readWorkbook(saved.file);
    const names = after.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
    expect(names).toEqual([SHEET, "Phụ lục 1", "Phụ lục 1 (2)"]);
    const a = before.getWorksheet(SHEET)!;
    const b = after.getWorksheet(SHEET)!;
    let changed = 0;
    for (let r = 1; r <= Math.max(a.rowCount, b.rowCount); r++) {
      for (const col of COLUMNS) {
        const x = cellText(a.getCell(`${col}${r}`).value);
        const y = cellText(b.getCell(`${col}${r}`).value);
        if (col !== "F") expect({ cell: `${col}${r}`, value: y }).toEqual({ cell: `${col}${r}`, value: x });
        else if (x !== y) changed++;
      }
    }
    expect(changed).toBe(changedInDialog);
    // the "> 98" row with 98: now Chưa đạt
    const row98 = referenceRow((r) => r.target === "> 98" && r.actual === "98");
    expect(cellText(a.getCell(`F${row98}`).value)).toBe("Đạt");
    expect(cellText(b.getCell(`F${row98}`).value)).toBe("Chưa đạt");
    // settings kept in the workbook (hidden), so the next person gets the same
    const hidden = after.worksheets.find((w) => w.state !== "visible");
    expect(hidden).toBeDefined();
    expect(JSON.parse(cellText(hidden!.getCell("A1").value))).toMatchObject({ layout: "dang-2026", kemTheo: expect.stringContaining("203-BC/ThU") });
  });

  test("Tạo bảng mẫu adds the template beside the user's sheets and reads it", async () => {
    await goTo("Bảng chỉ tiêu");
    await page.getByRole("button", { name: "Tạo bảng mẫu" }).click();
    await idle();
    await page.getByText("Đã thêm trang “Chỉ tiêu (2)” theo mẫu").waitFor();
    await expect(page.getByRole("combobox", { name: "Trang tính có bảng chỉ tiêu" }).textContent()).resolves.toContain("Chỉ tiêu (2)");
    await expect(page.getByRole("combobox", { name: "Chỉ tiêu Nghị quyết" }).textContent()).resolves.toMatch(/^[A-Z]+ · Chỉ tiêu Nghị quyết$/);
    await page.getByText(/\d+ chỉ tiêu/).first().waitFor();
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot("taskpane-320-1-bang-mau");
    await page.setViewportSize({ width: 800, height: 900 });
  });

  test("every view: reached from the navigation, its “?” help, the accessibility check, 320/360/800 px", async () => {
    for (const width of [320, 360, 800]) {
      await page.setViewportSize({ width, height: 800 });
      for (const name of ["Tổng quan", ...JOBS]) {
        await goTo(name);
        await idle();
        const overflow = await overflowOf(page);
        expect({ width, name, overflow }).toEqual({ width, name, overflow: 0 });
        await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-${width}-viec-${JOBS.indexOf(name) + 1}.png`), fullPage: true, animations: "disabled" });
        if (width !== 360) continue;
        await accessible(name);
        // the "?": what it does, what it needs, an example
        await page.getByRole("button", { name: `Trợ giúp: ${name}` }).click();
        const help = page.getByRole("dialog", { name });
        await help.waitFor();
        const text = await help.innerText();
        for (const part of ["Làm gì", "Cần gì trong trang tính", "Ví dụ"]) expect(text).toContain(part);
        await accessible(`${name}: trợ giúp`);
        if (name === "Tổng quan") await docShot("10-tro-giup", page, false);
        await page.keyboard.press("Escape");
        await help.waitFor({ state: "detached" });
        // a job whose view is not in this build says so
        const notYet = (await page.getByText(`Việc “${name}” chưa có trong bản này.`).count()) > 0;
        expect({ name, notYet }).toEqual({ name, notYet: JOBS.includes(name) && !WIRED.includes(name) });
        const index = JOBS.indexOf(name);
        if (index >= 0 && !["Bảng chỉ tiêu", "Kiểm tra", "Cột Đánh giá", "Phụ lục"].includes(name))
          await docShot(`2${index}-${name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").toLowerCase().replace(/[^a-z0-9]+/g, "-")}`);
      }
    }
    // the job list at 360 px: a drawer opened by "Các việc"
    await page.setViewportSize({ width: 360, height: 780 });
    await page.getByRole("button", { name: "Các việc", exact: true }).click();
    await page.getByRole("navigation", { name: "Các việc", exact: true }).waitFor();
    await accessible("Các việc");
    await docShot("09-cac-viec", page, false);
    await page.keyboard.press("Escape");
    await page.getByRole("navigation", { name: "Các việc", exact: true }).waitFor({ state: "hidden" });
    await page.setViewportSize({ width: 800, height: 900 });
  });

  test("keyboard only: the sample, Kiểm tra, the Đánh giá column, the appendix (Tab, Enter, Space)", async () => {
    const kb = await context.newPage();
    kb.on("pageerror", (e) => pageErrors.push(String(e)));
    await kb.setViewportSize({ width: 360, height: 780 });
    await kb.goto(`${server.url}/taskpane.html`);
    const keys = kb.keyboard;
    await tabTo(kb, kb.getByRole("button", { name: "Thử với số liệu mẫu" }));
    await keys.press("Enter");
    await kb.getByRole("heading", { level: 2, name: "Tổng quan" }).waitFor();
    await kb.locator("main[aria-busy='false']").waitFor();
    // the focus order follows the reading order
    const order = await tabOrder(kb);
    expect(order.backwards).toEqual([]);
    expect(order.names.slice(0, 3)).toEqual(["Các việc", "Mở tệp khác", "Lưu tệp đã sửa"]);
    // the next action: the errors
    const next = kb.getByRole("button", { name: /^Xem \d+ lỗi$/ });
    await tabTo(kb, next);
    await keys.press("Enter");
    await kb.getByRole("heading", { level: 2, name: "Kiểm tra" }).waitFor();
    await kb.getByRole("region", { name: /^Lỗi \(\d+\)$/ }).waitFor();
    // the sample is the reference report: its 57/66 error is there
    expect(await kb.getByRole("region", { name: /^Lỗi/ }).innerText()).toContain("86,36%");
    expect(await kb.evaluate(() => document.activeElement?.id)).toBe("view-title");
    // a finding by keyboard: Enter selects its cell
    await tabTo(kb, kb.getByRole("region", { name: /^Lỗi/ }).getByRole("button").first());
    await keys.press("Enter");
    await kb.getByText(/Ô [A-Z]+\d+ \(trang “Chỉ tiêu”\) được đặt làm ô hiện hành/).waitFor();
    await tabTo(kb, kb.getByRole("button", { name: "Tiếp: Cột Đánh giá" }), 200);
    await keys.press("Enter");
    await kb.getByRole("heading", { level: 2, name: "Cột Đánh giá" }).waitFor();
    await tabTo(kb, kb.getByRole("button", { name: "Điền cột Đánh giá" }));
    await keys.press("Space");
    const dialog = kb.getByRole("dialog", { name: "Ghi cột Đánh giá?" });
    await dialog.waitFor();
    const write = dialog.getByRole("button", { name: /^Ghi \d+ ô$/ });
    const cells = Number(/\d+/.exec((await write.textContent()) ?? "")?.[0]);
    await tabTo(kb, write, 10);
    await keys.press("Enter");
    await kb.getByText(new RegExp(`^Đã ghi ${cells} ô ở cột [A-Z]+\\.`)).waitFor();
    // to the appendix through the job list, opened by keyboard
    await tabTo(kb, kb.getByRole("button", { name: "Các việc", exact: true }));
    await keys.press("Enter");
    const nav = kb.getByRole("navigation", { name: "Các việc", exact: true });
    await tabTo(kb, nav.getByRole("button", { name: "Phụ lục", exact: true }), 20);
    await keys.press("Enter");
    await kb.getByRole("heading", { level: 2, name: "Phụ lục" }).waitFor();
    await tabTo(kb, kb.getByRole("button", { name: "Tạo trang phụ lục" }));
    await keys.press("Enter");
    await kb.getByText("Đã tạo trang “Phụ lục 1”.").waitFor();
    // "?" by keyboard: Enter opens the help, Esc closes it and gives the focus back
    const help = kb.getByRole("button", { name: "Trợ giúp: Phụ lục" });
    await tabTo(kb, help);
    await keys.press("Enter");
    await kb.getByRole("dialog", { name: "Phụ lục" }).waitFor();
    await keys.press("Escape");
    await kb.getByRole("dialog", { name: "Phụ lục" }).waitFor({ state: "detached" });
    expect(await help.evaluate((el) => el === document.activeElement)).toBe(true);
    // Bảng chỉ tiêu by keyboard: its sheet and column choices are reachable
    await tabTo(kb, kb.getByRole("button", { name: "Các việc", exact: true }));
    await keys.press("Enter");
    await tabTo(kb, nav.getByRole("button", { name: "Bảng chỉ tiêu", exact: true }), 20);
    await keys.press("Enter");
    await kb.getByRole("heading", { level: 2, name: "Bảng chỉ tiêu" }).waitFor();
    await tabTo(kb, kb.getByRole("combobox", { name: "Trang tính có bảng chỉ tiêu" }));
    await tabTo(kb, kb.getByRole("combobox", { name: "Chỉ tiêu Nghị quyết" }));
    // the start view now: verdicts filled, appendix made
    await tabTo(kb, kb.getByRole("button", { name: "Các việc", exact: true }));
    await keys.press("Enter");
    await tabTo(kb, nav.getByRole("button", { name: "Tổng quan", exact: true }), 20);
    await keys.press("Enter");
    const state = await kb.getByRole("list", { name: "Tình trạng sổ làm việc" }).innerText();
    expect(state).toContain("Cột Đánh giá: xong");
    expect(state).toContain("Phụ lục: xong\nĐã có trang “Phụ lục 1”.");
    await accessible("Tổng quan (sau khi làm)", kb);
    await docShot("06-tong-quan-da-lam", kb);
    await kb.close();
  });

  test("every control has an accessible name, and the page threw no error", async () => {
    const unnamed = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll("button, input:not([type=file]), textarea, [role=combobox], [role=radio], [role=checkbox]"))) {
        const e = el as HTMLElement;
        if (e.closest("[aria-hidden='true']")) continue;
        const labelled = e.getAttribute("aria-label") || e.getAttribute("aria-labelledby") || (e.id && document.querySelector(`label[for="${e.id}"]`)) || e.textContent?.trim();
        if (!labelled) out.push(e.outerHTML.slice(0, 120));
      }
      return out;
    });
    expect(unnamed).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe("task pane inside Excel (a stand-in Excel in the page)", () => {
  const indicators = loadReferenceIndicators();
  let excel: Page;
  const log = () => excel.evaluate(() => (window as unknown as { __fakeExcel: { log: FakeExcelLog } }).__fakeExcel.log);
  const savedSettings = { chiTieuNghiQuyet: JSON.stringify({ layout: "nha-nuoc", kemTheo: "(Kèm theo Báo cáo số 125/BC-UBND)" }) };

  beforeAll(async () => {
    excel = await context.newPage();
    excel.on("pageerror", (e) => pageErrors.push(String(e)));
    await excel.addInitScript(installFakeOffice, {
      sheets: [
        { name: SHEET, values: referenceValues(), merges: ["A1:F1"] },
        { name: "Năm 2024", values: [["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện"], ["1", "Tỷ lệ hộ nghèo", "%", "dưới 1", 0.8]] },
      ],
      customFunctions: true,
      settings: savedSettings,
    });
    await excel.goto(`${server.url}/taskpane.html`);
    await excel.getByRole("heading", { level: 2, name: "Tổng quan" }).waitFor();
    await excel.locator("main[aria-busy='false']").waitFor();
  });

  afterAll(async () => {
    await excel?.close();
  });

  test("uses Excel, not the file picker, and finds the table on the active sheet", async () => {
    expect(await excel.evaluate(() => document.documentElement.dataset.mode)).toBe("office");
    expect(await excel.getByRole("button", { name: "Mở tệp Excel" }).count()).toBe(0);
    await excel.getByText("Đang làm việc trên sổ Excel đang mở").waitFor();
    await excel.getByText(`${indicators.length} chỉ tiêu, trang “${SHEET}”.`).waitFor();
    await goTo("Bảng chỉ tiêu", excel);
    await excel.getByText(`${indicators.length} chỉ tiêu`).first().waitFor();
    await expect(excel.getByRole("combobox", { name: "Chỉ tiêu Nghị quyết" }).textContent()).resolves.toBe("D · Chỉ tiêu Nghị quyết ĐH VI");
  });

  test("“Dùng trang đang mở” follows the sheet open in Excel", async () => {
    await excel.evaluate(() => {
      (window as unknown as { __fakeExcel: { activate(i: number): void } }).__fakeExcel.activate(1);
    });
    await excel.getByRole("button", { name: "Dùng trang đang mở" }).click();
    await excel.locator("main[aria-busy='false']").waitFor();
    await shows(excel.getByRole("combobox", { name: "Trang tính có bảng chỉ tiêu" }), "Năm 2024");
    await excel.getByText("1 chỉ tiêu").first().waitFor();
    // back to the reference sheet through the dropdown
    await excel.getByRole("combobox", { name: "Trang tính có bảng chỉ tiêu" }).click();
    await excel.getByRole("option", { name: SHEET }).click();
    await excel.locator("main[aria-busy='false']").waitFor();
    await excel.getByText(`${indicators.length} chỉ tiêu`).first().waitFor();
  });

  test("clicking a finding selects its cell in Excel", async () => {
    await goTo("Kiểm tra", excel);
    await excel.locator("main[aria-busy='false']").waitFor();
    await excel.getByRole("region", { name: /^Lỗi/ }).getByRole("button", { name: /57\/66/ }).click();
    await excel.locator("main[aria-busy='false']").waitFor();
    const row = referenceRow((r) => r.name.includes("57/66"));
    await excel.waitForFunction(() => (window as unknown as { __fakeExcel: { log: FakeExcelLog } }).__fakeExcel.log.selected.length > 0);
    expect((await log()).selected).toEqual([{ sheet: SHEET, address: `E${row}` }]);
    await excel.getByText(`Đã chọn ô E${row} (trang “${SHEET}”) trong Excel.`).waitFor();
  });

  test("“Kiểm tra lại” reads the sheet again after it was edited in Excel", async () => {
    const errors = excel.getByRole("region", { name: /^Lỗi/ });
    expect(await errors.innerText()).toMatch(/trên 98/);
    // someone types 99 over the 98 in Excel
    const row98 = referenceRow((r) => r.target === "> 98" && r.actual === "98");
    await excel.evaluate((r) => {
      const fake = (window as unknown as { __fakeExcel: { sheets: Array<{ cells: Map<string, { v: unknown }> }> } }).__fakeExcel;
      fake.sheets[0].cells.set(`${r - 1},4`, { v: 99 });
    }, row98);
    await excel.getByRole("button", { name: "Kiểm tra lại" }).click();
    await excel.locator("main[aria-busy='false']").waitFor();
    await excel.getByRole("region", { name: "Lỗi (2)" }).waitFor();
    expect(await excel.getByRole("region", { name: "Lỗi (2)" }).innerText()).not.toMatch(/trên 98/);
  });

  test("long work shows a ProgressBar and can't be started twice", async () => {
    type Gate = { __fakeExcel: { hold(): void; release(): void; log: FakeExcelLog } };
    await excel.evaluate(() => (window as unknown as Gate).__fakeExcel.hold());
    const before = (await log()).syncs;
    const button = excel.getByRole("button", { name: "Kiểm tra lại" });
    await button.click();
    await excel.getByRole("progressbar").waitFor();
    await excel.getByText("Đang kiểm tra lại…").first().waitFor();
    expect(await button.isDisabled()).toBe(true);
    await excel.screenshot({ path: path.join(ARTIFACTS, "taskpane-800-excel-dang-chay.png"), animations: "disabled" });
    // a second start while the first runs does nothing
    await button.dispatchEvent("click");
    await excel.evaluate(() => (window as unknown as Gate).__fakeExcel.release());
    await excel.locator("main[aria-busy='false']").waitFor();
    expect(await excel.getByRole("progressbar").count()).toBe(0);
    // one sheet read = two syncs: the used range's size, then its values and formats as one block
    expect((await log()).syncs - before).toBe(2);
  });

  test("“Hủy” stops long work at once, and what it read is dropped", async () => {
    type Gate = { __fakeExcel: { hold(): void; release(): void; sheets: Array<{ cells: Map<string, { v: unknown }> }> } };
    const errors = () => excel.getByRole("region", { name: /^Lỗi \(\d+\)$/ }).getAttribute("aria-label");
    const before = await errors();
    await excel.evaluate(() => (window as unknown as Gate).__fakeExcel.hold());
    await excel.getByRole("button", { name: "Kiểm tra lại" }).click();
    await excel.getByRole("progressbar").waitFor();
    // meanwhile the 57/66 cell is corrected in Excel: a finished check would drop that error
    const row = referenceRow((r) => r.name.includes("57/66"));
    await excel.evaluate((r) => (window as unknown as Gate).__fakeExcel.sheets[0].cells.set(`${r - 1},4`, { v: "57/66 (86,36%)" }), row);
    await excel.getByRole("button", { name: "Hủy", exact: true }).click();
    await excel.getByText("Đã hủy việc kiểm tra. Không có gì được ghi.").waitFor();
    expect(await excel.getByRole("progressbar").count()).toBe(0);
    await excel.evaluate(() => (window as unknown as Gate).__fakeExcel.release());
    await excel.waitForTimeout(200);
    // the cancelled read changed nothing on the pane
    expect(await errors()).toBe(before);
    // a new check reads the corrected cell
    await excel.getByRole("button", { name: "Kiểm tra lại" }).click();
    await excel.locator("main[aria-busy='false']").waitFor();
    await excel.waitForFunction((b) => document.querySelector("section[aria-label^='Lỗi']")?.getAttribute("aria-label") !== b, before);
  });

  test("Tính trạng thái writes NQ.DANHGIA formulas into column F only, after confirming", async () => {
    await goTo("Cột Đánh giá", excel);
    await excel.getByText("=NQ.DANHGIA(D5,E5)").waitFor();
    await excel.getByRole("button", { name: "Điền cột Đánh giá" }).click();
    const dialog = excel.getByRole("dialog", { name: "Ghi cột Đánh giá?" });
    await dialog.waitFor();
    // every indicator's cell holds a typed status today: each becomes a formula
    expect(await dialog.innerText()).toContain(`Sẽ thay đổi ${indicators.length} ô ở cột F`);
    expect(await dialog.innerText()).toContain("bằng công thức NQ.DANHGIA");
    expect((await log()).writes).toEqual([]);
    await dialog.getByRole("button", { name: `Ghi ${indicators.length} ô` }).click();
    await excel.getByText(`Đã ghi ${indicators.length} ô ở cột F bằng công thức NQ.DANHGIA`).waitFor();
    const writes = (await log()).writes;
    expect(writes.every((w) => w.sheet === SHEET && w.kind === "formulas" && /^F\d+(:F\d+)?$/.test(w.address))).toBe(true);
    const cells = writes.flatMap((w) => w.data.map((r) => String(r[0])));
    expect(cells).toHaveLength(indicators.length);
    for (const f of cells) expect(f).toMatch(/^=NQ\.DANHGIA\(D(\d+),E\1(,.*)?\)$/);
  });

  test("the settings saved in the workbook come back, and the appendix goes to new sheets", async () => {
    await goTo("Phụ lục", excel);
    await expect(excel.getByRole("combobox", { name: "Thể thức" }).textContent()).resolves.toContain("Nghị định 30/2020");
    await expect(excel.getByRole("textbox", { name: "Dòng “Kèm theo …”" }).inputValue()).resolves.toBe("(Kèm theo Báo cáo số 125/BC-UBND)");
    await excel.getByRole("button", { name: "Tạo trang phụ lục" }).click();
    await excel.getByText("Đã tạo trang “Phụ lục I”.").waitFor();
    await excel.getByRole("button", { name: "Tạo trang phụ lục" }).click();
    await excel.getByText("Đã tạo trang “Phụ lục I (2)”.").waitFor();
    const l = await log();
    expect(l.added).toEqual(["Phụ lục I", "Phụ lục I (2)"]);
    const text = l.writes.filter((w) => w.sheet === "Phụ lục I" && w.kind === "values").flatMap((w) => w.data.flat().map(String));
    for (const r of indicators) expect(text.some((t) => t.includes(r.name.replace(/^[-+]\s*/, "").slice(0, 30)))).toBe(true);
    expect(text).toContain("(Kèm theo Báo cáo số 125/BC-UBND)");
    expect(l.settingsSaves).toBeGreaterThan(0);
    expect(JSON.parse(String(l.settings.chiTieuNghiQuyet))).toMatchObject({ layout: "nha-nuoc" });
    await excel.setViewportSize({ width: 320, height: 800 });
    await excel.screenshot({ path: path.join(ARTIFACTS, "taskpane-320-excel-phu-luc.png"), fullPage: true, animations: "disabled" });
    expect(pageErrors).toEqual([]);
  });
});

describe("the start view of a fresh workbook in Excel", () => {
  test("says no table is found yet and offers to choose one", async () => {
    const fresh = await context.newPage();
    fresh.on("pageerror", (e) => pageErrors.push(String(e)));
    await fresh.addInitScript(installFakeOffice, { sheets: [{ name: "Sheet1", values: [] }], customFunctions: true });
    await fresh.setViewportSize({ width: 360, height: 780 });
    await fresh.goto(`${server.url}/taskpane.html`);
    await fresh.getByRole("heading", { level: 2, name: "Tổng quan" }).waitFor();
    await fresh.locator("main[aria-busy='false']").waitFor();
    const state = await fresh.getByRole("list", { name: "Tình trạng sổ làm việc" }).innerText();
    expect(state).toContain("Bảng chỉ tiêu: cần xem\nChưa thấy bảng trên trang “Sheet1”.");
    expect(state).toContain("Phụ lục: chưa làm");
    await accessible("Tổng quan (sổ mới)", fresh);
    await docShot("01-tong-quan-so-moi", fresh);
    // the next action leads to the table job, where "Tạo bảng mẫu" is offered
    await fresh.getByRole("button", { name: "Chọn bảng chỉ tiêu" }).click();
    await fresh.getByRole("heading", { level: 2, name: "Bảng chỉ tiêu" }).waitFor();
    await fresh.getByRole("button", { name: "Tạo bảng mẫu" }).waitFor();
    expect(pageErrors).toEqual([]);
    await fresh.close();
  });
});
