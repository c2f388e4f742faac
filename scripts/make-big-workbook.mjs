// Writes an indicator workbook of N rows straight as package XML (no ExcelJS, so a million rows
// take seconds): header TT | Chỉ tiêu | ĐVT | Chỉ tiêu Nghị quyết | Kết quả thực hiện | Đánh giá.
// Used to measure the reader and `check` on big sheets:
//   node scripts/make-big-workbook.mjs 1000000 /tmp/big.xlsx
//   /usr/bin/time -v node bin/chitieu.js check /tmp/big.xlsx > /dev/null
// The sheet starts with its <dimension> (the used range), as Excel writes it; --no-dimension leaves
// it out, as some other writers do (a reader then knows the sheet's size only by reading its rows).
import { writeFileSync } from "node:fs";
import { crc32, deflateRawSync } from "node:zlib";

const args = process.argv.slice(2);
const dimension = !args.includes("--no-dimension");
const [n = "1000", out = "big.xlsx"] = args.filter((a) => !a.startsWith("--"));
const rows = Number(n);
if (!Number.isInteger(rows) || rows < 1 || rows > 1_048_575) {
  process.stderr.write("Cách dùng: node scripts/make-big-workbook.mjs SỐ_DÒNG (1..1048575) TỆP.xlsx [--no-dimension]\n");
  process.exit(2);
}
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const str = (ref, t) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
const head = ["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết", "Kết quả thực hiện", "Đánh giá"];
const parts = [Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}">${dimension ? `<dimension ref="A1:F${rows + 1}"/>` : ""}<sheetData><row r="1">${head.map((h, i) => str(`${"ABCDEF"[i]}1`, h)).join("")}</row>`)];
let batch = "";
for (let i = 1; i <= rows; i++) {
  const r = i + 1;
  const actual = 5 + (i % 20) / 10;
  batch += `<row r="${r}">${str(`A${r}`, i)}${str(`B${r}`, `Tỷ lệ che phủ rừng khu vực ${i}`)}${str(`C${r}`, "%")}${str(`D${r}`, "&gt; 6")}<c r="E${r}"><v>${actual}</v></c>${str(`F${r}`, actual > 6 ? "Đạt" : "Chưa đạt")}</row>`;
  if (batch.length > 1 << 20) {
    parts.push(Buffer.from(batch));
    batch = "";
  }
}
parts.push(Buffer.from(batch + "</sheetData></worksheet>"));
const files = [
  ["[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`],
  ["_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
  ["xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Chỉ tiêu" sheetId="1" r:id="rId1"/></sheets></workbook>`],
  ["xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
  ["xl/worksheets/sheet1.xml", Buffer.concat(parts)],
];
const locals = [];
const centrals = [];
let offset = 0;
for (const [name, content] of files) {
  const raw = Buffer.isBuffer(content) ? content : Buffer.from(content);
  const body = deflateRawSync(raw, { level: 6 });
  const nm = Buffer.from(name);
  const crc = crc32(raw) >>> 0;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x0800, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(raw.length, 22);
  local.writeUInt16LE(nm.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(raw.length, 24);
  central.writeUInt16LE(nm.length, 28);
  central.writeUInt32LE(offset, 42);
  locals.push(local, nm, body);
  centrals.push(central, nm);
  offset += 30 + nm.length + body.length;
}
const cd = Buffer.concat(centrals);
const end = Buffer.alloc(22);
end.writeUInt32LE(0x06054b50, 0);
end.writeUInt16LE(files.length, 8);
end.writeUInt16LE(files.length, 10);
end.writeUInt32LE(cd.length, 12);
end.writeUInt32LE(offset, 16);
writeFileSync(out, Buffer.concat([...locals, cd, end]));
process.stdout.write(`${out}: ${rows} dòng chỉ tiêu, ${parts.reduce((s, p) => s + p.length, 0)} byte XML của trang.\n`);
