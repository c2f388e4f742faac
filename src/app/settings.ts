/**
 * The pane's settings (kept in the workbook so the next person gets the same), their defaults, and the
 * choices offered for them, derived from core's data so names and labels are written once.
 */
import { PRESET_NAMES, PRESETS, type AppendixOptions, type PresetName } from "../core/layout";
import type { Vocabulary } from "../core/evaluation/evaluate";

/** Settings kept in the workbook, so the next person gets the same. */
export interface PaneSettings {
  vocabulary: Vocabulary;
  levels: 2 | 3;
  /** near threshold in percent; 0 = off */
  near: number;
  layout: PresetName;
  title: string;
  kemTheo: string;
  orientation: "landscape" | "portrait";
  columns: { baseline: boolean; years: boolean; note: boolean };
  signature: boolean;
  /** each computed verdict's reason beside it: a cell note (ExcelApi 1.18) or the "Lý do" column; off by default */
  reasons: boolean;
  /** last sheet used and the column mapping the user confirmed, per sheet */
  sheet?: string;
  mappings?: Record<string, Record<string, string>>;
}

export const DEFAULT_SETTINGS: PaneSettings = {
  vocabulary: "dat",
  levels: 2,
  near: 0,
  layout: "dang-2026",
  title: "",
  kemTheo: "",
  orientation: "landscape",
  columns: { baseline: false, years: false, note: false },
  signature: false,
  reasons: false,
};


/** Saved settings over the defaults (the columns object merged too). */
export function mergeSettings(saved: Partial<PaneSettings> | null): PaneSettings {
  const s = { ...DEFAULT_SETTINGS, ...(saved ?? {}) };
  s.columns = { ...DEFAULT_SETTINGS.columns, ...(saved?.columns ?? {}) };
  return s;
}

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

/** The layout choices, with the labels and hints core's presets carry (HD 05 says it is unconfirmed). */
export const PRESET_CHOICES: Array<{ value: PaneSettings["layout"]; label: string; hint: string }> = PRESET_NAMES.map((n) => ({ value: n, label: PRESETS[n].label, hint: PRESETS[n].hint }));

export const VOCABULARY_CHOICES: Array<{ value: string; label: string; vocabulary: PaneSettings["vocabulary"]; levels: PaneSettings["levels"] }> = [
  { value: "dat-2", label: "Đạt / Chưa đạt", vocabulary: "dat", levels: 2 },
  { value: "dat-3", label: "Vượt / Đạt / Chưa đạt", vocabulary: "dat", levels: 3 },
  { value: "hoan-thanh-2", label: "Hoàn thành / Chưa hoàn thành", vocabulary: "hoan-thanh", levels: 2 },
  { value: "hoan-thanh-3", label: "Hoàn thành vượt / Hoàn thành / Chưa hoàn thành", vocabulary: "hoan-thanh", levels: 3 },
];
