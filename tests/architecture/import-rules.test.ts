import path from "node:path";
import { ALLOWED, importsOf, readSources, violations } from "./import-rules";

const ROOT = path.resolve(__dirname, "..", "..");

describe("dependency rule", () => {
  const sources = readSources(ROOT, ["src", "bench"]);

  test("the code base keeps it: no layer imports one it may not", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(40);
    expect(violations(sources)).toEqual([]);
  });

  test("it fails when an adapter imports the pane, when core imports the app, when the bench imports the CLI", () => {
    const broken = {
      ...sources,
      "src/adapters/office/office-workbook.ts": sources["src/adapters/office/office-workbook.ts"] + '\nimport { App } from "../../taskpane/App";\n',
      "src/core/model.ts": sources["src/core/model.ts"] + '\nconst x = await import("../app/analyse");\n',
      "bench/check.ts": sources["bench/check.ts"] + '\nimport { run } from "../src/cli/commands/check";\n',
    };
    expect(violations(broken).map((v) => `${v.file} → ${v.to}`)).toEqual([
      "src/adapters/office/office-workbook.ts → taskpane",
      "src/core/model.ts → app",
      "bench/check.ts → cli",
    ]);
  });

  test("it fails when core or app imports a package, Node's own included, type-only or dynamic", () => {
    const broken = {
      ...sources,
      "src/core/model.ts": sources["src/core/model.ts"] + '\nimport type { Workbook } from "exceljs";\n',
      "src/core/text/fold.ts": sources["src/core/text/fold.ts"] + '\nconst z = await import("jszip");\n',
      "src/app/analyse.ts": sources["src/app/analyse.ts"] + '\nimport { readFileSync } from "node:fs";\n',
    };
    expect(violations(broken).map((v) => `${v.file} → ${v.to} ${v.imports}`).sort()).toEqual([
      "src/app/analyse.ts → package node:fs",
      "src/core/model.ts → package exceljs",
      "src/core/text/fold.ts → package jszip",
    ]);
  });

  test("a folder of src/ with no rule fails until it gets one; text that only looks like an import is no import", () => {
    const broken = { ...sources, "src/widgets/w.ts": 'export const w = 1;\n', "src/core/sample2.ts": 'export const s = "tăng từ 4 (tỷ đồng) from \\"(tỷ đồng)\\"";\n' };
    expect(violations(broken).map((v) => `${v.file} → ${v.to}`)).toEqual(["src/widgets/w.ts → unknown"]);
  });

  test("every folder under src/ is a layer with a rule", () => {
    const folders = new Set(Object.keys(sources).filter((f) => f.startsWith("src/")).map((f) => f.split("/")[1]));
    expect([...folders].filter((f) => !(f in ALLOWED))).toEqual([]);
    expect(folders.size).toBeGreaterThanOrEqual(7);
  });

  test("only the pane's composition root imports adapters", () => {
    const pane = Object.entries(sources).filter(([f, t]) => f.startsWith("src/taskpane/") && importsOf(t).some((s) => s.includes("/adapters/")));
    expect(pane.map(([f]) => f)).toEqual(["src/taskpane/index.tsx"]);
  });

  test("imports are found in every form, comments ignored", () => {
    expect(importsOf('import a from "./a";\nimport type { B } from "../b";\nimport "./c";\nconst d = await import("./d");\n// import e from "./e"\n/* import f from "./f" */')).toEqual(["./a", "../b", "./c", "./d"]);
  });
});
