/**
 * End to end in headless Chromium: the production build of the pane (320 px), served on localhost,
 * outside Office so it runs on the in-memory Excel. A user meets an empty workbook, inserts each
 * template and previews its first measure's default split, splits a target (the preview is what is
 * written), types an actual, reviews progress by status and dismisses a flag; each step is
 * screenshotted under tests/e2e/screenshots/, each tab is scanned with axe-core, and the page
 * must log no console errors. The same build proves the first-load budget against the baseline.
 */
import type { Locator, Page } from "playwright-core";
import { axeViolations as axeViolationsOn } from "./axe";
import { paneSessionForFile } from "./session";

jest.setTimeout(600_000);

/** Debugging only: serve an existing build (from tests/e2e/buildPane.ts) instead of building. */
const PREBUILT = process.env.YARDSTICK_E2E_DIST;

const session = paneSessionForFile("pane");
const errors = session.errors;
let page: Page;
/** The measure the Targets test split and wrote, whose targets the revision log must now hold. */
let proratedMeasure = "";

beforeAll(() => {
  page = session.page;
});

const pane = (): Locator => page.getByRole("complementary", { name: /Yardstick task pane/ });
const book = (): Locator => page.getByRole("region", { name: "Preview workbook" });
const shot = session.shot;

/** Serious and critical axe-core violations inside a selector (tests/e2e/axe.ts). */
const axeViolations = (selector: string): Promise<string[]> => axeViolationsOn(page, selector);

const PANE = '[aria-label="Yardstick task pane (320 px)"]';
const VIEWPORT_HEIGHT = 900;

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

/** The pane's full height in pixels, as a manager would scroll it. */
const paneHeight = (): Promise<number> => pane().evaluate((el) => el.scrollHeight);

/** Whether a locator sits inside the viewport without scrolling. */
async function inView(target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= VIEWPORT_HEIGHT;
}

/** Inserts a template with its sample data on a fresh page; answers the Start tab's success note. */
async function insertFresh(title: RegExp): Promise<Locator> {
  await page.goto(`${session.url}/taskpane.html?tab=start`);
  await pane().getByRole("radio", { name: title }).check();
  await pane().getByRole("button", { name: "Insert template" }).click();
  const note = pane().getByText("Template inserted.");
  await note.waitFor({ timeout: 180_000 });
  return note;
}

/** What a manager would type as the total: a rate of 90, a ratio of 5, or last year's figure. */
async function plausibleTotal(): Promise<string> {
  const total = pane().getByRole("textbox", { name: /Program (total|target rate)/ });
  const labelText = await total.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? "");
  if (/rate/.test(labelText)) return "90";
  if (/ per /.test(labelText)) return "5";
  const hint = await pane()
    .getByText(/^Last year: /)
    .innerText()
    .catch(() => "");
  return /Last year: ([\d,]+)/.exec(hint)?.[1].replace(/,/g, "") ?? "1200";
}

describe("the task pane in a real browser", () => {
  (PREBUILT ? it.skip : it)("keeps the first load within 1.3x of a bare React + Fluent page", () => {
    const ratio = session.build!.initial.taskpane.gzipBytes / session.build!.initial.baseline.gzipBytes;
    expect(ratio).toBeLessThan(1.3);
  });

  it("says to open it in Excel and leads an empty workbook's tab to Start, without an error bar", async () => {
    await page.goto(`${session.url}/taskpane.html?tab=review`);
    await page.getByText("Open this in Excel.").waitFor();
    await pane().getByText("No scorecard in this workbook yet").waitFor();
    expect(await pane().locator(".fui-MessageBar").count()).toBe(0);
    await shot("00-empty-review");
    expect(await axeViolations(PANE)).toEqual([]);
    await pane().getByRole("button", { name: "Start a scorecard" }).click();
    await pane().getByRole("heading", { name: "Start a scorecard" }).waitFor();
    await pane()
      .getByRole("radio", { name: /Child support program scorecard/ })
      .waitFor();
    await shot("01-start");
    expect(await axeViolations("body")).toEqual([]);
  });

  it("keeps Insert in view and paints progress while a template is written", async () => {
    await page.goto(`${session.url}/taskpane.html?tab=start`);
    await pane()
      .getByRole("radio", { name: /Blank scorecard/ })
      .waitFor();
    const insert = pane().getByRole("button", { name: "Insert template" });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await inView(insert)).toBe(true);
    await pane()
      .getByRole("radio", { name: /Blank scorecard/ })
      .check();
    await page.mouse.wheel(0, 600);
    expect(await inView(insert)).toBe(true);
    // Watch for the progress bar reaching a frame: the insert holds the page once it starts.
    await page.evaluate(() => {
      const w = window as unknown as { progressPainted?: boolean };
      w.progressPainted = false;
      new MutationObserver(() => {
        if (document.querySelector('[role="progressbar"]'))
          requestAnimationFrame(
            () => (w.progressPainted ||= !!document.querySelector('[role="progressbar"]')),
          );
      }).observe(document.body, { subtree: true, childList: true });
    });
    await insert.click();
    await pane().getByText("Template inserted.").waitFor({ timeout: 180_000 });
    // Blank has no measures: the next step is the Measures sheet, not targets.
    await pane()
      .getByText(/list what you measure on the Measures sheet/)
      .waitFor();
    expect(await pane().getByRole("button", { name: /Next/ }).count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { progressPainted?: boolean }).progressPainted),
    ).toBe(true);
  });

  it.each([[/City services scorecard/], [/Balanced scorecard/], [/Child support program scorecard/]])(
    "previews the default split of %s's first measure without an error",
    async (title) => {
      await insertFresh(title);
      await pane().getByRole("button", { name: "Next: set targets" }).click();
      await pane().getByRole("heading", { name: "Split a program target" }).waitFor();
      const total = pane().getByRole("textbox", { name: /Program (total|target rate)/ });
      await total.fill(await plausibleTotal());
      await pane().getByRole("button", { name: "Preview shares" }).click();
      await pane().getByRole("table", { name: "Each unit's share" }).waitFor({ timeout: 60_000 });
      expect(
        await pane()
          .locator(".fui-MessageBar")
          .filter({ hasText: /method|cannot|needs/i })
          .count(),
      ).toBe(0);
    },
  );

  it("says what is wrong on the field: a huge total, and 0.92 for a rate", async () => {
    // The child-support workbook is open on Targets, on Paternity establishment (a rate).
    const rate = pane().getByRole("textbox", { name: /target rate/ });
    await rate.fill("0.92");
    await pane()
      .getByText("Did you mean 92 %? Rates are typed in percent, e.g. 92 for 92 %.", { exact: true })
      .waitFor();
    expect(await rate.getAttribute("aria-invalid")).toBe("true");
    await pane().getByRole("button", { name: "Use 92 %" }).click();
    expect(await rate.inputValue()).toBe("92");
    await pane().getByRole("combobox", { name: "Measure" }).click();
    await page.getByRole("option", { name: "Genetic tests completed" }).click();
    const total = pane().getByRole("textbox", { name: /Program total/ });
    await total.fill("1e15");
    await pane().getByText("That number is too large for the program total.", { exact: true }).waitFor();
    await total.fill("$6,000");
    await pane()
      .getByText(/^This measure counts tests, not money: type the program total without the currency sign\.$/)
      .waitFor();
    await total.fill("");
    await pane().getByText("Preview needs the program total.").waitFor();
    await shot("02-targets-field-errors");
  });

  it("splits a target by caseload, clears a stale preview, and writes what was shown", async () => {
    await pane()
      .getByRole("textbox", { name: /Program total/ })
      .fill("6000");
    expect(
      await pane()
        .getByRole("radio", { name: /^By a driver/ })
        .isChecked(),
    ).toBe(true);
    expect(await axeViolations(PANE)).toEqual([]);
    await pane().getByRole("button", { name: "Preview shares" }).click();
    const table = pane().getByRole("table", { name: "Each unit's share" });
    await table.waitFor();
    expect(await table.getByRole("row").count()).toBe(13);
    // One line per unit: twelve units fit in well under a screen.
    expect((await table.boundingBox())!.height).toBeLessThan(13 * 50);
    const first = table.getByRole("button").first();
    await first.click();
    await table
      .getByText(/^Why: /)
      .first()
      .waitFor();
    await shot("03-targets-preview");
    expect(await axeViolations(PANE)).toEqual([]);

    // A changed input clears the preview: nothing unseen can be written.
    await pane()
      .getByRole("textbox", { name: /Program total/ })
      .fill("6001");
    expect(await table.count()).toBe(0);
    expect(await pane().getByRole("button", { name: "Write to workbook" }).isDisabled()).toBe(true);
    await pane()
      .getByRole("textbox", { name: /Program total/ })
      .fill("6000");
    await pane().getByRole("button", { name: "Preview shares" }).click();
    await table.waitFor();

    await pane().getByRole("button", { name: "Write to workbook" }).click();
    // The sample's targets and milestones were typed by people: Yardstick asks before replacing them.
    await pane()
      .getByText(/would be replaced/)
      .waitFor({ timeout: 60_000 });
    await shot("04a-targets-asks");
    // The reason goes into the revision log with the write.
    await pane().getByRole("combobox", { name: /^Why/ }).selectOption({ label: "Resources changed" });
    proratedMeasure = await pane().getByRole("combobox", { name: "Measure" }).innerText();
    await pane().getByRole("button", { name: "Write anyway" }).click();
    await pane().getByText("Targets written.").waitFor({ timeout: 60_000 });
    // Focus follows the outcome, not the page body.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toMatch(/Targets written\./);
    await shot("04-targets-written");
  });

  it("reviews progress: counts and a filter, off track first, on track collapsed", async () => {
    await openTab("Review", "Review progress");
    const filter = pane().getByRole("group", { name: "Show only" });
    await filter.waitFor({ timeout: 60_000 });
    const counts = await filter.getByRole("button").allInnerTexts();
    expect(counts[0]).toMatch(/^All \d+$/);
    expect(counts.slice(1).map((c) => c.replace(/ \d+$/, ""))).toEqual(
      ["Off track", "At risk", "Late", "Too early to tell", "No data yet", "On track"].filter((s) =>
        counts.some((c) => c.startsWith(s)),
      ),
    );
    const headings = await pane().getByRole("heading", { level: 3 }).allInnerTexts();
    expect(headings[0]).toMatch(/^(Off track|At risk) \(\d+\)$/);
    const onTrack = pane().getByRole("button", { name: /^On track \(\d+\)$/ });
    expect(await onTrack.getAttribute("aria-expanded")).toBe("false");
    expect(await paneHeight()).toBeLessThan(6000);
    expect(await axeViolations(PANE)).toEqual([]);
    await shot("05-review");

    const atRisk = filter.getByRole("button", { name: /^At risk \d+$/ });
    const n = Number((await atRisk.innerText()).replace(/\D+/g, ""));
    await atRisk.click();
    expect(await pane().getByRole("listitem").count()).toBe(n);
    expect(await pane().getByRole("listitem").filter({ hasNotText: "At risk" }).count()).toBe(0);
    await filter.getByRole("button", { name: /^All \d+$/ }).click();
  });

  it("types an actual in the workbook and sees the review change after Refresh", async () => {
    // A rate's row shows the month's own actual, so the typed number appears as typed.
    for (const header of await pane()
      .locator('button[aria-expanded="false"]')
      .filter({ hasText: /\(\d+\)$/ })
      .all())
      await header.click();
    const jump = pane()
      .getByRole("button", { name: /^Show in the sheet: .+: Paternity establishment \(PEP\)$/ })
      .first();
    const label = (await jump.getAttribute("aria-label"))!.replace(/^Show in the sheet: /, "");
    await jump.click();
    const cellBox = book().getByRole("textbox", { name: "Cell" });
    const aprilCell = await changed(() => cellBox.inputValue(), "A1");

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
    // May now has an actual, so it is offered; months after the last actual never are.
    await pane().getByRole("combobox", { name: "As of" }).click();
    expect(await page.getByRole("option").allInnerTexts()).not.toContain("June 2027");
    await page.getByRole("option", { name: "May 2027" }).click();
    await pane().getByRole("combobox", { name: "As of" }).filter({ hasText: "May 2027" }).waitFor();
    for (const header of await pane()
      .locator('button[aria-expanded="false"]')
      .filter({ hasText: /\(\d+\)$/ })
      .all())
      await header.click();
    const item = pane().getByRole("listitem", { name: new RegExp(`^${label.replace(/[()$]/g, "\\$&")},`) });
    expect(await changed(() => item.innerText(), "", 30_000)).toMatch(/97/);
    await shot("07-review-refreshed");
  });

  it("logs the proration with its reason, and asks why when a person types a target", async () => {
    const escape = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // The proration written on the Targets tab is in each unit's history, with the reason picked.
    const prorated = pane()
      .getByRole("button", { name: new RegExp(`^Target history: .+: ${escape(proratedMeasure)}$`) })
      .first();
    await prorated.click();
    const history = pane().getByRole("list", { name: "Target history" }).first();
    expect(await changed(() => history.innerText(), "", 30_000)).toMatch(/Resources changed/);
    await prorated.click();

    // A target typed straight into the sheet is found on Refresh, and its reason asked once.
    const jump = pane()
      .getByRole("button", { name: /^Show in the sheet: (?!Program:)/ })
      .first();
    const label = (await jump.getAttribute("aria-label"))!.replace(/^Show in the sheet: /, "");
    await jump.click();
    const cellBox = book().getByRole("textbox", { name: "Cell" });
    const at = await changed(() => cellBox.inputValue(), "A1");
    const row = /\d+$/.exec(at)![0];
    await cellBox.fill(`D${row}`); // tblMonthly's Target column
    await book().getByRole("textbox", { name: "Value" }).fill("12345");
    await book().getByRole("button", { name: "Enter" }).click();
    await pane().getByRole("button", { name: "Refresh" }).click();
    const ask = pane().getByRole("region", { name: "Targets changed without a logged reason" });
    await ask.waitFor({ timeout: 60_000 });
    expect(await ask.getByRole("list", { name: "Changed cells" }).innerText()).toMatch(/12,345/);
    expect(await axeViolations(PANE)).toEqual([]);
    await shot("07a-review-asks-why");
    await ask.getByRole("radio", { name: "Policy changed" }).check();
    await ask.getByRole("button", { name: "Log with this reason" }).click();
    await ask.waitFor({ state: "detached", timeout: 60_000 });

    const typed = pane().getByRole("button", { name: `Target history: ${label}` });
    await typed.click();
    const typedHistory = typed.locator("xpath=ancestor::li[1]").getByRole("list", { name: "Target history" });
    expect(await changed(() => typedHistory.innerText(), "", 30_000)).toMatch(/12,345 \(Policy changed/);
    await typed.click();
  });

  it("dismisses a flag with a note; the reviewed flag collapses into its own group, readable", async () => {
    await openTab("Flags", "Review flags");
    const first = pane().getByRole("button", { name: "Dismiss…" }).first();
    await first.waitFor({ timeout: 60_000 });
    expect(await paneHeight()).toBeLessThan(6000);
    expect(await axeViolations(PANE)).toEqual([]);
    await shot("08-flags");
    await first.click();
    await pane()
      .getByRole("textbox", { name: /Why dismiss it/ })
      .fill("Caseload moved to a new office this year.");
    await pane().getByRole("button", { name: "Dismiss flag" }).click();
    const group = pane().getByRole("button", { name: "Reviewed (1)" });
    await group.click();
    const badge = pane()
      .getByRole("list", { name: "Reviewed flags" })
      .getByText("Dismissed", { exact: true });
    await badge.waitFor();
    const ratio = await badge.evaluate((el) => {
      const rgb = (s: string): number[] =>
        s
          .match(/[\d.]+/g)!
          .slice(0, 3)
          .map(Number);
      const lum = ([r, g, b]: number[]): number => {
        const c = [r, g, b].map((v) =>
          v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4,
        );
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
      };
      // The badge's own fill, or the first filled surface behind it.
      let back: Element | null = el;
      while (back && /rgba\(.*, 0\)$|transparent/.test(getComputedStyle(back).backgroundColor))
        back = back.parentElement;
      const [fg, bg] = [
        lum(rgb(getComputedStyle(el).color)),
        lum(rgb(getComputedStyle(back ?? document.body).backgroundColor)),
      ];
      return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    });
    expect(ratio).toBeGreaterThanOrEqual(4.5);
    expect(await axeViolations(PANE)).toEqual([]);
    await book().getByRole("tab", { name: "Flags" }).click();
    await book().getByRole("cell", { name: "dismissed", exact: true }).waitFor();
    await shot("09-flag-dismissed");
  });

  it("shows the Dashboard as recipients see it: computed values in their number formats", async () => {
    await book().getByRole("tab", { name: "Dashboard" }).click();
    const cells = book().getByRole("region", { name: "Cells of Dashboard" }).locator("tbody td");
    // Formula cells read "…" until the worker's values arrive; the page stays usable meanwhile.
    await page.waitForFunction(
      () => {
        const tds = [...document.querySelectorAll('[aria-label="Cells of Dashboard"] tbody td')];
        return tds.length > 0 && tds.every((td) => td.textContent !== "…");
      },
      undefined,
      { timeout: 120_000 },
    );
    const texts = await cells.allInnerTexts();
    expect(texts.filter((t) => t.startsWith("="))).toEqual([]);
    // G3 is =COUNTIF(...,"On track"): a count, and the formula bar still shows the formula.
    const onTrack = book().locator("tbody tr").nth(2).locator("td").nth(6);
    expect(await onTrack.innerText()).toMatch(/^\d+$/);
    await onTrack.click();
    expect(await book().getByRole("textbox", { name: "Value" }).inputValue()).toMatch(/^=COUNTIF\(/);
    expect(texts.some((t) => /^[+-]?\d+(\.\d)?%$/.test(t))).toBe(true);
    await shot("09a-preview-dashboard");
  });

  it("keeps every tab shorter than 6,000 px with the demo", async () => {
    const heights: Record<string, number> = {};
    for (const [tab, heading] of [
      ["Start", "Start a scorecard"],
      ["Targets", "Split a program target"],
      ["Review", "Review progress"],
      ["Flags", "Review flags"],
    ]) {
      await openTab(tab, heading);
      await page.waitForTimeout(500);
      heights[tab] = await paneHeight();
    }
    expect(Object.entries(heights).filter(([, h]) => h >= 6000)).toEqual([]);
  });

  it("moves between jobs with the keyboard alone", async () => {
    await pane().getByRole("tab", { name: "Flags" }).focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await pane().getByRole("heading", { name: "Review progress" }).waitFor();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Space");
    await pane().getByRole("heading", { name: "Split a program target" }).waitFor();
  });

  it("selects the tab a ribbon button asks for in the open pane", async () => {
    // The ribbon's function file runs beside the pane, same origin: it writes the asked tab.
    const ribbon = await session.context.newPage();
    await ribbon.goto(`${session.url}/commands.html`);
    await ribbon.evaluate(() => localStorage.setItem("yardstick.ribbonTab", `flags@${Date.now()}`));
    await pane().getByRole("heading", { name: "Review flags" }).waitFor();
    await ribbon.close();
  });

  it("follows a dark colour scheme and stays accessible", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`${session.url}/taskpane.html?tab=flags`);
    await pane()
      .getByRole("heading", { name: /Review flags|No scorecard/ })
      .first()
      .waitFor();
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
