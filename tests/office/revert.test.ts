/**
 * Revert (Excel before ExcelApi 1.20 has no undo for add-in writes) puts back only what is
 * still as Yardstick left it: a person's later edits are kept unasked when Yardstick never
 * wrote those cells, and listed for confirmation when it did.
 */
import type { WriteOutcome } from "../../src/office";
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import { columnLetter, FLAG_HEADERS, TABLES } from "../../src/workbook/layout";
import type { MemoryExcel } from "../support/memoryExcel";
import { flagRow, flagsInput, memoryAdapter } from "./adapterSupport";
import { scorecardInput } from "./scorecards";

const h = FLAG_HEADERS;
const flag = flagRow;
const flags = flagsInput;

async function built(units = 3) {
  const { excel, adapter } = memoryAdapter({ apiVersion: "1.8" });
  const plan = buildPlanFromInput(scorecardInput(units), { dataTable: false });
  await adapter.applyPlan(plan);
  return { excel, adapter, plan };
}

async function read(excel: MemoryExcel, sheet: string, address: string): Promise<unknown[][]> {
  return excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address).load("values");
    await context.sync();
    return range.values;
  });
}

async function flagTable(excel: MemoryExcel): Promise<Record<string, unknown>[]> {
  const rows = await excel.run(async (context) => {
    const range = context.workbook.tables.getItem(TABLES.flags).getRange().load("values");
    await context.sync();
    return range.values;
  });
  return rows.slice(1).map((r) => Object.fromEntries(rows[0].map((k, i) => [String(k), r[i]])));
}

/** What a person does in Excel: type into cells. */
async function typeInto(excel: MemoryExcel, sheet: string, address: string, values: unknown[][]) {
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = values;
    await context.sync();
  });
}

const changesOf = (outcome: WriteOutcome) =>
  outcome.status === "needs-confirmation" ? (outcome.changes ?? []) : [];

describe("reverting a flags write after people kept working", () => {
  // Flags!A4 is the header row: f1 is row 5, f2 row 6; column L is the Note.
  async function twoWrites() {
    const setup = await built();
    await setup.adapter.writeResults(TABLES.flags, flags(flag("f1"), flag("f2")));
    await setup.adapter.writeResults(TABLES.flags, flags(flag("f1", "high"), flag("f3")));
    return setup;
  }

  it("keeps a note typed after the flags write, without asking, and takes the write back", async () => {
    const { excel, adapter } = await twoWrites();
    await typeInto(excel, "Flags", "L5", [["Counted twice in January"]]);
    const outcome = await adapter.revert();
    expect(outcome).toMatchObject({ status: "written", undo: "revert" });
    const table = await flagTable(excel);
    expect(table.map((r) => [r[h.id], r[h.severity], r[h.note]])).toEqual([
      ["f1", "medium", "Counted twice in January"],
      ["f2", "medium", ""],
    ]);
  });

  it("lists a cell Yardstick wrote that someone changed since, keeps it, and changes nothing else", async () => {
    const { excel, adapter } = await twoWrites();
    await typeInto(excel, "Flags", "B5", [["low"]]);
    const before = await flagTable(excel);
    const outcome = await adapter.revert();
    expect(outcome).toMatchObject({ status: "needs-confirmation", reason: "user-edited" });
    expect(changesOf(outcome)).toEqual([{ address: "Flags!B5", old: "medium", now: "low" }]);
    expect(await flagTable(excel)).toEqual(before);
    expect(adapter.canRevert).toBe(true);
  });

  it("puts the old value back over the change when the person confirms", async () => {
    const { excel, adapter } = await twoWrites();
    await typeInto(excel, "Flags", "B5", [["low"]]);
    await adapter.revert();
    expect(await adapter.revert({ confirm: true })).toMatchObject({ status: "written" });
    const table = await flagTable(excel);
    expect(table.map((r) => [r[h.id], r[h.severity]])).toEqual([
      ["f1", "medium"],
      ["f2", "medium"],
    ]);
    expect(adapter.canRevert).toBe(false);
  });

  it("asks before removing a new flag someone has already annotated", async () => {
    const { excel, adapter } = await twoWrites();
    await typeInto(excel, "Flags", "K6:L6", [["reviewed", "Checked with the office"]]);
    const outcome = await adapter.revert();
    expect(changesOf(outcome)).toEqual([
      { address: "Flags!K6", old: "(no row)", now: "reviewed" },
      { address: "Flags!L6", old: "(no row)", now: "Checked with the office" },
    ]);
    expect((await flagTable(excel)).map((r) => r[h.id])).toEqual(["f1", "f3"]);
  });
});

describe("reverting a template build after someone typed an actual", () => {
  /** The address of the first unit's first Actual cell in the grid. */
  function actualCell(plan: ReturnType<typeof buildPlanFromInput>) {
    const sheet = plan.sheets.find((s) => s.tables.some((t) => t.name === TABLES.monthly))!;
    const table = sheet.tables.find((t) => t.name === TABLES.monthly)!;
    // The first blank Actual cell: a month not reported yet.
    const cols = table.columns.flatMap((c, i) => (c.header.startsWith("Actual") ? [i] : []));
    const col = cols.find((c) => table.rows.some((r) => r[c] === null))!;
    const row = table.rows.findIndex((r) => r[col] === null);
    const top = /^([A-Z]+)(\d+)$/.exec(table.topLeft)!;
    const first = top[1].charCodeAt(0) - 64;
    return { sheet: sheet.name, address: `${columnLetter(first + col)}${Number(top[2]) + 1 + row}` };
  }

  it("does not delete the sheets: it lists the typed cell and keeps everything", async () => {
    const { excel, adapter, plan } = await built();
    const cell = actualCell(plan);
    await typeInto(excel, cell.sheet, cell.address, [[412]]);
    const outcome = await adapter.revert();
    expect(outcome).toMatchObject({ status: "needs-confirmation", reason: "user-edited" });
    expect(changesOf(outcome)).toEqual([
      { address: `${cell.sheet}!${cell.address}`, old: "(blank)", now: "412" },
    ]);
    expect(excel.host.sheets.map((s) => s.name)).toEqual(["Sheet1", ...plan.sheets.map((s) => s.name)]);
    expect(await read(excel, cell.sheet, cell.address)).toEqual([[412]]);
  });

  it("notices a row typed just below a table (which grows it)", async () => {
    const { excel, adapter, plan } = await built();
    const units = plan.sheets
      .flatMap((s) => s.tables.map((t) => ({ s, t })))
      .find((x) => x.t.name === TABLES.units)!;
    const top = /^([A-Z]+)(\d+)$/.exec(units.t.topLeft)!;
    const below = `${top[1]}${Number(top[2]) + units.t.rows.length + 1}`;
    await typeInto(excel, units.s.name, below, [["U99999"]]);
    expect(changesOf(await adapter.revert())).toEqual([
      { address: `${units.s.name}!${below}`, old: "(blank)", now: "U99999" },
    ]);
  });

  it("deletes the template's sheets when the person confirms", async () => {
    const { excel, adapter, plan } = await built();
    const cell = actualCell(plan);
    await typeInto(excel, cell.sheet, cell.address, [[412]]);
    expect(await adapter.revert({ confirm: true })).toMatchObject({ status: "written" });
    expect(excel.host.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("round trips", () => {
  it.each([
    ["a template build", 3, 100],
    ["a flags write", 30, 1000],
  ])("reverting %s takes as many syncs for a big workbook as for a small one", async (what, small, big) => {
    const syncs: number[] = [];
    for (const size of [small, big]) {
      const { excel, adapter } = await built(what === "a template build" ? size : 3);
      if (what === "a flags write") {
        const rows = Array.from({ length: size }, (_, i) => flag(`f${i}`));
        await adapter.writeResults(TABLES.flags, flags(...rows));
      }
      excel.resetStats();
      const outcome = await adapter.revert();
      expect(outcome).toMatchObject({ status: "written", syncs: excel.stats.syncs });
      syncs.push(excel.stats.syncs);
    }
    expect(syncs[1]).toBe(syncs[0]);
    expect(syncs[0]).toBeLessThanOrEqual(5);
  });
});
