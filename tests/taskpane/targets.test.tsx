/** @jest-environment jsdom */
import * as React from "react";
import { screen, waitFor, within } from "@testing-library/react";
import TargetsTab, { METHODS } from "../../src/taskpane/tabs/TargetsTab";
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

describe("Targets tab", () => {
  it.each(METHODS.filter((m) => m.kinds.includes("count")).map((m) => [m.label, m.explain]))(
    "explains the %s method in one line",
    async (label, explain) => {
      renderPane(<TargetsTab port={new FakePort()} />);
      expect(
        await screen.findByRole("radio", { name: new RegExp(`${label}.*${explain.slice(0, 20)}`) }),
      ).toBeInTheDocument();
    },
  );

  it("previews each unit's target, share and reason from the request the user built", async () => {
    const port = new FakePort();
    renderPane(<TargetsTab port={port} />);
    await typeTotal("400");
    await user.click(screen.getByRole("button", { name: "Preview shares" }));
    const table = await screen.findByRole("table", { name: "Each unit's share" });
    expect(within(table).getByText("300 cases")).toBeInTheDocument();
    expect(within(table).getByText("75.0 %")).toBeInTheDocument();
    // One line per unit; the reason sits behind the unit's expander.
    expect(within(table).queryByText(/caseload 300 of 400/)).not.toBeInTheDocument();
    await user.click(within(table).getByRole("button", { name: "North" }));
    expect(within(table).getByText("Why: caseload 300 of 400")).toBeInTheDocument();
    expect(within(table).getByRole("button", { name: "North" })).toHaveAttribute("aria-expanded", "true");
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
    renderPane(<TargetsTab port={port} />);
    await typeTotal("400");
    await user.click(screen.getByRole("combobox", { name: "Locked units" }));
    await user.click(await screen.findByRole("menuitemcheckbox", { name: "South" }));
    await user.keyboard("{Escape}");
    await user.type(screen.getByRole("textbox", { name: "Held value for South" }), "50");
    await user.click(screen.getByRole("radio", { name: "Seasonal" }));
    await user.click(screen.getByRole("combobox", { name: "Rounding" }));
    await user.click(await screen.findByRole("option", { name: "Webster" }));
    await user.click(screen.getByRole("button", { name: "Preview shares" }));
    await user.click(await screen.findByRole("button", { name: "South (locked)" }));
    await screen.findByText("Why: Locked by you.");
    expect(port.callsOf("previewProration")[0][0]).toMatchObject({
      locks: { south: 50 },
      spread: "seasonal",
      rounding: "webster",
    });
  });

  it("does not ask for a driver when the method needs none", async () => {
    const port = new FakePort();
    renderPane(<TargetsTab port={port} />);
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
    renderPane(<TargetsTab port={port} />);
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
    [
      "a total that is not a number",
      "lots",
      '"lots" is not a number. Type the program total in digits, e.g. 1,200.',
    ],
    ["a negative total", "-5", "The program total cannot be below 0."],
    [
      "a percent as the total of a count",
      "12%",
      "This measure is cases, not a percent: type the program total without %.",
    ],
    [
      "money as the total of a count",
      "$6,000",
      "This measure counts cases, not money: type the program total without the currency sign.",
    ],
    ["a fraction of a case", "1964.55", "Targets are whole cases: type a whole number."],
    ["a hex total", "0x10", '"0x10" is not a number. Type the program total in digits, e.g. 1,200.'],
    ["a total past what a number holds", "1e308", "That number is too large for the program total."],
    ["a total a thousand times last year's", "1e15", "That number is too large for the program total."],
    [
      "a total far beyond last year's",
      "400000",
      "That is more than 100 times last year's 380 cases. Check the number of zeros.",
    ],
  ])("refuses to preview %s and says so on the field", async (_name, typed, message) => {
    const port = new FakePort();
    renderPane(<TargetsTab port={port} />);
    await typeTotal(typed);
    const field = screen.getByRole("textbox", { name: /Program total/ });
    expect(field).toHaveAttribute("aria-invalid", "true");
    // The message is the field's own description, read with it.
    expect(field).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(screen.getByRole("button", { name: "Preview shares" })).toHaveAttribute("aria-disabled", "true");
  });

  it("says why Preview is disabled while the total is blank", async () => {
    renderPane(<TargetsTab port={new FakePort()} />);
    await typeTotal("1");
    await user.clear(screen.getByRole("textbox", { name: /Program total/ }));
    const preview = screen.getByRole("button", { name: "Preview shares" });
    expect(preview).toHaveAttribute("aria-disabled", "true");
    expect(preview).toHaveAccessibleDescription("Preview needs the program total.");
  });

  it("offers only equal and close-the-gap for a rate, takes 92%, and asks about 0.92", async () => {
    const port = new FakePort();
    renderPane(<TargetsTab port={port} />);
    await typeTotal("1");
    await user.click(screen.getByRole("combobox", { name: "Measure" }));
    await user.click(await screen.findByRole("option", { name: "Paternity establishment" }));
    const methods = screen.getAllByRole("radio", { name: /:/ }).map((r) => r.getAttribute("value"));
    expect(methods).toEqual(["equal", "gapClosing"]);
    expect(screen.getByRole("radio", { name: /^Equal/ })).toBeChecked();
    const total = screen.getByRole("textbox", { name: /target rate/ });
    await user.type(total, "0.92");
    expect(total).toHaveAccessibleDescription(expect.stringContaining("Did you mean 92 %?"));
    await user.click(screen.getByRole("button", { name: "Use 92 %" }));
    expect(total).toHaveValue("92");
    await user.clear(total);
    await user.type(total, "92%");
    await user.click(screen.getByRole("button", { name: "Preview shares" }));
    await screen.findByRole("table");
    expect(port.callsOf("previewProration")[0][0]).toMatchObject({
      measure: "pep",
      total: 92,
      method: "equal",
    });
  });

  it("clears the preview when an input changes, so a stale preview cannot be written", async () => {
    const port = new FakePort();
    renderPane(<TargetsTab port={port} />);
    await typeTotal("400");
    await user.click(screen.getByRole("button", { name: "Preview shares" }));
    await screen.findByRole("table");
    await typeTotal("800");
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Write to workbook" })).toBeDisabled();
  });

  it("writes the request that was previewed, with the preview to check it against", async () => {
    const port = new FakePort();
    renderPane(<TargetsTab port={port} />);
    await typeTotal("400");
    await user.click(screen.getByRole("button", { name: "Preview shares" }));
    await screen.findByRole("table");
    await user.click(screen.getByRole("button", { name: "Write to workbook" }));
    await screen.findByText("Targets written.");
    const [request, options] = port.callsOf("writeProration")[0] as [
      { total: number },
      { shown: { total: number } },
    ];
    expect(request).toEqual(port.callsOf("previewProration")[0][0]);
    expect(options.shown.total).toBe(400);
  });

  it("reads a total typed as 1,200 through the one number parser", async () => {
    const port = new FakePort();
    renderPane(<TargetsTab port={port} />);
    await typeTotal("1,200");
    await user.click(screen.getByRole("button", { name: "Preview shares" }));
    await screen.findByRole("table");
    expect(port.callsOf("previewProration")[0][0]).toMatchObject({ total: 1200 });
  });

  it("writes only after a preview and confirms where the targets went", async () => {
    const port = new FakePort();
    renderPane(<TargetsTab port={port} />);
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
    renderPane(<TargetsTab port={port} />);
    await typeTotal("400");
    await user.click(screen.getByRole("button", { name: "Preview shares" }));
    await screen.findByRole("table");
    await user.click(screen.getByRole("button", { name: "Write to workbook" }));
    expect(await screen.findByText("12 targets were typed by people.")).toBeInTheDocument();
    expect(screen.queryByText("Targets written.")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Write anyway" }));
    expect(await screen.findByText("Targets written.")).toBeInTheDocument();
    expect(port.callsOf("writeProration").map((c) => (c[1] as { confirm: boolean }).confirm)).toEqual([
      false,
      true,
    ]);
    // The button pressed is gone: focus goes to what happened, not to the page.
    expect(screen.getByText("Targets written.").closest("[tabindex='-1']")).toHaveFocus();
  });

  it("keeps the workbook as it is when the user cancels the replacement", async () => {
    const port = new FakePort();
    port.askBeforeWriting = true;
    renderPane(<TargetsTab port={port} />);
    await typeTotal("400");
    await user.click(screen.getByRole("button", { name: "Preview shares" }));
    await screen.findByRole("table");
    await user.click(screen.getByRole("button", { name: "Write to workbook" }));
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(screen.queryByText("12 targets were typed by people.")).not.toBeInTheDocument();
    expect(port.callsOf("writeProration")).toHaveLength(1);
  });

  it("says where to list units when the workbook has none", async () => {
    const port = new FakePort();
    port.setup = { ...port.setup, units: [] };
    renderPane(<TargetsTab port={port} />);
    expect(await screen.findByText(/List your offices or teams on the Units sheet/)).toBeInTheDocument();
  });
});
