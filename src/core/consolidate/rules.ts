/**
 * Consolidation rules, words and messages as data, in one place (docs/tong-hop.md): how the figures
 * of several units add up into one, how a rule is read from the "Cách tổng hợp" column or inferred
 * from the unit of measure, why a unit's figure is missing, and the sheet titles of the output.
 * Everything here is folded text (foldText: no accents, lower case) when it is matched.
 */

/** How one indicator's figures of several units become one figure. */
export type RuleId = "sum" | "weighted_mean" | "mean" | "min" | "max" | "count_met" | "growth" | "none" | "needs_rule";

export interface RuleInfo {
  /** written in the "Cách tổng hợp" column and shown to the user */
  label: string;
  /** folded words that name the rule in the column; the first rule whose word starts the text wins */
  words: string[];
  /** one sentence: what the rule does */
  explain: string;
}

/** In matching order: "bình quân gia quyền" before "bình quân", "không tổng hợp" before "tổng". */
export const RULES: Record<RuleId, RuleInfo> = {
  none: { label: "Không tổng hợp", words: ["khong tong hop", "khong cong", "khong", "none"], explain: "Không tính giá trị chung; chỉ liệt kê số liệu từng đơn vị." },
  needs_rule: { label: "Cần chọn cách tổng hợp", words: ["can chon", "needs_rule"], explain: "Chưa biết cách tổng hợp: cần ghi cột “Cách tổng hợp” (không tự lấy trung bình các tỷ lệ)." },
  weighted_mean: {
    label: "Bình quân gia quyền",
    words: ["binh quan gia quyen", "trung binh gia quyen", "gia quyen", "weighted_mean", "weighted"],
    explain: "Bình quân có trọng số: Σ(giá trị × trọng số) / Σ trọng số, trọng số là chỉ tiêu gốc hoặc cột “Trọng số”/“Dân số”.",
  },
  growth: {
    label: "Tính lại từ tổng mức các năm",
    words: ["tinh lai tu tong muc", "tu tong muc", "tang truong", "toc do tang", "growth"],
    explain: "Cộng giá trị đầu kỳ và từng năm của các đơn vị, rồi tính tốc độ tăng bình quân trên tổng (không cộng, không lấy trung bình các tốc độ).",
  },
  count_met: {
    label: "Đếm số đơn vị đạt",
    words: ["dem so don vi dat", "so don vi dat", "dem don vi dat", "dem", "count_met"],
    explain: "Số đơn vị đạt chỉ tiêu của mình trên số đơn vị có số liệu.",
  },
  mean: { label: "Bình quân", words: ["binh quan", "trung binh cong", "trung binh", "mean"], explain: "Trung bình cộng giá trị các đơn vị (mỗi đơn vị một phiếu)." },
  min: { label: "Nhỏ nhất", words: ["nho nhat", "thap nhat", "min"], explain: "Giá trị nhỏ nhất trong các đơn vị." },
  max: { label: "Lớn nhất", words: ["lon nhat", "cao nhat", "max"], explain: "Giá trị lớn nhất trong các đơn vị." },
  sum: { label: "Cộng", words: ["cong", "tong", "sum"], explain: "Cộng giá trị các đơn vị." },
};

/** The choices offered in the template's "Cách tổng hợp" list. */
export const RULE_CHOICES: RuleId[] = ["sum", "weighted_mean", "growth", "mean", "min", "max", "count_met", "none"];

/** "theo …" after a weighted mean names its base: an indicator (TT or name) or the weight column. */
export const BASE_WORD = /\s+theo\s+(.+)$/;

/** Folded names of the weight column (the reader's "weight" role: "Trọng số", "Quyền số", "Dân số"). */
export const WEIGHT_COLUMN_WORDS = ["trong so", "quyen so", "dan so", "cot trong so"];

/**
 * Units of measure that add up across units (folded, matched as whole words at the start of the
 * unit): people, households, communes, money, areas, lengths, counts of things.
 */
export const SUM_UNITS: string[] = [
  "nguoi", "lao dong", "hoc sinh", "sinh vien", "dang vien", "hoi vien", "doan vien", "ho", "ho dan", "ho gia dinh",
  "xa", "phuong", "thi tran", "thon", "to dan pho", "khu pho", "ap", "ban", "don vi",
  "ty dong", "trieu dong", "nghin dong", "ngan dong", "dong", "trieu usd", "ty usd", "nghin usd", "usd",
  "ha", "hecta", "km", "km2", "m", "m2", "m3", "tan", "nghin tan", "tan/nam",
  "truong", "lop", "phong hoc", "tram", "co so", "benh vien", "giuong", "giuong benh", "bac si",
  "doanh nghiep", "hop tac xa", "to hop tac", "chi bo", "dang bo", "to chuc", "co so dang",
  "cong trinh", "du an", "cai", "chiec", "con", "lan", "vu", "nha", "can", "so", "diem", "lang", "thiet che", "cho", "san pham",
];

/** Denominators of per-capita units ("USD/người", "bác sĩ/1 vạn dân"): a rate, weighted, never added. */
export const PER_CAPITA = /\/\s*(\d[\d.,]*\s*)?(van dan|nghin dan|ngan dan|dan|nguoi|ho|km2|ha|lao dong|hoc sinh)\b/;

/** "…/năm" adds up: a yearly count summed over units is the yearly count of the whole. */
export const PER_YEAR = /\/\s*nam\b/;

/** Names that announce a rate or share whatever the unit says. */
export const RATE_NAME = /^(ty le|ty trong|co cau|chi so|muc do|so .* binh quan|binh quan|thu nhap binh quan|.*binh quan dau nguoi)/;

/** Names that announce a growth rate: recomputed from levels, never summed or averaged. */
export const GROWTH_NAME = /(tang truong|toc do tang|tang binh quan|toc do phat trien)/;

/** Why a unit's figure is missing. */
export type MissingReason = "empty" | "no_data" | "not_due" | "not_number" | "no_row" | "no_weight" | "no_levels" | "unreadable";

export const MISSING_LABELS: Record<MissingReason, string> = {
  empty: "Ô kết quả để trống",
  no_data: "Chưa có số liệu",
  not_due: "Chưa đến kỳ",
  not_number: "Kết quả không đọc được thành số",
  no_row: "Không có dòng chỉ tiêu này",
  no_weight: "Thiếu trọng số",
  no_levels: "Thiếu số liệu mức (đầu kỳ, các năm)",
  unreadable: "Không đọc được tệp",
};

/** Folded texts a result cell holds when the figure is not there yet. */
export const NO_DATA_WORDS: Array<[RegExp, MissingReason]> = [
  [/^(chua den ky|chua toi ky|chua den thoi diem|chua den han)/, "not_due"],
  [/^(chua co so lieu|chua co|khong co so lieu|dang tong hop|dang cap nhat|chua bao cao|chua thong ke|n\/a|na|-+|…|\.\.\.|x)$/, "no_data"],
  [/^(chua co so lieu|khong co so lieu|chua bao cao|chua thong ke)/, "no_data"],
];

/** Notes written beside a consolidated indicator (Ghi chú, the pane, the CLI). */
export const NOTES = {
  unknownRule: (text: string) => `Không hiểu cách tổng hợp “${text}”. Chọn một trong: ${Object.values(RULES).map((r) => r.label).join(", ")}.`,
  conflictingRules: (used: string) => `Các đơn vị ghi cách tổng hợp khác nhau; dùng “${used}”.`,
  rateWithoutWeight: (unit: string) =>
    `Tỷ lệ/chỉ số (${unit || "không có ĐVT"}) không có trọng số: ghi “Bình quân gia quyền theo …” (chỉ tiêu gốc hoặc cột Trọng số/Dân số) ở cột “Cách tổng hợp”; không lấy trung bình các tỷ lệ.`,
  unknownUnit: (unit: string) => `Không suy ra được cách tổng hợp từ ĐVT “${unit}”: ghi cột “Cách tổng hợp”.`,
  baseNotFound: (base: string) => `Không tìm thấy chỉ tiêu gốc “${base}” để làm trọng số.`,
  growthWithoutLevels:
    "Tốc độ tăng: không có số liệu mức (Đầu kỳ và các năm) để tính lại trên tổng; không cộng, không lấy trung bình các tốc độ. Ghi “Tính lại từ tổng mức theo <chỉ tiêu mức>” (ví dụ: theo Giá trị sản xuất) và nhập Đầu kỳ, các năm của chỉ tiêu mức đó.",
  periodsDiffer: (years: number[]) => `Kết quả các đơn vị tính cho số năm khác nhau (${years.map((y) => (y === 1 ? "1 năm" : `${y} năm`)).join(", ")}): không cộng được; cần ghi kết quả cùng một kỳ`,
  targetSummed: "Chỉ tiêu là tổng chỉ tiêu các đơn vị.",
  targetsDiffer: "Chỉ tiêu của các đơn vị khác nhau: ghi chỉ tiêu chung.",
  countMet: (met: number, judged: number) => `${met}/${judged} đơn vị đạt`,
  weightColumn: "Trọng số",
};

/** Sheet names and titles of the consolidated workbook (≤ 31 characters each). */
export const CONSOLIDATED_SHEETS = {
  table: "Chỉ tiêu",
  byUnit: "Theo đơn vị",
  missing: "Thiếu số liệu",
  info: "Thông tin",
} as const;

/** New sheets written into an open workbook by the pane (never over existing ones). */
export const PANE_SHEETS = {
  table: "Tổng hợp chỉ tiêu",
  byUnit: "Tổng hợp theo đơn vị",
  missing: "Thiếu số liệu",
} as const;

/** Column titles of the extra columns the template gains and the output keeps. */
export const RULE_COLUMN = "Cách tổng hợp";
export const LEAD_COLUMN = "Đơn vị chủ trì";

export const MISSING_HEADER = ["Đơn vị", "TT", "Chỉ tiêu", "Đơn vị chủ trì", "Lý do"];

/** "12/15 đơn vị" */
export function coverageText(covered: number, total: number): string {
  return `${covered}/${total} đơn vị`;
}

/** The message a unit gets about the figures it still owes (the pane's "copy as message"). `unreadable`: its file could not be read. */
export function owedMessage(unit: string, items: Array<{ tt: string; name: string; reason: string }>, from?: string, unreadable?: string): string {
  const who = from ? `${from} đang` : "Chúng tôi đang";
  const body = unreadable
    ? [`${who} tổng hợp kết quả thực hiện các chỉ tiêu Nghị quyết. Tệp đơn vị gửi chưa đọc được (${unreadable}). Đề nghị đơn vị gửi lại bảng chỉ tiêu theo mẫu (tệp .xlsx).`]
    : [
        `${who} tổng hợp kết quả thực hiện các chỉ tiêu Nghị quyết. Để kịp tổng hợp, đề nghị đơn vị bổ sung số liệu ${items.length} chỉ tiêu sau:`,
        ...items.map((i) => `- ${i.tt ? `${i.tt}. ` : ""}${i.name} (${i.reason.charAt(0).toLowerCase()}${i.reason.slice(1)})`),
      ];
  return [`Kính gửi ${unit},`, "", ...body, "", "Trân trọng cảm ơn."].join("\n");
}
