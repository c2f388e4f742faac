/**
 * Test fixture: the reference appendix (Thành ủy Bảo Lộc, Báo cáo 203-BC/ThU, 25/5/2023), its 33 rows
 * as printed, turned into an IndicatorTable and evaluated by the core engine.
 */
import { evaluate, parseStatusLabel, type Vocabulary } from "../../src/core/evaluation/evaluate";
import type { IndicatorRow, IndicatorTable, ReportInfo, TableRow } from "../../src/core/model";
import { parseViNumber } from "../../src/core/text/numbers";
import { SAMPLE_INFO } from "../../src/core/sample";
import { readFileSync } from "node:fs";
import { REFERENCE_TSV as REFERENCE_TSV_PATH } from "./reference";

/** The reference appendix as published (tests/fixtures/reference/bao-loc-2023-phu-luc.tsv), read at test time. */
export const REFERENCE_TSV = readFileSync(REFERENCE_TSV_PATH, "utf8").replace(/\r\n/g, "\n").trimEnd();

/** The reference report's information (the same as the bundled sample's). */
export const REFERENCE_INFO: ReportInfo = SAMPLE_INFO;

/**
 * Parse the TSV the way the sheet reads: groups have no unit/target/result; "-"/"+" marks sub-rows.
 * Like a reader that keeps the sheet's own texts, every row carries its cells as typed (`texts`) and
 * the table its header line (`headers`).
 */
export function tableFromTsv(tsv: string = REFERENCE_TSV, vocabulary: Vocabulary = "dat"): IndicatorTable {
  const lines = tsv.split("\n").filter((l) => l.trim() !== "");
  const head = lines[0].split("\t");
  const headers = { tt: head[0], name: head[1], unit: head[2], target: head[3], actual: head[4], status: head[5] };
  const rows: TableRow[] = [];
  const path: string[] = [];
  lines.slice(1).forEach((line, i) => {
    const raw = line.split("\t");
    const [tt = "", name = "", unit = "", target = "", actual = "", reported = ""] = raw.map((s) => s.trim());
    const texts: Record<string, string> = {};
    (["tt", "name", "unit", "target", "actual", "status"] as const).forEach((role, k) => {
      if (raw[k] !== undefined && raw[k].trim() !== "") texts[role] = raw[k];
    });
    const sheetRow = i + 2;
    if (!unit && !target && !actual) {
      if (tt && /^[IVX]+$/.test(tt)) {
        rows.push({ type: "group", row: sheetRow, tt, name, level: 0, texts });
        path.length = 0;
        path.push(name);
        return;
      }
      if (/^\d+$/.test(tt)) {
        rows.push({ type: "group", row: sheetRow, tt, name, level: 1, texts });
        path.length = 1;
        path.push(name);
        return;
      }
    }
    const m = /^([-+])\s*(.*)$/.exec(name);
    const num = parseViNumber(actual);
    const value: unknown = actual === "" ? null : num && !num.percent && !/^0\d/.test(actual) ? num.value : actual;
    const row: IndicatorRow = {
      type: "indicator",
      row: sheetRow,
      tt,
      name: m ? m[2] : name,
      unit,
      level: tt ? tt.split(".").length : 3,
      kind: "level",
      targetText: target,
      years: {},
      actual: value,
      actualSource: value === null ? "missing" : "given",
      reportedText: reported || undefined,
      reported: parseStatusLabel(reported),
      groupPath: [...path],
      cells: {},
      texts,
    };
    if (m) row.marker = m[1] as "-" | "+";
    row.evaluation = evaluate({ target: target, actual: value, name: row.name, unit, groupName: path[path.length - 1], vocabulary });
    rows.push(row);
  });
  return { sheet: "Chỉ tiêu", mapping: { tt: "A", name: "B", unit: "C", target: "D", actual: "E", status: "F" }, headerRow: 1, rows, years: [], info: REFERENCE_INFO, headers };
}
