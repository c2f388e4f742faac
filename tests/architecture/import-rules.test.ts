import path from "node:path";
import { importsOf, readSources, violations } from "./import-rules";

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

  test("only the pane's composition root imports adapters", () => {
    const pane = Object.entries(sources).filter(([f, t]) => f.startsWith("src/taskpane/") && importsOf(t).some((s) => s.includes("/adapters/")));
    expect(pane.map(([f]) => f)).toEqual(["src/taskpane/index.tsx"]);
  });

  test("imports are found in every form, comments ignored", () => {
    expect(importsOf('import a from "./a";\nimport type { B } from "../b";\nimport "./c";\nconst d = await import("./d");\n// import e from "./e"\n/* import f from "./f" */')).toEqual(["./a", "../b", "./c", "./d"]);
  });
});
