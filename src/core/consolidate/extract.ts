/**
 * A unit's evaluated table reduced to what consolidation needs (docs/tong-hop.md): per row its
 * match key, the figures (result, years, baseline, weight), the result's text where a figure alone
 * would lose its meaning, the unit's own verdict, and the extra columns (Cách tổng hợp, Đơn vị chủ
 * trì, Trọng số). A caller reads one file, reduces it and drops it: memory stays flat per file.
 * Names repeat from unit to unit (one template): their match keys are worked out once per run
 * (ExtractMemo), not once per unit. Pure: no I/O.
 */
import type { IndicatorKind, IndicatorTable, TableRow } from "../model";
import { columnIndex, gridMerges, parseAddress, type Grid } from "../sheet/grid";
import { cellText } from "../sheet/reader";
import { foldText } from "../text/fold";
import { parseActual } from "../target/actual";
import { yearNumber } from "../evaluation/evaluate-table";
import { foldedNameAt } from "../evaluation/prepared-row";
import type { Status } from "../evaluation/evaluate";
import { NO_DATA_WORDS, type MissingReason } from "./rules";

/** What a row says about itself: the first unit's row describes the consolidated one. */
export interface RowDescription {
  tt: string;
  /** the name normalised (matching, messages) */
  name: string;
  /** the name exactly as typed, with its "- " mark: what outputs copy */
  nameText?: string;
  marker?: "-" | "+";
  level: number;
  /** the unit normalised; `unitText` as typed */
  unit: string;
  unitText?: string;
  kind: IndicatorKind;
  direction?: string;
}

/** One row of a unit's table, reduced to what consolidation needs. */
export interface UnitRow extends RowDescription {
  key: string;
  /** name folded for matching (matchName), when the TT differs */
  folded: string;
  group: boolean;
  targetText: string;
  /** the result as written, when it gives no figure ("Chưa đến kỳ") or a figure for a period ("263 đảng viên/ 3 năm"); "" otherwise */
  raw: string;
  value: number | null;
  /** "263 đảng viên/ 3 năm": the figure covers 3 years */
  periodYears?: number;
  /** "57/66 trường": the figure is a count of a total */
  fraction?: { part: number; total: number };
  reason?: MissingReason;
  years: Record<number, number>;
  baseline: number | null;
  status?: Status;
  statusLabel?: string;
  ruleText?: string;
  lead?: string;
  weight: number | null;
}

export interface UnitExtract {
  unit: string;
  file: string;
  rows: UnitRow[];
  /** the table's year columns */
  years?: number[];
  termStart?: number;
  termEnd?: number;
}

/** A unit whose file could not be read or holds no table. */
export interface UnitFailure {
  unit: string;
  file: string;
  error: string;
}

export type UnitInput = UnitExtract | UnitFailure;

export function isFailure(u: UnitInput): u is UnitFailure {
  return (u as UnitFailure).error !== undefined;
}

const NOT_NAME_CHARS = /[^a-z0-9%]+/g;

/** Name folded for matching: no accents, no punctuation, single spaces. */
export function matchName(name: string): string {
  return foldText(name).replace(NOT_NAME_CHARS, " ").trim();
}

/**
 * Work shared by the units of one consolidation: the match form of each folded name, and each row
 * key, made once (the same string for every unit, so matching them hashes nothing new).
 */
export interface ExtractMemo {
  names: Map<string, string>;
  keys: Map<string, Map<string, string>>;
}

export function extractMemo(): ExtractMemo {
  return { names: new Map(), keys: new Map() };
}

/** `${scope}${folded}`, the same string for every unit that has it. */
function keyOf(scope: string, folded: string, memo: ExtractMemo): string {
  let byScope = memo.keys.get(folded);
  if (!byScope) memo.keys.set(folded, (byScope = new Map()));
  let k = byScope.get(scope);
  if (k === undefined) byScope.set(scope, (k = scope + folded));
  return k;
}

function matchFolded(folded: string, memo: ExtractMemo): string {
  let m = memo.names.get(folded);
  if (m === undefined) {
    m = folded.replace(NOT_NAME_CHARS, " ").trim();
    memo.names.set(folded, m);
  }
  return m;
}

export interface ResultFigure {
  value: number | null;
  reason?: MissingReason;
  periodYears?: number;
  fraction?: { part: number; total: number };
}

/** Why a result cell gives no figure, or its figure (and the years it covers, the count it is of). */
export function missingReasonOf(raw: unknown): ResultFigure {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return { value: null, reason: "empty" };
  if (typeof raw === "string") {
    const f = foldText(raw).replace(/[.;:!]+$/, "").trim();
    for (const [re, reason] of NO_DATA_WORDS) if (re.test(f)) return { value: null, reason };
  }
  const p = parseActual(raw);
  if (!p.ok) return { value: null, reason: p.error.code === "empty" ? "empty" : "not_number" };
  const out: ResultFigure = { value: p.actual.value };
  if (p.actual.periodYears) out.periodYears = p.actual.periodYears;
  if (p.actual.fraction) out.fraction = p.actual.fraction;
  return out;
}

function numberOf(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  return yearNumber(v);
}

/** The extra columns (Cách tổng hợp, Đơn vị chủ trì, Trọng số) of a row, merged cells counted for every row they cover. */
function extraColumns(table: IndicatorTable, grid: Grid | undefined): (r: TableRow, role: "rule" | "lead" | "weight") => unknown {
  if (!grid) return () => undefined;
  const origin = parseAddress(grid.origin ?? "A1");
  const colOf = (role: string) => (table.mapping[role] ? columnIndex(table.mapping[role]) - origin.col : -1);
  const cols = { rule: colOf("rule"), lead: colOf("lead"), weight: colOf("weight") };
  if (cols.rule < 0 && cols.lead < 0 && cols.weight < 0) return () => undefined;
  const merged = new Map<string, unknown>();
  if (grid.merges?.length) {
    const wanted = new Set(Object.values(cols).filter((c) => c >= 0));
    for (const m of gridMerges(grid)) {
      for (let c = m.left; c <= m.right; c++) {
        if (!wanted.has(c)) continue;
        for (let r = m.top + 1; r <= m.bottom; r++) merged.set(`${r},${c}`, grid.values[m.top]?.[m.left]);
      }
    }
  }
  return (r, role) => {
    const c = cols[role];
    if (r.type !== "indicator" || c < 0) return undefined;
    const i = r.row - origin.row;
    const v = grid.values[i]?.[c];
    return v === null || v === undefined || v === "" ? (merged.size ? merged.get(`${i},${c}`) : undefined) : v;
  };
}

/** Reduce a unit's evaluated table to its extract. `grid` gives the extra columns (Cách tổng hợp, Đơn vị chủ trì, Trọng số). */
export function extractUnit(unit: string, file: string, table: IndicatorTable, grid?: Grid, memo: ExtractMemo = extractMemo()): UnitExtract {
  const rows: UnitRow[] = [];
  const extra = extraColumns(table, grid);
  let lastTt = "";
  for (let ri = 0; ri < table.rows.length; ri++) {
    const r = table.rows[ri];
    const folded = r.type === "indicator" ? matchFolded(foldedNameAt(table, ri), memo) : matchName(r.name);
    if (r.tt) lastTt = r.tt;
    const scope = r.tt ? `${r.type === "group" ? "g:" : ""}${r.tt}|` : `${r.type === "group" ? "g:" : ""}${lastTt}>`;
    const key = keyOf(scope, folded, memo);
    if (r.type === "group") {
      rows.push({ key, folded, group: true, tt: r.tt, name: r.name, nameText: r.nameText, level: r.level, unit: "", kind: "level", targetText: "", raw: "", value: null, years: {}, baseline: null, weight: null });
      continue;
    }
    rows.push(indicatorRow(r, key, folded, table.years, extra));
  }
  return { unit, file, rows, years: table.years, termStart: table.info?.termStart, termEnd: table.info?.termEnd };
}

const NO_YEARS: Record<number, number> = Object.freeze({}) as Record<number, number>;

/** The year cells as figures: the row's own record when every cell is a number already (no copy), else the figures read. */
function yearFigures(cells: Record<number, unknown>, tableYears: number[]): Record<number, number> {
  let plain = true;
  let any = false;
  for (const y of tableYears) {
    const v = cells[y];
    if (v === undefined) continue;
    any = true;
    if (typeof v !== "number" || !Number.isFinite(v)) plain = false;
  }
  if (!any) return NO_YEARS;
  if (plain) return cells as Record<number, number>;
  const out: Record<number, number> = {};
  for (const y of tableYears) {
    const v = cells[y];
    if (v === undefined) continue;
    const n = numberOf(v);
    if (n !== null) out[y] = n;
  }
  return out;
}

function indicatorRow(r: Extract<TableRow, { type: "indicator" }>, key: string, folded: string, tableYears: number[], extra: ReturnType<typeof extraColumns>): UnitRow {
  const m: ResultFigure =
    r.actualSource === "missing" ? { value: null, reason: "empty" } : typeof r.actual === "number" && Number.isFinite(r.actual) ? { value: r.actual } : missingReasonOf(r.actual);
  const years = yearFigures(r.years, tableYears);
  const e = r.evaluation;
  const out: UnitRow = {
    key,
    folded,
    group: false,
    tt: r.tt,
    name: r.name,
    nameText: r.nameText,
    marker: r.marker,
    level: r.level,
    unit: r.unit,
    unitText: r.unitText,
    kind: r.kind,
    direction: r.directionSetting,
    targetText: r.targetText,
    // the text as written matters only where there is no figure, or the figure covers several years
    raw: m.value === null || m.periodYears ? cellText(r.actual) : "",
    value: m.value,
    periodYears: m.periodYears,
    fraction: m.fraction,
    reason: m.reason,
    years,
    baseline: numberOf(r.baseline),
    status: e?.status,
    // no verdict shown where the unit set no target
    statusLabel: e && r.actual !== undefined && (r.targetText !== "" || e.status !== "not_evaluable") ? e.label : undefined,
    ruleText: cellText(extra(r, "rule")) || undefined,
    lead: cellText(extra(r, "lead")) || undefined,
    weight: numberOf(extra(r, "weight")),
  };
  return out;
}
