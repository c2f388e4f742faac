/**
 * The built task pane (dist/web/taskpane.html) in headless Chromium, as a browser without Excel:
 * office.js can't load (every non-local request is aborted), so the page runs in standalone mode.
 * The test opens the reference workbook, walks every job through the navigation by role and
 * accessible name (mouse), checks the findings, fills the Đánh giá column, makes the appendix and
 * checks the downloaded files; a second walk uses the keyboard only (Tab, Enter, Space). Every view
 * gets the accessibility check of a11y.ts (axe-core when installed). Screenshots at 320, 360 and
 * 800 px go to test-artifacts/; with UPDATE_SCREENSHOTS=1 the 360 px ones used by docs/huong-dan.md
 * are written to docs/img/ as well (so a normal run never changes the tree). The pane inside a
 * stand-in Excel is taskpane-excel.e2e.test.ts (a file of its own, so the two run side by side).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import type { BrowserContext, Page } from "playwright-core";
import { loadReferenceIndicators } from "../support/reference";
import { ARTIFACTS, launchOfflineContext, requireBrowserAndBuild, servePage } from "../support/e2e-browser";
import type { StaticServer } from "./static-server";
import { tabOrder } from "./a11y";
import {
  accessible,
  cellText,
  COLUMNS,
  docShot,
  DOC_IMAGES,
  download,
  goTo,
  idle,
  JOBS,
  overflowOf,
  readWorkbook,
  referenceRow,
  screenshot,
  SHEET,
  shows,
  tabTo,
  UPDATE_SCREENSHOTS,
  WIRED,
  writeReferenceWorkbook,
} from "./pane-helpers";

let server: StaticServer;
let context: BrowserContext;
let page: Page;
let work: string;
let workbookPath: string;
const pageErrors: string[] = [];
const blocked: string[] = [];

beforeAll(async () => {
  requireBrowserAndBuild();
  if (UPDATE_SCREENSHOTS) mkdirSync(DOC_IMAGES, { recursive: true });
  work = mkdtempSync(path.join(os.tmpdir(), "taskpane-e2e-"));
  workbookPath = path.join(work, "bao-loc-2023.xlsx");
  await writeReferenceWorkbook(workbookPath);
  server = await servePage();
  // a fresh profile for every run; nothing leaves the machine: office.js from the CDN is refused, so the page runs standalone
  ({ context, page } = await launchOfflineContext(path.join(work, "profile"), { acceptDownloads: true, refused: (url) => blocked.push(url) }));
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
    await screenshot("taskpane-320-0-bat-dau", page);
    await page.setViewportSize({ width: 800, height: 900 });
    await screenshot("taskpane-800-0-bat-dau", page);
    await accessible("Bắt đầu", page);
    await docShot("00-bat-dau", page);
  });

  test("a file that is not an .xlsx gives an error that says what to do", async () => {
    const bad = path.join(work, "khong-phai.xlsx");
    writeFileSync(bad, "đây không phải tệp Excel");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Mở tệp Excel" }).click()]);
    await chooser.setFiles(bad);
    await idle(page);
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
    await idle(page);
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
    await accessible("Tổng quan", page);
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot("taskpane-320-tong-quan", page);
    await page.setViewportSize({ width: 800, height: 900 });
    await screenshot("taskpane-800-tong-quan", page);
    await docShot("01-tong-quan-co-loi", page);
    await goTo("Bảng chỉ tiêu", page);
    await page.getByText(`${indicators.length} chỉ tiêu`).first().waitFor();
    const sheet = page.getByRole("combobox", { name: "Trang tính có bảng chỉ tiêu" });
    await expect(sheet.textContent()).resolves.toContain(SHEET);
    const target = page.getByRole("combobox", { name: "Chỉ tiêu Nghị quyết" });
    await expect(target.textContent()).resolves.toBe("D · Chỉ tiêu Nghị quyết ĐH VI");
    await expect(page.getByRole("combobox", { name: "Kết quả thực hiện" }).textContent()).resolves.toBe("E · Kết quả thực hiện");
    await expect(page.getByRole("combobox", { name: "Đánh giá", exact: true }).textContent()).resolves.toBe("F · So sánh NQ ĐH VI");
    await screenshot("taskpane-800-1-bang-chi-tieu", page);
    await accessible("Bảng chỉ tiêu", page);
    await docShot("02-bang-chi-tieu", page);
  });

  test("a column can be corrected with its dropdown, and reset", async () => {
    const unit = page.getByRole("combobox", { name: "Đơn vị tính (ĐVT)" });
    await expect(unit.textContent()).resolves.toBe("C · ĐVT");
    await unit.click();
    await page.getByRole("option", { name: "(không có)" }).click();
    await idle(page);
    await shows(unit, "(không có)");
    await page.getByRole("button", { name: "Nhận lại cột tự động" }).click();
    await idle(page);
    await shows(page.getByRole("combobox", { name: "Đơn vị tính (ĐVT)" }), "C · ĐVT");
  });

  test("Kiểm tra lists the reference errors, grouped by severity, with counts", async () => {
    await goTo("Kiểm tra", page);
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
    await accessible("Kiểm tra", page);
    await docShot("03-kiem-tra", page);
    // clicking a finding makes its cell the active one (in a browser: of the file to be saved)
    const finding = errors.getByRole("button").first();
    const findingId = await finding.getAttribute("id");
    await finding.click();
    await idle(page);
    await page.getByText(/Ô E\d+ \(trang “Chỉ tiêu”\) được đặt làm ô hiện hành/).waitFor();
    await screenshot("taskpane-800-2-kiem-tra", page);
    // ... and back: from another view, "Về lỗi này" returns to the finding, focused
    await goTo("Tổng quan", page);
    await page.getByRole("button", { name: "Về lỗi này" }).click();
    await page.getByRole("heading", { level: 2, name: "Kiểm tra" }).waitFor();
    await page.waitForFunction((id) => document.activeElement?.id === id, findingId);
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot("taskpane-320-2-kiem-tra", page);
    await page.setViewportSize({ width: 800, height: 900 });
  });

  let changedInDialog = 0;

  test("Cột Đánh giá says how many cells change, and can be cancelled", async () => {
    await goTo("Cột Đánh giá", page);
    await accessible("Cột Đánh giá", page);
    await docShot("04-cot-danh-gia", page);
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
    await screenshot("taskpane-800-3-xac-nhan", page);
    await accessible("Cột Đánh giá: hộp xác nhận", page);
    await dialog.getByRole("button", { name: "Hủy" }).click();
    await dialog.waitFor({ state: "detached" });
    // confirm this time
    await page.getByRole("button", { name: "Điền cột Đánh giá" }).click();
    await dialog.getByRole("button", { name: `Ghi ${changedInDialog} ô` }).click();
    await idle(page);
    await page.getByText(`Đã ghi ${changedInDialog} ô ở cột F`).waitFor();
    // a second run has nothing left to change
    await page.getByRole("button", { name: "Điền cột Đánh giá" }).click();
    await idle(page);
    await page.getByText("không có ô nào cần thay đổi").waitFor();
  });

  test("Phụ lục makes new sheets (never overwriting) and both files download", async () => {
    await goTo("Phụ lục", page);
    await accessible("Phụ lục", page);
    await page.getByRole("combobox", { name: "Thể thức" }).click();
    await page.getByRole("option", { name: /05-HD\/VPTW/ }).click();
    const kemTheo = "(Kèm theo Báo cáo số 203-BC/ThU, ngày 25/5/2023 của Thành ủy)";
    await page.getByRole("textbox", { name: "Dòng “Kèm theo …”" }).fill(kemTheo);
    await page.getByRole("radio", { name: "Ngang" }).check();
    await page.getByRole("button", { name: "Tạo trang phụ lục" }).click();
    await idle(page);
    await page.getByText("Đã tạo trang “Phụ lục 1”.").waitFor();
    await page.getByRole("button", { name: "Tạo trang phụ lục" }).click();
    await idle(page);
    await page.getByText("Đã tạo trang “Phụ lục 1 (2)”.").waitFor();
    await screenshot("taskpane-800-4-phu-luc", page);
    await docShot("05-phu-luc", page);
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot("taskpane-320-4-phu-luc", page);
    await page.setViewportSize({ width: 800, height: 900 });

    const xlsx = await download(page, work, () => page.getByRole("button", { name: "Tải .xlsx" }).click());
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

    const docx = await download(page, work, () => page.getByRole("button", { name: "Tải .docx" }).click());
    expect(docx.download.suggestedFilename()).toBe("phu-luc-1.docx");
    const zip = await JSZip.loadAsync(readFileSync(docx.file));
    const xml = await zip.file("word/document.xml")!.async("string");
    const plain = xml.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"');
    for (const r of indicators) expect(plain).toContain(r.name.replace(/^[-+]\s*/, "").slice(0, 30));
  });

  test("the saved workbook changed only the Đánh giá column, and keeps the appendices and settings", async () => {
    const saved = await download(page, work, () => page.getByRole("button", { name: "Lưu tệp đã sửa" }).click());
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
    await goTo("Bảng chỉ tiêu", page);
    await page.getByRole("button", { name: "Tạo bảng mẫu" }).click();
    await idle(page);
    await page.getByText("Đã thêm trang “Chỉ tiêu (2)” theo mẫu").waitFor();
    await expect(page.getByRole("combobox", { name: "Trang tính có bảng chỉ tiêu" }).textContent()).resolves.toContain("Chỉ tiêu (2)");
    await expect(page.getByRole("combobox", { name: "Chỉ tiêu Nghị quyết" }).textContent()).resolves.toMatch(/^[A-Z]+ · Chỉ tiêu Nghị quyết$/);
    await page.getByText(/\d+ chỉ tiêu/).first().waitFor();
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot("taskpane-320-1-bang-mau", page);
    await page.setViewportSize({ width: 800, height: 900 });
  });

  test("every view: reached from the navigation, its “?” help, the accessibility check, 320/360/800 px", async () => {
    for (const width of [320, 360, 800]) {
      await page.setViewportSize({ width, height: 800 });
      for (const name of ["Tổng quan", ...JOBS]) {
        await goTo(name, page);
        await idle(page);
        const overflow = await overflowOf(page);
        expect({ width, name, overflow }).toEqual({ width, name, overflow: 0 });
        await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-${width}-viec-${JOBS.indexOf(name) + 1}.png`), fullPage: true, animations: "disabled" });
        if (width !== 360) continue;
        await accessible(name, page);
        // the "?": what it does, what it needs, an example
        await page.getByRole("button", { name: `Trợ giúp: ${name}` }).click();
        const help = page.getByRole("dialog", { name });
        await help.waitFor();
        const text = await help.innerText();
        for (const part of ["Làm gì", "Cần gì trong trang tính", "Ví dụ"]) expect(text).toContain(part);
        await accessible(`${name}: trợ giúp`, page);
        if (name === "Tổng quan") await docShot("10-tro-giup", page, false);
        await page.keyboard.press("Escape");
        await help.waitFor({ state: "detached" });
        // a job whose view is not in this build says so
        const notYet = (await page.getByText(`Việc “${name}” chưa có trong bản này.`).count()) > 0;
        expect({ name, notYet }).toEqual({ name, notYet: JOBS.includes(name) && !WIRED.includes(name) });
        const index = JOBS.indexOf(name);
        if (index >= 0 && !["Bảng chỉ tiêu", "Kiểm tra", "Cột Đánh giá", "Phụ lục"].includes(name))
          await docShot(`2${index}-${name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").toLowerCase().replace(/[^a-z0-9]+/g, "-")}`, page);
      }
    }
    // the job list at 360 px: a drawer opened by "Các việc"
    await page.setViewportSize({ width: 360, height: 780 });
    await page.getByRole("button", { name: "Các việc", exact: true }).click();
    await page.getByRole("navigation", { name: "Các việc", exact: true }).waitFor();
    await accessible("Các việc", page);
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
