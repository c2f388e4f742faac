/**
 * Test-only bridge: the NQ.* registry as a HyperFormula function plugin, so the functions can be
 * proven inside real formulas (references, ranges, nesting, recalculation, spilling).
 * HyperFormula (GPL-3.0, licence key "gpl-v3") is a dev dependency and is never imported from src/.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import { callFunction, FnError, FUNCTIONS, NAMESPACE, type FnArg, type Scalar } from "../../src/core/evaluation/nq-functions";

/** HyperFormula's internal values → registry scalars (empty → null; rich numbers → plain numbers). */
function toScalar(v: unknown): Scalar {
  if (v === EmptyValue || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v && typeof v === "object" && "val" in v && typeof (v as { val: unknown }).val === "number") return (v as { val: number }).val;
  return String(v);
}
function toArg(v: unknown): FnArg {
  if (v instanceof SimpleRangeValue) return v.rawData().map((row) => row.map(toScalar));
  return toScalar(v);
}

const implementedFunctions: ImplementedFunctions = {};
for (const spec of FUNCTIONS) {
  implementedFunctions[`${NAMESPACE}.${spec.id}`] = {
    method: "callRegistry",
    parameters: spec.params.map((p) => ({
      argumentType: p.range ? FunctionArgumentType.RANGE : FunctionArgumentType.SCALAR,
      optionalArg: !!p.optional,
    })),
    ...(spec.spill ? { sizeOfResultArrayMethod: "sizeOfSpill" } : {}),
  };
}

export class NqPlugin extends FunctionPlugin {
  static implementedFunctions = implementedFunctions;

  /** One entry point for every NQ.* function: the registry decides by name. */
  callRegistry(ast: { procedureName: string; args: never[] }, state: never) {
    const name = ast.procedureName;
    return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) => {
      const r = callFunction(name, args.map(toArg));
      if (r instanceof FnError) return new CellError(r.code === "na" ? ErrorType.NA : ErrorType.VALUE, r.message);
      if (Array.isArray(r)) return SimpleRangeValue.onlyValues(r.map((row) => row.map((c) => (c === null ? "" : c))) as never);
      return r;
    });
  }

  /** A spilled result has the shape of its range argument (NQ.COCAU). */
  sizeOfSpill(ast: { args: never[] }, state: never) {
    if (ast.args.length !== 1) return ArraySize.error();
    const s = this.arraySizeForAst(ast.args[0], state);
    // a plain (non-reference) size, so the engine reserves the spill range
    return new ArraySize(s.width, s.height);
  }
}

export const NQ_TRANSLATIONS = {
  enGB: Object.fromEntries(FUNCTIONS.map((f) => [`${NAMESPACE}.${f.id}`, `${NAMESPACE}.${f.id}`])),
};

let registered = false;
/** Registers the plugin once per process (HyperFormula keeps plugins globally). */
export function registerNqPlugin(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(NqPlugin, NQ_TRANSLATIONS);
  registered = true;
}
