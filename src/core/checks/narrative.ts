/**
 * Verdict counts and the summary sentence reports write: "Có 07/14 chỉ tiêu đạt và vượt; 02 chỉ tiêu
 * gần đạt; 05 chỉ tiêu chưa đạt." The section's sentences per indicator are core/report/writer.ts.
 */
import type { Levels, Status, Vocabulary } from "../evaluation/evaluate";
import { pad2 } from "../text/numbers";

export interface StatusTally {
  total: number;
  exceeded: number;
  met: number;
  near: number;
  not_met: number;
  not_evaluable: number;
}

export function tally(statuses: Iterable<Status>): StatusTally {
  const t: StatusTally = { total: 0, exceeded: 0, met: 0, near: 0, not_met: 0, not_evaluable: 0 };
  for (const s of statuses) {
    t.total++;
    t[s]++;
  }
  return t;
}

/** "14/28 chỉ tiêu đạt và vượt; 14 chỉ tiêu chưa đạt" (counts written with two digits, as reports do). */
export function summaryClause(t: StatusTally, vocabulary: Vocabulary = "dat", levels: Levels = 3): string {
  const ht = vocabulary === "hoan-thanh";
  // two-level reports (Đạt / Chưa đạt) fold "vượt" into "đạt", so the sentence does not name it
  const achieved = levels === 2 ? (ht ? "hoàn thành" : "đạt") : ht ? "hoàn thành và hoàn thành vượt" : "đạt và vượt";
  const parts = [`${pad2(t.met + t.exceeded)}/${pad2(t.total)} chỉ tiêu ${achieved}`];
  if (t.near) parts.push(`${pad2(t.near)} chỉ tiêu ${ht ? "gần hoàn thành" : "gần đạt"}`);
  if (t.not_met) parts.push(`${pad2(t.not_met)} chỉ tiêu ${ht ? "chưa hoàn thành" : "chưa đạt"}`);
  if (t.not_evaluable) parts.push(`${pad2(t.not_evaluable)} chỉ tiêu chưa đánh giá được`);
  return parts.join("; ");
}

/** "Có 14/28 chỉ tiêu đạt và vượt; 14 chỉ tiêu chưa đạt." */
export function summarySentence(t: StatusTally, vocabulary: Vocabulary = "dat", levels: Levels = 3): string {
  return `Có ${summaryClause(t, vocabulary, levels)}.`;
}
