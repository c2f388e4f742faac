/* eslint-disable no-undef */
// Builds the add-in into dist/web: task pane (React), custom functions (shared runtime), ribbon
// commands, functions.json (from the JSDoc of src/functions/functions.ts) and both manifests
// (manifest.xml, manifest.json and its app package, from manifest/addin.cjs).
//
// Where it runs (see docs/trien-khai.md and the support matrix in README.md):
// - functions.js and commands.js are ES5: on Windows without WebView2, an add-in with <Runtimes>
//   (ours) runs in Internet Explorer 11, and the NQ.* functions must still register there. They
//   are transpiled to ES5 after bundling (TypeScript, target ES5) and tests/functions/es5.test.ts
//   parses them as ES5;
// - taskpane.js and its chunks (React 18 + Fluent UI v9) need a modern webview: they are lowered to
//   TASKPANE_ES below (some libraries ship ES2022). The page's inline ES5 bootstrap
//   (src/taskpane/taskpane.html) tries that syntax first and, where it fails, shows a Vietnamese
//   message instead of a blank pane, without loading taskpane.js;
// - the base URL comes from one setting: ADDIN_URL for `npm run build` (production), written into
//   every URL of dist/web/manifest.xml and manifest.json; https://localhost:3000/ only in the dev build.
// HTTPS dev certificates are only loaded for `webpack serve` (npm run dev-server).
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const addin = require("./manifest/addin.cjs");
const { DEV_URL, addinBaseUrl, renderXml, renderJson } = require("./manifest/render.cjs");
/** The ECMAScript version taskpane.js may use: the bootstrap's probe needs exactly this syntax. */
const TASKPANE_ES = 2020;
/** Files that must run in Internet Explorer 11 (the shared runtime without WebView2). */
const ES5_ASSETS = ["functions.js", "commands.js"];

/**
 * Both manifests from manifest/addin.cjs on the base URL: manifest.xml, manifest.json and the app
 * package chi-tieu-nghi-quyet.zip (manifest.json with its two icons) that the Microsoft 365 admin
 * centre and sideloading take. Runs after functions.json exists: the unified manifest lists the
 * functions inline (as Microsoft's conversion guide asks) and by metadataUrl.
 */
class ManifestsPlugin {
  constructor(base) {
    this.base = base;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("ManifestsPlugin", (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: "ManifestsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, async () => {
        const fs = require("fs");
        const JSZip = require("jszip");
        const metadata = JSON.parse(compilation.getAsset("functions.json").source.source().toString());
        const json = `${JSON.stringify(renderJson(addin, this.base, metadata), null, 2)}\n`;
        compilation.emitAsset("manifest.xml", new sources.RawSource(renderXml(addin, this.base)));
        compilation.emitAsset("manifest.json", new sources.RawSource(json));
        const zip = new JSZip();
        const fixed = new Date("2026-01-01T00:00:00Z"); // the same bytes for the same manifest
        zip.file("manifest.json", json, { date: fixed });
        zip.file(addin.icons.unified.color, fs.readFileSync(path.join(__dirname, "assets", "color-192.png")), { date: fixed });
        zip.file(addin.icons.unified.outline, fs.readFileSync(path.join(__dirname, "assets", "outline-32.png")), { date: fixed });
        const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
        compilation.emitAsset("chi-tieu-nghi-quyet.zip", new sources.RawSource(bytes));
      });
    });
  }
}

/**
 * Lowers the bundles after minifying, with TypeScript: the ES5 assets to ES5 (helpers inlined), every
 * other script (taskpane.js and its lazy chunks, which carry libraries' newer syntax such as class
 * static blocks) to TASKPANE_ES (ES2020) where they go beyond it. Syntax only: library features
 * come from the webview (taskpane) or es5-polyfills.ts (functions).
 */
class LowerSyntaxPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("LowerSyntaxPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "LowerSyntaxPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, (assets) => {
        const ts = require("typescript");
        const acorn = require("acorn");
        for (const name of Object.keys(assets)) {
          if (!name.endsWith(".js")) continue;
          const es5 = ES5_ASSETS.includes(name);
          const code = compilation.getAsset(name).source.source().toString();
          if (!es5) {
            try {
              acorn.parse(code, { ecmaVersion: TASKPANE_ES });
              continue; // already within the level
            } catch {
              /* lower it */
            }
          }
          const r = ts.transpileModule(code, {
            fileName: name,
            reportDiagnostics: true,
            compilerOptions: { allowJs: true, target: es5 ? ts.ScriptTarget.ES5 : ts.ScriptTarget[`ES${TASKPANE_ES}`], module: ts.ModuleKind.CommonJS, downlevelIteration: es5, importHelpers: false, removeComments: false, sourceMap: false },
          });
          const errors = (r.diagnostics || []).filter((d) => d.category === ts.DiagnosticCategory.Error);
          for (const d of errors) compilation.errors.push(new compiler.webpack.WebpackError(`${name}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`));
          // ES5 assets: one function scope, so the helpers (__read, __spreadArray...) stay out of the page's globals
          compilation.updateAsset(name, new sources.RawSource(es5 ? `(function () {\n${r.outputText}\n}).call(this);\n` : r.outputText));
        }
      });
    });
  }
}

/** The page bootstrap's syntax probe for TASKPANE_ES (tests/functions/es5.test.ts checks it). */
const SYNTAX_PROBES = {
  2017: "async function f(){await 0};",
  2018: "async function f(){await 0};var {a,...b}={a:1};",
  2019: "async function f(){await 0};var {a,...b}={a:1};try{}catch{};",
  2020: "async function f(){await 0};var {a,...b}={a:1};try{}catch{};var c=b?.x??1;",
};

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = process.argv.some((a) => a === "serve");
  const addinUrl = process.env.ADDIN_URL;
  const base = dev ? DEV_URL : addinUrl ? addinBaseUrl(addinUrl) : null;
  const config = {
    devtool: dev ? "source-map" : false,
    // webpack's own runtime code in ES5 too (the ES5 assets start with it)
    target: ["web", "es5"],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/ribbon/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist/web"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".jsx"],
      fallback: { fs: false, path: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false, target: `ES${TASKPANE_ES}` } } },
        },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    // HyperFormula is a test-only dependency (GPL-3.0): never bundle it.
    externals: { hyperformula: "commonjs hyperformula" },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // the page loads its scripts itself, in order: bootstrap, functions, commands, then the pane
        inject: false,
        minify: false,
        templateParameters: { taskpaneProbe: SYNTAX_PROBES[TASKPANE_ES] },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/ribbon/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
        ],
      }),
      new LowerSyntaxPlugin(),
      // no ADDIN_URL in a production build: no manifest (it would point at nobody's machine)
      ...(base ? [new ManifestsPlugin(base)] : []),
      {
        apply(compiler) {
          if (base) return;
          compiler.hooks.thisCompilation.tap("ManifestWarning", (compilation) => {
            compilation.warnings.push(
              new compiler.webpack.WebpackError(
                "Chưa đặt ADDIN_URL: dist/web không có manifest.xml, manifest.json. Để triển khai, build lại với địa chỉ máy chủ web, ví dụ ADDIN_URL=https://phanmem.tinhuy.vn/chi-tieu/ npm run build (xem docs/trien-khai.md).",
              ),
            );
          });
        },
      },
    ],
    devServer: {
      static: { directory: path.join(__dirname, "dist/web") },
      headers: { "Access-Control-Allow-Origin": "*" },
      port: 3000,
    },
  };
  if (serving) {
    const devCerts = require("office-addin-dev-certs");
    config.devServer.server = { type: "https", options: await devCerts.getHttpsServerOptions() };
  }
  return config;
};

module.exports.addinBaseUrl = addinBaseUrl;
module.exports.DEV_URL = DEV_URL;
module.exports.TASKPANE_ES = TASKPANE_ES;
module.exports.SYNTAX_PROBES = SYNTAX_PROBES;
module.exports.ES5_ASSETS = ES5_ASSETS;
