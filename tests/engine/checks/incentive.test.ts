import fc from "fast-check";
import {
  costEffectivenessPercentage,
  incentiveScore,
  scoreMeasure,
  tablePercentage,
  type IncentiveMeasure,
} from "../../../src/engine/incentive/federal";

describe("45 CFR 305.33 applicable percentages", () => {
  it.each<[string, IncentiveMeasure, number, number | undefined, number]>([
    ["PEP at 80 % earns the full 100", "paternity", 80, undefined, 100],
    ["PEP at 79.9 % counts as 79 and earns 98", "paternity", 79.9, undefined, 98],
    ["PEP at 70 % earns 80", "paternity", 70, undefined, 80],
    ["PEP at 69.99 % earns 79", "paternity", 69.99, undefined, 79],
    ["PEP at 59.5 % earns 69", "paternity", 59.5, undefined, 69],
    ["PEP at 50 % earns 60", "paternity", 50, undefined, 60],
    ["PEP at 49 % without improvement earns 0", "paternity", 49, 45, 0],
    ["PEP at 49 % up exactly 10 points earns 50", "paternity", 49, 39, 50],
    ["PEP at 49 % up 9.9 points earns 0", "paternity", 49, 39.1, 0],
    ["PEP at 49 % with no prior year earns 0", "paternity", 49, undefined, 0],
    ["orders at 45 % up exactly 5 points earns 50", "orders", 45, 40, 50],
    ["orders at 45 % up 4.9 points earns 0", "orders", 45, 40.1, 0],
    ["current collections at 40 % earns 50", "current-collections", 40, undefined, 50],
    ["current collections at 41 % earns 51", "current-collections", 41, undefined, 51],
    ["current collections at 39.9 % up 3.9 points earns 0", "current-collections", 39.9, 36, 0],
    ["current collections at 39.9 % up 5 points earns 50", "current-collections", 39.9, 34.9, 50],
    ["arrears collections at 49 % earns 59 (its floor is 40 %)", "arrears-collections", 49, undefined, 59],
    ["cost-effectiveness 5.00 earns 100", "cost-effectiveness", 5.0, undefined, 100],
    ["cost-effectiveness 4.99 earns 90", "cost-effectiveness", 4.99, undefined, 90],
    ["cost-effectiveness 4.50 earns 90", "cost-effectiveness", 4.5, undefined, 90],
    ["cost-effectiveness 2.00 earns 40", "cost-effectiveness", 2.0, undefined, 40],
    ["cost-effectiveness 1.99 earns 0", "cost-effectiveness", 1.99, undefined, 0],
  ])("%s", (_name, measure, level, priorLevel, pct) => {
    expect(scoreMeasure({ measure, level, priorLevel }).applicablePct).toBe(pct);
  });

  it.each([
    [95, true, 100],
    [94.99, false, 0],
  ])("data reliability of %s % is reliable=%s and the measure earns %s", (reliabilityPct, reliable, pct) => {
    const s = scoreMeasure({ measure: "paternity", level: 85, reliabilityPct });
    expect(s).toMatchObject({ reliable, applicablePct: pct });
  });

  it.each([
    ["a NaN level", { level: NaN }, /paternity: level must be a number, got NaN/],
    [
      "an infinite prior level",
      { level: 45, priorLevel: Infinity },
      /paternity: priorLevel must be a number/,
    ],
  ])("refuses %s rather than scoring it 0", (_name, over, message) => {
    expect(() => scoreMeasure({ measure: "paternity", ...over })).toThrow(message);
  });

  it("counts 80 % computed as 0.8 * 100 and a float just under 80 the same as 80", () => {
    expect(tablePercentage(0.8 * 100, 50)).toBe(100);
    expect(tablePercentage(79.99999999999999, 50)).toBe(100);
  });

  it("weights arrears and cost-effectiveness at 75 % of the others", () => {
    const score = incentiveScore([
      { measure: "paternity", level: 90 },
      { measure: "orders", level: 70 },
      { measure: "current-collections", level: 62 },
      { measure: "arrears-collections", level: 66.2 },
      { measure: "cost-effectiveness", level: 4.6, reliabilityPct: 90 },
    ]);
    expect(score.measures.map((m) => m.applicablePct)).toEqual([100, 80, 72, 76, 0]);
    expect(score.weightedScore).toBeCloseTo(1 + 0.8 + 0.72 + 0.75 * 0.76, 12);
    expect(score.maxWeightedScore).toBe(4.5);
    expect(score.measures[4].reason).toMatch(/below the 95 % standard/);
  });

  it("never pays less for a better level", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          expect(tablePercentage(hi, 50)).toBeGreaterThanOrEqual(tablePercentage(lo, 50));
          expect(tablePercentage(hi, 40)).toBeGreaterThanOrEqual(tablePercentage(lo, 40));
          expect(costEffectivenessPercentage(hi / 10)).toBeGreaterThanOrEqual(
            costEffectivenessPercentage(lo / 10),
          );
        },
      ),
    );
  });
});
