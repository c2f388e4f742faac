/**
 * Long work: one task at a time (a second start is ignored while the first runs), a label for the
 * ProgressBar, and errors turned into a message that says what to do.
 */
import { useCallback, useRef, useState } from "react";
import { describeError, type ShownError } from "../app/errors";

export interface Work {
  /** what is running, for the ProgressBar; null when idle */
  busy: string | null;
  error: ShownError | null;
  clearError(): void;
  /** run `fn` unless something already runs; `what` completes "Không … được" in an error */
  run<T>(label: string, what: string, fn: () => Promise<T>): Promise<T | undefined>;
}

export function useWork(): Work {
  const running = useRef(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const clearError = useCallback(() => setError(null), []);
  const run = useCallback(async <T,>(label: string, what: string, fn: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(label);
    setError(null);
    try {
      // let the ProgressBar paint before heavy synchronous work starts
      await new Promise((r) => setTimeout(r, 0));
      return await fn();
    } catch (e) {
      setError(describeError(what, e));
      return undefined;
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);
  return { busy, error, clearError, run };
}
