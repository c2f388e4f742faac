/**
 * Accessibility checks for a page of the built pane.
 *
 * - axe-core, when installed (node_modules/axe-core/axe.min.js): every violation of impact
 *   "serious" or "critical" is a problem.
 * - Always, checks of our own for the serious/critical axe rules that matter here: every control
 *   and landmark has an accessible name (from Playwright's accessibility snapshot, i.e. the
 *   computed accessible names), unique ids, no positive tabindex, lists hold list items, no
 *   control inside another, nothing focusable inside aria-hidden, text contrast ≥ 4.5:1 (3:1 for
 *   large text), and the page has a language.
 * - Exempt: Fluent's focus sentinels (`<i data-tabster-dummy tabindex=0 aria-hidden>`), which are
 *   focusable and aria-hidden on purpose (they pass focus on at once; a known axe false positive,
 *   microsoft/tabster#288, microsoft/fluentui#25133).
 * - `tabOrder`: Tab through the page and return the focused elements, to check the order follows
 *   the reading order.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { REPO_ROOT } from "../support/reference";

export const AXE_PATH = path.join(REPO_ROOT, "node_modules", "axe-core", "axe.min.js");
export const AXE_AVAILABLE = existsSync(AXE_PATH);

export interface A11yProblem {
  rule: string;
  impact: string;
  target: string;
}

const NAMED_ROLES = "button|link|combobox|textbox|searchbox|checkbox|radio|tab|spinbutton|switch|slider|menuitem|option|listbox|dialog|alertdialog|progressbar|img|navigation|tabpanel|tree|grid|meter";

/** Lines of the accessibility snapshot whose role needs a name and has none. */
export function unnamedInSnapshot(snapshot: string): string[] {
  const re = new RegExp(`^\\s*- (${NAMED_ROLES})(?=\\s*(\\[|:|$))`);
  return snapshot.split("\n").filter((l) => re.test(l));
}

async function ownChecks(page: Page): Promise<A11yProblem[]> {
  const problems: A11yProblem[] = [];
  const snapshot = await page.locator("body").ariaSnapshot();
  for (const line of unnamedInSnapshot(snapshot)) problems.push({ rule: "accessible-name", impact: "serious", target: line.trim() });
  const inPage = await page.evaluate(() => {
    const out: Array<{ rule: string; impact: string; target: string }> = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} “${(el.textContent ?? "").trim().slice(0, 40)}”`;
    const visible = (el: Element) => {
      const r = (el as HTMLElement).getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none";
    };
    if (!document.documentElement.lang) out.push({ rule: "html-has-lang", impact: "serious", target: "html" });
    const ids = new Map<string, number>();
    for (const el of Array.from(document.querySelectorAll("[id]"))) ids.set(el.id, (ids.get(el.id) ?? 0) + 1);
    for (const [id, n] of ids) if (n > 1) out.push({ rule: "duplicate-id", impact: "serious", target: `#${id} ×${n}` });
    for (const el of Array.from(document.querySelectorAll("[tabindex]")))
      if (Number(el.getAttribute("tabindex")) > 0) out.push({ rule: "tabindex", impact: "serious", target: describe(el) });
    for (const list of Array.from(document.querySelectorAll("ul, ol")))
      for (const child of Array.from(list.children))
        if (!["LI", "SCRIPT", "TEMPLATE"].includes(child.tagName)) out.push({ rule: "list", impact: "serious", target: describe(list) });
    // while a modal dialog is open, the page behind it is aria-hidden and its focus trap keeps Tab inside
    const modal = document.querySelector("[role=dialog][aria-modal=true], [role=alertdialog][aria-modal=true]");
    const outsideModal = (el: Element) => !!modal && !modal.contains(el);
    const focusable = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";
    for (const el of Array.from(document.querySelectorAll("button, a[href], [role=button], [role=link]")))
      for (const inner of Array.from(el.querySelectorAll(focusable))) if (visible(inner)) out.push({ rule: "nested-interactive", impact: "serious", target: describe(el) });
    for (const el of Array.from(document.querySelectorAll(focusable)))
      if (el.closest("[aria-hidden='true']") && !el.closest("[inert]") && !el.hasAttribute("data-tabster-dummy") && !outsideModal(el) && visible(el) && (el as HTMLElement).tabIndex >= 0)
        out.push({ rule: "aria-hidden-focus", impact: "serious", target: describe(el) });
    // contrast of every visible text
    const rgba = (c: string): [number, number, number, number] | null => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return null;
      const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element | null): [number, number, number] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0.5) return [c[0], c[1], c[2]];
      }
      return [255, 255, 255];
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !(n.textContent ?? "").trim()) continue;
      seen.add(el);
      if (!visible(el) || el.closest("[aria-hidden='true'], :disabled, [aria-disabled='true'], [disabled]")) continue;
      // the label of a disabled control is exempt (as in axe)
      const label = el.closest("label");
      const control = label && ((label.htmlFor && document.getElementById(label.htmlFor)) || label.parentElement?.querySelector("input, select, textarea"));
      if (control && (control as HTMLInputElement).disabled) continue;
      const s = getComputedStyle(el);
      const fg = rgba(s.color);
      if (!fg || Number(s.opacity) === 0) continue;
      const bg = background(el);
      const fgRgb = [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
      const l1 = lum(fgRgb);
      const l2 = lum(bg);
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      const size = parseFloat(s.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5) - 0.01) out.push({ rule: "color-contrast", impact: "serious", target: `${describe(el)} ${ratio.toFixed(2)}:1` });
    }
    return out;
  });
  return [...problems, ...inPage];
}

async function axeChecks(page: Page): Promise<A11yProblem[]> {
  if (!AXE_AVAILABLE) return [];
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const r = await axe.run({ include: [document], exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.targets.map((t) => ({ rule: `axe:${v.id}`, impact: v.impact, target: t })));
}

/** Serious and critical accessibility problems of what the page shows now. */
export async function accessibilityProblems(page: Page): Promise<A11yProblem[]> {
  return [...(await axeChecks(page)), ...(await ownChecks(page))];
}

/**
 * Press Tab until focus comes back to an element already visited; returns the focused elements'
 * names from the top of the page, and those reached out of document order. Tab may start mid-page
 * (where focus was) and wrap once to the top: that wrap is not out of order.
 */
export async function tabOrder(page: Page, max = 150): Promise<{ names: string[]; backwards: string[] }> {
  await page.evaluate(() => ((window as unknown as { __tabSeen: Element[] }).__tabSeen = []));
  const steps: Array<{ name: string; backwards: boolean; wrap: boolean }> = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const step = await page.evaluate(() => {
      const w = window as unknown as { __tabSeen: Element[] };
      const el = document.activeElement;
      if (!el || el === document.body || el.hasAttribute("data-tabster-dummy")) return null;
      if (w.__tabSeen.includes(el)) return { done: true, name: "", backwards: false, wrap: false };
      const prev = w.__tabSeen[w.__tabSeen.length - 1];
      const before = (a: Element, b: Element) => !!(b.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_PRECEDING);
      const backwards = !!prev && before(el, prev);
      // a wrap to the top: before everything visited so far
      const wrap = backwards && w.__tabSeen.every((v) => before(el, v));
      w.__tabSeen.push(el);
      const name = (el.getAttribute("aria-label") || (el.textContent ?? "").trim() || el.tagName).slice(0, 50);
      return { done: false, name, backwards, wrap };
    });
    if (!step) continue;
    if (step.done) break;
    steps.push(step);
  }
  const w = steps.findIndex((s) => s.wrap);
  const ordered = w > 0 ? [...steps.slice(w), ...steps.slice(0, w)] : steps;
  return { names: ordered.map((s) => s.name), backwards: steps.filter((s, i) => s.backwards && i !== w).map((s) => s.name) };
}
