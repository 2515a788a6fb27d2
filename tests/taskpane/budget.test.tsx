/** @jest-environment jsdom */
/** The budget in the pane's UI, against a fake port: Targets' budget section and Review's money line. */
import * as React from "react";
import { screen, waitFor, within } from "@testing-library/react";
import type { ProratePreview, ProrateRequest, StatusRow } from "../../src/taskpane/port";
import ReviewTab from "../../src/taskpane/tabs/ReviewTab";
import { budgetWords } from "../../src/taskpane/tabs/StatusItem";
import TargetsTab from "../../src/taskpane/tabs/TargetsTab";
import { FakePort } from "./fakePort";
import { renderPane, user } from "./render";

/** A fake workbook with a Budget sheet: the preview splits the budget 3:1 like the targets. */
class BudgetPort extends FakePort {
  constructor() {
    super();
    this.setup = {
      ...this.setup,
      budget: { programCents: { 2027: 120_000_000 }, programFte: { 2027: 42.5 } },
    };
    const plain = this.previewProration;
    this.previewProration = async (req: ProrateRequest): Promise<ProratePreview> => {
      const p = await plain(req);
      if (!req.budget) return p;
      const cents = req.budget.amountCents;
      const north = Math.round(cents * 0.75);
      return {
        ...p,
        lines: p.lines.map((l) => {
          const budgetCents = l.unit === "north" ? north : cents - north;
          return {
            ...l,
            budget: {
              budgetCents,
              costPerResultCents: budgetCents / l.value,
              locked: false,
              reason: "By caseload.",
            },
          };
        }),
        budget: { totalCents: cents, costPerResultCents: cents / req.total, followed: "caseload" },
      };
    };
  }
}

describe("the budget in the Targets tab", () => {
  it("offers the section only with a Budget sheet, and sends what was typed with the target", async () => {
    const plain = new FakePort();
    const { unmount } = renderPane(<TargetsTab port={plain} />);
    await screen.findByRole("textbox", { name: /Program total/ });
    expect(screen.queryByRole("checkbox", { name: /Also split a budget/ })).not.toBeInTheDocument();
    unmount();

    const port = new BudgetPort();
    renderPane(<TargetsTab port={port} />);
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: "Measure" })).toHaveTextContent("Cases with orders"),
    );
    await user.type(screen.getByRole("textbox", { name: /Program total/ }), "400");
    await user.click(screen.getByRole("checkbox", { name: /Also split a budget/ }));
    expect(screen.getByText(/On the Budget sheet for FY2027: \$1,200,000\./)).toBeInTheDocument();
    await user.type(screen.getByRole("textbox", { name: /Program budget/ }), "$1,000.00");
    await user.click(screen.getByRole("radio", { name: /By targets/ }));
    await user.type(screen.getByRole("textbox", { name: /Program staff/ }), "4.5");
    await user.click(screen.getByRole("button", { name: "Preview shares" }));
    const table = await screen.findByRole("table", { name: "Each unit's share" });
    const sent = port.calls.filter((c) => c.name === "previewProration").at(-1)!.args[0] as ProrateRequest;
    expect(sent.budget).toEqual({ amountCents: 100_000, basis: "targets", fteTotal: 4.5 });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Unit", "Target", "Budget", "Per result"]);
    // North: 300 results for $750.00 is $2.50 a result, to the cent under $100.
    const north = within(table).getByRole("button", { name: "North" }).closest("tr")!;
    expect(within(north).getByText("$750")).toBeInTheDocument();
    expect(within(north).getByText("$2.50")).toBeInTheDocument();
    expect(
      screen.getByText(/Budget \$1,000\.00 split by caseload: \$2\.50 per result for the program\./),
    ).toBeInTheDocument();
    await user.click(within(table).getByRole("button", { name: "North" }));
    expect(
      within(table).getByText(
        /Share: 75\.0 %\. Why: .*Budget \$750\.00, \$2\.50 per result planned\. By caseload\./,
      ),
    ).toBeInTheDocument();
  });

  it("keeps Preview disabled and says why while the budget is not money", async () => {
    renderPane(<TargetsTab port={new BudgetPort()} />);
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: "Measure" })).toHaveTextContent("Cases with orders"),
    );
    await user.type(screen.getByRole("textbox", { name: /Program total/ }), "400");
    await user.click(screen.getByRole("checkbox", { name: /Also split a budget/ }));
    await user.type(screen.getByRole("textbox", { name: /Program budget/ }), "(500)");
    expect(
      screen.getAllByText(/A budget cannot be negative\. Type the amount without brackets or a minus\./)
        .length,
    ).toBeGreaterThan(0);
    expect(screen.getByRole("button", { name: "Preview shares" })).toHaveAttribute("aria-disabled", "true");
  });
});

const row = (over: Partial<StatusRow> = {}): StatusRow => ({
  measure: "orders",
  measureName: "Cases with orders",
  unit: "south",
  unitName: "South",
  status: "off-track",
  reason: "Behind.",
  basis: "ytd",
  kind: "count",
  direction: "up",
  ...over,
});

describe("the budget on the Review cards", () => {
  it("says spend against allotments and cost per result in dollars, or that spend is not in yet", () => {
    const budget = {
      budgetCents: 12_000_000,
      allotmentYtdCents: 6_000_000,
      spendYtdCents: 6_600_000,
      costPlannedCents: 637,
      costActualCents: 550,
      spending: "over plan" as const,
      results: "behind" as const,
      status: "Behind on results while spending ahead of plan.",
      warning: true,
    };
    expect(budgetWords(row({ budget }))).toBe(
      "Spent $66,000 of $60,000 allotted so far (cost per result $6.37 planned, $5.50 actual).",
    );
    expect(
      budgetWords(row({ budget: { ...budget, spendYtdCents: undefined, costActualCents: undefined } })),
    ).toBe(
      "$60,000 allotted so far of a $120,000 budget; spend not reported for every month yet (cost per result $6.37 planned).",
    );
    expect(budgetWords(row())).toBeUndefined();
  });

  it("badges the unit behind while overspending, and names it so for screen readers", async () => {
    const port = new FakePort();
    port.check = {
      ...port.check,
      rows: port.check.rows.map((r) =>
        r.unit === "south"
          ? {
              ...r,
              budget: {
                budgetCents: 12_000_000,
                allotmentYtdCents: 6_000_000,
                spendYtdCents: 6_600_000,
                costPlannedCents: 637,
                costActualCents: 550,
                spending: "over plan",
                results: "behind",
                status: "Behind on results while spending ahead of plan.",
                warning: true,
              },
            }
          : r,
      ),
    };
    renderPane(<ReviewTab port={port} />);
    const card = await screen.findByRole("listitem", {
      name: "South: Cases with orders, Off track, overspending",
    });
    expect(within(card).getByText("Overspending")).toBeInTheDocument();
    expect(card).toHaveTextContent("Spent $66,000 of $60,000 allotted so far");
    expect(card).toHaveTextContent("Behind on results while spending ahead of plan.");
    // Cards without money say nothing of it; the counts are as before.
    expect(
      screen.getByRole("listitem", { name: /^Program: Cases with orders, At risk$/ }),
    ).not.toHaveTextContent(/allotted/);
  });
});
