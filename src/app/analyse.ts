/**
 * The one use case every front end shares: find the "Thông tin" sheet, choose the indicator sheet,
 * read the table (with the user's column mapping), evaluate it, check it and count the verdicts.
 * The CLI (`check`, `appendix`, `demo`), the task pane and the bench all call this; none reads a
 * table another way. Pure apart from the sheet source it is given.
 */
import type { Grid } from "../core/sheet/grid";
import { valueAt, columnLetter, parseAddress } from "../core/sheet/grid";
import type { IndicatorTable, ReportInfo } from "../core/model";
import type { Status, Vocabulary } from "../core/evaluation/evaluate";
import { readIndicatorTable, cellText, type ReadResult, type RecognisedColumn } from "../core/sheet/reader";
import { evaluateTable } from "../core/evaluation/evaluate-table";
import { detectStatusStyle } from "../core/evaluation/vocabulary";
import { withSourceTexts } from "../core/layout";
import { checkTable, countStatuses, type Finding, type StatusCounts } from "../core/checks/checks";
import { readReportInfo, termYears } from "../core/sheet/info";
import { findInfoSheetName, indicatorSheetOrder } from "../core/sheet/workbook-sheets";
import { foldText } from "../core/text/fold";
import { countByArea, type AreaCount } from "./areas";
import { AppError } from "./errors";

export interface Analysis {
  sheet: string;
  grid: Grid;
  result: ReadResult;
  table?: IndicatorTable;
  recognised: RecognisedColumn[];
  findings: Finding[];
  /** verdict counts and the summary clause (core's countStatuses) */
  counts: StatusCounts;
  areas: AreaCount[];
  indicators: number;
  groups: number;
  /** the vocabulary the verdicts were written in (the user's choice, or the sheet's own) */
  vocabulary: Vocabulary;
}

export interface AnalyseOptions {
  /** role → column letter the user confirmed ("" = the table has no such column) */
  mapping?: Record<string, string>;
  info?: ReportInfo;
  /** undefined: the vocabulary the sheet's own verdicts use */
  vocabulary?: Vocabulary;
  levels?: 2 | 3;
  /** near threshold in percent; 0 or undefined = off */
  near?: number;
  /** false: read and evaluate only, no findings nor areas (consolidation reads many units and shows neither) */
  checks?: boolean;
  /**
   * false: the rows keep no copy of their cells as typed (`texts`, the headers and title from the
   * grid): for a reader that only reduces the table to figures (consolidation), never for one that
   * writes the table out
   */
  texts?: boolean;
  /** false: the rows keep no cell addresses (with `checks` and `texts` false: a reader that only reduces the table to figures) */
  addresses?: boolean;
  /** told as each step starts (the pane shows it): recognising the table, evaluating, checking; with the rows concerned */
  onStep?: (step: "table" | "evaluate" | "check", rows: number) => void;
}

export const STATUS_ORDER: Status[] = ["exceeded", "met", "near", "not_met", "not_evaluable"];

/** Read, evaluate, check and count one sheet. */
export function analyse(grid: Grid, opts: AnalyseOptions = {}): Analysis {
  // the term's years only when the report gives a term: a default term would turn "TH năm 2018" or
  // "Ước TH năm 2019" into year columns of a term the sheet never named
  const years = opts.info?.termStart ? termYears(opts.info) : undefined;
  opts.onStep?.("table", grid.values.length);
  // the rows' cells as typed are kept while reading them (unless not wanted: texts false)
  const result = readIndicatorTable(grid, { mapping: opts.mapping, years, texts: opts.texts !== false, addresses: opts.addresses });
  const vocabulary0 = opts.vocabulary ?? "dat";
  const none: Analysis = {
    sheet: grid.sheet,
    grid,
    result,
    findings: [],
    areas: [],
    recognised: [],
    indicators: 0,
    groups: 0,
    vocabulary: vocabulary0,
    counts: countStatuses({ sheet: grid.sheet, mapping: {}, headerRow: 0, rows: [], years: [] }, { vocabulary: vocabulary0 }),
  };
  if (!result.ok) return none;
  const table = result.table;
  if (opts.info) table.info = opts.info;
  // the sheet's own texts where the reader kept none (headers, title block)
  if (opts.texts !== false) withSourceTexts(table, grid);
  // the sheet's own status words and levels, unless the user chose a vocabulary
  const style = detectStatusStyle(table);
  const vocabulary = opts.vocabulary ?? style.vocabulary;
  const near = opts.near && opts.near > 0 ? opts.near / 100 : undefined;
  if (opts.onStep) opts.onStep("evaluate", table.rows.filter((r) => r.type !== "group").length);
  evaluateTable(table, opts.vocabulary ? { vocabulary, levels: opts.levels, near } : { vocabulary, levels: opts.levels ?? style.levels, words: style.words, near });
  if (opts.onStep && opts.checks !== false) opts.onStep("check", table.rows.filter((r) => r.type !== "group").length);
  const findings = opts.checks === false ? [] : checkTable(table, opts.info);
  let indicators = 0;
  let groups = 0;
  for (const r of table.rows) {
    if (r.type === "group") groups++;
    else indicators++;
  }
  return {
    ...none,
    table,
    recognised: result.recognised,
    findings,
    // no counts where nothing is checked either (consolidation reduces the table to figures)
    counts: opts.checks === false ? none.counts : countStatuses(table, { vocabulary }),
    areas: opts.checks === false ? [] : countByArea(table),
    indicators,
    groups,
    vocabulary,
  };
}

/** Where the sheets come from: an Office workbook, a file opened in the browser, grids read by the CLI. */
export interface SheetSource {
  listSheets(): Promise<string[]>;
  readSheet(name: string): Promise<Grid>;
}

/** Grids already read (CLI, bench) as a sheet source. */
export function gridSource(grids: readonly Grid[]): SheetSource {
  return {
    listSheets: async () => grids.map((g) => g.sheet),
    readSheet: async (name) => {
      const g = grids.find((x) => x.sheet === name);
      if (!g) throw new AppError("no_sheet", `Không có trang "${name}".`);
      return g;
    },
  };
}

/** The report information of a workbook (its "Thông tin" sheet), if it has one. */
export async function readWorkbookInfo(source: SheetSource, names?: readonly string[]): Promise<ReportInfo | undefined> {
  const infoSheet = findInfoSheetName(names ?? (await source.listSheets()));
  if (!infoSheet) return undefined;
  const grid = await source.readSheet(infoSheet);
  // the layout fields (Thể thức, Tiêu đề phụ lục, Kèm theo) beside the report's own
  return readReportInfo(grid);
}

export interface WorkbookAnalysisOptions extends Omit<AnalyseOptions, "mapping" | "info"> {
  /** analyse this sheet only (exact name, or the same name without accents and case) */
  sheet?: string;
  /** sheets to try first (the last one used, the active one) */
  preferred?: ReadonlyArray<string | undefined>;
  /** confirmed column mappings, per sheet */
  mappings?: Record<string, Record<string, string>>;
  /** report information given instead of the "Thông tin" sheet */
  info?: ReportInfo;
}

export interface WorkbookAnalysis {
  /** the sheet with a table, or the first one tried when none has one */
  analysis: Analysis | null;
  info?: ReportInfo;
  sheets: string[];
  /** the sheets tried without finding a table, with what the reader saw in them */
  failures: Array<{ sheet: string; message: string; detail?: string }>;
}

/** Find the indicator table of a workbook: the named sheet, or the first sheet holding one. */
export async function analyseWorkbook(source: SheetSource, opts: WorkbookAnalysisOptions = {}): Promise<WorkbookAnalysis> {
  const sheets = await source.listSheets();
  const info = opts.info ?? (await readWorkbookInfo(source, sheets));
  let order: string[];
  if (opts.sheet) {
    const wanted = opts.sheet;
    const name = sheets.find((x) => x === wanted) ?? sheets.find((x) => foldText(x) === foldText(wanted));
    if (!name) throw new AppError("no_sheet", `Không có trang "${wanted}". Các trang trong tệp: ${sheets.map((x) => `"${x}"`).join(", ")}.`);
    order = [name];
  } else order = indicatorSheetOrder(sheets, opts.preferred);
  let first: Analysis | null = null;
  const failures: WorkbookAnalysis["failures"] = [];
  for (const name of order) {
    const a = analyse(await source.readSheet(name), { ...opts, mapping: opts.mappings?.[name], info });
    if (a.result.ok) return { analysis: a, info, sheets, failures };
    failures.push({ sheet: name, message: a.result.error.message, detail: a.result.error.detail });
    first ??= a;
  }
  return { analysis: first, info, sheets, failures };
}

/** Like analyseWorkbook, but a workbook without a table is an error that says where it looked. */
export async function requireTable(source: SheetSource, opts: WorkbookAnalysisOptions = {}): Promise<Analysis & { table: IndicatorTable; info?: ReportInfo }> {
  const { analysis, info, sheets, failures } = await analyseWorkbook(source, opts);
  if (analysis?.table) return Object.assign(analysis, { table: analysis.table, info });
  const msg =
    opts.sheet && failures.length
      ? failures[0].message
      : [
          `Không tìm thấy bảng chỉ tiêu trong tệp (đã xem ${sheets.length} trang). Dòng tiêu đề cần có cột "Chỉ tiêu" và "Chỉ tiêu Nghị quyết" hoặc "Kết quả thực hiện".`,
          ...failures.map((f) => `- Trang "${f.sheet}": ${f.detail ?? f.message}`),
        ].join("\n");
  throw new AppError("no_table", msg);
}

/** What `chitieu check --json` prints for one analysed sheet. */
export interface CheckReport {
  sheet: string;
  mapping: Record<string, string>;
  indicators: Array<{
    row: number;
    tt: string;
    name: string;
    unit: string;
    target: string;
    actual: unknown;
    reported: string | null;
    status: string;
    label: string;
    direction: string;
  }>;
  groups: Array<{ row: number; tt: string; name: string }>;
  findings: Finding[];
  counts: StatusCounts;
}

export function checkReport(a: Analysis & { table: IndicatorTable }): CheckReport {
  const { table } = a;
  const report: CheckReport = { sheet: a.sheet, mapping: table.mapping, indicators: [], groups: [], findings: a.findings, counts: a.counts };
  for (const r of table.rows) {
    if (r.type === "group") {
      report.groups.push({ row: r.row, tt: r.tt, name: r.nameText ?? r.name });
      continue;
    }
    const e = r.evaluation!;
    report.indicators.push({
      row: r.row,
      tt: r.tt,
      name: r.nameText ?? r.name,
      unit: r.unitText ?? r.unit,
      target: r.targetText,
      actual: r.actual ?? null,
      reported: r.reportedText ?? null,
      status: e.status,
      label: e.label,
      direction: e.direction,
    });
  }
  return report;
}

export interface ColumnChoice {
  letter: string;
  /** "F · Chỉ tiêu Nghị quyết ĐH VI" */
  label: string;
}

/** The columns a user can map a role to: every column of the grid, with its header text. */
export function columnChoices(grid: Grid, headerRow: number | undefined): ColumnChoice[] {
  const origin = parseAddress(grid.origin ?? "A1");
  const width = Math.max(0, ...grid.values.map((r) => r?.length ?? 0));
  const out: ColumnChoice[] = [];
  for (let c = 0; c < width; c++) {
    const letter = columnLetter(origin.col + c);
    const header = headerRow ? cellText(valueAt(grid, `${letter}${headerRow}`)) : "";
    const short = header.length > 40 ? header.slice(0, 39) + "…" : header;
    out.push({ letter, label: short ? `${letter} · ${short}` : `Cột ${letter}` });
  }
  return out;
}

/** Roles shown in the mapping editor, in table order. */
export const MAPPING_ROLES: Array<{ role: string; label: string; required?: boolean }> = [
  { role: "tt", label: "Số thứ tự (TT)" },
  { role: "name", label: "Tên chỉ tiêu", required: true },
  { role: "unit", label: "Đơn vị tính (ĐVT)" },
  { role: "kind", label: "Loại chỉ tiêu" },
  { role: "direction", label: "Chiều đánh giá" },
  { role: "target", label: "Chỉ tiêu Nghị quyết", required: true },
  { role: "baseline", label: "Đầu nhiệm kỳ" },
  { role: "actual", label: "Kết quả thực hiện" },
  { role: "status", label: "Đánh giá" },
  { role: "note", label: "Ghi chú" },
];

/** "F12", "'Chỉ tiêu'!F12" or a CellRef → {sheet, address} */
export function findingCell(f: { cell?: unknown }, sheet: string): { sheet: string; address: string } | null {
  const c = f.cell;
  if (!c) return null;
  if (typeof c === "object" && c !== null && "address" in c) {
    const o = c as { sheet?: string; address: string };
    return { sheet: o.sheet ?? sheet, address: o.address };
  }
  const s = String(c);
  const i = s.lastIndexOf("!");
  if (i < 0) return { sheet, address: s };
  return { sheet: s.slice(0, i).replace(/^'|'$/g, "").replace(/''/g, "'"), address: s.slice(i + 1) };
}
