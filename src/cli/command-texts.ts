/**
 * What `chitieu --help` and `chitieu CMD --help` print, as data: each command's one-line summary and
 * its usage. Kept apart from the commands so that the help loads no command (and none of ExcelJS,
 * docx or HyperFormula); each command file takes its own texts from here.
 */
import { COLUMN_TITLE_OPTIONS, PRESET_NAMES, PRESETS } from "../core/layout";
import type { Margins } from "../core/layout";

export const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The margin flags of `appendix`, in millimetres. */
export const MARGIN_FLAGS: ReadonlyArray<[string, keyof Margins]> = [
  ["le-tren", "top"],
  ["le-duoi", "bottom"],
  ["le-trai", "left"],
  ["le-phai", "right"],
];

export interface CommandTexts {
  summary: string;
  usage: string;
}

/** In the order `chitieu --help` lists them. */
export const COMMAND_TEXTS = {
  evaluate: {
    summary: "Đánh giá kết quả so với chỉ tiêu Nghị quyết, đầu vào là mảng JSON.",
    usage: "chitieu evaluate [TỆP.json|-] [--json]   (mỗi phần tử: {name?, unit?, target, actual, direction?, vocabulary?, near?, levels?}; near tính theo %)",
  },
  fn: {
    summary: "Tính một hàm NQ.* như trong Excel, in giá trị ra màn hình.",
    usage: "chitieu fn TÊN_HÀM ĐỐI_SỐ... [--raw] [--decimals N]   (ví dụ: chitieu fn NQ.TANGBQ 86260 145000 2; vùng ô: '[[4.2,9.7,9.8]]')",
  },
  check: {
    summary: "Kiểm tra bảng chỉ tiêu trong tệp Excel: đọc, đánh giá, chỉ ra chỗ sai.",
    usage: "chitieu check TỆP.xlsx [--sheet TÊN_TRANG] [--json] [--vocabulary dat|hoan-thanh] [--nhiem-ky 2020-2025] [--nam 2023]   (mã thoát: 0 không có lỗi, 1 có lỗi, 2 không dùng được tệp)",
  },
  template: {
    summary: "Tạo sổ Excel mẫu để nhập chỉ tiêu (trang \"Chỉ tiêu\" và \"Thông tin\").",
    usage: "chitieu template -o TỆP.xlsx [--force] [--sample] [--nhiem-ky 2025-2030]   (--sample: điền toàn bộ bảng chỉ tiêu mẫu; --nhiem-ky: các cột năm theo nhiệm kỳ)",
  },
  appendix: {
    summary: "Lập phụ lục \"Kết quả thực hiện các chỉ tiêu chủ yếu\" theo thể thức chính thức (.xlsx, .docx).",
    usage: [
  "chitieu appendix TỆP.xlsx -o RA.xlsx [--docx RA.docx] [tùy chọn]",
  "  Mặc định lấy theo bảng nguồn: tiêu đề các cột, cách ghi đánh giá (Đạt/Chưa đạt, Vượt, Hoàn thành, Không đạt, Gần đạt),",
  "  tiêu đề và dòng \"Kèm theo\" (trang \"Thông tin\" hoặc phần tiêu đề trên bảng), chữ trong từng ô đúng như đã gõ.",
  "  Chỉ tiêu không tự đánh giá được thì giữ đánh giá của bảng. Mỗi tùy chọn dưới đây thay một mặc định:",
  '  --layout KIỂU         thể thức (mặc định: trường "Thể thức" của trang "Thông tin", nếu có):',
  ...PRESET_NAMES.map((n) => `      ${n.padEnd(10)} ${PRESETS[n].label}`),
  "  --vocabulary dat|hoan-thanh   cách ghi đánh giá;  --levels 2|3   2: Đạt/Chưa đạt, 3: thêm Vượt",
  "  --title \"TIÊU ĐỀ\"      --kem-theo \"(Kèm theo ...)\"   (ghi đúng như gõ)",
  ...COLUMN_TITLE_OPTIONS.map((o) => `  --${o.flag.padEnd(14)} ${lowerFirst(o.label)}, ví dụ "${o.example}"`),
  `  ${MARGIN_FLAGS.map(([f]) => `--${f} MM`).join(" ")}   lề (milimét), mặc định theo thể thức`,
  "  --so-bao-cao SỐ  --ngay-bao-cao NGÀY  --co-quan \"Thành ủy\"   thông tin dòng \"Kèm theo\"",
  "  --kha-nang  cột \"Khả năng đạt đến cuối nhiệm kỳ\";  --bieu-do  biểu đồ diễn biến (mọi chỉ tiêu có số liệu từng năm);  --bieu-do-dong 5,36  chỉ các dòng này",
  "  --nhiem-ky 2020-2025  --nam 2023   nhiệm kỳ và năm báo cáo (mặc định theo trang \"Thông tin\" và các cột năm)",
  "  --portrait (giấy dọc)  --baseline  --years  --note  --signature  --party-header  --sheet TÊN_TRANG  --force",
].join("\n"),
  },
  demo: {
    summary: "Chạy thử trên báo cáo mẫu (Thành ủy Bảo Lộc, 2023): kiểm tra và lập phụ lục .xlsx, .docx.",
    usage: "chitieu demo [--out THƯ_MỤC] [--force] [--kha-nang] [--nhiem-ky 2020-2025] [--nam 2023]   (mặc định ./out)",
  },
  "van-ban": {
    summary: "Viết đoạn \"Các chỉ tiêu chủ yếu\" của báo cáo từ bảng chỉ tiêu đã kiểm tra (in ra, hoặc ghi .docx).",
    usage: "chitieu van-ban TỆP.xlsx [-o ĐOẠN-VĂN.docx] [--layout dang-2026|dang-2018|nha-nuoc] [--levels 2|3] [--so-muc 1] [--plain] [--sheet TÊN_TRANG] [--force]",
  },
  "doi-chieu": {
    summary: "Đối chiếu bản báo cáo (.docx, .txt) với bảng chỉ tiêu: số liệu, chỉ tiêu, tăng/giảm, tỷ lệ khác nhau.",
    usage: "chitieu doi-chieu BÁO-CÁO.docx BẢNG.xlsx [--json] [--sheet TÊN_TRANG]   (mã thoát: 0 khớp, 1 có chỗ khác, 2 không dùng được tệp)",
  },
  "tong-hop": {
    summary: "Tổng hợp bảng chỉ tiêu của nhiều đơn vị (xã, phường, sở, ngành) thành một bảng.",
    usage: 'chitieu tong-hop TỆP... | THƯ_MỤC -o TONG-HOP.xlsx [--ten "Tỉnh X"] [--cach "TT=cách tổng hợp" | --cach TỆP.xlsx]... [--json] [--force]   (trang "Chỉ tiêu" tổng hợp, "Theo đơn vị", "Thiếu số liệu")',
  },
} satisfies Record<string, CommandTexts>;
