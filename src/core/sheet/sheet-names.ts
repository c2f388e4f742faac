/**
 * Sheet names Excel accepts, in one place: the appendix layout, the Office.js writer and the file
 * writer all name new sheets through here.
 */

/** Excel's limit on a sheet name's length. */
export const SHEET_NAME_MAX = 31;

/** A sheet name Excel accepts (≤ 31 characters, none of : \ / ? * [ ] and no apostrophe, which breaks print titles). */
export function safeSheetName(name: string): string {
  const s = String(name ?? "").normalize("NFC").replace(/[:\\/?*[\]']/g, " ").replace(/\s+/g, " ").trim();
  return (s || "Phụ lục").slice(0, SHEET_NAME_MAX).trim();
}

/** A name no existing sheet has (compared without case and outer spaces, so no two names look alike): "Phụ lục 1", then "Phụ lục 1 (2)", "Phụ lục 1 (3)"... */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const key = (n: string) => n.trim().toLocaleLowerCase("vi");
  const taken = new Set(existing.map(key));
  const clean = safeSheetName(base);
  if (!taken.has(key(clean))) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = clean.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd() + suffix;
    if (!taken.has(key(name))) return name;
  }
}
