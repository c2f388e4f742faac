/**
 * Errors as the user should read them: what went wrong, and what to do about it.
 */
export interface ShownError {
  title: string;
  detail: string;
  /** what to do */
  action: string;
}

/** Codes of the errors the use cases raise, with what the user should do when no better action is known. */
export const APP_ERROR_ACTIONS = {
  no_sheet: "Kiểm tra tên trang (có thể đã bị đổi tên hay xóa) rồi chọn lại.",
  no_table: "Chọn trang có bảng chỉ tiêu, hoặc chỉ rõ các cột ở bước “Bảng chỉ tiêu”.",
  unreadable_file: "Chọn một tệp .xlsx hoặc .ods khác.",
  unsupported_excel: "Cập nhật Excel, hoặc dùng chế độ trình duyệt: mở tệp .xlsx trong trang này.",
  bad_input: "Sửa dữ liệu như thông báo nói rồi thử lại.",
  unreadable_draft: "Chọn bản báo cáo dạng .docx (Word) hoặc .txt (văn bản thuần, UTF-8).",
  cancelled: "Chạy lại khi cần; các tệp không bị sửa.",
  workbook_changed: "Dùng Ctrl+Z trong Excel, hoặc sửa lại bằng tay.",
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_ACTIONS;

/**
 * The one user-facing error: a Vietnamese message saying what went wrong (naming the file, sheet or
 * cell) and an action saying what to do. The CLI prints it and exits 2; the pane shows both.
 */
export class AppError extends Error {
  readonly action: string;
  constructor(
    readonly code: AppErrorCode,
    message: string,
    action?: string,
  ) {
    super(message);
    this.action = action ?? APP_ERROR_ACTIONS[code];
  }
}

function officeCode(e: unknown): string | undefined {
  if (e && typeof e === "object" && "code" in e && typeof (e as { code: unknown }).code === "string") return (e as { code: string }).code;
  return undefined;
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === "string") return e;
  if (e && typeof e === "object" && "message" in e) return String((e as { message: unknown }).message);
  return "Lỗi không rõ nguyên nhân.";
}

/** Turn anything thrown while doing `what` into a message that says what to do. */
export function describeError(what: string, e: unknown): ShownError {
  const code = officeCode(e);
  const detail = messageOf(e);
  const title = `Không ${what} được`;
  if (e instanceof AppError || (e && typeof e === "object" && typeof (e as { action?: unknown }).action === "string"))
    return { title, detail, action: (e as { action: string }).action };
  switch (code) {
    case "ItemNotFound":
      return { title, detail, action: "Trang tính hoặc ô không còn (có thể đã bị đổi tên hay xóa). Chọn lại trang ở bước “Bảng chỉ tiêu”." };
    case "AccessDenied":
    case "InvalidOperation":
    case "InvalidOperationInCellEditMode":
      return { title, detail, action: "Nhấn Enter hoặc Esc để thoát ô đang sửa; nếu trang tính đang được bảo vệ, bỏ bảo vệ rồi thử lại." };
    case "RequestPayloadSizeLimitExceeded":
    case "PayloadTooLarge":
      return { title, detail, action: "Bảng quá lớn cho Excel trên web. Thử trên Excel cho máy tính, hoặc chia bảng thành nhiều trang." };
    case "ApiNotFound":
      return { title, detail, action: "Phiên bản Excel này chưa hỗ trợ thao tác này. Cập nhật Excel, hoặc dùng chế độ trình duyệt: mở tệp .xlsx trong trang này." };
  }
  return { title, detail, action: "Kiểm tra lại rồi thử lần nữa. Nếu vẫn lỗi, lưu tệp, đóng rồi mở lại ngăn tác vụ." };
}
