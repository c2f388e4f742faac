/**
 * What every browser test shares: where Chromium and the built page are, the checks that they are
 * there (a missing Chromium is an error, never a skipped test), the static server for dist/web, and
 * a headless Chromium whose requests never leave the machine. One place, so that each e2e file sets
 * up only what is its own (a stand-in Excel, a route for office.js, a profile for downloads).
 */
import { execSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Route } from "playwright-core";
import { REPO_ROOT } from "./reference";
import { serveStatic, type StaticServer } from "../e2e/static-server";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const DIST = process.env.TASKPANE_DIST ? path.resolve(process.env.TASKPANE_DIST) : path.join(REPO_ROOT, "dist", "web");
export const ARTIFACTS = path.join(REPO_ROOT, "test-artifacts");

/**
 * Chromium's flags on this machine and in CI (root, no display, a closed network): without the
 * background-networking flags Chromium keeps trying Google's hosts, refused many at a time.
 */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The options every page starts with: the pane's usual width, Vietnamese, no animation. */
export const PAGE_OPTIONS: BrowserContextOptions = { viewport: { width: 800, height: 900 }, locale: "vi-VN", reducedMotion: "reduce" };

/** Chromium installed and the page built (building it when it is not); throws a Vietnamese message when Chromium is missing. */
export function requireBrowserAndBuild(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium không có ở ${CHROMIUM}: cài gói Debian "chromium" (apt-get install chromium; .ci/run làm việc này) hoặc đặt CHROMIUM_PATH. Bài kiểm tra trình duyệt không được bỏ qua.`,
    );
  }
  if (!existsSync(path.join(DIST, "taskpane.html"))) execSync("npx webpack --mode production", { cwd: REPO_ROOT, stdio: "inherit" });
  mkdirSync(ARTIFACTS, { recursive: true });
}

/** A request the page may make: this machine's server, blob: and data: URLs. */
export function isLocal(url: URL): boolean {
  return url.hostname === "127.0.0.1" || url.protocol === "blob:" || url.protocol === "data:";
}

export interface OfflineRouting {
  /** a request for which this returns true is the caller's (it fulfils or aborts the route itself) */
  own?: (route: Route, url: URL) => boolean;
  /** told of every request that was refused */
  refused?: (url: string) => void;
}

/** Route every request of a context: local ones go through, the caller's own are left to it, any other is refused. */
export async function routeOffline(context: BrowserContext, routing: OfflineRouting = {}): Promise<void> {
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (routing.own?.(route, url)) return;
    if (isLocal(url)) return route.continue();
    routing.refused?.(url.href);
    return route.abort();
  });
}

/** The built page served on 127.0.0.1 (requireBrowserAndBuild first). */
export function servePage(): Promise<StaticServer> {
  return serveStatic(DIST);
}

/** A headless Chromium with the shared flags; its contexts are routed by the caller (routeOffline). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A persistent context on a fresh profile (as launchPersistentContext passes --user-data-dir), routed
 * offline, with its first page: for tests that download files or keep state across pages.
 */
export async function launchOfflineContext(
  profileDir: string,
  options: BrowserContextOptions & OfflineRouting = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const { own, refused, ...contextOptions } = options;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...PAGE_OPTIONS,
    ...contextOptions,
  });
  await routeOffline(context, { own, refused });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}
