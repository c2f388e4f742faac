/**
 * How the section is typeset in Word, per layout preset: Times New Roman, body size, indent. Sizes
 * from NOTES.md: Party documents (HD 36-HD/VPTW, Phụ lục 3) body 14-15; state documents (Nghị định
 * 30/2020/NĐ-CP, Phụ lục I) body 13-14. Margins come from the layout presets.
 */
import { PRESETS, type Margins, type PresetName } from "../layout";

export interface ReportStyle {
  fontName: string;
  /** body size in points */
  bodySize: number;
  /** first-line indent in millimetres */
  indentMm: number;
  /** space after each paragraph, in points */
  spaceAfterPt: number;
  marginsMm: Margins;
}

export const REPORT_BODY_SIZES: Record<PresetName, number> = { "dang-2026": 14, "dang-2018": 14, "nha-nuoc": 14 };

export function reportStyle(preset: PresetName = "dang-2026", overrides: Partial<ReportStyle> = {}): ReportStyle {
  return {
    fontName: "Times New Roman",
    bodySize: REPORT_BODY_SIZES[preset],
    indentMm: 10,
    spaceAfterPt: 6,
    marginsMm: { ...PRESETS[preset].marginsMm },
    ...overrides,
  };
}
