/**
 * The section "Các chỉ tiêu chủ yếu" as offices write it, from a checked table:
 *
 *   1.1. Về kinh tế
 *   - Tăng trưởng tổng giá trị sản xuất bình quân … đạt 7,8%/năm (*Nghị quyết 8,5-9,5%/năm*); trong đó:
 *     khu vực công nghiệp - xây dựng tăng 8,5%/năm (*Nghị quyết 9,5-11%/năm*), …
 *
 * Rules (docs/van-ban.md):
 * - headings are the groups that hold indicators, numbered "1.1.", "1.2." under the section; a group
 *   that only holds groups is left out; a group inside a heading group opens a paragraph;
 * - one paragraph per numbered indicator, its sub-rows joined with "; trong đó:" (a "-"/"+" sub-row
 *   with the parent's unit, or a parent ending "trong đó:") or with ";" (other sub-rows);
 * - a verb that fits: a name ending in a verb ("… tăng") takes the value; growth rates "tăng bình
 *   quân"; rates of growth ("tăng trưởng …") "đạt"; lower-is-better "ở mức"; otherwise "đạt"; a name
 *   that already states the value ("Có 01 xã …", "100% phường …") is not followed by it again;
 * - the value with its unit once, the target in italics in brackets, a note in the target folded in
 *   after a comma (never a second bracket);
 * - names are copied as typed; when a name continues a sentence (after "trong đó:" or ";") only its
 *   first letter is lowercased, unless the first word is an acronym or a proper noun; inner list
 *   marks ("; - Thôn") are dropped the same way;
 * - a result the check found wrong (a fraction stated with the wrong percent) is replaced by the
 *   figure computed from the fraction and marked "[cần xem lại: …]"; the wrong figure is not written.
 * Pure: no I/O.
 */
import type { Evaluation, Vocabulary } from "../evaluation/evaluate";
import type { IndicatorRow, IndicatorTable, TableRow } from "../model";
import type { Finding } from "../checks/checks";
import { checkTable, findFractions } from "../checks/checks";
import { foldText } from "../text/fold";
import { formatViNumber, pad2, toNumber } from "../text/numbers";
import { GROWTH_SUBJECT_WORDS, KEEP_CAPITAL_WORDS, NAME_END_VERBS, REVIEW_PREFIX } from "./words";

export interface ReportRun {
  text: string;
  italic?: boolean;
  /** a mark asking the user to check a figure */
  review?: boolean;
}

export type ParagraphKind = "title" | "heading" | "summary" | "indicator";

export interface ReportParagraph {
  kind: ParagraphKind;
  runs: ReportRun[];
  /** sheet rows the paragraph states */
  rows: number[];
}

export interface ReviewMark {
  row: number;
  cell?: string;
  message: string;
}

export interface ReportSection {
  paragraphs: ReportParagraph[];
  reviews: ReviewMark[];
}

/** What the outlook (src/core/outlook, when present) says about one indicator in a mid-term report. */
export interface OutlookWording {
  /** the clause written after the target: "dự báo khó đạt" */
  clause: string;
}

export interface OutlookHooks {
  /** per indicator: the wording for the rest of the term, or nothing */
  indicator(row: IndicatorRow): OutlookWording | undefined;
  /** after the summary sentence: "dự báo đến cuối nhiệm kỳ có 05 chỉ tiêu khó đạt" */
  summary?(): string | undefined;
}

export interface WriterOptions {
  vocabulary?: Vocabulary;
  /** 3 (default): "đạt và vượt"; 2: "đạt" */
  levels?: 2 | 3;
  /** the check's findings: figures found wrong are not repeated */
  findings?: readonly Finding[];
  /** the section's number: headings become "1.1.", "1.2." (default "1") */
  sectionNumber?: string;
  /** the section's title, or null for none (default "Các chỉ tiêu chủ yếu") */
  title?: string | null;
  /** the word before a target: "Nghị quyết" (default), "Kế hoạch" */
  targetLabel?: string;
  /** the text of a sheet cell as typed (A1 address), to copy names and targets untouched */
  cellText?: (address: string) => string | undefined;
  /** the outlook's wording, for mid-term reports (sơ kết) */
  outlook?: OutlookHooks;
}

const DEFAULT_TITLE = "Các chỉ tiêu chủ yếu";

// ---------------------------------------------------------------- text helpers

function squash(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Is the first word an acronym ("QG", "UBND") or a proper noun that keeps its capital? */
function keepsCapital(s: string): boolean {
  const first = s.split(/[\s,;:]/)[0] ?? "";
  if (first.length >= 2 && first === first.toLocaleUpperCase("vi") && /\p{L}/u.test(first)) return true;
  return KEEP_CAPITAL_WORDS.some((w) => s.startsWith(w) && !/\p{L}/u.test(s.charAt(w.length) || " "));
}

/** A name that continues a sentence: first letter lowercased unless it must keep its capital. */
export function continuing(s: string): string {
  if (!s || keepsCapital(s)) return s;
  return s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
}

function capital(s: string): string {
  return s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
}

/** The name as prose: no list mark, no trailing punctuation or "trong đó", inner "; - X" → "; x". */
export function proseName(name: string): string {
  let s = squash(name).replace(/^[-+*•]\s*/, "");
  s = s.replace(/([;:])\s*[-+•]\s+(\p{L})/gu, (_m, p: string, l: string) => `${p} ${continuing(l)}`);
  for (let i = 0; i < 3; i++) s = s.replace(/[\s,;:.]+$/, "").replace(/,?\s*trong đó$/i, "");
  return s;
}

function startsWithTrongDo(s: string): boolean {
  return /^trong đó\s*[:,]?\s*/i.test(s);
}

function withoutTrongDo(s: string): string {
  return s.replace(/^trong đó\s*[:,]?\s*/i, "");
}

/** "%", "%/năm" stick to the number; unit words follow a space, first letter lowercased. */
function unitAfter(value: string, unit: string): string {
  const u = squash(unit);
  if (!u) return value;
  if (u.startsWith("%")) return value + u.replace(/\s+/g, "");
  return `${value} ${continuing(u)}`;
}

const SYMBOLS: Array<[RegExp, string, string]> = [
  [/^(>=|≥)\s*/, "từ ", " trở lên"],
  [/^(<=|≤)\s*/, "không quá ", ""],
  [/^>\s*/, "trên ", ""],
  [/^<\s*/, "dưới ", ""],
];

/** "> 98" + "%" → "trên 98%"; "01-02" + "xã" → "01-02 xã"; words kept as typed. */
function numberPhrase(text: string, unit: string): string {
  let core = squash(text);
  let tail = "";
  for (const [re, word, after] of SYMBOLS) {
    if (re.test(core)) {
      core = word + core.replace(re, "");
      tail = after;
      break;
    }
  }
  if (/\d$/.test(core)) core = unitAfter(core, unit);
  else if (/\d%$/.test(core) && unit.trim().startsWith("%/")) core = core.slice(0, -1) + unit.replace(/\s+/g, "");
  return core + tail;
}

/** The target inside the italics: symbols in words, unit once, notes folded in after a comma, no brackets. */
export function targetPhrase(text: string, unit: string): string {
  const t = squash(text);
  const notes: string[] = [];
  const main = squash(t.replace(/\(([^()]*)\)/g, (_m, n: string) => (notes.push(squash(n)), " "))).replace(/[()]/g, "");
  const head = numberPhrase(main, unit);
  const all = [head, ...notes.filter(Boolean)].join(", ");
  return continuing(all);
}

/** Numbers written in a text, for "does the name already state the value". */
function numbersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const v = toNumber(m[0]);
    if (v !== null) out.push(v);
  }
  return out;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

// ---------------------------------------------------------------- values

interface ValueText {
  /** "93,3%", "10,79 bác sĩ/1 vạn dân", "01 xã" */
  text: string;
  /** the number alone, formatted ("93,3") */
  numberText?: string;
  value?: number;
  review?: string;
  corrected?: boolean;
}

function rawCell(row: IndicatorRow, role: string, opts: WriterOptions): string | undefined {
  const a = row.cells[role];
  return a && opts.cellText ? opts.cellText(a) : undefined;
}

/** The corrected result of a row the check found wrong, computed from the fraction in its name. */
function corrected(row: IndicatorRow, findings: readonly Finding[]): { value: number; fraction: string; cell?: string } | null {
  const f = findings.find((x) => x.row === row.row && x.code === "fraction_percent_mismatch" && (!x.cell || x.cell === row.cells.actual));
  if (!f) return null;
  const hits = findFractions(row.name).filter((h) => !h.percent);
  if (hits.length !== 1) return null;
  const h = hits[0];
  return { value: (h.part / h.total) * 100, fraction: h.text, cell: f.cell };
}

function valueText(row: IndicatorRow, unit: string, opts: WriterOptions, growthUnit: boolean): ValueText | null {
  const fix = corrected(row, opts.findings ?? []);
  if (fix) {
    const n = formatViNumber(fix.value, { decimals: 2 });
    return {
      text: unitAfter(n, unit),
      numberText: n,
      value: fix.value,
      corrected: true,
      review: `${REVIEW_PREFIX}: tính lại từ ${fix.fraction}${fix.cell ? `, sửa ô ${fix.cell}` : ""}`,
    };
  }
  const v = row.actual;
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "number") {
    const n = formatViNumber(v, { decimals: 2 });
    return { text: unitAfter(n, growthUnit ? unit : unit), numberText: n, value: v };
  }
  const s = squash(String(v));
  const num = toNumber(s);
  if (num !== null) {
    const n = s.replace(/%$/, "");
    return { text: unitAfter(n, unit), numberText: n, value: num };
  }
  if (/^[<>≤≥]/.test(s)) {
    const n = s.replace(/^[<>≤≥=]+\s*/, "");
    return { text: numberPhrase(s, unit), numberText: n, value: toNumber(n) ?? undefined };
  }
  // text with its own words ("263 đảng viên/ 3 năm", "ước 9,8"): as typed
  const first = s.match(/\d+(?:[.,]\d+)*/);
  return { text: /\d$/.test(s) ? unitAfter(s, unit) : s, value: first ? toNumber(first[0]) ?? undefined : undefined };
}

// ---------------------------------------------------------------- one indicator

function endsWithVerb(folded: string): string | null {
  for (const v of NAME_END_VERBS) if (folded === v || folded.endsWith(` ${v}`)) return v;
  return null;
}

function isGrowth(row: IndicatorRow): boolean {
  const u = foldText(row.unit).replace(/\s+/g, "");
  return row.kind === "average_growth" || u === "%/nam";
}

function direction(e: Evaluation | undefined): string | undefined {
  return e?.direction;
}

export interface Clause {
  runs: ReportRun[];
  review?: ReviewMark;
}

/** One indicator as a clause: subject, verb, value, target in italics, outlook. */
/** A name with an empty slot ("hộ gia đình văn hóa đạt %"): the value goes into the first slot; items after it follow the target. */
function slotBody(name: string, val: ValueText, row: IndicatorRow): { body: string; tail: string; review?: ReviewMark } {
  let body = name.replace(/(đạt|là)\s*%/, `$1 ${val.numberText}%`);
  let tail = "";
  const filled = body.search(/(đạt|là) [\d.,]+%/);
  const semi = body.indexOf(";", filled);
  if (filled >= 0 && semi > 0) {
    tail = body.slice(semi);
    body = body.slice(0, semi);
  }
  const review = /[^\d\s]\s*%/u.test(tail) ? { row: row.row, cell: row.cells.name, message: `${REVIEW_PREFIX}: tên chỉ tiêu còn chỗ trống chưa có số` } : undefined;
  return { body, tail, review };
}

/** The verb before the value: "đạt", "tăng bình quân", "giảm còn", "ở mức"…; "" when the name ends with one. */
function verbFor(row: IndicatorRow, name: string, fname: string, unit: string, val: ValueText, growth: boolean, negative: boolean): string {
  if (growth) {
    if (GROWTH_SUBJECT_WORDS.some((w) => fname.includes(w))) return negative ? "giảm" : "đạt";
    if (fname.includes("binh quan")) return negative ? "giảm" : "tăng";
    return negative ? "giảm bình quân" : "tăng bình quân";
  }
  if (direction(row.evaluation) === "down") {
    const base = typeof row.baseline === "number" ? row.baseline : toNumber(row.baseline);
    return base !== null && val.value !== undefined && base > val.value ? "giảm còn" : "ở mức";
  }
  if (/\d+\s*\/\s*\d+/.test(name)) return "đạt tỷ lệ";
  if (/(^|\s)đạt\s/.test(name) && unit.startsWith("%")) return "";
  return "đạt";
}

/** "Tốc độ tăng … bình quân 7,8%/năm", "Tỷ lệ hộ nghèo giảm còn 0,37%", "có 34,11 giường bệnh/1 vạn dân". */
function valueBody(row: IndicatorRow, name: string, unit: string, val: ValueText, growth: boolean): string {
  const fname = foldText(name);
  const negative = val.value !== undefined && val.value < 0;
  let text = negative ? val.text.replace(/^-/, "") : val.text;
  let subject = name;
  let verb: string;
  const verbEnd = endsWithVerb(fname);
  if (verbEnd) {
    verb = "";
    if (negative && /^tang/.test(verbEnd)) subject = name.replace(/tăng(?=[^t]*$)/, "giảm");
  } else if (!growth && /^có\s/i.test(name) && unit && foldText(name.slice(3)).startsWith(foldText(unit).split("/")[0].trim())) {
    // "Có giường bệnh/1 vạn dân" → "có 34,11 giường bệnh/1 vạn dân"
    subject = `${name.slice(0, 2)} ${val.numberText ?? text}${name.slice(2)}`;
    text = "";
    verb = "";
  } else {
    verb = verbFor(row, name, fname, unit, val, growth, negative);
    if (growth && verb === "đạt" && negative) text = "-" + text;
  }
  const comma = verb && /,|\d+\s*\/\s*\d+/.test(subject.replace(/\([^)]*\)/g, "")) ? "," : "";
  return [subject + comma, verb, text].filter(Boolean).join(" ");
}

/** The clause's text before the target, with what needs review. */
function clauseBody(row: IndicatorRow, name: string, unit: string, val: ValueText | null | undefined, targetTyped: string, growth: boolean): { body: string; tail: string; review?: ReviewMark } {
  if (!val && !targetTyped) return { body: name, tail: "" }; // a statement with neither target nor result ("Có 100% xã, phường …")
  if (!val) return { body: `${name}: chưa có số liệu`, tail: "", review: { row: row.row, cell: row.cells.actual, message: `${REVIEW_PREFIX}: chưa có kết quả thực hiện` } };
  const inName = val.value !== undefined && !val.corrected && numbersIn(name.replace(/\d+\s*\/\s*\d+/g, " ")).some((x) => near(x, val.value!));
  if (inName) return { body: name, tail: "" };
  if (val.numberText && /(đạt|là)\s*%/.test(name)) return slotBody(name, val, row);
  return { body: valueBody(row, name, unit, val, growth), tail: "" };
}

export function indicatorClause(row: IndicatorRow, opts: WriterOptions, position: "start" | "continue" | "part"): Clause {
  let name = proseName(rawCell(row, "name", opts) ?? row.name);
  if (position === "part") name = withoutTrongDo(name);
  if (position !== "start") name = continuing(name);
  const unit = squash(rawCell(row, "unit", opts) ?? row.unit);
  const growth = isGrowth(row);
  const val = valueText(row, unit, opts, growth);
  const target = squash(rawCell(row, "target", opts) ?? row.targetText);
  const { body, tail, review: bodyReview } = clauseBody(row, name, unit, val, target, growth);
  let review = bodyReview;
  const runs: ReportRun[] = [{ text: body }];
  if (val?.review) {
    runs.push({ text: ` [${val.review}]`, review: true });
    review = { row: row.row, cell: row.cells.actual, message: val.review };
  } else if (review && !tail) runs.push({ text: ` [${review.message}]`, review: true });
  if (target) {
    runs.push({ text: " (" });
    runs.push({ text: `${opts.targetLabel ?? "Nghị quyết"} ${targetPhrase(target, unit)}`, italic: true });
    runs.push({ text: ")" });
  }
  if (tail) {
    runs.push({ text: tail });
    if (review && !val?.review) runs.push({ text: ` [${review.message}]`, review: true });
  }
  const outlook = opts.outlook?.indicator(row);
  if (outlook?.clause) runs.push({ text: `, ${outlook.clause}` });
  return { runs, review };
}

// ---------------------------------------------------------------- structure

interface Unit {
  /** the numbered indicator, or a group that opens the paragraph */
  lead: IndicatorRow | { type: "group"; row: number; text: string };
  subs: IndicatorRow[];
}

function groupText(g: TableRow & { type: "group" }, table: IndicatorTable, opts: WriterOptions): string {
  const col = table.mapping.name;
  const raw = col && opts.cellText ? opts.cellText(`${col}${g.row}`) : undefined;
  return squash(raw ?? g.name);
}

/** "Có 14/28 chỉ tiêu đạt và vượt, 14 chỉ tiêu chưa đạt." in the sheet's vocabulary. */
export function summarySentenceOf(table: IndicatorTable, opts: WriterOptions = {}): string {
  const c = { total: 0, exceeded: 0, met: 0, near: 0, not_met: 0, not_evaluable: 0 };
  for (const r of table.rows) if (r.type === "indicator" && r.evaluation) {
    c.total++;
    c[r.evaluation.status]++;
  }
  const ht = opts.vocabulary === "hoan-thanh";
  const achieved = opts.levels === 2 ? (ht ? "hoàn thành" : "đạt") : ht ? "hoàn thành và hoàn thành vượt" : "đạt và vượt";
  const parts = [`${pad2(c.met + c.exceeded)}/${pad2(c.total)} chỉ tiêu ${achieved}`];
  if (c.near) parts.push(`${pad2(c.near)} chỉ tiêu ${ht ? "gần hoàn thành" : "gần đạt"}`);
  if (c.not_met) parts.push(`${pad2(c.not_met)} chỉ tiêu ${ht ? "chưa hoàn thành" : "chưa đạt"}`);
  if (c.not_evaluable) parts.push(`${pad2(c.not_evaluable)} chỉ tiêu chưa đánh giá được`);
  const outlook = opts.outlook?.summary?.();
  return `Có ${parts.join(", ")}${outlook ? `; ${outlook}` : ""}.`;
}

/** Does a sub-row open "trong đó:" under its parent (a part of it), or follow with ";" (a sibling)? */
function isPart(parent: IndicatorRow | null, parentRaw: string, sub: IndicatorRow, subRaw: string): boolean {
  if (startsWithTrongDo(squash(subRaw).replace(/^[-+]\s*/, ""))) return true;
  if (!parent) return false;
  if (/(trong đó|:)\s*[:.]?\s*$/i.test(squash(parentRaw))) return true;
  const parentIsListItem = /^[-+•]\s/.test(squash(parentRaw)) || !!parent.marker;
  if (parentIsListItem && sub.marker === (parent.marker ?? "-")) return false;
  return !!sub.marker && foldText(sub.unit) === foldText(parent.unit);
}

function paragraphOf(unit: Unit, table: IndicatorTable, opts: WriterOptions, reviews: ReviewMark[]): ReportParagraph {
  const runs: ReportRun[] = [{ text: "- " }];
  const rows: number[] = [];
  const add = (c: Clause) => {
    runs.push(...c.runs);
    if (c.review) reviews.push(c.review);
  };
  let parent: IndicatorRow | null = null;
  if ("type" in unit.lead && unit.lead.type === "group") {
    runs.push({ text: capital(proseName(unit.lead.text)) });
    rows.push(unit.lead.row);
  } else {
    const lead = unit.lead as IndicatorRow;
    const c = indicatorClause(lead, opts, "start");
    c.runs[0] = { ...c.runs[0], text: capital(c.runs[0].text) };
    add(c);
    rows.push(lead.row);
    parent = lead;
  }
  // each sub-row under its nearest shallower row; "trong đó:" opens once per parent
  const chain: Array<{ row: IndicatorRow | null; level: number; opened: boolean }> = [{ row: parent, level: parent?.level ?? -1, opened: false }];
  for (const sub of unit.subs) {
    while (chain.length > 1 && chain[chain.length - 1].level >= sub.level) chain.pop();
    const top = chain[chain.length - 1];
    const parentRaw = top.row ? rawCell(top.row, "name", opts) ?? top.row.name : "";
    const subRaw = rawCell(sub, "name", opts) ?? sub.name;
    const part = isPart(top.row, parentRaw, sub, subRaw);
    let sep: string;
    if (part) {
      sep = top.opened ? ", " : "; trong đó: ";
      top.opened = true;
    } else sep = "; ";
    runs.push({ text: sep });
    add(indicatorClause(sub, opts, part ? "part" : "continue"));
    rows.push(sub.row);
    chain.push({ row: sub, level: sub.level, opened: false });
  }
  runs.push({ text: "." });
  return { kind: "indicator", runs: mergeRuns(runs), rows };
}

function mergeRuns(runs: ReportRun[]): ReportRun[] {
  const out: ReportRun[] = [];
  for (const r of runs) {
    if (!r.text) continue;
    const last = out[out.length - 1];
    if (last && !!last.italic === !!r.italic && !!last.review === !!r.review) last.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

/** Write the section from an evaluated (and checked) table. */
export function writeReportSection(table: IndicatorTable, options: WriterOptions = {}): ReportSection {
  // without the check's findings, run the check: a wrong figure is never repeated
  const opts: WriterOptions = options.findings ? options : { ...options, findings: checkTable(table) };
  const section = opts.sectionNumber ?? "1";
  const paragraphs: ReportParagraph[] = [];
  const reviews: ReviewMark[] = [];
  const title = opts.title === undefined ? DEFAULT_TITLE : opts.title;
  if (title) paragraphs.push({ kind: "title", runs: [{ text: `${section}. ${title}` }], rows: [] });
  paragraphs.push({ kind: "summary", runs: [{ text: summarySentenceOf(table, opts) }], rows: [] });
  const rows = table.rows;
  let heading: { level: number } | null = null;
  let headingNo = 0;
  let unit: Unit | null = null;
  const flush = () => {
    if (unit) paragraphs.push(paragraphOf(unit, table, opts, reviews));
    unit = null;
  };
  rows.forEach((r, i) => {
    if (r.type === "group") {
      const next = rows[i + 1];
      const container = next?.type === "group" && next.level > r.level;
      if (container) {
        flush();
        return;
      }
      if (heading && r.level > heading.level) {
        flush();
        unit = { lead: { type: "group", row: r.row, text: groupText(r, table, opts) }, subs: [] };
        return;
      }
      flush();
      heading = { level: r.level };
      headingNo++;
      paragraphs.push({ kind: "heading", runs: [{ text: `${section}.${headingNo}. ${groupText(r, table, opts)}` }], rows: [r.row] });
      return;
    }
    const u = unit as Unit | null;
    if (r.tt || !u) {
      flush();
      unit = { lead: r, subs: [] };
    } else u.subs.push(r);
  });
  flush();
  return { paragraphs, reviews };
}

// ---------------------------------------------------------------- renderings

/** The section as text: paragraphs separated by a blank line; italics as *…* when markdown. */
export function sectionText(s: ReportSection, style: "markdown" | "plain" = "plain"): string {
  return s.paragraphs.map((p) => p.runs.map((r) => (r.italic && style === "markdown" ? `*${r.text}*` : r.text)).join("")).join("\n\n");
}

const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The section as HTML for the clipboard (Word keeps the italics): Times New Roman, the given size. */
export function sectionHtml(s: ReportSection, sizePt = 14): string {
  const body = s.paragraphs
    .map((p) => {
      const inner = p.runs.map((r) => (r.italic ? `<em>${esc(r.text)}</em>` : r.review ? `<mark>${esc(r.text)}</mark>` : esc(r.text))).join("");
      return p.kind === "heading" || p.kind === "title" ? `<p><b>${inner}</b></p>` : `<p>${inner}</p>`;
    })
    .join("");
  return `<div style="font-family:'Times New Roman';font-size:${sizePt}pt">${body}</div>`;
}
