/**
 * Reads the example formulas written the way a Vietnamese Excel shows them
 * (`=NQ.TANGBQ(86260; 145000; 2)`, `=NQ.TANGBQ.TOCDO({4,2;9,7;9,8})`, decimal comma, `;` between
 * arguments, `{a;b;c}` for a column) into a function name and registry arguments.
 */
import { formatViNumber } from "../../src/core/text/numbers";
import type { FnArg, Scalar } from "../../src/core/evaluation/nq-functions";

export interface ParsedFormula {
  name: string;
  args: FnArg[];
}

function literal(tok: string): Scalar {
  const t = tok.trim();
  if (t === "") return null;
  if (t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
  if (/^-?\d+(,\d+)?$/.test(t)) return Number(t.replace(",", "."));
  if (/^(TRUE|FALSE)$/i.test(t)) return t.toUpperCase() === "TRUE";
  throw new Error(`unsupported literal in example formula: ${tok}`);
}

/** Splits on `sep` outside quotes and braces. */
function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = "";
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "{") depth++;
    else if (!quoted && ch === "}") depth--;
    if (!quoted && depth === 0 && ch === sep) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function parseExampleFormula(formula: string): ParsedFormula {
  const m = formula.trim().match(/^=([A-Z][A-Z0-9._]*)\((.*)\)$/s);
  if (!m) throw new Error(`not a function call: ${formula}`);
  const body = m[2].trim();
  const args: FnArg[] = body === "" ? [] : splitTop(body, ";").map((a) => {
    const t = a.trim();
    if (t.startsWith("{")) {
      // {a;b;c} is a column, {a\b\c} a row (vi-VN array separators)
      return t.slice(1, -1).split(";").map((row) => row.split("\\").map(literal));
    }
    return literal(t);
  });
  return { name: m[1], args };
}

/** A result as the README writes it: numbers vi-VN with up to 2 decimals, arrays joined by "; ". */
export function formatExampleResult(v: number | string | Scalar[][]): string {
  const one = (x: Scalar): string => (typeof x === "number" ? formatViNumber(x, { decimals: 2 }) : x === null ? "" : String(x));
  if (Array.isArray(v)) return v.flat().map(one).join("; ");
  return one(v);
}
