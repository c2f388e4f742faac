/**
 * The browser's inflaters for zip-package.ts, each stopping as soon as a part passes its bound, so
 * a zip bomb costs the bound and one small step, never what it would inflate to (the CLI's zlib
 * stops at the same limits): the browser's own DecompressionStream("deflate-raw"), fed a slice at a
 * time and read chunk by chunk with a running total; where a browser has none, JSZip (pako), loaded
 * on first use, whose stream of a part gives its inflated bytes a block at a time and is stopped
 * there too.
 */
import type JSZip from "jszip";
import { joinBytes } from "../ooxml/package-xml";
import { ZipFormatError, type Inflater } from "../xlsx/zip-package";

/**
 * Compressed bytes given to the inflater at a time: deflate inflates at most about 1 032 times its
 * input, so one step yields at most some 16 MB whatever the part holds.
 */
const STEP = 16 * 1024;

const broken = (name: string) => new ZipFormatError(`phần "${name}" không giải nén được (dữ liệu nén hỏng).`);

/** Pieces into one array (one piece as it is). */
function joined(pieces: Uint8Array[]): Uint8Array {
  return pieces.length === 1 ? pieces[0] : joinBytes(pieces);
}

/** A way to stream a part's inflated pieces to `take` until it says stop (true); resolves with whether it did. */
type Pump = (take: (piece: Uint8Array) => boolean) => Promise<boolean>;

/** The three forms of an inflater over one way of streaming a part. */
function inflaterOver(pump: (data: Uint8Array, name: string) => Pump): Inflater {
  return {
    async inflate(data, limit, name) {
      const pieces: Uint8Array[] = [];
      let size = 0;
      let stopped: boolean;
      try {
        stopped = await pump(data, name)((p) => (pieces.push(p), (size += p.length) > limit));
      } catch {
        throw broken(name);
      }
      return stopped ? null : joined(pieces);
    },
    async head(data, n, name) {
      const pieces: Uint8Array[] = [];
      let size = 0;
      // a broken stream gives what came before the break
      await pump(data, name)((p) => (pieces.push(p), (size += p.length) >= n)).catch(() => undefined);
      return joined(pieces);
    },
    async stream(data, take, name) {
      try {
        await pump(data, name)(take);
      } catch {
        throw broken(name);
      }
    },
  };
}

/**
 * DecompressionStream, read piece by piece. The input goes in a slice at a time, each only once the
 * inflater has taken the one before (backpressure), so stopping leaves the rest uninflated.
 */
const nativePump =
  (data: Uint8Array): Pump =>
  async (take) => {
    const ds = new DecompressionStream("deflate-raw");
    const writer = ds.writable.getWriter();
    const reader = ds.readable.getReader();
    const feeding = (async () => {
      for (let at = 0; at < data.length; at += STEP) await writer.write(data.subarray(at, at + STEP));
      await writer.close();
    })();
    feeding.catch(() => undefined); // its error is the reader's too
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      if (take(value)) {
        await reader.cancel().catch(() => undefined);
        await writer.abort().catch(() => undefined);
        return true;
      }
    }
  };

/** The browser's own inflater (DecompressionStream). */
export const NATIVE_INFLATER: Inflater = inflaterOver(nativePump);

/** True when this browser inflates raw deflate data itself. */
export function nativeInflateWorks(): boolean {
  try {
    return typeof DecompressionStream !== "undefined" && !!new DecompressionStream("deflate-raw");
  } catch {
    return false;
  }
}

/** The part of JSZip's StreamHelper read here (a documented API: ZipObject#internalStream). */
interface PartStream {
  on(event: "data", f: (chunk: Uint8Array) => void): PartStream;
  on(event: "error", f: (e: unknown) => void): PartStream;
  on(event: "end", f: () => void): PartStream;
  resume(): PartStream;
  pause(): PartStream;
}

/**
 * A part through JSZip, piece by piece. JSZip inflates a part 16 KB of input at a time, each block in
 * its own task, so pausing stops it there.
 */
const jszipPump =
  (file: JSZip.JSZipObject): Pump =>
  (take) =>
    new Promise((resolve, reject) => {
      let over = false;
      const stream = (file as unknown as { internalStream(type: "uint8array"): PartStream }).internalStream("uint8array");
      stream
        .on("data", (piece) => {
          if (over || !take(piece)) return;
          over = true;
          stream.pause();
          resolve(true);
        })
        .on("error", (e) => (over ? undefined : ((over = true), reject(e))))
        .on("end", () => (over ? undefined : ((over = true), resolve(false))))
        .resume();
    });

/**
 * JSZip's inflater over a whole package (`bytes`), its directory read on first use. A part JSZip
 * does not find under the same name, or cannot read, is a broken package.
 */
export function jszipInflater(bytes: Uint8Array): Inflater {
  let zip: Promise<JSZip> | null = null;
  const load = () =>
    (zip ??= import("jszip").then(async ({ default: Zip }) => {
      try {
        return await Zip.loadAsync(bytes);
      } catch {
        throw new ZipFormatError("không đọc được danh mục tệp nén.");
      }
    }));
  return inflaterOver((_data, name) => async (take) => {
    const f = (await load()).file(name);
    if (!f) throw broken(name);
    return jszipPump(f)(take);
  });
}

/** The inflater this browser has: its own, else JSZip's over `bytes`. */
export function browserInflater(bytes: Uint8Array): Inflater {
  return nativeInflateWorks() ? NATIVE_INFLATER : jszipInflater(bytes);
}
