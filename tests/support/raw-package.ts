/**
 * Packages built byte by byte for the reader tests: a minimal zip writer (stored or deflated
 * entries, or data already deflated, e.g. a zip bomb), the XML of a small .xlsx whose parts the
 * test writes by hand (namespace prefixes, odd cells), and a small .ods.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  /** the entry's bytes (deflated by the writer unless `stored`) */
  data?: Buffer | string;
  /** already deflated bytes, with the size they inflate to (for bombs) */
  deflated?: { bytes: Buffer; size: number };
  stored?: boolean;
}

/** A zip archive from entries, with a central directory (what every reader uses). */
export function zipBytes(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    let raw: Buffer | undefined;
    let body: Buffer;
    let method: number;
    let size: number;
    let crc = 0;
    if (e.deflated) {
      body = e.deflated.bytes;
      method = 8;
      size = e.deflated.size;
    } else {
      raw = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data ?? "", "utf8");
      crc = crc32(raw);
      size = raw.length;
      method = e.stored ? 0 : 8;
      body = e.stored ? raw : deflateRawSync(raw);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * `size` bytes (a head, then `fill` repeated) as one raw deflate stream, without ever holding them:
 * a 1 MB block is deflated once with a full flush (so it stands alone) and repeated. A zip bomb's payload.
 */
export function deflatedFill(size: number, head = "", fill = " "): { bytes: Buffer; size: number } {
  const full = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const h = Buffer.from(head, "utf8");
  const parts: Buffer[] = [deflateRawSync(h, full)];
  const mb = 1 << 20;
  let left = size - h.length;
  const block = deflateRawSync(Buffer.alloc(mb, fill), full);
  while (left >= mb) {
    parts.push(block);
    left -= mb;
  }
  if (left > 0) parts.push(deflateRawSync(Buffer.alloc(left, fill), full));
  parts.push(deflateRawSync(Buffer.alloc(0)));
  return { bytes: Buffer.concat(parts), size };
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface XlsxParts {
  /** sheet XML bodies: the content of <sheetData> and what follows it (mergeCells) */
  sheets: Array<{ name: string; sheetData: string; after?: string }>;
  sharedStrings?: string[];
  /** cellXfs numFmtIds, index = style id (0 = General) */
  styles?: number[];
  /** namespace prefix for the main namespace ("x" as the Open XML SDK writes), "" for none */
  prefix?: string;
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The entries of a small .xlsx written by hand. */
export function xlsxEntries(p: XlsxParts): ZipEntry[] {
  const x = p.prefix ? `${p.prefix}:` : "";
  const ns = p.prefix ? `xmlns:${p.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const pre = (xml: string) => (p.prefix ? xml.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${x}`) : xml);
  const entries: ZipEntry[] = [
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    },
    { name: "_rels/.rels", data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><${x}workbook ${ns} xmlns:r="${REL}"><${x}sheets>${p.sheets.map((s, i) => `<${x}sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</${x}sheets></${x}workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${p.sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rY" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    },
    {
      name: "xl/sharedStrings.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><${x}sst ${ns}>${(p.sharedStrings ?? []).map((s) => `<${x}si><${x}t xml:space="preserve">${esc(s)}</${x}t></${x}si>`).join("")}</${x}sst>`,
    },
    {
      name: "xl/styles.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><${x}styleSheet ${ns}><${x}numFmts><${x}numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></${x}numFmts><${x}cellXfs>${(p.styles ?? [0]).map((id) => `<${x}xf numFmtId="${id}"/>`).join("")}</${x}cellXfs></${x}styleSheet>`,
    },
  ];
  p.sheets.forEach((s, i) =>
    entries.push({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: `<?xml version="1.0" encoding="UTF-8"?><${x}worksheet ${ns} xmlns:r="${REL}"><${x}sheetData>${pre(s.sheetData)}</${x}sheetData>${pre(s.after ?? "")}</${x}worksheet>`,
    }),
  );
  return entries;
}

export function xlsxBytes(p: XlsxParts): Buffer {
  return zipBytes(xlsxEntries(p));
}

/** A small .ods: tables of rows of raw <table:table-cell> XML. */
export function odsBytes(tables: Array<{ name: string; rows: string[] }>): Buffer {
  const content =
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet>` +
    tables.map((t) => `<table:table table:name="${esc(t.name)}"><table:table-column table:number-columns-repeated="4"/>${t.rows.join("")}</table:table>`).join("") +
    `</office:spreadsheet></office:body></office:document-content>`;
  return zipBytes([
    { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", stored: true },
    { name: "META-INF/manifest.xml", data: `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>` },
    { name: "content.xml", data: content },
  ]);
}
