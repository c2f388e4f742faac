/*
 * Whether this Excel can run the NQ.* custom functions (CustomFunctionsRuntime 1.1). Volume-licensed
 * Excel 2016/2019 cannot, nor iPad; retail perpetual 2016+ can from Version 2311 (docs/trien-khai.md).
 * Asked of Office, never guessed from the version: without it the task pane writes computed values
 * instead of formulas.
 * Safe to call outside Office (a plain browser, jest): it then answers false.
 */

interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}

function requirements(): RequirementsLike | undefined {
  const g = globalThis as { Office?: { context?: { requirements?: RequirementsLike } } };
  try {
    return g.Office?.context?.requirements;
  } catch {
    return undefined;
  }
}

function supported(name: string, version: string): boolean {
  const r = requirements();
  if (!r || typeof r.isSetSupported !== "function") return false;
  try {
    return r.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
}

/** True when Excel supports custom functions (CustomFunctionsRuntime 1.1): write `=NQ.…` formulas. */
export function customFunctionsSupported(): boolean {
  return supported("CustomFunctionsRuntime", "1.1");
}

/** True when the task pane and the functions share one runtime (SharedRuntime 1.1). */
export function sharedRuntimeSupported(): boolean {
  return supported("SharedRuntime", "1.1");
}

/** How the task pane should fill computed cells on this Excel. */
export type FillMode = "formulas" | "values";

/** "formulas" where the NQ.* functions run, otherwise "values" (older or volume-licensed Excel, or outside Office). */
export function fillMode(): FillMode {
  return customFunctionsSupported() ? "formulas" : "values";
}
