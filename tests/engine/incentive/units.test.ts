/** Per-unit federal incentive scores: every county scored as the state is. */
import { checkScorecard } from "../../../src/engine/checks";
import { incentiveScore, type IncentiveMeasure } from "../../../src/engine/incentive/federal";
import { unitIncentiveScores, unitLevelsFromChecks } from "../../../src/engine/incentive/units";
import { indexScorecard } from "../../../src/engine/index";
import { buildDemoData } from "../../../src/workbook/demo";
import { INCENTIVE_KEYS } from "../../../src/workbook/sheets/incentive";

describe("per-unit incentive scores", () => {
  it("scores a county by the same tables and improvement rules as the state", () => {
    const [a, b] = unitIncentiveScores([
      { unit: "a", measure: "paternity", level: 85 },
      { unit: "a", measure: "orders", level: 62, priorLevel: 55 }, // below 70: 72 % by the table
      { unit: "a", measure: "cost-effectiveness", level: 4.2 },
      { unit: "b", measure: "paternity", level: 40, priorLevel: 29 }, // under the floor, +11 points: 50 %
    ]);
    expect(a.unit).toBe("a");
    expect(a.measures.map((m) => m.applicablePct)).toEqual([100, 72, 80]);
    expect(a.weightedScore).toBeCloseTo(1 + 0.72 + 0.75 * 0.8, 12);
    expect(a.missing).toEqual(["current-collections", "arrears-collections"]);
    expect(b.measures[0].applicablePct).toBe(50);
  });

  it("gives nothing where the data failed the reliability audit", () => {
    const [a] = unitIncentiveScores([{ unit: "a", measure: "paternity", level: 95 }], 90);
    expect(a.weightedScore).toBe(0);
  });

  it("scores each demo office from its own year to date, by the federal tables", () => {
    const { input } = buildDemoData(1);
    const scorecard = {
      measures: input.measures,
      units: input.units,
      observations: input.observations,
      fyStartMonth: 10,
    };
    const index = indexScorecard(scorecard);
    const now = checkScorecard(index, { asOf: input.asOfMonth }).rows;
    const prior = checkScorecard(index, { asOf: "2026-09" }).rows;
    const federal = new Map(
      input.measures
        .filter((m) => m.incentive)
        .map((m) => [m.id, INCENTIVE_KEYS[m.incentive!].engine as IncentiveMeasure]),
    );
    const scores = unitIncentiveScores(unitLevelsFromChecks(now, prior, federal));
    expect(scores.map((s) => s.unit)).toEqual(input.units.map((u) => u.id));
    for (const s of scores) {
      expect(s.missing).toEqual([]);
      expect(s.maxWeightedScore).toBeCloseTo(4.5, 12);
      // Independently: the federal score of this office's own levels.
      const own = [...federal].map(([id, measure]) => ({
        measure,
        level: now.find((r) => !r.rollup && r.measure === id && r.unit === s.unit)!.ytdActual!,
        priorLevel: prior.find((r) => !r.rollup && r.measure === id && r.unit === s.unit)?.ytdActual,
      }));
      expect(s.weightedScore).toBe(incentiveScore(own).weightedScore);
    }
    expect(new Set(scores.map((s) => s.weightedScore.toFixed(3))).size).toBeGreaterThan(1);
  });
});
