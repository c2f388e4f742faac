/**
 * Read a report draft (.docx) for the reconciler: the body's paragraphs in order (tables left out:
 * an appendix table is the table itself), list numbering written out as text ("1.1. Về kinh tế"),
 * footnote marks with their place in the text, and the footnotes. Unzips with jszip and scans the
 * WordprocessingML with the same small XML helpers as the .xlsx reader. Browser-safe (no fs).
 */
import JSZip from "jszip";
import type { Draft, DraftParagraph, FootnoteRef } from "../../core/report/draft";
import { xmlText } from "../xlsx/xlsx-reader";

export class DocxReadError extends Error {}

function attr(tag: string, name: string): string | undefined {
  const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return m ? xmlText(m[1]) : undefined;
}

/** The XML with every top-level <w:tbl> … </w:tbl> removed (nested tables included). */
function withoutTables(xml: string): string {
  let out = "";
  let depth = 0;
  let last = 0;
  for (const m of xml.matchAll(/<w:tbl(?=[\s>])[^>]*>|<\/w:tbl>/g)) {
    if (m[0].startsWith("</")) {
      depth--;
      if (depth === 0) last = m.index! + m[0].length;
    } else {
      if (depth === 0) out += xml.slice(last, m.index);
      depth++;
    }
  }
  return depth === 0 ? out + xml.slice(last) : out;
}

// ---------------------------------------------------------------- list numbering

interface Level {
  fmt: string;
  text: string;
  start: number;
}

interface Numbering {
  levels: Map<string, Map<number, Level>>; // numId → ilvl → level
}

function parseNumbering(xml: string | undefined): Numbering {
  const abstract = new Map<string, Map<number, Level>>();
  const levels = new Map<string, Map<number, Level>>();
  if (!xml) return { levels };
  for (const a of xml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const id = attr(a[1], "w:abstractNumId") ?? "";
    const map = new Map<number, Level>();
    for (const l of a[2].matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
      const ilvl = Number(attr(l[1], "w:ilvl") ?? 0);
      const fmt = attr(l[2].match(/<w:numFmt\b[^>]*>/)?.[0] ?? "", "w:val") ?? "decimal";
      const text = attr(l[2].match(/<w:lvlText\b[^>]*>/)?.[0] ?? "", "w:val") ?? "";
      const start = Number(attr(l[2].match(/<w:start\b[^>]*>/)?.[0] ?? "", "w:val") ?? 1);
      map.set(ilvl, { fmt, text, start });
    }
    abstract.set(id, map);
  }
  for (const n of xml.matchAll(/<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g)) {
    const numId = attr(n[1], "w:numId") ?? "";
    const abs = attr(n[2].match(/<w:abstractNumId\b[^>]*>/)?.[0] ?? "", "w:val") ?? "";
    const map = abstract.get(abs);
    if (map) levels.set(numId, map);
  }
  return { levels };
}

function roman(n: number): string {
  const t: Array<[number, string]> = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let s = "";
  for (const [v, r] of t)
    while (n >= v) {
      s += r;
      n -= v;
    }
  return s;
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return String.fromCharCode(64 + ((n - 1) % 26) + 1);
    case "lowerLetter":
      return String.fromCharCode(96 + ((n - 1) % 26) + 1);
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "bullet":
    case "none":
      return "";
    default:
      return String(n);
  }
}

/** Counters per list; the label Word shows for a paragraph at (numId, ilvl). */
class ListCounter {
  private counts = new Map<string, number[]>();
  constructor(private readonly numbering: Numbering) {}
  label(numId: string, ilvl: number): string {
    const levels = this.numbering.levels.get(numId);
    const lvl = levels?.get(ilvl);
    if (!levels || !lvl || numId === "0") return "";
    const c = this.counts.get(numId) ?? [];
    c[ilvl] = (c[ilvl] ?? (lvl.start - 1)) + 1;
    for (let k = ilvl + 1; k < c.length; k++) c[k] = undefined as unknown as number;
    this.counts.set(numId, c);
    if (lvl.fmt === "bullet") return /^[-–•]$/.test(lvl.text) ? "-" : "";
    return lvl.text.replace(/%(\d)/g, (_m, d: string) => {
      const k = Number(d) - 1;
      const l = levels.get(k);
      return formatNumber(c[k] ?? l?.start ?? 1, l?.fmt ?? "decimal");
    });
  }
}

// ---------------------------------------------------------------- paragraphs

interface RawParagraph {
  text: string;
  refs: Array<{ id: string; offset: number }>;
}

/** The text of one <w:p>: runs' text, tabs as spaces, footnote references with their offsets. */
function paragraphText(inner: string): RawParagraph {
  let text = "";
  const refs: RawParagraph["refs"] = [];
  for (const m of inner.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:t\/>|<w:(tab|br|cr)\/>|<w:footnoteReference\b[^>]*>/g)) {
    if (m[1] !== undefined) text += xmlText(m[1]);
    else if (m[2]) text += " ";
    else if (m[0].startsWith("<w:footnoteReference")) {
      const id = attr(m[0], "w:id");
      if (id) refs.push({ id, offset: text.length });
    }
  }
  return { text, refs };
}

function paragraphsOf(xml: string, counter: ListCounter | null): Array<RawParagraph & { label: string }> {
  const out: Array<RawParagraph & { label: string }> = [];
  for (const m of xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>|<w:p(?:\s[^>]*)?\/>/g)) {
    const inner = m[1] ?? "";
    let label = "";
    const numPr = inner.match(/<w:numPr>([\s\S]*?)<\/w:numPr>/);
    if (numPr && counter) {
      const ilvl = Number(attr(numPr[1].match(/<w:ilvl\b[^>]*>/)?.[0] ?? "", "w:val") ?? 0);
      const numId = attr(numPr[1].match(/<w:numId\b[^>]*>/)?.[0] ?? "", "w:val") ?? "0";
      label = counter.label(numId, ilvl);
    }
    out.push({ ...paragraphText(inner), label });
  }
  return out;
}

/** Read a .docx's body paragraphs and footnotes. Throws DocxReadError (Vietnamese) when it is not one. */
export async function readDocxDraft(bytes: Uint8Array | ArrayBuffer, name: string): Promise<Draft> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new DocxReadError(`Tệp "${name}" không phải tệp Word .docx (không mở được như tệp nén). Hãy lưu báo cáo dưới dạng .docx rồi thử lại.`);
  }
  const doc = zip.file("word/document.xml");
  if (!doc) throw new DocxReadError(`Tệp "${name}" không có phần nội dung văn bản (word/document.xml): không phải tệp Word .docx.`);
  const xml = await doc.async("string");
  const numberingXml = await zip.file("word/numbering.xml")?.async("string");
  const footXml = await zip.file("word/footnotes.xml")?.async("string");
  const body = xml.match(/<w:body>([\s\S]*)<\/w:body>/)?.[1] ?? xml;
  const counter = new ListCounter(parseNumbering(numberingXml));
  const raw = paragraphsOf(withoutTables(body), counter);

  // footnotes are numbered in the order the text refers to them
  const numberOf = new Map<string, string>();
  for (const p of raw) for (const r of p.refs) if (!numberOf.has(r.id)) numberOf.set(r.id, String(numberOf.size + 1));

  const paragraphs: DraftParagraph[] = [];
  for (const p of raw) {
    const prefix = p.label ? `${p.label} ` : "";
    const text = prefix + p.text;
    if (!text.trim()) continue;
    const refs: FootnoteRef[] = p.refs.map((r) => ({ number: numberOf.get(r.id) ?? r.id, offset: r.offset + prefix.length }));
    paragraphs.push({ kind: "body", text: text.replace(/\s+$/, ""), refs });
  }
  const notes: DraftParagraph[] = [];
  if (footXml) {
    for (const m of footXml.matchAll(/<w:footnote\b([^>]*)>([\s\S]*?)<\/w:footnote>/g)) {
      const type = attr(m[1], "w:type");
      if (type === "separator" || type === "continuationSeparator" || type === "continuationNotice") continue;
      const id = attr(m[1], "w:id") ?? "";
      const text = paragraphsOf(m[2], null)
        .map((p) => p.text.trim())
        .filter(Boolean)
        .join(" ");
      notes.push({ kind: "footnote", number: numberOf.get(id) ?? id, text, refs: [] });
    }
    notes.sort((a, b) => Number(a.number) - Number(b.number));
  }
  if (!paragraphs.length && !notes.length) throw new DocxReadError(`Tệp "${name}" không có đoạn văn nào để đối chiếu.`);
  return { name, paragraphs: [...paragraphs, ...notes] };
}
