/**
 * The production bundle of the functions, built with the project's webpack.config.js into a
 * temporary folder (only the functions and commands entries, so the task pane's own work in
 * progress cannot break this test): functions.json lists every function, functions.js registers
 * every id with CustomFunctions.associate, computes through the registry, loads in a page without
 * Office, and never bundles HyperFormula.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { FUNCTIONS } from "../../src/core/evaluation/nq-functions";

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
  const r = spawnSync(process.execPath, ["-e", BUILD_SCRIPT], { cwd: ROOT, env: { ...process.env, ROOT, OUT: out }, encoding: "utf8" });
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
