/** chitieu fn NAME ARG...: evaluate a custom function through the same registry Excel uses. */
import { callFunction, findFunction, FnError, FUNCTIONS, NAMESPACE, type FnArg, type Scalar } from "../../core/evaluation/nq-functions";
import { formatViNumber } from "../../core/text/numbers";
import { CliError, parseArgs, type Io } from "../io";
import { COMMAND_TEXTS } from "../command-texts";

export const { summary, usage } = COMMAND_TEXTS["fn"];

function parseArg(s: string): FnArg {
  const t = s.trim();
  if (t.startsWith("[")) {
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch {
      throw new CliError(`Đối số "${s}" bắt đầu bằng "[" nhưng không phải mảng JSON hợp lệ.`);
    }
    if (!Array.isArray(v)) throw new CliError(`Đối số "${s}" phải là mảng.`);
    const grid = (v.every((r) => Array.isArray(r)) ? v : [v]) as unknown[][];
    return grid.map((r) => r.map((c) => (c === null || typeof c === "number" || typeof c === "string" || typeof c === "boolean" ? c : String(c)))) as Scalar[][];
  }
  return s;
}

function formatResult(v: number | string | Scalar[][], raw: boolean, decimals: number): string {
  const one = (x: Scalar): string => (typeof x === "number" ? (raw ? String(x) : formatViNumber(x, { decimals })) : x === null ? "" : String(x));
  if (Array.isArray(v)) return v.map((r) => r.map(one).join("\t")).join("\n");
  return one(v);
}

export function run(argv: string[], io: Io): number {
  const args = parseArgs(argv, ["raw"]);
  const [name, ...rest] = args.positional;
  if (!name) {
    io.out(`Các hàm: ${FUNCTIONS.map((f) => `${NAMESPACE}.${f.id}`).join(", ")}`);
    throw new CliError("Thiếu tên hàm. Ví dụ: chitieu fn NQ.TANGBQ 86260 145000 2");
  }
  if (!findFunction(name)) {
    throw new CliError(`Không có hàm "${name}". Các hàm: ${FUNCTIONS.map((f) => `${NAMESPACE}.${f.id}`).join(", ")}.`);
  }
  const decimals = args.flags.decimals === undefined ? 2 : Number(args.flags.decimals);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) throw new CliError("--decimals phải là số nguyên từ 0 đến 15.");
  const result = callFunction(name, rest.map(parseArg));
  if (result instanceof FnError) {
    io.err(result.toString());
    return 1;
  }
  io.out(formatResult(result, !!args.flags.raw, decimals));
  return 0;
}
