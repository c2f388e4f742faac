/**
 * Are we inside Excel? office.js may be missing (no network, plain browser) or loaded without a
 * host (a browser tab): both mean standalone mode. Never waits more than a few seconds.
 */
export type Host = "excel" | null;

export function detectHost(timeoutMs = 5000): Promise<Host> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return Promise.resolve(null);
  return new Promise<Host>((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    office
      .onReady()
      .then((info) => {
        clearTimeout(timer);
        resolve(info && info.host === office.HostType.Excel ? "excel" : null);
      })
      .catch(() => {
        clearTimeout(timer);
        resolve(null);
      });
  });
}
