/**
 * The reason behind a computed verdict, as the clerk and the reviewer read it beside the cell (a
 * note on the Đánh giá cell, or the "Lý do" column): the engine's sentence, where the direction came
 * from when the name decided it, then the engine's remarks (a reduction target, a per-year
 * conversion, the target's own note). One paragraph, in the engine's words.
 */
import type { Evaluation } from "./evaluate";
import type { Direction } from "../target/direction";

const DIRECTION_WORDS: Record<Direction, string> = {
  up: "càng cao càng tốt",
  down: "càng thấp càng tốt",
  band: "cần nằm trong khoảng đề ra",
};

const DIRECTION_SOURCE: Partial<Record<Evaluation["directionRule"], string>> = {
  name: "tên chỉ tiêu",
  group_name: "tên nhóm chỉ tiêu",
};

export function verdictReason(e: Pick<Evaluation, "reason" | "notes" | "direction" | "directionRule" | "status">): string {
  const parts = [e.reason];
  const from = DIRECTION_SOURCE[e.directionRule];
  if (from && e.status !== "not_evaluable") parts.push(`Hướng đánh giá theo ${from}: ${DIRECTION_WORDS[e.direction]}.`);
  parts.push(...e.notes);
  return parts
    .map((s) => s.trim())
    .filter(Boolean)
    .join(" ");
}
