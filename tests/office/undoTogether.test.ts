/**
 * A proration with a budget changes four tables (targets and milestones, the program target,
 * budgets, monthly allotments) and the revision log. It is one operation for the user: one Ctrl+Z
 * (ExcelApi 1.20 merges one Excel.run into one undo step) or one Revert (older Excel) takes all of
 * it back, and a question about any table comes before any table is written. On the in-memory
 * Excel, through the Office gateway and adapter the pane uses.
 */
import type { ExcelHost } from "../../src/office/host";
import { OfficeAdapter } from "../../src/office/adapter";
import { NeedsConfirmationError, type ProrateRequest } from "../../src/taskpane/port";
import { officeGateway } from "../../src/taskpane/service/officeGateway";
import { WorkbookPort } from "../../src/taskpane/service/workbookPort";
import { buildWorkbookPlan } from "../../src/workbook/buildPlan";
import { MONTHLY_KEY_HEADERS, TABLES } from "../../src/workbook/layout";
import type { TablesInput } from "../../src/workbook/read";
import { TEMPLATES } from "../../src/workbook/templates";
import { createMemoryExcel } from "../support/memoryExcel";
import { prorateRequest } from "../taskpane/requests";

jest.setTimeout(180_000);

const TOUCHED = [
  TABLES.monthly,
  TABLES.programTargets,
  TABLES.budget,
  TABLES.spend,
  TABLES.revisions,
  TABLES.settings,
];

/** The child-support sample in an in-memory Excel of the given API version, and a port over it. */
async function workbook(apiVersion: string) {
  const excel = createMemoryExcel({ apiVersion, sheets: ["Sheet1"], evaluateFormulas: false });
  const gateway = officeGateway(excel as unknown as ExcelHost, { canCreateWorkbook: false });
  const port = new WorkbookPort({
    mode: "preview",
    gateway,
    templates: Object.values(TEMPLATES),
    buildPlan: (id, options) => buildWorkbookPlan(id, options),
    now: () => new Date("2027-03-04T10:20:30.456Z"),
  });
  await port.insertTemplate({ templateId: "child-support", withSampleData: true, destination: "this" });
  return { excel, gateway, port };
}

/** The touched tables' rows as a reader sees them. */
async function rows(gateway: { readTables(names?: string[]): Promise<TablesInput> }) {
  const tables = await gateway.readTables(TOUCHED);
  return Object.fromEntries(TOUCHED.map((t) => [t, tables[t]!.rows]));
}

async function budgetRequest(port: WorkbookPort): Promise<ProrateRequest> {
  const setup = await port.loadProrateSetup();
  return prorateRequest("locates", Math.round(setup.lastYear.locates! * 1.1), {
    budget: { amountCents: setup.budget!.programCents[2027] + 1_000_000, basis: "sameDriver" },
  });
}

describe("a proration with a budget is one operation", () => {
  it("is taken back whole by one Ctrl+Z where Excel merges undo (ExcelApi 1.20)", async () => {
    const { excel, gateway, port } = await workbook("1.20");
    const before = await rows(gateway);
    const req = await budgetRequest(port);
    const groups = excel.undoGroups;
    await port.writeProration(req, { confirm: true });
    // One merged undo group for the whole write, not one per table.
    expect(excel.undoGroups - groups).toBe(1);
    const after = await rows(gateway);
    for (const t of [TABLES.monthly, TABLES.programTargets, TABLES.budget, TABLES.spend])
      expect(after[t]).not.toEqual(before[t]);
    excel.undo();
    expect(await rows(gateway)).toEqual(before);
  });

  it("is taken back whole by one Revert where Excel has no add-in undo", async () => {
    const { gateway, port } = await workbook("1.19");
    expect(port.revertsOwnWrites).toBe(true);
    const before = await rows(gateway);
    await port.writeProration(await budgetRequest(port), { confirm: true });
    const after = await rows(gateway);
    for (const t of [TABLES.monthly, TABLES.programTargets, TABLES.budget, TABLES.spend])
      expect(after[t]).not.toEqual(before[t]);
    await expect(port.revertLast()).resolves.toMatchObject({ status: "reverted" });
    // Every table is back, the revision log's new rows and its seal too (as Ctrl+Z takes them):
    // the chain is whole and every target the grid holds is the one the log last recorded.
    expect(await rows(gateway)).toEqual(before);
    expect(await port.reviewRevisions()).toMatchObject({ ok: true, typed: [] });
  });

  it("writes no table while a question about one of them is open", async () => {
    const { excel, gateway, port } = await workbook("1.20");
    // A person's note just below tblBudget, where a new fiscal year's rows must go.
    const budget = (await gateway.readTables([TABLES.budget]))[TABLES.budget]!;
    const below = budget.topLeftRow + budget.rows.length + 1;
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(budget.sheetName).getRange(`A${below}`).values = [["kept"]];
      await context.sync();
    });
    const before = await rows(gateway);
    const req = { ...(await budgetRequest(port)), fiscalYear: 2028 };
    const ask = port.writeProration(req);
    await expect(ask).rejects.toBeInstanceOf(NeedsConfirmationError);
    await expect(ask).rejects.toThrow(/tblBudget table must grow/);
    // The targets were not written ahead of the question, nor logged.
    expect(await rows(gateway)).toEqual(before);
  });
});

describe("reverting a log append", () => {
  it("takes the logged rows and the seal back together, so the chain stays whole", async () => {
    const { gateway, port } = await workbook("1.19");
    const h = MONTHLY_KEY_HEADERS;
    // A target typed in the grid (as a person would), then logged from the pane.
    await gateway.writeRows(
      {
        table: TABLES.monthly,
        columns: [h.measure, h.unit, h.fiscalYear, h.target],
        rows: [["locates", "howard", 2027, 3000]],
      },
      true,
    );
    const found = await port.reviewRevisions();
    expect(found.typed).toHaveLength(1);
    await port.logTypedChanges("correction");
    expect(await port.reviewRevisions()).toMatchObject({ ok: true, typed: [], rows: found.rows + 1 });
    await expect(port.revertLast()).resolves.toMatchObject({ status: "reverted" });
    // The seal is as it was with the row it sealed gone: whole, and the typed target unlogged again.
    expect(await port.reviewRevisions()).toMatchObject({ ok: true, rows: found.rows, typed: found.typed });
  });
});

describe("the adapter's write of several tables", () => {
  it("refuses to name one table twice", async () => {
    const excel = createMemoryExcel({ apiVersion: "1.20", sheets: ["Sheet1"], evaluateFormulas: false });
    const adapter = new OfficeAdapter(excel as unknown as ExcelHost);
    const input = { columns: ["Measure ID"], rows: [] };
    await expect(
      adapter.writeTables([
        { table: TABLES.monthly, input },
        { table: TABLES.monthly, input },
      ]),
    ).rejects.toThrow(/names a table twice/);
  });
});
