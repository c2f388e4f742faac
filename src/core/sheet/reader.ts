/**
 * Read an indicator table from a plain grid, whatever shape the office keeps it in:
 * - the header row is found in the first 30 rows by Vietnamese header names (accents and case
 *   ignored), with a second header row for years under a merged "Kết quả thực hiện";
 * - header rows repeated at page breaks and column-number rows ("(1) (2) (3)") are skipped;
 * - merged cells: the value sits in the top-left cell; vertical merges in value columns are
 *   spread over the rows they cover;
 * - a row with no target, no result, no yearly value and no status is a group;
 * - the hierarchy comes from the TT column ("A", "I", "1", "1.1", "-", "+") and leading "-"/"+"
 *   marks in the name.
 * The recognised column mapping is reported so the user can confirm or override it.
 */
import { parseStatusLabel } from "../evaluation/evaluate";
import { foldText, formatViNumber, normalizeText, pad2 } from "../text/numbers";
import { gridMerges, sheetColumn, sheetRow, columnIndex, parseAddress, type Grid } from "./grid";
import { fillComputedActual, inferKind, nearestParents, parseKind } from "../evaluation/evaluate-table";
export { nearestParents };
import type { GroupRow, IndicatorRow, IndicatorTable, TableRow } from "../model";

export interface RecognisedColumn {
  role: string;
  column: string;
  header: string;
}

export type ReadResult =
  | { ok: true; table: IndicatorTable; recognised: RecognisedColumn[] }
  | { ok: false; error: { code: string; message: string } };

export interface ReadOptions {
  /** role → column letter, overriding what was recognised ("target": "D", "year:2021": "H") */
  /** role → column letter, overriding the headers; "" means the table has no such column */
  mapping?: Record<string, string>;
  /** the term years, to tell a baseline column ("Thực hiện năm 2015") from a year column */
  years?: number[];
}

/** A cell value as text, the way it shows: numbers the Vietnamese way, dates dd/mm/yyyy. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return normalizeText(v);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return "";
    if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
    const s = String(v);
    // plain decimals ("0.37") need only the comma; long binary fractions are rounded first
    if (/^-?\d+\.\d{1,10}$/.test(s)) return s.replace(".", ",");
    return formatViNumber(v, { decimals: 10, grouping: false });
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return `${pad2(v.getUTCDate())}/${pad2(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return normalizeText((o.richText as Array<{ text?: string }>).map((p) => p.text ?? "").join(""));
    if ("result" in o) return cellText(o.result);
    if ("text" in o) return cellText(o.text);
    if ("error" in o) return String(o.error);
  }
  return normalizeText(String(v));
}

function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === "") return true;
  if (typeof v === "number" || v instanceof Date || typeof v === "boolean") return false;
  if (typeof v === "string") return v.trim() === "" && cellText(v) === "";
  return cellText(v) === "";
}

/** Header text folded for matching: no accents, lower case, punctuation to spaces. */
function foldHeader(text: string): string {
  return foldText(text)
    .replace(/[:*()[\]"“”'’,;]/g, " ")
    .replace(/\.(?!\d)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

interface HeaderMatch {
  role: string;
  year?: number;
  /** "Thực hiện năm 2015": a year that may be a baseline */
  maybeBaseline?: boolean;
}

const YEAR_RE = /^(?:(nam|uoc|uoc nam|uoc thuc hien|uoc thuc hien nam|uoc th|uoc th nam|thuc hien nam|thuc hien|th nam|th|ket qua nam|ket qua thuc hien nam|so lieu nam) )?((?:19|20)\d{2})(?: (?:uoc|uoc tinh|uoc th|uoc thuc hien|so bo))?$/;

/** What a header cell names, or null. */
export function headerRole(text: string): HeaderMatch | null {
  const h = foldHeader(text);
  if (h === "") return null;
  if (/^(s?tt|so tt|so thu tu)$/.test(h)) return { role: "tt" };
  const y = h.match(YEAR_RE);
  if (y) {
    const year = Number(y[2]);
    const prefix = y[1] ?? "";
    return { role: "year", year, maybeBaseline: /^(thuc hien|th|ket qua)/.test(prefix) };
  }
  if (/^(dau nhiem ky|dau ky|nam goc|ky goc|gia tri goc|muc goc|gia tri dau ky|thuc hien dau (nhiem )?ky|hien trang dau ky)/.test(h)) return { role: "baseline" };
  if (/^thuc hien (nam |giai doan )?(19|20)\d{2}( ?- ?(19|20)\d{2})?( \(?goc\)?)?$/.test(h)) return { role: "baseline" };
  if (/^(so sanh|danh gia|muc do (hoan thanh|dat)|ket qua danh gia|tu danh gia|xep loai|tinh trang)/.test(h)) return { role: "status" };
  if (/^(ghi chu)/.test(h)) return { role: "note" };
  if (/^(dvt|don vi tinh|don vi|dv tinh|dv)$/.test(h)) return { role: "unit" };
  if (/^(loai|loai chi tieu|cach tinh|phuong phap tinh|kieu chi tieu)$/.test(h)) return { role: "kind" };
  // consolidation (docs/tong-hop.md): how units' figures add up, who leads, the weight of a rate
  if (/^(cach tong hop|phuong phap tong hop|quy tac tong hop)$/.test(h)) return { role: "rule" };
  if (/^(don vi chu tri|don vi phu trach|co quan chu tri|chu tri)$/.test(h)) return { role: "lead" };
  if (/^(trong so|quyen so|dan so)$/.test(h)) return { role: "weight" };
  if (/^(chieu|chieu danh gia|huong|xu huong|chieu tot|chieu tang giam)$/.test(h)) return { role: "direction" };
  if (/^(ket qua|thuc hien|uoc thuc hien|uoc th\b|uoc dat|uoc ket qua|luy ke thuc hien|ket qua dat duoc)/.test(h)) return { role: "actual" };
  if (/(nghi quyet|(^| )nq( |$)|muc tieu|ke hoach|chi tieu dai hoi|chi tieu dh|^chi tieu (ky|nhiem ky|giai doan|de ra))/.test(h)) return { role: "target" };
  if (/^(chi tieu|noi dung chi tieu|noi dung|ten chi tieu|chi tieu chu yeu|cac chi tieu|cac chi tieu chu yeu|chi tieu nhiem vu|ten chi tieu nhiem vu|chi tieu kinh te xa hoi)$/.test(h)) return { role: "name" };
  return null;
}

/** Values with horizontal merges spread (for header rows). */
function headerTexts(grid: Grid, r: number, merges: ReturnType<typeof gridMerges>): string[] {
  const row = grid.values[r] ?? [];
  const width = Math.max(row.length, ...merges.filter((m) => m.top <= r && m.bottom >= r).map((m) => m.right + 1));
  const out: string[] = [];
  for (let c = 0; c < width; c++) out.push(cellText(row[c]));
  for (const m of merges) {
    if (m.top > r || m.bottom < r) continue;
    const master = cellText(grid.values[m.top]?.[m.left]);
    for (let c = m.left; c <= m.right; c++) out[c] = out[c] || master;
  }
  return out;
}

interface Mapping {
  /** role → 0-based column; years as "year:2021" */
  cols: Map<string, number>;
  headers: Map<string, string>;
}

function matchRow(texts: string[]): Array<HeaderMatch | null> {
  return texts.map((t) => (t ? headerRole(t) : null));
}

function scoreRow(matches: Array<HeaderMatch | null>): number {
  const roles = new Set(matches.filter(Boolean).map((m) => m!.role));
  if (!roles.has("name")) return 0;
  if (!roles.has("target") && !roles.has("actual") && !roles.has("year")) return 0;
  return roles.size;
}

const SCAN_ROWS = 30;
const MAIN_ROLES = new Set(["tt", "name", "unit", "target", "actual", "status", "note"]);

function describeRole(role: string): string {
  const names: Record<string, string> = {
    tt: "TT",
    name: "Chỉ tiêu",
    unit: "ĐVT",
    kind: "Loại",
    direction: "Chiều",
    target: "Chỉ tiêu Nghị quyết",
    baseline: "Đầu kỳ",
    actual: "Kết quả thực hiện",
    status: "Đánh giá",
    note: "Ghi chú",
    rule: "Cách tổng hợp",
    lead: "Đơn vị chủ trì",
    weight: "Trọng số",
  };
  if (role.startsWith("year:")) return `Năm ${role.slice(5)}`;
  return names[role] ?? role;
}
export { describeRole };

/** Find the header row(s) and build the column mapping. */
function findHeader(grid: Grid, opts: ReadOptions): { headerRow: number; dataStart: number; mapping: Mapping; headerTexts: string[] } | null {
  const merges = gridMerges(grid);
  let best = -1;
  let bestScore = 0;
  const limit = Math.min(SCAN_ROWS, grid.values.length);
  for (let r = 0; r < limit; r++) {
    const s = scoreRow(matchRow(headerTexts(grid, r, merges)));
    if (s > bestScore) {
      bestScore = s;
      best = r;
    }
  }
  if (best < 0) return null;
  const top = headerTexts(grid, best, merges);
  const topM = matchRow(top);
  let combined = top.slice();
  let matches = topM.slice();
  let dataStart = best + 1;
  // A second header row: years (or roles) under a merged heading.
  if (best + 1 < grid.values.length) {
    const sub = headerTexts(grid, best + 1, merges);
    const subM = matchRow(sub);
    const subRecognised = subM.filter(Boolean).length;
    const subNonEmpty = sub.filter((t) => t !== "").length;
    const verticalHeader = merges.some((m) => m.top === best && m.bottom >= best + 1);
    if (subRecognised > 0 && (subRecognised >= subNonEmpty - 1 || verticalHeader)) {
      const width = Math.max(top.length, sub.length);
      combined = [];
      matches = [];
      for (let c = 0; c < width; c++) {
        const useSub = subM[c] && (!topM[c] || subM[c]!.role === "year" || sub[c] !== top[c]);
        combined.push(useSub ? sub[c] : top[c] ?? "");
        matches.push(useSub ? subM[c] : topM[c] ?? null);
      }
      dataStart = best + 2;
    }
  }
  const cols = new Map<string, number>();
  const headers = new Map<string, string>();
  const targetCol = matches.findIndex((m) => m?.role === "target");
  const minYear = opts.years && opts.years.length ? Math.min(...opts.years) : undefined;
  matches.forEach((m, c) => {
    if (!m) return;
    let role = m.role;
    if (role === "year") {
      const before = targetCol >= 0 && c < targetCol;
      if ((m.maybeBaseline && before) || (minYear !== undefined && m.year! < minYear) || (before && !cols.has("baseline") && !matches.some((x, i) => i !== c && x?.role === "year" && i < targetCol))) {
        role = "baseline";
      } else role = `year:${m.year}`;
    }
    if (cols.has(role)) return; // first one wins
    cols.set(role, c);
    headers.set(role, combined[c]);
  });
  return { headerRow: best, dataStart, mapping: { cols, headers }, headerTexts: combined };
}

const ROMAN = /^(X{0,3})(IX|IV|V?I{0,3})$/;

/** Rank of a TT for the hierarchy: smaller is outer. */
function ttRank(tt: string, marker: string | undefined): number | null {
  if (marker === "-") return 10;
  if (marker === "+") return 11;
  if (tt === "") return null;
  if (/^[A-H]$/.test(tt)) return 0;
  if (ROMAN.test(tt)) return 1;
  if (/^\d+$/.test(tt)) return 2;
  if (/^\d+(\.\d+)+$/.test(tt)) return 2 + (tt.match(/\./g) || []).length;
  if (/^[a-zđ]$/.test(tt)) return 9;
  if (/^[*•]$/.test(tt)) return 12;
  return 8;
}

function cleanTt(text: string): string {
  return text.replace(/[.)\s]+$/, "").replace(/^\(/, "").trim();
}

/** Read an indicator table. Never throws. */
export function readIndicatorTable(grid: Grid, opts: ReadOptions = {}): ReadResult {
  try {
    return readTable(grid, opts);
  } catch (e) {
    return { ok: false, error: { code: "bad_grid", message: `Không đọc được trang "${grid?.sheet}": ${e instanceof Error ? e.message : String(e)}` } };
  }
}

function readTable(grid: Grid, opts: ReadOptions): ReadResult {
  if (!grid.values || grid.values.length === 0) return { ok: false, error: { code: "empty", message: `Trang "${grid.sheet}" không có dữ liệu.` } };
  const h = findHeader(grid, opts);
  if (!h) {
    return {
      ok: false,
      error: {
        code: "no_table",
        message: `Không tìm thấy bảng chỉ tiêu trên trang "${grid.sheet}": trong ${SCAN_ROWS} dòng đầu không có dòng tiêu đề gồm cột "Chỉ tiêu" và cột "Chỉ tiêu Nghị quyết"/"Kết quả thực hiện".`,
      },
    };
  }
  const origin = grid.origin ?? "A1";
  const originCol = parseAddress(origin).col;
  const { cols, headers } = h.mapping;
  // Overrides from the user.
  for (const [role, letter] of Object.entries(opts.mapping ?? {})) {
    if (letter === "") {
      // "" means the table has no such column: drop what the headers suggested.
      cols.delete(role);
      headers.delete(role);
      continue;
    }
    let c: number;
    try {
      c = columnIndex(letter) - originCol;
    } catch {
      return { ok: false, error: { code: "bad_mapping", message: `Cột "${letter}" cho "${describeRole(role)}" không hợp lệ.` } };
    }
    if (c < 0) return { ok: false, error: { code: "bad_mapping", message: `Cột "${letter}" nằm ngoài vùng dữ liệu.` } };
    for (const [r, cc] of cols) if (cc === c && r !== role) cols.delete(r);
    cols.set(role, c);
    headers.set(role, h.headerTexts[c] ?? "");
  }
  if (!cols.has("name")) return { ok: false, error: { code: "no_name_column", message: `Không xác định được cột tên chỉ tiêu trên trang "${grid.sheet}".` } };

  const merges = gridMerges(grid);
  const nameCol = cols.get("name")!;
  const ttCol = cols.get("tt");
  // Vertical merges in value columns cover several rows: spread their value.
  const fill = new Map<string, unknown>();
  for (const m of merges) {
    if (m.bottom <= m.top || m.bottom < h.dataStart) continue;
    const master = grid.values[m.top]?.[m.left];
    for (let r = Math.max(m.top + 1, h.dataStart); r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (c !== nameCol && c !== ttCol) fill.set(`${r},${c}`, master);
    }
  }
  // short texts (units, statuses, kinds, targets) repeat down the sheet: normalise each once
  const textCache = new Map<string, string>();
  const text = (v: unknown): string => {
    if (typeof v !== "string" || v.length > 32) return cellText(v);
    let t = textCache.get(v);
    if (t === undefined) {
      t = cellText(v);
      textCache.set(v, t);
    }
    return t;
  };
  const at = (r: number, c: number | undefined): unknown => {
    if (c === undefined) return undefined;
    const v = grid.values[r]?.[c];
    if ((v === null || v === undefined || v === "") && fill.size) {
      const f = fill.get(`${r},${c}`);
      if (f !== undefined) return f;
    }
    return v;
  };

  // Status held in "Ghi chú": when there is no status column and most notes are statuses.
  if (!cols.has("status") && cols.has("note")) {
    const nc = cols.get("note")!;
    let n = 0;
    let s = 0;
    for (let r = h.dataStart; r < grid.values.length; r++) {
      const t = cellText(grid.values[r]?.[nc]);
      if (!t) continue;
      n++;
      if (parseStatusLabel(t)) s++;
    }
    if (n > 0 && s * 2 >= n) {
      cols.set("status", nc);
      headers.set("status", headers.get("note")!);
      cols.delete("note");
      headers.delete("note");
    }
  }

  const yearCols = [...cols.entries()].filter(([r]) => r.startsWith("year:")).map(([r, c]) => [Number(r.slice(5)), c] as [number, number]);
  yearCols.sort((a, b) => a[0] - b[0]);
  const headerFolded = h.headerTexts.map((t) => foldHeader(t));
  const nameHeader = headerFolded[nameCol];
  const nameHeaderLen = (h.headerTexts[nameCol] ?? "").length;
  const width = Math.max(h.headerTexts.length, ...[...cols.values()].map((c) => c + 1));
  const letters: string[] = [];
  for (let c = 0; c < width; c++) letters.push(sheetColumn(c, origin));
  const colEntries = [...cols.entries()];
  const originRow = parseAddress(origin).row;

  const rows: TableRow[] = [];
  const stack: Array<{ rank: number; row: TableRow }> = [];
  // kinds and statuses repeat down the sheet: read each text once
  const kindCache = new Map<string, ReturnType<typeof parseKind>>();
  const kindOf = (text: string, name: string, unit: string) => {
    if (text === "") return inferKind(name, unit);
    let k = kindCache.get(text);
    if (k === undefined) {
      k = parseKind(text);
      kindCache.set(text, k);
    }
    return k ?? inferKind(name, unit);
  };
  const statusCache = new Map<string, ReturnType<typeof parseStatusLabel>>();
  const statusOf = (text: string) => {
    let st = statusCache.get(text);
    if (st === undefined) {
      st = parseStatusLabel(text);
      statusCache.set(text, st);
    }
    return st;
  };
  let groupPathCache: string[] = [];
  let groupVersion = 0;
  let groupPathVersion = 0;
  let lastTtRank = 1;
  let empties = 0;
  const valueRoles = ["target", "actual", "status", "baseline"];
  for (let r = h.dataStart; r < grid.values.length; r++) {
    const raw = grid.values[r] ?? [];
    let allEmpty = true;
    for (let c = 0; c < raw.length; c++) if (!isEmpty(at(r, c))) { allEmpty = false; break; }
    if (allEmpty) {
      empties++;
      if (empties >= 5 && rows.length > 0) break;
      continue;
    }
    empties = 0;
    const nameRaw = raw[nameCol];
    // A header row pasted again at a page break (it repeats the name header, and another one).
    if (typeof nameRaw === "string" && nameRaw.length < nameHeaderLen + 12 && foldHeader(nameRaw) === nameHeader) {
      let same = 0;
      for (let c = 0; c < headerFolded.length; c++) if (headerFolded[c] && foldHeader(cellText(raw[c])) === headerFolded[c]) same++;
      if (same >= 2) continue;
    }
    // A column-number row: (1) (2) (3) ... or 1 2 3 ...
    if ((typeof nameRaw === "number" && nameRaw < 100) || (typeof nameRaw === "string" && nameRaw.length <= 5 && /^\s*\(?(\d{1,2}|[A-Z])\)?\s*$/.test(nameRaw))) {
      const texts = raw.map((v) => cellText(v)).filter((t) => t !== "");
      if (texts.length >= 3 && texts.every((t) => /^\(?(\d{1,2}|[A-Z])\)?(\s*=\s*.*)?$/.test(t))) continue;
    }

    const ttRaw = at(r, ttCol);
    // "1.1" typed into Excel becomes the number 1.1: keep the dot
    let tt = cleanTt(typeof ttRaw === "number" ? String(ttRaw) : cellText(ttRaw));
    let name = cellText(raw[nameCol]);
    // "I. Các chỉ tiêu về kinh tế" written in the TT cell (merged across), or "1. ..." in the name cell.
    if (name === "" && tt !== "") {
      const m = cellText(at(r, ttCol)).match(/^((?:[IVX]+|[A-H]|\d+(?:\.\d+)*))\s*[.)/-]?\s+(.+)$/);
      if (m && m[2].length > 1) {
        tt = m[1];
        name = m[2];
      } else if (ttRank(tt, undefined) === null || ttRank(tt, undefined) === 8) {
        name = tt;
        tt = "";
      }
    } else if (tt === "" && name !== "") {
      const m = name.match(/^((?:[IVX]+|[A-H]|\d+(?:\.\d+)*))[.)]\s+(\S.*)$/);
      if (m) {
        tt = m[1];
        name = m[2];
      }
    }
    let marker: "-" | "+" | undefined;
    const mk = name.match(/^([-+•*])\s*/);
    if (mk && !/^[-+]\s*\d/.test(name)) {
      marker = mk[1] === "+" ? "+" : "-";
      name = name.slice(mk[0].length).trim();
    }
    if (tt === "-" || tt === "+") {
      marker = marker ?? (tt as "-" | "+");
      tt = "";
    }
    // A numbered row whose name starts with a dash ("2.6 | - Tỷ lệ ...") is not a sub-row.
    if (tt !== "") marker = undefined;
    const years: Record<number, unknown> = {};
    let anyYear = false;
    for (const [y, c] of yearCols) {
      const v = at(r, c);
      if (!isEmpty(v)) {
        years[y] = typeof v === "string" ? normalizeText(v) : v;
        anyYear = true;
      }
    }
    const hasValue = valueRoles.some((role) => cols.has(role) && !isEmpty(at(r, cols.get(role)))) || anyYear;
    const rowNo = originRow + r;
    // addresses of the cells this row uses (always the main roles, the others when filled)
    const cells: Record<string, string> = {};
    for (const [role, c] of colEntries) {
      if (MAIN_ROLES.has(role) || !isEmpty(at(r, c))) cells[role] = letters[c] + rowNo;
    }

    let rank = ttRank(tt, marker);
    if (rank === null) rank = lastTtRank + 0.5;
    else if (!marker) lastTtRank = rank;
    while (stack.length && stack[stack.length - 1].rank >= rank) if (stack.pop()!.row.type === "group") groupVersion++;
    const depth = stack.length;
    // rows under the same groups share one array
    if (groupPathVersion !== groupVersion) {
      groupPathCache = stack.filter((s) => s.row.type === "group").map((s) => s.row.name);
      groupPathVersion = groupVersion;
    }
    const groupPath = groupPathCache;

    let row: TableRow;
    if (!hasValue) {
      const g: GroupRow = { type: "group", row: rowNo, tt, name, level: depth };
      row = g;
    } else {
      const unit = text(at(r, cols.get("unit")));
      const targetRaw = at(r, cols.get("target"));
      const actualRaw = at(r, cols.get("actual"));
      const reportedText = text(at(r, cols.get("status"))) || undefined;
      const note = text(at(r, cols.get("note"))) || undefined;
      const kindText = text(at(r, cols.get("kind")));
      const baselineRaw = at(r, cols.get("baseline"));
      const ind: IndicatorRow = {
        type: "indicator",
        row: rowNo,
        tt,
        name,
        unit,
        level: depth,
        kind: kindOf(kindText, name, unit),
        targetText: cellText(targetRaw),
        years,
        actual: isEmpty(actualRaw) ? undefined : typeof actualRaw === "string" ? normalizeText(actualRaw) : actualRaw,
        actualSource: isEmpty(actualRaw) ? "missing" : "given",
        groupPath,
        cells,
      };
      if (marker) ind.marker = marker;
      const dirText = text(at(r, cols.get("direction")));
      if (dirText) ind.directionSetting = dirText;
      if (!isEmpty(baselineRaw)) ind.baseline = typeof baselineRaw === "string" ? normalizeText(baselineRaw) : baselineRaw;
      if (reportedText) {
        ind.reportedText = reportedText;
        ind.reported = statusOf(reportedText);
      }
      if (note) ind.note = note;
      row = ind;
    }
    rows.push(row);
    stack.push({ rank, row });
    if (row.type === "group") groupVersion++;
  }

  // Results computed from the years where none is given.
  const parents = nearestParents(rows);
  for (const r of rows) if (r.type === "indicator" && r.actualSource !== "given") fillComputedActual(r, parents.get(r));

  const mapping: Record<string, string> = {};
  const recognised: RecognisedColumn[] = [];
  const order = [...cols.entries()].sort((a, b) => a[1] - b[1]);
  for (const [role, c] of order) {
    const letter = sheetColumn(c, origin);
    mapping[role] = letter;
    recognised.push({ role, column: letter, header: headers.get(role) ?? "" });
  }
  const table: IndicatorTable = {
    sheet: grid.sheet,
    mapping,
    headerRow: sheetRow(h.headerRow, origin),
    rows,
    years: yearCols.map(([y]) => y),
  };
  return { ok: true, table, recognised };
}
