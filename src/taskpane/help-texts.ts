/**
 * The "?" help of each view: what the job does, what it needs in the sheet, one example. Data only;
 * the HelpButton shows it and docs/huong-dan.md says the same at more length.
 */
import type { ViewId } from "./jobs";

export interface HelpText {
  /** what the job does */
  what: string;
  /** what it needs in the sheet */
  needs: string;
  /** one example */
  example: string;
}

export const HELP_TEXTS: Record<ViewId, HelpText> = {
  overview: {
    what: "Cho biết sổ làm việc đang ở đâu: đã có bảng chỉ tiêu chưa, còn bao nhiêu lỗi, cột Đánh giá đã điền chưa, đã có phụ lục chưa; nút chính là việc nên làm tiếp.",
    needs: "Một trang có bảng chỉ tiêu (TT, Chỉ tiêu, ĐVT, Chỉ tiêu Nghị quyết, Kết quả).",
    example: "Bảng có 3 lỗi: nút chính là “Xem 3 lỗi”; sửa xong, nút chuyển sang “Điền cột Đánh giá”.",
  },
  table: {
    what: "Tìm bảng chỉ tiêu trên trang tính và nhận các cột; cột nào nhận sai thì chọn lại.",
    needs: "Một dòng tiêu đề có các cột Chỉ tiêu, Chỉ tiêu Nghị quyết (mục tiêu) và Kết quả thực hiện; ĐVT, TT, Đánh giá nếu có.",
    example: "Cột D “Chỉ tiêu NQ ĐH VI” được nhận là Chỉ tiêu Nghị quyết; nếu nhận nhầm, chọn cột đúng trong danh sách.",
  },
  check: {
    what: "Kiểm tra từng chỉ tiêu: tỷ lệ tính sai, đánh giá ghi không khớp với số liệu, chỉ tiêu không đọc được. Bấm một dòng để đến ô đó.",
    needs: "Bảng chỉ tiêu đã nhận ở bước “Bảng chỉ tiêu”.",
    example: "“57/66 (88,14%)”: 57/66 là 86,36%, công cụ báo lỗi ở ô kết quả.",
  },
  status: {
    what: "Điền cột Đánh giá (Đạt / Chưa đạt…) cho mọi chỉ tiêu, sau khi cho biết số ô sẽ thay đổi. Không cột nào khác bị sửa.",
    needs: "Bảng có cột Chỉ tiêu Nghị quyết và Kết quả; cột Đánh giá có sẵn hoặc sẽ thêm ngay sau bảng.",
    example: "Chỉ tiêu “> 98”, kết quả 98: ô Đánh giá thành “Chưa đạt”.",
  },
  outlook: {
    what: "Ước khả năng đạt chỉ tiêu đến cuối nhiệm kỳ từ số liệu các năm đã qua, kèm biểu đồ.",
    needs: "Các cột số liệu từng năm (2021, 2022…) trong bảng chỉ tiêu.",
    example: "Thu ngân sách tăng bình quân 9%/năm: với đà này, năm 2025 đạt khoảng 105% chỉ tiêu.",
  },
  appendix: {
    what: "Lập phụ lục kết quả thực hiện các chỉ tiêu đúng thể thức, ở một trang mới; tải về dạng .xlsx hoặc .docx.",
    needs: "Bảng chỉ tiêu đã nhận; trang “Thông tin” (số, ngày báo cáo, cấp ủy) nếu muốn dòng “Kèm theo …” tự điền.",
    example: "Thể thức HD 05-HD/VPTW: trang “Phụ lục 1”, khổ ngang, tiêu đề in đậm, cột Đánh giá theo bảng.",
  },
  report: {
    what: "Viết đoạn văn “Các chỉ tiêu chủ yếu” cho báo cáo từ bảng, để sao chép hoặc tải về dạng .docx.",
    needs: "Bảng chỉ tiêu đã nhận và đã đánh giá.",
    example: "“Có 25/33 chỉ tiêu đạt và vượt…”, rồi mỗi chỉ tiêu một câu.",
  },
  reconcile: {
    what: "Đối chiếu dự thảo báo cáo (.docx) với bảng: số liệu ghi trong văn bản khác với bảng thì báo ra, bấm để đến ô.",
    needs: "Bảng chỉ tiêu đã nhận, và tệp dự thảo .docx.",
    example: "Dự thảo ghi “tỷ lệ hộ nghèo 0,35%” nhưng bảng ghi 0,37%: báo một chỗ lệch.",
  },
  consolidate: {
    what: "Gộp bảng chỉ tiêu của nhiều đơn vị (mỗi đơn vị một tệp) thành một bảng tổng hợp; liệt kê đơn vị còn thiếu số liệu.",
    needs: "Các tệp .xlsx của đơn vị, cùng mẫu bảng chỉ tiêu.",
    example: "12 xã gửi tệp: bảng tổng hợp có mỗi chỉ tiêu một dòng, mỗi xã một cột; xã nào để trống được ghi tên.",
  },
};
