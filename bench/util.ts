/**
 * Timing helpers for the bench. Work and its baseline are run side by side, interleaved (A B A B …),
 * so that a change in the machine's load hits both alike; each figure is the median of the runs,
 * with its spread (min–max as a percentage of the median). No best-of-N minimums.
 */
export interface Timing {
  median: number;
  min: number;
  max: number;
  /** (max − min) / median × 100 */
  spreadPct: number;
  runs: number[];
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function timing(runs: number[]): Timing {
  const med = median(runs);
  const min = Math.min(...runs);
  const max = Math.max(...runs);
  return { median: med, min, max, spreadPct: med > 0 ? ((max - min) / med) * 100 : 0, runs };
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Run each function `runs` times, interleaved, after one untimed warm-up round; milliseconds. */
export async function interleaved<K extends string>(fns: Record<K, () => unknown>, runs = 5, warmup = 1): Promise<Record<K, Timing>> {
  const keys = Object.keys(fns) as K[];
  const times = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < warmup + runs; i++) {
    for (const k of keys) {
      collectGarbage();
      const t0 = nowMs();
      await fns[k]();
      const ms = nowMs() - t0;
      if (i >= warmup) times[k].push(ms);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, timing(times[k])])) as Record<K, Timing>;
}

/** The ratio of two timings as a median of the per-round ratios (each round ran both side by side). */
export function ratio(a: Timing, b: Timing): Timing {
  return timing(a.runs.map((x, i) => x / b.runs[i]));
}

/** Figures of a ratio for the JSON line: the median, and its spread in percent. */
export function ratioFigures(key: string, r: Timing): Record<string, number> {
  return { [key]: round(r.median), [`${key}_spread_pct`]: round(r.spreadPct, 1) };
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The scaling exponent between two sizes: 1 = linear. */
export function exponent(t1: number, n1: number, t2: number, n2: number): number {
  return Math.log(t2 / t1) / Math.log(n2 / n1);
}

export function collectGarbage(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}

export function heapUsedMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1048576;
}

/** Best of N, for the microbenchmarks of the engine only (a loop of 100 000 calls). */
export function timeBest(fn: () => unknown, repeats = 5): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = nowMs();
    fn();
    const ms = nowMs() - t0;
    if (ms < best) best = ms;
  }
  return best;
}
