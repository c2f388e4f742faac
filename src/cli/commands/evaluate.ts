/** chitieu evaluate [FILE|-] [--json]: judge a JSON array of {target, actual, ...}. */
import { evaluate, parseVocabulary, type Evaluation } from "../../core/evaluation/evaluate";
import { formatTarget } from "../../core/target/target";
import { formatViNumber } from "../../core/text/numbers";
import { CliError, parseArgs, readInput, type Io } from "../io";
import { COMMAND_TEXTS } from "../command-texts";

export const { summary, usage } = COMMAND_TEXTS["evaluate"];

interface Item {
  name?: string;
  unit?: string;
  target: unknown;
  actual: unknown;
  direction?: string;
  vocabulary?: string;
  near?: number;
  levels?: number;
  [k: string]: unknown;
}

function evaluateItem(item: Item, index: number) {
  if (item === null || typeof item !== "object" || Array.isArray(item)) {
    throw new CliError(`Phần tử thứ ${index + 1} không phải là một đối tượng {target, actual}.`);
  }
  const vocabulary = parseVocabulary(item.vocabulary) ?? "dat";
  if (item.vocabulary !== undefined && !parseVocabulary(item.vocabulary)) {
    throw new CliError(`Phần tử thứ ${index + 1}: vocabulary phải là "dat" hoặc "hoan-thanh".`);
  }
  if (item.near !== undefined && (typeof item.near !== "number" || item.near < 0)) {
    throw new CliError(`Phần tử thứ ${index + 1}: near phải là số không âm (theo %, ví dụ 2).`);
  }
  const e = evaluate({
    target: item.target,
    actual: item.actual,
    direction: item.direction,
    name: item.name,
    unit: item.unit,
    vocabulary,
    levels: item.levels === 2 ? 2 : 3,
    near: item.near ? item.near / 100 : undefined,
  });
  return { e, out: { ...item, ...resultFields(e) } };
}

function resultFields(e: Evaluation) {
  return {
    status: e.status,
    label: e.label,
    direction: e.direction,
    direction_rule: e.directionRule,
    target_parsed: e.target ? { ...e.target } : null,
    target_error: e.targetError ?? null,
    ratio: e.ratio,
    borderline: e.borderline,
    reason: e.reason,
    notes: e.notes,
  };
}

export function run(argv: string[], io: Io): number {
  const args = parseArgs(argv, ["json"]);
  const text = readInput(args.positional[0], io);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const pos = /position (\d+)/.exec((err as Error).message)?.[1];
    throw new CliError(`Đầu vào không phải JSON hợp lệ${pos ? ` (lỗi ở ký tự thứ ${Number(pos) + 1})` : ""}.`, 2, (err as Error).message);
  }
  if (!Array.isArray(data)) throw new CliError("Đầu vào phải là một mảng JSON, ví dụ [{\"target\": \"8,5-9,5\", \"actual\": 7.8}].");
  const results = data.map((item, i) => evaluateItem(item as Item, i));
  if (args.flags.json) {
    io.out(JSON.stringify(results.map((r) => r.out), null, 2));
    return 0;
  }
  const rows = results.map(({ e }, i) => {
    const item = data[i] as Item;
    return [
      String(i + 1),
      (item.name ?? "").slice(0, 40),
      e.target ? formatTarget(e.target) : String(item.target ?? ""),
      String(item.actual ?? ""),
      e.label,
      e.ratio === null ? "" : formatViNumber(e.ratio, { decimals: 1, percent: true }),
      e.reason,
    ];
  });
  const head = ["#", "Chỉ tiêu", "Nghị quyết", "Kết quả", "Đánh giá", "Tỷ lệ", "Lý do"];
  const widths = head.map((h, c) => Math.min(c === 6 ? 200 : 40, Math.max(h.length, ...rows.map((r) => r[c].length))));
  const line = (r: string[]) => r.map((s, c) => (c === 6 ? s : s.padEnd(widths[c]))).join("  ");
  io.out([line(head), ...rows.map(line)].join("\n"));
  return 0;
}
