/**
 * The "Tổng hợp" view of the built task pane (dist/web/taskpane.html?view=tong-hop) in headless
 * Chromium, with three communes' workbooks (one of them .ods) and one bad file:
 * - in a browser without Excel: pick the files, consolidate, see the table, the bad file and the
 *   rate that needs a rule, copy a unit's message, download the consolidated .xlsx and read it;
 * - inside Excel (the stand-in Excel of fake-office.ts): the result goes into new sheets, never over
 *   an existing one ("Thiếu số liệu" is taken, so "Thiếu số liệu (2)").
 * Screenshots go to test-artifacts/.
 */
import { execSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { UNITS, writeUnitWorkbook } from "../support/consolidate-fixtures";
import { ARTIFACTS, launchOfflineContext, requireBrowserAndBuild, servePage } from "../support/e2e-browser";
import type { StaticServer } from "./static-server";
import { installFakeOffice, type FakeExcelLog } from "./fake-office";

let server: StaticServer;
let context: BrowserContext;
let work: string;
let files: string[];
const pageErrors: string[] = [];

beforeAll(async () => {
  requireBrowserAndBuild();
  work = mkdtempSync(path.join(os.tmpdir(), "consolidate-e2e-"));
  files = [];
  for (const u of UNITS) {
    const f = path.join(work, u.file);
    await writeUnitWorkbook(u, f);
    files.push(f);
  }
  // the third unit as LibreOffice saves it (.ods)
  execSync(`libreoffice --headless --convert-to ods --outdir "${work}" "${files[2]}"`, { stdio: "ignore", timeout: 120_000 });
  files[2] = files[2].replace(/\.xlsx$/, ".ods");
  const bad = path.join(work, "hong.xlsx");
  writeFileSync(bad, "không phải sổ Excel");
  files.push(bad);
  server = await servePage();
  ({ context } = await launchOfflineContext(path.join(work, "profile"), { acceptDownloads: true }));
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
}, 300_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function pickAndConsolidate(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Chọn tệp các đơn vị" }).waitFor();
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Chọn tệp các đơn vị" }).click()]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(files);
  await page.getByText("Đã chọn 4 tệp", { exact: false }).waitFor();
  await page.getByLabel("Tên đơn vị tổng hợp").fill("Xã Hợp Nhất");
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  await page.getByRole("heading", { name: /Kết quả: 4 đơn vị, 11 chỉ tiêu/ }).waitFor();
}

describe("Tổng hợp in a browser without Excel", () => {
  let page: Page;
  beforeAll(async () => {
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    // reached from the pane's header, keyboard-reachable link
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("link", { name: "Tổng hợp nhiều đơn vị" }).click();
    await page.waitForURL(/view=tong-hop/);
  });

  test("three units and a bad file: the table, the bad file, the rate that needs a rule", async () => {
    await pickAndConsolidate(page);
    await page.getByText(/Không dùng được 1 tệp/).waitFor();
    await page.getByText(/hong\.xlsx: Không đọc được tệp/).waitFor();
    await page.getByText(/1 chỉ tiêu cần chọn cách tổng hợp/).waitFor();
    const table = page.getByRole("table", { name: "Bảng tổng hợp" });
    const row = (name: string) => table.getByRole("row").filter({ hasText: name });
    await expect(row("Dân số trung bình").innerText()).resolves.toMatch(/Cộng\s+17\.000\s+3\/4 đơn vị/);
    await expect(row("Tỷ lệ hộ nghèo").innerText()).resolves.toMatch(/Bình quân gia quyền\s+4\s+3\/4 đơn vị/);
    await expect(row("Tỷ lệ che phủ rừng").innerText()).resolves.toMatch(/Cần chọn cách tổng hợp/);
    await expect(row("Tỷ lệ hộ dùng nước sạch").innerText()).resolves.toMatch(/2\/3 đơn vị đạt/);
    expect(pageErrors).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "tong-hop-800.png"), fullPage: true, animations: "disabled" });
  });

  test("the rule asked for is chosen once in the pane; consolidated again without reading the files", async () => {
    await page.getByLabel("Cách tổng hợp: 5 Tỷ lệ che phủ rừng").selectOption({ label: "Lớn nhất" });
    await page.getByRole("button", { name: "Tổng hợp lại" }).click();
    const table = page.getByRole("table", { name: "Bảng tổng hợp" });
    await expect(table.getByRole("row").filter({ hasText: "Tỷ lệ che phủ rừng" }).innerText()).resolves.toMatch(/Lớn nhất\s+50\s+3\/4 đơn vị/);
    await page.getByText(/cần chọn cách tổng hợp/).waitFor({ state: "detached" });
    // the sum of a count against the sum of the units' targets, with its verdict in words
    await expect(table.getByRole("row").filter({ hasText: "Thu ngân sách trên địa bàn" }).innerText()).resolves.toMatch(/Cộng\s+100\s+2\/4 đơn vị\s+100\s+Đạt/);
    expect(pageErrors).toEqual([]);
  });

  test("each unit that owes figures gets a message to copy", async () => {
    const box = page.getByLabel("Lời nhắc gửi Xã Bình Minh");
    const text = await box.inputValue();
    expect(text).toMatch(/^Kính gửi Xã Bình Minh,/);
    expect(text).toContain("Xã Hợp Nhất đang tổng hợp");
    expect(text).toContain("9. Đường giao thông nông thôn được cứng hóa (chưa đến kỳ)");
    await page.getByRole("button", { name: "Sao chép lời nhắc gửi Xã Bình Minh" }).click();
    await page.getByText("Đã sao chép.").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    // the unreadable file owes everything
    expect(await page.getByLabel("Lời nhắc gửi hong").inputValue()).toMatch(/Tệp đơn vị gửi chưa đọc được \(Không đọc được tệp "hong\.xlsx".*\)\. Đề nghị đơn vị gửi lại bảng chỉ tiêu/);
  });

  test("the download is the consolidated workbook with its three sheets", async () => {
    const [d] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải tệp tổng hợp (.xlsx)" }).click()]);
    expect(d.suggestedFilename()).toBe("Xã Hợp Nhất.xlsx");
    const file = path.join(work, "tai-ve.xlsx");
    await d.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Chỉ tiêu", "Theo đơn vị", "Thiếu số liệu", "Thông tin"]);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const k = header.indexOf("Kết quả thực hiện") + 1;
    let pop: unknown;
    ws.eachRow((r) => {
      if (r.getCell(2).value === "Dân số trung bình") pop = r.getCell(k).value;
    });
    expect(pop).toBe(17000);
  });
});

describe("many files: the count while reading, and Hủy", () => {
  test("shows “đã đọc n/150 tệp”; Hủy stops between two files and leaves no result", async () => {
    const many = path.join(work, "nhieu");
    mkdirSync(many, { recursive: true });
    const list: string[] = [];
    for (let k = 0; k < 150; k++) {
      const f = path.join(many, `xa-${String(k).padStart(3, "0")}.xlsx`);
      copyFileSync(files[0], f);
      list.push(f);
    }
    const page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    await page.goto(`${server.url}/taskpane.html?view=tong-hop`);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Chọn tệp các đơn vị" }).click()]);
    await chooser.setFiles(list);
    await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
    await page.getByText(/Đang tổng hợp: đã đọc \d+\/150 tệp/).first().waitFor();
    await page.getByRole("button", { name: "Hủy" }).click();
    await page.getByText("Đã hủy việc tổng hợp. Không có gì được ghi.").waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByRole("heading", { name: /Kết quả:/ }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

describe("Tổng hợp inside Excel (stand-in Excel)", () => {
  let excel: Page;
  const log = () => excel.evaluate(() => (window as unknown as { __fakeExcel: { log: FakeExcelLog } }).__fakeExcel.log);

  beforeAll(async () => {
    excel = await context.newPage();
    excel.on("pageerror", (e) => pageErrors.push(String(e)));
    await excel.addInitScript(installFakeOffice, {
      sheets: [
        { name: "Chỉ tiêu", values: [["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết", "Kết quả thực hiện"]] },
        { name: "Thiếu số liệu", values: [["sổ của người dùng, không được ghi đè"]] },
      ],
      customFunctions: true,
    });
    await excel.goto(`${server.url}/taskpane.html?view=tong-hop`);
    await excel.getByRole("link", { name: "Quay lại kiểm tra bảng chỉ tiêu" }).waitFor();
  });

  test("the result goes into new sheets, never over an existing one", async () => {
    await pickAndConsolidate(excel);
    await excel.getByRole("button", { name: "Ghi vào sổ (trang mới)" }).click();
    await excel.getByText(/Đã ghi vào các trang mới/).waitFor();
    const l = await log();
    expect(l.added).toEqual(["Tổng hợp chỉ tiêu", "Tổng hợp theo đơn vị", "Thiếu số liệu (2)"]);
    // nothing written to the user's sheets
    expect(l.writes.filter((w) => w.sheet === "Thiếu số liệu" || w.sheet === "Chỉ tiêu")).toEqual([]);
    const table = l.writes.find((w) => w.sheet === "Tổng hợp chỉ tiêu" && w.kind === "values")!;
    expect(table.data[0]).toEqual(expect.arrayContaining(["TT", "Chỉ tiêu", "Kết quả thực hiện", "Cách tổng hợp", "Đơn vị chủ trì"]));
    const missing = l.writes.find((w) => w.sheet === "Thiếu số liệu (2)" && w.kind === "values")!;
    expect(missing.data).toContainEqual(["Xã Bình Minh", "9", "Đường giao thông nông thôn được cứng hóa", "Phòng Kinh tế", "Chưa đến kỳ"]);
    expect(l.syncs).toBeLessThanOrEqual(4);
    expect(pageErrors).toEqual([]);
    await excel.screenshot({ path: path.join(ARTIFACTS, "tong-hop-excel-800.png"), fullPage: true, animations: "disabled" });
  });
});
