import { foldText } from "../../../src/core/text/fold";
import { remembered, textStore, withTextMemo } from "../../../src/core/text/memo";

describe("answers remembered during a run only", () => {
  test("outside a run every call works the answer out; inside, once per distinct text; forgotten at the end", async () => {
    const store = textStore();
    let calls = 0;
    const f = (t: string) => (calls++, t.toUpperCase());
    expect(remembered(store, "xã", f)).toBe("XÃ");
    expect(remembered(store, "xã", f)).toBe("XÃ");
    expect([calls, store.size]).toEqual([2, 0]);
    await withTextMemo(async () => {
      for (let k = 0; k < 150; k++) expect(remembered(store, `Xã Lộc ${k % 3}`, f)).toBe(`XÃ LỘC ${k % 3}`);
      expect(store.size).toBe(3);
    });
    expect(calls).toBe(5);
    expect(store.size).toBe(0);
  });

  test("nested runs share the answers until the outer one ends; an error still ends the run", async () => {
    const store = textStore();
    const f = (t: string) => t + "!";
    await expect(
      withTextMemo(async () => {
        remembered(store, "a", f);
        await withTextMemo(async () => remembered(store, "b", f));
        expect(store.size).toBe(2);
        throw new Error("tệp hỏng");
      }),
    ).rejects.toThrow("tệp hỏng");
    expect(store.size).toBe(0);
  });

  test("foldText gives the same answers with and without the memo", async () => {
    const texts = ["Tỷ lệ hộ nghèo", "  Đảng viên  mới/năm ", "Giá trị sản xuất (giá so sánh 2010)", "ĐVT", ""];
    const plain = texts.map(foldText);
    const remembered = await withTextMemo(async () => [...texts, ...texts].map(foldText));
    expect(remembered).toEqual([...plain, ...plain]);
    expect(plain[0]).toBe("ty le ho ngheo");
  });
});
