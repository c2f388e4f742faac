/**
 * The jobs "Văn bản báo cáo" and "Soát dự thảo" of the built task pane (dist/web) in headless
 * Chromium, standalone (no Excel): open the reference workbook, read the section, download its
 * .docx, pick the reference report as a .docx and see its disagreements; a finding selects its cell.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import type { BrowserContext, Page } from "playwright-core";
import { referenceSheetRows, workbookBytes } from "../support/workbook-fixtures";
import { docxFromReportText } from "../support/draft-docx";
import { ARTIFACTS, launchOfflineContext, requireBrowserAndBuild, servePage } from "../support/e2e-browser";
import type { StaticServer } from "./static-server";

let server: StaticServer;
let context: BrowserContext;
let page: Page;
let work: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  requireBrowserAndBuild();
  work = mkdtempSync(path.join(os.tmpdir(), "report-e2e-"));
  writeFileSync(path.join(work, "bao-loc.xlsx"), await workbookBytes([{ name: "Phụ lục 1", rows: referenceSheetRows() }]));
  writeFileSync(path.join(work, "bao-cao.docx"), await docxFromReportText());
  server = await servePage();
  ({ context, page } = await launchOfflineContext(path.join(work, "profile"), { acceptDownloads: true }));
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(`${server.url}/taskpane.html`);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Mở tệp Excel" }).click()]);
  await chooser.setFiles(path.join(work, "bao-loc.xlsx"));
  await page.getByRole("heading", { level: 2, name: "Tổng quan" }).waitFor();
}, 300_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Open a job through the pane's job list (beside the view at 800 px). */
async function openStep(name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Các việc", exact: true }).getByRole("button", { name, exact: true }).click();
  await page.getByRole("heading", { level: 2, name, exact: true }).waitFor();
}

describe("report text in the pane", () => {
  test("Viết đoạn văn: the section with italic targets, and its .docx", async () => {
    await openStep("Văn bản báo cáo");
    const doc = page.getByRole("document", { name: "Đoạn văn các chỉ tiêu chủ yếu" });
    await doc.getByText("1.1. Về kinh tế").waitFor();
    const text = await doc.innerText();
    expect(text).toContain("Có 14/28 chỉ tiêu đạt");
    expect(text).not.toContain("88,14");
    expect(await doc.locator("em").first().innerText()).toBe("Nghị quyết 8,5-9,5%/năm");
    const [d] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải .docx" }).click()]);
    const file = path.join(work, "doan-van.docx");
    await d.saveAs(file);
    const zip = await JSZip.loadAsync(readFileSync(file));
    expect(await zip.file("word/document.xml")!.async("string")).toContain("Nghị quyết 8,5-9,5%/năm");
    await page.screenshot({ path: path.join(ARTIFACTS, "taskpane-800-5-doan-van.png"), fullPage: true });
  });

  test("Đối chiếu báo cáo: the reference report's disagreements; a finding selects its cell", async () => {
    await openStep("Soát dự thảo");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Chọn bản báo cáo" }).click()]);
    await chooser.setFiles(path.join(work, "bao-cao.docx"));
    const list = page.getByRole("region", { name: /Chỗ khác bảng/ });
    await list.waitFor();
    const text = await list.innerText();
    expect(text).toContain("Chỉ tiêu khác bảng");
    expect(text).toContain("trên 90%");
    expect(text).toContain("29,65%");
    expect(text).toContain("03/67 = 4,48%");
    await list.getByRole("button", { name: /Chỉ tiêu khác bảng/ }).first().click();
    await page.getByText(/Ô D27 \(trang “Phụ lục 1”\) được đặt làm ô hiện hành/).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "taskpane-800-6-doi-chieu.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
