/**
 * The registry of spreadsheet functions (namespace NQ). Excel's custom functions, the CLI's
 * `chitieu fn` and the tests all call through here, so a function is defined once.
 * Pure: no Office, no I/O. Errors come back as FnError values, never thrown.
 */
import { toNumber } from "../text/numbers";
import { evaluate, parseVocabulary, type Levels, type Vocabulary } from "./evaluate";
import { parseDirection } from "../target/direction";
import { parseTarget, bindingBound } from "../target/target";
import {
  averageGrowth,
  averageGrowthOfRates,
  cumulativeProgress,
  percentOfPlan,
  requiredRate,
  shares,
  PROGRESS_LABELS,
} from "./growth";

/** An Excel error with a Vietnamese message: "value" → #VALUE!, "na" → #N/A. */
export class FnError {
  constructor(
    public readonly code: "value" | "na",
    public readonly message: string,
  ) {}
  toString(): string {
    return `${this.code === "value" ? "#VALUE!" : "#N/A"} ${this.message}`;
  }
}

export type Scalar = number | string | boolean | null;
export type FnArg = Scalar | Scalar[][] | undefined;
export type FnResult = number | string | Scalar[][] | FnError;

export interface FnParam {
  name: string;
  description: string;
  optional?: boolean;
  /** a range (2-D array) rather than one value */
  range?: boolean;
}

export interface FnSpec {
  /** id inside the namespace: ASCII, upper case ("TANGBQ.DAYSO") */
  id: string;
  description: string;
  params: FnParam[];
  /** result is a 2-D array spilled over cells */
  spill?: boolean;
  /** worked example for the README */
  example: { formula: string; result: string };
  impl: (...args: FnArg[]) => FnResult;
}

export const NAMESPACE = "NQ";

const EMPTY = Symbol("empty");
type Maybe<T> = T | typeof EMPTY;

function isEmpty(a: FnArg): boolean {
  return a === null || a === undefined || (typeof a === "string" && a.trim() === "");
}
function scalarOf(a: FnArg): Scalar | undefined {
  if (Array.isArray(a)) return a.length === 1 && a[0].length === 1 ? a[0][0] : undefined;
  return a;
}
function num(a: FnArg, what: string): Maybe<number> | FnError {
  const s = scalarOf(a);
  if (isEmpty(s as FnArg)) return EMPTY;
  if (typeof s === "number") return s;
  if (typeof s === "string") {
    const v = toNumber(s);
    if (v !== null) return v;
  }
  return new FnError("value", `${what} phải là một số (ví dụ 8,5), nhận được "${String(s)}".`);
}
function int(a: FnArg, what: string): Maybe<number> | FnError {
  const v = num(a, what);
  if (v === EMPTY || v instanceof FnError) return v;
  if (!Number.isInteger(v) || v < 0) return new FnError("value", `${what} phải là số nguyên không âm, nhận được ${v}.`);
  return v;
}
function text(a: FnArg): string | undefined {
  const s = scalarOf(a);
  if (isEmpty(s as FnArg)) return undefined;
  return String(s);
}
/**
 * Flatten a range (or a single value, or a text list "4,2; 9,7; 9,8") to numbers. Blanks are
 * skipped, or kept as null where their position matters (`keepBlanks`).
 */
function numbers(a: FnArg, what: string): number[] | FnError;
function numbers(a: FnArg, what: string, keepBlanks: true): Array<number | null> | FnError;
function numbers(a: FnArg, what: string, keepBlanks = false): Array<number | null> | FnError {
  const out: Array<number | null> = [];
  const cells: Scalar[] = Array.isArray(a) ? a.flat() : typeof a === "string" ? a.split(/[;\n]/) : [a ?? null];
  for (const c of cells) {
    if (isEmpty(c)) {
      if (keepBlanks) out.push(null);
      continue;
    }
    const v = typeof c === "number" ? c : typeof c === "string" ? toNumber(c) : null;
    if (v === null) return new FnError("value", `${what}: "${String(c)}" không phải là số.`);
    out.push(v);
  }
  return out;
}
function guard(f: () => FnResult): FnResult {
  try {
    return f();
  } catch (e) {
    return new FnError("value", e instanceof Error ? e.message : String(e));
  }
}

function vocabularyArg(a: FnArg): { vocabulary: Vocabulary; levels: Levels } | FnError {
  const s = text(a);
  if (!s) return { vocabulary: "dat", levels: 3 };
  const m = s.trim().match(/^(.*?)(?:[-_ ]?([23]))?$/);
  const voc = parseVocabulary(m?.[1] ?? s);
  if (!voc) return new FnError("value", `Bộ từ phải là "dat" hoặc "hoan-thanh" (thêm "-2" để gộp Vượt vào Đạt), nhận được "${s}".`);
  return { vocabulary: voc, levels: m?.[2] === "2" ? 2 : 3 };
}
function directionArg(a: FnArg): string | undefined | FnError {
  const s = text(a);
  if (!s) return undefined;
  if (!parseDirection(s)) return new FnError("value", `Chiều phải là "tang", "giam" hoặc "khoang", nhận được "${s}".`);
  return s;
}

const specs: FnSpec[] = [
  {
    id: "DANHGIA",
    description: "Đánh giá kết quả so với chỉ tiêu Nghị quyết: Vượt / Đạt / Gần đạt / Chưa đạt.",
    params: [
      { name: "chi_tieu", description: "Chỉ tiêu Nghị quyết, ví dụ \"8,5-9,5\", \"> 98\", \"dưới 1,0\"." },
      { name: "ket_qua", description: "Kết quả thực hiện, ví dụ 7,8 hoặc \"263 đảng viên/ 3 năm\"." },
      { name: "chieu", description: "Chiều: \"tang\" (càng cao càng tốt), \"giam\" hoặc \"khoang\". Bỏ trống để tự nhận.", optional: true },
      { name: "bo_tu", description: "Bộ từ: \"dat\" (mặc định) hoặc \"hoan-thanh\"; thêm \"-2\" để gộp Vượt vào Đạt.", optional: true },
      { name: "nguong_gan_dat", description: "Ngưỡng gần đạt theo %, ví dụ 2 (trong 2% so với mức cần đạt). Bỏ trống: không dùng.", optional: true },
      { name: "ten_chi_tieu", description: "Tên chỉ tiêu (ô cột Chỉ tiêu), để tự nhận chiều theo tên, ví dụ \"Tỷ lệ hộ nghèo\" là càng thấp càng tốt.", optional: true },
    ],
    example: { formula: '=NQ.DANHGIA("8,5-9,5"; 7,8)', result: "Chưa đạt" },
    impl: (target, actual, dir, voc, near, name) => {
      if (isEmpty(scalarOf(target) as FnArg) || isEmpty(scalarOf(actual) as FnArg)) return "";
      const d = directionArg(dir);
      if (d instanceof FnError) return d;
      const v = vocabularyArg(voc);
      if (v instanceof FnError) return v;
      const n = num(near, "Ngưỡng gần đạt");
      if (n instanceof FnError) return n;
      const e = evaluate({ target: scalarOf(target), actual: scalarOf(actual), direction: d, name: text(name), ...v, near: n === EMPTY ? undefined : n / 100 });
      if (e.targetError) return new FnError("value", e.targetError.message);
      return e.label;
    },
  },
  {
    id: "TYLEDAT",
    description: "Kết quả tính theo % của mức cần đạt (cận dưới nếu càng cao càng tốt, cận trên nếu càng thấp càng tốt).",
    params: [
      { name: "ket_qua", description: "Kết quả thực hiện (số)." },
      { name: "chi_tieu", description: "Chỉ tiêu Nghị quyết, ví dụ \"8,5-9,5\"." },
      { name: "chieu", description: "Chiều: \"tang\", \"giam\" hoặc \"khoang\". Bỏ trống để tự nhận.", optional: true },
    ],
    example: { formula: '=NQ.TYLEDAT(7,8; "8,5-9,5")', result: "91,76" },
    impl: (actual, target, dir) => {
      if (isEmpty(scalarOf(target) as FnArg) || isEmpty(scalarOf(actual) as FnArg)) return "";
      const d = directionArg(dir);
      if (d instanceof FnError) return d;
      const e = evaluate({ target: scalarOf(target), actual: scalarOf(actual), direction: d });
      if (e.targetError) return new FnError("value", e.targetError.message);
      if (e.ratio === null) {
        if (e.actual?.interval) return new FnError("na", `Kết quả chỉ ghi "${e.actual.text}", cần một số cụ thể để tính tỷ lệ.`);
        return new FnError("na", e.status === "not_evaluable" ? e.reason : "Không có mức cần đạt khác 0 để tính tỷ lệ.");
      }
      return e.ratio;
    },
  },
  {
    id: "MUCTIEU",
    description: "Một cận của chỉ tiêu Nghị quyết dưới dạng số, dùng cho biểu đồ và định dạng có điều kiện.",
    params: [
      { name: "chi_tieu", description: "Chỉ tiêu Nghị quyết, ví dụ \"8,5-9,5\"." },
      { name: "phan", description: "\"duoi\" (cận dưới, mặc định) hoặc \"tren\" (cận trên).", optional: true },
    ],
    example: { formula: '=NQ.MUCTIEU("8,5-9,5"; "tren")', result: "9,5" },
    impl: (target, part) => {
      if (isEmpty(scalarOf(target) as FnArg)) return "";
      const tp = parseTarget(scalarOf(target));
      if (!tp.ok) return new FnError("value", tp.error.message);
      const p = (text(part) ?? "duoi").toLowerCase().replace("ư", "u").replace("ớ", "o").replace("ê", "e");
      const t = tp.target;
      if (p === "duoi") return t.low ?? new FnError("na", `Chỉ tiêu "${t.text}" không có cận dưới.`);
      if (p === "tren") return t.high ?? new FnError("na", `Chỉ tiêu "${t.text}" không có cận trên.`);
      if (p === "can") return bindingBound(t, "up") ?? new FnError("na", "Không có mức cần đạt.");
      return new FnError("value", `Phần phải là "duoi" hoặc "tren", nhận được "${text(part)}".`);
    },
  },
  {
    id: "DOCSO",
    description: "Đọc số viết kiểu Việt Nam trong văn bản: \"8.397,5\" → 8397,5; \"0,37%\" → 0,37.",
    params: [{ name: "van_ban", description: "Văn bản chứa một số, ví dụ \"8.397,5\"." }],
    example: { formula: '=NQ.DOCSO("8.397,5")', result: "8.397,5" },
    impl: (t) => {
      const v = num(t, "Văn bản");
      if (v === EMPTY) return "";
      return v;
    },
  },
  {
    id: "TANGBQ",
    description: "Tốc độ tăng bình quân (%/năm) từ giá trị đầu kỳ, cuối kỳ và số năm: (căn bậc n của cuối/đầu − 1) × 100.",
    params: [
      { name: "dau", description: "Giá trị năm gốc (năm trước kỳ), ví dụ năm 2020." },
      { name: "cuoi", description: "Giá trị năm cuối." },
      { name: "so_nam", description: "Số năm sau năm gốc, ví dụ 3 cho 2021-2023." },
    ],
    example: { formula: "=NQ.TANGBQ(86260; 145000; 2)", result: "29,65" },
    impl: (a, b, n) => {
      const v0 = num(a, "Giá trị đầu kỳ");
      const vn = num(b, "Giá trị cuối kỳ");
      const y = num(n, "Số năm");
      for (const x of [v0, vn, y]) if (x instanceof FnError) return x;
      if (v0 === EMPTY || vn === EMPTY || y === EMPTY) return "";
      return guard(() => averageGrowth(v0 as number, vn as number, y as number));
    },
  },
  {
    id: "TANGBQ.DAYSO",
    description: "Tốc độ tăng bình quân (%/năm) của dãy giá trị theo năm, giá trị đầu là năm gốc.",
    params: [{ name: "day_gia_tri", description: "Dãy giá trị theo năm, ví dụ B5:E5 (năm gốc đến năm cuối).", range: true }],
    example: { formula: "=NQ.TANGBQ.DAYSO({86260;135327;145000})", result: "29,65" },
    impl: (r) => {
      const v = numbers(r, "Dãy giá trị", true);
      if (v instanceof FnError) return v;
      const present = v.map((x, i) => [x, i] as const).filter(([x]) => x !== null) as Array<readonly [number, number]>;
      if (present.length === 0) return "";
      if (present.length === 1) return new FnError("value", "Cần ít nhất hai giá trị (năm gốc và năm cuối) để tính tốc độ tăng bình quân.");
      // Years are counted by position, so a blank year inside the series does not shorten the period.
      const [v0, i0] = present[0];
      const [vn, iN] = present[present.length - 1];
      return guard(() => averageGrowth(v0, vn, iN - i0));
    },
  },
  {
    id: "TANGBQ.TOCDO",
    description: "Tốc độ tăng bình quân (%/năm) từ tốc độ tăng từng năm: trung bình nhân của các chỉ số phát triển.",
    params: [{ name: "day_toc_do", description: "Tốc độ tăng từng năm (%), ví dụ 4,2; 9,7; 9,8.", range: true }],
    example: { formula: "=NQ.TANGBQ.TOCDO({4,2;9,7;9,8})", result: "7,87" },
    impl: (r) => {
      const v = numbers(r, "Dãy tốc độ");
      if (v instanceof FnError) return v;
      if (v.length === 0) return "";
      return guard(() => averageGrowthOfRates(v));
    },
  },
  {
    id: "CANDAT",
    description: "Tốc độ tăng bình quân các năm còn lại phải đạt để cả kỳ đạt mục tiêu bình quân.",
    params: [
      { name: "muc_tieu_bq", description: "Mục tiêu tăng bình quân cả kỳ (%/năm), ví dụ 8,5." },
      { name: "so_nam_ky", description: "Số năm của kỳ, ví dụ 5." },
      { name: "da_dat_bq", description: "Tốc độ bình quân đã đạt (%/năm), ví dụ 7,87." },
      { name: "so_nam_da_qua", description: "Số năm đã qua, ví dụ 3." },
    ],
    example: { formula: "=NQ.CANDAT(8,5; 5; 7,87; 3)", result: "9,45" },
    impl: (t, n, a, k) => {
      const T = num(t, "Mục tiêu bình quân");
      const N = int(n, "Số năm của kỳ");
      const A = num(a, "Tốc độ đã đạt");
      const K = int(k, "Số năm đã qua");
      for (const x of [T, N, A, K]) if (x instanceof FnError) return x;
      if ([T, N, A, K].includes(EMPTY)) return "";
      return guard(() => requiredRate(T as number, N as number, A as number, K as number));
    },
  },
  {
    id: "TYLEKH",
    description: "Tỷ lệ thực hiện so với kế hoạch (%): thực hiện / kế hoạch × 100.",
    params: [
      { name: "thuc_hien", description: "Số thực hiện." },
      { name: "ke_hoach", description: "Số kế hoạch." },
    ],
    example: { formula: "=NQ.TYLEKH(57; 66)", result: "86,36" },
    impl: (a, p) => {
      const A = num(a, "Số thực hiện");
      const P = num(p, "Số kế hoạch");
      for (const x of [A, P]) if (x instanceof FnError) return x;
      if (A === EMPTY || P === EMPTY) return "";
      return guard(() => percentOfPlan(A as number, P as number));
    },
  },
  {
    id: "COCAU",
    description: "Cơ cấu (%): tỷ trọng của từng giá trị trong tổng, trả về cùng kích thước với vùng chọn.",
    params: [{ name: "day_gia_tri", description: "Các giá trị thành phần, ví dụ giá trị của dịch vụ, công nghiệp, nông nghiệp.", range: true }],
    spill: true,
    example: { formula: "=NQ.COCAU({60;30;10})", result: "60; 30; 10" },
    impl: (r) => {
      const grid: Scalar[][] = Array.isArray(r) ? r : [[r ?? null]];
      const v = numbers(grid, "Dãy giá trị");
      if (v instanceof FnError) return v;
      if (v.length === 0) return "";
      return guard(() => {
        const s = shares(v);
        let i = 0;
        return grid.map((row) => row.map((c) => (isEmpty(c) ? "" : s[i++])));
      });
    },
  },
  {
    id: "TIENDO",
    description: "Tiến độ của chỉ tiêu lũy kế giữa kỳ: \"Đúng tiến độ\" hoặc \"Chậm tiến độ\" so với mức chia đều theo năm.",
    params: [
      { name: "luy_ke", description: "Số lũy kế đến nay, ví dụ 263." },
      { name: "muc_tieu_ky", description: "Mục tiêu cả kỳ, ví dụ 550 (110/năm × 5 năm)." },
      { name: "so_nam_da_qua", description: "Số năm đã qua, ví dụ 3." },
      { name: "so_nam_ky", description: "Số năm của kỳ, ví dụ 5." },
    ],
    example: { formula: "=NQ.TIENDO(263; 550; 3; 5)", result: "Chậm tiến độ" },
    impl: (c, t, k, n) => {
      const C = num(c, "Số lũy kế");
      const T = num(t, "Mục tiêu cả kỳ");
      const K = num(k, "Số năm đã qua");
      const N = num(n, "Số năm của kỳ");
      for (const x of [C, T, K, N]) if (x instanceof FnError) return x;
      if ([C, T, K, N].includes(EMPTY)) return "";
      return guard(() => PROGRESS_LABELS[cumulativeProgress(C as number, T as number, K as number, N as number)]);
    },
  },
];

export const FUNCTIONS: readonly FnSpec[] = specs;

/** Find a function by its Excel name ("NQ.TANGBQ", "nq.tangbq") or bare id ("TANGBQ"). */
export function findFunction(name: string): FnSpec | undefined {
  const n = name.trim().toUpperCase().replace(/^=/, "");
  const id = n.startsWith(NAMESPACE + ".") ? n.slice(NAMESPACE.length + 1) : n;
  return specs.find((s) => s.id === id);
}

/** Call a function by name with Excel-style arguments; unknown names give #NAME?-like FnError. */
export function callFunction(name: string, args: FnArg[]): FnResult {
  const spec = findFunction(name);
  if (!spec) return new FnError("na", `Không có hàm ${name}.`);
  const max = spec.params.length;
  const min = spec.params.filter((p) => !p.optional).length;
  if (args.length > max || args.length < min) {
    return new FnError("value", `Hàm ${NAMESPACE}.${spec.id} cần ${min === max ? min : `${min} đến ${max}`} đối số, nhận được ${args.length}.`);
  }
  return guard(() => spec.impl(...args));
}
