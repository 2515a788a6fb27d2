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

  it("leads to Start where the port cannot share", async () => {
    renderPane(<ShareTab port={new FakePort()} />);
    expect(await screen.findByText("Sharing needs a workbook")).toBeInTheDocument();
  });
});
