/** Round trip: template -> plan -> .xlsx -> read back gives the same scorecard model. */
import type { Observation, Scorecard } from "../../src/engine/model";
import { buildWorkbookPlan } from "../../src/workbook/buildPlan";
import { scorecardOf } from "../../src/workbook/expectations";
import { rawTablesFromPlan } from "../../src/workbook/rawTables";
import { scorecardFromTables } from "../../src/workbook";
import { readScorecardXlsx, writePlanToXlsx } from "../../src/xlsx";
import { demoInput } from "../../src/cli/commands/demo";
import { buildPlanFromInput } from "../../src/workbook/buildPlan";

const key = (o: Observation) => `${o.measure}|${o.unit}|${o.period}`;
const sorted = (obs: Observation[]) =>
  [...obs].map(({ source: _s, ...rest }) => rest).sort((a, b) => key(a).localeCompare(key(b)));

function comparable(s: Scorecard) {
  return {
    measures: s.measures,
    units: s.units,
    fyStartMonth: s.fyStartMonth,
    observations: sorted(s.observations),
  };
}

describe("a workbook read back from its .xlsx is the scorecard it was written from", () => {
  it.each(["child-support", "city-services", "balanced-scorecard", "blank"])(
    "%s (sample data unless blank)",
    async (id) => {
      const plan = buildWorkbookPlan(id, { sampleData: id !== "blank" });
      const fromFile = await readScorecardXlsx(await writePlanToXlsx(plan));
      const fromPlan = scorecardFromTables(rawTablesFromPlan(plan));
      expect(fromFile.findings).toEqual(fromPlan.findings);
      expect(comparable(fromFile.scorecard)).toEqual(comparable(fromPlan.scorecard));
      expect(fromFile.settings).toEqual(fromPlan.settings);
      expect(fromFile.programTargets).toEqual(fromPlan.programTargets);
    },
  );

  it("the demo's observations, measures and units survive the file unchanged", async () => {
    const input = demoInput(1);
    const read = await readScorecardXlsx(await writePlanToXlsx(buildPlanFromInput(input)));
    const original = scorecardOf(input);
    expect(read.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(read.scorecard.units).toEqual(original.units);
    expect(read.scorecard.measures.map((m) => m.id)).toEqual(original.measures.map((m) => m.id));
    const written = new Map(sorted(original.observations).map((o) => [key(o), o]));
    for (const o of sorted(read.scorecard.observations))
      expect(o).toEqual(expect.objectContaining(written.get(key(o)) ?? { missing: key(o) }));
    expect(read.scorecard.observations.length).toBe(original.observations.length);
  });
});
