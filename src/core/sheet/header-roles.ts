/**
 * What a header cell names: the Vietnamese column titles of indicator tables, folded for matching
 * (accents, case and punctuation ignored). One place for the words; the reader decides by position.
 */
import { foldText } from "../text/fold";

const HEADER_PUNCTUATION = /[:*()[\]"“”'’,;]/g;
const HEADER_DOT = /\.(?!\d)/g;
const HEADER_SPACES = /\s+/g;

/** Header text folded for matching: no accents, lower case, punctuation to spaces. */
export function foldHeader(text: string): string {
  return foldText(text).replace(HEADER_PUNCTUATION, " ").replace(HEADER_DOT, " ").replace(HEADER_SPACES, " ").trim();
}

export interface HeaderMatch {
  role: string;
  year?: number;
  /** "Thực hiện năm 2015": a year that may be a baseline */
  maybeBaseline?: boolean;
  /** "Ước thực hiện năm 2023", "Ước TH 2023": an estimate, the result when no series surrounds it */
  estimate?: boolean;
}

const YEAR_RE =
  /^(?:(nam|uoc|uoc nam|uoc thuc hien|uoc thuc hien nam|uoc th|uoc th nam|uoc dat|thuc hien nam|thuc hien|th nam|th|ket qua nam|ket qua thuc hien nam|so lieu nam) )?((?:19|20)\d{2})(?: (uoc|uoc tinh|uoc th|uoc thuc hien|so bo))?$/;
const PLAN_YEAR_RE = /^(?:kh|ke hoach|chi tieu ke hoach|ct kh)(?: nam)? ((?:19|20)\d{2})$/;

/**
 * Header titles repeat from file to file (every unit of a consolidation uses the same template):
 * each distinct title is read once. The answers are shared: treat them as read-only.
 */
const ROLE_CACHE = new Map<string, HeaderMatch | null>();
const ROLE_CACHE_MAX = 2000;

/** What a header cell names, or null. */
export function headerRole(text: string): HeaderMatch | null {
  let m = ROLE_CACHE.get(text);
  if (m === undefined) {
    m = readHeaderRole(text);
    if (ROLE_CACHE.size >= ROLE_CACHE_MAX) ROLE_CACHE.clear();
    ROLE_CACHE.set(text, m);
  }
  return m;
}

function readHeaderRole(text: string): HeaderMatch | null {
  const h = foldHeader(text);
  if (h === "") return null;
  if (/^(s?tt|so tt|so thu tu)$/.test(h)) return { role: "tt" };
  const y = h.match(YEAR_RE);
  if (y) {
    const prefix = y[1] ?? "";
    const m: HeaderMatch = { role: "year", year: Number(y[2]) };
    if (/^(thuc hien|th|ket qua)/.test(prefix)) m.maybeBaseline = true;
    if (/^uoc/.test(prefix) || y[3] !== undefined) m.estimate = true;
    return m;
  }
  const plan = h.match(PLAN_YEAR_RE);
  if (plan) return { role: "target", year: Number(plan[1]) };
  if (/^(dau nhiem ky|dau ky|nam goc|ky goc|gia tri goc|muc goc|gia tri dau ky|thuc hien dau (nhiem )?ky|hien trang dau ky)/.test(h)) return { role: "baseline" };
  if (/^thuc hien (nam |giai doan )?(19|20)\d{2}( ?- ?(19|20)\d{2})?( \(?goc\)?)?$/.test(h)) return { role: "baseline" };
  // "So sánh (%)", "Ước TH so KH (%)", "So với KH (%)": a ratio to the plan, not a result or a verdict
  if (/^(so sanh|ty le|uoc th|uoc thuc hien|thuc hien|th)?.*\bso (voi )?(kh|ke hoach|cung ky|nam truoc)\b/.test(h) || (/^(so sanh|ty le so sanh)/.test(h) && h.includes("%"))) return { role: "ratio" };
  if (/^(so sanh|danh gia|muc do (hoan thanh|dat)|ket qua danh gia|tu danh gia|xep loai|tinh trang)/.test(h)) return { role: "status" };
  if (/^(ghi chu)/.test(h)) return { role: "note" };
  if (/^(dvt|don vi tinh|don vi|dv tinh|dv)$/.test(h)) return { role: "unit" };
  if (/^(loai|loai chi tieu|cach tinh|phuong phap tinh|kieu chi tieu)$/.test(h)) return { role: "kind" };
  // consolidation (docs/tong-hop.md): how units' figures add up, who leads, the weight of a rate
  if (/^(cach tong hop|phuong phap tong hop|quy tac tong hop)$/.test(h)) return { role: "rule" };
  if (/^(don vi chu tri|don vi phu trach|co quan chu tri|chu tri)$/.test(h)) return { role: "lead" };
  if (/^(trong so|quyen so|dan so)$/.test(h)) return { role: "weight" };
  if (/^(chieu|chieu danh gia|huong|xu huong|chieu tot|chieu tang giam)$/.test(h)) return { role: "direction" };
  if (/^(ket qua|thuc hien|uoc thuc hien|uoc th\b|uoc dat|uoc ket qua|luy ke|ket qua dat duoc)/.test(h)) return { role: "actual" };
  if (/(nghi quyet|(^| )nq( |$)|muc tieu|ke hoach|chi tieu dai hoi|chi tieu dh|^chi tieu (ky|nhiem ky|giai doan|de ra))/.test(h)) return { role: "target" };
  if (/^(chi tieu|noi dung chi tieu|noi dung|ten chi tieu|chi tieu chu yeu|cac chi tieu|cac chi tieu chu yeu|chi tieu nhiem vu|ten chi tieu nhiem vu|chi tieu kinh te xa hoi)$/.test(h)) return { role: "name" };
  // "Chỉ tiêu kinh tế - xã hội chủ yếu", "Danh mục chỉ tiêu", "Chỉ tiêu, nhiệm vụ": short, no figures
  if (/^(cac |ten |noi dung |danh muc )?(cac )?chi tieu\b/.test(h) && !/\d/.test(h) && h.split(" ").length <= 9) return { role: "name" };
  return null;
}

const ROLE_NAMES: Record<string, string> = {
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
  ratio: "So sánh (%)",
  rule: "Cách tổng hợp",
  lead: "Đơn vị chủ trì",
  weight: "Trọng số",
};

/** A role's usual column title, for messages and the mapping dropdowns. */
export function describeRole(role: string): string {
  if (role.startsWith("year:")) return `Năm ${role.slice(5)}`;
  return ROLE_NAMES[role] ?? role;
}
