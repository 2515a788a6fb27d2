import fc from "fast-check";
import {
  attainment,
  bandAttainment,
  checkScorecard,
  goodGap,
  ROLLUP_UNIT,
  trendSlope3,
} from "../../../src/engine/checks";
import type { Scorecard } from "../../../src/engine/model";
import { check, rowOf } from "./helpers";
import { indexScorecard } from "../../../src/engine/index";

const H = "measure,unit,period,milestone,actual,direction,kind,denominator";

describe("data rules come before comparisons", () => {
  it("says no-data before the first actual arrives", () => {
    const { rows } = check(
      [H, "Cases,North,2026-01,10,,up,count,", "Cases,North,2026-02,10,,up,count,"],
      "2026-02",
    );
    expect(rowOf(rows, "Cases", "North")).toMatchObject({ status: "no-data", reason: "no actual yet" });
  });

  it.each([
    ["the as-of month has no actual but an earlier one does", "10", "2026-03"],
    // The unit did report in January; its bad milestone makes January's checks insufficient,
    // not its actual unreported (the workbook's Status counts it the same way).
    ["the earlier actual's month has a bad milestone (not no-data)", "-5", "2026-02"],
  ])("says stale when %s", (_what, januaryMilestone, asOf) => {
    const { rows } = check(
      [H, `Cases,North,2026-01,${januaryMilestone},10,up,count,`, "Cases,North,2026-02,10,,up,count,"],
      asOf,
    );
    expect(rowOf(rows, "Cases", "North")).toMatchObject({
      status: "stale",
      reason: "latest actual is for 2026-01",
    });
  });

  it.each([
    ["text", "ten"],
    ["#N/A", "#N/A"],
    ["a negative count", "-4"],
  ])("says insufficient-data, not a wrong status, when the actual is %s", (_name, cell) => {
    const { rows } = check(
      [H, "Cases,North,2026-01,10,9,up,count,", `Cases,North,2026-02,10,${cell},up,count,`],
      "2026-02",
    );
    expect(rowOf(rows, "Cases", "North").status).toBe("insufficient-data");
  });

  it("says insufficient-data with a finding when a month is missing from the year to date", () => {
    const result = check(
      [H, "Cases,North,2026-01,10,9,up,count,", "Cases,North,2026-03,10,9,up,count,"],
      "2026-03",
    );
    expect(rowOf(result.rows, "Cases", "North")).toMatchObject({
      status: "insufficient-data",
      reason: "year to date is missing 2026-02",
    });
    expect(result.findings).toEqual([
      expect.objectContaining({
        code: "missing-row",
        message: "Cases / North: no row for 2026-02, between 2026-01 and 2026-03.",
        where: expect.objectContaining({ row: 3 }),
      }),
      expect.objectContaining({
        code: "missing-period",
        unit: "North",
        where: expect.objectContaining({ row: 3 }),
      }),
    ]);
  });

  it("says insufficient-data with a finding for an actual without a milestone", () => {
    const result = check(["measure,unit,period,target,actual", "Cases,North,2026-01,,9"], "2026-01");
    expect(rowOf(result.rows, "Cases", "North").status).toBe("insufficient-data");
    expect(result.findings.map((f) => f.code)).toEqual(["actual-without-milestone"]);
  });

  it("rejects an as-of that is not a period with a typed error", () => {
    expect(() => check([H], "July")).toThrow(/not a period/);
  });
});

describe("comparisons", () => {
  const lines = [
    H,
    ...[
      "2025-01,100,80",
      "2025-02,100,90",
      "2025-03,100,100",
      "2026-01,100,100",
      "2026-02,100,104",
      "2026-03,110,99",
    ].map((x) => `Visits,East,${x},up,count,`),
  ];

  it("reports period and year-to-date variance, attainment, last year and the three-period trend", () => {
    const row = rowOf(check(lines, "2026-03").rows, "Visits", "East");
    expect(row).toMatchObject({
      actual: 99,
      plan: 110,
      varianceAbs: -11,
      varianceRel: -0.1,
      attainment: 0.9,
      ytdActual: 303,
      ytdPlan: 310,
      ytdVarianceAbs: -7,
      ytdPeriods: 3,
      lastYearActual: 100,
      changeAbs: -1,
      changeRel: -0.01,
      ytdLastYearActual: 270,
      ytdChangeAbs: 33,
      trendSlope3: -0.5,
      trend: "worsening",
    });
    expect(row.ytdAttainment).toBeCloseTo(303 / 310, 12);
  });

  it("starts the year to date at the fiscal-year start month", () => {
    const row = rowOf(check(lines, "2026-03", {}, 2).rows, "Visits", "East");
    expect(row).toMatchObject({ ytdActual: 203, ytdPlan: 210, ytdPeriods: 2, fiscalYear: 2027 });
  });

  it("judges yearly rows for the last fiscal year that has ended", () => {
    const yearly = [
      "measure,unit,period,target,actual",
      "Potholes,City,2022,100,96",
      "Potholes,City,2023,100,",
    ];
    expect(rowOf(check(yearly, "2023-06").rows, "Potholes", "City")).toMatchObject({
      period: "2022",
      status: "on-track",
    });
    expect(rowOf(check(yearly, "2023").rows, "Potholes", "City")).toMatchObject({
      period: "2023",
      status: "stale",
    });
  });

  it("attainment is direction-aware and mirrors around the plan", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        (actual, plan) => {
          const up = attainment(actual, plan, "up")!;
          const down = attainment(actual, plan, "down")!;
          expect(up + down).toBeCloseTo(2, 9);
          expect(Math.sign(goodGap(actual, plan, "up"))).toBe(-Math.sign(goodGap(actual, plan, "down")) || 0);
        },
      ),
    );
  });

  it("band attainment is 1 exactly inside the band and falls outside it", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), (actual) => {
        const inside = actual >= 18 && actual <= 22;
        expect(bandAttainment(actual, 18, 22) === 1).toBe(inside);
      }),
    );
  });

  it("the three-period slope equals the least-squares slope", () => {
    expect(trendSlope3(10, 13, 14)).toBe(2);
  });
});

describe("program roll-ups", () => {
  it("weights rates by their denominator, where a naive average of percentages gives another status", () => {
    const lines = [H, "Orders %,North,2026-01,60,90,up,rate,100", "Orders %,South,2026-01,60,20,up,rate,50"];
    const row = rowOf(check(lines, "2026-01").rows, "Orders %", ROLLUP_UNIT);
    expect(row.actual).toBeCloseTo((90 * 100 + 20 * 50) / 150, 9);
    expect(row.status).toBe("on-track");
    const naive = (90 + 20) / 2;
    expect(naive - 60).toBe(-5); // an average of percentages would say at-risk
  });

  it("sums counts and their milestones", () => {
    const lines = [H, "Cases,North,2026-01,10,9,up,count,", "Cases,South,2026-01,20,21,up,count,"];
    expect(rowOf(check(lines, "2026-01").rows, "Cases", ROLLUP_UNIT)).toMatchObject({
      actual: 30,
      plan: 30,
      status: "on-track",
    });
  });

  it("refuses to average rates without denominators and says why", () => {
    const result = check(
      [H, "Orders %,North,2026-01,60,90,up,rate,", "Orders %,South,2026-01,60,20,up,rate,"],
      "2026-01",
    );
    expect(rowOf(result.rows, "Orders %", ROLLUP_UNIT).status).toBe("insufficient-data");
    expect(result.findings.map((f) => f.code)).toContain("rollup-needs-denominator");
  });

  it("is insufficient when a unit that should report has not", () => {
    const lines = [
      H,
      "Cases,North,2026-01,10,9,up,count,",
      "Cases,South,2026-01,20,,up,count,",
      "Cases,South,2026-02,20,3,up,count,",
    ];
    expect(rowOf(check(lines, "2026-01").rows, "Cases", ROLLUP_UNIT).status).toBe("insufficient-data");
  });

  it("the roll-up of counts always equals the sum of its units", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 2, maxLength: 6 }), (actuals) => {
        const card: Scorecard = {
          measures: [{ id: "C", name: "C", kind: "count", direction: "up" }],
          units: actuals.map((_, i) => ({ id: `U${i}`, name: `U${i}` })),
          observations: actuals.map((a, i) => ({
            measure: "C",
            unit: `U${i}`,
            period: "2026-01",
            milestone: 10,
            actual: a,
          })),
          fyStartMonth: 1,
        };
        const row = checkScorecard(indexScorecard(card), { asOf: "2026-01" }).rows.find((r) => r.rollup)!;
        expect(row.actual).toBe(actuals.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it("a weighted rate roll-up always lies between its units' lowest and highest rates", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            rate: fc.double({ min: 0, max: 100, noNaN: true }),
            den: fc.integer({ min: 1, max: 10000 }),
          }),
          {
            minLength: 2,
            maxLength: 6,
          },
        ),
        (units) => {
          const card: Scorecard = {
            measures: [{ id: "R", name: "R", kind: "rate", direction: "up" }],
            units: [],
            observations: units.map((u, i) => ({
              measure: "R",
              unit: `U${i}`,
              period: "2026-01",
              milestone: 80,
              actual: u.rate,
              denominator: u.den,
            })),
            fyStartMonth: 1,
          };
          const row = checkScorecard(indexScorecard(card), { asOf: "2026-01" }).rows.find((r) => r.rollup)!;
          const rates = units.map((u) => u.rate);
          expect(row.actual!).toBeGreaterThanOrEqual(Math.min(...rates) - 1e-9);
          expect(row.actual!).toBeLessThanOrEqual(Math.max(...rates) + 1e-9);
        },
      ),
    );
  });
});

describe("edge cases never leak NaN or Infinity", () => {
  it.each([
    ["a zero milestone met exactly", "Cases,N,2026-01,0,0,up,count,,", "on-track"],
    ["a zero milestone overshot on a lower-is-better count", "Cases,N,2026-01,0,5,down,count,,", "off-track"],
    ["a zero-width band missed", "Temp,N,2026-01,20,25,band,count,20,20", "off-track"],
    ["a zero-width band hit", "Temp,N,2026-01,20,20,band,count,20,20", "on-track"],
  ])("%s (row %s) gives finite numbers and the expected status", (_name, line, status) => {
    const [row] = check(
      ["measure,unit,period,milestone,actual,direction,kind,lower,upper", line],
      "2026-01",
    ).rows;
    const notFinite = Object.entries(row).filter(([, v]) => typeof v === "number" && !Number.isFinite(v));
    expect(notFinite).toEqual([]);
    expect(row.status).toBe(status);
  });
});
