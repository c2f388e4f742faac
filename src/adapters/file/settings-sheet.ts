/** The hidden sheet holding the task pane's settings (JSON in A1), in a file opened in the browser. */
export const SETTINGS_SHEET = "ChiTieuNQ_CaiDat";
