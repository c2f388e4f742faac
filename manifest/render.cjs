/**
 * Both manifests from the one description (manifest/addin.cjs), on a base URL:
 * - renderXml: the add-in only manifest (XML, [MS-OWEMXML]); the base manifest asks only for ExcelApi
 *   1.1 so Excel without a shared runtime still opens the pane, and VersionOverrides (SharedRuntime 1.1,
 *   CustomFunctionsRuntime 1.1) adds the shared runtime, the NQ functions and the Home-tab button;
 * - renderJson: the unified manifest for Microsoft 365 (JSON, schema version UNIFIED_VERSION), with
 *   the same runtime, button and functions (inline, from functions.json, and by metadataUrl).
 * addinBaseUrl checks ADDIN_URL. Plain CommonJS: webpack.config.js and the tests load it.
 */
const DEV_URL = "https://localhost:3000/";
/** the unified manifest schema version declared; its schema is vendored in manifest/schemas/ */
const UNIFIED_VERSION = "1.29";

/**
 * The deployed base URL from ADDIN_URL: https only, no query or fragment, ending with "/".
 * Throws a Vietnamese message naming the setting and what to do.
 */
function addinBaseUrl(value) {
  const raw = String(value || "").trim();
  let u;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL="${raw}" không phải là một địa chỉ web. Ví dụ: ADDIN_URL=https://phanmem.tinhuy.vn/chi-tieu/ npm run build`);
  }
  if (u.protocol !== "https:") throw new Error(`ADDIN_URL="${raw}" phải bắt đầu bằng https:// (Office chỉ nạp phần bổ trợ qua HTTPS).`);
  if (u.search || u.hash) throw new Error(`ADDIN_URL="${raw}" không được có "?" hay "#": chỉ ghi thư mục chứa taskpane.html.`);
  if (/^(localhost|127\.|\[::1\])/i.test(u.hostname)) throw new Error(`ADDIN_URL="${raw}" trỏ vào máy này (localhost): máy khác trong cơ quan không mở được. Ghi địa chỉ máy chủ web của cơ quan.`);
  return u.href.endsWith("/") ? u.href : `${u.href}/`;
}

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The resource ids of the XML manifest, each with its value. */
function xmlResources(d, base) {
  const u = (p) => base + p;
  return {
    images: [16, 32, 80].map((s) => [`Icon.${s}x${s}`, u(d.icons.xml.ribbon[s])]),
    urls: [
      ["Functions.Script.Url", u(d.functions.script)],
      ["Functions.Metadata.Url", u(d.functions.metadata)],
      ["GetStarted.LearnMoreUrl", u(d.getStarted.learnMore)],
      ["Taskpane.Url", u(d.runtime.page)],
    ],
    shortStrings: [
      ["Functions.Namespace", d.functions.namespace],
      ["GetStarted.Title", d.getStarted.title],
      ["CommandsGroup.Label", d.ribbon.group.label],
      ["TaskpaneButton.Label", d.ribbon.button.label],
    ],
    longStrings: [
      ["GetStarted.Description", d.getStarted.description],
      ["TaskpaneButton.Tooltip", d.ribbon.button.tooltip],
    ],
  };
}

/** The ribbon part of the XML overrides (Home tab, one group, one button showing the pane). */
function xmlRibbon(d) {
  const icon = (pad) => [`${pad}<Icon>`, ...[16, 32, 80].map((s) => `${pad}  <bt:Image size="${s}" resid="Icon.${s}x${s}"/>`), `${pad}</Icon>`];
  const p = "              ";
  return [
    `          <ExtensionPoint xsi:type="PrimaryCommandSurface">`,
    `            <OfficeTab id="${esc(d.ribbon.tab)}">`,
    `              <Group id="${esc(d.ribbon.group.id)}">`,
    `${p}  <Label resid="CommandsGroup.Label"/>`,
    ...icon(`${p}  `),
    `${p}  <Control xsi:type="Button" id="${esc(d.ribbon.button.id)}">`,
    `${p}    <Label resid="TaskpaneButton.Label"/>`,
    `${p}    <Supertip>`,
    `${p}      <Title resid="TaskpaneButton.Label"/>`,
    `${p}      <Description resid="TaskpaneButton.Tooltip"/>`,
    `${p}    </Supertip>`,
    ...icon(`${p}    `),
    // a shared runtime has one task pane: no TaskpaneId
    `${p}    <Action xsi:type="ShowTaskpane">`,
    `${p}      <SourceLocation resid="Taskpane.Url"/>`,
    `${p}    </Action>`,
    `${p}  </Control>`,
    `              </Group>`,
    `            </OfficeTab>`,
    `          </ExtensionPoint>`,
  ];
}

/** VersionOverrides: requirements, the shared runtime, the CustomFunctions extension point, the button, resources. */
function xmlOverrides(d, base) {
  const r = xmlResources(d, base);
  const list = (tag, rows) => rows.map(([id, v]) => `        <bt:${tag} id="${esc(id)}" DefaultValue="${esc(v)}"/>`);
  return [
    `  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">`,
    `    <Requirements>`,
    `      <bt:Sets DefaultMinVersion="1.1">`,
    ...d.runtimeRequirements.map((s) => `        <bt:Set Name="${esc(s.name)}" MinVersion="${esc(s.minVersion)}"/>`),
    `      </bt:Sets>`,
    `    </Requirements>`,
    `    <Hosts>`,
    `      <Host xsi:type="Workbook">`,
    `        <Runtimes>`,
    `          <Runtime resid="Taskpane.Url" lifetime="${esc(d.runtime.lifetime)}"/>`,
    `        </Runtimes>`,
    `        <AllFormFactors>`,
    `          <ExtensionPoint xsi:type="CustomFunctions">`,
    `            <Script>`,
    `              <SourceLocation resid="Functions.Script.Url"/>`,
    `            </Script>`,
    `            <Page>`,
    `              <SourceLocation resid="Taskpane.Url"/>`,
    `            </Page>`,
    `            <Metadata>`,
    `              <SourceLocation resid="Functions.Metadata.Url"/>`,
    `            </Metadata>`,
    `            <Namespace resid="Functions.Namespace"/>`,
    `          </ExtensionPoint>`,
    `        </AllFormFactors>`,
    `        <DesktopFormFactor>`,
    `          <GetStarted>`,
    `            <Title resid="GetStarted.Title"/>`,
    `            <Description resid="GetStarted.Description"/>`,
    `            <LearnMoreUrl resid="GetStarted.LearnMoreUrl"/>`,
    `          </GetStarted>`,
    `          <FunctionFile resid="Taskpane.Url"/>`,
    ...xmlRibbon(d),
    `        </DesktopFormFactor>`,
    `      </Host>`,
    `    </Hosts>`,
    `    <Resources>`,
    `      <bt:Images>`,
    ...list("Image", r.images),
    `      </bt:Images>`,
    `      <bt:Urls>`,
    ...list("Url", r.urls),
    `      </bt:Urls>`,
    `      <bt:ShortStrings>`,
    ...list("String", r.shortStrings),
    `      </bt:ShortStrings>`,
    `      <bt:LongStrings>`,
    ...list("String", r.longStrings),
    `      </bt:LongStrings>`,
    `    </Resources>`,
    `  </VersionOverrides>`,
  ];
}

/** manifest.xml on `base` (every URL under it; AppDomain its origin). */
function renderXml(d, base) {
  const u = (p) => base + p;
  const lines = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`,
    `<!-- Generated from manifest/addin.cjs by manifest/render.cjs (npm run build): edit the description, not this file. -->`,
    `<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0" xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="TaskPaneApp">`,
    `  <Id>${esc(d.id)}</Id>`,
    `  <Version>${esc(d.version)}.0</Version>`,
    `  <ProviderName>${esc(d.provider)}</ProviderName>`,
    `  <DefaultLocale>${esc(d.locale)}</DefaultLocale>`,
    `  <DisplayName DefaultValue="${esc(d.name.short)}"/>`,
    `  <Description DefaultValue="${esc(d.description.full)}"/>`,
    `  <IconUrl DefaultValue="${esc(u(d.icons.xml.icon))}"/>`,
    `  <HighResolutionIconUrl DefaultValue="${esc(u(d.icons.xml.highResolution))}"/>`,
    `  <SupportUrl DefaultValue="${esc(u(d.pages.support))}"/>`,
    `  <AppDomains>`,
    `    <AppDomain>${esc(new URL(base).origin)}</AppDomain>`,
    `  </AppDomains>`,
    `  <Hosts>`,
    `    <Host Name="Workbook"/>`,
    `  </Hosts>`,
    `  <Requirements>`,
    `    <Sets DefaultMinVersion="1.1">`,
    ...d.baseRequirements.map((s) => `      <Set Name="${esc(s.name)}" MinVersion="${esc(s.minVersion)}"/>`),
    `    </Sets>`,
    `  </Requirements>`,
    `  <DefaultSettings>`,
    `    <SourceLocation DefaultValue="${esc(u(d.pages.taskpane))}"/>`,
    `  </DefaultSettings>`,
    `  <Permissions>ReadWriteDocument</Permissions>`,
    ...xmlOverrides(d, base),
    `</OfficeApp>`,
  ];
  return `${lines.join("\n")}\n`;
}

/** A custom function of functions.json as the unified manifest describes it (result: dimensionality only). */
function unifiedFunction(f) {
  const o = f.options || {};
  const out = { id: f.id, name: f.name, description: f.description, parameters: (f.parameters || []).map(unifiedParameter), result: { dimensionality: (f.result && f.result.dimensionality) || "scalar" } };
  if (f.helpUrl) out.helpUrl = f.helpUrl;
  for (const k of ["volatile", "stream", "cancelable", "requiresAddress"]) if (o[k]) out[k] = true;
  if (o.requiresParameterAddresses) out.requiresParameterAddress = true;
  return out;
}

function unifiedParameter(p) {
  const out = { name: p.name };
  for (const k of ["description", "type", "dimensionality", "optional", "repeating"]) if (p[k] !== undefined) out[k] = p[k];
  return out;
}

/** manifest.json (the unified manifest) on `base`; `functions` is functions.json as the build wrote it. */
function renderJson(d, base, functions) {
  const u = (p) => base + p;
  const ribbonIcons = [16, 32, 80].map((size) => ({ size, url: u(d.icons.xml.ribbon[size]) }));
  const capabilities = d.runtimeRequirements.map((s) => ({ name: s.name, minVersion: s.minVersion }));
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${UNIFIED_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: UNIFIED_VERSION,
    id: d.unifiedId,
    version: d.version,
    name: { short: d.name.short, full: d.name.full },
    description: { short: d.description.short, full: d.description.full },
    developer: { name: d.provider, websiteUrl: u(d.pages.support), privacyUrl: u(d.pages.privacy), termsOfUseUrl: u(d.pages.privacy) },
    localizationInfo: { defaultLanguageTag: d.locale },
    icons: { color: d.icons.unified.color, outline: d.icons.unified.outline },
    accentColor: d.accentColor,
    validDomains: [new URL(base).host],
    authorization: { permissions: { resourceSpecific: [{ name: "Document.ReadWrite.User", type: "Delegated" }] } },
    extensions: [
      {
        requirements: { scopes: ["workbook"], capabilities: d.baseRequirements.map((s) => ({ name: s.name, minVersion: s.minVersion })) },
        runtimes: [
          {
            id: d.runtime.id,
            type: "general",
            code: { page: u(d.runtime.page), script: u(d.functions.script) },
            lifetime: d.runtime.lifetime,
            requirements: { capabilities },
            actions: [{ id: d.ribbon.button.action, type: "openPage" }],
            customFunctions: {
              namespace: { id: d.functions.namespace, name: d.functions.namespace },
              metadataUrl: u(d.functions.metadata),
              functions: functions.functions.map(unifiedFunction),
            },
          },
        ],
        ribbons: [
          {
            requirements: { capabilities },
            tabs: [
              {
                builtInTabId: d.ribbon.tab,
                groups: [
                  {
                    id: d.ribbon.group.id,
                    label: d.ribbon.group.label,
                    icons: ribbonIcons,
                    controls: [{ id: d.ribbon.button.id, type: "button", label: d.ribbon.button.label, icons: ribbonIcons, supertip: { title: d.ribbon.button.label, description: d.ribbon.button.tooltip }, actionId: d.ribbon.button.action }],
                  },
                ],
              },
            ],
          },
        ],
        getStartedMessages: [{ title: d.getStarted.title, description: d.getStarted.description, learnMoreUrl: u(d.getStarted.learnMore) }],
        // where both are installed, this add-in hides the one of the XML manifest (Microsoft's guidance for shipping both)
        alternates: [{ hide: { customOfficeAddin: { officeAddinId: d.id } } }],
      },
    ],
  };
}

module.exports = { DEV_URL, UNIFIED_VERSION, addinBaseUrl, renderXml, renderJson, unifiedFunction };
