/**
 * Report information ("Thông tin" sheet): label/value rows. The fields, their Vietnamese labels and
 * how values are read and written, shared by the template, the task pane and the readers.
 */
import { foldText } from "../text/fold";
import { pad2 } from "../text/numbers";
import { cellText } from "./cell";
import type { Grid } from "./grid";
import type { ReportInfo } from "../model";

export type InfoKey =
  | "committee"
  | "issuer"
  | "issuerShort"
  | "congress"
  | "term"
  | "reportType"
  | "evaluationYear"
  | "reportNumber"
  | "reportDate"
  | "place"
  | "unit"
  | "layout"
  | "appendixTitle"
  | "kemTheo";

/** Fields whose value is kept exactly as typed, spaces included (they are printed as they are). */
const TYPED_FIELDS: ReadonlySet<InfoKey> = new Set<InfoKey>(["appendixTitle", "kemTheo"]);

export interface InfoField {
  key: InfoKey;
  /** label as written in column A of "Thông tin" */
  label: string;
  /** other labels accepted when reading */
  aliases: string[];
  /** example / hint shown next to the value */
  hint: string;
  /** allowed values (data-validation list) */
  choices?: string[];
}

export const REPORT_TYPE_LABELS: Record<NonNullable<ReportInfo["reportType"]>, string> = {
  "so-ket": "Sơ kết giữa nhiệm kỳ",
  "chinh-tri": "Báo cáo chính trị",
};

export const INFO_FIELDS: InfoField[] = [
  { key: "committee", label: "Cấp ủy/Đảng bộ", aliases: ["Đảng bộ", "Cấp ủy", "Cấp ủy, đảng bộ", "Tên đảng bộ"], hint: "Đảng bộ thành phố Bảo Lộc" },
  { key: "issuer", label: "Cơ quan ban hành", aliases: ["Cấp ủy ban hành", "Cơ quan ban hành báo cáo"], hint: "Thành ủy Bảo Lộc" },
  { key: "issuerShort", label: "Tên viết gọn của cơ quan ban hành", aliases: ["Tên gọn", "Tên viết gọn", "Cơ quan ban hành (viết gọn)"], hint: "Thành ủy" },
  { key: "congress", label: "Đại hội lần thứ", aliases: ["Đại hội", "Lần thứ", "Đại hội Đảng bộ lần thứ"], hint: "VI" },
  { key: "term", label: "Nhiệm kỳ", aliases: ["Nhiệm kỳ đại hội"], hint: "2020-2025" },
  {
    key: "reportType",
    label: "Loại báo cáo",
    aliases: ["Loại văn bản", "Báo cáo"],
    hint: "Sơ kết giữa nhiệm kỳ / Báo cáo chính trị",
    choices: Object.values(REPORT_TYPE_LABELS),
  },
  { key: "evaluationYear", label: "Năm đánh giá", aliases: ["Năm", "Đánh giá đến năm", "Năm báo cáo"], hint: "2023" },
  { key: "reportNumber", label: "Số báo cáo", aliases: ["Số", "Số hiệu", "Số văn bản", "Số ký hiệu"], hint: "203-BC/ThU" },
  { key: "reportDate", label: "Ngày báo cáo", aliases: ["Ngày", "Ngày ban hành", "Ngày văn bản"], hint: "25/5/2023" },
  { key: "place", label: "Nơi ban hành", aliases: ["Địa danh", "Nơi ban hành văn bản"], hint: "Bảo Lộc" },
  { key: "unit", label: "Đơn vị", aliases: ["Tên đơn vị", "Đơn vị báo cáo", "Đơn vị gửi"], hint: "Xã Lộc Châu (tên dùng khi tổng hợp nhiều đơn vị)" },
  // the appendix: each replaces what is otherwise taken from the sheet or the chosen layout
  { key: "layout", label: "Thể thức", aliases: ["Thể thức văn bản", "Thể thức phụ lục"], hint: "Đảng 2018 / Đảng 2026 / Nhà nước (để trống: Đảng 2018)" },
  { key: "appendixTitle", label: "Tiêu đề phụ lục", aliases: ["Tên phụ lục"], hint: "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU … (để trống: lấy theo bảng)" },
  { key: "kemTheo", label: "Kèm theo", aliases: ["Dòng kèm theo"], hint: "(Kèm theo Báo cáo số 203-BC/ThU ngày 25/5/2023 của Thành ủy Bảo Lộc)" },
];

const FOLDED_LABELS: Array<[string, InfoField]> = INFO_FIELDS.flatMap((f) => [f.label, ...f.aliases].map((l): [string, InfoField] => [foldLabel(l), f]));

function foldLabel(s: string): string {
  return foldText(s).replace(/[:*]+/g, "").replace(/\s+/g, " ").trim();
}

/** "2020-2025", "2020 – 2025", "nhiệm kỳ 2020-2025" → [2020, 2025] */
export function parseTerm(v: unknown): [number, number] | null {
  const m = cellText(v).match(/((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})/);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return b > a ? [a, b] : null;
}

/** "25/5/2023", "25-05-2023", "ngày 25 tháng 5 năm 2023", a Date, ISO → "2023-05-25" */
export function parseDateText(v: unknown): string | undefined {
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}`;
  if (typeof v === "number" && v > 20000 && v < 80000) {
    // Excel serial date
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86400000);
    return parseDateText(d);
  }
  const t = foldText(cellText(v));
  let m = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})/);
  if (m) return `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}`;
  m = t.match(/(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/);
  if (!m) m = t.match(/(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})/);
  if (!m) return undefined;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  if (d < 1 || d > 31 || mo < 1 || mo > 12) return undefined;
  return `${m[3]}-${pad2(mo)}-${pad2(d)}`;
}

/** "2023-05-25" → "25/5/2023" (short date as the "kèm theo" line writes it) */
export function formatShortDate(iso: string | undefined): string {
  if (!iso) return "";
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return iso;
  return `${Number(m[3])}/${Number(m[2])}/${m[1]}`;
}

export function parseReportType(v: unknown): ReportInfo["reportType"] | undefined {
  const t = foldText(cellText(v));
  if (!t) return undefined;
  if (/(so ket|giua nhiem ky|giua ky|so-ket)/.test(t)) return "so-ket";
  if (/(chinh tri|tong ket|chinh-tri|cuoi nhiem ky)/.test(t)) return "chinh-tri";
  return undefined;
}

/** Set one field from a cell value; returns false when the value can't be read. */
export function setInfoField(info: ReportInfo, key: InfoKey, v: unknown): boolean {
  const text = cellText(v).trim();
  if (text === "") return true;
  if (TYPED_FIELDS.has(key)) {
    info[key as "appendixTitle" | "kemTheo"] = cellText(v);
    return true;
  }
  switch (key) {
    case "term": {
      const t = parseTerm(v);
      if (!t) return false;
      [info.termStart, info.termEnd] = t;
      return true;
    }
    case "reportType": {
      const r = parseReportType(v);
      if (!r) return false;
      info.reportType = r;
      return true;
    }
    case "evaluationYear": {
      const m = text.match(/(?:19|20)\d{2}/);
      if (!m) return false;
      info.evaluationYear = Number(m[0]);
      return true;
    }
    case "reportDate": {
      const d = parseDateText(v);
      if (!d) return false;
      info.reportDate = d;
      return true;
    }
    case "congress":
      info.congress = text.replace(/^(lan thu|lần thứ)\s*/i, "");
      return true;
    default:
      info[key] = text;
      return true;
  }
}

/** Read the "Thông tin" sheet: the first non-empty cell of a row is the label, the next one the value. */
export function readReportInfo(grid: Grid): ReportInfo {
  const info: ReportInfo = {};
  for (const row of grid.values) {
    if (!row) continue;
    let label: string | undefined;
    let value: unknown;
    let labelAt = -1;
    let valueAt = -1;
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (cellText(v) === "") continue;
      if (label === undefined) {
        label = cellText(v).trim();
        labelAt = i;
      } else {
        value = v;
        valueAt = i;
        break;
      }
    }
    if (label === undefined || value === undefined) continue;
    const f = foldLabel(label);
    const hit = FOLDED_LABELS.find(([l]) => l === f);
    // an empty value cell followed by the template's example ("Ví dụ" column) is no value
    if (hit && !(valueAt > labelAt + 1 && cellText(value) === hit[1].hint)) setInfoField(info, hit[1].key, value);
  }
  return info;
}

/** The value of a field as written in the "Thông tin" sheet. */
export function infoValueText(info: ReportInfo, key: InfoKey): string {
  switch (key) {
    case "term":
      return info.termStart && info.termEnd ? `${info.termStart}-${info.termEnd}` : "";
    case "reportType":
      return info.reportType ? REPORT_TYPE_LABELS[info.reportType] : "";
    case "evaluationYear":
      return info.evaluationYear ? String(info.evaluationYear) : "";
    case "reportDate":
      return formatShortDate(info.reportDate);
    default:
      return info[key] ?? "";
  }
}

/** Rows of the "Thông tin" sheet: [label, value, hint]. */
export function infoRows(info: ReportInfo = {}): string[][] {
  return INFO_FIELDS.map((f) => [f.label, infoValueText(info, f.key), f.hint]);
}

/** The years of the term that get a column: 2020-2025 → 2021…2025 (the congress year is the base). */
export function termYears(info: ReportInfo = {}): number[] {
  const start = info.termStart ?? 2020;
  const end = info.termEnd ?? start + 5;
  const out: number[] = [];
  for (let y = start + 1; y <= end; y++) out.push(y);
  return out;
}
