/** @jest-environment jsdom */
import * as React from "react";
import { screen, waitFor, within } from "@testing-library/react";
import ProrateTab, { METHODS } from "../../src/taskpane/tabs/ProrateTab";
import { FakePort } from "./fakePort";
import { renderPane, user } from "./render";

async function typeTotal(total: string): Promise<void> {
  await waitFor(() =>
    expect(screen.getByRole("combobox", { name: "Measure" })).toHaveTextContent("Cases with orders"),
  );
  const input = await screen.findByRole("textbox", { name: /Program total/ });
  await user.clear(input);
  await user.type(input, total);
}

describe("Prorate tab", () => {
  it.each(METHODS.map((m) => [m.label, m.explain]))(
    "explains the %s method in one line",
    async (label, explain) => {
      renderPane(<ProrateTab port={new FakePort()} />);
      expect(
        await screen.findByRole("radio", { name: new RegExp(`${label}.*${explain.slice(0, 20)}`) }),
      ).toBeInTheDocument();
    },
  );

  it("previews each unit's target, share and reason from the request the user built", async () => {
    const port = new FakePort();
    renderPane(<ProrateTab port={port} />);
    await typeTotal("400");
    await user.click(screen.getByRole("button", { name: "Preview shares" }));
    const table = await screen.findByRole("table", { name: "Each unit's share" });
    expect(within(table).getByText("300 cases")).toBeInTheDocument();
    expect(within(table).getByText("75.0 %")).toBeInTheDocument();
    expect(within(table).getByText("caseload 300 of 400")).toBeInTheDocument();
    expect(port.callsOf("previewProration")[0][0]).toMatchObject({
      measure: "orders",
      total: 400,
      method: "proportional",
      driver: "caseload",
      rounding: "largestRemainder",
      increment: 1,
      fyStartMonth: 10,
      fiscalYear: 2027,
      spread: "even",
      locks: {},
    });
  });

  it("sends a locked unit's held value and the chosen spread and rounding", async () => {
    const port = new FakePort();
    renderPane(<ProrateTab port={port} />);
    await typeTotal("400");
    await user.click(screen.getByRole("combobox", { name: "Locked units" }));
    await user.click(await screen.findByRole("menuitemcheckbox", { name: "South" }));
    await user.keyboard("{Escape}");
    await user.type(screen.getByRole("textbox", { name: "Held value for South" }), "50");
    await user.click(screen.getByRole("radio", { name: "Seasonal" }));
    await user.click(screen.getByRole("combobox", { name: "Rounding" }));
    await user.click(await screen.findByRole("option", { name: "Webster" }));
    await user.click(screen.getByRole("button", { name: "Preview shares" }));
    await screen.findByText("Locked by you.");
    expect(port.callsOf("previewProration")[0][0]).toMatchObject({
      locks: { south: 50 },
      spread: "seasonal",
      rounding: "webster",
    });
  });

  it("does not ask for a driver when the method needs none", async () => {
    const port = new FakePort();
    renderPane(<ProrateTab port={port} />);
    await typeTotal("400");
    expect(screen.getByRole("combobox", { name: "Split by column" })).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: /^Equal/ }));
    expect(screen.queryByRole("combobox", { name: "Split by column" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Preview shares" }));
    await screen.findByRole("table");
    expect(port.callsOf("previewProration")[0][0]).toMatchObject({ method: "equal", driver: undefined });
  });

  it("asks for the base each unit gets when the method is base plus share", async () => {
    const port = new FakePort();
    renderPane(<ProrateTab port={port} />);
    await typeTotal("400");
    await user.click(screen.getByRole("radio", { name: /^Base plus share/ }));
    const base = screen.getByRole("textbox", { name: "Base per unit" });
    await user.clear(base);
    await user.type(base, "20");
    await user.click(screen.getByRole("button", { name: "Preview shares" }));
    await screen.findByRole("table");
    expect(port.callsOf("previewProration")[0][0]).toMatchObject({
      method: "basePlusProRata",
      baseEach: 20,
      driver: "caseload",
    });
  });

  it.each([
    ["a total that is not a number", "lots", "Type the program total as a number, 0 or more."],
    ["a negative total", "-5", "Type the program total as a number, 0 or more."],
    ["a percent as the total of a count", "12%", "Type the program total as a number, 0 or more."],
    ["a hex total", "0x10", "Type the program total as a number, 0 or more."],
  ])("refuses to preview %s and says what to type", async (_name, typed, message) => {
    const port = new FakePort();
    renderPane(<ProrateTab port={port} />);
    await typeTotal(typed);
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Preview shares" })).toBeDisabled();
  });

  it("reads a total typed as 1,200 or $1,200 through the one number parser", async () => {
    const port = new FakePort();
    renderPane(<ProrateTab port={port} />);
    await typeTotal("$1,200");
    await user.click(screen.getByRole("button", { name: "Preview shares" }));
    await screen.findByRole("table");
    expect(port.callsOf("previewProration")[0][0]).toMatchObject({ total: 1200 });
  });

  it("writes only after a preview and confirms where the targets went", async () => {
    const port = new FakePort();
    renderPane(<ProrateTab port={port} />);
    await typeTotal("400");
    expect(screen.getByRole("button", { name: "Write to workbook" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Preview shares" }));
    await screen.findByRole("table");
    await user.click(screen.getByRole("button", { name: "Write to workbook" }));
    expect(await screen.findByText(/2 unit targets and 24 milestones written/)).toBeInTheDocument();
    expect(port.callsOf("writeProration")).toHaveLength(1);
  });

  it("asks before replacing targets people typed, and writes only when told to", async () => {
    const port = new FakePort();
    port.askBeforeWriting = true;
    renderPane(<ProrateTab port={port} />);
    await typeTotal("400");
    await user.click(screen.getByRole("button", { name: "Preview shares" }));
    await screen.findByRole("table");
    await user.click(screen.getByRole("button", { name: "Write to workbook" }));
    expect(await screen.findByText("12 targets were typed by people.")).toBeInTheDocument();
    expect(screen.queryByText("Targets written.")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Write anyway" }));
    expect(await screen.findByText("Targets written.")).toBeInTheDocument();
    expect(port.callsOf("writeProration").map((c) => c[1])).toEqual([{ confirm: false }, { confirm: true }]);
  });

  it("keeps the workbook as it is when the user cancels the replacement", async () => {
    const port = new FakePort();
    port.askBeforeWriting = true;
    renderPane(<ProrateTab port={port} />);
    await typeTotal("400");
    await user.click(screen.getByRole("button", { name: "Preview shares" }));
    await screen.findByRole("table");
    await user.click(screen.getByRole("button", { name: "Write to workbook" }));
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(screen.queryByText("12 targets were typed by people.")).not.toBeInTheDocument();
    expect(port.callsOf("writeProration")).toHaveLength(1);
  });

  it("tells the user to insert a template when the workbook has no units", async () => {
    const port = new FakePort();
    port.setup = { ...port.setup, units: [] };
    renderPane(<ProrateTab port={port} />);
    expect(await screen.findByText(/Insert a template on the Start tab/)).toBeInTheDocument();
  });
});
