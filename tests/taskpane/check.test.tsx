/** @jest-environment jsdom */
import * as React from "react";
import { screen, within } from "@testing-library/react";
import CheckTab from "../../src/taskpane/tabs/CheckTab";
import { PortError } from "../../src/taskpane/port";
import { FakePort } from "./fakePort";
import { renderPane, user } from "./render";

describe("Check tab", () => {
  it("shows program and unit status with the forecast for the latest month", async () => {
    renderPane(<CheckTab port={new FakePort()} />);
    const program = await screen.findByRole("list", { name: "Program status" });
    expect(within(program).getByText("At risk")).toBeInTheDocument();
    expect(
      within(program).getByText(
        /Year-end forecast 180 cases: unlikely to meet the target \(run rate; range 150 cases to 210 cases\)/,
      ),
    ).toBeInTheDocument();
    const units = screen.getByRole("list", { name: "Unit status" });
    expect(
      within(units).getByRole("listitem", { name: "North: Cases with orders, On track" }),
    ).toBeInTheDocument();
    expect(
      within(units).getByRole("listitem", { name: "South: Cases with orders, Off track" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "As of" })).toHaveTextContent("April 2027");
  });

  it("re-runs the check for the month the user picks", async () => {
    const port = new FakePort();
    renderPane(<CheckTab port={port} />);
    await user.click(await screen.findByRole("combobox", { name: "As of" }));
    await user.click(await screen.findByRole("option", { name: "November 2026" }));
    expect(port.callsOf("runCheck").at(-1)).toEqual(["2026-11"]);
    expect(await screen.findByRole("combobox", { name: "As of" })).toHaveTextContent("November 2026");
  });

  it("refreshes after the user types actuals, keeping the month", async () => {
    const port = new FakePort();
    renderPane(<CheckTab port={port} />);
    await screen.findByText("At risk");
    port.check = {
      ...port.check,
      rows: port.check.rows.map((r) => (r.unit === "*" ? { ...r, status: "on-track" as const } : r)),
    };
    await user.click(screen.getByRole("button", { name: "Refresh" }));
    const program = await screen.findByRole("list", { name: "Program status" });
    expect(await within(program).findByText("On track")).toBeInTheDocument();
    expect(port.callsOf("runCheck").at(-1)).toEqual(["2027-04"]);
  });

  it("jumps to the cell behind a status", async () => {
    const port = new FakePort();
    renderPane(<CheckTab port={port} />);
    await user.click(
      await screen.findByRole("button", {
        name: "Go to Milestones & Actuals!D5, the cell for North: Cases with orders",
      }),
    );
    expect(port.callsOf("selectCell")[0][0]).toMatchObject({ sheet: "Milestones & Actuals", address: "D5" });
  });

  it("lists data problems with their fix instead of a wrong status", async () => {
    const port = new FakePort();
    port.check = {
      ...port.check,
      findings: [
        {
          severity: "warning",
          code: "text-in-number",
          message: "D7 holds text “n/a”.",
          fix: "Type a number or leave it blank.",
        },
      ],
    };
    renderPane(<CheckTab port={port} />);
    expect(await screen.findByText("1 data problem")).toBeInTheDocument();
    expect(screen.getByText(/D7 holds text .* Type a number or leave it blank\./)).toBeInTheDocument();
  });

  it("explains an empty scorecard and a failing read", async () => {
    const port = new FakePort();
    port.check = { ...port.check, rows: [] };
    port.failures.runCheck = new PortError(
      "No Yardstick tables in this workbook.",
      "Insert a template on the Start tab first.",
    );
    renderPane(<CheckTab port={port} />);
    expect(await screen.findByText("No Yardstick tables in this workbook.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Refresh" }));
    expect(await screen.findByText(/Type actuals on the Milestones & Actuals sheet/)).toBeInTheDocument();
  });
});
