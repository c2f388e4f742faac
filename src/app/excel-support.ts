/**
 * What this Excel lacks and what still works, in Vietnamese, from the requirement sets it answers
 * for (Office.context.requirements.isSetSupported), never from its version name. The sets each
 * feature needs are Microsoft's (Excel JavaScript API requirement sets; Custom Functions and
 * Shared Runtime requirement sets); the support matrix in README.md and docs/trien-khai.md §3
 * lists which Excel has which, with sources.
 */

/** One feature that depends on a requirement set. */
export interface SupportRow {
  set: string;
  version: string;
  /** what the user gets with it */
  feature: string;
  /** what happens without it */
  without: string;
}

export const SUPPORT_ROWS: readonly SupportRow[] = [
  { set: "CustomFunctionsRuntime", version: "1.1", feature: "hàm NQ.* trong ô", without: "cột Đánh giá nhận giá trị đã tính thay cho công thức NQ.DANHGIA" },
  { set: "SharedRuntime", version: "1.1", feature: "nút Chỉ tiêu Nghị quyết trên thẻ Trang đầu", without: "mở ngăn qua Trang đầu › Phần bổ trợ (hoặc Chèn › Phần bổ trợ của tôi)" },
  { set: "ExcelApi", version: "1.20", feature: "mỗi lần ghi là một bước Ctrl+Z", without: "dùng nút “Hoàn tác” của ngăn tác vụ cho lần ghi gần nhất" },
  { set: "ExcelApi", version: "1.18", feature: "lý do đánh giá ghi thành ghi chú (note) trên ô", without: "lý do ghi ở cột “Lý do” mới cạnh cột Đánh giá" },
  { set: "ExcelApi", version: "1.13", feature: "“Tạo bảng mẫu” và đọc ô gộp", without: "tải tệp mẫu từ trang web; bảng vẫn đọc được, không có ô gộp" },
  { set: "ExcelApi", version: "1.9", feature: "khổ giấy, lề, tiêu đề lặp lại và số trang của phụ lục", without: "một dòng ghi chú dưới phụ lục nói cần đặt gì trong Bố trí Trang" },
  { set: "ExcelApi", version: "1.7", feature: "biết ngay khi sổ bị sửa sau lần ghi (để tắt “Hoàn tác”)", without: "“Hoàn tác” vẫn so sánh trước khi trả lại, không ghi đè chỗ đã sửa" },
  { set: "ExcelApi", version: "1.2", feature: "độ rộng cột, gộp ô tiêu đề của phụ lục", without: "ghi chú dưới phụ lục ghi độ rộng từng cột để kéo một lần" },
];

export interface SupportReport {
  /** features this Excel lacks, each with what happens instead */
  lacks: Array<{ feature: string; without: string; needs: string }>;
  /** what works everywhere the pane opens */
  works: string[];
}

/** What works in every Excel where the pane opens (ExcelApi 1.1). */
export const ALWAYS_WORKS = ["đọc và kiểm tra bảng chỉ tiêu", "điền cột Đánh giá", "tạo trang phụ lục", "tải phụ lục .xlsx và .docx", "đoạn văn báo cáo, đối chiếu dự thảo, tổng hợp nhiều đơn vị"];

export function describeExcel(isSetSupported: (name: string, version: string) => boolean): SupportReport {
  const has = (r: SupportRow) => {
    try {
      return isSetSupported(r.set, r.version) === true;
    } catch {
      return false;
    }
  };
  return {
    lacks: SUPPORT_ROWS.filter((r) => !has(r)).map((r) => ({ feature: r.feature, without: r.without, needs: `${r.set} ${r.version}` })),
    works: [...ALWAYS_WORKS, ...SUPPORT_ROWS.filter(has).map((r) => r.feature)],
  };
}
