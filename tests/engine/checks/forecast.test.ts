import fc from "fast-check";
import { indexScorecard } from "../../../src/engine/index";
import { forecastWith, forecastYearEnd } from "../../../src/engine/forecast/yearend";
import type { Observation, Scorecard } from "../../../src/engine/model";
import { monthFromIndex, monthIndex } from "../../../src/engine/period";

/** A monthly series from 2024-01 with one actual per month, padded with target-only rows to the year end. */
function series(
  actuals: (number | undefined)[],
  opts: { kind?: "count" | "rate"; target?: number; direction?: "up" | "down" } = {},
) {
  const start = monthIndex("2024-01");
  const padded = [...actuals, ...Array((12 - (actuals.length % 12)) % 12).fill(undefined)];
  const observations: Observation[] = padded.map((actual, i) => ({
    measure: "M",
    unit: "U",
    period: monthFromIndex(start + i),
    target: opts.target ?? 10,
    ...(actual === undefined ? {} : { actual }),
  }));
  const card: Scorecard = {
    measures: [{ id: "M", name: "M", kind: opts.kind ?? "count", direction: opts.direction ?? "up" }],
    units: [{ id: "U", name: "U" }],
    observations,
    fyStartMonth: 1,
  };
  return indexScorecard(card).series[0];
}

const byMethod = (f: ReturnType<typeof forecastYearEnd>) =>
  Object.fromEntries(f.methods.map((m) => [m.method, m.value]));

describe("year-end forecasts on series with known answers", () => {
  it("a flat series forecasts the same total by every method", () => {
    const s = series([...Array(12).fill(10), ...Array(6).fill(10)]);
    const f = forecastYearEnd(s, 17, 1);
    expect(byMethod(f)).toEqual({ "run-rate": 120, "seasonal-run-rate": 120, "linear-trend": 120 });
    expect(f).toMatchObject({
      fiscalYear: 2025,
      monthsElapsed: 6,
      target: 120,
      likely: true,
      label: "likely to meet target (seasonal run rate)",
    });
    // One prior year: the run rate can be backtested on it (exact), the seasonal method cannot.
    expect(f.methods.find((m) => m.method === "run-rate")?.interval).toEqual([120, 120]);
    expect(f.interval).toBeUndefined();
  });

  it("a linear series is forecast exactly by the linear trend, and the run rate falls short", () => {
    const s = series([10, 11, 12, 13, 14, 15]);
    const f = forecastYearEnd(s, 5, 1);
    expect(byMethod(f)["linear-trend"]).toBeCloseTo(10 * 12 + 66, 9);
    expect(byMethod(f)["run-rate"]).toBe(150);
    expect(f).toMatchObject({ primary: "run-rate", label: "likely to meet target (run rate)" });
  });

  it("a seasonal series is forecast from last year's shares", () => {
    const lastYear = [5, 5, 5, 5, 5, 5, 15, 15, 15, 15, 15, 15];
    const s = series([...lastYear, 6, 6, 6, 6, 6, 6]);
    const f = forecastYearEnd(s, 17, 1);
    expect(byMethod(f)["seasonal-run-rate"]).toBe(144);
    expect(byMethod(f)["run-rate"]).toBe(72);
    expect(f).toMatchObject({
      target: 120,
      likely: true,
      label: "likely to meet target (seasonal run rate)",
    });
  });

  it("says unlikely and names the method when the forecast misses a lower-is-better target", () => {
    const s = series([12, 12, 12], { direction: "down" });
    expect(forecastYearEnd(s, 2, 1)).toMatchObject({
      value: 144,
      target: 120,
      likely: false,
      label: "unlikely to meet target (run rate)",
    });
  });

  it("forecasts a rate's year level, not a sum", () => {
    const s = series([90, 92, 94], { kind: "rate", target: 95 });
    const f = forecastYearEnd(s, 2, 1);
    expect(byMethod(f)["run-rate"]).toBe(92);
    // line 90 + 2k: remaining months k=3..11 average 104, so (3*92 + 9*104)/12
    expect(byMethod(f)["linear-trend"]).toBeCloseTo((3 * 92 + 9 * 104) / 12, 9);
    expect(f.label).toBe("unlikely to meet target (run rate)");
  });

  it("gives no forecast when the year to date has a gap", () => {
    expect(forecastYearEnd(series([10, undefined, 10]), 2, 1).label).toBe(
      "no forecast: the year to date has gaps",
    );
  });

  it("widens the interval by how far the method missed in prior years", () => {
    // Year 1 flat 10s; year 2 doubles in its second half; this year 10s again.
    const s = series([
      ...Array(12).fill(10),
      ...Array(6).fill(10),
      ...Array(6).fill(20),
      ...Array(6).fill(10),
    ]);
    const f = forecastYearEnd(s, 29, 1);
    expect(f.primary).toBe("seasonal-run-rate");
    // Seasonal share over both years: first halves 120 of 300 total, so 60 / 0.4.
    expect(f.value).toBeCloseTo(150, 9);
    // Backtest for year 2 (from year 1 shares): forecast 120, actual 180, miss x1.5.
    expect(f.interval).toEqual([150, 150 * 1.5]);
  });

  it("forecastWith returns the year itself once twelve months are in", () => {
    expect(forecastWith("linear-trend", { values: Array(12).fill(3), weights: [] }, 12, [], true)).toBe(36);
  });
});

describe("forecast invariants", () => {
  const positive = fc.array(fc.integer({ min: 1, max: 10000 }), { minLength: 12, maxLength: 12 });

  it("once all twelve months are in, every method gives the year's actual", () => {
    fc.assert(
      fc.property(positive, (year) => {
        for (const method of ["run-rate", "seasonal-run-rate", "linear-trend"] as const) {
          expect(forecastWith(method, { values: year, weights: [] }, 12, [], true)).toBe(
            year.reduce((a, b) => a + b, 0),
          );
        }
      }),
    );
  });

  it("scales with the year to date: twice the months so far, twice the total", () => {
    fc.assert(
      fc.property(positive, positive, fc.integer({ min: 1, max: 11 }), (lastYear, thisYear, n) => {
        const history = [{ values: lastYear, weights: [] }];
        for (const method of ["run-rate", "seasonal-run-rate", "linear-trend"] as const) {
          const once = forecastWith(method, { values: thisYear, weights: [] }, n, history, true);
          const twice = forecastWith(
            method,
            { values: thisYear.map((v) => 2 * v), weights: [] },
            n,
            history,
            true,
          );
          if (once === undefined) expect(twice).toBeUndefined();
          else expect(twice!).toBeCloseTo(2 * once, 6);
        }
      }),
    );
  });

  it("a year shaped exactly like last year is forecast exactly by the seasonal run rate", () => {
    fc.assert(
      fc.property(
        positive,
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 5 }),
        (lastYear, n, k) => {
          const thisYear = lastYear.map((v) => v * k);
          const f = forecastWith(
            "seasonal-run-rate",
            { values: thisYear, weights: [] },
            n,
            [{ values: lastYear, weights: [] }],
            true,
          );
          expect(f!).toBeCloseTo(
            thisYear.reduce((a, b) => a + b, 0),
            6,
          );
        },
      ),
    );
  });

  it("an interval always contains its forecast", () => {
    fc.assert(
      fc.property(
        fc.array(positive, { minLength: 2, maxLength: 3 }),
        positive,
        fc.integer({ min: 1, max: 11 }),
        (years, now, n) => {
          const s = series([...years.flat(), ...now.slice(0, n)]);
          const f = forecastYearEnd(s, years.length * 12 + n - 1, 1);
          for (const m of f.methods) {
            if (!m.interval) continue;
            expect(m.interval[0]).toBeLessThanOrEqual(m.value + 1e-9);
            expect(m.interval[1]).toBeGreaterThanOrEqual(m.value - 1e-9);
          }
        },
      ),
    );
  });
});
