/** Filling people's columns on request (prorated targets): ask first, touch only what changes, revert. */
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import { MONTHLY_KEY_HEADERS, TABLES } from "../../src/workbook/layout";
import type { PlanValue } from "../../src/workbook/plan";
import type { MemoryExcel } from "../support/memoryExcel";
import { memoryAdapter } from "./adapterSupport";
import { scorecardInput } from "./scorecards";

const k = MONTHLY_KEY_HEADERS;
const COLUMNS = [k.measure, k.unit, k.fiscalYear, k.target];

async function setup() {
  const { excel, adapter } = memoryAdapter();
  await adapter.applyPlan(buildPlanFromInput(scorecardInput(3), { dataTable: false }));
  return { excel, adapter };
}

async function grid(excel: MemoryExcel): Promise<{ headers: unknown[]; rows: PlanValue[][] }> {
  return excel.run(async (context) => {
    const range = context.workbook.tables.getItem(TABLES.monthly).getRange().load("formulas");
    await context.sync();
    return { headers: range.formulas[0], rows: range.formulas.slice(1) as PlanValue[][] };
  });
}

const col = (g: { headers: unknown[]; rows: unknown[][] }, h: string) =>
  g.rows.map((r) => r[g.headers.indexOf(h)]);

describe("writing prorated targets into the grid", () => {
  it("asks before replacing targets people typed, naming the cells, then writes only the Target column", async () => {
    const { excel, adapter } = await setup();
    const before = await grid(excel);
    const rows = before.rows.slice(0, 2).map((r) => [r[0], r[1], r[2], 777]);
    const outcome = await adapter.writeResults(
      TABLES.monthly,
      { columns: COLUMNS, rows },
      { intoPeoplesColumns: true },
    );
    expect(outcome).toMatchObject({ status: "needs-confirmation", reason: "would-overwrite-inputs" });
    if (outcome.status !== "needs-confirmation") throw new Error("unreachable");
    expect(outcome.edits).toEqual([
      expect.objectContaining({
        column: k.target,
        rowCount: 2,
        addresses: ["Milestones & Actuals!D7", "Milestones & Actuals!D8"],
      }),
    ]);
    expect(
      await adapter.writeResults(
        TABLES.monthly,
        { columns: COLUMNS, rows },
        { intoPeoplesColumns: true, confirm: true },
      ),
    ).toMatchObject({ status: "written" });
    const after = await grid(excel);
    expect(col(after, k.target)).toEqual([777, 777, ...col(before, k.target).slice(2)]);
    expect(after.rows.map((r) => r.filter((_, c) => c !== before.headers.indexOf(k.target)))).toEqual(
      before.rows.map((r) => r.filter((_, c) => c !== before.headers.indexOf(k.target))),
    );
  });

  it("writes without asking when no target changes, and leaves the grid as it was", async () => {
    const { excel, adapter } = await setup();
    const before = await grid(excel);
    const rows = before.rows.map((r) => [r[0], r[1], r[2], r[3]]);
    expect(
      await adapter.writeResults(TABLES.monthly, { columns: COLUMNS, rows }, { intoPeoplesColumns: true }),
    ).toMatchObject({ status: "written" });
    expect(await grid(excel)).toEqual(before);
  });

  it("reverts the targets it replaced", async () => {
    const { excel, adapter } = await setup();
    const before = await grid(excel);
    const rows = before.rows.map((r) => [r[0], r[1], r[2], 1]);
    await adapter.writeResults(
      TABLES.monthly,
      { columns: COLUMNS, rows },
      { intoPeoplesColumns: true, confirm: true },
    );
    await adapter.revert();
    expect(await grid(excel)).toEqual(before);
  });

  it("still refuses tables that are not Yardstick's", async () => {
    const { adapter } = await setup();
    await expect(
      adapter.writeResults("tblSomethingElse", { columns: ["x"], rows: [] }, { intoPeoplesColumns: true }),
    ).rejects.toThrow(/only into its own tables/);
  });
});
