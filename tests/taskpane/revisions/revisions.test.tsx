/** @jest-environment jsdom */
/**
 * The revision log in the pane: the name asked once, typed targets listed with their cells and
 * logged with the reason chosen (or as "no reason given" when skipped), a broken chain said in
 * words, and a measure and unit's target history.
 */
import * as React from "react";
import { screen, within } from "@testing-library/react";
import type { RevisionReason } from "../../../src/engine/revisions/types";
import type { WriteResult } from "../../../src/taskpane/port";
import {
  RevisionPanel,
  TargetHistory,
  asRevisionPort,
  type RevisionEntry,
  type RevisionPort,
  type RevisionReview,
} from "../../../src/taskpane/revisions";
import { renderPane, user } from "../render";

class FakeRevisions implements RevisionPort {
  calls: unknown[][] = [];
  review: RevisionReview = {
    hasLog: true,
    rows: 266,
    ok: true,
    typed: [
      {
        measure: "locates",
        unit: "howard",
        measureName: "Locates",
        unitName: "Howard",
        period: "2027",
        field: "target",
        value: 3000,
        loggedValue: 3250,
        address: "Milestones & Actuals!D20",
        message: "",
      },
      {
        measure: "locates",
        unit: "carroll",
        measureName: "Locates",
        unitName: "Carroll",
        period: "2027",
        field: "target",
        value: 2000,
        address: "Milestones & Actuals!D17",
        message: "",
      },
    ],
  };
  history: RevisionEntry[] = [];

  async reviewRevisions(): Promise<RevisionReview> {
    return JSON.parse(JSON.stringify(this.review)) as RevisionReview;
  }
  async logTypedChanges(reason: RevisionReason, note?: string): Promise<WriteResult> {
    this.calls.push(["logTypedChanges", reason, note]);
    const n = this.review.typed.length;
    this.review = { ...this.review, rows: this.review.rows + n, typed: [] };
    return { where: "Revisions", message: `${n} typed change(s) logged on Revisions.` };
  }
  async setRevisionName(name: string): Promise<void> {
    this.calls.push(["setRevisionName", name]);
    this.review = { ...this.review, who: name };
  }
  async targetHistory(measure: string, unit: string): Promise<RevisionEntry[]> {
    this.calls.push(["targetHistory", measure, unit]);
    return this.history;
  }
}

describe("the revision panel", () => {
  it("asks for a name once and keeps it", async () => {
    const port = new FakeRevisions();
    port.review.typed = [];
    renderPane(<RevisionPanel port={port} />);
    const name = await screen.findByRole("textbox", { name: /Your name or initials/ });
    await user.type(name, "J. Okafor");
    await user.click(screen.getByRole("button", { name: "Save name" }));
    expect(port.calls).toEqual([["setRevisionName", "J. Okafor"]]);
    await screen.findByText(/266 logged changes, none altered since/);
    expect(screen.queryByRole("textbox", { name: /Your name or initials/ })).not.toBeInTheDocument();
  });

  it("lists the typed targets with their cells and logs them with the chosen reason and note", async () => {
    const port = new FakeRevisions();
    port.review.who = "JO";
    renderPane(<RevisionPanel port={port} />);
    const cells = await screen.findByRole("list", { name: "Changed cells" });
    expect(
      within(cells)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Howard, Locates, 2027 target: 3,250 -> 3,000 (Milestones & Actuals!D20)",
      "Carroll, Locates, 2027 target: never logged -> 2,000 (Milestones & Actuals!D17)",
    ]);
    const logButton = screen.getByRole("button", { name: "Log with this reason" });
    expect(logButton).toBeDisabled();
    await user.click(screen.getByRole("radio", { name: "Resources changed" }));
    await user.type(screen.getByRole("textbox", { name: /Note/ }), "Two vacancies");
    await user.click(logButton);
    expect(await screen.findByText("2 typed change(s) logged on Revisions.")).toBeInTheDocument();
    expect(port.calls).toEqual([["logTypedChanges", "resources-changed", "Two vacancies"]]);
    expect(screen.queryByRole("list", { name: "Changed cells" })).not.toBeInTheDocument();
  });

  it("logs a skipped question as no reason given", async () => {
    const port = new FakeRevisions();
    port.review.who = "JO";
    renderPane(<RevisionPanel port={port} />);
    await user.click(await screen.findByRole("button", { name: "Skip (log as no reason given)" }));
    await screen.findByText("2 typed change(s) logged on Revisions.");
    expect(port.calls).toEqual([["logTypedChanges", "no-reason-given", ""]]);
  });

  it("says where a hand-edited log breaks", async () => {
    const port = new FakeRevisions();
    port.review = {
      ...port.review,
      who: "JO",
      ok: false,
      typed: [],
      message: "The revision log was edited at or after row 14: a row there was changed.",
    };
    renderPane(<RevisionPanel port={port} />);
    expect(await screen.findByText(/edited at or after row 14/)).toBeInTheDocument();
    expect(screen.getByText("The revision log was changed by hand")).toBeInTheDocument();
  });
});

describe("a measure and unit's target history", () => {
  it("lists the target's revisions with who, values and reason", async () => {
    const port = new FakeRevisions();
    const base = { source: "baseline", field: "target", period: "2026", note: "" };
    port.history = [
      {
        ...base,
        at: "2025-09-26T15:00:00Z",
        who: "R. Delgado",
        oldValue: null,
        newValue: 6295,
        reason: "baseline",
      },
      {
        ...base,
        source: "pane-proration",
        at: "2026-07-16T14:32:05Z",
        who: "T. Whitfield",
        oldValue: 6295,
        newValue: 5775,
        reason: "resources-changed",
        note: "Two specialists moved",
      },
      {
        ...base,
        field: "milestone",
        period: "2026-07",
        at: "2026-07-16T14:32:05Z",
        who: "T. Whitfield",
        oldValue: 520,
        newValue: 480,
        reason: "resources-changed",
      },
    ];
    renderPane(<TargetHistory port={port} measure="locates" unit="baltimore-city" />);
    const list = await screen.findByRole("list", { name: "Target history" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "2025-09-26 R. Delgado: target 2026 set to 6,295 (Baseline (first target))",
      "2026-07-16 T. Whitfield: target 2026 6,295 -> 5,775 (Resources changed: Two specialists moved)",
    ]);
  });
});

describe("asRevisionPort", () => {
  it("finds the revision side of a port that has one, and none on a port without", () => {
    const port = new FakeRevisions();
    expect(asRevisionPort(port as never)).toBe(port);
    expect(asRevisionPort({} as never)).toBeUndefined();
  });
});
