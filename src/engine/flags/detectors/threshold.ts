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

/**
 * A measure's ratios, written series after series into one buffer: a series' ratios are appended,
 * tested, and kept for the measure-wide histogram or dropped again, with no array per series.
 */
interface RatioPool {
  values: Float64Array;
  length: number;
  /** One series' references (the ratio's denominators), for their median when it is needed. */
  refs: Float64Array;
}

/** Step classes: fine enough for the measure's histogram, only for a unit's own +-3 % bins, or neither. */
const FINE = 0;
const NARROW_ONLY = 1;
const COARSE = 2;

/**
 * Append one series' actual / reference ratios in the good direction (> 1 means beaten; the
 * milestone is the reference when there is one) to the pool, and return the class of the smallest
 * step a ratio can take: 1 / median reference for whole numbers, else 0 (FINE).
 */
function appendRatios(s: Series, sign: 1 | -1, pool: RatioPool): number {
  let n = pool.length;
  let refCount = 0;
  let minRef = Infinity;
  let maxRef = -Infinity;
  let whole = true;
  for (let i = 0; i < s.length; i++) {
    const a = s.actual[i];
    const ref = s.milestone[i] === s.milestone[i] || s.monthly ? s.milestone[i] : s.target[i];
    if (!(a > 0) || !(ref > 0)) continue;
    if (whole && (!Number.isInteger(a) || !Number.isInteger(ref))) whole = false;
    pool.refs[refCount++] = ref;
    if (ref < minRef) minRef = ref;
    if (ref > maxRef) maxRef = ref;
    // An exact tie is the exact-hits detector's business; here it would sit in the "above" bin.
    if (a !== ref) pool.values[n++] = sign > 0 ? a / ref : ref / a;
  }
  pool.length = n;
  if (!whole || refCount === 0) return FINE;
  // The median lies between the smallest and largest reference, so 1 / median lies between
  // 1 / largest and 1 / smallest: when both sides of a threshold agree, no median is needed.
  if (1 / minRef <= BIN) return FINE;
  if (1 / maxRef > NARROW) return COARSE;
  if (1 / maxRef > BIN && 1 / minRef <= NARROW) return NARROW_ONLY;
  const step = 1 / median(pool.refs.subarray(0, refCount) as unknown as number[]);
  return step <= BIN ? FINE : step <= NARROW ? NARROW_ONLY : COARSE;
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
export function densityJump(values: ArrayLike<number>, bin = BIN, h = BANDWIDTH): DensityJump | undefined {
  const n = values.length;
  const bins = Math.round(h / bin);
  const below = new Array<number>(bins).fill(0);
  const above = new Array<number>(bins).fill(0);
  const nWindow = histogramAroundOne(values, bin, h, below, above);
  const fAbove = localLinearAtZero(above, n, bin, h);
  const fBelow = localLinearAtZero(below, n, bin, h);
  if (!(fAbove > 0) || !(fBelow > 0)) return undefined;
  const theta = Math.log(fAbove) - Math.log(fBelow);
  const se = Math.sqrt(((24 / 5) * (1 / fAbove + 1 / fBelow)) / (n * h));
  return { theta, se, fBelow, fAbove, nWindow };
}

/**
 * Count the values within `h` of 1 into bins of width `bin` below and above it; returns how many
 * fell in. A function of its own: its loop runs over a whole measure, so it is compiled while it
 * runs, and small code with nothing after the loop compiles quickly and is not thrown away.
 */
function histogramAroundOne(
  values: ArrayLike<number>,
  bin: number,
  h: number,
  below: number[],
  above: number[],
): number {
  const bins = above.length;
  let nWindow = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - 1;
    if (d >= 0 && d < h) above[Math.min(bins - 1, Math.floor(d / bin + 1e-9))] += 1;
    else if (d < 0 && d >= -h) below[Math.min(bins - 1, Math.floor(-d / bin - 1e-9))] += 1;
    else continue;
    nWindow += 1;
  }
  return nWindow;
}

/** Local-linear fit (triangular kernel) at 0 to bin counts of `n` values, as densities at the bins' centres. */
function localLinearAtZero(counts: readonly number[], n: number, bin: number, h: number): number {
  let sw = 0;
  let swx = 0;
  let swy = 0;
  let swxx = 0;
  let swxy = 0;
  for (let i = 0; i < counts.length; i++) {
    const x = (i + 0.5) * bin;
    const y = counts[i] / (n * bin);
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
function normalShareAbove(values: ArrayLike<number>, width: number): number {
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
export function narrowBins(values: ArrayLike<number>, width = NARROW): NarrowBins {
  let below = 0;
  let above = 0;
  let outerBelow = 0;
  let outerAbove = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - 1;
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
function worthTesting(r: ArrayLike<number>, minN: number): boolean {
  let above = 0;
  let below = 0;
  for (let i = 0; i < r.length; i++) {
    const v = r[i];
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
    const pool = ratioPool(index.byMeasure.values());
    for (const list of index.byMeasure.values()) {
      const m = list[0].measure;
      const sign = goodSign(m);
      if (sign === 0 || ctx.directionUnknown?.has(m.id)) continue;
      pool.length = 0;
      for (const s of list) unitBunching(s, sign, minN, pool, flags);
      const f = measureLevel(m.id, m.name, pool.values.subarray(0, pool.length));
      if (f) flags.push(f);
    }
    return flags;
  },
};

/** A pool with room for the ratios of the largest measure and the references of the longest series. */
function ratioPool(lists: Iterable<Series[]>): RatioPool {
  let most = 0;
  let longest = 0;
  for (const list of lists) {
    let total = 0;
    for (const s of list) {
      total += s.length;
      if (s.length > longest) longest = s.length;
    }
    if (total > most) most = total;
  }
  return { values: new Float64Array(most), length: 0, refs: new Float64Array(longest) };
}

/**
 * One series: its ratios into the pool (kept there for the measure-wide test only when its step
 * is fine enough), and its own narrow-bins flag, if any, into `flags`.
 */
function unitBunching(s: Series, sign: 1 | -1, minN: number, pool: RatioPool, flags: Flag[]): void {
  const from = pool.length;
  const step = appendRatios(s, sign, pool);
  const r = pool.values.subarray(from, pool.length);
  // Counts too small to tell 1 % from 3 % apart say nothing about bunching.
  if (step !== FINE) pool.length = from;
  if (step === COARSE || !worthTesting(r, minN)) return;
  const f = unitFlag(s, r, minN);
  if (f) flags.push(f);
}

function unitFlag(s: Series, r: ArrayLike<number>, minN: number): Flag | undefined {
  const bins = narrowBins(r);
  const n = bins.above + bins.below;
  if (n < minN || bins.p >= 1e-4 || bins.above / n < 0.65) return undefined;
  return makeFlag("threshold-bunching", {
    severity: bins.p < 1e-7 ? "high" : "medium",
    measure: s.measure.id,
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
    explanation: `${s.measure.name} for this unit lands just over its milestone far more often than just under it.`,
    whatToCheck: WHAT,
  });
}

function measureLevel(measure: string, name: string, all: ArrayLike<number>): Flag | undefined {
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
