/**
 * Where an indicator table's header is and what each column holds. A header row is short texts
 * across most columns naming a "Chỉ tiêu" column and a target or result; a row that starts with a TT
 * (A, I, 1, 1.1, a) followed by other cells, or holds numbers, is data whatever words it contains.
 * A second header tier (years or "Kế hoạch | Ước thực hiện" under a merged title) is taken only when
 * the merges or its cells say so. The title block above the table is kept as typed.
 */
import { cellText } from "./cell";
import { foldHeader, headerRole, describeRole, type HeaderMatch } from "./header-roles";
import { gridMerges, type Grid } from "./grid";
import { foldText } from "../text/fold";

export type Merge = ReturnType<typeof gridMerges>[number];

export const SCAN_ROWS = 30;

export interface TitleBlock {
  /** "Phụ lục 1", "Biểu số 02" */
  label?: string;
  /** the title line(s), as typed (several lines joined by a line break) */
  title?: string;
  /** "(Kèm theo Báo cáo số …)" as typed */
  kemTheo?: string;
}

export interface HeaderInfo {
  /** 0-based rows of the header tiers (one or two) */
  tiers: number[];
  dataStart: number;
  /** role → 0-based column; years as "year:2021" */
  cols: Map<string, number>;
  /** each column's title as typed, the tiers joined by a line break */
  columnTexts: string[];
  /** each tier's texts folded, to know the header when it is repeated at a page break */
  tierFolded: string[][];
  title?: TitleBlock;
}

/** The header, or what was seen and the row most like a header (for a mapping the user chooses). */
export type HeaderSearch = { ok: true; header: HeaderInfo } | { ok: false; looked: string; guess: number };

const TT_ONLY = /^\(?([A-H]|[IVX]{1,5}|\d{1,3}(?:\.\d{1,3})*|[a-zđ])[.)]?$/;
const TT_WITH_NAME = /^([IVX]{1,5}|[A-H]|\d{1,3}(?:\.\d{1,3})*)[.)/-]?\s+\S/;

/** Texts of one row as a person reads them: horizontal merges starting on this row spread over their columns. */
export function rowTexts(grid: Grid, r: number, merges: Merge[]): string[] {
  const row = grid.values[r] ?? [];
  const width = Math.max(row.length, ...merges.filter((m) => m.top === r).map((m) => m.right + 1));
  const out: string[] = [];
  for (let c = 0; c < width; c++) out.push(cellText(row[c]).trim());
  for (const m of merges) {
    if (m.top !== r) continue;
    for (let c = m.left + 1; c <= m.right; c++) out[c] = out[c] || out[m.left];
  }
  return out;
}

/** A data row: a TT followed by other cells, a TT written before the name, or numbers other than years. */
export function isDataLike(grid: Grid, r: number): boolean {
  const row = grid.values[r] ?? [];
  let filled = 0;
  let first = "";
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    const t = cellText(v).trim();
    if (t === "") continue;
    if (typeof v === "number" && !(Number.isInteger(v) && v >= 1900 && v <= 2100)) return true;
    if (filled++ === 0) first = t;
  }
  if (filled === 0) return false;
  if (TT_WITH_NAME.test(first) && first.length > 6) return true;
  return TT_ONLY.test(first) && filled > 1 && !/^(tt|stt)$/i.test(first);
}

/** A merge across most of the table on this row (a title line or a group written across). */
function wideMerge(merges: Merge[], r: number, width: number): boolean {
  return merges.some((m) => m.top === r && m.right - m.left + 1 >= Math.max(3, Math.ceil(width * 0.6)));
}

function rolesOf(texts: string[]): Array<HeaderMatch | null> {
  return texts.map((t) => (t ? headerRole(t) : null));
}

/** How much a row looks like the header: the distinct roles it names, 0 when it cannot be one. */
function scoreRow(matches: Array<HeaderMatch | null>): number {
  const roles = new Set(matches.filter(Boolean).map((m) => m!.role));
  if (!roles.has("name")) return 0;
  if (!roles.has("target") && !roles.has("actual") && !roles.has("year") && !roles.has("baseline")) return 0;
  return roles.size;
}

const COLUMN_NUMBER_TEXT = /^\(?(\d{1,2}|[A-Z])\)?(\s*=\s*.*)?$/;

/** One cell of a column-number row: "(1)", "2", "(A)", "(6) = (5)/(4)". */
export function isColumnNumberText(t: string): boolean {
  return COLUMN_NUMBER_TEXT.test(t);
}

/** "(1) (2) (3)" or 1 2 3 under the header. */
export function isNumberRow(texts: string[]): boolean {
  const filled = texts.filter((t) => t !== "");
  return filled.length >= 3 && filled.every(isColumnNumberText);
}

/** Is row r a second header tier under row top? */
function isSubTier(grid: Grid, top: number, r: number, merges: Merge[], width: number): boolean {
  if (r >= grid.values.length || isDataLike(grid, r) || wideMerge(merges, r, width)) return false;
  const texts = rowTexts(grid, r, merges);
  if (isNumberRow(texts)) return false;
  const filled = texts.filter((t) => t !== "");
  if (filled.length === 0 || filled.some((t) => t.length > 60)) return false;
  if (merges.some((m) => m.top === top && m.bottom >= r)) return true;
  if (merges.some((m) => m.top === top && m.bottom === top && m.right > m.left && texts.slice(m.left, m.right + 1).some((t) => t !== ""))) return true;
  const topRoles = rolesOf(rowTexts(grid, top, merges));
  const nameCol = topRoles.findIndex((m) => m?.role === "name");
  return (nameCol < 0 || texts[nameCol] === "") && rolesOf(texts).every((m, c) => texts[c] === "" || m !== null);
}

/** The role of one column from its tiers: "Năm 2019" over "Kế hoạch" is the plan for 2019. */
function columnRole(top: string, sub: string, yearSiblings: number): HeaderMatch | null {
  const mt = top ? headerRole(top) : null;
  if (!sub || sub === top) return mt;
  const ms = headerRole(sub);
  if (!top) return ms;
  if (mt?.role === "year" && !mt.maybeBaseline && !mt.estimate) return headerRole(`${sub} năm ${mt.year}`) ?? ms ?? mt;
  if (ms?.role === "year") {
    if (yearSiblings >= 2 || !mt || (mt.role !== "actual" && mt.role !== "target" && mt.role !== "status")) return ms;
    return mt;
  }
  return ms ?? mt;
}

/** Years: a series only when the sheet shows one; a year before the plan's is the baseline; a lone estimate is the result. */
function resolveYears(matches: Array<HeaderMatch | null>, years: number[] | undefined): Array<string | null> {
  const roles: Array<string | null> = matches.map((m) => (m ? m.role : null));
  const targetCol = matches.findIndex((m) => m?.role === "target");
  const planYear = matches.find((m) => m?.role === "target" && m.year)?.year;
  const minYear = years && years.length ? Math.min(...years) : undefined;
  const series: number[] = [];
  matches.forEach((m, c) => {
    if (m?.role !== "year") return;
    const before = targetCol >= 0 && c < targetCol;
    if ((planYear !== undefined && m.year! < planYear) || (minYear !== undefined && m.year! < minYear) || (m.maybeBaseline && before)) roles[c] = "baseline";
    else series.push(c);
  });
  if (series.length === 1) {
    const c = series[0];
    const m = matches[c]!;
    const before = targetCol >= 0 && c < targetCol;
    if (!roles.includes("actual") && (m.estimate || m.year === planYear)) roles[c] = "actual";
    else if (before && !roles.includes("baseline")) roles[c] = "baseline";
  }
  for (const c of series) if (roles[c] === "year") roles[c] = `year:${matches[c]!.year}`;
  return roles;
}

/** The column roles and titles from the header tiers. */
function mapColumns(grid: Grid, tiers: number[], merges: Merge[], years: number[] | undefined): Pick<HeaderInfo, "cols" | "columnTexts"> {
  const top = rowTexts(grid, tiers[0], merges);
  const sub = tiers.length > 1 ? rowTexts(grid, tiers[1], merges) : [];
  const width = Math.max(top.length, sub.length);
  const matches: Array<HeaderMatch | null> = [];
  const columnTexts: string[] = [];
  for (let c = 0; c < width; c++) {
    const t = top[c] ?? "";
    const s = sub[c] ?? "";
    const span = merges.find((m) => m.top === tiers[0] && m.left <= c && m.right >= c && m.right > m.left);
    let siblings = 0;
    if (span) for (let k = span.left; k <= span.right; k++) if (headerRole(sub[k] ?? "")?.role === "year") siblings++;
    matches.push(columnRole(t, s, siblings));
    columnTexts.push(t && s && s !== t ? `${t}\n${s}` : t || s);
  }
  // "Nội dung | ĐVT | Chỉ tiêu | Thực hiện": a bare "Chỉ tiêu" after the name column is the target
  const names = matches.flatMap((m, c) => (m?.role === "name" ? [c] : []));
  if (names.length > 1 && !matches.some((m) => m?.role === "target")) {
    const c = names.slice(1).find((k) => foldHeader(columnTexts[k]) === "chi tieu");
    if (c !== undefined) matches[c] = { role: "target" };
  }
  const roles = resolveYears(matches, years);
  const cols = new Map<string, number>();
  roles.forEach((role, c) => {
    if (role && !cols.has(role)) cols.set(role, c); // first one wins
  });
  return { cols, columnTexts };
}

const TITLE_SKIP = /^(dang cong san viet nam|cong hoa xa hoi chu nghia viet nam|doc lap - tu do - hanh phuc|doc lap tu do hanh phuc|[-_* ]+)$/;
/** The issuing body's lines at the top left ("THÀNH ỦY BẢO LỘC", "ỦY BAN NHÂN DÂN"): short, never the title. */
const ISSUER = /^(dang bo|thanh uy|tinh uy|huyen uy|quan uy|thi uy|dang uy|chi bo|ban chap hanh|uy ban nhan dan|ubnd|hoi dong nhan dan|tinh|thanh pho|huyen|quan|xa|phuong|so|phong|van phong)\b/;

/** The title block above the header: label, title lines and the "(Kèm theo …)" line, as typed. */
function readTitleBlock(grid: Grid, headerRow: number, merges: Merge[]): TitleBlock | undefined {
  const block: TitleBlock = {};
  const titleLines: string[] = [];
  for (let r = 0; r < headerRow; r++) {
    const texts = rowTexts(grid, r, merges);
    const distinct = texts.filter((t, c) => t !== "" && texts.indexOf(t) === c);
    if (distinct.length !== 1) {
      if (titleLines.length) break;
      continue;
    }
    const raw = cellText((grid.values[r] ?? []).find((v) => cellText(v).trim() !== "")).trim();
    const f = foldText(raw);
    if (/^(phu luc|bieu( so)?|bieu mau)\b/.test(f) && raw.length < 40) {
      block.label = raw;
      titleLines.length = 0; // the title comes after the label
    } else if (/^\(?\s*kem theo\b/.test(f)) block.kemTheo = raw;
    else if (TITLE_SKIP.test(f) || (ISSUER.test(f) && raw.length < 50) || /^(don vi( tinh)?|dvt)\s*:/.test(f) || /, ngay \d|^ngay \d/.test(f)) continue;
    else if (!block.kemTheo) titleLines.push(raw);
  }
  if (titleLines.length) block.title = titleLines.join("\n");
  return block.title || block.label || block.kemTheo ? block : undefined;
}

/** Find the header tiers and map the columns; or say which rows were looked at and what they hold. */
export function findHeader(grid: Grid, years?: number[]): HeaderSearch {
  const merges = gridMerges(grid);
  const limit = Math.min(SCAN_ROWS, grid.values.length);
  const width = Math.max(0, ...grid.values.slice(0, limit).map((r) => (r ? r.length : 0)));
  let best = -1;
  let bestScore = 0;
  let partial = -1;
  let partialRoles = 0;
  for (let r = 0; r < limit; r++) {
    if (isDataLike(grid, r) || wideMerge(merges, r, width)) continue;
    const matches = rolesOf(rowTexts(grid, r, merges));
    const s = scoreRow(matches);
    if (s > bestScore) [best, bestScore] = [r, s];
    const n = new Set(matches.filter(Boolean).map((m) => m!.role)).size;
    if (n > partialRoles) [partial, partialRoles] = [r, n];
  }
  if (best < 0) {
    const firstFilled = grid.values.findIndex((row) => (row ?? []).some((v) => cellText(v).trim() !== ""));
    return { ok: false, looked: describeLook(grid, limit, partial, merges), guess: partial >= 0 ? partial : Math.max(0, firstFilled) };
  }
  const tiers = isSubTier(grid, best, best + 1, merges, width) ? [best, best + 1] : [best];
  return { ok: true, header: headerFrom(grid, tiers, merges, years) };
}

/** The header at the given tiers (0-based rows), its columns mapped by their words. */
function headerFrom(grid: Grid, tiers: number[], merges: Merge[], years?: number[]): HeaderInfo {
  const { cols, columnTexts } = mapColumns(grid, tiers, merges, years);
  const tierFolded = tiers.map((r) => rowTexts(grid, r, merges).map(foldHeader));
  return { tiers, dataStart: tiers[tiers.length - 1] + 1, cols, columnTexts, tierFolded, title: readTitleBlock(grid, tiers[0], merges) };
}

/** A one-row header where the user says it is (the columns then come from the user's mapping). */
export function headerAt(grid: Grid, r: number, years?: number[]): HeaderInfo {
  return headerFrom(grid, [r], gridMerges(grid), years);
}

/** "đã xem dòng 1–30; dòng 4 có 'STT', 'Nội dung'… nhưng không có cột …" */
function describeLook(grid: Grid, limit: number, partial: number, merges: Merge[]): string {
  const first = (grid.origin ? Number(grid.origin.replace(/\D/g, "")) : 1) || 1;
  const seen = limit > 1 ? `đã xem dòng ${first}–${first + limit - 1}` : `đã xem dòng ${first}`;
  if (partial < 0) return `${seen} nhưng không dòng nào có tên cột quen thuộc (TT, Chỉ tiêu, ĐVT, Chỉ tiêu Nghị quyết, Kết quả thực hiện)`;
  const texts = rowTexts(grid, partial, merges).filter((t, c, a) => t !== "" && a.indexOf(t) === c);
  const shown = texts.slice(0, 5).map((t) => `"${t.replace(/\s+/g, " ")}"`).join(", ") + (texts.length > 5 ? "…" : "");
  const roles = new Set(rolesOf(rowTexts(grid, partial, merges)).filter(Boolean).map((m) => m!.role));
  const missing = roles.has("name") ? `cột "${describeRole("target")}" hay "${describeRole("actual")}"` : `cột tên "${describeRole("name")}"`;
  return `${seen}; dòng ${first + partial} có ${shown} nhưng không có ${missing}`;
}
