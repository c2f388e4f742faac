// Draws the add-in icons (assets/icon-16.png … icon-128.png) without any image package:
// shapes are rasterised with 4×4 supersampling and written as RGBA PNG through zlib.
// Design: a red rounded square (the colour of Party documents' headings), a white table with a
// header band on the left, and a white check mark ("Đạt") crossing its lower right corner.
// Usage: node scripts/make-icons.mjs [outDir]   (default: assets/)
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SIZES = [16, 32, 64, 80, 128];
/** The unified manifest's icons: color (192 px) and outline (32 px, white on transparent). */
export const UNIFIED_ICONS = [
  { file: "color-192.png", size: 192, outline: false },
  { file: "outline-32.png", size: 32, outline: true },
];

const RED = [0xb7, 0x1c, 0x1c];
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xff, 0xd5, 0x4f];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** Encodes RGBA pixels (Uint8Array, w*h*4) as a PNG file. */
export function encodePng(w, h, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * w * 4, w * 4).copy(raw, y * (w * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates (0..1); each returns true when the point is inside.
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
/** A thick polyline with round joins. */
const stroke = (points, width) => (x, y) => {
  const r2 = (width / 2) ** 2;
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= r2) return true;
  }
  return false;
};

/** Layers drawn in order, bottom first: [shape, colour]. Small sizes drop the fine grid lines. */
function layers(size) {
  const small = size < 32;
  const table = [];
  // table: white outline box with a filled header band and row lines
  const tx0 = 0.17, ty0 = 0.2, tx1 = 0.7, ty1 = 0.74;
  const line = small ? 0.09 : 0.055;
  table.push([rect(tx0, ty0, tx1, ty0 + (small ? 0.16 : 0.13)), WHITE]); // header band
  table.push([rect(tx0, ty0, tx0 + line, ty1), WHITE]); // left border
  table.push([rect(tx1 - line, ty0, tx1, ty1), WHITE]); // right border
  table.push([rect(tx0, ty1 - line, tx1, ty1), WHITE]); // bottom border
  if (!small) {
    table.push([rect(tx0, 0.47, tx1, 0.47 + line * 0.8), WHITE]); // row line
    table.push([rect(0.41, ty0, 0.41 + line * 0.8, ty1), WHITE]); // column line
  }
  const check = [
    [0.47, 0.66],
    [0.6, 0.79],
    [0.85, 0.46],
  ];
  const checkWidth = small ? 0.16 : 0.13;
  return [
    [roundedRect(0, 0, 1, 1, 0.2), RED],
    ...table,
    [stroke(check, checkWidth + (small ? 0.08 : 0.09)), RED], // red halo separating check from table
    [stroke(check, checkWidth), GOLD],
  ];
}

/**
 * The outline icon of the unified manifest (32 px): the same table and check mark in white on a
 * transparent background, no red square (Microsoft asks for a white outline on transparency).
 */
function outlineLayers(size) {
  return layers(size)
    .slice(1)
    .map(([shape, colour]) => [shape, colour === RED ? null : WHITE]);
}

/** Renders one icon as RGBA with 4×4 supersampling per pixel; `outline`: the white-on-transparent variant. */
export function renderIcon(size, outline = false) {
  const L = outline ? outlineLayers(size) : layers(size);
  const out = new Uint8Array(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          let colour = null;
          for (const [shape, c] of L) if (shape(x, y)) colour = c; // a null colour clears (the halo in the outline)
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
        out[i + 3] = Math.round((255 * a) / (S * S));
      }
    }
  }
  return out;
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop());
if (isMain) {
  const outDir = process.argv[2] ?? "assets";
  mkdirSync(outDir, { recursive: true });
  for (const s of SIZES) {
    const file = join(outDir, `icon-${s}.png`);
    writeFileSync(file, encodePng(s, s, renderIcon(s)));
    console.log(`${file} (${s}×${s})`);
  }
  for (const { file: name, size, outline } of UNIFIED_ICONS) {
    const file = join(outDir, name);
    writeFileSync(file, encodePng(size, size, renderIcon(size, outline)));
    console.log(`${file} (${size}×${size}${outline ? ", viền trắng" : ""})`);
  }
}
