/** The reference appendix and report, kept in tests/fixtures/reference (public data; see NGUON.md there). */
import { readFileSync } from "node:fs";
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const REFERENCE_DIR = path.resolve(REPO_ROOT, "tests", "fixtures", "reference");
export const REFERENCE_TSV = path.join(REFERENCE_DIR, "bao-loc-2023-phu-luc.tsv");

export interface ReferenceRow {
  /** 1-based line number in the TSV (header is line 1) */
  line: number;
  tt: string;
  name: string;
  unit: string;
  target: string;
  actual: string;
  reported: string;
}

export function loadReferenceRows(): ReferenceRow[] {
  const text = readFileSync(REFERENCE_TSV, "utf8");
  const lines = text.split(/\r?\n/);
  const rows: ReferenceRow[] = [];
  lines.slice(1).forEach((l, i) => {
    if (l.trim() === "") return;
    const [tt = "", name = "", unit = "", target = "", actual = "", reported = ""] = l.split("\t");
    rows.push({ line: i + 2, tt: tt.trim(), name: name.trim(), unit: unit.trim(), target: target.trim(), actual: actual.trim(), reported: reported.trim() });
  });
  return rows;
}

/** Rows with a target: the indicators (rows without one are groups). */
export function loadReferenceIndicators(): ReferenceRow[] {
  return loadReferenceRows().filter((r) => r.target !== "");
}
