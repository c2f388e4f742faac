/**
 * What the pane's browser tests share: the reference workbook as an office keeps it, and the ways a
 * person moves through the pane (the navigation, waiting for work, Tab) and the checks made on every
 * view (no horizontal scrolling, screenshots, the accessibility check).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Download, Locator, Page } from "playwright-core";
import { loadReferenceRows, REPO_ROOT } from "../support/reference";
import { ARTIFACTS } from "../support/e2e-browser";
import { toCellValue } from "../../src/core/sample";
import { accessibilityProblems } from "./a11y";

export const DOC_IMAGES = path.join(REPO_ROOT, "docs", "img");
export const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === "1";
/** the jobs of the pane's navigation, in order (src/taskpane/jobs.ts) */
export const JOBS = ["Bảng chỉ tiêu", "Kiểm tra", "Cột Đánh giá", "Triển vọng", "Phụ lục", "Văn bản báo cáo", "Soát dự thảo", "Tổng hợp đơn vị"];
/** the jobs whose view is wired in this build (the others show "chưa có") */
export const WIRED = JOBS;
export const SHEET = "Chỉ tiêu";
export const HEADER_ROW = 3;
export const COLUMNS = ["A", "B", "C", "D", "E", "F"];

/** The reference sheet as rows from A1: a title, a blank row, the header, the 33 rows. */
export function referenceValues(): unknown[][] {
  const header = readFileSync(path.join(REPO_ROOT, "tests", "fixtures", "reference", "bao-loc-2023-phu-luc.tsv"), "utf8").split(/\r?\n/)[0].split("\t");
  return [
    ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU THEO NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ LẦN THỨ VI"],
    [],
    header,
    ...loadReferenceRows().map((r) => [r.tt || null, r.name, r.unit || null, toCellValue(r.target), toCellValue(r.actual), r.reported || null]),
  ];
}

/** 1-based sheet row of the first reference row matching */
export function referenceRow(match: (r: ReturnType<typeof loadReferenceRows>[number]) => boolean): number {
  return HEADER_ROW + 1 + loadReferenceRows().findIndex(match);
}

/** The reference appendix as offices keep it: title rows, then TT | CHỈ TIÊU | ĐVT | target | result | status. */
export async function writeReferenceWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  referenceValues().forEach((row, i) => {
    if (row.length) ws.getRow(i + 1).values = row as ExcelJS.CellValue[];
  });
  ws.mergeCells("A1:F1");
  ws.columns.forEach((c, i) => (c.width = [6, 60, 10, 16, 14, 14][i]));
  await wb.xlsx.writeFile(file);
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  return String(v);
}

export async function download(page: Page, dir: string, action: () => Promise<void>): Promise<{ download: Download; file: string }> {
  const [d] = await Promise.all([page.waitForEvent("download"), action()]);
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return { download: d, file };
}

/** Horizontal scrolling, in px, once the layout has settled (the job list moves in or out when the width crosses 640 px). */
export async function overflowOf(on: Page): Promise<number> {
  await on.waitForTimeout(250);
  return on.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));
}

export async function screenshot(name: string, on: Page): Promise<void> {
  // nothing wider than the pane: no horizontal scrolling at 320 px
  const overflow = await overflowOf(on);
  expect({ name, overflow }).toEqual({ name, overflow: 0 });
  await on.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true, animations: "disabled" });
}

/**
 * The 360 px picture of a view for docs/huong-dan.md: checked for horizontal scrolling always,
 * written to docs/img/ only with UPDATE_SCREENSHOTS=1 (to test-artifacts/ otherwise).
 */
export async function docShot(name: string, on: Page, fullPage = true): Promise<void> {
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
export async function accessible(view: string, on: Page): Promise<void> {
  const problems = await accessibilityProblems(on);
  expect({ view, problems }).toEqual({ view, problems: [] });
}

/** Open a job (or "Tổng quan") through the navigation, with the mouse. */
export async function goTo(name: string, on: Page): Promise<void> {
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
export async function shows(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }).waitFor();
}

/** Wait until no long work runs (the ProgressBar is gone). */
export async function idle(page: Page): Promise<void> {
  await page.locator("main[aria-busy='false']").waitFor();
}

/** Press Tab until `target` has the focus (keyboard only); fails when it is not reached. */
export async function tabTo(on: Page, target: Locator, max = 60): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await on.keyboard.press("Tab");
  }
  throw new Error(`Tab did not reach ${target}`);
}
