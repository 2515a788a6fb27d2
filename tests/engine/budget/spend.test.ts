/** The spend plan: monthly allotments that add up to each budget to the cent. */
import fc from "fast-check";
import { paydaysPerMonth, spendPlan, type SpendSpread } from "../../../src/engine/budget";
import { fiscalYearMonths } from "../../../src/engine/period";

const plan = (budget: number, spread: SpendSpread, priorSpend?: { month: string; value: number }[]) =>
  spendPlan({
    moneyUnit: "cents",
    fiscalYear: 2027,
    fyStartMonth: 10,
    spread,
    units: [{ id: "North", budget, priorSpend }],
  }).units[0];

describe("spreading a budget over the fiscal year", () => {
  it("allots $1,200.00 evenly as $100.00 a month", () => {
    expect(plan(120_000, { kind: "even" }).perPeriod).toEqual(new Array(12).fill(10_000));
  });

  it("counts the paydays of a biweekly payroll: FY2027 from Friday 2 October 2026 has three in October and April", () => {
    const paydays = paydaysPerMonth("2026-10-02", 2027, 10);
    expect(paydays).toEqual([3, 2, 2, 2, 2, 2, 3, 2, 2, 2, 2, 2]); // October 2026 and April 2027
    expect(paydays.reduce((a, b) => a + b, 0)).toBe(26);
  });

  it("gives a three-payday month half again a two-payday month's allotment", () => {
    const months = plan(2_600_000, { kind: "payroll", firstPayday: "2026-10-02" }).perPeriod;
    expect(months[0]).toBe(300_000); // October 2026: paid on the 2nd, 16th and 30th
    expect(months[1]).toBe(200_000);
  });

  it("follows last year's spending season, with December's spike", () => {
    const prior = fiscalYearMonths(2026, 10).map((month) => ({
      month,
      value: month.endsWith("-12") ? 300 : 100,
    }));
    const months = plan(1_400_000, { kind: "seasonal" }, prior).perPeriod;
    expect(months[2]).toBe(300_000);
    expect(months[0]).toBe(100_000);
  });

  it("front-loads and back-loads on request", () => {
    const front = plan(1_200_000, { kind: "front" }).perPeriod;
    const back = plan(1_200_000, { kind: "back" }).perPeriod;
    expect(front[0]).toBeGreaterThan(front[11]);
    expect(back[11]).toBeGreaterThan(back[0]);
  });

  it("always adds up to the budget in whole cents, with a running total that never falls", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000_000 }),
        fc.constantFrom<SpendSpread>(
          { kind: "even" },
          { kind: "front" },
          { kind: "back" },
          { kind: "payroll", firstPayday: "2026-10-09" },
        ),
        (budget, spread) => {
          const u = plan(budget, spread);
          expect(u.perPeriod.every((c) => Number.isInteger(c) && c >= 0)).toBe(true);
          expect(u.perPeriod.reduce((a, b) => a + b, 0)).toBe(budget);
          expect(u.cumulative[11]).toBe(budget);
          for (let i = 1; i < 12; i += 1) expect(u.cumulative[i]).toBeGreaterThanOrEqual(u.cumulative[i - 1]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps the shape of earlier allotments for a new budget: each month within a cent of its share (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000_000 }),
        fc
          .array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 12, maxLength: 12 })
          .filter((w) => w.some((x) => x > 0)),
        (budget, weights) => {
          const u = plan(budget, { kind: "shape", weights });
          const total = weights.reduce((a, b) => a + b, 0);
          expect(u.perPeriod.reduce((a, b) => a + b, 0)).toBe(budget);
          u.perPeriod.forEach((c, i) => {
            expect(Number.isInteger(c)).toBe(true);
            expect(Math.abs(c - (budget * weights[i]) / total)).toBeLessThan(1);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
