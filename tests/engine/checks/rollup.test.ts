/**
 * Roll-up membership (issue 14, decision b): a unit with no row in a fiscal year is not in the
 * program that year. The workbook-side proof is tests/workbook/skipped-year.test.ts; here the
 * invariant is checked on the engine alone for any data.
 */
import fc from "fast-check";
import { checkScorecard } from "../../../src/engine/checks";
import { indexScorecard, type SeriesData } from "../../../src/engine/index";
import type { Observation, Scorecard } from "../../../src/engine/model";
import { fiscalYearMonths, monthFromIndex } from "../../../src/engine/period";

const YEARS = [2025, 2026, 2027];

/** The roll-up's actual and milestone by period, NaN written as undefined. */
function byPeriod(s: SeriesData | undefined): Map<string, [number | undefined, number | undefined]> {
  const out = new Map<string, [number | undefined, number | undefined]>();
  if (!s) return out;
  const v = (x: number) => (Number.isNaN(x) ? undefined : x);
  for (let i = 0; i < s.length; i++)
    out.set(monthFromIndex(s.start + i), [v(s.actual[i]), v(s.milestone[i])]);
  return out;
}

function scorecard(observations: Observation[], fyStartMonth: number): Scorecard {
  return {
    measures: [{ id: "C", name: "Cases", kind: "count", direction: "up" }],
    units: [],
    observations,
    fyStartMonth,
  };
}

describe("a unit that skipped a fiscal year", () => {
  const month = fc.record({
    actual: fc.option(fc.nat(50), { nil: undefined, freq: 8 }),
    milestone: fc.nat(50),
  });
  const unitYears = fc.array(fc.array(month, { minLength: 12, maxLength: 12 }), {
    minLength: 3,
    maxLength: 3,
  });

  it("leaves that year's roll-up as if it had never been in the program, and the other years as they were", () => {
    fc.assert(
      fc.property(
        fc.array(unitYears, { minLength: 3, maxLength: 3 }),
        fc.constantFrom(1, 7, 10),
        fc.constantFrom(0, 1, 2),
        (units, fyStart, skipped) => {
          const obs = (u: number, keep: (fy: number) => boolean): Observation[] =>
            YEARS.flatMap((fy, y) =>
              keep(fy)
                ? fiscalYearMonths(fy, fyStart).map((period, m) => ({
                    measure: "C",
                    unit: `U${u}`,
                    period,
                    ...units[u][y][m],
                  }))
                : [],
            );
          const others = [1, 2].flatMap((u) => obs(u, () => true));
          // U0 skips a fiscal year between two it reports in (or, when `skipped` is 0 or 2, the first or last).
          const withGap = [...obs(0, (fy) => fy !== YEARS[skipped]), ...others];
          const asOf = fiscalYearMonths(2027, fyStart)[11];
          const rollup = (o: Observation[]) =>
            byPeriod(checkScorecard(indexScorecard(scorecard(o, fyStart)), { asOf }).rollupSeries.get("C"));
          const gap = rollup(withGap);
          const without = rollup(others);
          const full = rollup([...obs(0, () => true), ...others]);
          const skippedMonths = new Set(fiscalYearMonths(YEARS[skipped], fyStart));
          for (const [period, values] of gap) {
            if (skippedMonths.has(period)) expect(values).toEqual(without.get(period));
            else expect(values).toEqual(full.get(period));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
