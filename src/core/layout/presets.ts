/**
 * Layout presets, as data: labels and hints for the CLI help and the pane, margins per preset.
 * Figures from NOTES.md (HD 36-HD/VPTW 2018; HD 05-HD/VPTW 2026 from summaries only, said so in its
 * label; Nghị định 30/2020/NĐ-CP Phụ lục I). Every figure can be overridden through AppendixOptions.
 */
import type { FontSizes, Margins, PresetName } from "./types";

export interface Preset {
  name: PresetName;
  /** the label shown everywhere (CLI help, pane dropdown, messages); says when unconfirmed */
  label: string;
  /** a shorter label for narrow places */
  shortLabel: string;
  /** one line under the choice: what it gives and how sure the figures are */
  hint: string;
  /** the figures were checked against the original text (false: from summaries only) */
  confirmed: boolean;
  /** "Phụ lục 1" (Party) or "Phụ lục I" (state) */
  numbering: "arabic" | "roman";
  /** Party: "(Kèm theo Báo cáo số 203-BC/ThU, ngày 25/5/2023 của Thành ủy)";
   *  state: "(Kèm theo Báo cáo số 125/BC-UBND ngày 15 tháng 10 năm 2027 của ...)" */
  kemTheoStyle: "party" | "state";
  marginsMm: Margins;
  /** the range the rules allow, for warnings */
  marginRangesMm: Record<keyof Margins, [number, number]>;
  /** distance from the top edge to the page number, mm (capped at half the top margin) */
  pageNumberFromTopMm: number;
  fontSizes: FontSizes;
  pageNumbers: { position: "top-center"; firstPage: boolean };
  /** "ĐẢNG CỘNG SẢN VIỆT NAM" in the header block (Party documents only) */
  partyLine: boolean;
  /** other ways users name it (in the "Thông tin" sheet's "Thể thức", flags), folded by parsePreset */
  aliases: string[];
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

/** Said wherever the HD 05 preset is named: its figures come from summaries, not the original. */
export const UNCONFIRMED_NOTE = "theo tóm tắt, chưa đối chiếu văn bản gốc";

export const PRESETS: Record<PresetName, Preset> = {
  "dang-2026": {
    name: "dang-2026",
    label: `Văn bản của Đảng, Hướng dẫn 05-HD/VPTW (2026) — ${UNCONFIRMED_NOTE}`,
    shortLabel: "Đảng, HD 05-HD/VPTW (2026, chưa đối chiếu)",
    hint: "Lề 20/20/30/15 mm, “Phụ lục 1”. Hướng dẫn này chưa tìm được văn bản gốc: các số liệu lấy từ bản tóm tắt; nếu đơn vị vẫn theo HD 36 thì chọn HD 36.",
    confirmed: false,
    numbering: "arabic",
    kemTheoStyle: "party",
    marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
    marginRangesMm: { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 15] },
    pageNumberFromTopMm: 10,
    fontSizes: PARTY_FONTS,
    pageNumbers: { position: "top-center", firstPage: false },
    partyLine: true,
    aliases: ["05-HD/VPTW", "HD 05", "Hướng dẫn 05", "Quy định 399", "399-QĐ/TW", "Đảng 2026"],
    source: `Tóm tắt Hướng dẫn 05-HD/VPTW (27/5/2026, thực hiện Quy định 399-QĐ/TW), ${UNCONFIRMED_NOTE}: lề 20/20/30/15 mm, số trang giữa phía trên, không đánh ở trang 1.`,
  },
  "dang-2018": {
    name: "dang-2018",
    label: "Văn bản của Đảng, Hướng dẫn 36-HD/VPTW (2018)",
    shortLabel: "Đảng, HD 36-HD/VPTW (2018)",
    hint: "Lề trên 25, dưới 25, trái 35, phải 15 mm; số trang cách mép trên 10 mm; “Phụ lục 1”.",
    confirmed: true,
    numbering: "arabic",
    kemTheoStyle: "party",
    marginsMm: { top: 25, bottom: 25, left: 35, right: 15 },
    marginRangesMm: { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 15] },
    pageNumberFromTopMm: 10,
    fontSizes: PARTY_FONTS,
    pageNumbers: { position: "top-center", firstPage: false },
    partyLine: true,
    aliases: ["36-HD/VPTW", "HD 36", "Hướng dẫn 36", "Đảng 2018"],
    source: "Hướng dẫn 36-HD/VPTW (03/4/2018), Phụ lục 3 (cỡ chữ); lề theo sổ tay công tác Đảng: trên 25, dưới 25, trái 35, phải 15 mm, số trang cách mép trên 10 mm.",
  },
  "nha-nuoc": {
    name: "nha-nuoc",
    label: "Văn bản hành chính nhà nước, Nghị định 30/2020/NĐ-CP",
    shortLabel: "Nhà nước, NĐ 30/2020/NĐ-CP",
    hint: "Lề 20/20/30/15 mm (cho phép 20–25, 30–35, 15–20), “Phụ lục I”, ngày viết đủ.",
    confirmed: true,
    numbering: "roman",
    kemTheoStyle: "state",
    marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
    marginRangesMm: { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 20] },
    pageNumberFromTopMm: 10,
    fontSizes: { ...PARTY_FONTS, party: 13, issuer: 13, title: 14, kemTheo: 14, pageNumber: 13 },
    pageNumbers: { position: "top-center", firstPage: false },
    partyLine: false,
    aliases: ["NĐ 30", "Nghị định 30", "30/2020/NĐ-CP", "Nhà nước", "Hành chính", "UBND"],
    source: "Nghị định 30/2020/NĐ-CP, Phụ lục I: lề trên, dưới 20-25 mm, trái 30-35 mm, phải 15-20 mm; phụ lục đánh số La Mã; số trang 13-14 giữa phía trên, không đánh ở trang 1.",
  },
};

export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/** The preset used when neither the options, the "Thông tin" sheet nor the user's last choice names one. */
export const DEFAULT_PRESET: PresetName = "dang-2026";

/** "name: label" lines, for help texts. */
export function presetHelp(): string {
  return PRESET_NAMES.map((n) => `${n}: ${PRESETS[n].label}`).join("; ");
}

const foldKey = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * A preset from its name ("dang-2018"), its label or an alias as users write it ("HD 36",
 * "Hướng dẫn 36-HD/VPTW", "Nghị định 30"); null when not recognised.
 */
export function parsePreset(v: unknown): PresetName | null {
  if (typeof v !== "string") return null;
  const t = v.trim().toLowerCase();
  if ((PRESET_NAMES as string[]).includes(t)) return t as PresetName;
  const k = foldKey(v);
  if (!k) return null;
  for (const n of PRESET_NAMES) {
    const p = PRESETS[n];
    if ([p.label, p.shortLabel, ...p.aliases].some((a) => foldKey(a) === k)) return n;
  }
  // an alias inside a longer text: "Theo Hướng dẫn 36-HD/VPTW"
  for (const n of PRESET_NAMES) if (PRESETS[n].aliases.some((a) => ` ${k} `.includes(` ${foldKey(a)} `))) return n;
  return null;
}
