/**
 * Threshold effects (Bevan & Hood): results piled up just above the target. Across all units
 * of a measure a McCrary-style density jump at actual/target = 1; within one unit's months, an
 * exact binomial test on the narrow bins either side of 1.
 */
import type { SeriesData as Series } from "../../index/series";
import { fmt, goodSign, makeFlag } from "../flag";
import { errorFunction, mean, median, standardDeviation } from "simple-statistics";
import { binomialUpperTail } from "../stats";
import type { Detector, Flag } from "../types";

const NARROW = 0.03;
const BIN = 0.01;
const BANDWIDTH = 0.15;

interface Ratios {
  values: number[];
  /** Smallest step a ratio can take: 1 / median reference for whole numbers, else 0. */
  step: number;
}

/** actual / reference in the good direction (> 1 means beaten), using the milestone when there is one. */
function ratios(s: Series, sign: 1 | -1): Ratios {
  const values: number[] = [];
  const refs: number[] = [];
  let whole = true;
  for (let i = 0; i < s.length; i++) {
    const a = s.actual[i];
    const ref = s.milestone[i] === s.milestone[i] || s.monthly ? s.milestone[i] : s.target[i];
    if (!(a > 0) || !(ref > 0)) continue;
    if (whole && (!Number.isInteger(a) || !Number.isInteger(ref))) whole = false;
    refs.push(ref);
    // An exact tie is the exact-hits detector's business; here it would sit in the "above" bin.
    if (a !== ref) values.push(sign > 0 ? a / ref : ref / a);
  }
  return { values, step: whole && refs.length > 0 ? 1 / median(refs) : 0 };
}

export interface DensityJump {
  theta: number;
  se: number;
  fBelow: number;
  fAbove: number;
  nWindow: number;
}

/**
 * McCrary (2008) density jump at 1: local-linear fits (triangular kernel) to a fine histogram on
 * each side; theta = ln f+ - ln f-, se = sqrt((24/5)(1/f+ + 1/f-)/(n h)).
 * Example: `densityJump(ratios).theta > 0` when results bunch above 1.
 */
export function densityJump(values: readonly number[], bin = BIN, h = BANDWIDTH): DensityJump | undefined {
  const n = values.length;
  const bins = Math.round(h / bin);
  const below = new Array<number>(bins).fill(0);
  const above = new Array<number>(bins).fill(0);
  let nWindow = 0;
  for (const v of values) {
    const d = v - 1;
    if (d >= 0 && d < h) above[Math.min(bins - 1, Math.floor(d / bin + 1e-9))] += 1;
    else if (d < 0 && d >= -h) below[Math.min(bins - 1, Math.floor(-d / bin - 1e-9))] += 1;
    else continue;
    nWindow += 1;
  }
  const fAbove = localLinearAtZero(
    above.map((c, i) => [(i + 0.5) * bin, c / (n * bin)]),
    h,
  );
  const fBelow = localLinearAtZero(
    below.map((c, i) => [(i + 0.5) * bin, c / (n * bin)]),
    h,
  );
  if (!(fAbove > 0) || !(fBelow > 0)) return undefined;
  const theta = Math.log(fAbove) - Math.log(fBelow);
  const se = Math.sqrt(((24 / 5) * (1 / fAbove + 1 / fBelow)) / (n * h));
  return { theta, se, fBelow, fAbove, nWindow };
}

function localLinearAtZero(points: number[][], h: number): number {
  let sw = 0;
  let swx = 0;
  let swy = 0;
  let swxx = 0;
  let swxy = 0;
  for (const [x, y] of points) {
    const w = Math.max(0, 1 - x / h);
    sw += w;
    swx += w * x;
    swy += w * y;
    swxx += w * x * x;
    swxy += w * x * y;
  }
  const det = sw * swxx - swx * swx;
  return det === 0 ? swy / sw : (swxx * swy - swx * swxy) / det;
}

/**
 * Share of the two inner bins expected above 1 under a normal fitted to all the values: a unit
 * that always lands 1-3 % above with little spread is consistent, not bunched.
 */
function normalShareAbove(values: readonly number[], width: number): number {
  if (values.length < 2) return 0.5;
  const m = mean(values as number[]);
  const sd = standardDeviation(values as number[]);
  if (!(sd > 0)) return m >= 1 ? 0.99 : 0.5;
  const cdf = (x: number) => 0.5 * (1 + errorFunction((x - m) / (sd * Math.SQRT2)));
  const above = cdf(1 + width) - cdf(1);
  const below = cdf(1) - cdf(1 - width);
  return above + below > 0 ? above / (above + below) : 0.5;
}

export interface NarrowBins {
  below: number;
  above: number;
  /** Share expected above 1 without bunching: the larger of a locally linear density (from the next bins out) and a normal fit, 0.5-0.99. */
  pNull: number;
  p: number;
}

/**
 * Counts just below and just above 1 and the exact one-sided binomial p, against a null share
 * that allows for a sloping density (estimated from the two bins further out).
 * Example: `narrowBins([1.01, 1.02, 0.99]).above === 2`.
 */
export function narrowBins(values: readonly number[], width = NARROW): NarrowBins {
  let below = 0;
  let above = 0;
  let outerBelow = 0;
  let outerAbove = 0;
  for (const v of values) {
    const d = v - 1;
    if (d >= 0 && d < width) above += 1;
    else if (d < 0 && d >= -width) below += 1;
    else if (d >= width && d < 2 * width) outerAbove += 1;
    else if (d < -width && d >= -2 * width) outerBelow += 1;
  }
  const level = (below + above + outerBelow + outerAbove) / 4;
  const slope = (outerAbove - outerBelow) / 3;
  const linear = level > 0 ? (level + slope / 2) / (2 * level) : 0.5;
  const pNull = Math.min(0.99, Math.max(0.5, linear, normalShareAbove(values, width)));
  return { below, above, pNull, p: binomialUpperTail(above, above + below, pNull) };
}

/** Cheap pre-check: enough results near 1 and at least 65 % of them above, before any p-value. */
function worthTesting(r: readonly number[], minN: number): boolean {
  let above = 0;
  let below = 0;
  for (const v of r) {
    if (v >= 1 && v < 1 + NARROW) above++;
    else if (v < 1 && v >= 1 - NARROW) below++;
  }
  return above + below >= minN && above >= 0.65 * (above + below);
}

const WHAT =
  "Results recorded just above the target: how they were counted, and whether cases were reclassified or timed to clear the bar.";

export const thresholdBunching: Detector = {
  id: "threshold-bunching",
  title: "Results bunched just above the target",
  looksFor:
    "more results just above actual/target = 1 than just below it, across units or across one unit's months",
  statistic:
    "McCrary density jump theta (z = theta/se >= 4) when >= 200 results lie within 15 % of target; else exact binomial on +-3 % bins against a slope-adjusted null (p < 0.0001)",
  thresholds: {
    mccraryZ: 4,
    binomialP: 0.0001,
    minAboveShare: 0.65,
    narrowWidth: NARROW,
    bandwidth: BANDWIDTH,
    maxWholeNumberStepUnit: NARROW,
    maxWholeNumberStepAcrossUnits: BIN,
  },
  minSample: 12,
  explanation:
    "A pile-up just above the bar, with few just below, suggests results are managed to the threshold.",
  run(index, ctx) {
    const flags: Flag[] = [];
    const minN = Math.ceil(12 * (ctx.minSampleFactor ?? 1));
    for (const list of index.byMeasure.values()) {
      const m = list[0].measure;
      const sign = goodSign(m);
      if (sign === 0 || ctx.directionUnknown?.has(m.id)) continue;
      const all: number[] = [];
      for (const s of list) {
        const { values: r, step } = ratios(s, sign);
        // Counts too small to tell 1 % from 3 % apart say nothing about bunching.
        if (step <= BIN) for (const v of r) all.push(v);
        if (step > NARROW || !worthTesting(r, minN)) continue;
        const bins = narrowBins(r);
        const n = bins.above + bins.below;
        if (n < minN || bins.p >= 1e-4 || bins.above / n < 0.65) continue;
        flags.push(
          makeFlag("threshold-bunching", {
            severity: bins.p < 1e-7 ? "high" : "medium",
            measure: m.id,
            unit: s.unit,
            periods: [],
            values: {
              justAbove: bins.above,
              justBelow: bins.below,
              nullShareAbove: bins.pNull,
              p: bins.p,
              n: r.length,
            },
            text: `${bins.above} of ${r.length} periods landed 0-3 % above the milestone and ${bins.below} 0-3 % below (binomial p=${bins.p.toExponential(1)}).`,
            explanation: `${m.name} for this unit lands just over its milestone far more often than just under it.`,
            whatToCheck: WHAT,
          }),
        );
      }
      const f = measureLevel(m.id, m.name, all);
      if (f) flags.push(f);
    }
    return flags;
  },
};

function measureLevel(measure: string, name: string, all: number[]): Flag | undefined {
  const jump = densityJump(all);
  if (!jump || jump.nWindow < 200) return undefined;
  const z = jump.theta / jump.se;
  if (z < 4 || jump.theta < Math.log(1.3)) return undefined;
  return makeFlag("threshold-bunching", {
    severity: z >= 8 ? "high" : "medium",
    measure,
    unit: "*",
    periods: [],
    values: {
      theta: jump.theta,
      se: jump.se,
      z,
      densityBelow: jump.fBelow,
      densityAbove: jump.fAbove,
      n: all.length,
    },
    text: `Density of actual/target jumps at 1: theta=${fmt(jump.theta)} (se ${fmt(jump.se)}, z=${fmt(z)}, ${jump.nWindow} results within 15 %).`,
    explanation: `Across units, results for ${name} pile up just above the target: ${fmt(Math.exp(jump.theta))}x as dense as just below.`,
    whatToCheck: WHAT,
  });
}
