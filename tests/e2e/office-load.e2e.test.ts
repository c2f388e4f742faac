/**
 * How the built page (dist/web/taskpane.html) loads, in headless Chromium, with office.js from
 * Microsoft's CDN under the test's control (never answered, refused, or answered late with a
 * stand-in Office):
 * - a browser tab with the CDN hanging shows "Mở tệp Excel" in under a second;
 * - in an Office webview (the _host_Info marker) the pane waits for office.js however long it takes
 *   (no 5 s cut), then works with Excel; the NQ functions register with the runtime;
 * - a browser tab whose office.js arrives late still hands the NQ functions over;
 * - in an Office webview whose office.js fails, the page runs standalone and says why;
 * - a webview too old for the pane's syntax (as IE11) gets a Vietnamese message, not a blank pane;
 * - taskpane.js and its chunks are no newer than the syntax the page's probe checks (webpack.config.js).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as acorn from "acorn";
import type { BrowserContext, Page, Route } from "playwright-core";
import { ARTIFACTS, DIST, launchOfflineContext, requireBrowserAndBuild, servePage } from "../support/e2e-browser";
import type { StaticServer } from "./static-server";
import { installFakeOffice } from "./fake-office";
import { FUNCTIONS } from "../../src/core/evaluation/nq-functions";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { TASKPANE_ES, SYNTAX_PROBES } = require("../../webpack.config.js") as { TASKPANE_ES: number; SYNTAX_PROBES: Record<number, string> };

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The query Excel on Windows adds to the add-in's page. */
const HOST_INFO = "?_host_Info=Excel$Win32$16.01$vi-VN$$$$0";

let server: StaticServer;
let context: BrowserContext;
let work: string;
/** what to do with the next office.js request */
let officeJs: (route: Route) => Promise<void> | void = () => undefined;
const requested: string[] = [];

/**
 * A stand-in office.js: the e2e Excel fake, plus a CustomFunctions runtime that records
 * associations; Office.onReady answers after `readyMs` (a cold Excel can be slow).
 */
function fakeOfficeScript(readyMs = 0): string {
  const sheets = [{ name: "Chỉ tiêu", values: [["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết", "Kết quả thực hiện", "Đánh giá"], ["1", "Tỷ lệ hộ nghèo", "%", "dưới 1,0", 0.37, ""]] }];
  return `window.__registered = [];
window.CustomFunctions = { associate: function (id) { window.__registered.push(id); }, Error: Error, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
(${installFakeOffice.toString()})(${JSON.stringify({ sheets, customFunctions: true })});
(function () { var ready = window.Office.onReady; window.Office.onReady = function () { return new Promise(function (r) { setTimeout(function () { r(ready()); }, ${readyMs}); }); }; })();`;
}

async function newPage(): Promise<Page> {
  const page = await context.newPage();
  page.on("request", (r) => requested.push(r.url()));
  return page;
}

beforeAll(async () => {
  requireBrowserAndBuild();
  work = mkdtempSync(path.join(os.tmpdir(), "office-load-e2e-"));
  server = await servePage();
  // nothing leaves the machine; office.js is answered as each test says
  ({ context } = await launchOfflineContext(path.join(work, "profile"), {
    viewport: { width: 360, height: 700 },
    reducedMotion: "no-preference",
    own: (route, url) => {
      if (url.href !== OFFICE_JS) return false;
      void officeJs(route);
      return true;
    },
  }));
}, 300_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

beforeEach(() => {
  requested.length = 0;
  officeJs = () => undefined;
});

/** Milliseconds from navigation to the "Mở tệp Excel" button, with office.js handled by `handler`. */
async function timeToOpenButton(handler: typeof officeJs): Promise<{ ms: number; page: Page }> {
  officeJs = handler;
  const page = await newPage();
  const t0 = Date.now();
  await page.goto(`${server.url}/taskpane.html`, { waitUntil: "commit" });
  await page.getByRole("button", { name: "Mở tệp Excel" }).waitFor();
  return { ms: Date.now() - t0, page };
}

test("a browser tab with the office.js request never answered: “Mở tệp Excel” shows while the request is still pending", async () => {
  // the same page with office.js refused at once: what the machine needs anyway
  const refused = await timeToOpenButton((route) => route.abort());
  await refused.page.close();
  const hanging = await timeToOpenButton(() => undefined); // never answered
  const page = hanging.page;
  console.log(`“Mở tệp Excel”: ${hanging.ms} ms with office.js hanging, ${refused.ms} ms with it refused`);
  // No timing asserted (speed belongs to the bench; a loaded machine made a 300 ms margin flaky): the
  // button is there while office.js is asked for and still unanswered, so the page did not wait for it.
  // A blocking office.js kept the page blank until the browser gave up (minutes): the wait above would time out.
  expect(requested).toContain(OFFICE_JS); // asked for, and still pending
  expect(await page.evaluate(() => (window as unknown as { ChiTieuBoot: { office: string; inOffice: boolean } }).ChiTieuBoot)).toMatchObject({ office: "loading", inOffice: false });
  expect(await page.evaluate(() => document.documentElement.dataset.mode)).toBe("standalone");
  await page.close();
});

test("in an Office webview: no 5 s cut; office.js late (1 s) and Office.onReady later (5,5 s), then Excel; the functions register", async () => {
  officeJs = async (route) => {
    await new Promise((r) => setTimeout(r, 1000));
    await route.fulfill({ status: 200, contentType: "text/javascript", body: fakeOfficeScript(5500) }).catch(() => undefined);
  };
  const page = await newPage();
  const t0 = Date.now();
  await page.goto(`${server.url}/taskpane.html${HOST_INFO}`, { waitUntil: "commit" });
  // the functions registered with the runtime as soon as office.js was there
  await page.waitForFunction(() => ((window as unknown as { __registered?: string[] }).__registered ?? []).length > 0, undefined, { timeout: 30_000 });
  // after 5 s: still waiting for Office, never dropped into standalone mode
  await page.waitForTimeout(Math.max(0, 5200 - (Date.now() - t0)));
  expect(await page.getByRole("button", { name: "Mở tệp Excel" }).count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.dataset.mode ?? "")).toBe("");
  await page.waitForFunction(() => document.documentElement.dataset.mode === "office", undefined, { timeout: 60_000 });
  expect(Date.now() - t0).toBeGreaterThan(5500);
  expect(await page.getByRole("button", { name: "Mở tệp Excel" }).count()).toBe(0);
  const registered = await page.evaluate(() => (window as unknown as { __registered: string[] }).__registered);
  expect([...registered].sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
  await page.close();
}, 90_000);

test("a browser tab whose office.js arrives late: the NQ functions queued before it are handed over", async () => {
  let release: () => void = () => undefined;
  const released = new Promise<void>((r) => (release = r));
  officeJs = async (route) => {
    await released; // office.js arrives only after the page is up, standalone
    await route.fulfill({ status: 200, contentType: "text/javascript", body: fakeOfficeScript() }).catch(() => undefined);
  };
  const page = await newPage();
  await page.goto(`${server.url}/taskpane.html`, { waitUntil: "commit" });
  await page.getByRole("button", { name: "Mở tệp Excel" }).waitFor(); // standalone at once
  expect(await page.evaluate(() => (window as unknown as { __registered?: string[] }).__registered)).toBeUndefined();
  release();
  await page.waitForFunction(() => ((window as unknown as { __registered?: string[] }).__registered ?? []).length > 0, undefined, { timeout: 30_000 });
  const registered = await page.evaluate(() => (window as unknown as { __registered: string[] }).__registered);
  expect([...registered].sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
  await page.close();
}, 60_000);

test("in an Office webview whose office.js fails: standalone, with a Vietnamese note saying why", async () => {
  officeJs = (route) => route.abort();
  const page = await newPage();
  await page.goto(`${server.url}/taskpane.html${HOST_INFO}`, { waitUntil: "commit" });
  await page.getByRole("button", { name: "Mở tệp Excel" }).waitFor();
  const note = page.getByRole("status").filter({ hasText: "Không tải được thư viện Office (office.js)" });
  await note.waitFor();
  expect(await note.isVisible()).toBe(true);
  await page.close();
});

test("a webview too old for the pane (as IE11): a Vietnamese message, no blank pane, taskpane.js never loaded", async () => {
  officeJs = (route) => route.abort();
  const page = await newPage();
  // an engine that cannot parse the pane's syntax: the probe's `new Function(...)` throws
  await page.addInitScript(() => {
    const Native = Function;
    const Old = function (...args: string[]) {
      if (args.some((a) => /\?\.|\?\?|\.\.\./.test(a))) throw new SyntaxError("Expected identifier");
      return Native(...args);
    } as unknown as FunctionConstructor;
    (Old as unknown as { prototype: unknown }).prototype = Native.prototype;
    (window as unknown as { Function: FunctionConstructor }).Function = Old;
  });
  await page.goto(`${server.url}/taskpane.html`, { waitUntil: "load" });
  const alert = page.getByRole("alert");
  await alert.getByRole("heading", { name: "Ngăn tác vụ chưa chạy được trên Excel này" }).waitFor();
  const text = (await alert.innerText()).normalize("NFC");
  expect(text).toContain("Microsoft Edge WebView2 Runtime");
  expect(text).toContain(`${server.url}/taskpane.html`);
  expect(text).toContain("chitieu");
  expect(text).toMatch(/NQ\.\*/);
  expect(requested.some((u) => u.endsWith("/taskpane.js"))).toBe(false);
  expect(requested.some((u) => u.endsWith("/functions.js"))).toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS, "webview-cu.png"), fullPage: true });
  await page.close();
});

test(`taskpane.js and its chunks use no syntax newer than ES${TASKPANE_ES}, the level the page's probe checks`, () => {
  const scripts = readdirSync(DIST).filter((f) => f.endsWith(".js"));
  expect(scripts).toContain("taskpane.js");
  const tooNew = scripts.filter((f) => {
    try {
      acorn.parse(readFileSync(path.join(DIST, f), "utf8"), { ecmaVersion: TASKPANE_ES as acorn.ecmaVersion });
      return false;
    } catch {
      return true;
    }
  });
  expect(tooNew).toEqual([]);
  const probe = SYNTAX_PROBES[TASKPANE_ES];
  expect(readFileSync(path.join(DIST, "taskpane.html"), "utf8")).toContain(`new Function(${JSON.stringify(probe)})`);
  // the probe needs exactly that level: an engine one version older fails it
  expect(() => acorn.parse(probe, { ecmaVersion: TASKPANE_ES as acorn.ecmaVersion })).not.toThrow();
  expect(() => acorn.parse(probe, { ecmaVersion: (TASKPANE_ES - 1) as acorn.ecmaVersion })).toThrow();
});
