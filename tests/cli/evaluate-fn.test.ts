import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseStatusLabel, statusesAgree } from "../../src/core/evaluation/evaluate";
import { runCli } from "../support/cli";
import { loadReferenceIndicators, REPO_ROOT } from "../support/reference";

describe("chitieu evaluate", () => {
  const rows = loadReferenceIndicators();
  const input = rows.map((r) => ({ name: r.name, unit: r.unit, target: r.target, actual: r.actual }));

  test("--json answers for every reference row, in order, with the added fields", async () => {
    const r = await runCli(["evaluate", "-", "--json"], JSON.stringify(input));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(rows.length);
    out.forEach((o: Record<string, unknown>, i: number) => {
      expect(o.name).toBe(rows[i].name);
      expect(o.target).toBe(rows[i].target);
      for (const k of ["status", "label", "direction", "direction_rule", "target_parsed", "ratio", "notes"]) expect(o).toHaveProperty(k);
      expect(o.target_parsed).not.toBeNull();
    });
    const disagree = out.filter((o: { status: never }, i: number) => !statusesAgree(parseStatusLabel(rows[i].reported)!, o.status));
    expect(disagree.map((o: { target: string; actual: string }) => `${o.target} / ${o.actual}`)).toEqual(["> 98 / 98"]);
  });

  test("readable table without --json; file input", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "chitieu-"));
    const f = path.join(dir, "in.json");
    writeFileSync(f, JSON.stringify(input.slice(0, 3)));
    const r = await runCli(["evaluate", f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Đánh giá/);
    expect(r.stdout).toMatch(/8,5-9,5\s+7,8\s+Chưa đạt/);
  });

  test("errors are Vietnamese, without stack traces, exit 2", async () => {
    const bad = await runCli(["evaluate", "-"], "{not json");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/không phải JSON hợp lệ/);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
    const missing = await runCli(["evaluate", "/khong/co/tep.json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('Không tìm thấy tệp "/khong/co/tep.json".\n');
    const notArray = await runCli(["evaluate", "-"], '{"target": 1}');
    expect(notArray.code).toBe(2);
    const unknown = await runCli(["bogus"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Lệnh không có: "bogus"/);
  });
});

describe("chitieu fn", () => {
  test.each([
    [["NQ.TANGBQ.DAYSO", "[[86260,135327,145000]]"], "29,65"],
    [["NQ.TANGBQ.TOCDO", "[[4.2,9.7,9.8]]"], "7,87"],
    [["NQ.CANDAT", "8,5", "5", "7,87", "3"], "9,45"],
    [["NQ.TANGBQ", "86260", "145000", "2"], "29,65"],
    [["NQ.DANHGIA", "8,5-9,5", "7,8"], "Chưa đạt"],
    [["NQ.DANHGIA", "> 98", "99"], "Đạt"],
    [["NQ.TYLEKH", "57", "66"], "86,36"],
    [["NQ.TIENDO", "263", "550", "3", "5"], "Chậm tiến độ"],
    [["NQ.DOCSO", "8.397,5"], "8.397,5"],
    [["nq.muctieu", "8,5-9,5", "tren"], "9,5"],
  ])("%j → %s", async (args, expected) => {
    const r = await runCli(["fn", ...args]);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe(expected);
    expect(r.code).toBe(0);
  });

  test("spilled results print one row per line; --raw keeps full precision", async () => {
    const r = await runCli(["fn", "NQ.COCAU", "[[30],[60],[10]]"]);
    expect(r.stdout.trim().split("\n")).toEqual(["30", "60", "10"]);
    const raw = await runCli(["fn", "NQ.TANGBQ.TOCDO", "[[4.2,9.7,9.8]]", "--raw"]);
    expect(raw.stdout.trim()).toMatch(/^7\.8679\d{6,}$/);
  });

  test("unknown function: exit 2; bad argument: #VALUE! with a Vietnamese message, exit 1", async () => {
    const u = await runCli(["fn", "NQ.KHONGCO", "1"]);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/Không có hàm "NQ.KHONGCO"/);
    const v = await runCli(["fn", "NQ.TANGBQ", "abc", "1", "2"]);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/#VALUE! Giá trị đầu kỳ phải là một số/);
  });
});

describe("the installed bin", () => {
  test("npx chitieu --help works from the bundle", () => {
    const bin = path.join(REPO_ROOT, "bin", "chitieu.js");
    if (!existsSync(path.join(REPO_ROOT, "dist", "cli.js"))) execFileSync("node", ["scripts/build-cli.mjs"], { cwd: REPO_ROOT });
    const help = spawnSync("node", [bin, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/chitieu: đánh giá kết quả/);
    const fn = spawnSync("node", [bin, "fn", "NQ.TANGBQ", "86260", "145000", "2"], { encoding: "utf8" });
    expect(fn.stdout.trim()).toBe("29,65");
    const bad = spawnSync("node", [bin, "evaluate", "/khong/co.json"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
  });
  test("--help loads no command: none of ExcelJS, docx, HyperFormula or JSZip is read from disk", () => {
    if (!existsSync(path.join(REPO_ROOT, "dist", "cli.js"))) execFileSync("node", ["scripts/build-cli.mjs"], { cwd: REPO_ROOT });
    const probe = (args: string[]) => {
      const script = `const cli = require(${JSON.stringify(path.join(REPO_ROOT, "dist", "cli.js"))});
        const io = { out: () => {}, err: (s) => process.stderr.write(s), stdin: () => "" };
        cli.main(${JSON.stringify(args)}, io).then((code) => {
          const heavy = Object.keys(require.cache).map((k) => (k.match(/node_modules[\\/](exceljs|docx|hyperformula|jszip)[\\/]/) || [])[1]).filter(Boolean);
          process.stdout.write(JSON.stringify({ code, heavy: [...new Set(heavy)].sort() }));
        });`;
      return JSON.parse(execFileSync("node", ["-e", script], { cwd: REPO_ROOT, encoding: "utf8" }));
    };
    expect(probe(["--help"])).toEqual({ code: 0, heavy: [] });
    expect(probe(["appendix", "--help"])).toEqual({ code: 0, heavy: [] });
    // the probe sees a command that does load them: `template` writes with ExcelJS
    const tmp = path.join(os.tmpdir(), `chitieu-help-${process.pid}.xlsx`);
    try {
      expect(probe(["template", "-o", tmp]).heavy).toContain("exceljs");
    } finally {
      rmSync(tmp, { force: true });
    }
  });
});

describe("registry fixes", () => {
  test("NQ.TANGBQ.DAYSO counts years by position: a blank year does not shorten the period", async () => {
    const r = await runCli(["fn", "NQ.TANGBQ.DAYSO", "[[100,null,121]]"]);
    expect(r.stdout.trim()).toBe("10");
    const one = await runCli(["fn", "NQ.TANGBQ.DAYSO", "[[100,null,null]]"]);
    expect(one.code).toBe(1);
  });
  test("NQ.DANHGIA takes the indicator's name to decide the direction", async () => {
    expect((await runCli(["fn", "NQ.DANHGIA", "0,2 (theo tiêu chí cũ)", "0,37"])).stdout.trim()).toBe("Vượt");
    expect((await runCli(["fn", "NQ.DANHGIA", "0,2 (theo tiêu chí cũ)", "0,37", "", "", "", "Tỷ lệ hộ nghèo"])).stdout.trim()).toBe("Chưa đạt");
  });
  test("NQ.TYLEDAT on a result written as an expression says a number is needed", async () => {
    const r = await runCli(["fn", "NQ.TYLEDAT", "> 80", "> 80"]);
    expect(r.stderr).toMatch(/#N\/A Kết quả chỉ ghi "> 80", cần một số cụ thể/);
  });
});
