/**
 * The Budget sheet and the Dashboard's "Budget and results" in LibreOffice: on random scorecards
 * with random budgets, allotments and spend (some months unreported, some rows without
 * allotments, budgets of 0), every checked cell equals the engine's budget report (src/engine/budget)
 * and no formula evaluates to an error. One LibreOffice start for all the workbooks.
 */
import fc from "fast-check";
import { SHEETS } from "../../src/workbook/layout";
import { differential, withPortableTextCounts, type DifferentialResult } from "./differential-support";
import { budgetInputArb } from "./random-budget";

jest.setTimeout(600_000);

const SEED = Number(process.env.YARDSTICK_DIFF_SEED ?? 20272);
const RUNS = Number(process.env.YARDSTICK_DIFF_RUNS ?? 6);
const inputs = fc.sample(budgetInputArb, { seed: SEED, numRuns: RUNS });

describe("random budgets recomputed in LibreOffice", () => {
  let results: DifferentialResult[];
  beforeAll(async () => {
    results = await differential(inputs, withPortableTextCounts);
  });

  it.each(inputs.map((input, i) => [i, input.units.length, input.asOfMonth] as const))(
    "workbook %i (%i units, as of %s): every Budget and Dashboard budget cell matches the engine",
    (i) => {
      const result = results[i];
      const budgetMismatches = result.mismatches.filter(
        (m) => m.where.startsWith(SHEETS.budget) || m.where.includes("dashboard."),
      );
      expect(budgetMismatches).toEqual([]);
      expect(result.errors.filter((e) => e.startsWith(SHEETS.budget) || e.includes("Budget!"))).toEqual([]);
      expect(result.mismatches).toEqual([]);
      expect(result.errors).toEqual([]);
    },
  );

  it("checked the budget cells at all", () => {
    expect(results.reduce((a, r) => a + r.expectations, 0)).toBeGreaterThan(300);
  });
});
