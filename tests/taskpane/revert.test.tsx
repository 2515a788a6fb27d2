/** @jest-environment jsdom */
import * as React from "react";
import { screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { PortError } from "../../src/taskpane/port";
import { FakePort } from "./fakePort";
import { renderPane, user } from "./render";

/**
 * The open dialog. In jsdom Fluent's focus trap (tabster) sometimes leaves the surface
 * aria-hidden, as focus moves differently there; the e2e run in Chromium checks it with axe.
 */
const openDialog = () => screen.findByRole("dialog", { hidden: true });
const inDialog = (dialog: HTMLElement, role: string, name: string) =>
  within(dialog).getByRole(role, { name, hidden: true });

const changed = {
  status: "needs-confirmation" as const,
  message: "Someone changed 2 cell(s) since Yardstick wrote them.",
  changes: [
    { address: "Flags!B5", old: "medium", now: "low" },
    { address: "Milestones & Actuals!Q6", old: "(blank)", now: "412" },
  ],
};

describe("Revert in the task pane (Excel without add-in undo)", () => {
  it("takes back the last change and says so", async () => {
    const port = new FakePort();
    renderPane(<App port={port} />);
    await user.click(await screen.findByRole("button", { name: "Revert last change" }));
    expect(await screen.findByText("Yardstick's last change is taken back.")).toBeInTheDocument();
    expect(port.callsOf("revertLast")).toEqual([[{ confirm: false }]]);
  });

  it("lists the cells a person changed and keeps them when they choose Keep my changes", async () => {
    const port = new FakePort();
    port.revertAnswers.first = changed;
    renderPane(<App port={port} />);
    await user.click(await screen.findByRole("button", { name: "Revert last change" }));
    const dialog = await openDialog();
    const list = inDialog(dialog, "list", "Cells changed since Yardstick wrote them");
    expect(
      within(list)
        .getAllByRole("listitem", { hidden: true })
        .map((li) => li.textContent),
    ).toEqual([
      "Flags!B5: now low; revert puts back medium",
      "Milestones & Actuals!Q6: now 412; revert puts back (blank)",
    ]);
    await user.click(inDialog(dialog, "button", "Keep my changes"));
    expect(screen.queryByRole("dialog", { hidden: true })).not.toBeInTheDocument();
    expect(port.callsOf("revertLast")).toEqual([[{ confirm: false }]]);
    expect(screen.queryByText("Yardstick's last change is taken back.")).not.toBeInTheDocument();
  });

  it("reverts over the changes only after Revert anyway", async () => {
    const port = new FakePort();
    port.revertAnswers.first = changed;
    renderPane(<App port={port} />);
    await user.click(await screen.findByRole("button", { name: "Revert last change" }));
    await user.click(inDialog(await openDialog(), "button", "Revert anyway"));
    expect(await screen.findByText("Yardstick's last change is taken back.")).toBeInTheDocument();
    expect(port.callsOf("revertLast")).toEqual([[{ confirm: false }], [{ confirm: true }]]);
  });

  it("says what to do when there is nothing to revert", async () => {
    const port = new FakePort();
    port.failures.revertLast = new PortError(
      "There is nothing to revert.",
      "Revert takes back Yardstick's last change.",
    );
    renderPane(<App port={port} />);
    await user.click(await screen.findByRole("button", { name: "Revert last change" }));
    expect(await screen.findByText("There is nothing to revert.")).toBeInTheDocument();
  });

  it("is not offered where Excel's own Undo takes Yardstick's changes back (ExcelApi 1.20)", async () => {
    const port = new FakePort();
    port.revertsOwnWrites = false;
    renderPane(<App port={port} />);
    expect(await screen.findByRole("heading", { name: "Start a scorecard" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Revert last change" })).not.toBeInTheDocument();
  });
});
