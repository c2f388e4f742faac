/*
 * What the NQ.* functions need from ES2015+ that Internet Explorer 11 lacks. On Windows without
 * WebView2, Excel runs an add-in with a shared runtime in IE11 (Trident); functions.js is
 * transpiled to ES5 syntax (webpack.config.js) and these fill in the library. Each is installed
 * only where missing, so modern webviews keep their own. Imported first by functions.ts.
 *
 * normalize() covers what the engine meets in indicator sheets: precomposed Latin letters
 * (Vietnamese included, U+00C0–U+024F and U+1E00–U+1EFF) and combining marks typed after them
 * ("tổ hợp" input). Other scripts pass through unchanged.
 * tests/functions/es5.test.ts runs the built functions.js in a context stripped to IE11's library.
 */
import { LATIN_NFD } from "./latin-nfd";

/* eslint-disable @typescript-eslint/no-explicit-any */
const G: any = typeof globalThis !== "undefined" ? globalThis : typeof window !== "undefined" ? window : typeof self !== "undefined" ? self : Function("return this")();

// IE11 has no globalThis: functions.ts reads the CustomFunctions global through it
if (typeof globalThis === "undefined") G.globalThis = G;

function define(target: any, name: string, value: unknown): void {
  if (target && typeof target[name] === "undefined") {
    try {
      Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
    } catch {
      target[name] = value;
    }
  }
}

// ---- Unicode normalisation of Latin letters
/** Canonical combining class of the marks that occur in Latin decompositions (others: 230). */
function ccc(c: number): number {
  if (c < 0x300 || c > 0x36f) return 0;
  if (c === 0x31b) return 216;
  if (c === 0x327 || c === 0x328) return 202;
  if ((c >= 0x316 && c <= 0x319) || (c >= 0x31c && c <= 0x326) || (c >= 0x329 && c <= 0x333) || (c >= 0x339 && c <= 0x33c)) return 220;
  if (c >= 0x334 && c <= 0x338) return 1;
  return 230;
}

let nfd: Record<string, string> | null = null;
let pairs: Record<string, string> | null = null;
function tables(): { nfd: Record<string, string>; pairs: Record<string, string> } {
  if (!nfd || !pairs) {
    const d: Record<string, string> = {};
    const byDecomposition: Record<string, string> = {};
    const entries = LATIN_NFD.split("|");
    for (let i = 0; i < entries.length; i++) {
      d[entries[i].charAt(0)] = entries[i].slice(1);
      byDecomposition[entries[i].slice(1)] = entries[i].charAt(0);
    }
    // one composition step: (letter, mark) → letter, e.g. (â, ◌́) → ấ, (ạ, ◌̂) → ậ
    const p: Record<string, string> = {};
    for (let i = 0; i < entries.length; i++) {
      const full = entries[i].slice(1);
      const head = full.slice(0, -1);
      const first = head.length === 1 ? head : byDecomposition[head];
      if (first) p[first + full.charAt(full.length - 1)] = entries[i].charAt(0);
    }
    nfd = d;
    pairs = p;
  }
  return { nfd, pairs };
}

/** NFD of the covered letters, marks in canonical order. */
export function latinDecompose(s: string): string {
  const t = tables().nfd;
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    const d = t[ch];
    if (d) for (let j = 0; j < d.length; j++) out.push(d.charAt(j));
    else out.push(ch);
  }
  // canonical ordering: a stable sort of each run of marks by combining class
  for (let i = 1; i < out.length; i++) {
    const c = ccc(out[i].charCodeAt(0));
    if (c === 0) continue;
    let j = i;
    while (j > 0) {
      const p = ccc(out[j - 1].charCodeAt(0));
      if (p <= c || p === 0) break;
      const x = out[j - 1];
      out[j - 1] = out[j];
      out[j] = x;
      j--;
    }
  }
  return out.join("");
}

/** NFC of the covered letters: decompose, then compose each letter with the marks not blocked. */
export function latinCompose(s: string): string {
  const p = tables().pairs;
  const d = latinDecompose(s);
  const out: string[] = [];
  let starter = -1;
  let last = -1; // combining class of the last mark kept after the starter; -1 when adjacent
  for (let i = 0; i < d.length; i++) {
    const ch = d.charAt(i);
    const c = ccc(ch.charCodeAt(0));
    if (starter >= 0 && c !== 0 && (last === -1 || last < c)) {
      const composed = p[out[starter] + ch];
      if (composed) {
        out[starter] = composed;
        continue;
      }
    }
    if (c === 0) {
      starter = out.length;
      last = -1;
    } else last = c;
    out.push(ch);
  }
  return out.join("");
}

define(String.prototype, "normalize", function (this: string, form?: string): string {
  const f = form === undefined ? "NFC" : String(form);
  if (f !== "NFC" && f !== "NFD" && f !== "NFKC" && f !== "NFKD") throw new RangeError("The normalization form should be one of NFC, NFD, NFKC, NFKD.");
  return f === "NFD" || f === "NFKD" ? latinDecompose(String(this)) : latinCompose(String(this));
});

// ---- String
define(String, "fromCodePoint", function (...points: number[]): string {
  let s = "";
  for (let i = 0; i < points.length; i++) {
    let cp = Number(points[i]);
    if (cp < 0 || cp > 0x10ffff || cp !== Math.floor(cp)) throw new RangeError(`Invalid code point ${cp}`);
    if (cp <= 0xffff) s += String.fromCharCode(cp);
    else {
      cp -= 0x10000;
      s += String.fromCharCode(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    }
  }
  return s;
});
define(String, "raw", function (strings: { raw: ArrayLike<string> }, ...subs: unknown[]): string {
  let s = "";
  for (let i = 0; i < strings.raw.length; i++) s += strings.raw[i] + (i + 1 < strings.raw.length && i < subs.length ? String(subs[i]) : "");
  return s;
});
define(String.prototype, "includes", function (this: string, search: string, start?: number): boolean {
  return String(this).indexOf(search, start || 0) !== -1;
});
define(String.prototype, "startsWith", function (this: string, search: string, pos?: number): boolean {
  const p = pos ? Math.max(0, pos | 0) : 0;
  return String(this).substr(p, String(search).length) === String(search);
});
define(String.prototype, "endsWith", function (this: string, search: string, end?: number): boolean {
  const s = String(this);
  const e = end === undefined ? s.length : Math.min(Math.max(end | 0, 0), s.length);
  const t = String(search);
  return e - t.length >= 0 && s.slice(e - t.length, e) === t;
});
define(String.prototype, "repeat", function (this: string, count: number): string {
  let out = "";
  for (let i = 0; i < (count | 0); i++) out += String(this);
  return out;
});
define(String.prototype, "padStart", function (this: string, length: number, fill?: string): string {
  const s = String(this);
  const f = fill === undefined ? " " : String(fill);
  if (s.length >= length || !f) return s;
  let pad = "";
  while (pad.length < length - s.length) pad += f;
  return pad.slice(0, length - s.length) + s;
});
define(String.prototype, "trimStart", function (this: string): string {
  return String(this).replace(/^[\s\uFEFF\xA0]+/, "");
});
define(String.prototype, "trimEnd", function (this: string): string {
  return String(this).replace(/[\s\uFEFF\xA0]+$/, "");
});

// ---- Number and Math
define(Number, "isFinite", (v: unknown) => typeof v === "number" && isFinite(v));
define(Number, "isNaN", (v: unknown) => typeof v === "number" && v !== v);
define(Number, "isInteger", (v: unknown) => typeof v === "number" && isFinite(v) && Math.floor(v) === v);
define(Number, "EPSILON", Math.pow(2, -52));
define(Number, "MAX_SAFE_INTEGER", 9007199254740991);
define(Number, "parseFloat", parseFloat);
define(Math, "trunc", (x: number) => (x < 0 ? Math.ceil(x) : Math.floor(x)));
define(Math, "sign", (x: number) => (x > 0 ? 1 : x < 0 ? -1 : +x));
define(Math, "log10", (x: number) => Math.log(x) / Math.LN10);

// ---- Array and Object
function arrayLike(a: any): any[] {
  if (a === null || a === undefined) throw new TypeError("Array.from requires an array-like object");
  const out: any[] = [];
  if (typeof a.length === "number") for (let i = 0; i < a.length; i++) out.push(a[i]);
  else if (typeof a.forEach === "function") a.forEach((v: unknown, k: unknown) => out.push(a instanceof G.Map ? [k, v] : v));
  return out;
}
define(Array, "from", function (a: any, map?: (v: any, i: number) => any): any[] {
  const out = arrayLike(a);
  return map ? out.map(map) : out;
});
define(Array, "of", (...items: unknown[]) => items);
define(Array.prototype, "includes", function (this: any[], v: unknown, from?: number): boolean {
  for (let i = from || 0; i < this.length; i++) if (this[i] === v || (v !== v && this[i] !== this[i])) return true;
  return false;
});
define(Array.prototype, "find", function (this: any[], f: (v: any, i: number, a: any[]) => boolean, self?: unknown): unknown {
  for (let i = 0; i < this.length; i++) if (f.call(self, this[i], i, this)) return this[i];
  return undefined;
});
define(Array.prototype, "findIndex", function (this: any[], f: (v: any, i: number, a: any[]) => boolean, self?: unknown): number {
  for (let i = 0; i < this.length; i++) if (f.call(self, this[i], i, this)) return i;
  return -1;
});
define(Array.prototype, "fill", function (this: any[], v: unknown, start?: number, end?: number): any[] {
  const n = this.length;
  const s = start === undefined ? 0 : start < 0 ? Math.max(n + start, 0) : Math.min(start, n);
  const e = end === undefined ? n : end < 0 ? Math.max(n + end, 0) : Math.min(end, n);
  for (let i = s; i < e; i++) this[i] = v;
  return this;
});
define(Array.prototype, "flat", function (this: any[], depth?: number): any[] {
  const d = depth === undefined ? 1 : depth;
  const out: any[] = [];
  const walk = (a: any[], level: number) => {
    for (let i = 0; i < a.length; i++) {
      if (Array.isArray(a[i]) && level > 0) walk(a[i], level - 1);
      else if (i in a) out.push(a[i]);
    }
  };
  walk(this, d);
  return out;
});
// typed arrays exist in IE11, without fill
for (const name of ["Int8Array", "Uint8Array", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array"]) {
  if (typeof G[name] === "function") define(G[name].prototype, "fill", (Array.prototype as any).fill);
}
define(Object, "assign", function (target: any, ...sources: any[]): any {
  const to = Object(target);
  for (let i = 0; i < sources.length; i++) {
    const src = sources[i];
    if (src !== null && src !== undefined) for (const k in src) if (Object.prototype.hasOwnProperty.call(src, k)) to[k] = src[k];
  }
  return to;
});
define(Object, "entries", (o: any) => Object.keys(o).map((k) => [k, o[k]]));
define(Object, "values", (o: any) => Object.keys(o).map((k) => o[k]));

// ---- Symbol: only as a unique sentinel (no iterator protocol; TypeScript's ES5 helpers check for it)
if (typeof G.Symbol === "undefined") {
  let n = 0;
  G.Symbol = function Symbol(description?: string) {
    return { toString: () => `Symbol(${description ?? ""})#${++n}` };
  };
}
