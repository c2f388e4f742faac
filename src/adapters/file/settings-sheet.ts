/** The hidden sheet holding the task pane's settings (JSON in A1), in a file opened in the browser. */
import type { PaneSettings } from "../../app/settings";

export const SETTINGS_SHEET = "ChiTieuNQ_CaiDat";

/** The settings saved in A1 of that sheet; null when it holds none or no readable JSON object. */
export function parseSettingsCell(raw: unknown): Partial<PaneSettings> | null {
  if (typeof raw !== "string") return null;
  try {
    const v = JSON.parse(raw);
    return v && typeof v === "object" ? v : null;
  } catch {
    return null;
  }
}
