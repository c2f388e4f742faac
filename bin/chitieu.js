#!/usr/bin/env node
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const cli = path.join(__dirname, "..", "dist", "cli.js");
if (!fs.existsSync(cli)) {
  process.stderr.write("Chưa build công cụ dòng lệnh. Hãy chạy: npm run build:cli\n");
  process.exitCode = 2;
} else {
  // run() exits with the command's code once stdout/stderr have drained (a piped --json is never cut)
  require(cli).run(process.argv.slice(2));
}
