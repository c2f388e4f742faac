/**
 * The browser page (no Excel) in headless Chromium: choose a realistic 10 000-row workbook and time
 * until the check's results are on screen. Optional area (`--browser`, or `--only browser`): it
 * builds nothing, it uses dist/web beside dist/bench.js (`npx webpack --mode production` makes it)
 * and says so when it is absent. Medians of ≥ 5 runs, each in a freshly loaded page:
 *   browser_check_ms_10000      from the file input's `change` event to the "Tình trạng sổ làm
 *                               việc" list painted (all in the page's clock, no CDP latency);
 *   browser_longest_task_ms_10000  the longest main-thread task in that time (PerformanceObserver
 *                               "longtask"): how long the page could not answer a click;
 *   browser_blocking_ms_10000   total blocking time (the part of each long task past 50 ms).
 * BENCH_WEB_BASELINE=<another dist/web>: the same runs against that build too, interleaved, with
 * the ratio (to compare a change side by side).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { serveStatic, type StaticServer } from "../tests/support/static-server";
import { writeRealisticWorkbook } from "../tests/support/realistic-workbook";
import { interleaved, ratio, ratioFigures, round, timing } from "./util";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const ROWS = 10_000;
const RUNS = 7;

/** What one run measured in the page. */
interface Run {
  ms: number;
  longest: number;
  blocking: number;
  /** "N chỉ tiêu" as the overview shows it */
  shown: string;
}

/** Installed in every page before its scripts: the moment a file is chosen, long tasks, the results painted. */
function probe(): void {
  const w = window as unknown as Record<string, unknown>;
  const tasks: Array<{ start: number; duration: number }> = [];
  w.__benchTasks = tasks;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {
    /* no longtask entries in this browser */
  }
  window.addEventListener("change", () => (w.__benchChosen = performance.now()), true);
  const shown = () => {
    const list = document.querySelector('ul[aria-label="Tình trạng sổ làm việc"]');
    return list && document.querySelector("main[aria-busy='false']") ? list : null;
  };
  new MutationObserver(() => {
    if (w.__benchShown || w.__benchChosen === undefined) return;
    const list = shown();
    if (!list) return;
    w.__benchShown = performance.now();
    w.__benchText = list.textContent ?? "";
    // painted: the frame after the change, then the task after that frame
    requestAnimationFrame(() => setTimeout(() => (w.__benchPainted = performance.now()), 0));
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-busy"] });
}

async function once(page: Page, url: string, file: string): Promise<Run> {
  await page.goto(`${url}/taskpane.html`);
  await page.getByRole("button", { name: "Mở tệp Excel" }).waitFor();
  await page.setInputFiles('input[type="file"]', file);
  await page.waitForFunction(() => (window as unknown as Record<string, unknown>).__benchPainted !== undefined, undefined, { timeout: 120_000 });
  const r = await page.evaluate(() => {
    const w = window as unknown as { __benchChosen: number; __benchPainted: number; __benchText: string; __benchTasks: Array<{ start: number; duration: number }> };
    const during = w.__benchTasks.filter((t) => t.start + t.duration > w.__benchChosen && t.start < w.__benchPainted);
    return {
      ms: w.__benchPainted - w.__benchChosen,
      longest: Math.max(0, ...during.map((t) => t.duration)),
      blocking: during.reduce((s, t) => s + Math.max(0, t.duration - 50), 0),
      text: w.__benchText,
    };
  });
  const shown = /(\d[\d.]*) chỉ tiêu, trang/.exec(r.text)?.[1] ?? r.text.slice(0, 80);
  return { ms: r.ms, longest: r.longest, blocking: r.blocking, shown };
}

export async function benchBrowser(): Promise<Record<string, number | string>> {
  const web = process.env.BENCH_WEB_DIST ? path.resolve(process.env.BENCH_WEB_DIST) : path.join(path.dirname(process.argv[1]), "web");
  if (!existsSync(path.join(web, "taskpane.html"))) {
    return { browser_check_ms_10000: `không đo: chưa có ${web}/taskpane.html (chạy "npx webpack --mode production" trước)` };
  }
  if (!existsSync(CHROMIUM)) return { browser_check_ms_10000: `không đo: không có Chromium ở ${CHROMIUM} (đặt CHROMIUM_PATH)` };
  const baselineDir = process.env.BENCH_WEB_BASELINE ? path.resolve(process.env.BENCH_WEB_BASELINE) : null;
  const { chromium } = await import("playwright-core");
  const dir = mkdtempSync(path.join(os.tmpdir(), "chitieu-bench-web-"));
  const servers: StaticServer[] = [];
  let browser: Browser | null = null;
  try {
    const file = path.join(dir, `r${ROWS}.xlsx`);
    const w = await writeRealisticWorkbook(file, ROWS);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    const context = await browser.newContext({ viewport: { width: 800, height: 900 }, locale: "vi-VN" });
    // nothing leaves the machine: office.js from the CDN is refused, so the page runs standalone
    await context.route("**/*", (route) => {
      const u = new URL(route.request().url());
      return u.hostname === "127.0.0.1" || u.protocol === "blob:" || u.protocol === "data:" ? route.continue() : route.abort();
    });
    await context.addInitScript(probe);
    const page = await context.newPage();
    const builds: Record<string, string> = { current: web, ...(baselineDir ? { baseline: baselineDir } : {}) };
    const urls: Record<string, string> = {};
    for (const [k, d] of Object.entries(builds)) {
      const s = await serveStatic(d);
      servers.push(s);
      urls[k] = s.url;
    }
    const runs: Record<string, Run[]> = Object.fromEntries(Object.keys(builds).map((k) => [k, []]));
    const t = await interleaved(
      Object.fromEntries(
        Object.keys(builds).map((k) => [
          k,
          async () => {
            const r = await once(page, urls[k], file);
            runs[k].push(r);
            if (r.shown !== String(w.indicators).replace(/\B(?=(\d{3})+(?!\d))/g, ".") && r.shown !== String(w.indicators)) {
              throw new Error(`${k}: the page shows "${r.shown}", the workbook has ${w.indicators} indicators`);
            }
          },
        ]),
      ),
      RUNS,
    );
    // the page's own clock, without the warm-up round
    const cur = runs.current.slice(-RUNS);
    const ms = timing(cur.map((r) => r.ms));
    const longest = timing(cur.map((r) => r.longest));
    const out: Record<string, number | string> = {
      browser_check_ms_10000: round(ms.median, 1),
      browser_check_ms_10000_spread_pct: round(ms.spreadPct, 1),
      browser_check_ms_10000_min: round(ms.min, 1),
      browser_check_ms_10000_max: round(ms.max, 1),
      browser_longest_task_ms_10000: round(longest.median, 1),
      browser_blocking_ms_10000: round(timing(cur.map((r) => r.blocking)).median, 1),
      browser_wall_ms_10000: round(t.current.median, 1),
    };
    if (baselineDir) {
      const base = runs.baseline.slice(-RUNS);
      const bms = timing(base.map((r) => r.ms));
      Object.assign(out, {
        browser_baseline_check_ms_10000: round(bms.median, 1),
        browser_baseline_check_ms_10000_spread_pct: round(bms.spreadPct, 1),
        browser_baseline_longest_task_ms_10000: round(timing(base.map((r) => r.longest)).median, 1),
        browser_baseline_blocking_ms_10000: round(timing(base.map((r) => r.blocking)).median, 1),
        ...ratioFigures("browser_check_ratio_vs_baseline_10000", ratio(ms, bms)),
      });
    }
    return out;
  } finally {
    await browser?.close();
    for (const s of servers) await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
