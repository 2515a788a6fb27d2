/** axe-core over the pane in the real browser, shared by the end-to-end tests. */
import type { Page } from "playwright-core";

const AXE = require.resolve("axe-core/axe.min.js");

/**
 * Serious and critical axe-core violations inside a selector, as "rule: target" lines, and every
 * colour-contrast result axe could not decide ("incomplete") that is not explained. Tabster's
 * focus bumpers (<i data-tabster-dummy aria-hidden tabindex=0>, used by Fluent v9's TabList and
 * focus traps) are dropped from aria-hidden-focus: they exist to redirect focus and must stay
 * hidden from screen readers, a known false positive (microsoft/tabster#288; Accessibility
 * Insights suppresses it the same way, accessibility-insights-web#7605). Two contrast
 * "incomplete" kinds are explained: text scrolled under the sticky action bar (bgOverlap or
 * elmPartiallyObscuring where the element meets the bar: axe cannot see through the bar, and the
 * text is checked once it scrolls out), and Fluent's Tab label copy (pseudoContent on
 * fui-Tab__content: an invisible bold copy that reserves width; the visible label is checked).
 */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (sel) => {
    type Check = { data?: { messageKey?: string } | null };
    type Node = { html: string; target: string[]; any: Check[] };
    type Rule = { id: string; impact: string; nodes: Node[] };
    type Result = { violations: Rule[]; incomplete: Rule[] };
    const axe = (window as unknown as { axe: { run: (c: Element, o: object) => Promise<Result> } }).axe;
    const result = await axe.run(document.querySelector(sel)!, { resultTypes: ["violations", "incomplete"] });
    const bars = [...document.querySelectorAll('[aria-label="Actions"]')].map((b) =>
      b.getBoundingClientRect(),
    );
    const keys = (n: Node): string[] => n.any.map((c) => c.data?.messageKey ?? "");
    const underBar = (n: Node): boolean => {
      if (!keys(n).some((k) => k === "bgOverlap" || k === "elmPartiallyObscuring")) return false;
      const el = document.querySelector(n.target.join(" "));
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return (
        bars.some((b) => r.bottom > b.top && r.top < b.bottom) ||
        el.closest('[aria-label="Actions"]') !== null
      );
    };
    const tabCopy = (n: Node): boolean =>
      keys(n).includes("pseudoContent") && n.html.includes("fui-Tab__content");
    const violations = result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        ...v,
        nodes: v.nodes.filter(
          (n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")),
        ),
      }));
    const contrast = result.incomplete
      .filter((v) => v.id === "color-contrast")
      .map((v) => ({
        ...v,
        id: "color-contrast (incomplete)",
        nodes: v.nodes.filter((n) => !underBar(n) && !tabCopy(n)),
      }));
    return [...violations, ...contrast]
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} ${keys(n).join(",")}`).join(", ")}`);
  }, selector);
}
