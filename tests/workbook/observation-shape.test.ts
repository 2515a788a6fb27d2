/**
 * Every observation a workbook gives has the same fields in the same order, whatever its measure
 * holds: a count measure's whole numbers read first and a rate's fractions after must not give the
 * rows two shapes (V8 would then rebuild every count row the first time the index reads it, about
 * 700 ms on the flags bench; src/engine/observation.ts says why).
 */
import { observation } from "../../src/engine/observation";
import type { Observation } from "../../src/engine/model";
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import { readMaster } from "../../src/workbook/loop";
import { rawTablesFromPlan } from "../../src/workbook/rawTables";
import { scorecardFromTables } from "../../src/workbook/read";
import { sampleData } from "../../src/workbook/templates/sample";
import { getTemplate } from "../../src/workbook/templates";
import { templateInput } from "./support";

/** The child-support sample with one count measure (locates) then one rate (withholding). */
function countThenRate() {
  const input = templateInput("child-support", "2027-04");
  const ids = ["locates", "withholding"];
  const measures = ids.map((id) => input.measures.find((m) => m.id === id)!);
  const observations = ids.flatMap((id) => input.observations.filter((o) => o.measure === id));
  const programTargets = input.programTargets.filter((p) => ids.includes(p.measure));
  return { ...input, measures, observations, programTargets };
}

const keysOf = (o: Observation) => Object.keys(o).join(",");

/** The distinct key lists of some observations, with how many have each. */
function shapes(obs: Observation[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const o of obs) out.set(keysOf(o), (out.get(keysOf(o)) ?? 0) + 1);
  return out;
}

describe("observations share one shape", () => {
  const input = countThenRate();
  const tables = rawTablesFromPlan(buildPlanFromInput(input));

  it("from the grid: a count measure's whole actuals, then a rate's fractional ones", () => {
    const { observations } = scorecardFromTables(tables).scorecard;
    const actuals = observations.filter((o) => o.actual !== undefined);
    const firstFraction = actuals.findIndex((o) => !Number.isInteger(o.actual));
    // The case that matters: whole numbers read first, fractions after.
    expect(actuals[0].measure).toBe("locates");
    expect(Number.isInteger(actuals[0].actual)).toBe(true);
    expect(firstFraction).toBeGreaterThan(0);
    expect(actuals[firstFraction].measure).toBe("withholding");
    expect([...shapes(observations).keys()]).toEqual([keysOf(observation("m", "u", "2027-01"))]);
  });

  it("from the master a loop reads, and from a template's sample data", () => {
    expect(shapes(readMaster(tables).input.observations).size).toBe(1);
    expect(shapes(sampleData(getTemplate("child-support"), 1, "2027-04").observations).size).toBe(1);
  });

  it("reads and writes as before: a field never assigned is undefined and left out of JSON", () => {
    const o = observation("locates", "north", "2027-01");
    o.actual = 12;
    expect(o.target).toBeUndefined();
    expect(JSON.stringify(o)).toBe('{"measure":"locates","unit":"north","period":"2027-01","actual":12}');
  });
});
