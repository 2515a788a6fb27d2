/** Reading back through Office.js tolerates what people do to tables: move columns, add columns, sort rows. */
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import { TABLES, UNIT_HEADERS } from "../../src/workbook/layout";
import type { PlanTable, WorkbookPlan } from "../../src/workbook/plan";
import type { Observation } from "../../src/engine/model";
import { memoryAdapter } from "./adapterSupport";
import { scorecardInput } from "./scorecards";

const plan = (): WorkbookPlan => buildPlanFromInput(scorecardInput(5), { dataTable: false });

function table(p: WorkbookPlan, name: string): PlanTable {
  return p.sheets.flatMap((s) => s.tables).find((t) => t.name === name)!;
}

/** Move the last column first and add a column people use for notes. */
function rearrange(t: PlanTable): void {
  t.columns = [
    t.columns[t.columns.length - 1],
    ...t.columns.slice(0, -1),
    { header: "Our notes", owner: "user" },
  ];
  t.rows = t.rows.map((r) => [r[r.length - 1], ...r.slice(0, -1), "see me"]);
}

const key = (o: Observation) => `${o.measure}|${o.unit}|${o.period}`;
const withoutSource = (os: Observation[]) =>
  os.map(({ source: _source, ...o }) => o).sort((a, b) => key(a).localeCompare(key(b)));

describe("reading a scorecard people have rearranged", () => {
  it("gives the same scorecard when columns are moved, columns added and rows sorted", async () => {
    const original = memoryAdapter();
    await original.adapter.applyPlan(plan());
    const expected = await original.adapter.readScorecard();

    const changed = plan();
    rearrange(table(changed, TABLES.units));
    rearrange(table(changed, TABLES.measures));
    table(changed, TABLES.units).rows.reverse();
    const edited = memoryAdapter();
    await edited.adapter.applyPlan(changed);
    const read = await edited.adapter.readScorecard();

    expect(read.scorecard.measures).toEqual(expected.scorecard.measures);
    expect([...read.scorecard.units].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      expected.scorecard.units,
    );
    expect(withoutSource(read.scorecard.observations)).toEqual(
      withoutSource(expected.scorecard.observations),
    );
    expect(read.findings).toEqual(expected.findings);
  });

  it("reports a bad cell with its sheet and address instead of failing", async () => {
    const p = plan();
    const units = table(p, TABLES.units);
    const col = units.columns.findIndex((c) => c.header === UNIT_HEADERS.caseload);
    units.rows[2][col] = "lots";
    const { adapter } = memoryAdapter();
    await adapter.applyPlan(p);
    const read = await adapter.readScorecard();
    const letter = String.fromCharCode(65 + col);
    expect(read.findings).toContainEqual(
      expect.objectContaining({
        where: expect.objectContaining({
          sheet: "Units",
          address: expect.stringMatching(new RegExp(`^${letter}\\d+$`)),
        }),
      }),
    );
    expect(read.scorecard.units).toHaveLength(5);
  });
});
