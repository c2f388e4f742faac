/**
 * Areas of a Resolution's indicators, for the counts in "Kiểm tra": kinh tế, văn hóa - xã hội,
 * môi trường, xây dựng Đảng. An indicator's own name decides first (forest cover, waste and clean
 * water are environment even under "Văn hóa – xã hội"), then its groups from the innermost out.
 */
import { foldText } from "../core/text/fold";
import { foldedNameAt } from "../core/evaluation/prepared-row";
import type { IndicatorRow, IndicatorTable } from "../core/model";
import type { Status } from "../core/evaluation/evaluate";

export type Area = "economy" | "society" | "environment" | "party" | "other";

export const AREA_LABELS: Record<Area, string> = {
  economy: "Kinh tế",
  society: "Văn hóa - xã hội",
  environment: "Môi trường",
  party: "Xây dựng Đảng",
  other: "Khác",
};

const AREAS: Area[] = ["economy", "society", "environment", "party", "other"];

const ENVIRONMENT = /(moi truong|che phu rung|rung|rac thai|chat thai|nuoc sach|nuoc hop ve sinh|nuoc may|xu ly nuoc|o nhiem|thu gom)/;
const PARTY = /(xay dung dang|he thong chinh tri|to chuc co so dang|dang vien|ket nap|chi bo|dang bo|cong tac dang|mat tran|doan the|chinh quyen)/;
const SOCIETY = /(van hoa|xa hoi|giao duc|truong hoc|truong lop|truong cong lap|truong mam non|hoc sinh|y te|bac si|giuong benh|bao hiem|ho ngheo|dan so|lao dong|viec lam|nong thon moi|van minh)/;
const ECONOMY = /(kinh te|tang truong|gia tri san xuat|grdp|ngan sach|thu ngan sach|xuat khau|dau tu|thu nhap|co cau|cong nghiep|dich vu|nong nghiep|du lich)/;

/** The area a folded text names; null when none, or (unless allowMixed) when it names both economy and society. */
function classifyFolded(f: string, allowMixed: boolean): Area | null {
  if (ENVIRONMENT.test(f)) return "environment";
  if (PARTY.test(f)) return "party";
  const soc = SOCIETY.test(f);
  const eco = ECONOMY.test(f);
  if (soc && eco) return allowMixed ? "economy" : null; // "kinh tế - xã hội": ask an inner group first
  if (soc) return "society";
  if (eco) return "economy";
  return null;
}

/** What a group's name says, strictly and allowing "kinh tế - xã hội" (economy). */
type GroupAreas = readonly [strict: Area | null, mixed: Area | null];

function groupAreas(name: string): GroupAreas {
  const f = foldText(name);
  return [classifyFolded(f, false), classifyFolded(f, true)];
}

/** Group names repeat over their rows: each is classified once per count (a cache for one table). */
function groupAreasCache(): (name: string) => GroupAreas {
  const seen = new Map<string, GroupAreas>();
  return (name) => {
    let a = seen.get(name);
    if (a === undefined) {
      a = groupAreas(name);
      seen.set(name, a);
    }
    return a;
  };
}

/** A row's area; `folded`: its name folded, when the caller has it (countByArea: the reader's fold). */
export function areaOf(row: IndicatorRow, groupsOf: (name: string) => GroupAreas = groupAreas, folded = foldText(row.name)): Area {
  const own = classifyFolded(folded, false);
  if (own === "environment") return own;
  const path = row.groupPath;
  for (let i = path.length - 1; i >= 0; i--) {
    const a = groupsOf(path[i])[0];
    if (a) return a;
  }
  if (own) return own;
  for (let i = path.length - 1; i >= 0; i--) {
    const a = groupsOf(path[i])[1];
    if (a) return a;
  }
  return "other";
}

export interface AreaCount {
  area: Area;
  total: number;
  /** met or exceeded */
  achieved: number;
  byStatus: Partial<Record<Status, number>>;
}

/** Counts by area, for indicators with an evaluation; areas with no indicator are left out. */
export function countByArea(table: IndicatorTable): AreaCount[] {
  const m = new Map<Area, AreaCount>();
  const groupsOf = groupAreasCache();
  for (let i = 0; i < table.rows.length; i++) {
    const r = table.rows[i];
    if (r.type !== "indicator" || !r.evaluation) continue;
    // the name folded once per row, shared with the reader, the evaluation and the checks
    const area = areaOf(r, groupsOf, foldedNameAt(table, i));
    const c = m.get(area) ?? { area, total: 0, achieved: 0, byStatus: {} };
    c.total++;
    const s = r.evaluation.status;
    c.byStatus[s] = (c.byStatus[s] ?? 0) + 1;
    if (s === "met" || s === "exceeded") c.achieved++;
    m.set(area, c);
  }
  return AREAS.filter((a) => m.has(a)).map((a) => m.get(a)!);
}
