/**
 * The one description of the add-in. Both manifests are generated from it at build time
 * (manifest/render.cjs, called by webpack.config.js): manifest.xml (the add-in only manifest, read by
 * every Excel that runs add-ins, perpetual Office included) and manifest.json (the unified manifest
 * for Microsoft 365, read by Excel on the web, on Windows from Version 2501 and on Mac from 16.103).
 * Every URL here is relative to the deployment base (ADDIN_URL); the XML and JSON get the same
 * pages, icons, runtime, button and functions. docs/trien-khai.md says which Office reads which.
 */
module.exports = {
  /** the add-in only manifest's <Id>: fixed, never change it (Office keeps installed add-ins by it) */
  id: "7bff3d48-f589-4a64-8861-5b0b7597a7f2",
  /**
   * the unified manifest's "id": Microsoft asks for a GUID different from the XML one when both are
   * deployed, the JSON one hiding the XML one where both are installed (alternates.hide.customOfficeAddin)
   */
  unifiedId: "4c7e2b91-0d6a-4f3e-9b58-2a1f6c3d8e07",
  /** x.y.z; the XML takes x.y.z.0 */
  version: "0.1.0",
  provider: "Chỉ tiêu Nghị quyết",
  locale: "vi-VN",
  name: { short: "Chỉ tiêu Nghị quyết", full: "Chỉ tiêu Nghị quyết: đánh giá và lập phụ lục" },
  description: {
    short: "Đánh giá chỉ tiêu Nghị quyết Đại hội, tính tăng bình quân, lập phụ lục.",
    full: "Đánh giá kết quả thực hiện các chỉ tiêu Nghị quyết Đại hội (Đạt / Chưa đạt), tính tốc độ tăng bình quân và lập phụ lục theo thể thức.",
  },
  accentColor: "#B71C1C",
  /** pages and files, relative to the base */
  pages: { taskpane: "taskpane.html", support: "taskpane.html", privacy: "assets/rieng-tu.html" },
  icons: {
    /** XML: IconUrl 32 px, HighResolutionIconUrl 64 px; ribbon images 16/32/80 */
    xml: { icon: "assets/icon-32.png", highResolution: "assets/icon-64.png", ribbon: { 16: "assets/icon-16.png", 32: "assets/icon-32.png", 80: "assets/icon-80.png" } },
    /** unified: files inside the app package (color 192 px, outline 32 px white on transparent) */
    unified: { color: "color.png", outline: "outline.png" },
  },
  /** the base manifest needs only ExcelApi 1.1, so Excel without a shared runtime still opens the pane */
  baseRequirements: [{ name: "ExcelApi", minVersion: "1.1" }],
  /** the shared runtime, the NQ functions and the Home-tab button need these */
  runtimeRequirements: [
    { name: "SharedRuntime", minVersion: "1.1" },
    { name: "CustomFunctionsRuntime", minVersion: "1.1" },
  ],
  /** one long-lived runtime on the task pane page: pane, button and functions share it */
  runtime: { id: "SharedRuntime", page: "taskpane.html", lifetime: "long" },
  functions: { script: "functions.js", metadata: "functions.json", namespace: "NQ" },
  ribbon: {
    tab: "TabHome",
    group: { id: "ChiTieu.Group", label: "Chỉ tiêu NQ" },
    button: {
      id: "ChiTieu.TaskpaneButton",
      label: "Chỉ tiêu Nghị quyết",
      tooltip: "Mở ngăn Chỉ tiêu Nghị quyết: đánh giá Đạt / Chưa đạt, tính tăng bình quân, lập phụ lục.",
      /** the unified manifest's action id for showing the pane */
      action: "ShowTaskpane",
    },
  },
  getStarted: {
    title: "Chỉ tiêu Nghị quyết đã sẵn sàng",
    description: "Mở thẻ Trang đầu và bấm nút Chỉ tiêu Nghị quyết để đánh giá các chỉ tiêu. Trong ô, gõ =NQ. để dùng các hàm như NQ.DANHGIA, NQ.TANGBQ.",
    learnMore: "taskpane.html",
  },
};
