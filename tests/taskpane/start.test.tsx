/** @jest-environment jsdom */
import * as React from "react";
import { screen, waitFor, within } from "@testing-library/react";
import StartTab from "../../src/taskpane/tabs/StartTab";
import { PortError } from "../../src/taskpane/port";
import { PaneNav } from "../../src/taskpane/nav";
import { FakePort } from "./fakePort";
import { renderPane, user } from "./render";

describe("Start tab", () => {
  it("shows the chosen template's sheets and measures before anything is inserted", async () => {
    const port = new FakePort();
    renderPane(<StartTab port={port} />);
    expect(await screen.findByText("Paternity establishment")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Sheets (2)" }));
    expect(screen.getByText("Milestones & Actuals")).toBeInTheDocument();
    expect(port.callsOf("insertTemplate")).toHaveLength(0);
  });

  it("switches the preview when another template is picked", async () => {
    const port = new FakePort();
    renderPane(<StartTab port={port} />);
    await user.click(await screen.findByRole("radio", { name: /Blank/ }));
    expect(await screen.findByText(/you add your own on the Measures sheet/)).toBeInTheDocument();
  });

  it("inserts without sample data into this workbook when the switch is turned off", async () => {
    const port = new FakePort();
    const go = jest.fn();
    renderPane(
      <PaneNav.Provider value={go}>
        <StartTab port={port} />
      </PaneNav.Provider>,
    );
    await screen.findByText("Paternity establishment");
    await user.click(screen.getByRole("switch", { name: /sample data/ }));
    await user.click(screen.getByRole("button", { name: "Insert template" }));
    expect(await screen.findByText("Template inserted.")).toBeInTheDocument();
    expect(port.callsOf("insertTemplate")[0][0]).toEqual({
      templateId: "child-support",
      withSampleData: false,
      destination: "this",
    });
    await user.click(screen.getByRole("button", { name: "Next: set targets" }));
    expect(go).toHaveBeenCalledWith("targets");
  });

  it("offers a new workbook only where the host can create one", async () => {
    const port = new FakePort();
    renderPane(<StartTab port={port} />);
    expect(await screen.findByRole("radio", { name: "A new workbook" })).toBeDisabled();
  });

  it("says what went wrong and what to do when inserting fails", async () => {
    const port = new FakePort();
    port.failures.insertTemplate = new PortError(
      "A sheet named Measures already exists.",
      "Rename or delete it, then insert again.",
    );
    renderPane(<StartTab port={port} />);
    await screen.findByText("Paternity establishment");
    await user.click(screen.getByRole("button", { name: "Insert template" }));
    expect(await screen.findByText("A sheet named Measures already exists.")).toBeInTheDocument();
    expect(screen.getByText(/Rename or delete it/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Dismiss error" }));
    await waitFor(() =>
      expect(screen.queryByText("A sheet named Measures already exists.")).not.toBeInTheDocument(),
    );
  });

  it("shows progress while a slow insert runs", async () => {
    const port = new FakePort();
    renderPane(<StartTab port={port} />);
    await screen.findByText("Paternity establishment");
    port.delayMs = 700;
    await user.click(screen.getByRole("button", { name: "Insert template" }));
    expect(
      await screen.findByRole("progressbar", { name: "Writing the template's sheets" }),
    ).toBeInTheDocument();
    expect(await screen.findByText("Template inserted.")).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("does not offer targets after inserting a template without measures", async () => {
    const port = new FakePort();
    port.insertTemplate = async () => ({ sheets: ["Measures"], unitCount: 0, measureCount: 0 });
    renderPane(<StartTab port={port} />);
    await user.click(await screen.findByRole("radio", { name: /Blank/ }));
    await user.click(screen.getByRole("button", { name: "Insert template" }));
    expect(await screen.findByText(/list what you measure on the Measures sheet/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Next/ })).not.toBeInTheDocument();
  });

  it("keeps Insert in the bar at the bottom of the tab", async () => {
    renderPane(<StartTab port={new FakePort()} />);
    const bar = await screen.findByRole("group", { name: "Actions" });
    expect(within(bar).getByRole("button", { name: "Insert template" })).toBeInTheDocument();
  });
});
