/** Random budgets (fast-check) over a random scorecard, for the Budget sheet's differential tests. */
import fc from "fast-check";
import { fiscalYearOf } from "../../src/engine/period";
import type { WorkbookInput } from "../../src/workbook/input";
import type { BudgetInput } from "../../src/workbook/sheets/budgetColumns";
import { scorecardInputArb } from "./random-scorecard";

const money = fc.integer({ min: 0, max: 50_000_000 }).map((c) => c / 100);
const month = (blankPct: number) =>
  fc.oneof(
    { weight: 100 - blankPct, arbitrary: money },
    { weight: blankPct, arbitrary: fc.constant(undefined) },
  );

/** A scorecard with a budget row per unit for this fiscal year and sometimes the last. */
export const budgetInputArb: fc.Arbitrary<WorkbookInput> = scorecardInputArb.chain((input) => {
  const fy0 = fiscalYearOf(input.asOfMonth, input.fyStartMonth);
  const rows = input.units.flatMap((u) => [fy0 - 1, fy0].map((fy) => ({ unit: u.id, fy })));
  const row = (unit: string, fy: number) =>
    fc.record({
      present: fc.integer({ min: 0, max: 9 }),
      measure: fc.oneof(fc.constantFrom(...input.measures.map((m) => m.id)), fc.constant(undefined)),
      budget: fc.oneof({ weight: 9, arbitrary: money }, { weight: 1, arbitrary: fc.constant(0) }),
      fte: fc.integer({ min: 0, max: 400 }).map((t) => t / 10),
      allotted: fc.integer({ min: 0, max: 9 }),
      allotment: fc.array(money, { minLength: 12, maxLength: 12 }),
      // Spend mostly reported, sometimes with a month missing; earlier years usually complete.
      spend: fc.array(month(fy < fy0 ? 3 : 8), { minLength: 12, maxLength: 12 }),
      unit: fc.constant(unit),
      fy: fc.constant(fy),
    });
  return fc.tuple(...rows.map((r) => row(r.unit, r.fy))).map((drawn): WorkbookInput => {
    const kept = drawn.filter((d) => d.present > 0 || d.fy === fy0);
    const budget: BudgetInput = {
      years: kept.map((d) => ({
        unit: d.unit,
        fiscalYear: d.fy,
        measure: d.measure,
        budget: d.budget,
        fte: d.fte,
      })),
      spend: kept
        .filter((d) => d.present > 1)
        .map((d) => ({
          unit: d.unit,
          fiscalYear: d.fy,
          allotment: d.allotted > 0 ? d.allotment : [],
          spend: d.spend,
        })),
    };
    return { ...input, budget };
  });
});
