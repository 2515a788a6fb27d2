/** Writing engine results into Yardstick's own tables without losing anything a person typed. */
import {
  cellInput,
  NotYardstickTableError,
  PartialWriteError,
  ResultsShapeError,
  StateVersionError,
  STATE_KEY,
} from "../../src/office";
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import { FLAG_HEADERS, TABLES } from "../../src/workbook/layout";
import type { PlanValue } from "../../src/workbook/plan";
import type { MemoryExcel } from "../support/memoryExcel";
import { flagRow, flagsInput, memoryAdapter, OWNED_FLAG_COLUMNS } from "./adapterSupport";
import { scorecardInput } from "./scorecards";

const h = FLAG_HEADERS;
const OWNED = OWNED_FLAG_COLUMNS;

const flag = flagRow;

const flags = flagsInput;

async function setup(apiVersion = "1.8") {
  const { excel, adapter } = memoryAdapter({ apiVersion });
  await adapter.applyPlan(buildPlanFromInput(scorecardInput(3), { dataTable: false }));
  return { excel, adapter };
}

/** The flags table as people see it: header row first. */
async function flagTable(excel: MemoryExcel): Promise<unknown[][]> {
  return excel.run(async (context) => {
    const range = context.workbook.tables.getItem(TABLES.flags).getRange().load("values");
    await context.sync();
    return range.values;
  });
}

/** What a person does in Excel: type into cells. */
async function typeInto(excel: MemoryExcel, address: string, values: unknown[][]): Promise<void> {
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem("Flags").getRange(address).values = values;
    await context.sync();
  });
}

const column = (table: unknown[][], header: string) => table.slice(1).map((r) => r[table[0].indexOf(header)]);

describe("writing flags into the Flags table", () => {
  it.each(["1.8", "1.13", "1.20"])(
    "grows the table and fills new rows on ExcelApi %s",
    async (apiVersion) => {
      const { excel, adapter } = await setup(apiVersion);
      const outcome = await adapter.writeResults(
        TABLES.flags,
        flags(flag("f1", "high"), flag("f2"), flag("f3")),
      );
      expect(outcome).toMatchObject({ status: "written", rowsWritten: 3 });
      const table = await flagTable(excel);
      expect(column(table, h.id)).toEqual(["f1", "f2", "f3"]);
      expect(column(table, h.disposition)).toEqual(["open", "open", "open"]);
    },
  );

  it("keeps a reviewer's notes on the same flag when flags are re-run, and appends new flags", async () => {
    const { excel, adapter } = await setup();
    await adapter.writeResults(TABLES.flags, flags(flag("f1"), flag("f2")));
    await typeInto(excel, "J6:L6", [["Ana", "reviewed", "Counted twice in January"]]);
    expect(
      await adapter.writeResults(TABLES.flags, flags(flag("f2", "high"), flag("f1"), flag("f9"))),
    ).toMatchObject({ status: "written" });
    const table = await flagTable(excel);
    expect(column(table, h.id)).toEqual(["f1", "f2", "f9"]);
    expect(column(table, h.note)).toEqual(["", "Counted twice in January", ""]);
    expect(column(table, h.severity)).toEqual(["medium", "high", "medium"]);
  });

  it("treats sorting the table as no edit", async () => {
    const { excel, adapter } = await setup();
    await adapter.writeResults(TABLES.flags, flags(flag("f1"), flag("f2")));
    const [, a, b] = await flagTable(excel);
    // A sort moves cells as they are; typing them back needs the apostrophe Excel would keep.
    await typeInto(
      excel,
      "A5:L6",
      [b, a].map((row) => row.map((v) => cellInput(v as PlanValue))),
    );
    expect(await adapter.writeResults(TABLES.flags, flags(flag("f1"), flag("f2")))).toMatchObject({
      status: "written",
    });
  });

  it("detects a person's edit in a Yardstick cell before overwriting it, and names the cell", async () => {
    const { excel, adapter } = await setup();
    await adapter.writeResults(TABLES.flags, flags(flag("f1"), flag("f2")));
    await typeInto(excel, "B6", [["low"]]);
    const outcome = await adapter.writeResults(TABLES.flags, flags(flag("f1"), flag("f2")));
    expect(outcome).toMatchObject({ status: "needs-confirmation", reason: "user-edited" });
    if (outcome.status !== "needs-confirmation") throw new Error("unreachable");
    expect(outcome.edits).toEqual([
      expect.objectContaining({ column: h.severity, addresses: expect.arrayContaining(["Flags!B6"]) }),
    ]);
    expect(column(await flagTable(excel), h.severity)).toEqual(["medium", "low"]);
    expect(
      await adapter.writeResults(TABLES.flags, flags(flag("f1"), flag("f2")), { confirm: true }),
    ).toMatchObject({ status: "written" });
    expect(column(await flagTable(excel), h.severity)).toEqual(["medium", "medium"]);
  });

  it("asks before dropping a flag someone annotated", async () => {
    const { excel, adapter } = await setup();
    await adapter.writeResults(TABLES.flags, flags(flag("f1"), flag("f2")));
    await typeInto(excel, "L5", [["Looked at it"]]);
    expect(await adapter.writeResults(TABLES.flags, flags(flag("f2")))).toMatchObject({
      status: "needs-confirmation",
      reason: "notes-would-be-dropped",
    });
    expect(await adapter.writeResults(TABLES.flags, flags(flag("f2")), { confirm: true })).toMatchObject({
      status: "written",
    });
    expect(column(await flagTable(excel), h.id)).toEqual(["f2"]);
  });

  it("asks before growing the table over cells someone typed below it", async () => {
    const { excel, adapter } = await setup();
    await adapter.writeResults(TABLES.flags, flags(flag("f1")));
    await typeInto(excel, "C7", [["my own note"]]);
    expect(await adapter.writeResults(TABLES.flags, flags(flag("f1"), flag("f2"), flag("f3")))).toMatchObject(
      { status: "needs-confirmation", reason: "cells-below" },
    );
  });

  it.each([
    ["a table Yardstick does not write", TABLES.units, flags(flag("f1")), NotYardstickTableError],
    ["a table that is not there", "tblNowhere", flags(flag("f1")), NotYardstickTableError],
    ["a people's column", TABLES.flags, { columns: [h.id, h.note], rows: [["f1", "x"]] }, ResultsShapeError],
    [
      "results without the key column",
      TABLES.flags,
      { columns: [h.severity], rows: [["high"]] },
      ResultsShapeError,
    ],
  ])("refuses to write into %s", async (_what, table, input, error) => {
    const { adapter } = await setup();
    await expect(adapter.writeResults(table, input)).rejects.toThrow(error);
  });
});

describe("taking back the last operation", () => {
  it("reverts a results write to the table as it was (no add-in undo before ExcelApi 1.20)", async () => {
    const { excel, adapter } = await setup("1.8");
    await adapter.writeResults(TABLES.flags, flags(flag("f1"), flag("f2")));
    await typeInto(excel, "J5:L5", [["Ana", "reviewed", "'=not a formula"]]);
    const before = await flagTable(excel);
    const outcome = await adapter.writeResults(
      TABLES.flags,
      flags(flag("f1", "high"), flag("f7"), flag("f8")),
    );
    expect(outcome).toEqual(expect.objectContaining({ status: "written", undo: "revert" }));
    expect(adapter.canRevert).toBe(true);
    await adapter.revert();
    expect(await flagTable(excel)).toEqual(before);
    expect(adapter.canRevert).toBe(false);
    expect(await adapter.writeResults(TABLES.flags, flags(flag("f1"), flag("f2")))).toMatchObject({
      status: "written",
    });
  });

  it("reverts a template build by removing the sheets it added", async () => {
    const { excel, adapter } = memoryAdapter();
    await adapter.applyPlan(buildPlanFromInput(scorecardInput(2), { dataTable: false }));
    await adapter.revert();
    expect(excel.host.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(excel.host.names.size).toBe(0);
  });

  it("groups a whole write into one Excel undo step on ExcelApi 1.20", async () => {
    const { excel, adapter } = await setup("1.20");
    const groups = excel.undoGroups;
    expect(await adapter.writeResults(TABLES.flags, flags(flag("f1")))).toMatchObject({ undo: "excel-undo" });
    expect(excel.undoGroups).toBe(groups + 1);
  });
});

describe("Excel's own undo and failed writes", () => {
  it("does not mistake Excel's undo of a Yardstick write for a person's edit", async () => {
    const { excel, adapter } = await setup("1.20");
    await adapter.writeResults(TABLES.flags, flags(flag("f1"), flag("f2")));
    await adapter.writeResults(TABLES.flags, flags(flag("f1", "high"), flag("f3")));
    excel.undo();
    expect(column(await flagTable(excel), h.id)).toEqual(["f1", "f2"]);
    expect(await adapter.writeResults(TABLES.flags, flags(flag("f1"), flag("f4")))).toMatchObject({
      status: "written",
    });
  });

  it("reports a write Excel refused midway, and revert removes what was built", async () => {
    const { excel, adapter } = memoryAdapter();
    const plan = buildPlanFromInput(scorecardInput(2), { dataTable: false });
    plan.sheets[plan.sheets.length - 1].ranges.push({ topLeft: "Z1", values: [[{ formula: "=SUM(1," }]] });
    await expect(adapter.applyPlan(plan)).rejects.toThrow(PartialWriteError);
    expect(excel.host.sheets.length).toBeGreaterThan(1);
    await adapter.revert();
    expect(excel.host.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("writes 1,000 flags in as many syncs as 10, and reports them truthfully", async () => {
    const syncs = [];
    for (const count of [10, 1000]) {
      const { excel, adapter } = await setup();
      excel.resetStats();
      const rows = Array.from({ length: count }, (_, i) => flag(`f${i}`));
      const outcome = await adapter.writeResults(TABLES.flags, flags(...rows));
      expect(outcome).toMatchObject({ status: "written", syncs: excel.stats.syncs });
      syncs.push(excel.stats.syncs);
    }
    expect(syncs[1]).toBe(syncs[0]);
    expect(syncs[0]).toBeLessThanOrEqual(5);
  });
});

describe("Yardstick's record in the workbook", () => {
  it("migrates a version 1 record, so older workbooks still open", async () => {
    const { excel, adapter } = memoryAdapter();
    excel.host.settings.set(STATE_KEY, { version: 1, template: "child-support" });
    expect(await adapter.readState()).toEqual({
      schemaVersion: 2,
      templateId: "child-support",
      fyStartMonth: 1,
      written: {},
    });
  });

  it("refuses a record written by a newer Yardstick", async () => {
    const { excel, adapter } = memoryAdapter();
    excel.host.settings.set(STATE_KEY, { schemaVersion: 99 });
    await expect(adapter.readState()).rejects.toThrow(StateVersionError);
  });

  it("records the template and fingerprints of Yardstick's cells after a build", async () => {
    const { adapter } = await setup();
    const state = await adapter.readState();
    expect(state).toMatchObject({ schemaVersion: 2, templateId: "city-services", fyStartMonth: 7 });
    expect(state.written[TABLES.flags].ownedHeaders).toEqual(OWNED);
  });
});
