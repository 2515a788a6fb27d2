/**
 * End to end in headless Chromium (320 px, the in-memory Excel): a budget analyst splits the
 * child-support sample's program budget and staff together with the locates target on the
 * Targets tab, sees each county's budget and planned cost per result in the one-line-per-unit
 * preview, writes exactly that, and a manager finds on the Review tab the county that is behind
 * on results while overspending. Each new state is screenshotted under tests/e2e/screenshots/
 * and scanned with axe-core; the page must log no console errors.
 */
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { axeViolations } from "./axe";
import { SHOTS, paneSessionForFile } from "./session";

jest.setTimeout(600_000);

const PANE = '[aria-label="Yardstick task pane (320 px)"]';

const session = paneSessionForFile("budget");
const errors = session.errors;
let page: Page;
beforeAll(() => {
  page = session.page;
});

const pane = (): Locator => page.getByRole("complementary", { name: /Yardstick task pane/ });
const shot = session.shot;
/** "$60,765,080" -> 60765080 */
const dollarsIn = (text: string): number => Number(/\$([\d,]+(?:\.\d+)?)/.exec(text)![1].replace(/,/g, ""));

describe("a budget split with its target, and the monitor, in a real browser", () => {
  it("splits the program budget and staff with the target and shows each unit's cost per result", async () => {
    await page.goto(`${session.url}/taskpane.html?tab=start`);
    await pane()
      .getByRole("radio", { name: /Child support program scorecard/ })
      .check();
    await pane().getByRole("button", { name: "Insert template" }).click();
    await pane().getByText("Template inserted.").waitFor({ timeout: 180_000 });
    await pane().getByRole("button", { name: "Next: set targets" }).click();
    await pane().getByRole("heading", { name: "Split a program target" }).waitFor();

    // A rate carries no budget: the section is not offered until a count is chosen.
    expect(
      await pane()
        .getByRole("checkbox", { name: /Also split a budget/ })
        .count(),
    ).toBe(0);
    await pane().getByRole("combobox", { name: "Measure" }).click();
    await page.getByRole("option", { name: "Noncustodial parents located" }).click();
    const lastYear = await pane()
      .getByText(/^Last year: /)
      .innerText();
    await pane()
      .getByRole("textbox", { name: /Program total/ })
      .fill(/Last year: ([\d,]+)/.exec(lastYear)![1]);

    await pane()
      .getByRole("checkbox", { name: /Also split a budget/ })
      .check();
    const budget = pane().getByRole("textbox", { name: /Program budget/ });
    // The hint says what the Budget sheet holds now; a typo is named on the field.
    const onSheet = await pane()
      .getByText(/^On the Budget sheet for FY2027: /)
      .innerText();
    await budget.fill("(500)");
    await pane()
      .getByText("A budget cannot be negative. Type the amount without brackets or a minus.", { exact: true })
      .waitFor();
    expect(await pane().getByRole("button", { name: "Preview shares" }).getAttribute("aria-disabled")).toBe(
      "true",
    );
    await budget.fill(`$${dollarsIn(onSheet).toLocaleString("en-US")}`);
    const fteHint = await pane()
      .getByText(/^On the Budget sheet: [\d.,]+ FTE\./)
      .innerText();
    const fte = /: ([\d.,]+) FTE/.exec(fteHint)![1].replace(/,/g, "");
    await pane()
      .getByRole("textbox", { name: /Program staff/ })
      .fill(fte);
    expect(await axeViolations(page, PANE)).toEqual([]);
    await shot("b1-targets-budget-form");

    await pane().getByRole("button", { name: "Preview shares" }).click();
    const table = pane().getByRole("table", { name: "Each unit's share" });
    await table.waitFor({ timeout: 60_000 });
    expect(await table.getByRole("columnheader").allInnerTexts()).toEqual([
      "Unit",
      "Target",
      "Budget",
      "Per result",
    ]);
    // One line per unit still: twelve counties and the header, each line short.
    expect(await table.getByRole("row").count()).toBe(13);
    expect((await table.boundingBox())!.height).toBeLessThan(13 * 50);
    const rows = await table.locator("tbody tr").all();
    for (const row of rows) {
      const [, target, money, perResult] = await row.getByRole("cell").allInnerTexts();
      // Three figures in the narrow column ("$1.28M"); the exact amount is behind the expander.
      expect(money).toMatch(/^\$\d+(\.\d+)?[KMB]?$/);
      const scale = { K: 1e3, M: 1e6, B: 1e9 }[money.slice(-1)] ?? 1;
      const budgetDollars = dollarsIn(money) * scale;
      // To the cent under $100, whole dollars above.
      expect(perResult).toMatch(/^\$[\d,]+(\.\d\d)?$/);
      // Cost per result is the budget over the target (within the three figures shown).
      const results = Number(target.replace(/\D/g, ""));
      expect(Math.abs(dollarsIn(perResult) - budgetDollars / results) / dollarsIn(perResult)).toBeLessThan(
        0.01,
      );
    }
    const program = await pane()
      .getByText(/^Budget \$[\d,.]+ split by caseload: /)
      .innerText();
    expect(program).toMatch(new RegExp(`per result for the program, ${fte.replace(".", "\\.")} FTE\\.$`));
    // The table fits the 320-px pane: no sideways scrolling.
    expect(await pane().evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await table.getByRole("button").first().click();
    await table
      .getByText(/per result planned\./)
      .first()
      .waitFor();
    expect(
      await table
        .getByText(/^Share: .* Why: /)
        .first()
        .innerText(),
    ).toMatch(/Budget \$[\d,]+\.\d\d, [\d.]+ FTE/);
    await shot("b2-targets-budget-preview");
    await table.screenshot({ path: path.join(SHOTS, "b2-targets-budget-table.png") });
    expect(await axeViolations(page, PANE)).toEqual([]);
  });

  it("asks before replacing the typed budgets, then writes what was shown", async () => {
    await pane().getByRole("button", { name: "Write to workbook" }).click();
    await pane()
      .getByText(/people typed on the Budget sheet \(Budget, FTE, Allotment\) would be replaced/)
      .waitFor({ timeout: 60_000 });
    await pane()
      .getByText(/Replace them with the new targets and milestones and budgets\?/)
      .waitFor();
    await shot("b3-targets-budget-asks");
    expect(await axeViolations(page, PANE)).toEqual([]);
    await pane().getByRole("button", { name: "Write anyway" }).click();
    await pane().getByText("Targets written.").waitFor({ timeout: 60_000 });
    await pane()
      .getByText(
        /Their budgets and staff are on the Budget sheet, with monthly allotments that add up to them/,
      )
      .waitFor();
    await shot("b4-targets-budget-written");
  });

  it("finds the unit behind on results while overspending on the Review tab", async () => {
    await pane().getByRole("tab", { name: "Review" }).click();
    await pane().getByRole("heading", { name: "Review progress" }).waitFor();
    const warned = pane().getByRole("listitem", {
      name: /: Noncustodial parents located, .*, overspending$/,
    });
    await warned.first().waitFor({ timeout: 60_000 });
    expect(await warned.count()).toBe(1);
    const text = await warned.innerText();
    expect(text).toMatch(/^Prince George's: Noncustodial parents located/);
    expect(text).toMatch(/Overspending/);
    expect(text).toMatch(
      /Spent \$[\d,]+ of \$[\d,]+ allotted so far \(cost per result \$[\d,]+\.\d\d planned, \$[\d,]+\.\d\d actual\)\./,
    );
    expect(text).toMatch(/Behind on results while spending ahead of plan\./);
    const [spent, allotted] = [...text.matchAll(/\$([\d,]+) (?:of|allotted)/g)].map((m) =>
      Number(m[1].replace(/,/g, "")),
    );
    expect(spent).toBeGreaterThan(allotted);
    // Every other card of the measure the money buys carries its money line, without the badge.
    const program = pane().getByRole("listitem", { name: /^Program: Noncustodial parents located,/ });
    if (await program.count()) expect(await program.innerText()).toMatch(/allotted so far/);
    await warned.evaluate((el) => el.scrollIntoView({ block: "center" }));
    expect(await axeViolations(page, PANE)).toEqual([]);
    await shot("b5-review-overspending");
    await warned.screenshot({ path: path.join(SHOTS, "b6-review-overspending-card.png") });
  });

  it("logged no console errors", () => {
    expect(errors).toEqual([]);
  });
});
