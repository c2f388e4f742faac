/**
 * The one zip reader of the project: a package's central directory (.xlsx, .ods, or whatever file
 * the user chose) and its parts inflated within the limits of limits.ts. No Node or browser
 * dependency: the inflater is given (Node's zlib in the CLI, the browser's DecompressionStream or
 * JSZip on the page, inflate.ts), and every inflater stops as soon as a part passes what it may give.
 *
 * The rules, the same for every read:
 * - a part inflates to at most READER_LIMITS.maxPartBytes, all the parts read from one package to
 *   maxTotalBytes (ReaderLimitError past either);
 * - a part whose directory declares a size past that is refused before anything is inflated;
 * - a part that inflates past the size it declares is a broken file or a zip bomb: stopped there
 *   (0xFFFFFFFF, a zip64 size this reader does not read: stopped at the limit).
 * A part outside the file, bad deflate data or an unknown method is a ZipFormatError: a broken
 * package that no other reader (ExcelJS) would read better.
 */
import { limitMessages, PackageFormatError, READER_LIMITS, ReaderLimitError } from "./limits";

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  compressed: number;
  /** the size the directory declares once inflated (0xFFFFFFFF: zip64, unknown here) */
  declared: number;
  /** offset of the entry's local header */
  local: number;
}

/** A package broken at the zip level: its parts cannot be had, whatever reads them. */
export class ZipFormatError extends PackageFormatError {}

const UNKNOWN_SIZE = 0xffffffff;

/** The entries of a zip's central directory, in order; empty when the bytes hold none. */
export function zipDirectory(bytes: Uint8Array): ZipEntry[] {
  const out: ZipEntry[] = [];
  if (bytes.length < 22) return out;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: its signature within the last 64 KiB (the comment's room).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return out;
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  const utf8 = new TextDecoder("utf-8");
  for (let k = 0; k < count && p + 46 <= bytes.length; k++) {
    if (v.getUint32(p, true) !== 0x02014b50) break;
    const nameLen = v.getUint16(p + 28, true);
    out.push({
      method: v.getUint16(p + 10, true),
      compressed: v.getUint32(p + 20, true),
      declared: v.getUint32(p + 24, true),
      local: v.getUint32(p + 42, true),
      name: utf8.decode(bytes.subarray(p + 46, Math.min(bytes.length, p + 46 + nameLen))),
    });
    p += 46 + nameLen + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return out;
}

/**
 * Inflates raw deflate data. Each form stops as soon as the output passes its bound: a zip bomb
 * costs at most the bound (and one step of the inflater), never what it would inflate to.
 */
export interface Inflater {
  /** `data` inflated, at most `limit` bytes: null when it holds more. Throws ZipFormatError on bad data. `name`: the entry's. */
  inflate(data: Uint8Array, limit: number, name: string): Promise<Uint8Array | null>;
  /** The first bytes of `data` inflated (`n` or a little more, or all when shorter), without the rest; empty when unreadable. */
  head(data: Uint8Array, n: number, name: string): Promise<Uint8Array>;
  /**
   * `data` inflated a piece at a time, each given to `take` and let go, until `take` returns true or
   * the data ends; never much more than asked is inflated. Throws ZipFormatError on bad data.
   */
  stream(data: Uint8Array, take: (piece: Uint8Array) => boolean, name: string): Promise<void>;
  /** the same, synchronously, where the platform has it (Node's zlib) */
  inflateSync?(data: Uint8Array, limit: number, name: string): Uint8Array | null;
  headSync?(data: Uint8Array, n: number, name: string): Uint8Array;
}

/** What one read may inflate to, decided before inflating. */
interface ReadPlan {
  entry: ZipEntry;
  data: Uint8Array;
  /** the room left for this part: the part limit, or less when the package's total is near */
  cap: number;
  /** where the inflater stops: the declared size when known, else the cap */
  stop: number;
}

/** A zip package read within the limits; `used` counts what its reads have inflated. */
export class ZipPackage {
  private readonly entries: Map<string, ZipEntry>;
  /** bytes inflated by this package's reads so far, against READER_LIMITS.maxTotalBytes */
  used = 0;

  constructor(
    readonly bytes: Uint8Array,
    readonly inflater: Inflater,
    entries?: Map<string, ZipEntry>,
  ) {
    this.entries = entries ?? new Map(zipDirectory(bytes).map((e) => [e.name, e]));
  }

  /** The same package with nothing read yet (a new total). */
  fresh(): ZipPackage {
    return new ZipPackage(this.bytes, this.inflater, this.entries);
  }

  get size(): number {
    return this.entries.size;
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The size a part declares once inflated (0xFFFFFFFF: unknown), 0 when there is no such part. */
  declaredSize(name: string): number {
    return this.entries.get(name)?.declared ?? 0;
  }

  /** The compressed size of a part (for progress). */
  compressedSize(name: string): number {
    return this.entries.get(name)?.compressed ?? 0;
  }

  /** A part inflated within the limits; undefined when the package has no such part. */
  async read(name: string): Promise<Uint8Array | undefined> {
    const plan = this.plan(name);
    if (!plan) return undefined;
    const out = plan.entry.method === 0 ? stored(plan) : await this.inflater.inflate(plan.data, plan.stop, name);
    return this.accept(plan, out);
  }

  /** The same, synchronously (only with an inflater that has inflateSync). */
  readSync(name: string): Uint8Array | undefined {
    const plan = this.plan(name);
    if (!plan) return undefined;
    const out = plan.entry.method === 0 ? stored(plan) : this.syncInflater().inflateSync!(plan.data, plan.stop, name);
    return this.accept(plan, out);
  }

  /** The first `n` bytes of a part or so, without inflating the rest (not counted in `used`); empty when unreadable. */
  async head(name: string, n: number): Promise<Uint8Array | undefined> {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const data = this.dataOf(e, false);
    if (!data) return new Uint8Array(0);
    return e.method === 0 ? data.subarray(0, n) : e.method === 8 ? this.inflater.head(data, n, name) : new Uint8Array(0);
  }

  headSync(name: string, n: number): Uint8Array | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const data = this.dataOf(e, false);
    if (!data) return new Uint8Array(0);
    return e.method === 0 ? data.subarray(0, n) : e.method === 8 ? this.syncInflater().headSync!(data, n, name) : new Uint8Array(0);
  }

  /**
   * A part streamed a piece at a time to `take` (true: stop), not kept and not counted in `used`;
   * it stops too at the part's bound (its declared size, else the room left): the read that
   * follows says what is wrong with it.
   */
  async stream(name: string, take: (piece: Uint8Array) => boolean): Promise<void> {
    const plan = this.plan(name);
    if (!plan) return;
    if (plan.entry.method === 0) {
      take(plan.data.subarray(0, plan.stop));
      return;
    }
    let size = 0;
    await this.inflater.stream(plan.data, (piece) => (size += piece.length) > plan.stop || take(piece), name);
  }

  private syncInflater(): Inflater {
    if (!this.inflater.inflateSync || !this.inflater.headSync) throw new Error("This inflater has no synchronous form.");
    return this.inflater;
  }

  /** The compressed bytes of an entry (after its local header); ZipFormatError (or undefined) when outside the file. */
  private dataOf(e: ZipEntry, strict: true): Uint8Array;
  private dataOf(e: ZipEntry, strict: boolean): Uint8Array | undefined;
  private dataOf(e: ZipEntry, strict: boolean): Uint8Array | undefined {
    const b = this.bytes;
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    if (e.local + 30 > b.length || v.getUint32(e.local, true) !== 0x04034b50) {
      if (strict) throw new ZipFormatError(`phần "${e.name}" nằm ngoài tệp (tệp bị cắt cụt?).`);
      return undefined;
    }
    const start = e.local + 30 + v.getUint16(e.local + 26, true) + v.getUint16(e.local + 28, true);
    return b.subarray(start, Math.min(b.length, start + e.compressed));
  }

  /** Where a read may go; refuses a part that declares more than the room left before inflating it. */
  private plan(name: string): ReadPlan | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const data = this.dataOf(entry, true);
    if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`phần "${name}" nén theo cách không hỗ trợ (mã ${entry.method}).`);
    const cap = Math.min(READER_LIMITS.maxPartBytes, READER_LIMITS.maxTotalBytes - this.used);
    const known = entry.declared !== UNKNOWN_SIZE;
    // an honest package past the limit is refused before inflating; a dishonest one stops at what it declared
    if (known && entry.declared > cap) throw overLimit(name, cap);
    return { entry, data, cap, stop: known ? entry.declared : cap };
  }

  /** The inflated part checked against what it declared and the room it had. */
  private accept(plan: ReadPlan, out: Uint8Array | null): Uint8Array {
    const { entry, cap } = plan;
    const known = entry.declared !== UNKNOWN_SIZE;
    if (known && (out === null || out.length > entry.declared)) throw new ZipFormatError(`phần "${entry.name}" giải nén ra nhiều hơn kích thước ghi trong tệp nén (tệp hỏng, hoặc "bom nén").`);
    if (out === null || out.length > cap) throw overLimit(entry.name, cap);
    this.used += out.length;
    return out;
  }
}

/** A stored part: its bytes as they are (null past its bound). */
function stored(plan: ReadPlan): Uint8Array | null {
  return plan.data.length > plan.stop ? null : plan.data;
}

/** Past the part's limit, or past the package's total when less room was left than a part may have. */
function overLimit(name: string, cap: number): ReaderLimitError {
  if (cap < READER_LIMITS.maxPartBytes) return new ReaderLimitError("maxTotalBytes", limitMessages.maxTotalBytes());
  return new ReaderLimitError("maxPartBytes", limitMessages.maxPartBytes(name));
}
