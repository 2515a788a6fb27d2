/**
 * The demo scorecard: deterministic from its seed, the shape the issue asks for, targets that
 * add up, and the planted gaming patterns found by the flags engine.
 */
import { buildDemoData } from "../../src/workbook/demo";
import { fiscalYearMonths } from "../../src/engine/period";

describe("buildDemoData", () => {
  const demo = buildDemoData(7);
  const obs = demo.input.observations;

  it("is the same for the same seed and differs for another", () => {
    expect(buildDemoData(7)).toEqual(demo);
    expect(buildDemoData(8).input.observations).not.toEqual(obs);
  });

  it("covers 12 offices, two prior fiscal years and seven months of the current one", () => {
    expect(demo.input.units).toHaveLength(12);
    expect(demo.input.asOfMonth).toBe("2027-04");
    const months = new Set(obs.filter((o) => o.actual !== undefined).map((o) => o.period));
    expect([...months].sort()).toEqual([
      ...fiscalYearMonths(2025, 10),
      ...fiscalYearMonths(2026, 10),
      ...fiscalYearMonths(2027, 10).slice(0, 7),
    ]);
  });

  it("spreads each count target into milestones that add up to it (the proration engine's rule)", () => {
    for (const t of obs.filter((o) => o.period === "2027" && o.measure === "locates")) {
      const sum = fiscalYearMonths(2027, 10).reduce(
        (s, p) =>
          s +
          (obs.find((o) => o.measure === "locates" && o.unit === t.unit && o.period === p)?.milestone ?? 0),
        0,
      );
      expect(sum).toBe(t.target);
    }
  });

  it("prorates count targets so the offices add up to the program target", () => {
    const program = demo.input.programTargets.find((p) => p.measure === "locates" && p.fiscalYear === 2027)!;
    const units = obs
      .filter((o) => o.measure === "locates" && o.period === "2027")
      .reduce((s, o) => s + o.target!, 0);
    expect(units).toBe(program.target);
  });

  it.each(buildDemoData(7).planted.map((p) => [p.detector, p.measure, p.unit, p.how]))(
    "the flags engine finds the planted %s on %s at %s (%s)",
    (detector, measure, unit) => {
      expect(
        demo.input.flags.some((f) => f.detector === detector && f.unit === unit && f.measure === measure),
      ).toBe(true);
    },
  );

  it("keeps the flag list short enough to review", () => {
    expect(demo.input.flags.length).toBeLessThan(80);
  });

  it("takes the as-of month as an input, never the clock", () => {
    const earlier = buildDemoData(7, "2027-02");
    expect(earlier.input.asOfMonth).toBe("2027-02");
    expect(earlier.input.observations.some((o) => o.period === "2027-03" && o.actual !== undefined)).toBe(
      false,
    );
  });
});
