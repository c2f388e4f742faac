/**
 * Host detection decides from facts, never from a timer inside Office: in an Office webview it
 * waits for office.js and Office.onReady however long they take; in a browser tab it is standalone
 * at once, whatever office.js does.
 */
import { detectHost, type BootInfo, type HostEnv } from "../../src/taskpane/host";

type Ready = { host: unknown } | null;

/** An environment whose office.js arrives (or fails) when the test says so. */
function env(inOffice: boolean) {
  let office: { onReady(): Promise<Ready>; HostType: { Excel: string } } | undefined;
  let ready: (info: Ready) => void = () => undefined;
  const readyP = new Promise<Ready>((r) => (ready = r));
  const listeners: Array<(s: "loaded" | "failed") => void> = [];
  const boot: BootInfo = {
    office: "loading",
    inOffice,
    settled: (cb) => (boot.office === "loading" ? listeners.push(cb) : cb(boot.office)),
  };
  const delays: number[] = [];
  const e: HostEnv = {
    office: () => office,
    boot: () => boot,
    delay: (ms) => {
      delays.push(ms);
      return new Promise(() => undefined); // a timer that never fires: nothing may depend on one
    },
  };
  return {
    e,
    delays,
    /** office.js arrives */
    load() {
      office = { onReady: () => readyP, HostType: { Excel: "Excel" } };
      boot.office = "loaded";
      listeners.splice(0).forEach((l) => l("loaded"));
    },
    fail() {
      boot.office = "failed";
      listeners.splice(0).forEach((l) => l("failed"));
    },
    ready,
  };
}

const settledWithin = async <T,>(p: Promise<T>, ticks = 20): Promise<T | "pending"> => {
  let done: T | "pending" = "pending";
  void p.then((v) => (done = v));
  for (let i = 0; i < ticks; i++) await Promise.resolve();
  return done;
};

test("a browser tab: standalone at once, office.js still loading (or never answering)", async () => {
  const t = env(false);
  expect(await settledWithin(detectHost(t.e), 3)).toEqual({ host: null, reason: "not-office" });
  expect(t.delays).toEqual([]);
});

test("an Office webview: waits for office.js and onReady with no time limit, then Excel", async () => {
  const t = env(true);
  const p = detectHost(t.e);
  expect(await settledWithin(p)).toBe("pending");
  t.load();
  expect(await settledWithin(p)).toBe("pending"); // office.js there, Office not ready yet
  t.ready({ host: "Excel" });
  expect(await p).toEqual({ host: "excel", reason: "office" });
  expect(t.delays).toEqual([]); // no timer was even started
});

test("an Office webview where office.js fails to load: standalone, and the reason says so", async () => {
  const t = env(true);
  const p = detectHost(t.e);
  t.fail();
  expect(await p).toEqual({ host: null, reason: "office-js-failed" });
});

test("another Office application (Word): not Excel", async () => {
  const t = env(true);
  t.load();
  t.ready({ host: "Word" });
  expect(await detectHost(t.e)).toEqual({ host: null, reason: "other-host" });
});

test("a browser tab where an Office is already present (a stand-in) is asked; Excel → office", async () => {
  const t = env(false);
  t.load();
  t.ready({ host: "Excel" });
  expect(await detectHost(t.e)).toEqual({ host: "excel", reason: "office" });
  // office.js in a plain tab answers host null: standalone
  const u = env(false);
  u.load();
  u.ready({ host: null });
  expect(await detectHost(u.e)).toEqual({ host: null, reason: "not-office" });
});
