/**
 * Digit tests for hand-entered figures (Nigrini): Benford's first digit across a measure's
 * values, and last-digit uniformity of a unit's whole-number counts. Silent unless n is large.
 */
import { fmt, isAdditive, makeFlag, pct } from "../flag";
import { benfordFirstDigit, chiSquare, firstDigit, meanAbsoluteDeviation } from "../stats";
import type { Detector, Flag } from "../types";

const BENFORD = benfordFirstDigit();
const UNIFORM = new Array<number>(10).fill(0.1);
/** Chi-square critical values at p = 0.0001 (8 and 9 degrees of freedom). */
const CHI_8DF_1E4 = 31.83;
const CHI_9DF_1E4 = 33.72;

export const benfordFirstDigitDetector: Detector = {
  id: "benford-first-digit",
  title: "First digits unlike Benford's law",
  looksFor: "a count or amount measure whose first digits depart from log10(1 + 1/d)",
  statistic:
    "MAD of first-digit shares (> 0.015 nonconforming, Nigrini) and chi-square (8 df, p < 0.0001) with units as the sample size",
  thresholds: { madNonconforming: 0.015, minUnits: 800, minOrdersOfMagnitude: 2, chiSquareCritical: 31.83 },
  minSample: 800,
  explanation:
    "Naturally occurring counts that span several orders of magnitude follow Benford's law; invented ones often do not.",
  run(index, ctx) {
    const flags: Flag[] = [];
    const minSeries = Math.ceil(800 * (ctx.minSampleFactor ?? 1));
    for (const list of index.byMeasure.values()) {
      const m = list[0].measure;
      if (!isAdditive(m)) continue;
      const counts = new Array<number>(9).fill(0);
      const range = [Infinity, 0];
      let seriesCount = 0;
      for (const s of list) if (tallyFirstDigits(s.actual, counts, range)) seriesCount++;
      const [lo, hi] = range;
      const n = counts.reduce((x, y) => x + y, 0);
      if (seriesCount < minSeries || n < minSeries || hi / lo < 100) continue;
      const shares = counts.map((c) => c / n);
      const mad = meanAbsoluteDeviation(shares, BENFORD);
      // A unit's months share its scale, so the test counts units, not values, as independent.
      const chi = (chiSquare(counts, BENFORD) * seriesCount) / n;
      if (mad <= 0.015 || chi <= CHI_8DF_1E4) continue;
      const worst = shares
        .map((s, i) => ({ d: i + 1, diff: s - BENFORD[i] }))
        .sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff))[0];
      flags.push(
        makeFlag("benford-first-digit", {
          severity: mad > 0.022 ? "high" : "medium",
          measure: m.id,
          unit: "*",
          periods: [],
          values: { mad, chiSquare: chi, n, worstDigit: worst.d, worstDiffPts: worst.diff * 100 },
          text: `First-digit MAD ${fmt(mad)} over ${n} values (nonconforming above 0.015); digit ${worst.d} is ${pct(worst.diff * 100)} points off Benford.`,
          explanation: `The first digits of ${m.name} do not follow the pattern natural counts usually follow.`,
          whatToCheck: `Which units' figures start with ${worst.d} unusually often or rarely, and how those figures were entered.`,
        }),
      );
    }
    return flags;
  },
};

/**
 * Add one series' first digits (values >= 1) to `counts` and widen `range` ([lo, hi]) to them;
 * true when any value counted. A function of its own, not a loop inside `run`: `run` is called
 * once per flag run, so its loops ran unoptimized, while this is called per series and compiled.
 */
function tallyFirstDigits(actual: Float64Array, counts: number[], range: number[]): boolean {
  let used = false;
  let lo = range[0];
  let hi = range[1];
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    if (!(a >= 1)) continue;
    counts[firstDigit(a) - 1] += 1;
    lo = Math.min(lo, a);
    hi = Math.max(hi, a);
    used = true;
  }
  range[0] = lo;
  range[1] = hi;
  return used;
}

/** Add one series' last digits (whole counts >= 20) to `counts`; per series, for the reason above. */
function tallyLastDigits(actual: Float64Array, counts: number[]): void {
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    if (!(a >= 20) || !Number.isInteger(a)) continue;
    counts[a % 10] += 1;
  }
}

export const lastDigit: Detector = {
  id: "last-digit",
  title: "Last digits not uniform",
  looksFor:
    "a unit whose whole-number counts (>= 20) end in some digits, such as 0 or 5, far more often than others",
  statistic:
    "chi-square of last digits against uniform (9 df, p < 0.0001) and the largest digit's excess share",
  thresholds: { minValues: 100, minExcessShare: 0.05 },
  minSample: 100,
  explanation:
    "Counted figures end in every digit about equally; estimated or invented ones favour round numbers.",
  run(index, ctx) {
    const flags: Flag[] = [];
    const minN = Math.ceil(100 * (ctx.minSampleFactor ?? 1));
    const byUnit = new Map<string, number[]>();
    for (const s of index.series) {
      if (s.measure.kind !== "count") continue;
      const counts = byUnit.get(s.unit) ?? new Array<number>(10).fill(0);
      tallyLastDigits(s.actual, counts);
      byUnit.set(s.unit, counts);
    }
    for (const [unit, counts] of byUnit) {
      const n = counts.reduce((x, y) => x + y, 0);
      if (n < minN) continue;
      const chi = chiSquare(counts, UNIFORM);
      const top = counts.indexOf(Math.max(...counts));
      const excess = counts[top] / n - 0.1;
      if (chi <= CHI_9DF_1E4 || excess < 0.05) continue;
      flags.push(
        makeFlag("last-digit", {
          severity: chi > 3 * CHI_9DF_1E4 ? "high" : "medium",
          measure: "*",
          unit,
          periods: [],
          values: { chiSquare: chi, n, topDigit: top, topShare: counts[top] / n },
          text: `${pct((counts[top] / n) * 100)}% of ${n} counts end in ${top} (10% expected); chi-square ${fmt(chi)} (critical ${CHI_9DF_1E4}).`,
          explanation: `This unit's counts end in ${top} much more often than counted figures usually do.`,
          whatToCheck:
            "Whether the figures were counted from records or estimated and rounded; check a few against source logs.",
        }),
      );
    }
    return flags;
  },
};
