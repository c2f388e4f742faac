/**
 * The dependency rule of the code base, as data, and a checker that reads the imports of every
 * source file. core → core; app → core; adapters → core, app; functions → core; taskpane → core,
 * app, and adapters only from its composition root (index.tsx); cli → core, app, adapters; ribbon →
 * core, app; the bench → core, app, adapters and the test fakes, never the CLI. Core and app import
 * no package at all (not even Node's own): they run unchanged in Node, the browser and Excel.
 * Every folder under src/ must have a rule here: a new folder fails the test until it gets one.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export type Layer = "core" | "app" | "adapters" | "functions" | "taskpane" | "cli" | "ribbon" | "bench" | "tests";

export const ALLOWED: Record<Exclude<Layer, "tests">, Layer[]> = {
  core: ["core"],
  app: ["core", "app"],
  adapters: ["core", "app", "adapters"],
  functions: ["core", "functions"],
  taskpane: ["core", "app", "taskpane"],
  cli: ["core", "app", "adapters", "cli"],
  ribbon: ["core", "app", "ribbon"],
  bench: ["core", "app", "adapters", "bench", "tests"],
};

/** The one file of a layer allowed to import more: the pane's composition root wires the adapters in. */
export const COMPOSITION_ROOTS: Record<string, Layer[]> = {
  "src/taskpane/index.tsx": ["adapters", "functions"],
};

/** Layers that may import no package (bare specifier or "node:…"), only their own and lower layers. */
export const NO_PACKAGES: ReadonlySet<Layer> = new Set<Layer>(["core", "app"]);

/** A folder of src/ with no rule in ALLOWED: reported as such, never skipped. */
export const UNKNOWN = "unknown";

/** The layer of a repo-relative path: bench, tests, a rule's folder under src/, "unknown" for any other folder or file of src/. */
export function layerOf(rel: string): Layer | typeof UNKNOWN | null {
  const parts = rel.split("/");
  if (parts[0] === "bench") return "bench";
  if (parts[0] === "tests") return "tests";
  if (parts[0] !== "src") return null;
  const l = parts.length > 2 ? parts[1] : "";
  return (Object.keys(ALLOWED) as Layer[]).find((x) => x === l) ?? UNKNOWN;
}

/** Every module specifier a source text imports: static, type-only, side-effect, dynamic import() and require(), as TypeScript reads them. */
export function specifiersOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** Relative import specifiers of a source text (static, dynamic, side-effect and require). */
export function importsOf(source: string): string[] {
  return specifiersOf(source).filter((s) => s.startsWith("."));
}

/** Package specifiers (anything not relative: "react", "node:fs", "@fluentui/…"). */
export function packagesOf(source: string): string[] {
  return specifiersOf(source).filter((s) => !s.startsWith("."));
}

export interface Violation {
  file: string;
  imports: string;
  from: Layer | typeof UNKNOWN;
  /** the layer imported, "package" for a package a layer may not use, "unknown" for a file outside every rule */
  to: Layer | typeof UNKNOWN | "package";
}

/** Files given as repo-relative path → text; returns every import that breaks the rule. */
export function violations(files: Record<string, string>): Violation[] {
  const out: Violation[] = [];
  for (const [file, text] of Object.entries(files)) {
    const from = layerOf(file);
    if (!from || from === "tests") continue;
    if (from === UNKNOWN) {
      out.push({ file, imports: "", from, to: UNKNOWN });
      continue;
    }
    if (NO_PACKAGES.has(from)) for (const spec of packagesOf(text)) out.push({ file, imports: spec, from, to: "package" });
    const allowed = new Set<Layer>([...ALLOWED[from], ...(COMPOSITION_ROOTS[file] ?? [])]);
    for (const spec of importsOf(text)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      const to = layerOf(target);
      if (!to) continue;
      if (from === "bench" && to === "tests" && !target.startsWith("tests/support/")) out.push({ file, imports: spec, from, to });
      else if (to === UNKNOWN || !allowed.has(to)) out.push({ file, imports: spec, from, to });
    }
  }
  return out;
}

/** Every .ts/.tsx file under the given repo folders, as repo-relative path → text. */
export function readSources(root: string, folders: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(root, dir))) {
      const rel = `${dir}/${name}`;
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(name)) out[rel] = readFileSync(path.join(root, rel), "utf8");
    }
  };
  for (const f of folders) walk(f);
  return out;
}
