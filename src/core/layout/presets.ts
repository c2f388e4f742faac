/**
 * Layout presets. Figures from NOTES.md (HD 36-HD/VPTW 2018, HD 05-HD/VPTW 2026 as summarised,
 * Nghị định 30/2020/NĐ-CP Phụ lục I). Every figure can be overridden through AppendixOptions.
 */
import type { FontSizes, Margins, PresetName } from "./types";

export interface Preset {
  name: PresetName;
  label: string;
  /** "Phụ lục 1" (Party) or "Phụ lục I" (state) */
  numbering: "arabic" | "roman";
  /** Party: "(Kèm theo Báo cáo số 203-BC/ThU, ngày 25/5/2023 của Thành ủy)";
   *  state: "(Kèm theo Báo cáo số 125/BC-UBND ngày 15 tháng 10 năm 2027 của ...)" */
  kemTheoStyle: "party" | "state";
  marginsMm: Margins;
  /** the range the rules allow, for warnings */
  marginRangesMm: Record<keyof Margins, [number, number]>;
  fontSizes: FontSizes;
  pageNumbers: { position: "top-center"; firstPage: boolean };
  /** "ĐẢNG CỘNG SẢN VIỆT NAM" in the header block (Party documents only) */
  partyLine: boolean;
  /** where the figures come from, and how sure they are */
  source: string;
}

const PARTY_FONTS: FontSizes = {
  party: 15,
  issuer: 14,
  appendixNumber: 14,
  title: 14,
  kemTheo: 14,
  header: 12,
  body: 12,
  pageNumber: 14,
  signature: 14,
  recipientsTitle: 14,
  recipients: 12,
};

const PARTY_MARGINS: Margins = { top: 20, bottom: 20, left: 30, right: 15 };
const PARTY_RANGES: Record<keyof Margins, [number, number]> = { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 15] };

export const PRESETS: Record<PresetName, Preset> = {
  "dang-2026": {
    name: "dang-2026",
    label: "Văn bản của Đảng, Hướng dẫn 05-HD/VPTW (2026)",
    numbering: "arabic",
    kemTheoStyle: "party",
    marginsMm: PARTY_MARGINS,
    marginRangesMm: PARTY_RANGES,
    fontSizes: PARTY_FONTS,
    pageNumbers: { position: "top-center", firstPage: false },
    partyLine: true,
    source: "Tóm tắt Hướng dẫn 05-HD/VPTW (27/5/2026, thực hiện Quy định 399-QĐ/TW); chưa đối chiếu được văn bản gốc: lề 20/20/30/15 mm, số trang giữa phía trên, không đánh ở trang 1.",
  },
  "dang-2018": {
    name: "dang-2018",
    label: "Văn bản của Đảng, Hướng dẫn 36-HD/VPTW (2018)",
    numbering: "arabic",
    kemTheoStyle: "party",
    marginsMm: PARTY_MARGINS,
    marginRangesMm: PARTY_RANGES,
    fontSizes: PARTY_FONTS,
    pageNumbers: { position: "top-center", firstPage: false },
    partyLine: true,
    source: "Hướng dẫn 36-HD/VPTW (2018), Phụ lục 3 (cỡ chữ); lề theo các nguồn thứ cấp (20/20/30/15 mm).",
  },
  "nha-nuoc": {
    name: "nha-nuoc",
    label: "Văn bản hành chính nhà nước, Nghị định 30/2020/NĐ-CP",
    numbering: "roman",
    kemTheoStyle: "state",
    marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
    marginRangesMm: { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 20] },
    fontSizes: { ...PARTY_FONTS, party: 13, issuer: 13, title: 14, kemTheo: 14, pageNumber: 13 },
    pageNumbers: { position: "top-center", firstPage: false },
    partyLine: false,
    source: "Nghị định 30/2020/NĐ-CP, Phụ lục I: lề trên, dưới 20-25 mm, trái 30-35 mm, phải 15-20 mm; phụ lục đánh số La Mã; số trang 13-14 giữa phía trên, không đánh ở trang 1.",
  },
};

export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

export function parsePreset(v: unknown): PresetName | null {
  if (typeof v !== "string") return null;
  const t = v.trim().toLowerCase();
  return (PRESET_NAMES as string[]).includes(t) ? (t as PresetName) : null;
}
