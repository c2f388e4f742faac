/**
 * The dependency rule of the code base, as data, and a checker that reads the imports of every
 * source file. core → core; app → core; adapters → core, app; functions → core; taskpane → core,
 * app, and adapters only from its composition root (index.tsx); cli → core, app, adapters; the
 * bench → core, app, adapters and the test fakes, never the CLI.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

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

export function layerOf(rel: string): Layer | null {
  const parts = rel.split("/");
  if (parts[0] === "bench") return "bench";
  if (parts[0] === "tests") return "tests";
  if (parts[0] !== "src") return null;
  const l = parts[1];
  return (["core", "app", "adapters", "functions", "taskpane", "cli", "ribbon"] as const).find((x) => x === l) ?? null;
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"']+)["']/g;

/** Relative import specifiers of a source text (static, dynamic, side-effect and require). */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  const text = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  for (const m of text.matchAll(IMPORT)) if (m[1].startsWith(".")) out.push(m[1]);
  return out;
}

export interface Violation {
  file: string;
  imports: string;
  from: Layer;
  to: Layer;
}

/** Files given as repo-relative path → text; returns every import that breaks the rule. */
export function violations(files: Record<string, string>): Violation[] {
  const out: Violation[] = [];
  for (const [file, text] of Object.entries(files)) {
    const from = layerOf(file);
    if (!from || from === "tests") continue;
    const allowed = new Set<Layer>([...ALLOWED[from], ...(COMPOSITION_ROOTS[file] ?? [])]);
    for (const spec of importsOf(text)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      const to = layerOf(target);
      if (!to) continue;
      if (from === "bench" && to === "tests" && !target.startsWith("tests/support/")) out.push({ file, imports: spec, from, to });
      else if (!allowed.has(to)) out.push({ file, imports: spec, from, to });
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
