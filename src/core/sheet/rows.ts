/**
 * The rows under the header: which are repeated headers or column-number rows (skipped), groups or
 * indicators; their TT, "-"/"+" marks and place in the hierarchy; and their texts exactly as typed.
 * Normalised forms (name, unit, actual) are kept beside the typed ones for matching only.
 */
import { parseStatusLabel, type Status } from "../evaluation/evaluate";
import { normalizeText } from "../text/normalize";
import { foldText } from "../text/fold";
import { inferKindFolded, parseKind } from "../evaluation/evaluate-table";
import { cellText, isBlankCell, typedText } from "./cell";
import { foldHeader } from "./header-roles";
import { isColumnNumberText, type HeaderInfo, type Merge } from "./header";
import type { Grid } from "./grid";
import { SOURCE_TEXT_ROLES, type GroupRow, type IndicatorRow, type SourceTexts, type TableRow } from "../model";

// The patterns of each rule once, not a new RegExp object per row.
const ROMAN = /^(X{0,3})(IX|IV|V?I{0,3})$/;
const TT_LETTER = /^[A-H]$/;
const TT_NUMBER = /^\d+$/;
const TT_DOTTED = /^\d+(\.\d+)+$/;
const TT_DOTS = /\./g;
const TT_SMALL_LETTER = /^[a-zđ]$/;
const TT_BULLET = /^[*•]$/;

/** Rank of a TT for the hierarchy: smaller is outer. */
export function ttRank(tt: string, marker: string | undefined): number | null {
  if (marker === "-") return 10;
  if (marker === "+") return 11;
  if (tt === "") return null;
  if (TT_LETTER.test(tt)) return 0;
  if (ROMAN.test(tt)) return 1;
  if (TT_NUMBER.test(tt)) return 2;
  if (TT_DOTTED.test(tt)) return 2 + (tt.match(TT_DOTS) || []).length;
  if (TT_SMALL_LETTER.test(tt)) return 9;
  if (TT_BULLET.test(tt)) return 12;
  return 8;
}

/** A TT that cleaning leaves as it is: letters and digits, dots only between them ("1.2", "IV", "a"). */
const CLEAN_TT = /^[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*$/;

function cleanTt(text: string): string {
  if (CLEAN_TT.test(text)) return text;
  return normalizeText(text).replace(/[.)\s]+$/, "").replace(/^\(/, "").trim();
}

/** The cell at (r, c), with vertical merges in value columns spread down the rows they cover. */
export type CellAt = (r: number, c: number | undefined) => unknown;

export function cellReader(grid: Grid, merges: Merge[], dataStart: number, keep: Array<number | undefined>): CellAt {
  // keyed by r * 2^20 + c: a number, no string per lookup (a sheet has at most 16 384 columns)
  const fill = new Map<number, unknown>();
  for (const m of merges) {
    if (m.bottom <= m.top || m.bottom < dataStart) continue;
    const master = grid.values[m.top]?.[m.left];
    for (let r = Math.max(m.top + 1, dataStart); r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (!keep.includes(c)) fill.set(r * 1048576 + c, master);
    }
  }
  return (r, c) => {
    if (c === undefined) return undefined;
    const v = grid.values[r]?.[c];
    if ((v === null || v === undefined || v === "") && fill.size) {
      const f = fill.get(r * 1048576 + c);
      if (f !== undefined) return f;
    }
    return v;
  };
}

/** A header pasted again at a page break: every filled cell repeats a header tier's title of its column. */
export function isRepeatedHeader(raw: unknown[], h: HeaderInfo, afterHeader: boolean, folds?: Map<string, string>): boolean {
  // Every filled cell must repeat its column's title, so the order they are looked at does not
  // matter: short cells first, where a data row fails (a unit, a figure) without folding its name.
  let filled = 0;
  for (let pass = 0; pass < 2; pass++) {
    for (let c = 0; c < raw.length; c++) {
      const t = cellText(raw[c]).trim();
      if (t === "" || (t.length > SHORT_CELL) !== (pass === 1)) continue;
      filled++;
      const f = pass === 0 && folds ? foldShort(t, folds) : foldHeader(t);
      if (!inTier(h, c, f)) return false;
    }
  }
  return filled > 0 && (filled >= 2 || afterHeader);
}

const SHORT_CELL = 24;

function inTier(h: HeaderInfo, c: number, f: string): boolean {
  for (const tier of h.tierFolded) if (tier[c] === f) return true;
  return false;
}

/** foldHeader of a short cell, remembered for one table (TTs, units and statuses repeat on every page). */
function foldShort(t: string, folds: Map<string, string>): string {
  let f = folds.get(t);
  if (f === undefined) {
    f = foldHeader(t);
    folds.set(t, f);
  }
  return f;
}

/** Every cell of the row blank (the holes of a sparse row are not looked at, as Array.every skips them). */
export function isBlankRow(raw: unknown[], at: CellAt, r: number): boolean {
  for (let c = 0; c < raw.length; c++) if (c in raw && !isBlankCell(at(r, c))) return false;
  return true;
}

/** "(1) (2) (3)" or 1 2 3 under the header (header.ts's isNumberRow), stopping at the first other cell. */
export function isColumnNumberRow(raw: unknown[]): boolean {
  let filled = 0;
  for (let c = 0; c < raw.length; c++) {
    const t = cellText(raw[c]).trim();
    if (t === "") continue;
    if (!isColumnNumberText(t)) return false;
    filled++;
  }
  return filled >= 3;
}

export interface RowTexts {
  tt: string;
  /** the name as typed (after a TT written into the same cell) */
  nameText: string;
  /** for matching: normalised, without a leading "-"/"+" mark */
  name: string;
  marker?: "-" | "+";
}

const MARKER = /^([-+•*])\s*/;
const SIGNED_NUMBER = /^[-+]\s*\d/;

/** TT and name of a row: "I. Các chỉ tiêu" written in one cell, "1. …" in the name cell, "-"/"+" marks. */
export function splitTtAndName(ttRaw: unknown, nameRaw: unknown): RowTexts {
  // "1.1" typed into Excel becomes the number 1.1: keep the dot
  let tt = cleanTt(typeof ttRaw === "number" ? String(ttRaw) : cellText(ttRaw));
  let nameText = typeof nameRaw === "string" ? nameRaw : cellText(nameRaw);
  if (nameText.trim() === "" && tt !== "") {
    const typed = cellText(ttRaw).trim();
    const m = typed.match(/^((?:[IVX]+|[A-H]|\d+(?:\.\d+)*))\s*[.)/-]?\s+([\s\S]+)$/);
    if (m && m[2].trim().length > 1) [tt, nameText] = [m[1], m[2]];
    else if (ttRank(tt, undefined) === null || ttRank(tt, undefined) === 8) [nameText, tt] = [typed, ""];
  } else if (tt === "" && nameText.trim() !== "") {
    const m = nameText.match(/^\s*((?:[IVX]+|[A-H]|\d+(?:\.\d+)*))[.)]\s+(\S[\s\S]*)$/);
    if (m) [tt, nameText] = [m[1], m[2]];
  }
  let name = normalizeText(nameText);
  let marker: "-" | "+" | undefined;
  const mk = name.match(MARKER);
  if (mk && !SIGNED_NUMBER.test(name)) {
    marker = mk[1] === "+" ? "+" : "-";
    name = name.slice(mk[0].length).trim();
  }
  if (tt === "-" || tt === "+") {
    marker = marker ?? (tt as "-" | "+");
    tt = "";
  }
  // A numbered row whose name starts with a dash ("2.6 | - Tỷ lệ ...") is not a sub-row.
  if (tt !== "") marker = undefined;
  return marker ? { tt, nameText, name, marker } : { tt, nameText, name };
}

const UNIT_WORDS =
  /^(%|%\/nam|‰|(nghin |ngan |trieu |ty |ti )?(dong|usd)(\/.*)?|ha|km|km2|m2|m3|tan|nguoi|lao dong|xa|phuong|ho|truong|lan|luot|cai|doanh nghiep|hop tac xa|dang vien|giuong( benh)?(\/.*)?|bac si(\/.*)?|kwh|mw|con|tre|chiec|diem|cong trinh|du an)$/;

/** "Thu ngân sách (tỷ đồng)": the unit in brackets at the end of a name, as typed; undefined otherwise. */
export function unitInName(nameText: string): string | undefined {
  const m = nameText.match(/[([]\s*([^()[\]]{1,30}?)\s*[)\]]\s*$/);
  if (!m) return undefined;
  return UNIT_WORDS.test(foldText(m[1]).replace(/\s+/g, " ").trim()) ? m[1] : undefined;
}

/** Does a note hold nothing but a status ("Hoàn thành vượt", "Không đạt")? */
export function isBareStatus(text: string): boolean {
  const t = foldText(text).replace(/[.;,!]+$/, "").trim();
  return t !== "" && t.split(" ").length <= 4 && parseStatusLabel(text) !== null;
}

/** What building one row needs: the columns, the cell reader, and where the row sits. */
export interface RowContext {
  cols: Map<string, number>;
  at: CellAt;
  yearCols: Array<[number, number]>;
  /** letters of the columns, by 0-based index */
  letters: string[];
  rowNo: number;
  level: number;
  groupPath: string[];
  /** the note column holds statuses for rows without a status column */
  statusInNote: boolean;
  /** the columns by role, worked out once per table (rowColumns); when absent, from `cols` */
  columns?: RowColumns;
  /** set by buildRow: the name of the indicator it built, folded (undefined for a group) */
  folded?: string;
  /** the grid's rows, to keep each row's cells as typed (`texts`); absent: rows keep none */
  typed?: unknown[][];
  /** false: rows keep no cell addresses (reader.ts ReadOptions.addresses) */
  addresses?: boolean;
}

const MAIN_ROLES = new Set(["tt", "name", "unit", "target", "actual", "status", "note"]);
const VALUE_ROLES = ["target", "actual", "status", "baseline"];

/** The columns a row reads, by role, once per table instead of a lookup per cell. */
export interface RowColumns {
  unit?: number;
  kind?: number;
  target?: number;
  actual?: number;
  status?: number;
  note?: number;
  direction?: number;
  baseline?: number;
  ratio?: number;
  /** the value columns (target, result, status, baseline) a row needs one of to be an indicator */
  values: number[];
  /** every column in the mapping's order, and whether its cell is recorded even when blank */
  cells: Array<{ role: string; col: number; main: boolean }>;
  /** parseStatusLabel by text: status words repeat on every row */
  statuses: Map<string, Status | null>;
  /** units folded, by unit: a table has a handful */
  units: Map<string, string>;
  /** the columns of SOURCE_TEXT_ROLES the table has, in that order */
  textCols: Array<[string, number]>;
}

export function rowColumns(cols: Map<string, number>): RowColumns {
  const out: RowColumns = { values: [], cells: [], statuses: new Map(), units: new Map(), textCols: [] };
  for (const role of SOURCE_TEXT_ROLES) if (cols.has(role)) out.textCols.push([role, cols.get(role)!]);
  for (const role of ["unit", "kind", "target", "actual", "status", "note", "direction", "baseline", "ratio"] as const) out[role] = cols.get(role);
  for (const role of VALUE_ROLES) if (cols.has(role)) out.values.push(cols.get(role)!);
  for (const [role, col] of cols) out.cells.push({ role, col, main: MAIN_ROLES.has(role) });
  return out;
}

export function hasValues(ctx: RowContext, r: number): boolean {
  const columns = ctx.columns ?? rowColumns(ctx.cols);
  for (const c of columns.values) if (!isBlankCell(ctx.at(r, c))) return true;
  for (const [, c] of ctx.yearCols) if (!isBlankCell(ctx.at(r, c))) return true;
  return false;
}

const normalised = (v: unknown): unknown => (typeof v === "string" ? normalizeText(v) : v);

/** The cell addresses of every row read without them (shared, never written). */
const NO_CELLS: Record<string, string> = Object.freeze({}) as Record<string, string>;

export function buildRow(ctx: RowContext, r: number, texts: RowTexts): TableRow {
  const { at } = ctx;
  const k = (ctx.columns ??= rowColumns(ctx.cols));
  ctx.folded = undefined;
  if (!hasValues(ctx, r)) {
    const g: GroupRow = { type: "group", row: ctx.rowNo, tt: texts.tt, name: texts.name, nameText: texts.nameText, level: ctx.level };
    if (ctx.typed) g.texts = typedTexts(ctx.typed[r] ?? [], k, undefined);
    return g;
  }
  const years: Record<number, unknown> = {};
  for (const [y, c] of ctx.yearCols) {
    const v = at(r, c);
    if (!isBlankCell(v)) years[y] = normalised(v);
  }
  const cells: Record<string, string> = ctx.addresses === false ? NO_CELLS : {};
  const rowText = String(ctx.rowNo);
  if (ctx.addresses !== false) for (const { role, col, main } of k.cells) if (main || !isBlankCell(at(r, col))) cells[role] = ctx.letters[col] + rowText;
  let unitText = cellText(at(r, k.unit));
  const fromName = k.unit === undefined ? unitInName(texts.nameText) : undefined;
  if (fromName) unitText = fromName;
  const unit = normalizeText(unitText);
  // the name folded once here, for the kind and for every later step (the reader keeps it: prepared-row.ts)
  const folded = foldText(texts.name);
  const actualRaw = at(r, k.actual);
  const ind: IndicatorRow = {
    type: "indicator",
    row: ctx.rowNo,
    tt: texts.tt,
    name: texts.name,
    nameText: texts.nameText,
    unit,
    unitText,
    level: ctx.level,
    kind: parseKind(cellText(at(r, k.kind))) ?? inferKindFolded(folded, remembered(k.units, unit, foldText)),
    targetText: cellText(at(r, k.target)),
    years,
    actual: isBlankCell(actualRaw) ? undefined : normalised(actualRaw),
    actualSource: isBlankCell(actualRaw) ? "missing" : "given",
    groupPath: ctx.groupPath,
    cells,
  };
  ctx.folded = folded;
  if (!isBlankCell(actualRaw)) ind.actualText = cellText(actualRaw);
  if (fromName) ind.unitFromName = true;
  if (texts.marker) ind.marker = texts.marker;
  const dirText = cellText(at(r, k.direction)).trim();
  if (dirText) ind.directionSetting = dirText;
  const baselineRaw = at(r, k.baseline);
  if (!isBlankCell(baselineRaw)) ind.baseline = normalised(baselineRaw);
  const ratioRaw = at(r, k.ratio);
  if (!isBlankCell(ratioRaw)) ind.ratioText = cellText(ratioRaw);
  readStatusAndNote(ind, cellText(at(r, k.status)), cellText(at(r, k.note)), ctx.statusInNote, k.statuses);
  if (ctx.typed) ind.texts = typedTexts(ctx.typed[r] ?? [], k, cells);
  return ind;
}

/**
 * A row's cells as typed, by role, as withSourceTexts takes them from the grid: the text roles the
 * table has (a group's TT and name only), then the year cells the row fills (`cells`), in order.
 */
function typedTexts(raw: unknown[], k: RowColumns, cells: Record<string, string> | undefined): SourceTexts {
  const out: SourceTexts = {};
  for (const [role, col] of k.textCols) {
    if (!cells && role !== "tt" && role !== "name") continue;
    const t = typedText(raw[col]);
    if (t !== undefined) out[role] = t;
  }
  if (!cells) return out;
  for (const { role, col } of k.cells) {
    if (!role.startsWith("year:") || cells[role] === undefined) continue;
    const t = typedText(raw[col]);
    if (t !== undefined) out[role] = t;
  }
  return out;
}

/** f(text), remembered by text for one table. */
function remembered<T>(seen: Map<string, T>, text: string, f: (text: string) => T): T {
  let v = seen.get(text);
  if (v === undefined) {
    v = f(text);
    seen.set(text, v);
  }
  return v;
}

/** parseStatusLabel, remembered by text for one table. */
function statusOf(text: string, seen: Map<string, Status | null>): Status | null {
  return remembered(seen, text, parseStatusLabel);
}

/** The reported status as typed: from the status column, or a bare status in "Ghi chú" when there is none. */
function readStatusAndNote(ind: IndicatorRow, statusText: string, note: string, statusInNote: boolean, seen: Map<string, Status | null>): void {
  if (statusText.trim()) {
    ind.reportedText = statusText;
    ind.reported = statusOf(statusText, seen);
  } else if (statusInNote && note.trim() && isBareStatus(note)) {
    ind.reportedText = note;
    ind.reported = statusOf(note, seen);
  }
  if (note.trim()) ind.note = note;
}
