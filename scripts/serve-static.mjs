#!/usr/bin/env node
// Serve the built task pane (dist/web) over plain HTTP on 127.0.0.1, for the standalone browser
// mode: `npm run build` once, then `node scripts/serve-static.mjs [port]` and open the address shown.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "dist", "web");
const port = Number(process.argv[2] ?? 8080);
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".png": "image/png", ".xml": "application/xml" };

try {
  await stat(path.join(root, "taskpane.html"));
} catch {
  console.error(`Chưa có ${path.join(root, "taskpane.html")}: chạy "npm run build" trước.`);
  process.exit(2);
}

createServer(async (req, res) => {
  const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
  const file = path.resolve(root, "." + (pathname === "/" ? "/taskpane.html" : pathname));
  if (!file.startsWith(root + path.sep)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end("not found");
  }
}).listen(port, "127.0.0.1", () => console.log(`Ngăn tác vụ (chế độ trình duyệt): http://127.0.0.1:${port}/taskpane.html`));
