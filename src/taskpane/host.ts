/**
 * Are we inside Excel? Decided from facts, never from a clock:
 * - the page's bootstrap (taskpane.html, window.ChiTieuBoot) tells whether the page is in an Office
 *   webview (the markers office.js itself reads) and whether office.js has loaded or failed;
 * - in an Office webview, the pane waits for office.js and Office.onReady however long they take
 *   (a cold Excel can be slow; Excel shows its own error if the add-in never starts);
 * - elsewhere (a browser tab), the page is standalone at once, even while office.js is still
 *   loading or its CDN never answers; if an `Office` is already there (office.js from the cache, or
 *   a stand-in) it is asked, and a plain browser answers "no host" quickly.
 */
export type Host = "excel" | null;

export interface HostDecision {
  host: Host;
  /**
   * office: Office said Excel; not-office: a browser tab; office-js-failed: in an Office webview but
   * office.js did not load (no network to Microsoft's CDN); other-host: Office but not Excel
   */
  reason: "office" | "not-office" | "office-js-failed" | "other-host";
}

/** What the bootstrap in taskpane.html reports. */
export interface BootInfo {
  office: "loading" | "loaded" | "failed";
  inOffice: boolean;
  hint?: string;
  settled?: (callback: (state: "loaded" | "failed") => void) => void;
}

interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform?: unknown } | null | undefined>;
  HostType?: { Excel?: unknown };
}

export interface HostEnv {
  office(): OfficeLike | undefined;
  boot(): BootInfo | undefined;
  /** used only outside Office webviews, to bound asking an Office that is already there */
  delay(ms: number): Promise<void>;
}

/** Markers office.js reads to find its host (used when the bootstrap did not run). */
export function officeHints(w: Window): string {
  const g = w as unknown as Record<string, unknown> & { external?: Record<string, unknown>; chrome?: { webview?: unknown }; webkit?: { messageHandlers?: { Agave?: unknown } } };
  try {
    if (/[?&#]_host_Info=/i.test(w.location.search + w.location.hash)) return "host-info";
  } catch {
    /* ignore */
  }
  try {
    if (/_host_Info|hostInfo/.test(w.name || "")) return "window-name";
    if (w.sessionStorage?.getItem("hostInfoValue")) return "stored-host-info";
  } catch {
    /* storage may be refused */
  }
  try {
    if (g.external && typeof g.external.GetContext !== "undefined") return "ie-host";
    if (g.chrome?.webview) return "webview2";
    if (g.webkit?.messageHandlers?.Agave) return "mac-host";
    if (w.top !== w) return "frame";
  } catch {
    return "frame";
  }
  return "";
}

function browserEnv(): HostEnv {
  const g = globalThis as unknown as { Office?: OfficeLike; ChiTieuBoot?: BootInfo; window?: Window };
  return {
    office: () => (g.Office && typeof g.Office.onReady === "function" ? g.Office : undefined),
    boot: () => g.ChiTieuBoot ?? (g.window ? { office: g.Office ? "loaded" : "failed", inOffice: officeHints(g.window) !== "" } : undefined),
    delay: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

const isExcel = (office: OfficeLike, info: { host: unknown } | null | undefined) => !!info && info.host !== null && info.host !== undefined && info.host === (office.HostType?.Excel ?? "Excel");

export async function detectHost(env: HostEnv = browserEnv()): Promise<HostDecision> {
  const boot = env.boot();
  const inOffice = !!boot?.inOffice;
  let office = env.office();
  if (!office) {
    if (!inOffice) return { host: null, reason: "not-office" };
    // in an Office webview: wait for office.js, loaded or failed, however long it takes
    const state = boot!.office === "loading" && boot!.settled ? await new Promise<"loaded" | "failed">((resolve) => boot!.settled!(resolve)) : boot!.office;
    office = env.office();
    if (state === "failed" || !office) return { host: null, reason: "office-js-failed" };
  }
  if (inOffice) {
    const info = await office.onReady().catch(() => null);
    return isExcel(office, info) ? { host: "excel", reason: "office" } : { host: null, reason: info && info.host ? "other-host" : "not-office" };
  }
  // not an Office webview, yet an Office is here: ask, but never hold the standalone page for long
  const info = await Promise.race([office.onReady().catch(() => null), env.delay(1500).then(() => null)]);
  return isExcel(office, info) ? { host: "excel", reason: "office" } : { host: null, reason: "not-office" };
}
