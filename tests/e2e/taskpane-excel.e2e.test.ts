/**
 * The built task pane inside a stand-in Excel (tests/e2e/fake-office.ts, loaded before the page so
 * that Office.onReady answers as Excel does): it uses the open workbook instead of the file picker,
 * follows the active sheet, selects the cell of a finding, writes NQ.DANHGIA formulas, keeps its
 * settings in the workbook; and the start view of a fresh workbook. Nothing leaves the machine.
 */
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { loadReferenceIndicators } from "../support/reference";
import { ARTIFACTS, launchBrowser, PAGE_OPTIONS, requireBrowserAndBuild, routeOffline, servePage } from "../support/e2e-browser";
import type { StaticServer } from "./static-server";
import { installFakeOffice, type FakeExcelLog } from "./fake-office";
import { accessible, docShot, goTo, HEADER_ROW, referenceRow, referenceValues, SHEET, shows } from "./pane-helpers";

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];

beforeAll(async () => {
  requireBrowserAndBuild();
  server = await servePage();
  browser = await launchBrowser();
  context = await browser.newContext(PAGE_OPTIONS);
  await routeOffline(context);
}, 300_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
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
    // every set answered: the write was one undo group, taken back with one Ctrl+Z
    expect((await log()).runs.some((r) => r.merged)).toBe(true);
    await excel.getByText(/nhấn Ctrl\+Z một lần/).waitFor();
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

describe("Excel below ExcelApi 1.20: reasons beside the verdicts, and “Hoàn tác”", () => {
  type Fake = { __fakeExcel: { log: FakeExcelLog; sheets: Array<{ name: string; cells: Map<string, { v: unknown; f?: string }>; notes: Record<string, string> }> } };
  const strict = referenceRow((r) => r.target === "> 98" && r.actual === "98");
  const open = async (excelApi: string) => {
    const page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    await page.addInitScript(installFakeOffice, { sheets: [{ name: SHEET, values: referenceValues(), merges: ["A1:F1"] }], customFunctions: false, excelApi });
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("heading", { level: 2, name: "Tổng quan" }).waitFor();
    await page.locator("main[aria-busy='false']").waitFor();
    return page;
  };
  /** a column of the sheet as Excel holds it, rows 1 to the last reference row */
  const columnOf = (page: Page, letter: string) =>
    page.evaluate(
      ([col, last]) => {
        const s = (window as unknown as Fake).__fakeExcel.sheets[0];
        const c = col.charCodeAt(0) - 65;
        return Array.from({ length: last }, (_x, r) => {
          const cell = s.cells.get(`${r},${c}`);
          return cell?.f ?? cell?.v ?? "";
        });
      },
      [letter, strict + 40] as const,
    );
  const notesOf = (page: Page) => page.evaluate(() => (window as unknown as Fake).__fakeExcel.sheets[0].notes);

  test("ExcelApi 1.17: the reasons go to a “Lý do” column; “Hoàn tác” puts the Đánh giá column back and removes it", async () => {
    const page = await open("1.17");
    const before = { F: await columnOf(page, "F"), G: await columnOf(page, "G") };
    await goTo("Cột Đánh giá", page);
    const option = page.getByRole("checkbox", { name: "Ghi lý do của từng đánh giá" });
    expect(await option.isChecked()).toBe(false);
    await page.getByText("Excel này chưa ghi được ghi chú trên ô (cần ExcelApi 1.18)").waitFor();
    await option.check();
    await page.getByRole("button", { name: "Điền cột Đánh giá" }).click();
    const dialog = page.getByRole("dialog", { name: "Ghi cột Đánh giá?" });
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/Lý do ghi vào cột G \(“Lý do”\), cạnh cột Đánh giá: \d+ ô\./);
    await dialog.getByRole("button", { name: /^Ghi \d+ ô và lý do$/ }).click();
    await page.getByText(/ô ở cột Lý do \(cột G\)\. Các cột khác giữ nguyên\./).waitFor();
    const G = await columnOf(page, "G");
    expect(G[HEADER_ROW - 1]).toBe("Lý do");
    expect(G[strict - 1]).toBe("Kết quả 98 bằng đúng ngưỡng; chỉ tiêu yêu cầu trên 98 nên chưa đạt (sát ngưỡng, cần xem lại).");
    expect(await notesOf(page)).toEqual({});
    // no undo group here: the pane offers “Hoàn tác”
    const bar = page.getByText("Excel này chưa gộp các thay đổi của phần bổ trợ thành một bước Ctrl+Z");
    await bar.waitFor();
    const l = (await page.evaluate(() => (window as unknown as Fake).__fakeExcel.log));
    expect(l.runs.every((r) => !r.merged)).toBe(true);
    await accessible("Cột Đánh giá với “Hoàn tác”", page);
    await docShot("cot-danh-gia-hoan-tac", page);
    await page.getByRole("button", { name: "Hoàn tác" }).click();
    await page.getByText(/^Đã hoàn tác cột Đánh giá \(cột F, \d+ ô\) và cột Lý do \(cột G\)/).waitFor();
    expect(await columnOf(page, "F")).toEqual(before.F);
    expect(await columnOf(page, "G")).toEqual(before.G);
    await expect(page.getByRole("button", { name: "Hoàn tác" }).count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test("ExcelApi 1.18: the reasons are notes on the Đánh giá cells; a cell typed after the write ends “Hoàn tác”", async () => {
    const page = await open("1.18");
    await goTo("Cột Đánh giá", page);
    await page.getByText("Thành ghi chú (note) trên từng ô Đánh giá").waitFor();
    await page.getByRole("checkbox", { name: "Ghi lý do của từng đánh giá" }).check();
    await page.getByRole("button", { name: "Điền cột Đánh giá" }).click();
    const dialog = page.getByRole("dialog", { name: "Ghi cột Đánh giá?" });
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/Lý do đánh giá: \d+ ghi chú \(note\) trên các ô cột F\./);
    await dialog.getByRole("button", { name: /và lý do$/ }).click();
    await page.getByText(/ghi chú lý do trên ô\. Các cột khác giữ nguyên\./).waitFor();
    const notes = await notesOf(page);
    expect(notes[`F${strict}`]).toBe("Lý do đánh giá: Kết quả 98 bằng đúng ngưỡng; chỉ tiêu yêu cầu trên 98 nên chưa đạt (sát ngưỡng, cần xem lại).");
    expect(Object.keys(notes).every((a) => a.startsWith("F"))).toBe(true);
    expect((await columnOf(page, "G")).every((v) => v === "")).toBe(true);
    await page.getByRole("button", { name: "Hoàn tác" }).waitFor();
    // the clerk types over a written cell: the pane no longer offers to take the write back
    await page.evaluate((row) => (window as unknown as { __fakeExcel: { edit(i: number, a: string, v: unknown): Promise<void> } }).__fakeExcel.edit(0, `F${row}`, "Đạt"), strict);
    await page.getByText("nên nút “Hoàn tác” không còn").waitFor();
    await expect(page.getByRole("button", { name: "Hoàn tác" }).count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
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
