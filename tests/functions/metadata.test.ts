/**
 * functions.json, the metadata Excel reads, generated from the JSDoc of src/functions/functions.ts
 * by custom-functions-metadata (the package custom-functions-metadata-plugin calls during the build).
 * Every registry function is listed, with a valid id, Vietnamese help and the registry's parameters.
 * When a built dist/web/functions.json is newer than the source, it must be the same document.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FUNCTIONS, NAMESPACE } from "../../src/core/evaluation/nq-functions";

const ROOT = path.resolve(__dirname, "..", "..");
const SOURCE = path.join(ROOT, "src", "functions", "functions.ts");
const BUILT = path.join(ROOT, "dist", "web", "functions.json");
const VIETNAMESE = /[ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]/i;

interface ParamMeta {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface FunctionMeta {
  id: string;
  name: string;
  description: string;
  parameters: ParamMeta[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

let generated: { functions: FunctionMeta[] };
let json: string;

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata([SOURCE]);
  expect(r.errors).toEqual([]);
  json = r.metadataJson;
  generated = JSON.parse(json);
});

test("every registry function is listed once, and nothing else", () => {
  expect(generated.functions.map((f) => f.id).sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
  expect(new Set(generated.functions.map((f) => f.id)).size).toBe(generated.functions.length);
});

/**
 * Microsoft's naming rules for custom functions (learn.microsoft.com, "Custom functions naming
 * guidelines"): id and name start with a letter and have at least three characters; an id holds
 * only A–Z, 0–9, "_" and "."; a name any letter, "_" and "."; upper case like Excel's own
 * functions; neither may look like a cell reference (A1 to XFD1048576, R1C1) nor be an Excel 4.0
 * macro function name. Excel refuses, or shows #REF!/#NAME?, for a function that breaks them.
 */
const EXCEL4_MACROS = ["RUN", "ECHO", "HALT", "FILES", "SAVE", "OPEN", "CLOSE", "ALERT", "BEEP", "CALL", "EVALUATE", "GET.CELL", "RETURN", "RESULT", "ARGUMENT", "VOLATILE", "SET.NAME", "SELECTION", "REGISTER", "FORMULA", "INPUT", "MESSAGE", "PAUSE", "STEP", "WAIT", "GOTO", "NEXT", "WHILE", "ELSE", "END.IF", "FOR", "BREAK"];

/** The reasons an id or name breaks the rules; [] when it is valid. */
function namingProblems(id: string, kind: "id" | "name"): string[] {
  const out: string[] = [];
  if (!(kind === "id" ? /^[A-Za-z]/ : /^\p{L}/u).test(id)) out.push("starts with a non-letter");
  if (id.length < 3) out.push("shorter than 3 characters");
  if (kind === "id" && !/^[A-Za-z0-9._]+$/.test(id)) out.push("characters other than A-Z 0-9 _ .");
  if (kind === "name" && !/^[\p{L}\p{N}._]+$/u.test(id)) out.push("characters other than letters, digits, _ .");
  if (id !== id.toUpperCase()) out.push("not upper case");
  for (const part of [id, ...id.split(".")]) {
    const a1 = /^([A-Z]{1,3})([0-9]+)$/.exec(part.toUpperCase());
    const col = a1 ? [...a1[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 0;
    if (a1 && col <= 16384 && Number(a1[2]) >= 1 && Number(a1[2]) <= 1048576) out.push(`looks like cell ${part}`);
    if (/^R[0-9]+C[0-9]+$/i.test(part)) out.push(`looks like cell ${part}`);
  }
  if (EXCEL4_MACROS.includes(id.toUpperCase())) out.push("an Excel 4.0 macro function name");
  return out;
}

test("the naming check catches what Microsoft's rules forbid", () => {
  expect(namingProblems("SO", "id")).toContain("shorter than 3 characters");
  expect(namingProblems("1ABC", "id")).toContain("starts with a non-letter");
  expect(namingProblems("ĐỌCSỐ", "id")).toContain("characters other than A-Z 0-9 _ .");
  expect(namingProblems("ĐỌCSỐ", "name")).toEqual([]);
  expect(namingProblems("docso", "id")).toContain("not upper case");
  expect(namingProblems("ABC1", "id")).toContain("looks like cell ABC1");
  expect(namingProblems("TANG.R1C1", "id")).toContain("looks like cell R1C1");
  expect(namingProblems("XFE1", "id")).toEqual([]); // past the last column
  expect(namingProblems("RUN", "id")).toContain("an Excel 4.0 macro function name");
  expect(namingProblems("DOCSO", "id")).toEqual([]);
});

test("every id and name follows Microsoft's naming rules; names equal ids (no localisation)", () => {
  const bad = generated.functions.flatMap((f) => [
    ...namingProblems(f.id, "id").map((p) => `${f.id}: ${p}`),
    ...namingProblems(f.name, "name").map((p) => `name ${f.name}: ${p}`),
  ]);
  expect(bad).toEqual([]);
  for (const f of generated.functions) {
    expect(f.name).toBe(f.id);
    expect(`${NAMESPACE}.${f.id}`.length).toBeLessThanOrEqual(128);
  }
  // the registry (CLI `fn`, the tests) uses the same ids
  expect(FUNCTIONS.flatMap((f) => namingProblems(f.id, "id"))).toEqual([]);
});

describe.each(FUNCTIONS.map((s) => [s.id, s] as const))("NQ.%s", (id, spec) => {
  const meta = () => generated.functions.find((f) => f.id === id)!;

  test("Vietnamese description and parameter help, NFC, equal to the registry's", () => {
    const f = meta();
    expect(f.description).toMatch(VIETNAMESE);
    expect(f.description).toBe(f.description.normalize("NFC"));
    expect(f.description).toBe(spec.description);
    f.parameters.forEach((p, i) => {
      expect(p.description).toBeDefined();
      expect(p.description).toBe(p.description!.normalize("NFC"));
      expect(p.description).toBe(spec.params[i].description);
    });
  });

  test("parameters match the registry: count, names, optional, ranges", () => {
    const f = meta();
    expect(f.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
    expect(f.parameters.map((p) => !!p.optional)).toEqual(spec.params.map((p) => !!p.optional));
    expect(f.parameters.map((p) => p.dimensionality === "matrix")).toEqual(spec.params.map((p) => !!p.range));
    for (const p of f.parameters) expect(p.repeating).toBeUndefined();
  });

  test("result is a spilled matrix only for spilling functions; never volatile or streaming", () => {
    const f = meta();
    expect(f.result.dimensionality === "matrix").toBe(!!spec.spill);
    expect(f.options?.volatile).toBeFalsy();
    expect(f.options?.stream).toBeFalsy();
    expect(f.options?.requiresAddress).toBeFalsy();
  });
});

test("a built dist/web/functions.json, when newer than the source, is the generated document", () => {
  if (!existsSync(BUILT) || statSync(BUILT).mtimeMs < statSync(SOURCE).mtimeMs) {
    // nothing built since the last edit: the bundle test builds its own copy
    return;
  }
  expect(JSON.parse(readFileSync(BUILT, "utf8"))).toEqual(JSON.parse(json));
});
