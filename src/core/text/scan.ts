/**
 * Small character-level helpers for the parsers, in place of short regexes run on slices. Each one
 * names the pattern it stands for; "white space" is exactly what JavaScript's \s and trim() match.
 */

/** JavaScript's \s (WhiteSpace and LineTerminator), by UTF-16 unit. */
export function isJsSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Index of the last non-space character of s[0, end), or -1. */
export function lastNonSpace(s: string, end: number): number {
  let j = end - 1;
  while (j >= 0 && isJsSpace(s.charCodeAt(j))) j--;
  return j;
}

/** /(^|\s)word$/ on s: s ends with `word` and it starts s or follows white space. */
export function endsWithWordAfterSpace(s: string, word: string): boolean {
  const k = s.length - word.length;
  return k >= 0 && s.endsWith(word) && (k === 0 || isJsSpace(s.charCodeAt(k - 1)));
}

/** s === w || s.endsWith(" " + w), without building " " + w. */
export function endsWithWordAfterBlank(s: string, word: string): boolean {
  const k = s.length - word.length;
  return k >= 0 && s.endsWith(word) && (k === 0 || s.charCodeAt(k - 1) === 32);
}

/** End of the number token at `start` (a digit): digits, then any number of "[.,] digits" groups, taken greedily. */
export function numberTokenEnd(s: string, start: number): number {
  const len = s.length;
  let i = start;
  while (i < len && isDigit(s.charCodeAt(i))) i++;
  while (i + 1 < len) {
    const c = s.charCodeAt(i);
    if ((c !== 44 && c !== 46) || !isDigit(s.charCodeAt(i + 1))) break;
    i += 2;
    while (i < len && isDigit(s.charCodeAt(i))) i++;
  }
  return i;
}
