#!/usr/bin/env node
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const cli = path.join(__dirname, "..", "dist", "cli.js");
if (!fs.existsSync(cli)) {
  process.stderr.write("Chưa build công cụ dòng lệnh. Hãy chạy: npm run build:cli\n");
  process.exit(2);
}
require(cli)
  .main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((e) => {
    process.stderr.write(`Lỗi: ${e && e.message ? e.message : e}\n`);
    process.exit(2);
  });
