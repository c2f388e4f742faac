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

test("ids and names are ASCII upper case (dots allowed), as Excel shows them after the NQ namespace", () => {
  for (const f of generated.functions) {
    expect(f.id).toMatch(/^[A-Z0-9._]+$/);
    expect(f.name).toBe(f.id);
    expect(`${NAMESPACE}.${f.id}`.length).toBeLessThanOrEqual(128);
  }
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
