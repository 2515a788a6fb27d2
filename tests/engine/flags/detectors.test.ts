/**
 * Each detector on small scorecards written the way a manager's workbook reads: one measure,
 * a unit or two, a few years or months. Boundaries, directions and minimum samples.
 */
import {
  binomialUpperTail,
  benfordFirstDigit,
  densityJump,
  detectorById,
  detectors,
  firstDigit,
  narrowBins,
  runFlags,
  type DetectorKind,
  type FlagOptions,
} from "../../../src/engine/flags";
import type { MeasureDef, Observation, Scorecard } from "../../../src/engine/model";
import { addMonths } from "../../../src/engine/period";
import type { Revision } from "../../../src/engine/revisions/types";
import { generateDigits } from "./generator";
import { indexScorecard } from "../../../src/engine/index";

const measure = (over: Partial<MeasureDef> = {}): MeasureDef => ({
  id: "cases",
  name: "Cases closed",
  kind: "count",
  direction: "up",
  ...over,
});
const year = (
  period: number,
  target?: number,
  actual?: number,
  unit = "North",
  m = "cases",
): Observation => ({
  measure: m,
  unit,
  period: String(period),
  target,
  actual,
});
const months = (
  first: string,
  actuals: number[],
  extra: Partial<Observation> = {},
  unit = "North",
  m = "cases",
) =>
  actuals.map((actual, i): Observation => ({
    measure: m,
    unit,
    period: addMonths(first, i),
    actual,
    ...extra,
  }));
const card = (measures: MeasureDef[], observations: Observation[], fyStartMonth = 1): Scorecard => ({
  measures,
  units: [],
  observations,
  fyStartMonth,
});
const flagsOf = (id: DetectorKind, sc: Scorecard, opts: FlagOptions = {}) =>
  runFlags(indexScorecard(sc), { ...opts, only: [id] }).flags;

describe("lowball-prior-actual", () => {
  it("weighs last year's monthly rates by their denominators, as the status does, not an average of percentages", () => {
    // 11 small months at 50 % (10 cases each) and one big month at 95 % (1,000 cases): the year ran
    // at 90.5 %, so a target of 80 % asks for less; the plain average (53.75 %) would hide it.
    const rates = [...Array(11).fill(50), 95];
    const obs = rates.map((actual, i): Observation => ({
      measure: "cases",
      unit: "North",
      period: addMonths("2025-01", i),
      actual,
      denominator: i === 11 ? 1000 : 10,
    }));
    const sc = card([measure({ kind: "rate" })], [...obs, year(2026, 80)]);
    const [f] = flagsOf("lowball-prior-actual", sc);
    expect(f.evidence.values.priorActual).toBeCloseTo(90.54, 2);
    expect(f.severity).toBe("high");
  });
  it.each([
    ["a count target equal to last year's actual is low", measure(), 100, 100, "low"],
    ["a count target 2 % below last year's actual is medium", measure(), 98, 100, "medium"],
    ["a count target 5 % below last year's actual is high", measure(), 95, 100, "high"],
    ["a count target above last year's actual is not flagged", measure(), 101, 100, undefined],
    [
      "a lower-is-better target above last year's actual is high",
      measure({ direction: "down" }),
      11,
      10,
      "high",
    ],
    [
      "a lower-is-better target below last year's actual is not flagged",
      measure({ direction: "down" }),
      9,
      10,
      undefined,
    ],
    [
      "a rate 1 point below last year's is medium (points, not percent)",
      measure({ kind: "rate" }),
      84,
      85,
      "medium",
    ],
    ["a rate 5 points below last year's is high", measure({ kind: "rate" }), 80, 85, "high"],
    [
      "a rate already at 100 % with a 100 % target is not flagged",
      measure({ kind: "rate" }),
      100,
      100,
      undefined,
    ],
    ["a band measure is never flagged", measure({ direction: "band", lower: 5, upper: 9 }), 7, 7, undefined],
  ])("%s", (_name, m, target, prior, severity) => {
    const flags = flagsOf(
      "lowball-prior-actual",
      card([m], [year(2025, undefined, prior), year(2026, target)]),
    );
    expect(flags.map((f) => f.severity)).toEqual(severity ? [severity] : []);
  });

  it("compares only consecutive years", () => {
    expect(flagsOf("lowball-prior-actual", card([measure()], [year(2024, 0, 100), year(2026, 50)]))).toEqual(
      [],
    );
  });

  it("needs all twelve months of the prior fiscal year before summing them", () => {
    const eleven = months("2025-01", Array(11).fill(10));
    const target = { measure: "cases", unit: "North", period: "2026", target: 100 };
    expect(flagsOf("lowball-prior-actual", card([measure()], [...eleven, target]))).toEqual([]);
    const twelve = months("2025-01", Array(12).fill(10));
    const [f] = flagsOf("lowball-prior-actual", card([measure()], [...twelve, target]));
    expect(f.evidence.values).toMatchObject({ target: 100, priorActual: 120 });
  });

  it("with no stated direction flags only a target equal to the prior actual", () => {
    const sc = card(
      [measure()],
      [year(2025, undefined, 100), year(2026, 100, undefined), year(2026, 90, undefined, "South")],
    );
    sc.observations.push(year(2025, undefined, 100, "South"));
    const flags = flagsOf("lowball-prior-actual", sc, { directionUnknown: new Set(["cases"]) });
    expect(flags.map((f) => [f.unit, f.severity])).toEqual([["North", "low"]]);
  });

  it("gives a flag an id a reviewer's disposition can follow across runs", () => {
    const sc = card([measure()], [year(2025, undefined, 100), year(2026, 90)]);
    const first = runFlags(indexScorecard(sc)).flags;
    expect(first[0].id).toBe("lowball-prior-actual|cases|North|2026");
    first[0].review = { status: "dismissed", reviewer: "A. Manager", note: "caseload fell 20 %" };
    const again = runFlags(indexScorecard(card([measure()], [year(2025, undefined, 100), year(2026, 90)])), {
      previousFlags: first,
    });
    expect(again.flags[0].review).toEqual({
      status: "dismissed",
      reviewer: "A. Manager",
      note: "caseload fell 20 %",
    });
  });
});

describe("lowball-trend", () => {
  const history = [100, 110, 120, 130, 140].map((a, i) => year(2020 + i, undefined, a));
  it("flags a target well below a steady upward trend", () => {
    const [f] = flagsOf("lowball-trend", card([measure()], [...history, year(2025, 141)]));
    expect(f.evidence.values.forecast).toBeCloseTo(150, 6);
    expect(f.severity).toBe("high");
  });
  it("does not flag a target at the trend", () => {
    expect(flagsOf("lowball-trend", card([measure()], [...history, year(2025, 150)]))).toEqual([]);
  });
  it("stays silent with three years of history", () => {
    expect(flagsOf("lowball-trend", card([measure()], [...history.slice(2), year(2025, 100)]))).toEqual([]);
  });
  it("checks next year's target from monthly history before any month of that year is in", () => {
    // 24 months rising by 1 a month from 100 (no noise but a small wiggle): FY2027 should total
    // about 12 x 129.5 = 1,554 (months 24-35 of the line), so a target of 1,300 is well below the trend; 1,600 is not.
    const monthly = months(
      "2025-01",
      Array.from({ length: 24 }, (_, i) => 100 + i + (i % 2 ? 0.5 : -0.5)),
    );
    const [f] = flagsOf("lowball-trend", card([measure()], [...monthly, year(2027, 1300)]));
    expect(f.periods).toEqual(["2027"]);
    expect(f.evidence.values.forecast).toBeCloseTo(1554, -1);
    expect(flagsOf("lowball-trend", card([measure()], [...monthly, year(2027, 1600)]))).toEqual([]);
  });
});

describe("targets", () => {
  it("meet-not-beat needs three thin years, not two", () => {
    const thin = (n: number) => Array.from({ length: n }, (_, i) => year(2020 + i, 1000, 1005));
    expect(flagsOf("meet-not-beat", card([measure()], thin(2)))).toEqual([]);
    expect(flagsOf("meet-not-beat", card([measure()], thin(3)))[0].evidence.values).toMatchObject({
      thinYears: 3,
    });
  });
  it("target-cut flags a target lowered by 15 % right after it was beaten", () => {
    const [f] = flagsOf(
      "target-cut-after-strong-year",
      card([measure()], [year(2025, 100, 110), year(2026, 85)]),
    );
    expect([f.severity, f.periods]).toEqual(["high", ["2025", "2026"]]);
  });
  it("target-cut quotes the log on who set the target in force, and says when it was typed over unlogged", () => {
    const logged = (period: string, newValue: number, at: string, reason: Revision["reason"]): Revision => ({
      at,
      who: "T. Whitfield",
      source: "pane-proration",
      measure: "cases",
      unit: "North",
      period,
      field: "target",
      oldValue: null,
      newValue,
      reason,
      note: reason === "baseline" ? "" : "Two vacancies",
    });
    const sc = card([measure()], [year(2025, 100, 110), year(2026, 85)]);
    const cut = [
      logged("2025", 100, "2024-12-15T09:00:00Z", "baseline"),
      logged("2026", 85, "2026-03-02T09:00:00Z", "resources-changed"),
    ];
    const [f] = flagsOf("target-cut-after-strong-year", sc, { revisions: cut });
    expect(f.evidence.text).toMatch(
      /; logged 2026-03-02 by T\. Whitfield \(resources-changed, "Two vacancies"\)\.$/,
    );
    // Typed down to 85 while the log still says 100: still flagged, and the evidence says so.
    const typed = [cut[0], logged("2026", 100, "2025-12-15T09:00:00Z", "baseline")];
    const [g] = flagsOf("target-cut-after-strong-year", sc, { revisions: typed });
    expect(g.evidence.text).toContain(
      "the revision log last says 100 (2025-12-15, T. Whitfield): the target was changed without being logged",
    );
    // A year the grid has no target for takes the last logged one.
    const blank = card([measure()], [year(2025, 100, 110), year(2026, undefined, 50)]);
    expect(flagsOf("target-cut-after-strong-year", blank, { revisions: cut })).toHaveLength(1);
    expect(flagsOf("target-cut-after-strong-year", blank)).toHaveLength(0);
  });
  it("target-cut leaves alone a target lowered after a miss", () => {
    expect(
      flagsOf("target-cut-after-strong-year", card([measure()], [year(2025, 100, 90), year(2026, 85)])),
    ).toEqual([]);
  });
  it.each([
    [
      "from program targets passed in",
      { programTargets: [{ measure: "cases", period: "2026", target: 250 }] },
    ],
    ["from a program unit's own rows", { programUnit: "ALL" }],
  ])("unit-sum flags unit targets adding to less than the program target %s", (_n, opts: FlagOptions) => {
    const obs = [year(2026, 100, undefined, "North"), year(2026, 120, undefined, "South")];
    if (opts.programUnit) obs.push(year(2026, 250, undefined, "ALL"));
    const [f] = flagsOf("unit-sum-below-program", card([measure()], obs), opts);
    expect(f.evidence.values).toMatchObject({ unitTargetSum: 220, programTarget: 250, units: 2 });
  });
  it("below-capacity compares the target with fte x productivity", () => {
    const sc = card([measure()], [year(2026, 400)]);
    sc.units = [{ id: "North", name: "North", fte: 10, productivity: 100 }];
    const [f] = flagsOf("below-capacity", sc, { capacityMeasures: ["cases"] });
    expect([f.severity, f.evidence.values.share]).toEqual(["high", 0.4]);
    expect(flagsOf("below-capacity", sc)).toEqual([]);
  });
});

describe("timing and too-perfect detectors", () => {
  const flat = (n: number, v = 100) => Array.from({ length: n }, (_, i) => v + ((i * 7) % 5) - 2);
  it("end-of-period spike flags a last month holding a quarter of the year", () => {
    const year1 = flat(12);
    const year2 = [...flat(11), 400];
    const [f] = flagsOf("end-of-period-spike", card([measure()], months("2025-01", [...year1, ...year2])));
    expect(f.periods).toEqual(["2026-12"]);
    expect(f.evidence.values.shareRatio).toBeGreaterThan(3);
  });
  it("end-of-period spike after eleven equal months says so in words and prints no z, since there is no spread to divide by", () => {
    const [f] = flagsOf(
      "end-of-period-spike",
      card([measure()], months("2025-01", [...Array(11).fill(0), 500])),
    );
    expect(f.evidence.text).toBe(
      "2025-12 holds 100% of FY2025 (1/12 = 8.3%), while the other 11 months were all 0.",
    );
    expect(JSON.parse(JSON.stringify(f.evidence.values))).toEqual({ lastShare: 1, shareRatio: 12 });
  });
  it("lowball against a prior actual of 0 (lower is better) says so rather than printing an infinite percentage", () => {
    const sc = card([measure({ direction: "down" })], [year(2025, 3, 0), year(2026, 5)]);
    const [f] = flagsOf("lowball-prior-actual", sc);
    expect(f.evidence.text).toBe(
      "FY2026 target 5 vs FY2025 actual 0 (lower is better): easier than an actual of 0.",
    );
  });
  describe("q4 sandbagging with fewer than eight units compares a unit with its own earlier years", () => {
    const yearOf = (q4Factor: number) => [
      ...Array(9).fill(110),
      ...Array(3).fill(Math.round(110 * q4Factor)),
    ];
    const targets = [2025, 2026, 2027].map((y) => ({
      measure: "cases",
      unit: "North",
      period: String(y),
      target: 1200,
    }));
    it("flags a last quarter that collapses once the target is safe", () => {
      const obs = months("2025-01", [...yearOf(1), ...yearOf(0.95), ...yearOf(0.5)]);
      const [f] = flagsOf("q4-sandbagging", card([measure()], [...obs, ...targets]));
      expect([f.periods, f.evidence.values.earlierYears]).toEqual([["2027"], 2]);
    });
    it("leaves alone a fourth quarter that is always seasonal-low", () => {
      const obs = months("2025-01", [...yearOf(0.55), ...yearOf(0.5), ...yearOf(0.5)]);
      expect(flagsOf("q4-sandbagging", card([measure()], [...obs, ...targets]))).toEqual([]);
    });
  });
  it("end-of-period spike ignores a year without all twelve months", () => {
    expect(flagsOf("end-of-period-spike", card([measure()], months("2026-02", [...flat(10), 400])))).toEqual(
      [],
    );
  });
  it("exact hits flags a milestone matched to the unit in 6 of 24 months", () => {
    const actuals = flat(24).map((v, i) => (i % 4 === 0 ? 100 : v + 30 * Math.sin(i)));
    const obs = months("2025-01", actuals.map(Math.round), { milestone: 100 });
    expect(flagsOf("exact-hits", card([measure()], obs))[0].evidence.values.hits).toBe(6);
    expect(flagsOf("exact-hits", card([measure()], obs.slice(0, 11)))).toEqual([]);
  });
  it("exact hits says nothing about small counts, which tie with their milestone all the time", () => {
    const obs = months("2025-01", [2, 1, 2, 2, 3, 2, 2, 1, 2, 2, 2, 3, 2, 2], { milestone: 2 });
    expect(flagsOf("exact-hits", card([measure()], obs))).toEqual([]);
  });
  it("threshold bunching flags a unit piled 0-3 % above its milestone with few just below", () => {
    const spread = [0.8, 0.85, 0.88, 0.9, 0.92, 1.06, 1.08, 1.1, 1.12, 1.15, 1.2, 1.25];
    const piled = Array.from({ length: 14 }, (_, i) => 1.004 + (0.02 * i) / 14);
    const obs = months(
      "2025-01",
      [...spread, ...piled].map((r) => Math.round(r * 1000)),
      { milestone: 1000 },
    );
    const [f] = flagsOf("threshold-bunching", card([measure()], obs));
    expect([f.unit, f.evidence.values.justAbove, f.evidence.values.justBelow]).toEqual(["North", 14, 0]);
  });
  it("threshold bunching leaves alone a unit that always lands 1-3 % above with little spread", () => {
    const obs = months(
      "2025-01",
      Array.from({ length: 24 }, (_, i) => 92 + 0.3 * Math.sin(i)),
      { milestone: 90 },
    );
    expect(flagsOf("threshold-bunching", card([measure({ kind: "rate" })], obs))).toEqual([]);
  });
  it("threshold bunching does not count exact ties as just above", () => {
    const obs = months("2025-01", Array(24).fill(500), { milestone: 500 });
    expect(flagsOf("threshold-bunching", card([measure()], obs))).toEqual([]);
  });
  it("jump-reversal ignores a step change that stays (a merger), not a jump that reverses", () => {
    const xs = Array.from({ length: 24 }, (_, i) => (i < 12 ? 100 : 300) + 3 * Math.sin(i * 1.7));
    xs[12] = 330;
    expect(flagsOf("jump-reversal", card([measure()], months("2025-01", xs)))).toEqual([]);
  });
  it("jump-reversal flags a month far above both neighbours, in the good direction only", () => {
    const xs = Array.from({ length: 24 }, (_, i) => 100 + 5 * Math.sin(i * 1.7));
    xs[10] = 200;
    expect(flagsOf("jump-reversal", card([measure()], months("2025-01", xs)))[0].periods).toEqual([
      "2025-11",
    ]);
    expect(flagsOf("jump-reversal", card([measure({ direction: "down" })], months("2025-01", xs)))).toEqual(
      [],
    );
  });
});

describe("paired measures and digits", () => {
  const paired = [
    measure({ pairedWith: "quality" }),
    measure({ id: "quality", name: "Quality %", kind: "rate" }),
  ];
  const rising = (n: number) => Array.from({ length: n }, (_, i) => 100 + 5 * i + 2 * Math.sin(i * 1.3));
  const falling = (n: number) => Array.from({ length: n }, (_, i) => 95 - 0.8 * i + 0.3 * Math.sin(i * 2.1));
  it("paired divergence flags a measure rising while its control falls", () => {
    const obs = [...months("2025-01", rising(24)), ...months("2025-01", falling(24), {}, "North", "quality")];
    const [f] = flagsOf("paired-divergence", card(paired, obs));
    expect(f.evidence.values.measureT).toBeGreaterThan(3);
    expect(f.evidence.values.controlT).toBeLessThan(-3);
  });
  it("paired divergence needs a year of months", () => {
    const obs = [...months("2025-01", rising(11)), ...months("2025-01", falling(11), {}, "North", "quality")];
    expect(flagsOf("paired-divergence", card(paired, obs))).toEqual([]);
  });
  it("last-digit stays silent under 100 counts even when every one ends in 0", () => {
    const obs = months(
      "2019-01",
      Array.from({ length: 99 }, (_, i) => 100 + 10 * (i % 17)),
    );
    expect(flagsOf("last-digit", card([measure()], obs))).toEqual([]);
    const more = months(
      "2019-01",
      Array.from({ length: 120 }, (_, i) => 100 + 10 * (i % 17)),
    );
    expect(flagsOf("last-digit", card([measure()], more))[0].evidence.values.topDigit).toBe(0);
  });
  it("Benford stays silent below 800 units even when half of them invent their digits", () => {
    const small = generateDigits({ seed: 3, units: 500, fabricatedShare: 0.5 });
    expect(flagsOf("benford-first-digit", small)).toEqual([]);
    expect(
      flagsOf("benford-first-digit", generateDigits({ seed: 3, units: 1000, fabricatedShare: 0.5 })),
    ).toHaveLength(1);
  });
});

describe("validity", () => {
  it("a duplicated period with different numbers is high", () => {
    const obs = [year(2025, 10, 12), year(2025, 10, 15)];
    expect(flagsOf("duplicate-rows", card([measure()], obs))[0].severity).toBe("high");
  });
  it("a past actual revised 20 % upwards since the last snapshot is high", () => {
    const before = card([measure()], [year(2024, 100, 100), year(2025, 100, 100)]);
    const now = card([measure()], [year(2024, 100, 120), year(2025, 100, 100)]);
    const [f] = flagsOf("revised-actuals", now, { previousSnapshot: indexScorecard(before) });
    expect([f.severity, f.periods]).toEqual(["high", ["2024"]]);
  });
  it("a figure repeated eight months in a series that moves is flagged as carried forward", () => {
    const xs = Array.from({ length: 24 }, (_, i) => 500 + 7 * i + Math.round(30 * Math.sin(i * 2.1)));
    for (let i = 9; i < 17; i++) xs[i] = xs[8];
    const [f] = flagsOf("stale-periods", card([measure()], months("2025-01", xs)));
    expect(f.evidence.values.runLength).toBe(9);
  });
});

describe("statistics", () => {
  it.each([
    [10, 10, 0.5, 1 / 1024],
    [0, 10, 0.5, 1],
    [11, 10, 0.5, 0],
    [1, 1, 0.3, 0.3],
  ])("binomialUpperTail(%i, %i, %f) = %f", (k, n, p, want) => {
    expect(binomialUpperTail(k, n, p)).toBeCloseTo(want, 12);
  });
  it("Benford expectations sum to one and start at log10(2)", () => {
    const b = benfordFirstDigit();
    expect(b.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 12);
    expect(b[0]).toBeCloseTo(0.30103, 5);
  });
  it.each([
    [0.0452, 4],
    [9999, 9],
    [1, 1],
    [0, 0],
  ])("firstDigit(%f) = %i", (v, d) => expect(firstDigit(v)).toBe(d));
  it("the density jump is near zero for an even spread and positive for a pile-up above 1", () => {
    const even = Array.from({ length: 3000 }, (_, i) => 0.7 + (0.6 * i) / 3000);
    expect(Math.abs(densityJump(even)!.theta)).toBeLessThan(0.1);
    const piled = [...even, ...Array.from({ length: 300 }, (_, i) => 1 + (0.01 * i) / 300)];
    expect(densityJump(piled)!.theta).toBeGreaterThan(0.5);
  });
  it("narrow bins expect more above 1 when the density rises through it", () => {
    const rising = [0.95, 0.98, 0.99, 1.005, 1.01, 1.02, 1.035, 1.04, 1.045, 1.05, 1.055];
    expect(narrowBins(rising).pNull).toBeGreaterThan(0.5);
  });
});

describe("registry", () => {
  it.each(detectors.map((d) => [d.id, d] as const))("%s documents itself", (_id, d) => {
    expect(d.title && d.looksFor && d.statistic && d.explanation).toBeTruthy();
    expect(d.minSample).toBeGreaterThanOrEqual(1);
    expect(detectorById(d.id)).toBe(d);
  });
  it("reports rows for an undefined measure as a finding, not a crash", () => {
    const run = runFlags(indexScorecard(card([measure()], [year(2025, 1, 1, "North", "ghost")])));
    expect(run.findings.map((f) => f.code)).toEqual(["flags.unknown-measure"]);
  });
});
