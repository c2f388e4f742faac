/**
 * The words that decide which way an indicator should move, in one place: the target reader
 * (target.ts) and the direction rules (direction.ts) both import these lists. Lists of folded words
 * (no diacritics, lower case, "đ" → "d") are marked so; name lists are written as users write them
 * and folded once where they are used.
 */

/**
 * Change words before a number that make the target a level to come down to, lower is better:
 * "giảm còn 2%", "hạ xuống 1,5", "còn 3%" (folded).
 */
export const DOWN_TO_WORDS: readonly string[] = ["giam con", "giam xuong con", "giam xuong", "ha con", "ha xuong con", "ha xuong", "xuong con", "con"];

/** Change words before a number that make the target an amount to reduce by: "giảm 1,5%/năm" (folded). */
export const DECREASE_WORDS: readonly string[] = ["giam", "ha", "giam binh quan", "giam moi nam", "giam hang nam"];

/** Change words before a number that make the target an amount to increase by: "Tăng 10-20" (folded). */
export const INCREASE_WORDS: readonly string[] = ["tang", "tang them", "tang binh quan", "tang moi nam", "tang hang nam"];

/**
 * Words before a single number that make it an approximate target: "Khoảng 4", "xấp xỉ 8%" (folded).
 * Judged with a tolerance (evaluate.ts, APPROX_TOLERANCE), as a ceiling when lower is better.
 */
export const ABOUT_WORDS: readonly string[] = ["khoang", "xap xi", "khoang chung", "vao khoang", "o muc khoang", "muc khoang"];

/** An explicit direction setting ("Chiều" column, NQ.* functions), folded, whole text. */
export const DIRECTION_SETTING_WORDS: Readonly<Record<"up" | "down" | "band", readonly string[]>> = {
  up: ["up", "tang", "cao", "↑", "cang cao cang tot", "cao hon la tot", "lon hon la tot"],
  // the decrease word of an explicit setting is the first word of DECREASE_WORDS: "giảm"
  down: ["down", DECREASE_WORDS[0], "thap", "↓", "cang thap cang tot", "thap hon la tot", "nho hon la tot"],
  band: ["band", "trong khoang", "khoang", "co cau", "↔"],
};

/**
 * Indicator-name words meaning lower is better, as written (matched as whole words on folded text):
 * poverty, unemployment, accidents, deaths, crime, pollution, price indices and inflation, population
 * growth, malnutrition... Configurable: pass your own list to decideDirection.
 */
export const DOWN_WORDS: readonly string[] = [
  "hộ nghèo",
  "hộ cận nghèo",
  "tái nghèo",
  "nghèo đa chiều",
  "tăng dân số tự nhiên",
  "tăng dân số",
  "gia tăng dân số",
  "tai nạn",
  "tội phạm",
  "phạm pháp",
  "ô nhiễm",
  "suy dinh dưỡng",
  "tử vong",
  "thất nghiệp",
  "thiếu việc làm",
  "sinh con thứ 3",
  "sinh con thứ ba",
  "mất cân bằng giới tính",
  "cháy nổ",
  "ma túy",
  "ma tuý",
  "khiếu nại",
  "nợ đọng",
  "nợ xấu",
  "bỏ học",
  "chỉ số giá tiêu dùng",
  "chỉ số giá cả",
  "giá tiêu dùng",
  "CPI",
  "lạm phát",
  "tỷ lệ sinh con thứ",
  "tỷ số giới tính khi sinh",
];

/** Indicator-name words meaning a share that must stay inside a band. */
export const BAND_WORDS: readonly string[] = ["cơ cấu", "tỷ trọng", "tỉ trọng"];
