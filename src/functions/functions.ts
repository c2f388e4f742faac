/*
 * Excel custom functions, namespace NQ (see manifest.xml). Each function is a one-line wrapper over
 * the registry in src/core/evaluation/nq-functions.ts, which the CLI (`chitieu fn`) and the tests also call.
 *
 * functions.json is generated from the JSDoc below by custom-functions-metadata-plugin, which also
 * appends `CustomFunctions.associate("ID", fn)` for every function to the end of this module.
 * Outside Office (the task pane opened in a plain browser) there is no global `CustomFunctions`,
 * so this module declares its own `CustomFunctions` binding, which forwards to Office's runtime
 * when there is one (read at each use) and does nothing otherwise. The appended associate calls
 * resolve to that binding.
 *
 * office.js may load after this module (the page loads it without blocking outside Office, see
 * src/taskpane/taskpane.html): associations made before Office's runtime exists wait in a queue
 * and are handed over when the page's bootstrap reports office.js loaded, and again at
 * Office.onReady.
 *
 * This bundle is ES5 (webpack.config.js) with es5-polyfills.ts, for the shared runtime in IE11.
 *
 * Rules for the JSDoc (read by custom-functions-metadata): top-level `function` declarations only;
 * parameter and return types written inline (a union maps to "any", `Array<Array<…>>` to a range;
 * a parenthesised `(a | b)[][]` is rejected); no `@volatile`: the functions are pure and make no
 * Excel API calls.
 */
import "./es5-polyfills";
import { callFunction, FnError, type FnArg, type FnResult, type Scalar } from "../core/evaluation/nq-functions";

/** The parts of the Office custom-functions runtime this module uses. */
interface CustomFunctionsRuntime {
  associate(id: string, fn: (...args: never[]) => unknown): void;
  Error: new (code: never, message?: string) => object;
  ErrorCode: { invalidValue: string; notAvailable: string };
}

/** Stand-in error used outside Office: a plain Error carrying the Excel code. */
class FallbackError extends Error {
  constructor(
    public readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}
/** ErrorCode values are the Excel error texts (see @types/custom-functions-runtime). */
const FALLBACK_CODES = { invalidValue: "#VALUE!", notAvailable: "#N/A" };

/** The real global, read at each use (office.js may finish setting it up after this module loads). */
function globalRuntime(): Partial<CustomFunctionsRuntime> | undefined {
  return (globalThis as unknown as { CustomFunctions?: Partial<CustomFunctionsRuntime> }).CustomFunctions;
}

type Association = [string, (...args: never[]) => unknown];
const pending: Association[] = [];
let watching = false;

/** The page bootstrap's report on office.js (taskpane.html): callbacks run once it has loaded. */
interface BootInfo {
  whenOffice?: (callback: () => void) => void;
}

/** Hands queued associations to Office's runtime once it exists; returns how many went. */
export function flushAssociations(): number {
  const g = globalRuntime();
  if (!g || typeof g.associate !== "function") return 0;
  const batch = pending.splice(0, pending.length);
  for (const [id, fn] of batch) g.associate(id, fn);
  return batch.length;
}

function watchForRuntime(): void {
  if (watching) return;
  watching = true;
  const root = globalThis as unknown as { ChiTieuBoot?: BootInfo; Office?: { onReady?: () => Promise<unknown> } };
  const onLoaded = () => {
    flushAssociations();
    const office = root.Office;
    if (office && typeof office.onReady === "function") void office.onReady().then(() => flushAssociations(), () => undefined);
  };
  if (root.ChiTieuBoot && typeof root.ChiTieuBoot.whenOffice === "function") root.ChiTieuBoot.whenOffice(onLoaded);
  else onLoaded();
}

/**
 * Shadows the global on purpose (see the header): the appended associate calls use this binding,
 * which forwards to Office's runtime when there is one, and otherwise queues until office.js loads.
 */
const CustomFunctions: CustomFunctionsRuntime = {
  associate(id, fn) {
    const g = globalRuntime();
    if (g && typeof g.associate === "function") g.associate(id, fn);
    else {
      pending.push([id, fn]);
      watchForRuntime();
    }
  },
  get Error() {
    const g = globalRuntime();
    return (typeof g?.Error === "function" ? g.Error : FallbackError) as CustomFunctionsRuntime["Error"];
  },
  get ErrorCode() {
    const g = globalRuntime();
    return g?.ErrorCode?.invalidValue && g.ErrorCode.notAvailable ? g.ErrorCode : FALLBACK_CODES;
  },
};

/** True when Office's custom-functions runtime is present (the functions register with Excel). */
export function customFunctionsRuntimeLoaded(): boolean {
  return typeof globalRuntime()?.associate === "function";
}

/** The Excel error for a registry error: #VALUE! or #N/A, with the Vietnamese message. */
export function toExcelError(e: FnError): object {
  const code = e.code === "na" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code as never, e.message);
}

function unwrap(r: FnResult): number | string | Scalar[][] {
  if (r instanceof FnError) throw toExcelError(r);
  return r;
}

/** Calls a scalar-returning registry function; a 1×1 result is unwrapped. */
function scalar(id: string, args: FnArg[]): number | string {
  const r = unwrap(callFunction(id, args));
  if (Array.isArray(r)) {
    const v = r.length === 1 && r[0].length === 1 ? r[0][0] : null;
    return typeof v === "number" || typeof v === "string" ? v : "";
  }
  return r;
}

/** Calls a range-returning (spilled) registry function; "" for empty input becomes a 1×1 array. */
function grid(id: string, args: FnArg[]): Array<Array<number | string | boolean | null>> {
  const r = unwrap(callFunction(id, args));
  if (Array.isArray(r)) return r.map((row) => row.map((c) => (c === null ? "" : c)));
  return [[r]];
}

/**
 * Đánh giá kết quả so với chỉ tiêu Nghị quyết: Vượt / Đạt / Gần đạt / Chưa đạt.
 * @customfunction DANHGIA
 * @param chi_tieu Chỉ tiêu Nghị quyết, ví dụ "8,5-9,5", "> 98", "dưới 1,0".
 * @param ket_qua Kết quả thực hiện, ví dụ 7,8 hoặc "263 đảng viên/ 3 năm".
 * @param chieu Chiều: "tang" (càng cao càng tốt), "giam" hoặc "khoang". Bỏ trống để tự nhận.
 * @param bo_tu Bộ từ: "dat" (mặc định) hoặc "hoan-thanh"; thêm "-2" để gộp Vượt vào Đạt.
 * @param nguong_gan_dat Ngưỡng gần đạt theo %, ví dụ 2 (trong 2% so với mức cần đạt). Bỏ trống: không dùng.
 * @param ten_chi_tieu Tên chỉ tiêu (ô cột Chỉ tiêu), để tự nhận chiều theo tên, ví dụ "Tỷ lệ hộ nghèo" là càng thấp càng tốt.
 * @returns Nhãn đánh giá, ví dụ "Đạt" hoặc "Chưa đạt"; để trống nếu chưa có số liệu.
 */
export function danhGia(
  chi_tieu: number | string,
  ket_qua: number | string,
  chieu?: string,
  bo_tu?: string,
  nguong_gan_dat?: number | string,
  ten_chi_tieu?: string,
): number | string {
  return scalar("DANHGIA", [chi_tieu, ket_qua, chieu, bo_tu, nguong_gan_dat, ten_chi_tieu]);
}

/**
 * Kết quả tính theo % của mức cần đạt (cận dưới nếu càng cao càng tốt, cận trên nếu càng thấp càng tốt).
 * @customfunction TYLEDAT
 * @param ket_qua Kết quả thực hiện (số).
 * @param chi_tieu Chỉ tiêu Nghị quyết, ví dụ "8,5-9,5".
 * @param chieu Chiều: "tang", "giam" hoặc "khoang". Bỏ trống để tự nhận.
 * @returns Tỷ lệ đạt theo điểm phần trăm, ví dụ 91,76.
 */
export function tyLeDat(ket_qua: number | string, chi_tieu: number | string, chieu?: string): number | string {
  return scalar("TYLEDAT", [ket_qua, chi_tieu, chieu]);
}

/**
 * Một cận của chỉ tiêu Nghị quyết dưới dạng số, dùng cho biểu đồ và định dạng có điều kiện.
 * @customfunction MUCTIEU
 * @param chi_tieu Chỉ tiêu Nghị quyết, ví dụ "8,5-9,5".
 * @param phan "duoi" (cận dưới, mặc định) hoặc "tren" (cận trên).
 * @returns Cận của chỉ tiêu, ví dụ 9,5.
 */
export function mucTieu(chi_tieu: number | string, phan?: string): number | string {
  return scalar("MUCTIEU", [chi_tieu, phan]);
}

/**
 * Đọc số viết kiểu Việt Nam trong văn bản: "8.397,5" → 8397,5; "0,37%" → 0,37.
 * @customfunction DOCSO
 * @param van_ban Văn bản chứa một số, ví dụ "8.397,5".
 * @returns Số đọc được.
 */
export function docSo(van_ban: number | string): number | string {
  return scalar("DOCSO", [van_ban]);
}

/**
 * Tốc độ tăng bình quân (%/năm) từ giá trị đầu kỳ, cuối kỳ và số năm: (căn bậc n của cuối/đầu − 1) × 100.
 * @customfunction TANGBQ
 * @param dau Giá trị năm gốc (năm trước kỳ), ví dụ năm 2020.
 * @param cuoi Giá trị năm cuối.
 * @param so_nam Số năm sau năm gốc, ví dụ 3 cho 2021-2023.
 * @returns Tốc độ tăng bình quân (%/năm), ví dụ 29,65.
 */
export function tangBq(dau: number | string, cuoi: number | string, so_nam: number | string): number | string {
  return scalar("TANGBQ", [dau, cuoi, so_nam]);
}

/**
 * Tốc độ tăng bình quân (%/năm) của dãy giá trị theo năm, giá trị đầu là năm gốc.
 * @customfunction TANGBQ.DAYSO
 * @param day_gia_tri Dãy giá trị theo năm, ví dụ B5:E5 (năm gốc đến năm cuối).
 * @returns Tốc độ tăng bình quân (%/năm).
 */
export function tangBqDaySo(day_gia_tri: Array<Array<number | string | boolean | null>>): number | string {
  return scalar("TANGBQ.DAYSO", [day_gia_tri as Scalar[][]]);
}

/**
 * Tốc độ tăng bình quân (%/năm) từ tốc độ tăng từng năm: trung bình nhân của các chỉ số phát triển.
 * @customfunction TANGBQ.TOCDO
 * @param day_toc_do Tốc độ tăng từng năm (%), ví dụ 4,2; 9,7; 9,8.
 * @returns Tốc độ tăng bình quân (%/năm), ví dụ 7,87.
 */
export function tangBqTocDo(day_toc_do: Array<Array<number | string | boolean | null>>): number | string {
  return scalar("TANGBQ.TOCDO", [day_toc_do as Scalar[][]]);
}

/**
 * Tốc độ tăng bình quân các năm còn lại phải đạt để cả kỳ đạt mục tiêu bình quân.
 * @customfunction CANDAT
 * @param muc_tieu_bq Mục tiêu tăng bình quân cả kỳ (%/năm), ví dụ 8,5.
 * @param so_nam_ky Số năm của kỳ, ví dụ 5.
 * @param da_dat_bq Tốc độ bình quân đã đạt (%/năm), ví dụ 7,87.
 * @param so_nam_da_qua Số năm đã qua, ví dụ 3.
 * @returns Tốc độ bình quân cần đạt trong các năm còn lại (%/năm), ví dụ 9,45.
 */
export function canDat(
  muc_tieu_bq: number | string,
  so_nam_ky: number | string,
  da_dat_bq: number | string,
  so_nam_da_qua: number | string,
): number | string {
  return scalar("CANDAT", [muc_tieu_bq, so_nam_ky, da_dat_bq, so_nam_da_qua]);
}

/**
 * Tỷ lệ thực hiện so với kế hoạch (%): thực hiện / kế hoạch × 100.
 * @customfunction TYLEKH
 * @param thuc_hien Số thực hiện.
 * @param ke_hoach Số kế hoạch.
 * @returns Tỷ lệ so với kế hoạch (%), ví dụ 86,36.
 */
export function tyLeKh(thuc_hien: number | string, ke_hoach: number | string): number | string {
  return scalar("TYLEKH", [thuc_hien, ke_hoach]);
}

/**
 * Cơ cấu (%): tỷ trọng của từng giá trị trong tổng, trả về cùng kích thước với vùng chọn.
 * @customfunction COCAU
 * @param day_gia_tri Các giá trị thành phần, ví dụ giá trị của dịch vụ, công nghiệp, nông nghiệp.
 * @returns Tỷ trọng (%) của từng giá trị, tổng bằng 100.
 */
export function coCau(day_gia_tri: Array<Array<number | string | boolean | null>>): Array<Array<number | string | boolean | null>> {
  return grid("COCAU", [day_gia_tri as Scalar[][]]);
}

/**
 * Tiến độ của chỉ tiêu lũy kế giữa kỳ: "Đúng tiến độ" hoặc "Chậm tiến độ" so với mức chia đều theo năm.
 * @customfunction TIENDO
 * @param luy_ke Số lũy kế đến nay, ví dụ 263.
 * @param muc_tieu_ky Mục tiêu cả kỳ, ví dụ 550 (110/năm × 5 năm).
 * @param so_nam_da_qua Số năm đã qua, ví dụ 3.
 * @param so_nam_ky Số năm của kỳ, ví dụ 5.
 * @returns "Đúng tiến độ" hoặc "Chậm tiến độ".
 */
export function tienDo(
  luy_ke: number | string,
  muc_tieu_ky: number | string,
  so_nam_da_qua: number | string,
  so_nam_ky: number | string,
): number | string {
  return scalar("TIENDO", [luy_ke, muc_tieu_ky, so_nam_da_qua, so_nam_ky]);
}
