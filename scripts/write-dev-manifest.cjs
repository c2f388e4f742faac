// Writes manifest.xml at the repository root: the development manifest (https://localhost:3000/),
// generated from manifest/addin.cjs like the deployed one; `npm start` sideloads it.
// tests/manifest.test.ts fails when the committed file is not what this writes.
const { writeFileSync } = require("node:fs");
const path = require("node:path");
const addin = require("../manifest/addin.cjs");
const { DEV_URL, renderXml } = require("../manifest/render.cjs");

writeFileSync(path.join(__dirname, "..", "manifest.xml"), renderXml(addin, DEV_URL));
console.log("manifest.xml (https://localhost:3000/)");
