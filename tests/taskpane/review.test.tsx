/** @jest-environment jsdom */
import * as React from "react";
import { screen, within } from "@testing-library/react";
import ReviewTab from "../../src/taskpane/tabs/ReviewTab";
import { NoScorecardError, PortError } from "../../src/taskpane/port";
import { FakePort } from "./fakePort";
import { renderPane, user } from "./render";

describe("Review tab", () => {
  it("opens with counts by status, off track first, on-track rows collapsed", async () => {
    renderPane(<ReviewTab port={new FakePort()} />);
    const filter = await screen.findByRole("group", { name: "Show only" });
    expect(
      within(filter)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["All 3", "Off track 1", "At risk 1", "On track 1"]);
    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(["Off track (1)", "At risk (1)"]);
    expect(screen.getByRole("listitem", { name: "South: Cases with orders, Off track" })).toBeVisible();
    // On track sits behind its own closed header.
    const onTrack = screen.getByRole("button", { name: "On track (1)" });
    expect(onTrack).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("listitem", { name: /North: Cases with orders/ })).not.toBeInTheDocument();
    await user.click(onTrack);
    expect(await screen.findByRole("listitem", { name: "North: Cases with orders, On track" })).toBeVisible();
  });

  it("filters to one status and back", async () => {
    renderPane(<ReviewTab port={new FakePort()} />);
    await user.click(await screen.findByRole("button", { name: "On track 1" }));
    expect(screen.getByRole("listitem", { name: "North: Cases with orders, On track" })).toBeVisible();
    expect(screen.queryByRole("listitem", { name: /South/ })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "On track 1" })).toHaveAttribute("aria-pressed", "true");
    await user.click(screen.getByRole("button", { name: "All 3" }));
    expect(screen.getByRole("listitem", { name: /South/ })).toBeVisible();
  });

  it("shows an on-track row that is likely to miss the year with both badges, in words", async () => {
    renderPane(<ReviewTab port={new FakePort()} />);
    await user.click(await screen.findByRole("button", { name: "On track 1" }));
    const north = screen.getByRole("listitem", { name: "North: Cases with orders, On track" });
    expect(within(north).getByText("On track")).toBeInTheDocument();
    expect(within(north).getByText("Year end: short")).toBeInTheDocument();
    expect(
      within(north).getByText("Year end: likely to fall short (about 120 cases of 140 cases)."),
    ).toBeInTheDocument();
    expect(
      within(north).getByText("70 cases against 70 cases planned so far this year (100.0 % of plan)."),
    ).toBeInTheDocument();
  });

  it("re-runs the check for the month the user picks", async () => {
    const port = new FakePort();
    renderPane(<ReviewTab port={port} />);
    await user.click(await screen.findByRole("combobox", { name: "As of" }));
    await user.click(await screen.findByRole("option", { name: "November 2026" }));
    expect(port.callsOf("runCheck").at(-1)).toEqual(["2026-11"]);
    expect(await screen.findByRole("combobox", { name: "As of" })).toHaveTextContent("November 2026");
  });

  it("refreshes after the user types actuals, keeping the month", async () => {
    const port = new FakePort();
    renderPane(<ReviewTab port={port} />);
    await screen.findByRole("group", { name: "Show only" });
    port.check = { ...port.check, rows: port.check.rows.map((r) => ({ ...r, status: "on-track" as const })) };
    await user.click(screen.getByRole("button", { name: "Refresh" }));
    expect(await screen.findByRole("button", { name: "On track 3" })).toBeInTheDocument();
    expect(port.callsOf("runCheck").at(-1)).toEqual(["2027-04"]);
  });

  it("jumps to the cell behind a status, named in words", async () => {
    const port = new FakePort();
    renderPane(<ReviewTab port={port} />);
    await user.click(await screen.findByRole("button", { name: "On track 1" }));
    await user.click(screen.getByRole("button", { name: "Show in the sheet: North: Cases with orders" }));
    expect(port.callsOf("selectCell")[0][0]).toMatchObject({ sheet: "Milestones & Actuals", address: "D5" });
  });

  it("lists numbers to check with their fix", async () => {
    const port = new FakePort();
    port.check = {
      ...port.check,
      findings: [
        {
          severity: "warning",
          code: "text-in-number",
          message: "North's April actual holds text “n/a”.",
          fix: "Type a number or leave it blank.",
        },
      ],
    };
    renderPane(<ReviewTab port={port} />);
    expect(await screen.findByText("1 number to check")).toBeInTheDocument();
    expect(screen.getByText(/holds text .* Type a number or leave it blank\./)).toBeInTheDocument();
  });

  it("says a new scorecard has no actuals yet, without calling blanks problems", async () => {
    const port = new FakePort();
    port.check = {
      ...port.check,
      hasActuals: false,
      unreported: 0,
      months: [],
      rows: port.check.rows.map((r) => ({ ...r, status: "no-data" as const })),
    };
    renderPane(<ReviewTab port={port} />);
    expect(await screen.findByText("No actuals yet")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.queryByText(/problem/)).not.toBeInTheDocument();
  });

  it("leads an empty workbook to Start with a neutral note, not an error", async () => {
    const port = new FakePort();
    port.failures.runCheck = new NoScorecardError();
    renderPane(<ReviewTab port={port} />);
    expect(await screen.findByText("No scorecard in this workbook yet")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Start a scorecard" })).toBeInTheDocument();
    expect(document.querySelector(".fui-MessageBar")).toBeNull();
  });

  it("shows a failing read as an error with what to do", async () => {
    const port = new FakePort();
    port.failures.runCheck = new PortError(
      "The Units sheet cannot be read.",
      "Check its table, then Refresh.",
    );
    renderPane(<ReviewTab port={port} />);
    expect(await screen.findByText("The Units sheet cannot be read.")).toBeInTheDocument();
  });
});
