/**
 * Structural test of manifest.xml (the development manifest, generated from manifest/addin.cjs like
 * the deployed one; the official validator is an online service, so it is never run here; the XSD
 * and JSON-schema checks are in tests/manifest-schemas.test.ts): identity, requirement sets, the shared runtime, the CustomFunctions extension point and
 * its namespace, the Home-tab button, every resource reference, HTTPS URLs, and the icon files in
 * assets/ with the pixel sizes the manifest claims.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { NAMESPACE } from "../src/core/evaluation/nq-functions";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const render = require("../manifest/render.cjs") as { addinBaseUrl(v: string): string; renderXml(d: unknown, base: string): string; DEV_URL: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const addin = require("../manifest/addin.cjs") as unknown;

const ROOT = path.resolve(__dirname, "..");
const XML = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const BASE_URL = "https://localhost:3000/";
const VIETNAMESE = /[ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]/i;

// ---------------------------------------------------------------------------------------------
// A small XML reader, enough for a manifest: elements, attributes, text, comments, declarations.
// Throws on a mismatched or unclosed tag, so the test also checks well-formedness.
interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
  parent?: XNode;
}
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITIES[e] ?? m),
  );

function parseXml(xml: string): XNode {
  const root: XNode = { name: "#document", attrs: {}, children: [], text: "" };
  let cur = root;
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(xml))) {
    if (m.index !== consumed) throw new Error(`XML: unexpected text at ${consumed}: ${xml.slice(consumed, consumed + 40)}`);
    consumed = re.lastIndex;
    const [whole, cdata, closing, name, attrText, selfClosing, text] = m;
    if (whole.startsWith("<!--") || whole.startsWith("<?")) continue;
    if (cdata !== undefined) {
      cur.text += cdata;
      continue;
    }
    if (text !== undefined) {
      cur.text += decode(text);
      continue;
    }
    if (closing) {
      if (cur.name !== name) throw new Error(`XML: </${name}> closes <${cur.name}>`);
      cur = cur.parent!;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      if (a[1] in attrs) throw new Error(`XML: duplicate attribute ${a[1]} on <${name}>`);
      attrs[a[1]] = decode(a[2] ?? a[3]);
    }
    const node: XNode = { name, attrs, children: [], text: "", parent: cur };
    cur.children.push(node);
    if (!selfClosing) cur = node;
  }
  if (consumed !== xml.length) throw new Error("XML: trailing content");
  if (cur !== root) throw new Error(`XML: <${cur.name}> is not closed`);
  if (root.children.length !== 1) throw new Error("XML: expected one root element");
  return root.children[0];
}
const local = (n: XNode) => n.name.replace(/^.*:/, "");
const kids = (n: XNode, name: string) => n.children.filter((c) => local(c) === name);
function one(n: XNode, name: string): XNode {
  const k = kids(n, name);
  if (k.length !== 1) throw new Error(`expected one <${name}> in <${n.name}>, found ${k.length}`);
  return k[0];
}
function all(n: XNode, name: string, out: XNode[] = []): XNode[] {
  for (const c of n.children) {
    if (local(c) === name) out.push(c);
    all(c, name, out);
  }
  return out;
}
const xsiType = (n: XNode) => n.attrs["xsi:type"];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(b.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

// ---------------------------------------------------------------------------------------------
const app = parseXml(XML);
const overrides = one(app, "VersionOverrides");
const resources = one(overrides, "Resources");
const host = one(one(overrides, "Hosts"), "Host");
const resourceMap = (group: string, item: string) =>
  new Map(kids(one(resources, group), item).map((n) => [n.attrs.id, n.attrs.DefaultValue] as const));
const images = resourceMap("Images", "Image");
const urls = resourceMap("Urls", "Url");
const shortStrings = resourceMap("ShortStrings", "String");
const longStrings = resourceMap("LongStrings", "String");

describe("one source", () => {
  test("the committed development manifest is what manifest/addin.cjs generates (npm run manifest)", () => {
    expect(XML).toBe(render.renderXml(addin, render.DEV_URL));
  });
});

describe("identity", () => {
  test("a task-pane add-in for Excel, in the XML schema", () => {
    expect(local(app)).toBe("OfficeApp");
    expect(xsiType(app)).toBe("TaskPaneApp");
    expect(app.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(kids(one(app, "Hosts"), "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(xsiType(host)).toBe("Workbook");
    expect(xsiType(overrides)).toBe("VersionOverridesV1_0");
  });

  test("fixed GUID, four-part version, Vietnamese locale and names", () => {
    expect(one(app, "Id").text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(one(app, "Version").text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(one(app, "DefaultLocale").text.trim()).toBe("vi-VN");
    for (const el of ["DisplayName", "Description"]) {
      const v = one(app, el).attrs.DefaultValue;
      expect(v).toMatch(VIETNAMESE);
      expect(v).toBe(v.normalize("NFC"));
    }
    expect(one(app, "DisplayName").attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    expect(one(app, "Permissions").text.trim()).toBe("ReadWriteDocument");
  });

  test("base elements in schema order", () => {
    const order = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
    const present = app.children.map(local).filter((n) => order.includes(n));
    expect(present).toEqual(order.filter((n) => present.includes(n)));
    expect(app.children.map(local).every((n) => order.includes(n))).toBe(true);
    expect(overrides.children.map(local)).toEqual(["Requirements", "Hosts", "Resources"]);
    expect(host.children.map(local)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
  });
});

describe("requirement sets", () => {
  const sets = (req: XNode) => Object.fromEntries(all(req, "Set").map((s) => [s.attrs.Name, s.attrs.MinVersion ?? one(req, "Sets").attrs.DefaultMinVersion]));

  test("the base manifest asks only for ExcelApi, so Excel 2016/2019 still opens the task pane", () => {
    expect(sets(one(app, "Requirements"))).toEqual({ ExcelApi: "1.1" });
  });

  test("the overrides (shared runtime, functions, button) need SharedRuntime 1.1 and CustomFunctionsRuntime 1.1", () => {
    const req = one(overrides, "Requirements");
    expect(sets(req)).toEqual({ SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1" });
    expect(all(req, "Set").every((s) => s.name === "bt:Set")).toBe(true);
  });
});

describe("shared runtime and custom functions", () => {
  test("one long-lived runtime on the task pane page, also hosting the ribbon commands", () => {
    const runtimes = kids(one(host, "Runtimes"), "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attrs).toEqual({ resid: "Taskpane.Url", lifetime: "long" });
    const functionFile = all(host, "FunctionFile");
    expect(functionFile.map((f) => f.attrs.resid)).toEqual(["Taskpane.Url"]);
    expect(urls.get("Taskpane.Url")).toBe(`${BASE_URL}taskpane.html`);
    expect(one(one(app, "DefaultSettings"), "SourceLocation").attrs.DefaultValue).toBe(urls.get("Taskpane.Url"));
  });

  test("a CustomFunctions extension point: script, page (the shared runtime), metadata, namespace NQ", () => {
    const points = all(host, "ExtensionPoint").filter((e) => xsiType(e) === "CustomFunctions");
    expect(points).toHaveLength(1);
    const cf = points[0];
    const src = (name: string) => urls.get(one(one(cf, name), "SourceLocation").attrs.resid);
    expect(src("Script")).toBe(`${BASE_URL}functions.js`);
    expect(src("Metadata")).toBe(`${BASE_URL}functions.json`);
    expect(one(one(cf, "Page"), "SourceLocation").attrs.resid).toBe("Taskpane.Url");
    const ns = shortStrings.get(one(cf, "Namespace").attrs.resid);
    expect(ns).toBe(NAMESPACE);
    expect(ns!.length).toBeLessThanOrEqual(32);
    expect(ns).toMatch(/^[A-Za-z0-9.]+$/);
  });

  test("the script and pages are what webpack emits", () => {
    const config = readFileSync(path.join(ROOT, "webpack.config.js"), "utf8");
    expect(config).toMatch(/functions:\s*"\.\/src\/functions\/functions\.ts"/);
    expect(config).toMatch(/output:\s*"functions\.json"/);
    expect(config).toMatch(/filename:\s*"taskpane\.html"/);
    expect(existsSync(path.join(ROOT, "src", "taskpane", "taskpane.html"))).toBe(true);
  });
});

describe("ribbon", () => {
  const desktop = one(host, "DesktopFormFactor");
  const tab = one(all(desktop, "ExtensionPoint").find((e) => xsiType(e) === "PrimaryCommandSurface")!, "OfficeTab");

  test("a button on the Home tab opens the task pane, with Vietnamese labels", () => {
    expect(tab.attrs.id).toBe("TabHome");
    const buttons = all(tab, "Control").filter((c) => xsiType(c) === "Button");
    expect(buttons).toHaveLength(1);
    const action = one(buttons[0], "Action");
    expect(xsiType(action)).toBe("ShowTaskpane");
    expect(one(action, "SourceLocation").attrs.resid).toBe("Taskpane.Url");
    // a shared runtime supports one task pane: Microsoft's docs say its buttons carry no TaskpaneId
    expect(kids(action, "TaskpaneId")).toEqual([]);
    expect(all(host, "TaskpaneId")).toEqual([]);
    const label = shortStrings.get(one(buttons[0], "Label").attrs.resid)!;
    const tip = longStrings.get(one(one(buttons[0], "Supertip"), "Description").attrs.resid)!;
    for (const s of [label, tip, shortStrings.get(one(one(tab, "Group"), "Label").attrs.resid)!]) {
      expect(s).toMatch(VIETNAMESE);
      expect(s).toBe(s.normalize("NFC"));
    }
  });

  test("control and group ids are unique and at most 125 characters", () => {
    const ids = [...all(tab, "Group"), ...all(tab, "Control")].map((n) => n.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(125);
  });
});

describe("resources", () => {
  test("every resid resolves to a resource of the right kind", () => {
    const kind: Record<string, Map<string, string>> = { Image: images, SourceLocation: urls, LearnMoreUrl: urls, Runtime: urls, FunctionFile: urls, Label: shortStrings, Title: shortStrings, Namespace: shortStrings, Description: longStrings };
    const walk = (n: XNode) => {
      if ("resid" in n.attrs) {
        const map = kind[local(n)];
        expect({ element: local(n), known: map !== undefined }).toEqual({ element: local(n), known: true });
        expect({ resid: n.attrs.resid, found: map!.has(n.attrs.resid) }).toEqual({ resid: n.attrs.resid, found: true });
      }
      n.children.forEach(walk);
    };
    walk(host);
  });

  test("resource ids are unique, at most 32 characters; strings within Office's limits", () => {
    const ids = [...resources.children.flatMap((group) => group.children.map((r) => r.attrs.id))];
    expect(ids.length).toBe(images.size + urls.size + shortStrings.size + longStrings.size);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
    for (const s of shortStrings.values()) expect(s.length).toBeLessThanOrEqual(125);
    for (const s of longStrings.values()) expect(s.length).toBeLessThanOrEqual(250);
  });

  test("every URL is HTTPS under the dev server address (the template's base)", () => {
    const found: string[] = [];
    const walk = (n: XNode) => {
      for (const v of Object.values(n.attrs)) if (/^[a-z]+:\/\//i.test(v) && !/schemas\.microsoft\.com|www\.w3\.org/.test(v)) found.push(v);
      if (local(n) === "AppDomain") found.push(n.text.trim());
      n.children.forEach(walk);
    };
    walk(app);
    expect(found.length).toBeGreaterThan(8);
    for (const u of found) {
      expect(u).toMatch(/^https:\/\//);
      expect(u.startsWith(BASE_URL) || u === BASE_URL.replace(/\/$/, "")).toBe(true);
    }
  });
});

describe("icons", () => {
  const iconFile = (url: string) => {
    expect(url.startsWith(`${BASE_URL}assets/`)).toBe(true);
    return path.join(ROOT, "assets", url.slice(`${BASE_URL}assets/`.length));
  };

  test("16, 32 and 80 px ribbon images, each file present with the size it is declared at", () => {
    const sizes = new Set<string>();
    for (const img of all(host, "Image")) {
      const size = Number(img.attrs.size);
      sizes.add(img.attrs.size);
      const file = iconFile(images.get(img.attrs.resid)!);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    expect([...sizes].sort()).toEqual(["16", "32", "80"]);
  });

  test("IconUrl is 32 px and HighResolutionIconUrl 64 px", () => {
    expect(pngSize(iconFile(one(app, "IconUrl").attrs.DefaultValue))).toEqual({ width: 32, height: 32 });
    expect(pngSize(iconFile(one(app, "HighResolutionIconUrl").attrs.DefaultValue))).toEqual({ width: 64, height: 64 });
  });

  test("assets/ holds the 16, 32, 64 and 80 px icons", () => {
    for (const s of [16, 32, 64, 80]) expect(pngSize(path.join(ROOT, "assets", `icon-${s}.png`))).toEqual({ width: s, height: s });
  });
});

describe("the deployed manifest (ADDIN_URL)", () => {
  const base = render.addinBaseUrl("https://phanmem.tinhuy.example.vn/chi-tieu");
  const prod = render.renderXml(addin, base);
  const prodApp = parseXml(prod);

  /** Every URL in a parsed manifest: attribute values and AppDomain texts. */
  const urlsOf = (root: XNode): string[] => {
    const found: string[] = [];
    const walk = (n: XNode) => {
      for (const v of Object.values(n.attrs)) if (/^[a-z]+:\/\//i.test(v) && !/schemas\.microsoft\.com|www\.w3\.org/.test(v)) found.push(v);
      if (local(n) === "AppDomain") found.push(n.text.trim());
      n.children.forEach(walk);
    };
    walk(root);
    return found;
  };

  test("ADDIN_URL: https only, ends with /, no localhost, no query; Vietnamese messages otherwise", () => {
    expect(base).toBe("https://phanmem.tinhuy.example.vn/chi-tieu/");
    expect(render.addinBaseUrl(" https://a.example.vn/ ")).toBe("https://a.example.vn/");
    expect(() => render.addinBaseUrl("http://a.example.vn/")).toThrow(/phải bắt đầu bằng https:\/\//);
    expect(() => render.addinBaseUrl("https://localhost:3000/")).toThrow(/localhost/);
    expect(() => render.addinBaseUrl("https://127.0.0.1/")).toThrow(/localhost/);
    expect(() => render.addinBaseUrl("https://a.example.vn/?v=1")).toThrow(/"\?"/);
    expect(() => render.addinBaseUrl("phanmem")).toThrow(/không phải là một địa chỉ web/);
    expect(() => render.addinBaseUrl("")).toThrow(/ADDIN_URL/);
  });

  test("no localhost anywhere; every URL shares the ADDIN_URL base; AppDomain is its origin", () => {
    expect(prod).not.toMatch(/localhost/i);
    const urls = urlsOf(prodApp);
    expect(urls).toHaveLength(urlsOf(app).length);
    for (const u of urls) expect(u.startsWith(base) || u === "https://phanmem.tinhuy.example.vn").toBe(true);
    expect(all(prodApp, "AppDomain").map((n) => n.text.trim())).toEqual(["https://phanmem.tinhuy.example.vn"]);
  });

  test("the same manifest otherwise: SourceLocation, icons, SupportUrl, functions script and metadata moved", () => {
    expect(one(one(prodApp, "DefaultSettings"), "SourceLocation").attrs.DefaultValue).toBe(`${base}taskpane.html`);
    expect(one(prodApp, "IconUrl").attrs.DefaultValue).toBe(`${base}assets/icon-32.png`);
    expect(one(prodApp, "SupportUrl").attrs.DefaultValue).toBe(`${base}taskpane.html`);
    const prodUrls = new Map(kids(one(one(one(prodApp, "VersionOverrides"), "Resources"), "Urls"), "Url").map((n) => [n.attrs.id, n.attrs.DefaultValue] as const));
    expect(prodUrls.get("Functions.Script.Url")).toBe(`${base}functions.js`);
    expect(prodUrls.get("Functions.Metadata.Url")).toBe(`${base}functions.json`);
    // nothing but the addresses changed
    expect(prod.split(base).join(render.DEV_URL).replace("<AppDomain>https://phanmem.tinhuy.example.vn</AppDomain>", "<AppDomain>https://localhost:3000</AppDomain>")).toBe(XML);
  });
});

describe("the XML reader used here", () => {
  test("rejects a mismatched tag, so a broken manifest cannot pass", () => {
    expect(() => parseXml("<a><b></a></b>")).toThrow(/closes/);
    expect(() => parseXml("<a><b></b>")).toThrow(/not closed/);
    expect(parseXml('<a x="1&amp;2"><b/>t</a>')).toMatchObject({ name: "a", attrs: { x: "1&2" }, text: "t" });
  });
});
