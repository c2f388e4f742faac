/** The appendix form's settings → the layout options of src/core/layout. */
import type { AppendixOptions } from "../core/layout";
import type { PaneSettings } from "./port";

export function appendixOptions(s: PaneSettings): AppendixOptions {
  return {
    preset: s.layout,
    orientation: s.orientation,
    vocabulary: s.vocabulary,
    levels: s.levels,
    title: s.title.trim() ? s.title.trim() : undefined,
    kemTheo: s.kemTheo.trim() ? s.kemTheo.trim() : undefined,
    columns: { baseline: s.columns.baseline, years: s.columns.years, note: s.columns.note },
    signature: s.signature,
  };
}

export const PRESET_CHOICES: Array<{ value: PaneSettings["layout"]; label: string; hint: string }> = [
  { value: "dang-2026", label: "Văn bản của Đảng (HD 05-HD/VPTW, 2026)", hint: "Phụ lục đánh số Ả Rập: “Phụ lục 1”." },
  { value: "dang-2018", label: "Văn bản của Đảng (HD 36-HD/VPTW, 2018)", hint: "Thể thức cũ, vẫn dùng ở nhiều nơi." },
  { value: "nha-nuoc", label: "Văn bản hành chính nhà nước (NĐ 30/2020)", hint: "Phụ lục đánh số La Mã: “Phụ lục I”." },
];

export const VOCABULARY_CHOICES: Array<{ value: string; label: string; vocabulary: PaneSettings["vocabulary"]; levels: PaneSettings["levels"] }> = [
  { value: "dat-2", label: "Đạt / Chưa đạt", vocabulary: "dat", levels: 2 },
  { value: "dat-3", label: "Vượt / Đạt / Chưa đạt", vocabulary: "dat", levels: 3 },
  { value: "hoan-thanh-2", label: "Hoàn thành / Chưa hoàn thành", vocabulary: "hoan-thanh", levels: 2 },
  { value: "hoan-thanh-3", label: "Hoàn thành vượt / Hoàn thành / Chưa hoàn thành", vocabulary: "hoan-thanh", levels: 3 },
];
