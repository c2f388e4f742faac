/**
 * Checks that catch the errors real reports ship with: statuses that contradict the numbers,
 * fractions and percents that disagree ("57/66 ... 88,14%" is 86,36%), results at a strict
 * threshold, growth claims the yearly values contradict, duplicate numbering, shares over 100%,
 * years outside the term. Messages are Vietnamese and name the cell ("Ô E22: ...").
 * Run `evaluateTable` first: the checks use each row's evaluation.
 */
import { parseActual } from "../target/actual";
import { compareVerdicts, isMet, type Status, type Vocabulary } from "../evaluation/evaluate";
import { computeActual, yearNumber, yearSeries } from "../evaluation/evaluate-table";
import { foldedNameAt } from "../evaluation/prepared-row";
import { summaryClause, tally, type StatusTally } from "./narrative";
import { foldText } from "../text/fold";
import { formatViNumber, keptWhole } from "../text/numbers";
import { parseTarget } from "../target/target";
import type { IndicatorRow, IndicatorTable, ReportInfo, TableRow } from "../model";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  severity: Severity;
  /** A1 address of the cell at fault, when there is one */
  cell?: string;
  /** 1-based sheet row */
  row: number;
  code: FindingCode;
  message: string;
}

/** Every finding code a check can give; docs/bang-chi-tieu.md explains each. */
export const FINDING_CODES = [
  "target_unparsed",
  "actual_missing",
  "actual_not_number",
  "status_mismatch",
  "status_near",
  "status_degree",
  "status_from_sheet",
  "status_unreadable",
  "borderline",
  "fraction_percent_mismatch",
  "growth_claim_mismatch",
  "duplicate_tt",
  "percent_over_100",
  "year_out_of_term",
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export const SEVERITY_LABELS: Record<Severity, string> = { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" };

const pct = (x: number, decimals = 2) => formatViNumber(x, { decimals, percent: true });
const num = (x: number, decimals = 2) => formatViNumber(x, { decimals });

function where(cell: string | undefined, row: number): string {
  return cell ? `Ô ${cell}` : `Dòng ${row}`;
}

function finding(severity: Severity, code: FindingCode, row: IndicatorRow | TableRow, cell: string | undefined, message: string): Finding {
  const text = keptWhole(`${where(cell, row.row)}: ${message}`);
  // one literal per shape: a property added afterwards costs the finding a second object
  return cell ? { severity, row: row.row, code, message: text, cell } : { severity, row: row.row, code, message: text };
}

/** Decimals written in a number's text ("88,14" → 2). */
function decimalsOf(text: string): number {
  const m = text.match(/[.,](\d+)$/);
  return m && !/^\d{1,3}(\.\d{3})+$/.test(text) ? m[1].length : 0;
}

/** Does `written` (with `decimals` shown) state `exact`? Rounded or truncated both pass. */
function agrees(written: number, decimals: number, exact: number): boolean {
  const step = Math.pow(10, -decimals);
  const eps = 1e-9 * Math.max(1, Math.abs(exact));
  if (Math.abs(written - exact) <= step / 2 + eps) return true;
  return exact >= written - eps && exact < written + step; // truncated
}

interface FractionHit {
  part: number;
  total: number;
  text: string;
  /** the percent written with it in the same clause, if any */
  percent?: { value: number; decimals: number; text: string };
  /** the percent is of a plan/target, not of the fraction */
  ofPlan?: boolean;
}

const NUM = String.raw`\d{1,3}(?:\.\d{3})+|\d+`;
const FRACTION_RE = new RegExp(String.raw`(?<![\d/.,])(${NUM})\s*/\s*(${NUM})(?![\d.,]*\d)(?!\s*/)`, "g");
const PERCENT_RE = /(\d+(?:[.,]\d+)*)\s*%/g;
/** words right after a percent that make it a percent of something else than the fraction */
const OF_PLAN_AFTER = /^\s*(so voi|so|ke hoach|chi tieu|du toan|cung ky|muc tieu|nghi quyet|kh\b)/;
const CHANGE_BEFORE = /(tang|giam|vuot)\s*(binh quan\s*)?$/;

/** Fractions ("57/66") in a text, each with the percent written after it in the same clause. */
export function findFractions(text: string): FractionHit[] {
  const f = foldText(text);
  const out: FractionHit[] = [];
  const clauses = f.split(/;|\.\s|\n/);
  for (const clause of clauses) {
    for (const m of clause.matchAll(FRACTION_RE)) {
      const after = clause.slice(m.index! + m[0].length);
      if (/^\s*(nam|thang|ngay)\b/.test(after)) continue; // "263/3 năm", dates
      const part = Number(m[1].replace(/\./g, ""));
      const total = Number(m[2].replace(/\./g, ""));
      if (!(total > 0) || part > total) continue;
      const hit: FractionHit = { part, total, text: m[0].replace(/\s+/g, "") };
      // the first percent after the fraction, before another fraction
      const nextFrac = after.search(new RegExp(String.raw`(${NUM})\s*/\s*(${NUM})`));
      const scope = nextFrac >= 0 ? after.slice(0, nextFrac) : after;
      const p = [...scope.matchAll(PERCENT_RE)][0];
      if (p) {
        const before = scope.slice(0, p.index!);
        const value = Number(p[1].replace(/\.(?=\d{3}\b)/g, "").replace(",", "."));
        if (Number.isFinite(value)) {
          hit.percent = { value, decimals: decimalsOf(p[1]), text: `${p[1]}%` };
          if (OF_PLAN_AFTER.test(scope.slice(p.index! + p[0].length)) || CHANGE_BEFORE.test(before.trim())) hit.ofPlan = true;
        }
      }
      out.push(hit);
    }
  }
  return out;
}

const SHARE_WORDS = /(ty le|ti le|ty trong|ti trong|co cau|che phu|phan tram|bao phu)/;
const NOT_SHARE_WORDS = /(tang|giam|so voi|so ke hoach|ke hoach|toc do|chi so)/;

/** A share in percent: "%" unit and a share's words in the name (`folded`: the name folded). */
function isShare(r: IndicatorRow, folded: string): boolean {
  if (r.unit !== "%" && r.unit.replace(SPACES, "") !== "%") return false;
  return SHARE_WORDS.test(folded) && !NOT_SHARE_WORDS.test(folded);
}

const SPACES = /\s+/g;
const AVERAGE_WORD = /binh quan/;
const GROWTH_CLAIM_RE = /binh quan(?: hang nam| moi nam| nam)?[^\d%;]{0,12}?(-?\d+(?:,\d+)?)\s*%/g;

type TargetRead = ReturnType<typeof parseTarget>;

/** What the row-level checks share: the row, its evaluation, the findings list. */
interface RowContext {
  r: IndicatorRow;
  e: IndicatorRow["evaluation"];
  out: Finding[];
  qualitative: boolean;
  /** the result as a plain number, when it is one */
  actualNum?: number;
  target: TargetRead;
  /** the name folded, as the reader and the evaluation folded it (prepared-row.ts) */
  folded: string;
}

function checkRow(r: IndicatorRow, folded: string, out: Finding[], info?: ReportInfo): void {
  const e = r.evaluation;
  // the evaluation parsed the target already
  const target: TargetRead = e?.target ? { ok: true, target: e.target } : e?.targetError ? { ok: false, error: e.targetError } : parseTarget(r.targetText);
  const ctx: RowContext = { r, e, out, qualitative: r.kind === "qualitative" || r.kind === "milestone", target, folded };
  checkTargetText(ctx);
  checkActualValue(ctx);
  checkVerdict(ctx);
  checkBorderline(ctx);
  checkFractions(ctx);
  checkGrowthClaim(ctx);
  checkShare(ctx);
  checkYearsAfterEvaluation(ctx, info);
}

/** target_unparsed */
function checkTargetText({ r, out, qualitative, target }: RowContext): void {
  if (qualitative) return;
  if (r.targetText.trim() === "") out.push(finding("warning", "target_unparsed", r, r.cells.target, "chưa có chỉ tiêu Nghị quyết nên không đánh giá được."));
  else if (!target.ok) out.push(finding("warning", "target_unparsed", r, r.cells.target, `${target.error.message} Hãy ghi rõ mức cần đạt, ví dụ "8,5-9,5", "> 98", "dưới 1".`));
}

/** actual_missing / actual_not_number; sets ctx.actualNum */
function checkActualValue(ctx: RowContext): void {
  const { r, e, out, qualitative } = ctx;
  if (r.actualSource === "missing") {
    if (!qualitative) out.push(finding("warning", "actual_missing", r, r.cells.actual, "chưa có kết quả thực hiện."));
    return;
  }
  const ap = e?.actual ? { ok: true as const, actual: e.actual } : parseActual(r.actual);
  if (!ap.ok) {
    const actualText = typeof r.actual === "string" ? r.actual : typeof r.actual === "number" ? num(r.actual, 4) : String(r.actual);
    if (!qualitative) out.push(finding("warning", "actual_not_number", r, r.cells.actual, `kết quả "${actualText}" không phải là số nên không so được với chỉ tiêu.`));
  } else if (!ap.actual.interval && !ap.actual.periodYears) ctx.actualNum = ap.actual.value;
}

/**
 * The sheet's verdict against the computed one, met / not met first (compareVerdicts):
 * status_mismatch (error), status_near (warning: "Gần đạt" for a result the numbers say is not met),
 * status_degree (info: "vượt" against "đạt"), status_from_sheet (info: the tool cannot judge and the
 * appendix keeps the sheet's verdict), status_unreadable (info).
 */
function checkVerdict({ r, e, out }: RowContext): void {
  const c = r.cells;
  if (!e) return;
  if (r.reportedText && r.reported === null) {
    out.push(finding("info", "status_unreadable", r, c.status, `không đọc được đánh giá "${r.reportedText}" (dùng: Đạt, Vượt, Chưa đạt, Không đạt, Gần đạt, Hoàn thành, Hoàn thành vượt, Chưa hoàn thành).`));
  }
  if (e.status === "not_evaluable") {
    if (r.reportedText && r.reportedText.trim() !== "") {
      out.push(finding("info", "status_from_sheet", r, c.status, `không tự đánh giá được (${e.reason.replace(/\.$/, "")}); phụ lục giữ đánh giá của bảng: "${r.reportedText}".`));
    }
    return;
  }
  if (!r.reported) return;
  const cmp = compareVerdicts(r.reported, e.status);
  if (cmp === "mismatch") {
    out.push(finding("error", "status_mismatch", r, c.status, `ghi "${r.reportedText}" nhưng theo số liệu là "${e.label}". ${e.reason}`));
  } else if (cmp === "near") {
    out.push(
      finding(
        "warning",
        "status_near",
        r,
        c.status,
        `ghi "${r.reportedText}"; theo số liệu là "${e.label}" (chưa đạt). ${e.reason} Cả hai đều là chưa đạt; "gần đạt" không có ngưỡng chính thức: đặt ngưỡng gần đạt nếu đơn vị dùng.`,
      ),
    );
  } else if (cmp === "degree") {
    out.push(finding("info", "status_degree", r, c.status, `ghi "${r.reportedText}", theo số liệu là "${e.label}": cùng là ${isMet(e.status) ? "đạt" : "chưa đạt"}, chỉ khác mức độ. ${e.reason}`));
  }
}

/** borderline: a result exactly at a strict "trên T" / "dưới T" */
function checkBorderline({ r, e, out }: RowContext): void {
  if (!e?.borderline || !e.target) return;
  const bound = e.target.form === "strict_floor" ? e.target.low! : e.target.high!;
  const word = e.target.form === "strict_floor" ? "trên" : "dưới";
  out.push(
    finding(
      "warning",
      "borderline",
      r,
      r.cells.actual,
      `kết quả ${num(e.value ?? bound)} bằng đúng ngưỡng của chỉ tiêu "${e.target.text}" (${word} ${num(bound)}): bằng ngưỡng là chưa đạt; cần xem lại số liệu hoặc cách ghi chỉ tiêu.`,
    ),
  );
}

/** fraction_percent_mismatch: in the same text, then a fraction in the name against a % result. */
function checkFractions({ r, out, actualNum }: RowContext): void {
  const c = r.cells;
  const actualString = typeof r.actual === "string" ? r.actual : undefined;
  if (!(r.name.includes("/") || r.note?.includes("/") || actualString?.includes("/"))) return;
  const texts: Array<[string | undefined, string | undefined]> = [
    [c.name, r.name],
    [c.note, r.note],
    [c.actual, actualString],
  ];
  const loose: FractionHit[] = [];
  for (const [cell, text] of texts) {
    if (!text || !text.includes("/")) continue;
    for (const h of findFractions(text)) {
      const exact = (h.part / h.total) * 100;
      if (h.percent && !h.ofPlan) {
        if (!agrees(h.percent.value, h.percent.decimals, exact)) {
          out.push(finding("error", "fraction_percent_mismatch", r, cell, `${h.text} = ${pct(exact)}, nhưng ghi ${pct(h.percent.value, 4)}. Tỷ lệ đúng là ${pct(exact)}.`));
        }
      } else if (!h.percent && cell === c.name) loose.push(h);
    }
  }
  if (loose.length !== 1 || actualNum === undefined || foldText(r.unit).replace(/\s+/g, "") !== "%") return;
  const h = loose[0];
  const exact = (h.part / h.total) * 100;
  const dec = typeof r.actual === "string" ? decimalsOf(r.actual.replace(/%$/, "")) : decimalsOf(String(r.actual).replace(".", ","));
  if (!agrees(actualNum, dec, exact)) {
    out.push(
      finding("error", "fraction_percent_mismatch", r, c.actual, `tên chỉ tiêu ghi ${h.text} nhưng kết quả ghi ${pct(actualNum, 4)}; ${h.text} = ${pct(exact)}. Tỷ lệ đúng là ${pct(exact)}.`),
    );
  }
}

/** growth_claim_mismatch: an average growth stated in the result, name or note that the years contradict. */
function checkGrowthClaim({ r, out, actualNum, folded }: RowContext): void {
  const c = r.cells;
  let nYears = 0;
  for (const y in r.years) if (yearNumber(r.years[Number(y)]) !== null) nYears++;
  if (nYears < 1) return;
  const claimsGrowth = r.kind === "average_growth" || AVERAGE_WORD.test(folded) || (!!r.note && AVERAGE_WORD.test(foldText(r.note)));
  const computed = claimsGrowth ? computeActual("average_growth", r.years, { baseline: r.baseline, unit: r.unit }) : null;
  if (!computed || !(nYears >= 2 || r.baseline !== undefined)) return;
  const claims: Array<[string | undefined, number, string]> = [];
  if (r.kind === "average_growth" && r.actualSource === "given" && actualNum !== undefined) claims.push([c.actual, actualNum, "kết quả"]);
  for (const [cell, text] of [[c.name, r.name], [c.note, r.note]] as Array<[string | undefined, string | undefined]>) {
    if (!text || !text.includes("%")) continue;
    for (const m of foldText(text).matchAll(GROWTH_CLAIM_RE)) {
      const v = Number(m[1].replace(",", "."));
      if (Number.isFinite(v)) claims.push([cell, v, "nội dung"]);
    }
  }
  const list = yearSeries(r.years)
    .map(([y, v]) => `${y}: ${num(v)}`)
    .join("; ");
  for (const [cell, v, what] of claims) {
    if (Math.abs(v - computed.value) > 0.1 + 1e-9) {
      out.push(
        finding("warning", "growth_claim_mismatch", r, cell, `${what} ghi tăng bình quân ${pct(v)} nhưng số liệu các năm (${list}) cho ${pct(computed.value)}/năm: ${computed.how}`),
      );
    }
  }
}

/** percent_over_100: a share over 100% in the result or the target */
function checkShare({ r, out, actualNum, target, folded }: RowContext): void {
  if (!isShare(r, folded)) return;
  if (actualNum !== undefined && actualNum > 100 + 1e-9) {
    out.push(finding("error", "percent_over_100", r, r.cells.actual, `"${r.name}" là một tỷ lệ nhưng kết quả ${pct(actualNum)} lớn hơn 100%.`));
  }
  if (target.ok && ((target.target.low ?? 0) > 100 + 1e-9 || (target.target.high ?? 0) > 100 + 1e-9) && target.target.change === "level") {
    out.push(finding("error", "percent_over_100", r, r.cells.target, `"${r.name}" là một tỷ lệ nhưng chỉ tiêu "${r.targetText}" lớn hơn 100%.`));
  }
}

/** year_out_of_term: values for years after the evaluation year */
function checkYearsAfterEvaluation({ r, out }: RowContext, info?: ReportInfo): void {
  if (!info?.evaluationYear) return;
  for (const key in r.years) {
    const y = Number(key);
    if (y > info.evaluationYear && yearNumber(r.years[y]) !== null) {
      out.push(finding("warning", "year_out_of_term", r, r.cells[`year:${y}`], `có số liệu năm ${y}, sau năm đánh giá ${info.evaluationYear}: kiểm tra lại cột năm hoặc năm đánh giá.`));
    }
  }
}

/** TTs seen among a parent's rows, by level. */
type TtsSeen = Map<number, Map<string, TableRow>>;

/** duplicate_tt: the same TT twice among the rows of one parent, at one level. */
function checkDuplicateTt(table: IndicatorTable, out: Finding[]): void {
  // A parent's rows all come while it is on the stack, and it never comes back once left: each
  // stack entry keeps the TTs of its rows (by level), forgotten with it. No key string per row.
  const top: TtsSeen = new Map();
  const stack: Array<{ level: number; seen?: TtsSeen }> = [];
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    while (stack.length && stack[stack.length - 1].level >= r.level) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : undefined;
    stack.push({ level: r.level });
    if (!r.tt) continue;
    const levels = parent ? (parent.seen ??= new Map()) : top;
    let siblings = levels.get(r.level);
    if (!siblings) levels.set(r.level, (siblings = new Map()));
    const prev = siblings.get(r.tt);
    if (prev) {
      const cell = r.type === "indicator" ? r.cells.tt : table.mapping.tt ? `${table.mapping.tt}${r.row}` : undefined;
      out.push(finding("warning", "duplicate_tt", r, cell, `số thứ tự "${r.tt}" trùng với dòng ${prev.row}.`));
    } else siblings.set(r.tt, r);
  }
}

/** Run every check on an evaluated table. `info` gives the term and the evaluation year. */
export function checkTable(table: IndicatorTable, info: ReportInfo | undefined = table.info): Finding[] {
  const out: Finding[] = [];
  // year columns outside the term
  if (info?.termStart && info.termEnd) {
    for (const y of table.years) {
      if (y < info.termStart || y > info.termEnd) {
        const col = table.mapping[`year:${y}`];
        out.push({
          severity: "warning",
          code: "year_out_of_term",
          row: table.headerRow,
          cell: col ? `${col}${table.headerRow}` : undefined,
          message: `${where(col ? `${col}${table.headerRow}` : undefined, table.headerRow)}: cột năm ${y} nằm ngoài nhiệm kỳ ${info.termStart}-${info.termEnd}.`,
        });
        if (!col) delete out[out.length - 1].cell;
      }
    }
  }
  checkDuplicateTt(table, out);
  table.rows.forEach((r, i) => {
    if (r.type === "indicator") checkRow(r, foldedNameAt(table, i), out, info);
  });
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return out.sort((a, b) => a.row - b.row || rank[a.severity] - rank[b.severity]);
}

export interface StatusCounts extends StatusTally {
  /** exceeded + met */
  met_or_exceeded: number;
  /** the summary clause: "14/28 chỉ tiêu đạt và vượt; 14 chỉ tiêu chưa đạt" */
  summary: string;
}

/** Count the computed statuses and write the summary clause the way reports do ("07/14 chỉ tiêu đạt và vượt"). */
export function countStatuses(table: IndicatorTable, opts: { vocabulary?: Vocabulary } = {}): StatusCounts {
  const statuses: Status[] = [];
  for (const r of table.rows) if (r.type === "indicator" && r.evaluation) statuses.push(r.evaluation.status);
  const t = tally(statuses);
  return { ...t, met_or_exceeded: t.met + t.exceeded, summary: summaryClause(t, opts.vocabulary) };
}
