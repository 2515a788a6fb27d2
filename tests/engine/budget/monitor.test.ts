/** The monitor: spend beside results, one sentence on both axes. */
import { monitorUnit, type MonitorInput } from "../../../src/engine/budget";

const even = new Array(12).fill(10_000);
const input = (over: Partial<MonitorInput>): MonitorInput => ({
  unit: "Howard",
  moneyUnit: "dollars",
  monthsElapsed: 6,
  allotments: even,
  spend: [11_000, 11_000, 11_000, 11_000, 11_000, 11_000],
  results: { ytdActual: 400, ytdMilestone: 500, direction: "up" },
  ...over,
});

describe("the budget-and-results monitor", () => {
  it("finds the unit behind on results while spending ahead of plan", () => {
    const row = monitorUnit(input({}));
    expect(row).toMatchObject({
      spendYtd: 66_000,
      allotmentYtd: 60_000,
      budget: 120_000,
      spendStanding: "over plan",
      resultsStanding: "behind",
      status: "Behind on results while spending ahead of plan.",
    });
    expect(row.spendVariance).toBeCloseTo(0.1, 12);
    expect(row.burnRate).toBeCloseTo(0.55, 12);
    expect(row.plannedBurn).toBe(0.5);
    expect(row.forecast).toEqual({ method: "run-rate", value: 132_000 });
    expect(row.forecastVariance).toBeCloseTo(0.1, 12);
  });

  it("reads a unit on plan on both axes plainly", () => {
    const row = monitorUnit(
      input({
        spend: new Array(6).fill(10_000),
        results: { ytdActual: 500, ytdMilestone: 500, direction: "up" },
      }),
    );
    expect(row.status).toBe("On plan for results, spending on plan.");
  });

  it("treats fewer days to close as ahead for a down measure", () => {
    const row = monitorUnit(
      input({
        spend: new Array(6).fill(10_000),
        results: { ytdActual: 20, ytdMilestone: 30, direction: "down" },
      }),
    );
    expect(row.resultsStanding).toBe("ahead");
  });

  it("forecasts spend from last year's season when there is one", () => {
    const prior = [[...new Array(6).fill(5_000), ...new Array(6).fill(15_000)]];
    const row = monitorUnit(input({ spend: new Array(6).fill(5_000), priorSpend: prior }));
    expect(row.forecast).toEqual({ method: "seasonal-run-rate", value: 120_000 });
  });

  it("says spending is not reported for every month rather than judging a gap", () => {
    const row = monitorUnit(input({ spend: [10_000, undefined, 10_000, 10_000, 10_000, 10_000] }));
    expect(row.spendYtd).toBeUndefined();
    expect(row.status).toBe("Behind on results; spending not reported for every month yet.");
  });
});
