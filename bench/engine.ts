/** Engine bench: parse + evaluate 100 000 generated target/actual pairs against a parseFloat loop. */
import { evaluate } from "../src/core/evaluation/evaluate";
import { heapUsedMb, timeBest } from "./util";

const TARGET_FORMS = [
  (a: string, b: string) => `${a}-${b}`,
  (a: string) => `> ${a}`,
  (a: string) => `dưới ${a}`,
  (a: string) => `trên ${a}%`,
  (a: string) => `từ ${a}% trở lên`,
  (a: string) => `≥ ${a}`,
  (a: string) => `<${a}`,
  (a: string, b: string) => `${a}-${b} xã`,
  (a: string, b: string) => `Tăng ${a}-${b}`,
  (a: string, b: string) => `giảm còn ${a}-${b}%`,
  (a: string, b: string) => `Bình quân kết nạp từ ${a} – ${b}`,
  (a: string) => `${a} (theo tiêu chí cũ)`,
];

const vi = (x: number) => x.toFixed(1).replace(".", ",");

/** Deterministic pseudo-random pairs (LCG), so every run measures the same work. */
export function generatePairs(n: number): Array<{ target: string; actual: string }> {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const out: Array<{ target: string; actual: string }> = [];
  for (let i = 0; i < n; i++) {
    const a = 1 + rnd() * 90;
    const b = a + rnd() * 10;
    const form = TARGET_FORMS[i % TARGET_FORMS.length];
    out.push({ target: form(vi(a), vi(b)), actual: vi(a - 5 + rnd() * 15) });
  }
  return out;
}

export function benchEngine() {
  const n = 100_000;
  const pairs = generatePairs(n);
  let sink = 0;
  // Baseline as the issue defines it: a loop that only calls parseFloat on the same strings.
  const baseline = timeBest(() => {
    for (const p of pairs) sink += parseFloat(p.target) + parseFloat(p.actual);
  }, 7);
  // A second, fairer baseline for context: parseFloat after the least clean-up Vietnamese text needs
  // (drop words, decimal comma to point). Neither reads ranges, comparators or units.
  const cleaned = timeBest(() => {
    for (const p of pairs) sink += parseFloat(p.target.replace(/[^\d,]/g, "").replace(",", ".")) + parseFloat(p.actual.replace(",", "."));
  }, 5);
  const before = heapUsedMb();
  const engine = timeBest(() => {
    for (const p of pairs) if (evaluate({ target: p.target, actual: p.actual }).status === "met") sink++;
  }, 3);
  const after = heapUsedMb();
  if (sink === -1) console.log(sink);
  return {
    engine_rows: n,
    engine_ms: engine,
    engine_rows_per_s: Math.round((n / engine) * 1000),
    engine_baseline_parsefloat_ms: baseline,
    engine_ratio_vs_parsefloat: engine / baseline,
    engine_baseline_parsefloat_cleaned_ms: cleaned,
    engine_ratio_vs_parsefloat_cleaned: engine / cleaned,
    engine_us_per_pair: (engine * 1000) / n,
    engine_heap_delta_mb: after - before,
  };
}
