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
  "nghin nguoi", "nghin ho", "nghin ty dong", "luot", "luot nguoi", "thue bao", "tre", "benh nhan", "giao vien", "cau", "kwh", "mw",
];

/** Denominators of per-capita units ("USD/người", "bác sĩ/1 vạn dân"): a rate, weighted, never added. */
export const PER_CAPITA = /\/\s*(\d[\d.,]*\s*)?(van dan|nghin dan|ngan dan|dan|nguoi|ho|km2|ha|lao dong|hoc sinh)\b/;

/** "…/năm" adds up: a yearly count summed over units is the yearly count of the whole. */
export const PER_YEAR = /\/\s*nam\b/;

/** Names that announce a rate or share whatever the unit says. */
export const RATE_NAME = /^(ty le|ty trong|co cau|chi so|muc do|so .* binh quan|binh quan|thu nhap binh quan|.*binh quan dau nguoi)/;

/**
 * A rate whose base is certain when the units' tables hold it: per-capita figures ("USD/người",
 * "bác sĩ/1 vạn dân") weigh by the population, household shares ("Tỷ lệ hộ nghèo") by the number
 * of households. Used only when exactly one indicator of the table is that base (name and unit).
 */
export const INFERRED_BASES: Array<{ on: "unit" | "name"; rate: RegExp; base: RegExp; baseUnit: RegExp }> = [
  { on: "unit", rate: /\/\s*(\d[\d.,]*\s*)?(van dan|nghin dan|ngan dan|dan|nguoi)\b/, base: /^dan so\b/, baseUnit: /^(nguoi|nghin nguoi|ngan nguoi)$/ },
  { on: "name", rate: /^ty le ho\b/, base: /^(tong )?so ho\b/, baseUnit: /^ho\b/ },
];

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

/** Why an indicator still needs a rule: each reason is one group of the message that asks for the rules. */
export type NeedsReason = "rate_without_weight" | "growth_without_levels" | "unknown_unit" | "unknown_rule" | "base_not_found";

/**
 * The message that asks for the rules, once, grouped by reason (data, shared by the CLI and the
 * pane): each group says what is missing and what to write in "Cách tổng hợp".
 */
const NEEDS_RULE_GROUPS: Record<NeedsReason, { title: string; write: string }> = {
  rate_without_weight: {
    title: "Tỷ lệ, chỉ số không có trọng số (không lấy trung bình các tỷ lệ)",
    write: "“Bình quân gia quyền theo <chỉ tiêu gốc>”, ví dụ theo Dân số, theo Số hộ, hoặc cột “Trọng số” của bảng",
  },
  growth_without_levels: {
    title: "Tốc độ tăng không có số liệu mức (không cộng, không lấy trung bình các tốc độ)",
    write: "“Tính lại từ tổng mức theo <chỉ tiêu mức>” và nhập Đầu kỳ, các năm của chỉ tiêu mức đó",
  },
  unknown_unit: { title: "ĐVT không cho biết cách tổng hợp", write: "“Cộng”, “Bình quân gia quyền theo …”, “Đếm số đơn vị đạt” hoặc “Không tổng hợp”" },
  unknown_rule: { title: "Cách tổng hợp ghi chưa hiểu được", write: `một trong: ${ruleChoicesText()}` },
  base_not_found: { title: "Chỉ tiêu gốc ghi trong “Cách tổng hợp” không có trong bảng", write: "TT hoặc tên đúng của chỉ tiêu gốc (ví dụ “Bình quân gia quyền theo 4”)" },
};

function ruleChoicesText(): string {
  return RULE_CHOICES.map((r) => RULES[r].label).join(", ");
}

/** Where a rule is given, once per indicator: how each front end says it. */
const HOW_TO_GIVE_RULES = {
  cli: 'Ghi một lần cho mỗi chỉ tiêu, bằng một trong ba cách: cột “Cách tổng hợp” trong tệp của một đơn vị bất kỳ; cột đó trong tệp tổng hợp này rồi chạy lại với --cach TỆP-TỔNG-HỢP.xlsx; hoặc --cach "TT=cách", ví dụ --cach "2.1=Bình quân gia quyền theo Số hộ".',
  pane: "Chọn cách tổng hợp cho từng chỉ tiêu ở danh sách dưới đây rồi bấm “Tổng hợp lại” (không phải đọc lại các tệp), hoặc ghi cột “Cách tổng hợp” trong tệp của một đơn vị.",
} as const;

/** An indicator in the message: "2.1 Tỷ lệ hộ nghèo". */
export function indicatorRef(tt: string, name: string): string {
  return `${tt ? `${tt} ` : ""}${name}`;
}

/** The one message asking for rules: its title, how to give them, and one line per reason listing the indicators. */
export interface NeedsRuleMessage {
  title: string;
  how: string;
  groups: string[];
}

export function needsRuleMessage(items: Array<{ tt: string; name: string; needs: NeedsReason }>, surface: keyof typeof HOW_TO_GIVE_RULES): NeedsRuleMessage | null {
  if (!items.length) return null;
  const groups: string[] = [];
  for (const reason of Object.keys(NEEDS_RULE_GROUPS) as NeedsReason[]) {
    const list = items.filter((i) => i.needs === reason);
    if (!list.length) continue;
    const g = NEEDS_RULE_GROUPS[reason];
    groups.push(`${g.title}, ghi ${g.write} — ${list.length} chỉ tiêu: ${list.map((i) => indicatorRef(i.tt, i.name)).join("; ")}.`);
  }
  return { title: `${items.length} chỉ tiêu cần chọn cách tổng hợp`, how: HOW_TO_GIVE_RULES[surface], groups };
}

/** The message as lines of text (the CLI): "N chỉ tiêu cần chọn cách tổng hợp. <how>", then "- <group>" each. */
export function needsRuleLines(items: Array<{ tt: string; name: string; needs: NeedsReason }>, surface: keyof typeof HOW_TO_GIVE_RULES): string[] {
  const m = needsRuleMessage(items, surface);
  return m ? [`${m.title}. ${m.how}`, ...m.groups.map((g) => `- ${g}`)] : [];
}

/** Notes written beside a consolidated indicator (Ghi chú, the pane, the CLI): short, one sentence each. */
export const NOTES = {
  needs: {
    rate_without_weight: "Cần chọn cách tổng hợp: tỷ lệ không có trọng số (không lấy trung bình các tỷ lệ)",
    growth_without_levels: "Cần chọn cách tổng hợp: tốc độ tăng không có số liệu mức để tính lại trên tổng",
    unknown_unit: "Cần chọn cách tổng hợp: ĐVT không cho biết cách tổng hợp",
    unknown_rule: "Cần chọn cách tổng hợp: cách ghi chưa hiểu được",
    base_not_found: "Cần chọn cách tổng hợp: không tìm thấy chỉ tiêu gốc",
  } satisfies Record<NeedsReason, string>,
  unknownRule: (text: string) => `Không hiểu cách tổng hợp “${text}”`,
  baseNotFound: (base: string) => `Không tìm thấy chỉ tiêu gốc “${base}”`,
  conflictingRules: (used: string) => `Các đơn vị ghi cách tổng hợp khác nhau; dùng “${used}”`,
  chosen: (from: string) => `Cách tổng hợp chọn ở ${from}`,
  inferredBase: (base: string) => `trọng số suy ra: ${base}`,
  sameValue: (shown: string, coverage: string) => `Các đơn vị cùng số ${shown} nên số chung là ${shown}, không cần trọng số: ${coverage}`,
  unitsDiffer: (units: string[]) => `ĐVT các đơn vị khác nhau (${units.join("; ")}): không tính chung được, cần ghi cùng một ĐVT`,
  periodsDiffer: (years: number[]) => `Kết quả các đơn vị tính cho số năm khác nhau (${years.map((y) => (y === 1 ? "1 năm" : `${y} năm`)).join(", ")}): không cộng được; cần ghi kết quả cùng một kỳ`,
  targetSummed: (n: number) => `Chỉ tiêu là tổng chỉ tiêu của ${n} đơn vị có số liệu`,
  targetWeighted: (n: number) => `Chỉ tiêu là bình quân gia quyền chỉ tiêu của ${n} đơn vị, cùng trọng số`,
  targetMean: (n: number) => `Chỉ tiêu là trung bình chỉ tiêu của ${n} đơn vị`,
  targetGrowth: (n: number) => `Chỉ tiêu là tốc độ tăng của tổng mức khi ${n} đơn vị cùng đạt chỉ tiêu của mình`,
  noTarget: {
    missing: (units: string[]) => `Chưa đánh giá: ${units.join(", ")} chưa ghi chỉ tiêu, không có chỉ tiêu chung`,
    unreadable: (text: string) => `Chưa đánh giá: chỉ tiêu “${text}” không đọc được thành số để tính chỉ tiêu chung`,
    forms: "Chưa đánh giá: chỉ tiêu các đơn vị ghi khác dạng (mức, khoảng, trên, dưới…), không tính được chỉ tiêu chung",
    percentSum: "Chưa đánh giá: chỉ tiêu ghi bằng %, không cộng được",
    perYearMixed: "Chưa đánh giá: chỉ tiêu đơn vị ghi theo năm, đơn vị ghi cả kỳ; cần ghi cùng một kỳ",
    rule: "Chưa đánh giá: chỉ tiêu các đơn vị khác nhau, không có cách tính chỉ tiêu chung theo cách tổng hợp này",
    levels: "Chưa đánh giá: thiếu số liệu mức đầu kỳ để tính chỉ tiêu chung",
    weights: "Chưa đánh giá: chỉ tiêu các đơn vị khác nhau, cần trọng số để tính chỉ tiêu chung",
  },
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
