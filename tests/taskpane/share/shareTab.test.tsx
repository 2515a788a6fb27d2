/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
/**
 * The Share tab against a fake port that holds a small master (the demo's first three offices):
 * what Send says and does in the preview (a .zip download) and in Excel (new workbooks), and the
 * neutral state where the port has no Share side.
 */
import "./textCodec";
import * as React from "react";
import { screen } from "@testing-library/react";
import ShareTab from "../../../src/taskpane/share/ShareTab";
import type { CollectedWrite, SharePort } from "../../../src/taskpane/share/port";
import type { WriteResult } from "../../../src/taskpane/port";
import { buildPlanFromInput, rawTablesFromPlan, type TablesInput } from "../../../src/workbook";
import { FakePort } from "../fakePort";
import { renderPane, user } from "../render";
import { smallInput } from "../../workbook/loop/support";
import { mergedMasterPlan } from "../../../src/workbook/loop";
import type { ReturnStatus } from "../../../src/workbook/sheets/returns";

jest.setTimeout(120_000);

class SharingPort extends FakePort implements SharePort {
  readonly tables: TablesInput = rawTablesFromPlan(buildPlanFromInput(smallInput(3)));
  opened: string[] = [];
  masterId?: string;
  async readLoopTables(): Promise<TablesInput> {
    return this.tables;
  }
  async writeCollected(write: CollectedWrite): Promise<WriteResult> {
    return { where: "Milestones & Actuals", message: `${write.cells} cell(s) merged.` };
  }
  async openNewWorkbook(base64: string): Promise<void> {
    this.opened.push(base64);
  }
  async writeMasterId(id: string): Promise<void> {
    this.masterId = id;
  }
}

describe("the Share tab", () => {
  const created: Blob[] = [];
  beforeAll(() => {
    Object.assign(URL, {
      createObjectURL: (b: Blob) => {
        created.push(b);
        return "blob:copies";
      },
      revokeObjectURL: () => undefined,
    });
  });

  it("downloads the office copies as one .zip in the preview, and says how to send them", async () => {
    const port = new SharingPort();
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    renderPane(<ShareTab port={port} />);
    expect(await screen.findByText(/The copies ask for May 2027/)).toBeInTheDocument();
    expect(screen.getByLabelText("Due back by")).toHaveValue("2027-06-10");
    expect(screen.getByText(/yardstick split master\.xlsx/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Merge returns" })).toBeDisabled();
    expect(screen.getByText(/No returns collected yet/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Send to offices (.zip)" }));
    expect(await screen.findByText("Copies downloaded.", {}, { timeout: 60_000 })).toBeInTheDocument();
    expect(screen.getByText(/3 office copies for 2027-05, due 2027-06-10/)).toBeInTheDocument();
    expect(click).toHaveBeenCalledTimes(1);
    expect(created.at(-1)!.size).toBeGreaterThan(10_000);
    expect(port.masterId).toMatch(/^ys-/);
    click.mockRestore();
  });

  it("opens one new workbook per office in Excel, and says to save and email each", async () => {
    const port = new SharingPort();
    port.canCreateWorkbook = true;
    renderPane(<ShareTab port={port} />);
    expect(await screen.findByText(/Opens one new workbook per office: save each/)).toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: "Send to offices" }));
    expect(await screen.findByText("Copies opened.", {}, { timeout: 60_000 })).toBeInTheDocument();
    expect(port.opened).toHaveLength(3);
    expect(screen.getByText(/Opened 3 new workbooks/)).toBeInTheDocument();
  });

  it("shows who has sent their copy back and whom to chase, from the Returns sheet", async () => {
    const input = smallInput(3);
    const [a, b, c] = input.units;
    const row = (unit: string, status: ReturnStatus, due: string) => ({
      ...{ unit, issued: "", due, file: "", received: "", status, reason: "" },
      ...{ cellsMerged: 0, conflicts: 0, findings: "" },
    });
    const port = new SharingPort();
    const returns = [
      row(a.id, "merged", "2027-06-10"),
      row(b.id, "missing", "2026-06-10"),
      row(c.id, "missing", "2099-01-01"),
    ];
    Object.assign(port.tables, rawTablesFromPlan(mergedMasterPlan(input, returns)));
    renderPane(<ShareTab port={port} />);
    const counts = await screen.findByRole("list", { name: "Returns by status" });
    // The tab's clock is today: the 2026-06 due date has passed, the 2099 one has not.
    expect(counts).toHaveTextContent("1 not back yet");
    expect(counts).toHaveTextContent("1 late");
    expect(counts).toHaveTextContent("1 merged");
    const waiting = screen.getByRole("list", { name: "Offices still to send" });
    expect(waiting.textContent).toBe(`${b.name}, due 2026-06-10 (late)${c.name}, due 2099-01-01`);
  });

  it("leads to Start where the port cannot share", async () => {
    renderPane(<ShareTab port={new FakePort()} />);
    expect(await screen.findByText("Sharing needs a workbook")).toBeInTheDocument();
  });
});
