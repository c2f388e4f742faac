/**
 * A combining mark NFC cannot compose ("q́", a stray accent) is dropped by folding, so positions in
 * the folded text run ahead of the original; the unit and prefix must still be cut in the right place.
 */
import { parseTarget, type Target } from "../../../src/core/target/target";

function ok(text: string): Target {
  const r = parseTarget(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.target;
}

describe("targets with uncomposable combining marks", () => {
  test("the unit after the number is cut after the number, not one character early", () => {
    const t = ok("Tăng q\u0301 5 xã");
    expect(t.low).toBe(5);
    expect(t.unit).toBe("xã");
    expect(t.prefix).toBe("Tăng q\u0301");
  });

  test("a mark in the lead words keeps the unit and the floor", () => {
    const t = ok("từ\u0301 5 xã");
    expect(t.form).toBe("floor");
    expect(t.unit).toBe("xã");
    expect(t.prefix).toBe("từ\u0301");
  });

  test("a mark after the number stays out of the unit", () => {
    expect(ok("5\u0301 xã").unit).toBe("xã");
  });

  test("text without such marks reads as before", () => {
    const t = ok("Bình quân kết nạp từ 110 – 120 đảng viên");
    expect(t.unit).toBe("đảng viên");
    expect(t.prefix).toBe("Bình quân kết nạp từ");
  });
});
