/**
 * Typography normalised for reading and matching: NFC, one kind of space, one kind of dash. Pure,
 * no I/O. The user's text is never rewritten with this: outputs copy what was typed.
 */

/** Characters people type for a minus sign or a dash, folded to ASCII. */
const MINUS_CHARS = /[\u2212\u2012\u2013\u2014\u2015\uFE63\uFF0D]/g;

// What used to decide the fast path, kept as the definition normalizeText's scan follows:
// /[\u00A0\u2007\u202F\u2009\u200A\u3000\u200B\uFEFF\u2212\u2012-\u2015\uFE63\uFF0D\t\n\r\f\v]| {2}|^ | $/

/**
 * Characters that can never change under NFC, alone or after any of each other or ASCII: precomposed
 * Latin letters (Vietnamese included), Latin-1 signs, general punctuation, "≤" and "≥". All have
 * canonical combining class 0 and NFC_QC=Yes, so a string made only of them and ASCII is already NFC
 * (the Unicode quick check) and `normalize("NFC")` would return it unchanged. Checked exhaustively
 * (every such character and every pair) when this list was written.
 */
function isNfcStable(c: number): boolean {
  return (c >= 0xa1 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e) || c === 0x2264 || c === 0x2265;
}

/** The non-ASCII spaces the pattern above lists (its dashes are isDash). */
function isTypographyChar(c: number): boolean {
  return c === 0xa0 || c === 0x2007 || c === 0x202f || c === 0x2009 || c === 0x200a || c === 0x3000 || c === 0x200b || c === 0xfeff;
}

/**
 * Anything but printable ASCII, NFC-stable Latin letters (a subset of isNfcStable) and "≤ ≥", or a
 * double, leading or trailing space. Text without any of these needs no normalising at all.
 */
const NOT_PLAIN = /[^\x20-\x7E\u00A1-\u024F\u1E00-\u1EFF\u2264\u2265]| {2}|^ | $/;
/** NOT_PLAIN that also lets the MINUS_CHARS dashes through. */
const NOT_PLAIN_OR_DASH = /[^\x20-\x7E\u00A1-\u024F\u1E00-\u1EFF\u2264\u2265\u2212\u2012-\u2015\uFE63\uFF0D]| {2}|^ | $/;

/** Normalise typography: NFC, non-breaking and thin spaces to plain space, dashes/minus to "-". */
export function normalizeText(text: string): string {
  // This runs several times per cell, so it avoids the full path whenever it can prove that path
  // would change nothing (or only the dashes). Most text is printable ASCII and precomposed Latin
  // letters with single inner spaces: one native regex test settles that (a hand loop here ran
  // 2.6x slower once other modules had warmed it with their own strings).
  if (!NOT_PLAIN.test(text)) return text;
  // Plain but for dashes ("110 – 120"): the full path would only replace them; a native test says so
  // faster than the scan below.
  if (!NOT_PLAIN_OR_DASH.test(text)) return text.replace(MINUS_CHARS, "-");
  // Otherwise one scan: anything the old pattern above would match goes to the full path, unchanged;
  // NFC is only asked for when a character outside the NFC-stable set appears.
  const n = text.length;
  let needsNfc = false;
  let dashes = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === 32) {
        if (i === 0 || i === n - 1 || text.charCodeAt(i + 1) === 32) return normalizeFully(text);
      } else if (c >= 9 && c <= 13) return normalizeFully(text);
    } else if (isDash(c)) dashes = true;
    else if (isTypographyChar(c)) return normalizeFully(text);
    else if (!needsNfc && !isNfcStable(c)) needsNfc = true;
  }
  // Only dashes to fold ("110 – 120") in NFC text with single spaces and no other white space (the
  // scan sent those to the full path, and the NFC-stable set holds none): the full path would only
  // replace the dashes, so do just that.
  if (dashes) return needsNfc ? normalizeFully(text) : text.replace(MINUS_CHARS, "-");
  return needsNfc ? text.normalize("NFC") : text;
}

/** The characters MINUS_CHARS folds to "-". */
function isDash(c: number): boolean {
  return c === 0x2212 || (c >= 0x2012 && c <= 0x2015) || c === 0xfe63 || c === 0xff0d;
}

function normalizeFully(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u00A0\u2007\u202F\u2009\u200A\u3000]/g, " ")
    .replace(/[\u200B\uFEFF]/g, "")
    .replace(MINUS_CHARS, "-")
    .replace(/\s+/g, " ")
    .trim();
}
