// Bundles the Node entry points (CLI, bench) with esbuild into dist/. Runs on `npm ci` (prepare).
import { build } from "esbuild";
import { existsSync } from "node:fs";

const entries = { cli: "src/cli/main.ts", bench: "bench/main.ts" };
const entryPoints = Object.fromEntries(Object.entries(entries).filter(([, f]) => existsSync(f)));
await build({
  entryPoints,
  outdir: "dist",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: "linked",
  logLevel: "warning",
  // heavy, Node-ready packages stay in node_modules
  external: ["exceljs", "docx", "hyperformula", "playwright-core"],
});
