/**
 * Folding for matching: lower case, no diacritics, "đ" → "d", single spaces. Only for comparing
 * words; outputs copy the text as typed. Pure, no I/O.
 */
import { normalizeText } from "./normalize";
import { platformTextDecoder } from "./decoder";
import { remembered, textStore } from "./memo";

/** Precomposed Latin letters (Vietnamese and others) → base letter, built once. */
const FOLD_MAP: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (let cp = 0xc0; cp <= 0x24f; cp++) add(cp);
  for (let cp = 0x1e00; cp <= 0x1eff; cp++) add(cp);
  m.set("đ", "d");
  m.set("Đ", "d");
  function add(cp: number) {
    const ch = String.fromCodePoint(cp);
    const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    if (base.length === 1 && base !== ch) m.set(ch, base);
  }
  return m;
})();

/** Texts folded during a run that reads many tables (memo.ts); unused otherwise. */
const FOLDED = textStore();

/**
 * Fold Vietnamese text for matching: lower case, no diacritics, đ → d, single spaces.
 * Per character: FOLD_MAP, else combining marks dropped, else the character's own lower case.
 */
export function foldText(text: string): string {
  return remembered(FOLDED, text, foldOnce);
}

function foldOnce(text: string): string {
  const n = normalizeText(text);
  const len = n.length;
  let i = 0;
  while (i < len && n.charCodeAt(i) < 0x80) i++;
  if (i === len) return n.toLowerCase();
  const quick = len >= FOLD_CODES_MIN && len <= FOLD_CODES_MAX ? foldByCodes(n, i) : null;
  if (quick !== null) return quick;
  // Copy runs of characters that fold to themselves in one slice; look the others up in a table
  // indexed by UTF-16 unit (filled on first use) instead of a Map lookup and a string per character.
  let out = "";
  let run = 0;
  for (i = 0; i < len; i++) {
    const c = n.charCodeAt(i);
    if (c < 0x80) {
      if (c < 65 || c > 90) continue; // folds to itself: stays in the run
      out += n.slice(run, i) + String.fromCharCode(c + 32);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A surrogate pair is one code point; it has no FOLD_MAP entry, so it takes its own lower case.
      const pair = c <= 0xdbff && i + 1 < len && (n.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      out += n.slice(run, i) + n.slice(i, pair ? i + 2 : i + 1).toLowerCase();
      if (pair) i++;
    } else {
      const f = foldChar(c);
      if (f.length === 1 && f.charCodeAt(0) === c) continue;
      out += n.slice(run, i) + f;
    }
    run = i + 1;
  }
  return run === 0 ? n : out + n.slice(run);
}

/**
 * Texts of these lengths are folded through one buffer of codes, made into a string at the end
 * (shorter ones cost less piece by piece than the call that makes the string).
 */
const FOLD_CODES_MIN = 32;
const FOLD_CODES_MAX = 4096;
const FOLD_BUFFER = new Uint16Array(FOLD_CODES_MAX);
/** Decodes the buffer without copying it into arguments first (where the platform stores UTF-16 little-endian, as all do). */
const FOLD_DECODER = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? platformTextDecoder("utf-16le", { ignoreBOM: true }) : null;

/**
 * foldText of normalised text whose characters each fold to one UTF-16 unit (foldCode): every
 * Vietnamese text. One string is made at the end, instead of a piece per folded character (the
 * pieces were most of the garbage a check left behind). Null when a character folds otherwise.
 */
function foldByCodes(n: string, asciiPrefix: number): string | null {
  const buf = FOLD_BUFFER;
  for (let i = 0; i < asciiPrefix; i++) {
    const c = n.charCodeAt(i);
    buf[i] = c >= 65 && c <= 90 ? c + 32 : c;
  }
  for (let i = asciiPrefix; i < n.length; i++) {
    const f = foldCode(n.charCodeAt(i));
    if (f < 0) return null;
    buf[i] = f;
  }
  const codes = buf.subarray(0, n.length);
  return FOLD_DECODER ? FOLD_DECODER.decode(codes) : String.fromCharCode.apply(null, codes as unknown as number[]);
}

/**
 * For text already normalised, where each character of foldText(text) comes from: offsets[i] is the
 * index in `text` of the character that folded character i came from, and offsets[folded length] is
 * text.length. Needed when folding drops characters (combining marks NFC could not compose, "q́"),
 * so that positions found in the folded text can cut the original.
 */
export function foldOffsets(text: string): number[] {
  const offsets: number[] = [];
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    let width = 1;
    if (c < 0x80) offsets.push(i);
    else if (c >= 0xd800 && c <= 0xdfff) {
      // as foldText: a pair is one code point, lower-cased whole
      const pair = c <= 0xdbff && i + 1 < len && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) width = 2;
      for (let k = text.slice(i, i + width).toLowerCase().length; k > 0; k--) offsets.push(i);
    } else for (let k = foldChar(c).length; k > 0; k--) offsets.push(i);
    i += width - 1;
  }
  offsets.push(len);
  return offsets;
}

/**
 * Fold of one BMP character that is not a surrogate. Below U+2000 (every FOLD_MAP entry and the
 * combining marks) it is cached in a dense table (filled with null first so V8 keeps it a plain
 * array, not a dictionary); above, it is the character's own lower case.
 */
const FOLD_TABLE_SIZE = 0x2000;
const FOLD_TABLE: Array<string | null> = new Array<string | null>(FOLD_TABLE_SIZE).fill(null);
function foldChar(c: number): string {
  if (c >= FOLD_TABLE_SIZE) return String.fromCharCode(c).toLowerCase();
  let f = FOLD_TABLE[c];
  if (f === null) {
    const ch = String.fromCharCode(c);
    f = FOLD_MAP.get(ch) ?? (c >= 0x300 && c <= 0x36f ? "" : ch.toLowerCase());
    FOLD_TABLE[c] = f;
  }
  return f;
}

/**
 * The one UTF-16 unit character c folds to (as foldText folds it), or -1 when its fold is not a
 * single unit (combining marks fold to nothing) or c lies outside the table: ASCII, Latin-1 and
 * Latin Extended (U+0080–U+024F), Latin Extended Additional (U+1E00–U+1EFF), "≤" and "≥". Lets a
 * parser compare text with folded words in place, character by character, without folding a copy.
 */
export function foldCode(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c < FOLD_TABLE_SIZE) {
    const code = FOLD_CODES[c];
    return code === -2 ? fillFoldCode(c) : code;
  }
  return c === 0x2264 || c === 0x2265 ? c : -1;
}
/** -2: not looked at yet. Only the Latin ranges get a code; the rest stays -1. */
const FOLD_CODES = new Int32Array(FOLD_TABLE_SIZE).fill(-2);
function fillFoldCode(c: number): number {
  let code = -1;
  if (c <= 0x24f || (c >= 0x1e00 && c <= 0x1eff)) {
    const f = foldChar(c);
    if (f.length === 1) code = f.charCodeAt(0);
  }
  FOLD_CODES[c] = code;
  return code;
}
