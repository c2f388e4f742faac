/**
 * Word lists the report writer and the reconciler use, as data (folded: lower case, no accents).
 * Change a list here and every user of it follows.
 */

/** A name that already ends with one of these reads straight into its value: "… tăng bình quân" 20,4%/năm. */
export const NAME_END_VERBS: readonly string[] = [
  "tang binh quan hang nam",
  "tang binh quan",
  "giam binh quan",
  "tang",
  "giam",
  "giam con",
  "dat ty le",
  "dat ti le",
  "uoc dat",
  "dat",
  "la",
  "con",
  "uoc",
];

/** Names of growth rates: the rate itself is the subject ("tốc độ tăng trưởng … đạt 7,8%/năm"). */
export const GROWTH_SUBJECT_WORDS: readonly string[] = ["tang truong", "toc do tang", "toc do"];

/** First words kept capitalised when a name continues a sentence (proper nouns, institutions). */
export const KEEP_CAPITAL_WORDS: readonly string[] = ["Đảng", "Nhà nước", "Nhân dân", "Mặt trận", "Quốc hội", "Chính phủ", "Công an", "Quân đội", "Hội đồng"];

/** Syllables that carry no meaning for matching a name (folded). */
export const MATCH_STOPWORDS: ReadonlySet<string> = new Set([
  "va", "cua", "cac", "nhung", "trong", "do", "duoc", "co", "dat", "la", "tang", "giam", "voi", "cho", "theo", "tren", "duoi", "tu", "den", "nam",
  "uoc", "da", "so", "ve", "mot", "moi", "hang", "nay", "khi", "thi", "ma", "len", "tro", "con", "dat", "ra", "de",
]);

/** Abbreviations offices use in names, expanded before matching. */
export const MATCH_ABBREVIATIONS: Readonly<Record<string, string>> = {
  qg: "quoc gia",
  tp: "thanh pho",
  nq: "nghi quyet",
  kt: "kinh te",
  xh: "xa hoi",
  bhyt: "bao hiem y te",
  ntm: "nong thon moi",
  tccsd: "to chuc co so dang",
};

/** Words that introduce a target in a report's text: "(Nghị quyết 8,5-9,5%/năm)", "(NQ: 95%)", "kế hoạch 10%". */
export const TARGET_LEAD_WORDS: readonly string[] = ["nghi quyet de ra", "nghi quyet", "nq", "ke hoach de ra", "ke hoach", "chi tieu de ra", "chi tieu", "muc tieu"];

/** Headings after which a report states plans, not results ("Phần thứ hai", "MỤC TIÊU, NHIỆM VỤ…"). */
export const PLAN_HEADING_WORDS: readonly string[] = ["phan thu hai", "muc tieu", "nhiem vu", "phuong huong", "giai phap", "du bao"];

/** Words before a number that make it a decrease ("giảm bình quân 8,5%/năm"); "giảm còn" states a level. */
export const DECREASE_WORDS: readonly string[] = ["giam binh quan hang nam", "giam binh quan", "giam"];
export const DECREASE_LEVEL_WORDS: readonly string[] = ["giam con", "giam xuong con", "giam xuong"];

/** Words that, just before a percent, say it is a share, not a growth rate. */
export const SHARE_BEFORE_WORDS: readonly string[] = ["ty trong", "ti trong", "chiem", "co cau"];

/** The mark put on a figure the writer corrected or could not state. */
export const REVIEW_PREFIX = "cần xem lại";
