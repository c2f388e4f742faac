/**
 * The committed icons in assets/ are what scripts/make-icons.mjs draws (compared pixel by pixel,
 * so a different zlib build cannot make the test flaky), and they are real RGBA PNGs.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";

const ROOT = path.resolve(__dirname, "..");
const SIZES = [16, 32, 64, 80, 128];

/** Decodes an 8-bit RGBA, non-interlaced PNG written with filter 0 (what the generator writes). */
function pixels(file: string): { width: number; height: number; rgba: Buffer } {
  const b = readFileSync(file);
  let off = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (off < b.length) {
    const len = b.readUInt32BE(off);
    const type = b.subarray(off + 4, off + 8).toString("ascii");
    const data = b.subarray(off + 8, off + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]]).toEqual([8, 6, 0]);
    } else if (type === "IDAT") idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe((width * 4 + 1) * height);
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, rgba };
}

test("assets/icon-*.png are the generator's output", () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "chitieu-icons-"));
  try {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "make-icons.mjs"), out], { encoding: "utf8" });
    expect(r.status).toBe(0);
    for (const s of SIZES) {
      const committed = pixels(path.join(ROOT, "assets", `icon-${s}.png`));
      const fresh = pixels(path.join(out, `icon-${s}.png`));
      expect({ width: committed.width, height: committed.height }).toEqual({ width: s, height: s });
      expect(committed.rgba.equals(fresh.rgba)).toBe(true);
    }
    for (const [file, s] of [["color-192.png", 192], ["outline-32.png", 32]] as const) {
      const committed = pixels(path.join(ROOT, "assets", file));
      expect({ width: committed.width, height: committed.height }).toEqual({ width: s, height: s });
      expect(committed.rgba.equals(pixels(path.join(out, file)).rgba)).toBe(true);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("the icons are opaque inside, with the brand red and white", () => {
  const { rgba, width } = pixels(path.join(ROOT, "assets", "icon-80.png"));
  const at = (x: number, y: number) => [...rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 4)];
  expect(at(40, 4)).toEqual([0xb7, 0x1c, 0x1c, 255]); // background near the top edge
  expect(at(0, 0)[3]).toBeLessThan(255); // rounded corner lets the ribbon show through
  expect(at(20, 18)).toEqual([255, 255, 255, 255]); // table header band
});

test("the unified manifest's outline icon is white on transparent, nothing else (Microsoft's rule for outline icons)", () => {
  const { rgba } = pixels(path.join(ROOT, "assets", "outline-32.png"));
  let opaque = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i + 3] === 0) continue;
    expect([rgba[i], rgba[i + 1], rgba[i + 2]]).toEqual([255, 255, 255]);
    opaque++;
  }
  expect(opaque).toBeGreaterThan(100);
  expect(rgba[3]).toBe(0); // the corner is transparent: no square behind the drawing
});
