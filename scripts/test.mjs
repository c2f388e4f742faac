// `npm test`: the type checks, the builds and jest, in the least wall time on a small machine.
// The type checks (the whole project, then core and app without the DOM library) run beside the
// builds (the CLI bundle, then the production web build the browser tests load); jest starts when
// all of them have passed. Every step's output is shown; the first failure stops the run with its
// exit code. Arguments after `npm test --` go to jest.
import { spawn } from "node:child_process";

const jestArgs = process.argv.slice(2);
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

/** Run a command; resolves with its exit code, its output kept until it ends (so parallel steps do not interleave). */
function run(name, command, args, { stream = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: stream ? "inherit" : ["ignore", "pipe", "pipe"], shell: process.platform === "win32" });
    let out = "";
    if (!stream) {
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
    }
    child.on("close", (code) => {
      if (!stream && out.trim()) process.stdout.write(`\n── ${name} ──\n${out}`);
      console.log(`── ${name}: ${code === 0 ? "xong" : `lỗi (mã ${code})`} sau ${seconds()} s`);
      resolve(code ?? 1);
    });
  });
}

const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const checks = (async () => {
  const a = await run("tsc (toàn bộ)", npx, ["tsc", "--noEmit", "-p", "tsconfig.json"]);
  if (a !== 0) return a;
  return run("tsc (core, app: không DOM)", npx, ["tsc", "--noEmit", "-p", "tsconfig.core.json"]);
})();
const builds = (async () => {
  const a = await run("build-cli", process.execPath, ["scripts/build-cli.mjs"]);
  if (a !== 0) return a;
  return run("webpack --mode production", npx, ["webpack", "--mode", "production"]);
})();
const codes = await Promise.all([checks, builds]);
const failed = codes.find((c) => c !== 0);
if (failed !== undefined) process.exit(failed);
process.exit(await run("jest", npx, ["jest", ...jestArgs], { stream: true }));
