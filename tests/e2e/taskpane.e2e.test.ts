/**
 * The built task pane (dist/web/taskpane.html) in headless Chromium, as a browser without Excel:
 * office.js can't load (every non-local request is aborted), so the page runs in standalone mode.
 * The test opens the reference workbook, walks every step by role and accessible name, checks the
 * findings, fills the Đánh giá column, makes the appendix and checks the downloaded files.
 * Screenshots at 320 px and 800 px go to test-artifacts/.
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

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const DIST = process.env.TASKPANE_DIST ? path.resolve(process.env.TASKPANE_DIST) : path.join(REPO_ROOT, "dist", "web");
const ARTIFACTS = path.join(REPO_ROOT, "test-artifacts");
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

async function screenshot(name: string): Promise<void> {
  // nothing wider than the pane: no horizontal scrolling at 320 px
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect({ name, overflow }).toEqual({ name, overflow: 0 });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true, animations: "disabled" });
}

/** Wait until a control shows exactly this text (the work behind a click may still be starting). */
async function shows(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }).waitFor();
}

/** Wait until no long work runs (the ProgressBar is gone). */
async function idle(): Promise<void> {
  await page.locator("main[aria-busy='false']").waitFor();
}

async function openStep(name: string): Promise<void> {
  const header = page.getByRole("button", { name, exact: true });
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
  await expectAttr(header, "aria-expanded", "true");
}

async function expectAttr(locator: ReturnType<Page["locator"]>, attr: string, value: string): Promise<void> {
  await page.waitForFunction(
    ([el, a, v]) => (el as Element).getAttribute(a as string) === v,
    [await locator.elementHandle(), attr, value] as const,
  );
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
  });

  test("a file that is not an .xlsx gives an error that says what to do", async () => {
    const bad = path.join(work, "khong-phai.xlsx");
    writeFileSync(bad, "đây không phải tệp Excel");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Mở tệp Excel" }).click()]);
    await chooser.setFiles(bad);
    await idle();
    const message = page.getByText(/Tệp "khong-phai.xlsx" không phải là tệp Excel .xlsx hay bảng tính .ods/);
    await message.waitFor();
    await page.getByText(/Chọn tệp .xlsx hoặc .ods khác/).waitFor();
    await page.getByRole("button", { name: "Đóng thông báo lỗi" }).click();
    await message.waitFor({ state: "detached" });
  });

  test("opens the reference workbook and shows the table and its columns", async () => {
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Mở tệp Excel" }).click()]);
    await chooser.setFiles(workbookPath);
    await page.getByRole("button", { name: "Bảng chỉ tiêu", exact: true }).waitFor();
    await idle();
    await expect(page.getByText(`Tệp: ${path.basename(workbookPath)}`).isVisible()).resolves.toBe(true);
    await page.getByText(`${indicators.length} chỉ tiêu`).first().waitFor();
    const sheet = page.getByRole("combobox", { name: "Trang tính có bảng chỉ tiêu" });
    await expect(sheet.textContent()).resolves.toContain(SHEET);
    const target = page.getByRole("combobox", { name: "Chỉ tiêu Nghị quyết" });
    await expect(target.textContent()).resolves.toBe("D · Chỉ tiêu Nghị quyết ĐH VI");
    await expect(page.getByRole("combobox", { name: "Kết quả thực hiện" }).textContent()).resolves.toBe("E · Kết quả thực hiện");
    await expect(page.getByRole("combobox", { name: "Đánh giá", exact: true }).textContent()).resolves.toBe("F · So sánh NQ ĐH VI");
    await screenshot("taskpane-800-1-bang-chi-tieu");
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
    await openStep("Kiểm tra");
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
    expect(prose).toMatch(/^Có \d+\/\d+ chỉ tiêu đạt/);
    expect(prose).toMatch(/- Tỷ lệ hộ nghèo 0,37% \(Nghị quyết 0,2% \(theo tiêu chí cũ\)\) — Chưa (đạt|hoàn thành)\./);
    expect(prose.split("\n").filter((l) => l.includes("(Nghị quyết "))).toHaveLength(indicators.length);
    await page.getByRole("button", { name: "Sao chép đoạn văn" }).click();
    await page.getByRole("status").filter({ hasText: /Đã sao chép|Đã chọn đoạn văn/ }).first().waitFor();
    // clicking a finding makes its cell the active one (in a browser: of the file to be saved)
    await errors.getByRole("button").first().click();
    await idle();
    await page.getByText(/Ô E\d+ \(trang “Chỉ tiêu”\) được đặt làm ô hiện hành/).waitFor();
    await screenshot("taskpane-800-2-kiem-tra");
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot("taskpane-320-2-kiem-tra");
    await page.setViewportSize({ width: 800, height: 900 });
  });

  let changedInDialog = 0;

  test("Tính trạng thái says how many cells change, and can be cancelled", async () => {
    await openStep("Tính trạng thái");
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

  test("Tạo phụ lục makes new sheets (never overwriting) and both files download", async () => {
    await openStep("Tạo phụ lục");
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
    await openStep("Bảng chỉ tiêu");
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

  test("“Thử với số liệu mẫu” opens the sample workbook (the reference report) without a file", async () => {
    const demo = await context.newPage();
    demo.on("pageerror", (e) => pageErrors.push(String(e)));
    await demo.goto(`${server.url}/taskpane.html`);
    await demo.getByRole("button", { name: "Thử với số liệu mẫu" }).click();
    await demo.getByRole("button", { name: "Kiểm tra", exact: true }).click();
    const errors = demo.getByRole("region", { name: /^Lỗi/ });
    await errors.waitFor();
    expect(await errors.innerText()).toContain("86,36%");
    await demo.close();
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
    await excel.getByRole("button", { name: "Bảng chỉ tiêu", exact: true }).waitFor();
    await excel.locator("main[aria-busy='false']").waitFor();
  });

  afterAll(async () => {
    await excel?.close();
  });

  test("uses Excel, not the file picker, and finds the table on the active sheet", async () => {
    expect(await excel.evaluate(() => document.documentElement.dataset.mode)).toBe("office");
    expect(await excel.getByRole("button", { name: "Mở tệp Excel" }).count()).toBe(0);
    await excel.getByText("Đang làm việc trên sổ Excel đang mở").waitFor();
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
    await excel.getByRole("button", { name: "Kiểm tra", exact: true }).click();
    await excel.getByRole("region", { name: /^Lỗi/ }).getByRole("button", { name: /57\/66/ }).click();
    await excel.locator("main[aria-busy='false']").waitFor();
    const row = referenceRow((r) => r.name.includes("57/66"));
    await excel.waitForFunction(() => (window as unknown as { __fakeExcel: { log: FakeExcelLog } }).__fakeExcel.log.selected.length > 0);
    expect((await log()).selected).toEqual([{ sheet: SHEET, address: `E${row}` }]);
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
    // one sheet read = one sync
    expect((await log()).syncs - before).toBe(1);
  });

  test("Tính trạng thái writes NQ.DANHGIA formulas into column F only, after confirming", async () => {
    await excel.getByRole("button", { name: "Tính trạng thái", exact: true }).click();
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
    await excel.getByRole("button", { name: "Tạo phụ lục", exact: true }).click();
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
