/** Text helpers for the appendix: Roman numerals, document dates, capitals, row-height estimates. */
import { pad2 } from "../text/numbers";

export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let s = "";
  for (const [v, r] of table) while (n >= v) { s += r; n -= v; }
  return s;
}

/** Vietnamese capitals (NFC). */
export function upperVi(s: string): string {
  return s.normalize("NFC").toLocaleUpperCase("vi-VN").normalize("NFC");
}

interface YMD { y: number; m: number; d: number }

export function parseIsoDate(iso: string | undefined): YMD | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso.trim());
  if (!m) return null;
  const y = +m[1], mo = +m[2], d = +m[3];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return { y, m: mo, d };
}

/** Day with a leading zero below 10, month with one for January and February (as documents write). */
function dayText(d: number): string { return pad2(d); }
function monthText(m: number): string { return m <= 2 ? pad2(m) : String(m); }

/** "25/5/2023", "05/02/2027" */
export function shortDate(ymd: YMD): string {
  return `${dayText(ymd.d)}/${monthText(ymd.m)}/${ymd.y}`;
}

/** "ngày 15 tháng 10 năm 2027" */
export function longDate(ymd: YMD): string {
  return `ngày ${dayText(ymd.d)} tháng ${monthText(ymd.m)} năm ${ymd.y}`;
}

export interface HeightOptions {
  bold?: boolean;
  /** extra points above and below */
  paddingPt?: number;
  /** line height as a multiple of the font size (Excel's row for Times New Roman 12 is 15,75 pt ≈ 1,3; wrapped lines ≈ 1,15; default 1,2) */
  lineFactor?: number;
}

/** Average advance width of Times New Roman glyphs, in em, for lower-case text and for capitals. */
const EM_LOWER = 0.47;
const EM_UPPER = 0.68;
const PT_MM = 25.4 / 72;

/** Lines a text takes when wrapped by words in a box `widthMm` wide at `sizePt`. */
export function estimateLines(text: string, widthMm: number, sizePt: number, bold = false): number {
  if (!text) return 1;
  // cell padding, and a little slack: Excel, LibreOffice and Word wrap slightly earlier than the average glyph width says
  const usable = Math.max(1, (widthMm - 3) / 1.04);
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    const words = para.split(/\s+/).filter(Boolean);
    if (words.length === 0) { lines++; continue; }
    let used = 0;
    let paraLines = 1;
    for (const w of words) {
      const ww = wordWidthMm(w, sizePt, bold);
      const space = used > 0 ? wordWidthMm(" ", sizePt, bold) : 0;
      if (used > 0 && used + space + ww > usable) {
        paraLines++;
        used = 0;
      }
      if (ww > usable) {
        // a long word breaks across lines
        paraLines += Math.ceil(ww / usable) - 1;
        used = ww % usable;
      } else used += (used > 0 ? space : 0) + ww;
    }
    lines += paraLines;
  }
  return lines;
}

/** Advance width of one character, in em (cached: the estimate runs for every cell of 10 000-row tables). */
const CHAR_EM = new Map<string, number>();
function charEm(ch: string): number {
  let em = CHAR_EM.get(ch);
  if (em === undefined) {
    if (ch === " ") em = 0.25;
    else if (ch !== ch.toLocaleLowerCase("vi-VN")) em = EM_UPPER;
    else if (/[0-9]/.test(ch)) em = 0.5;
    else if (/[.,;:()/\-'"“”‘’]/.test(ch)) em = 0.3;
    else if (/[mwMW]/.test(ch)) em = 0.75;
    else if (/[iljtfr]/.test(ch)) em = 0.3;
    else em = EM_LOWER;
    CHAR_EM.set(ch, em);
  }
  return em;
}

function wordWidthMm(w: string, sizePt: number, bold: boolean): number {
  let em = 0;
  for (const ch of w) em += charEm(ch);
  return em * sizePt * PT_MM * (bold ? 1.06 : 1);
}

/** Height in points a wrapped text needs in a cell `widthMm` wide (pure estimate; Excel has no auto height on write). */
export function estimateRowHeight(text: string, widthMm: number, sizePt: number, opts: HeightOptions = {}): number {
  const lines = estimateLines(text, widthMm, sizePt, opts.bold ?? false);
  const h = lines * sizePt * (opts.lineFactor ?? 1.2) + (opts.paddingPt ?? 3);
  return Math.round(h * 4) / 4;
}

/**
 * Break a text into `lines` lines of balanced length at word boundaries (the way a printed title
 * is set: "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU / THEO NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ /
 * LẦN THỨ VI, NHIỆM KỲ 2020 - 2025"). Minimises the sum of squared line lengths, with a cost for
 * breaking anywhere but before a phrase ("THEO", "LẦN THỨ", "NHIỆM KỲ"...) or after a comma, so
 * "THÀNH PHỐ" or "ĐẠI HỘI" are never split.
 */
const PHRASE_STARTS = new Set(["theo", "lan", "nhiem", "giai", "cua", "ve", "tai", "nam", "den", "giua", "cuoi", "dau", "ket", "kem", "cac", "trong"]);
const fold = (w: string) => w.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toLowerCase();

export function balanceLines(text: string, lines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const k = Math.max(1, Math.min(lines, words.length));
  if (k === 1) return [words.join(" ")];
  const n = words.length;
  const len = (i: number, j: number) => words.slice(i, j).join(" ").length; // words i..j-1
  const avg = text.length / k;
  const breakCost = (i: number) => (i === 0 || PHRASE_STARTS.has(fold(words[i])) || /[,;:]$/.test(words[i - 1]) ? 0 : 0.5 * avg * avg);
  // best[m][j]: cost of setting words 0..j-1 on m lines
  const best: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const cut: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0));
  best[0][0] = 0;
  for (let m = 1; m <= k; m++) {
    for (let j = m; j <= n; j++) {
      for (let i = m - 1; i < j; i++) {
        if (best[m - 1][i] === Infinity) continue;
        const l = len(i, j);
        const c = best[m - 1][i] + l * l + breakCost(i);
        if (c < best[m][j]) {
          best[m][j] = c;
          cut[m][j] = i;
        }
      }
    }
  }
  const out: string[] = [];
  let j = n;
  for (let m = k; m >= 1; m--) {
    const i = cut[m][j];
    out.unshift(words.slice(i, j).join(" "));
    j = i;
  }
  return out;
}
