/**
 * A report draft as the reconciler reads it: body paragraphs in order, then the footnotes, each
 * with where it is ("Đoạn 12", "Chú thích 6") and which footnotes a body paragraph refers to (and
 * where in its text). Built from a .docx by src/adapters/docx/read-docx.ts, or from plain text here.
 */

export interface FootnoteRef {
  /** the footnote's number as shown ("6") */
  number: string;
  /** position in the paragraph's text where the mark stood */
  offset: number;
}

export interface DraftParagraph {
  kind: "body" | "footnote";
  /** for footnotes: the number shown */
  number?: string;
  text: string;
  refs: FootnoteRef[];
}

export interface Draft {
  /** the file name, for messages */
  name: string;
  paragraphs: DraftParagraph[];
}

const SUPERSCRIPT: Record<string, string> = { "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9" };
const SUP_RE = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

function supToDigits(s: string): string {
  return [...s].map((c) => SUPERSCRIPT[c] ?? c).join("");
}

/**
 * A draft typed or saved as plain text: one paragraph per line, footnotes as lines starting with a
 * superscript number ("⁶ Cơ sở dịch vụ …"), footnote marks as superscript numbers in the text,
 * "*" around italics (dropped). Lines with tabs are table rows (an appendix) and are left out.
 */
export function draftFromText(text: string, name = "văn bản"): Draft {
  const paragraphs: DraftParagraph[] = [];
  const notes: DraftParagraph[] = [];
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.replace(/\*/g, "").trim();
    if (!line || raw.includes("\t")) continue;
    const fn = line.match(/^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(.*)$/);
    if (fn) {
      notes.push({ kind: "footnote", number: supToDigits(fn[1]), text: fn[2], refs: [] });
      continue;
    }
    const refs: FootnoteRef[] = [];
    let out = "";
    let last = 0;
    for (const m of line.matchAll(SUP_RE)) {
      out += line.slice(last, m.index);
      refs.push({ number: supToDigits(m[0]), offset: out.length });
      last = m.index! + m[0].length;
    }
    out += line.slice(last);
    paragraphs.push({ kind: "body", text: out, refs });
  }
  return { name, paragraphs: [...paragraphs, ...notes] };
}

/** "Đoạn 12" (the 12th body paragraph) or "Chú thích 6". */
export function placeOf(draft: Draft, index: number): string {
  const p = draft.paragraphs[index];
  if (p.kind === "footnote") return `Chú thích ${p.number ?? "?"}`;
  let n = 0;
  for (let i = 0; i <= index; i++) if (draft.paragraphs[i].kind === "body") n++;
  return `Đoạn ${n}`;
}
