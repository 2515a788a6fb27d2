/** Invariants every detector run must keep, whatever the data. */
import fc from "fast-check";
import { runFlags } from "../../../src/engine/flags";
import type { MeasureDef, Observation, Scorecard } from "../../../src/engine/model";
import { addMonths } from "../../../src/engine/period";
import { indexScorecard } from "../../../src/engine/index";

const MEASURES: MeasureDef[] = [
  { id: "cases", name: "Cases", kind: "count", direction: "up", pairedWith: "quality" },
  { id: "wait", name: "Wait days", kind: "amount", direction: "down" },
  { id: "quality", name: "Quality %", kind: "rate", direction: "up" },
  { id: "temp", name: "Band", kind: "ratio", direction: "band", lower: 1, upper: 2 },
];

const value = fc.oneof(
  fc.integer({ min: 0, max: 5000 }),
  fc.double({ min: -10, max: 1e6, noNaN: false }),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, undefined),
);
const period = fc.oneof(
  fc.integer({ min: 0, max: 47 }).map((i) => addMonths("2023-01", i)),
  fc.integer({ min: 2020, max: 2026 }).map(String),
  fc.constantFrom("2024-13", "FY24", "", "2024/05"),
);
const observation = fc.record({
  measure: fc.constantFrom("cases", "wait", "quality", "temp", "ghost"),
  unit: fc.constantFrom("North", "South", "East", "ALL"),
  period,
  target: value,
  actual: value,
  milestone: value,
});
const scorecard = fc
  .tuple(fc.array(observation, { maxLength: 150 }), fc.integer({ min: 1, max: 12 }))
  .map(([observations, fyStartMonth]): Scorecard => ({
    measures: MEASURES,
    units: [{ id: "North", name: "North", fte: 3, productivity: 50 }],
    observations: observations as Observation[],
    fyStartMonth,
  }));

describe("flag invariants", () => {
  it("never throws, and every flag carries finite numbers (never NaN or Infinity, which JSON prints as null), text and a stable id", () => {
    fc.assert(
      fc.property(scorecard, (sc) => {
        const previousSnapshot = structuredClone(sc);
        const { flags } = runFlags(indexScorecard(sc), {
          previousSnapshot: indexScorecard(previousSnapshot),
          programUnit: "ALL",
          capacityMeasures: ["cases"],
        });
        for (const f of flags) {
          expect(Object.values(f.evidence.values).some((v) => Number.isNaN(v))).toBe(false);
          expect(Object.values(f.evidence.values).every((v) => Number.isFinite(v))).toBe(true);
          expect(f.evidence.text).not.toMatch(/∞|NaN|Infinity/);
          expect(f.explanation.length).toBeGreaterThan(10);
          expect(f.id).toBe([f.detector, f.measure, f.unit, f.periods.join(",")].join("|"));
        }
        expect(new Set(flags.map((f) => f.id)).size).toBe(flags.length);
      }),
      { numRuns: 150 },
    );
  });

  it("detectors that need a year of months stay silent on series shorter than that", () => {
    const short = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 11 });
    const needYear = [
      "exact-hits",
      "jump-reversal",
      "threshold-bunching",
      "stale-periods",
      "end-of-period-spike",
    ] as const;
    fc.assert(
      fc.property(
        fc.array(short, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 10_000 }),
        (units, ms) => {
          const observations: Observation[] = units.flatMap((xs, u) =>
            xs.map((actual, i) => ({
              measure: "cases",
              unit: `u${u}`,
              period: addMonths("2025-01", i),
              actual,
              milestone: ms,
            })),
          );
          const sc: Scorecard = { measures: MEASURES, units: [], observations, fyStartMonth: 1 };
          const flags = runFlags(indexScorecard(sc), { only: [...needYear] }).flags.filter(
            (f) => !("monthsBehind" in f.evidence.values),
          );
          expect(flags).toEqual([]);
        },
      ),
    );
  });

  it("the order of the rows does not change the flags (when no period is duplicated)", () => {
    fc.assert(
      fc.property(scorecard, fc.integer(), (sc, seed) => {
        const seen = new Set<string>();
        sc.observations = sc.observations.filter((o) => {
          const k = `${o.measure}|${o.unit}|${o.period}`;
          return seen.has(k) ? false : (seen.add(k), true);
        });
        const shuffled = { ...sc, observations: shuffle(sc.observations, seed) };
        const ids = (s: Scorecard) =>
          runFlags(indexScorecard(s))
            .flags.map((f) => f.id)
            .sort();
        expect(ids(shuffled)).toEqual(ids(sc));
      }),
      { numRuns: 100 },
    );
  });

  it("scaling every count by the same positive factor leaves the lowballing flags unchanged", () => {
    const yearly = fc.array(fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 })), {
      minLength: 2,
      maxLength: 6,
    });
    fc.assert(
      fc.property(yearly, fc.constantFrom(2, 10, 1000), (rows, k) => {
        const make = (factor: number): Scorecard => ({
          measures: [MEASURES[0]],
          units: [],
          observations: rows.map(([t, a], i) => ({
            measure: "cases",
            unit: "North",
            period: String(2020 + i),
            target: t * factor,
            actual: a * factor,
          })),
          fyStartMonth: 1,
        });
        const only = ["lowball-prior-actual", "target-cut-after-strong-year", "meet-not-beat"] as const;
        const ids = (s: Scorecard) =>
          runFlags(indexScorecard(s), { only: [...only] }).flags.map((f) => `${f.id}:${f.severity}`);
        expect(ids(make(k))).toEqual(ids(make(1)));
      }),
    );
  });
});

function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
