/**
 * Digest guards: every flag (code, unit, measure, periods, evidence values and text, severity,
 * order) and finding of whole flag runs, pinned as SHA-256 digests taken before the detectors were
 * rewritten for speed. A change to any detector's output changes a digest; if the change is meant,
 * say why in the commit and update the digest.
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { runFlags, type FlagOptions, type FlagRun } from "../../../src/engine/flags";
import type { MeasureDef, Observation, Scorecard } from "../../../src/engine/model";
import { addMonths } from "../../../src/engine/period";
import { indexScorecard } from "../../../src/engine/index";
import { generate, generateDigits, rng } from "./generator";

function digest(runs: FlagRun[]): string {
  return createHash("sha256").update(JSON.stringify(runs)).digest("hex");
}

/** The bench's workload, smaller: lognormal counts, a rate paired with the first, a "down" measure. */
function benchLike(units: number, fyStartMonth: number, seed: number): Scorecard {
  const r = rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const count = 8;
  const measures: MeasureDef[] = Array.from({ length: count }, (_, i) => ({
    id: `m${i + 1}`,
    name: `Measure ${i + 1}`,
    kind: i === count - 1 ? "rate" : "count",
    direction: i === count - 2 ? "down" : "up",
  }));
  measures[0].pairedWith = measures[count - 1].id;
  const observations: Observation[] = [];
  for (const m of measures) {
    for (let u = 0; u < units; u++) {
      const level = m.kind === "rate" ? 85 : Math.max(40, Math.exp(Math.log(300) + 1.6 * gauss()));
      for (let t = 0; t < 36; t++) {
        const v = m.kind === "rate" ? level + 1.5 * gauss() : Math.round(level * (1 + 0.06 * gauss()));
        observations.push({
          measure: m.id,
          unit: `u${u}`,
          period: addMonths("2023-01", t),
          actual: v,
          milestone: Math.round(level),
        });
      }
      for (let y = 0; y < 3; y++)
        observations.push({
          measure: m.id,
          unit: `u${u}`,
          period: String(2023 + y),
          target: Math.round(level * 12.6),
        });
    }
  }
  return { measures, units: [], observations, fyStartMonth };
}

/** Runs with and without a previous snapshot, as the bench and the command line run them. */
function runBoth(sc: Scorecard, options: FlagOptions = {}): FlagRun[] {
  const previous = structuredClone(sc);
  for (let i = 0; i < previous.observations.length; i += 97) {
    const o = previous.observations[i];
    if (o.actual !== undefined) o.actual += 1;
  }
  const base = { programUnit: "ALL", capacityMeasures: ["m2", "c01"], ...options };
  return [
    runFlags(indexScorecard(sc), base),
    runFlags(indexScorecard(sc), { ...base, previousSnapshot: indexScorecard(previous) }),
  ];
}

describe("flag run digests", () => {
  it("the bench's kind of scorecard gives the same flags, for calendar and July fiscal years", () => {
    const runs = [...runBoth(benchLike(120, 1, 7)), ...runBoth(benchLike(120, 7, 8))];
    expect(runs[1].flags.length).toBeGreaterThan(100);
    expect(digest(runs)).toBe("ac51b1f105c20b34b2d593439ad4385f25a5f59fd4e933cd7254438c5924469a");
  });

  it("planted patterns give the same flags, with the log, unknown directions and a stricter sample", () => {
    const runs: FlagRun[] = [];
    for (const seed of [11, 22]) {
      const g = generate({ seed, units: 40, plantsPerKind: 2, measureWide: true });
      const options = {
        programUnit: g.programUnit,
        capacityMeasures: g.capacityMeasures,
        revisions: g.revisions,
      };
      runs.push(...runBoth(g.scorecard, options));
      runs.push(...runBoth({ ...g.scorecard, fyStartMonth: 4 }, options));
      runs.push(...runBoth(g.scorecard, { ...options, directionUnknown: new Set(["c02", "d01"]) }));
      runs.push(...runBoth(g.scorecard, { ...options, minSampleFactor: 0.5 }));
      runs.push(runFlags(indexScorecard(generateDigits({ seed, units: 1000, fabricatedShare: 0.5 }))));
    }
    expect(runs[0].flags.length).toBeGreaterThan(20);
    expect(digest(runs)).toBe("edac712da7fcfc525707aebb7eda4b5e8235dd1a448696d5b53f4b9acd87c285");
  });

  it("odd scorecards (blanks, NaN, bad periods, yearly rows, any fiscal start) give the same flags", () => {
    const measures: MeasureDef[] = [
      { id: "cases", name: "Cases", kind: "count", direction: "up", pairedWith: "quality" },
      { id: "wait", name: "Wait days", kind: "amount", direction: "down" },
      { id: "quality", name: "Quality %", kind: "rate", direction: "up" },
      { id: "temp", name: "Band", kind: "ratio", direction: "band", lower: 1, upper: 2 },
    ];
    const value = fc.oneof(
      fc.integer({ min: 0, max: 5000 }),
      fc.integer({ min: 90, max: 110 }),
      fc.double({ min: -10, max: 1e6, noNaN: false }),
      fc.constantFrom(NaN, Infinity, 0, 100, undefined),
    );
    const observation = fc.record({
      measure: fc.constantFrom("cases", "wait", "quality", "temp", "ghost"),
      unit: fc.constantFrom("North", "South", "ALL"),
      period: fc.oneof(
        fc.integer({ min: 0, max: 47 }).map((i) => addMonths("2023-01", i)),
        fc.integer({ min: 2020, max: 2026 }).map(String),
        fc.constantFrom("2024-13", "FY24"),
      ),
      target: value,
      actual: value,
      milestone: value,
    });
    const scorecards = fc.sample(
      fc.tuple(fc.array(observation, { maxLength: 300 }), fc.integer({ min: 1, max: 12 })),
      { seed: 42, numRuns: 200 },
    );
    const runs = scorecards.flatMap(([observations, fyStartMonth]) =>
      runBoth({
        measures,
        units: [{ id: "North", name: "North", fte: 3, productivity: 50 }],
        observations: observations as Observation[],
        fyStartMonth,
      }),
    );
    expect(runs.some((r) => r.flags.length > 0)).toBe(true);
    expect(digest(runs)).toBe("074a25aed6dcafa58eaa1b52d79e0e1f85baf74fa16828f20b4787ee6c0fa01d");
  });
});
