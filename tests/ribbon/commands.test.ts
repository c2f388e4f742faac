/** Ribbon commands (src/ribbon/commands.ts): guarded outside Office, "showTaskpane" inside. */
type Module = typeof import("../../src/ribbon/commands");
const g = globalThis as { Office?: unknown };

function load(): Module {
  let mod: Module | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require("../../src/ribbon/commands");
  });
  return mod!;
}

afterEach(() => {
  delete g.Office;
});

test("loads in a plain browser without Office, and showTaskpane still completes the event", async () => {
  delete g.Office;
  const m = load();
  const completed = jest.fn();
  await m.showTaskpane({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
});

test("inside Office: registers the showTaskpane action once ready; it opens the pane and completes", async () => {
  const associate = jest.fn();
  const showAsTaskpane = jest.fn().mockResolvedValue(undefined);
  g.Office = { onReady: (cb: () => void) => Promise.resolve(cb()), actions: { associate }, addin: { showAsTaskpane } };
  load();
  await Promise.resolve();
  expect(associate).toHaveBeenCalledTimes(1);
  expect(associate.mock.calls[0][0]).toBe("showTaskpane");
  const completed = jest.fn();
  associate.mock.calls[0][1]({ completed });
  await new Promise((r) => setImmediate(r));
  expect(showAsTaskpane).toHaveBeenCalledTimes(1);
  expect(completed).toHaveBeenCalledTimes(1);
});

test("a failing showAsTaskpane still completes the ribbon event (Office would otherwise wait)", async () => {
  const showAsTaskpane = jest.fn().mockRejectedValue(new Error("không hỗ trợ"));
  g.Office = { onReady: () => Promise.resolve(), addin: { showAsTaskpane } };
  const m = load();
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  const completed = jest.fn();
  await m.showTaskpane({ completed });
  expect(showAsTaskpane).toHaveBeenCalledTimes(1);
  expect(completed).toHaveBeenCalledTimes(1);
  expect(warn).toHaveBeenCalled();
  warn.mockRestore();
});
