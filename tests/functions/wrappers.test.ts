/**
 * The Excel-facing wrappers in src/functions/functions.ts: each one gives what the registry gives,
 * turns registry errors into CustomFunctions.Error (#VALUE! / #N/A with the Vietnamese message),
 * and the module loads without Office. Also the support helper used by the task pane.
 */
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { callFunction, FnError, FUNCTIONS, type FnArg } from "../../src/core/evaluation/nq-functions";

const SOURCE = path.resolve(__dirname, "..", "..", "src", "functions", "functions.ts");

/** A stand-in for the Office runtime's global, recording associate calls. */
class ShimError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}
function makeShim() {
  return {
    associate: jest.fn(),
    Error: ShimError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
}

type Module = typeof import("../../src/functions/functions");
const g = globalThis as { CustomFunctions?: unknown };
function loadFunctions(): Module {
  let mod: Module | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require("../../src/functions/functions");
  });
  return mod!;
}

const SAMPLE_ARGS: Record<string, FnArg[]> = {
  DANHGIA: ["8,5-9,5", 7.8, undefined, undefined, undefined],
  TYLEDAT: [7.8, "8,5-9,5", undefined],
  MUCTIEU: ["8,5-9,5", "tren"],
  DOCSO: ["8.397,5"],
  TANGBQ: [86260, 145000, 2],
  "TANGBQ.DAYSO": [[[86260, 135327, 145000]]],
  "TANGBQ.TOCDO": [[[4.2], [9.7], [9.8]]],
  CANDAT: [8.5, 5, 7.87, 3],
  TYLEKH: [57, 66],
  COCAU: [[[120], [60], [20]]],
  TIENDO: [263, 550, 3, 5],
};

describe("outside Office (plain browser, the task pane run standalone)", () => {
  beforeAll(() => delete g.CustomFunctions);
  const m = loadFunctions();

  test("the module loads and says the runtime is absent", () => {
    expect(m.customFunctionsRuntimeLoaded()).toBe(false);
  });

  test("wrappers compute through the registry", () => {
    expect(m.danhGia("8,5-9,5", 7.8)).toBe("Chưa đạt");
    expect(m.tangBqTocDo([[4.2, 9.7, 9.8]])).toBeCloseTo(7.8679, 4);
    expect(m.coCau([[120], [60], [20]])).toEqual([[60], [30], [10]]);
  });

  test("errors are thrown as a stand-in error with the Excel code and the Vietnamese message", () => {
    expect(() => m.tangBq("abc", 145000, 2)).toThrow(/Giá trị đầu kỳ phải là một số/);
    try {
      m.tangBq("abc", 145000, 2);
    } catch (e) {
      expect((e as { code: string }).code).toBe("#VALUE!");
    }
  });
});

describe("inside Office (CustomFunctions runtime present)", () => {
  const shim = makeShim();
  const m = loadFunctions();
  // installed after the module loaded: the module reads the runtime at each use, as office.js may
  // finish setting it up later
  beforeAll(() => {
    g.CustomFunctions = shim;
  });
  afterAll(() => {
    delete g.CustomFunctions;
  });

  test("the module uses the runtime", () => {
    expect(m.customFunctionsRuntimeLoaded()).toBe(true);
  });

  test("every @customfunction wrapper gives exactly what the registry gives", async () => {
    const meta = await generateCustomFunctionsMetadata([SOURCE]);
    expect(meta.errors).toEqual([]);
    expect(meta.associate.map((a) => a.id).sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
    for (const a of meta.associate) {
      const fn = (m as unknown as Record<string, (...args: unknown[]) => unknown>)[a.functionName];
      expect(typeof fn).toBe("function");
      const args = SAMPLE_ARGS[a.id];
      expect(args).toBeDefined();
      const expected = callFunction(a.id, args);
      expect(expected).not.toBeInstanceOf(FnError);
      expect({ id: a.id, value: fn(...args) }).toEqual({ id: a.id, value: expected });
    }
  });

  test("a bad argument throws CustomFunctions.Error #VALUE! with the registry's message", () => {
    let thrown: unknown;
    try {
      m.canDat(8.5, 5, 7.87, 2.5);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ShimError);
    expect(thrown).toMatchObject({ code: "#VALUE!", message: (callFunction("CANDAT", [8.5, 5, 7.87, 2.5]) as FnError).message });
  });

  test("a missing bound throws #N/A", () => {
    expect(() => m.mucTieu("dưới 1,0", "duoi")).toThrow(ShimError);
    try {
      m.mucTieu("dưới 1,0", "duoi");
    } catch (e) {
      expect(e).toMatchObject({ code: "#N/A" });
      expect((e as ShimError).message).toMatch(/không có cận dưới/);
    }
  });

  test("empty inputs stay quiet: \"\" for scalars, a 1×1 blank for the spilled COCAU", () => {
    expect(m.danhGia(null as never, null as never)).toBe("");
    expect(m.tangBqDaySo([[null, null]])).toBe("");
    expect(m.coCau([[null]])).toEqual([[""]]);
  });

  test("optional arguments omitted by Excel (null) are treated as omitted", () => {
    expect(m.danhGia("8,5-9,5", 10, null as never, null as never, null as never)).toBe("Vượt");
    expect(m.danhGia("8,5-9,5", 10, "", "hoan-thanh")).toBe("Hoàn thành vượt");
  });
});

describe("customFunctionsSupported (task pane: formulas or values)", () => {
  const g = globalThis as { Office?: unknown };
  afterEach(() => {
    delete g.Office;
  });
  async function load() {
    let mod: typeof import("../../src/functions/support") | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mod = require("../../src/functions/support");
    });
    return mod!;
  }
  function office(sets: Record<string, string>) {
    return {
      context: {
        requirements: {
          isSetSupported: (name: string, version?: string) =>
            name in sets && Number(sets[name]) >= Number(version ?? "1.1"),
        },
      },
    };
  }

  test("outside Office: not supported, write values", async () => {
    delete g.Office;
    const s = await load();
    expect(s.customFunctionsSupported()).toBe(false);
    expect(s.sharedRuntimeSupported()).toBe(false);
    expect(s.fillMode()).toBe("values");
  });

  test("Excel 2016/2019 (no CustomFunctionsRuntime): write values", async () => {
    g.Office = office({ ExcelApi: "1.8" });
    const s = await load();
    expect(s.customFunctionsSupported()).toBe(false);
    expect(s.fillMode()).toBe("values");
  });

  test("Microsoft 365: custom functions and the shared runtime, write formulas", async () => {
    g.Office = office({ ExcelApi: "1.17", CustomFunctionsRuntime: "1.4", SharedRuntime: "1.1" });
    const s = await load();
    expect(s.customFunctionsSupported()).toBe(true);
    expect(s.sharedRuntimeSupported()).toBe(true);
    expect(s.fillMode()).toBe("formulas");
  });

  test("a throwing requirements API counts as unsupported", async () => {
    g.Office = { context: { requirements: { isSetSupported: () => { throw new Error("boom"); } } } };
    const s = await load();
    expect(s.customFunctionsSupported()).toBe(false);
  });
});
