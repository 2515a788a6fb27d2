/** What if: money moved between units moves targets at each unit's own productivity. */
import fc from "fast-check";
import { moveBudget, moveTarget, type WhatIfUnit } from "../../../src/engine/budget";
import { ProrationError } from "../../../src/engine/prorate";

// Budgets in dollars: North makes 1 result per $100, South 2.
const units: WhatIfUnit[] = [
  { id: "North", budget: 100_000, target: 1_000 },
  { id: "South", budget: 100_000, target: 2_000 },
];

describe("moving money between units", () => {
  it("moves $10,000 from North to South: North's target falls 100, South's rises 200", () => {
    const r = moveBudget(units, { from: "North", to: "South", amount: 10_000 });
    expect(r.units.map((u) => [u.id, u.budget, u.target, u.targetChange])).toEqual([
      ["North", 90_000, 900, -100],
      ["South", 110_000, 2_200, 200],
    ]);
    expect(r.programTargetChange).toBe(100);
  });

  it("moves 100 results from North to South with the $10,000 that bought them", () => {
    const r = moveTarget(units, { from: "North", to: "South", results: 100 });
    expect(r.units.map((u) => u.budgetChange)).toEqual([-10_000, 10_000]);
  });

  it("refuses to move more money than the unit has", () => {
    expect(() => moveBudget(units, { from: "North", to: "South", amount: 200_000 })).toThrow(ProrationError);
  });

  it("holds the program budget and keeps whole targets within one of their exact values", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            budget: fc.integer({ min: 1, max: 1e7 }),
            rate: fc.double({ min: 0, max: 0.1, noNaN: true }),
          }),
          {
            minLength: 2,
            maxLength: 12,
          },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, share) => {
          const us = rows.map((r, i) => ({
            id: `U${i}`,
            budget: r.budget,
            target: Math.round(r.budget * r.rate),
          }));
          const amount = Math.floor(us[0].budget * share);
          const r = moveBudget(us, { from: "U0", to: "U1", amount });
          expect(r.units.reduce((s, u) => s + u.budget, 0)).toBe(us.reduce((s, u) => s + u.budget, 0));
          r.units.forEach((u) => expect(Number.isInteger(u.target)).toBe(true));
          expect(r.programTarget).toBe(r.units.reduce((s, u) => s + u.target, 0));
        },
      ),
      { numRuns: 200 },
    );
  });
});
