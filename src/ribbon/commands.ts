/*
 * Ribbon commands. In the shared runtime this chunk is loaded by taskpane.html (FunctionFile =
 * Taskpane.Url in manifest.xml); commands.html loads it alone for hosts without a shared runtime.
 * The Home-tab button itself uses a ShowTaskpane action; "showTaskpane" is also registered as an
 * action id so a future ExecuteFunction button or keyboard shortcut can open the pane.
 * Nothing here runs outside Office: every Office call is guarded.
 */

/** Opens the task pane (SharedRuntime 1.1), then tells Office the command has finished. */
export async function showTaskpane(event?: { completed: () => void }): Promise<void> {
  try {
    const addin = typeof Office !== "undefined" ? Office.addin : undefined;
    if (addin && typeof addin.showAsTaskpane === "function") await addin.showAsTaskpane();
  } catch (e) {
    console.warn("Không mở được ngăn tác vụ:", e);
  } finally {
    event?.completed();
  }
}

/** Registers the ribbon actions once Office is ready; does nothing in a plain browser. */
export function registerCommands(): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return;
  void Office.onReady(() => {
    const actions = (Office as { actions?: { associate?: (id: string, fn: (event: { completed: () => void }) => void) => void } }).actions;
    if (actions && typeof actions.associate === "function") actions.associate("showTaskpane", (event) => void showTaskpane(event));
  });
}

registerCommands();
