/** @jest-environment jsdom */
import * as React from "react";
import { screen, within } from "@testing-library/react";
import FlagsTab, { filterFlags, FIRST_FEW } from "../../src/taskpane/tabs/FlagsTab";
import { FakePort, fakeFlag } from "./fakePort";
import { renderPane, user } from "./render";

describe("Flags tab", () => {
  it("groups flags by severity with explanation, evidence and what to check", async () => {
    renderPane(<FlagsTab port={new FakePort()} />);
    const high = await screen.findByRole("region", { name: "High (1)" });
    expect(within(high).getByText(/lower than what North already achieved/)).toBeInTheDocument();
    // What to check and the numbers sit behind one expander, so a card stays short.
    expect(within(high).queryByText(/What to check:/)).not.toBeInTheDocument();
    await user.click(within(high).getByRole("button", { name: "What to check, and the numbers" }));
    expect(
      within(high).getByText(/The numbers: Target 78 % is below last year's actual 82 %/),
    ).toBeInTheDocument();
    expect(within(high).getByText(/What to check: Ask how the target was set/)).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Medium (1)" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Low (1)" })).toBeInTheDocument();
  });

  it("dismisses a flag only with a note, and records it through the port", async () => {
    const port = new FakePort();
    renderPane(<FlagsTab port={port} />);
    const high = await screen.findByRole("region", { name: "High (1)" });
    await user.click(within(high).getByRole("button", { name: "Dismiss…" }));
    const confirm = within(high).getByRole("button", { name: "Dismiss flag" });
    expect(confirm).toBeDisabled();
    await user.type(
      within(high).getByRole("textbox", { name: /Why dismiss it/ }),
      "Caseload fell 20 % after the office split.",
    );
    await user.click(confirm);
    // Reviewed flags leave the open list for their own collapsed group, with their state.
    const group = await screen.findByRole("button", { name: "Reviewed (1)" });
    expect(screen.queryByRole("region", { name: "High (1)" })).not.toBeInTheDocument();
    await user.click(group);
    const reviewed = screen.getByRole("list", { name: "Reviewed flags" });
    expect(within(reviewed).getByText("Dismissed")).toBeInTheDocument();
    expect(
      within(reviewed).getByText("Note: Caseload fell 20 % after the office split."),
    ).toBeInTheDocument();
    expect(port.callsOf("reviewFlag")[0]).toEqual([
      "lowball-prior-actual|pep|north|2027",
      { status: "dismissed", note: "Caseload fell 20 % after the office split." },
    ]);
  });

  it.each([
    ["Mark reviewed", "reviewed", "Reviewed"],
    ["Confirm", "confirmed", "Confirmed"],
  ])("records %s as %s", async (button, status, badge) => {
    const port = new FakePort();
    renderPane(<FlagsTab port={port} />);
    const medium = await screen.findByRole("region", { name: "Medium (1)" });
    await user.click(within(medium).getByRole("button", { name: button }));
    await user.click(await screen.findByRole("button", { name: "Reviewed (1)" }));
    expect(within(screen.getByRole("list", { name: "Reviewed flags" })).getByText(badge)).toBeInTheDocument();
    expect(port.callsOf("reviewFlag")[0][1]).toEqual({ status });
  });

  it("filters by unit and keeps program-wide flags in view", async () => {
    renderPane(<FlagsTab port={new FakePort()} />);
    await screen.findByRole("region", { name: "High (1)" });
    await user.click(screen.getByRole("combobox", { name: "Unit" }));
    await user.click(await screen.findByRole("option", { name: "South" }));
    expect(screen.queryByRole("region", { name: "High (1)" })).not.toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Medium (1)" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Low (1)" })).toBeInTheDocument();
  });

  it("filters by measure", async () => {
    renderPane(<FlagsTab port={new FakePort()} />);
    await screen.findByRole("region", { name: "High (1)" });
    await user.click(screen.getByRole("combobox", { name: "Measure" }));
    await user.click(await screen.findByRole("option", { name: "Paternity establishment" }));
    expect(screen.getByRole("region", { name: "High (1)" })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Medium (1)" })).not.toBeInTheDocument();
  });

  it.each([
    ["*", "*", 3],
    ["pep", "*", 2],
    ["orders", "north", 1],
    ["pep", "south", 1],
  ])("filterFlags(measure %s, unit %s) keeps %i flags", (measure, unit, count) => {
    const flags = [
      fakeFlag(),
      fakeFlag({ id: "b", measure: "orders", unit: "south" }),
      fakeFlag({ id: "c", measure: "*", unit: "*" }),
    ];
    expect(filterFlags(flags, measure, unit)).toHaveLength(count);
  });

  it("says so when there is nothing to review", async () => {
    const port = new FakePort();
    port.flags = { ...port.flags, flags: [] };
    renderPane(<FlagsTab port={port} />);
    expect(await screen.findByText("No flags")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Review progress" })).toBeInTheDocument();
  });

  it("says the words of a statistic: odds, not p-values; month names, not codes", async () => {
    const port = new FakePort();
    port.flags = {
      ...port.flags,
      flags: [
        fakeFlag({
          evidence: {
            values: {},
            text: "Actual 12 repeated in 6 consecutive periods (2026-10 to 2027-03); chance about 1.2e-7 given its usual changes.",
          },
        }),
      ],
    };
    renderPane(<FlagsTab port={port} />);
    await user.click(await screen.findByRole("button", { name: "What to check, and the numbers" }));
    expect(
      screen.getByText(
        /\(October 2026 to March 2027\); about 1 in 8,300,000 by chance given its usual changes\./,
      ),
    ).toBeInTheDocument();
  });
});

describe("Flags tab with many flags", () => {
  it("shows the first few of a severity and the rest on request", async () => {
    const port = new FakePort();
    port.flags = {
      ...port.flags,
      flags: Array.from({ length: FIRST_FEW + 4 }, (_, i) => fakeFlag({ id: `f${i}`, severity: "medium" })),
    };
    renderPane(<FlagsTab port={port} />);
    const medium = await screen.findByRole("region", { name: `Medium (${FIRST_FEW + 4})` });
    expect(within(medium).getAllByRole("listitem")).toHaveLength(FIRST_FEW);
    await user.click(within(medium).getByRole("button", { name: "Show 4 more medium" }));
    expect(within(medium).getAllByRole("listitem")).toHaveLength(FIRST_FEW + 4);
  });
});
