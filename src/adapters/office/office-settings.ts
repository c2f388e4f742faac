/**
 * Task-pane settings kept in the workbook through `Office.context.document.settings`, so whoever
 * opens the file next gets the same choices. Stored as one JSON value under one key.
 */
import type { PaneSettings } from "../../app/settings";

export const SETTINGS_KEY = "chiTieuNghiQuyet";

/** The slice of Office.Settings used here (injectable for tests). */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void;
}

export function loadSettings(store: SettingsStore): Partial<PaneSettings> | null {
  const raw = store.get(SETTINGS_KEY);
  if (raw === null || raw === undefined) return null;
  try {
    const v = typeof raw === "string" ? JSON.parse(raw) : raw;
    return v && typeof v === "object" ? (v as Partial<PaneSettings>) : null;
  } catch {
    return null;
  }
}

export function saveSettings(store: SettingsStore, settings: PaneSettings): Promise<void> {
  store.set(SETTINGS_KEY, JSON.stringify(settings));
  return new Promise((resolve, reject) => {
    store.saveAsync((result) => {
      const failed = result && String(result.status).toLowerCase() === "failed";
      if (failed) reject(new Error(result.error?.message || "Không lưu được cài đặt vào sổ làm việc."));
      else resolve();
    });
  });
}
