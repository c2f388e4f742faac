/**
 * Long work: one task at a time (a second start is ignored while the first runs), a label and an
 * optional fraction done for the ProgressBar, a "Hủy" (cancel) for work that only reads or builds,
 * and errors turned into a message that says what to do.
 *
 * Cancelling aborts the AbortSignal the work function gets and frees the pane at once. Work must
 * write only at its end, after `signal.throwIfAborted()` (or `done(signal)`), so a cancelled task
 * leaves nothing half-written: whatever it read or built is dropped.
 */
import { useCallback, useRef, useState } from "react";
import { describeError, type ShownError } from "../app/errors";

/** Report how far the work is: a fraction 0..1 (null: unknown) and, optionally, a new label. */
export type Progress = (fraction: number | null, label?: string) => void;

export type WorkFn<T> = (signal: AbortSignal, progress: Progress) => Promise<T>;

export interface RunOptions {
  /** show "Hủy" while it runs (work that writes as it goes must not be cancellable) */
  cancellable?: boolean;
}

export interface Work {
  /** what is running, for the ProgressBar; null when idle */
  busy: string | null;
  /** fraction done (0..1) when the work reports it; null: indeterminate */
  progress: number | null;
  /** the running work can be cancelled */
  cancellable: boolean;
  error: ShownError | null;
  /** set for a moment after a cancel: "Đã hủy …" */
  cancelled: string | null;
  clearError(): void;
  clearCancelled(): void;
  cancel(): void;
  /** run `fn` unless something already runs; `what` completes "Không … được" in an error */
  run<T>(label: string, what: string, fn: WorkFn<T>, options?: RunOptions): Promise<T | undefined>;
}

export class CancelledError extends Error {
  constructor() {
    super("Đã hủy.");
    this.name = "AbortError";
  }
}

/** Throw if the work was cancelled: call it before the step that writes. */
export function done(signal: AbortSignal): void {
  if (signal.aborted) throw new CancelledError();
}

export function useWork(): Work {
  const running = useRef<{ controller: AbortController; what: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [cancellable, setCancellable] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const clearError = useCallback(() => setError(null), []);
  const clearCancelled = useCallback(() => setCancelled(null), []);
  const idle = () => {
    running.current = null;
    setBusy(null);
    setProgress(null);
    setCancellable(false);
  };
  const cancel = useCallback(() => {
    const r = running.current;
    if (!r) return;
    r.controller.abort();
    idle();
    setCancelled(`Đã hủy việc ${r.what}. Không có gì được ghi.`);
  }, []);
  const run = useCallback(async <T,>(label: string, what: string, fn: WorkFn<T>, options: RunOptions = {}): Promise<T | undefined> => {
    if (running.current) return undefined;
    const controller = new AbortController();
    const mine = { controller, what };
    running.current = mine;
    setBusy(label);
    setProgress(null);
    setCancellable(!!options.cancellable);
    setError(null);
    setCancelled(null);
    const report: Progress = (fraction, next) => {
      if (running.current !== mine) return;
      setProgress(fraction === null ? null : Math.max(0, Math.min(1, fraction)));
      if (next) setBusy(next);
    };
    const aborted = new Promise<never>((_r, reject) => controller.signal.addEventListener("abort", () => reject(new CancelledError())));
    aborted.catch(() => undefined);
    try {
      // let the ProgressBar paint before heavy synchronous work starts
      await new Promise((r) => setTimeout(r, 0));
      done(controller.signal);
      return await Promise.race([fn(controller.signal, report), aborted]);
    } catch (e) {
      if (!controller.signal.aborted) setError(describeError(what, e));
      return undefined;
    } finally {
      if (running.current === mine) idle();
    }
  }, []);
  return { busy, progress, cancellable, error, cancelled, clearError, clearCancelled, cancel, run };
}
