/**
 * The production bundle of the functions, built with the project's webpack.config.js into a
 * temporary folder (only the functions and commands entries, so the task pane's own work in
 * progress cannot break this test), with ADDIN_URL set as a deployment would: functions.json
 * lists every function, functions.js registers every id with CustomFunctions.associate, computes
 * through the registry, loads in a page without Office, and never bundles HyperFormula.
 *
 * Oldest runtime: on Windows without WebView2 the shared runtime is Internet Explorer 11, so
 * functions.js and commands.js must parse as ES5 (acorn, ecmaVersion 5) and run on IE11's library:
 * they are run here in a context stripped of everything ES2015+ added (Symbol, Promise, Map/Set
 * iteration, normalize, includes, fromCodePoint, String.raw, typed-array fill...) and must give
 * the registry's answers on every indicator of the reference table, typed precomposed or decomposed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import * as acorn from "acorn";
import { callFunction, FUNCTIONS, type FnArg } from "../../src/core/evaluation/nq-functions";
import { loadReferenceIndicators } from "../support/reference";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { latinNfdTable } = require("../../scripts/make-latin-nfd.cjs") as { latinNfdTable: () => string };
import { LATIN_NFD } from "../../src/functions/latin-nfd";

const ADDIN_URL = "https://phanmem.vptu.example.vn/chi-tieu/";

const ROOT = path.resolve(__dirname, "..", "..");

let out: string;

/** Runs webpack in a child Node process (copy-webpack-plugin's dynamic imports do not run inside jest's vm). */
const BUILD_SCRIPT = `
const webpack = require("webpack");
const makeConfig = require(process.env.ROOT + "/webpack.config.js");
(async () => {
  const config = await makeConfig({}, { mode: "production" });
  config.context = process.env.ROOT;
  config.mode = "production";
  config.context = process.env.ROOT;
  config.entry = { functions: config.entry.functions, commands: config.entry.commands };
  config.output = { ...config.output, path: process.env.OUT };
  webpack(config, (err, stats) => {
    if (err) { console.error(err); process.exit(1); }
    if (stats.hasErrors()) { console.error(stats.toString({ all: false, errors: true })); process.exit(1); }
  });
})();
`;

beforeAll(() => {
  out = mkdtempSync(path.join(os.tmpdir(), "chitieu-web-"));
  const r = spawnSync(process.execPath, ["-e", BUILD_SCRIPT], { cwd: ROOT, env: { ...process.env, ROOT, OUT: out, ADDIN_URL }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`webpack failed:\n${r.stderr}\n${r.stdout}`);
}, 120000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

test("functions.json lists every registry function", () => {
  const meta = JSON.parse(readFileSync(path.join(out, "functions.json"), "utf8"));
  expect(meta.functions.map((f: { id: string }) => f.id).sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
});

test("manifest, icons and commands page are emitted beside the scripts", () => {
  for (const f of ["manifest.xml", "commands.html", "commands.js", "functions.js", "assets/icon-16.png", "assets/icon-32.png", "assets/icon-80.png"]) {
    expect(() => readFileSync(path.join(out, f))).not.toThrow();
  }
});

test("functions.js never bundles HyperFormula", () => {
  const code = readFileSync(path.join(out, "functions.js"), "utf8");
  expect(code).not.toMatch(/hyperformula|Handsoncode/i);
});

test("functions.js loads without Office (plain browser) and registers nothing", () => {
  const code = readFileSync(path.join(out, "functions.js"), "utf8");
  const ctx = vm.createContext({ console });
  expect(() => vm.runInContext(code, ctx)).not.toThrow();
});

test("functions.js associates every id with a wrapper that computes through the registry", () => {
  const code = readFileSync(path.join(out, "functions.js"), "utf8");
  const registered: Record<string, (...a: unknown[]) => unknown> = {};
  class RuntimeError {
    constructor(
      public code: string,
      public message: string,
    ) {}
  }
  const ctx = vm.createContext({
    console,
    CustomFunctions: {
      associate: (id: string, fn: (...a: unknown[]) => unknown) => {
        registered[id] = fn;
      },
      Error: RuntimeError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    },
  });
  vm.runInContext(code, ctx);
  expect(Object.keys(registered).sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
  expect(Math.round((registered["TANGBQ.DAYSO"]([[86260, 135327, 145000]]) as number) * 100) / 100).toBe(29.65);
  expect(Math.round((registered["TANGBQ.TOCDO"]([[4.2], [9.7], [9.8]]) as number) * 100) / 100).toBe(7.87);
  expect(Math.round((registered.CANDAT(8.5, 5, 7.87, 3) as number) * 100) / 100).toBe(9.45);
  expect(registered.DANHGIA("8,5-9,5", 7.8, null, null, null)).toBe("Chưa đạt");
  expect(registered.COCAU([[60], [30], [10]])).toEqual([[60], [30], [10]]);
  let thrown: unknown;
  try {
    registered.TANGBQ("abc", 1, 2);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(RuntimeError);
  expect(thrown).toMatchObject({ code: "#VALUE!" });
  expect((thrown as RuntimeError).message).toMatch(/phải là một số/);
});

// ---------------------------------------------------------------------------------------------
/** Internet Explorer 11's library: what ES2015+ added is removed from a fresh context. */
const STRIP_TO_IE11 = `
(function () {
  var g = this;
  delete g.Symbol; delete g.Promise; delete g.Reflect; delete g.Proxy; delete g.globalThis;
  ["normalize", "includes", "startsWith", "endsWith", "padStart", "padEnd", "repeat", "codePointAt", "trimStart", "trimEnd", "at", "replaceAll", "matchAll"].forEach(function (k) { delete String.prototype[k]; });
  delete String.fromCodePoint; delete String.raw;
  ["includes", "find", "findIndex", "fill", "flat", "flatMap", "copyWithin", "entries", "keys", "values", "at", "findLast"].forEach(function (k) { delete Array.prototype[k]; });
  delete Array.from; delete Array.of;
  ["Int8Array", "Uint8Array", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array"].forEach(function (n) {
    var p = g[n].prototype;
    while (p && !Object.prototype.hasOwnProperty.call(p, "fill")) p = Object.getPrototypeOf(p);
    if (p) delete p.fill;
  });
  ["assign", "entries", "values", "fromEntries", "getOwnPropertySymbols", "is", "setPrototypeOf"].forEach(function (k) { delete Object[k]; });
  ["isFinite", "isInteger", "isNaN", "parseFloat", "parseInt", "EPSILON", "isSafeInteger", "MAX_SAFE_INTEGER", "MIN_SAFE_INTEGER"].forEach(function (k) { delete Number[k]; });
  ["trunc", "sign", "log10", "log2", "cbrt", "hypot", "expm1", "log1p", "fround", "imul", "clz32"].forEach(function (k) { delete Math[k]; });
  // IE11's Map and Set: get/set/has/forEach only; the constructor ignores its argument; no iterators
  var M = Map, S = Set;
  g.Map = function () { var m = new M(); this.get = function (k) { return m.get(k); }; this.set = function (k, v) { m.set(k, v); return this; }; this.has = function (k) { return m.has(k); }; this["delete"] = function (k) { return m["delete"](k); }; this.forEach = function (f, t) { m.forEach(f, t); }; this.clear = function () { m.clear(); }; Object.defineProperty(this, "size", { get: function () { return m.size; } }); };
  g.Set = function () { var s = new S(); this.add = function (k) { s.add(k); return this; }; this.has = function (k) { return s.has(k); }; this["delete"] = function (k) { return s["delete"](k); }; this.forEach = function (f, t) { s.forEach(f, t); }; this.clear = function () { s.clear(); }; Object.defineProperty(this, "size", { get: function () { return s.size; } }); };
}).call(this);`;

describe("the oldest runtime: Internet Explorer 11 (shared runtime without WebView2)", () => {
  test.each(["functions.js", "commands.js"])("%s parses as ES5", (file) => {
    const code = readFileSync(path.join(out, file), "utf8");
    expect(() => acorn.parse(code, { ecmaVersion: 5 })).not.toThrow();
    // and the check would catch ES2015: the same parser refuses an arrow function and a template
    expect(() => acorn.parse("var f = () => `x`;", { ecmaVersion: 5 })).toThrow();
  });

  test("the stripped context really lacks ES2015+ (so the next test means something)", () => {
    const ctx = vm.createContext({});
    vm.runInContext(STRIP_TO_IE11, ctx);
    expect(vm.runInContext(`[typeof Symbol, typeof "".normalize, typeof [].includes, typeof String.fromCodePoint, typeof new Map([[1, 2]]).get(1), typeof Promise]`, ctx)).toEqual(["undefined", "undefined", "undefined", "undefined", "undefined", "undefined"]);
  });

  test("functions.js on IE11's library gives the registry's answers for every reference indicator", () => {
    const code = readFileSync(path.join(out, "functions.js"), "utf8");
    const registered: Record<string, (...a: unknown[]) => unknown> = {};
    function RuntimeError(this: { code: string; message: string }, code: string, message: string) {
      this.code = code;
      this.message = message;
    }
    const ctx = vm.createContext({ console });
    vm.runInContext(STRIP_TO_IE11, ctx);
    ctx.CustomFunctions = { associate: (id: string, fn: (...a: unknown[]) => unknown) => (registered[id] = fn), Error: RuntimeError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
    vm.runInContext(code, ctx);
    expect(Object.keys(registered).sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());

    const outcome = (f: () => unknown): unknown => {
      try {
        return JSON.parse(JSON.stringify(f()));
      } catch (e) {
        return { error: (e as { message?: string }).message };
      }
    };
    const expected = (id: string, args: FnArg[]): unknown => {
      const r = callFunction(id, args);
      return r && typeof r === "object" && !Array.isArray(r) ? { error: (r as { message: string }).message } : JSON.parse(JSON.stringify(r));
    };
    const calls: Array<[string, FnArg[]]> = [];
    for (const r of loadReferenceIndicators()) {
      for (const text of [r.target, r.target.normalize("NFD")]) {
        calls.push(["DANHGIA", [text, r.actual, null, null, null, r.name.normalize("NFD")]]);
        calls.push(["DANHGIA", [text, r.actual, null, "hoan-thanh", 2, r.name]]);
        calls.push(["TYLEDAT", [r.actual, text, null]]);
        calls.push(["MUCTIEU", [text, "tren"]]);
        calls.push(["DOCSO", [r.actual]]);
      }
    }
    calls.push(["TANGBQ.TOCDO", [[[4.2], [9.7], [9.8]]]], ["CANDAT", [8.5, 5, 7.87, 3]], ["COCAU", [[[60], [30], [10]]]], ["TIENDO", [263, 550, 3, 5]], ["TANGBQ", ["abc", 1, 2]]);
    const differences = calls
      .map(([id, args]) => ({ id, args, ie11: outcome(() => registered[id](...args)), node: expected(id, args) }))
      .filter((c) => JSON.stringify(c.ie11) !== JSON.stringify(c.node));
    expect(differences).toEqual([]);
    expect(calls.length).toBeGreaterThan(200);
  });

  test("the Latin NFD table is what Node's normalize gives (scripts/make-latin-nfd.cjs)", () => {
    expect(LATIN_NFD).toBe(latinNfdTable());
  });
});

describe("a deployable build (ADDIN_URL)", () => {
  test("manifest.xml is emitted with every add-in URL under ADDIN_URL and no localhost", () => {
    const xml = readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(xml).not.toMatch(/localhost/i);
    const urls = [...xml.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:\/\/[^"<]+)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u === "https://phanmem.vptu.example.vn" || u.startsWith(ADDIN_URL)).toBe(true);
    expect(xml).toContain(`<SourceLocation DefaultValue="${ADDIN_URL}taskpane.html"/>`);
    expect(xml).toContain(`DefaultValue="${ADDIN_URL}functions.js"`);
  });
});

describe("the unified manifest of a deployable build", () => {
  test("manifest.json and the app package are emitted, every URL under ADDIN_URL, the same id in both", async () => {
    const json = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8"));
    const urls = (JSON.stringify(json).match(/https?:\/\/[^"]+/g) ?? []).filter((u) => !u.startsWith("https://developer.microsoft.com/"));
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(u.startsWith(ADDIN_URL)).toBe(true);
    // the functions inline are the ones of functions.json
    const meta = JSON.parse(readFileSync(path.join(out, "functions.json"), "utf8"));
    expect(json.extensions[0].runtimes[0].customFunctions.functions.map((f: { id: string }) => f.id)).toEqual(meta.functions.map((f: { id: string }) => f.id));
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(path.join(out, "chi-tieu-nghi-quyet.zip")));
    expect(Object.keys(zip.files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(await zip.file("manifest.json")!.async("string")).toBe(readFileSync(path.join(out, "manifest.json"), "utf8"));
    const size = async (name: string) => (await zip.file(name)!.async("nodebuffer")).readUInt32BE(16);
    expect([await size(json.icons.color), await size(json.icons.outline)]).toEqual([192, 32]);
  });
});
