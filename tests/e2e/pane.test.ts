/**
 * End to end in headless Chromium: the production build of the pane, served on localhost,
 * outside Office so it runs on the in-memory Excel. A user inserts the child-support template,
 * prorates a target, types an actual, runs a check and dismisses a flag; each step is
 * screenshotted under tests/e2e/screenshots/, each tab is scanned with axe-core, and the page
 * must log no console errors. The same build proves the first-load budget against the baseline.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { launchPaneBrowser, type PaneBrowser } from "./browser";
import { buildPane, type PaneBuild } from "./buildPane";
import { serveDirectory, type StaticServer } from "./serve";

jest.setTimeout(600_000);

const SHOTS = path.join(__dirname, "screenshots");
const AXE = require.resolve("axe-core/axe.min.js");

let outDir: string;
let build: PaneBuild;
let server: StaticServer;
let browser: PaneBrowser;
let page: Page;
const errors: string[] = [];
/** Debugging only: serve an existing build (from tests/e2e/buildPane.ts) instead of building. */
const PREBUILT = process.env.YARDSTICK_E2E_DIST;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  if (PREBUILT) {
    outDir = PREBUILT;
  } else {
    outDir = mkdtempSync(path.join(tmpdir(), "yardstick-e2e-"));
    build = await buildPane(outDir);
  }
  server = await serveDirectory(outDir);
  browser = await launchPaneBrowser();
  page = await browser.context.newPage();
  page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir && !PREBUILT) rmSync(outDir, { recursive: true, force: true });
});

const pane = (): Locator => page.getByRole("complementary", { name: /Yardstick task pane/ });
const book = (): Locator => page.getByRole("region", { name: "Preview workbook" });
const shot = (name: string): Promise<Buffer> =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

/**
 * Serious and critical axe-core violations inside a selector, as "rule: target" lines. Tabster's
 * focus bumpers (<i data-tabster-dummy aria-hidden tabindex=0>, used by Fluent v9's TabList and
 * focus traps) are dropped from aria-hidden-focus: they exist to redirect focus and must stay
 * hidden from screen readers, a known false positive (microsoft/tabster#288; Accessibility
 * Insights suppresses it the same way, accessibility-insights-web#7605).
 */
async function axeViolations(selector: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (sel) => {
    type Node = { html: string; target: string[] };
    type Result = { violations: { id: string; impact: string; nodes: Node[] }[] };
    const axe = (window as unknown as { axe: { run: (c: Element, o: object) => Promise<Result> } }).axe;
    const result = await axe.run(document.querySelector(sel)!, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        ...v,
        nodes: v.nodes.filter(
          (n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")),
        ),
      }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, selector);
}

const PANE = '[aria-label="Yardstick task pane (320 px)"]';

/** Waits until `read` gives something other than `than`; returns it. */
async function changed<T>(read: () => Promise<T>, than: T, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const now = await read();
    if (now !== than) return now;
    if (Date.now() > until) throw new Error(`still ${String(than)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function openTab(name: string, heading: string): Promise<void> {
  await pane().getByRole("tab", { name }).click();
  await pane().getByRole("heading", { name: heading }).waitFor();
}

describe("the task pane in a real browser", () => {
  (PREBUILT ? it.skip : it)("keeps the first load within 1.3x of a bare React + Fluent page", () => {
    const ratio = build.initial.taskpane.gzipBytes / build.initial.baseline.gzipBytes;
    expect(ratio).toBeLessThan(1.3);
  });

  it("says to open it in Excel and offers the preview, on the tab the URL names", async () => {
    await page.goto(`${server.url}/taskpane.html?tab=start`);
    await page.getByText("Open this in Excel.").waitFor();
    await pane().getByRole("heading", { name: "Start a scorecard" }).waitFor();
    await pane()
      .getByRole("radio", { name: /Child support program scorecard/ })
      .waitFor();
    await shot("01-start");
    expect(await axeViolations("body")).toEqual([]);
  });

  it("inserts the child-support template with sample data", async () => {
    await pane()
      .getByRole("radio", { name: /Child support program scorecard/ })
      .check();
    await pane().getByText("Paternity establishment (PEP)").waitFor();
    expect(
      await pane()
        .getByRole("switch", { name: /sample data/ })
        .isChecked(),
    ).toBe(true);
    await pane().getByRole("button", { name: "Insert template" }).click();
    await pane().getByText("Template inserted.").waitFor({ timeout: 180_000 });
    await book().getByRole("tab", { name: "Milestones & Actuals" }).waitFor();
    await shot("02-inserted");
  });

  it("prorates a target by caseload and writes it", async () => {
    await openTab("Prorate", "Prorate a target");
    await pane().getByRole("combobox", { name: "Measure" }).click();
    await page.getByRole("option", { name: "Genetic tests completed" }).click();
    await pane()
      .getByRole("textbox", { name: /Program total/ })
      .fill("6000");
    await pane()
      .getByRole("radio", { name: /^By a driver/ })
      .check();
    expect(await axeViolations(PANE)).toEqual([]);
    await pane().getByRole("button", { name: "Preview shares" }).click();
    const table = pane().getByRole("table", { name: "Each unit's share" });
    await table.waitFor();
    expect(await table.getByRole("row").count()).toBe(13);
    await shot("03-prorate-preview");
    await pane().getByRole("button", { name: "Write to workbook" }).click();
    // The sample's targets and milestones were typed by people: Yardstick asks before replacing them.
    await pane()
      .getByText(/would be replaced/)
      .waitFor({ timeout: 60_000 });
    await shot("04a-prorate-asks");
    await pane().getByRole("button", { name: "Write anyway" }).click();
    await pane().getByText("Targets written.").waitFor({ timeout: 60_000 });
    await shot("04-prorate-written");
  });

  it("types an actual in the workbook and sees the check change after Refresh", async () => {
    await openTab("Check", "Check progress");
    await pane().getByRole("list", { name: "Unit status" }).waitFor({ timeout: 60_000 });
    expect(await axeViolations(PANE)).toEqual([]);
    await shot("05-check");
    const jump = pane()
      .getByRole("button", { name: /^Go to .+, the cell for .+: Paternity establishment \(PEP\)$/ })
      .first();
    const label = (await jump.getAttribute("aria-label"))!.replace(/^.*, the cell for /, "");
    await jump.click();
    const cellBox = book().getByRole("textbox", { name: "Cell" });
    const aprilCell = await changed(() => cellBox.inputValue(), "A1");

    await pane().getByRole("combobox", { name: "As of" }).click();
    await page.getByRole("option", { name: "May 2027" }).click();
    const item = pane().getByRole("listitem", { name: new RegExp(`^${label.replace(/[()]/g, "\\$&")},`) });
    await item.waitFor();
    const before = await item.innerText();

    const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(aprilCell)!;
    const next = String.fromCharCode(letters.charCodeAt(letters.length - 1) + 1);
    const mayCell = `${letters.slice(0, -1)}${next}${row}`;
    await cellBox.fill(mayCell);
    await book().getByRole("textbox", { name: "Value" }).fill("97");
    await book().getByRole("button", { name: "Enter" }).click();
    const column = [...mayCell.replace(/\d+$/, "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const typed = book()
      .locator("tbody tr")
      .nth(Number(row) - 1)
      .locator("td")
      .nth(column - 1);
    expect(await changed(() => typed.innerText(), "", 10_000)).toBe("97");
    await shot("06-actual-typed");

    await pane().getByRole("button", { name: "Refresh" }).click();
    expect(await changed(() => item.innerText(), before)).toMatch(/97/);
    await shot("07-check-refreshed");
  });

  it("dismisses a flag with a note and writes it to the Flags sheet", async () => {
    await openTab("Flags", "Review flags");
    const first = pane().getByRole("button", { name: "Dismiss…" }).first();
    await first.waitFor({ timeout: 60_000 });
    expect(await axeViolations(PANE)).toEqual([]);
    await shot("08-flags");
    await first.click();
    await pane()
      .getByRole("textbox", { name: /Why dismiss it/ })
      .fill("Caseload moved to a new office this year.");
    await pane().getByRole("button", { name: "Dismiss flag" }).click();
    await pane().getByText("Dismissed", { exact: true }).first().waitFor();
    await book().getByRole("tab", { name: "Flags" }).click();
    await book().getByRole("cell", { name: "dismissed", exact: true }).waitFor();
    await shot("09-flag-dismissed");
  });

  it("moves between jobs with the keyboard alone", async () => {
    await pane().getByRole("tab", { name: "Flags" }).focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await pane().getByRole("heading", { name: "Check progress" }).waitFor();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Space");
    await pane().getByRole("heading", { name: "Prorate a target" }).waitFor();
  });

  it("follows a dark colour scheme and stays accessible", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`${server.url}/taskpane.html?tab=flags`);
    await pane().getByRole("heading", { name: "Review flags" }).waitFor();
    const background = await pane().evaluate(
      (el) => getComputedStyle(el.firstElementChild as Element).backgroundColor,
    );
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await shot("10-dark");
    expect(await axeViolations("body")).toEqual([]);
  });

  it("logged no console errors", () => {
    expect(errors).toEqual([]);
  });
});
