/**
 * Both manifests, as the build writes them from manifest/addin.cjs, against their published schemas,
 * with no network: manifest.xml against the add-in manifest XSDs ([MS-OWEMXML], vendored in
 * manifest/schemas/xsd with the patches listed in manifest/schemas/NGUON.md) through libxml2 compiled
 * to WebAssembly (xmllint-wasm), and manifest.json against MicrosoftTeams.schema.json of the version
 * it declares (vendored). Then what a schema cannot say: the two describe the same add-in.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FUNCTIONS, NAMESPACE } from "../src/core/evaluation/nq-functions";

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
const render = require("../manifest/render.cjs") as {
  DEV_URL: string;
  UNIFIED_VERSION: string;
  addinBaseUrl(v: string): string;
  renderXml(d: unknown, base: string): string;
  renderJson(d: unknown, base: string, functions: { functions: any[] }): any;
};
const addin = require("../manifest/addin.cjs") as any;
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.resolve(__dirname, "..");
const XSD_DIR = path.join(ROOT, "manifest", "schemas", "xsd");
const BASE = render.addinBaseUrl("https://phanmem.tinhuy.example.vn/chi-tieu/");

async function xsdErrors(xml: string): Promise<string[]> {
  const files = readdirSync(XSD_DIR).filter((f) => f.endsWith(".xsd"));
  const read = (f: string) => ({ fileName: f, contents: readFileSync(path.join(XSD_DIR, f), "utf8") });
  const r = await validateXML({ xml: [{ fileName: "manifest.xml", contents: xml }], schema: [read("OfficeAppManifestV1_1.xsd")], preload: files.filter((f) => f !== "OfficeAppManifestV1_1.xsd").map(read) });
  return r.valid ? [] : r.errors.map((e) => e.rawMessage);
}

let metadata: { functions: any[] };
let validateJson: ((m: unknown) => boolean) & { errors?: unknown };
beforeAll(async () => {
  const g = await generateCustomFunctionsMetadata([path.join(ROOT, "src", "functions", "functions.ts")]);
  metadata = JSON.parse(g.metadataJson);
  const schema = JSON.parse(readFileSync(path.join(ROOT, "manifest", "schemas", `MicrosoftTeams.schema-${render.UNIFIED_VERSION}.json`), "utf8"));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  validateJson = ajv.compile(schema);
}, 60_000);

describe("manifest.xml against the add-in manifest XSDs", () => {
  test("the development and the deployed manifest are valid", async () => {
    expect(await xsdErrors(render.renderXml(addin, render.DEV_URL))).toEqual([]);
    expect(await xsdErrors(render.renderXml(addin, BASE))).toEqual([]);
  });

  test("the schemas catch what Office would refuse: a missing Id, elements out of order, an unknown runtime lifetime", async () => {
    const xml = render.renderXml(addin, BASE);
    expect((await xsdErrors(xml.replace(/ {2}<Id>[^<]*<\/Id>\n/, ""))).join("\n")).toMatch(/Id/);
    const moved = xml.replace(/( {2}<Permissions>ReadWriteDocument<\/Permissions>\n)/, "").replace("  <DefaultSettings>", "  <Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>");
    expect(await xsdErrors(moved)).not.toEqual([]);
    expect(await xsdErrors(xml.replace('lifetime="long"', 'lifetime="forever"'))).not.toEqual([]);
    expect(await xsdErrors(xml.replace("<Runtimes>", "<Runtimes>\n<Bogus/>"))).not.toEqual([]);
  });
});

describe("manifest.json against MicrosoftTeams.schema.json of its version", () => {
  test("valid, and declaring the version whose schema is vendored", () => {
    const json = render.renderJson(addin, BASE, metadata);
    const ok = validateJson(json);
    expect(validateJson.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(json.manifestVersion).toBe(render.UNIFIED_VERSION);
    expect(json.$schema).toContain(`/v${render.UNIFIED_VERSION}/MicrosoftTeams.schema.json`);
  });

  test("the schema catches a wrong version, an http page, a function name Excel would refuse", () => {
    const json = () => render.renderJson(addin, BASE, metadata);
    const a = json();
    a.manifestVersion = "1.22";
    expect(validateJson(a)).toBe(false);
    const b = json();
    b.extensions[0].runtimes[0].code.page = "http://phanmem.tinhuy.example.vn/chi-tieu/taskpane.html";
    expect(validateJson(b)).toBe(false);
    const c = json();
    c.extensions[0].runtimes[0].customFunctions.functions[0].name = "9X";
    expect(validateJson(c)).toBe(false);
  });
});

describe("the two manifests describe the same add-in", () => {
  const xml = render.renderXml(addin, BASE);
  const attr = (re: RegExp) => re.exec(xml)![1];

  test("every URL of both is on the deployment base; the same pages, scripts and ribbon icons", () => {
    const json = render.renderJson(addin, BASE, metadata);
    const jsonUrls = JSON.stringify(json).match(/https?:\/\/[^"]+/g)!.filter((u) => !u.startsWith("https://developer.microsoft.com/json-schemas/"));
    expect(jsonUrls.length).toBeGreaterThan(10);
    for (const u of jsonUrls) expect(u.startsWith(BASE)).toBe(true);
    const rt = json.extensions[0].runtimes[0];
    expect(rt.code.page).toBe(attr(/<bt:Url id="Taskpane.Url" DefaultValue="([^"]+)"/));
    expect(rt.code.script).toBe(attr(/<bt:Url id="Functions.Script.Url" DefaultValue="([^"]+)"/));
    expect(rt.customFunctions.metadataUrl).toBe(attr(/<bt:Url id="Functions.Metadata.Url" DefaultValue="([^"]+)"/));
    const icons = json.extensions[0].ribbons[0].tabs[0].groups[0].icons.map((i: { url: string }) => i.url);
    expect(icons).toEqual([16, 32, 80].map((s) => attr(new RegExp(`<bt:Image id="Icon.${s}x${s}" DefaultValue="([^"]+)"`))));
    expect(json.validDomains).toEqual([new URL(BASE).host]);
    expect(attr(/<AppDomain>([^<]+)<\/AppDomain>/)).toBe(new URL(BASE).origin);
  });

  test("one shared runtime with the NQ functions and the Home-tab button, behind the same requirement sets", () => {
    const json = render.renderJson(addin, BASE, metadata);
    const ext = json.extensions[0];
    expect(ext.runtimes).toHaveLength(1);
    const rt = ext.runtimes[0];
    expect(rt.lifetime).toBe("long");
    expect(rt.customFunctions.namespace).toEqual({ id: NAMESPACE, name: NAMESPACE });
    expect(attr(/<bt:String id="Functions.Namespace" DefaultValue="([^"]+)"/)).toBe(NAMESPACE);
    // every function of the registry, inline, as functions.json has it
    expect(rt.customFunctions.functions.map((f: { id: string }) => f.id).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    expect(rt.customFunctions.functions).toHaveLength(FUNCTIONS.length);
    const byId = new Map(metadata.functions.map((f) => [f.id, f]));
    for (const f of rt.customFunctions.functions) expect(f.parameters.map((p: { name: string }) => p.name)).toEqual(byId.get(f.id).parameters.map((p: { name: string }) => p.name));
    const caps = (r: { capabilities: Array<{ name: string; minVersion: string }> }) => r.capabilities.map((c) => `${c.name} ${c.minVersion}`);
    const xmlOverrideSets = [...xml.matchAll(/<bt:Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(caps(rt.requirements)).toEqual(xmlOverrideSets);
    expect(caps(ext.ribbons[0].requirements)).toEqual(xmlOverrideSets);
    expect(caps(ext.requirements)).toEqual(["ExcelApi 1.1"]);
    const button = ext.ribbons[0].tabs[0].groups[0].controls[0];
    expect(ext.ribbons[0].tabs[0].builtInTabId).toBe(attr(/<OfficeTab id="([^"]+)"/));
    expect(button.id).toBe(attr(/<Control xsi:type="Button" id="([^"]+)"/));
    expect(rt.actions.find((a: { id: string }) => a.id === button.actionId)?.type).toBe("openPage");
    expect(button.label).toBe(attr(/<bt:String id="TaskpaneButton.Label" DefaultValue="([^"]+)"/));
  });

  test("ids: the XML <Id> is the add-in Office already knows; the unified one hides it where both are installed", () => {
    const json = render.renderJson(addin, BASE, metadata);
    expect(attr(/<Id>([^<]+)<\/Id>/)).toBe(addin.id);
    expect(json.id).toBe(addin.unifiedId);
    expect(json.id).not.toBe(addin.id);
    expect(json.extensions[0].alternates).toEqual([{ hide: { customOfficeAddin: { officeAddinId: addin.id } } }]);
    expect(json.version).toBe(attr(/<Version>([^<]+)<\/Version>/).replace(/\.0$/, ""));
    expect(json.name.short).toBe(attr(/<DisplayName DefaultValue="([^"]+)"/));
  });
});
