/**
 * Too perfect (Jacob & Levitt): actuals that equal the milestone again and again, and
 * one-period jumps in the good direction that reverse the next period.
 */
import { errorFunction, median } from "simple-statistics";
import { periodAt } from "../../index/access";
import { fmt, goodSign, makeFlag, pct } from "../flag";
import { binomialUpperTail } from "../stats";
import type { SeriesData } from "../../index/series";
import type { Detector, DetectorContext, Flag } from "../types";

export const exactHits: Detector = {
  id: "exact-hits",
  title: "Actual equals the milestone again and again",
  looksFor: "periods whose actual is exactly the milestone, more often than the series' own noise allows",
  statistic:
    "hits k of n; exact binomial tail with p0 = chance of an exact tie (P(|N(0, sd)| < 0.5) for whole numbers, else 1 %); whole numbers need a median milestone >= 20",
  thresholds: { minHits: 4, maxP: 0.001, minMedianMilestone: 20 },
  minSample: 12,
  explanation:
    "Real results rarely land exactly on plan; repeated exact hits can mean the plan was copied into the actuals.",
  run(index, ctx) {
    const flags: Flag[] = [];
    const minN = Math.ceil(12 * (ctx.minSampleFactor ?? 1));
    for (const s of index.series) exactHitsOf(s, minN, flags);
    return flags;
  },
};

/**
 * One series' exact-hits flag, if any, into `flags`. Per series, not inline in `run`: `run` is
 * called once per flag run, so its loops ran unoptimized; this is called 20,000 times and compiled.
 * Only the tie count runs for every series; the rest is in a function of its own, so the compiled
 * code stays small and is not thrown away the first time a series has ties.
 */
function exactHitsOf(s: SeriesData, minN: number, flags: Flag[]): void {
  let ties = 0;
  for (let i = 0; i < s.actual.length; i++) if (isTie(s.actual[i], s.milestone[i])) ties++;
  if (ties < 4) return;
  const f = exactHitsFlag(s, minN, ties);
  if (f) flags.push(f);
}

/**
 * The flag for a series with `k` ties (a tie needs both values, so `k` counts the hits among the
 * periods that have both). One pass gathers what the test needs, with no array per series: the
 * milestones' median is taken only when their range straddles the threshold it is compared with.
 */
function exactHitsFlag(s: SeriesData, minN: number, k: number): Flag | undefined {
  let n = 0;
  let whole = true;
  let lowest = Infinity;
  let highest = -Infinity;
  let misses = 0;
  let squares = 0;
  for (let i = 0; i < s.length; i++) {
    const a = s.actual[i];
    const ms = s.milestone[i];
    if (a !== a || ms !== ms) continue;
    if (!Number.isInteger(a) || !Number.isInteger(ms)) whole = false;
    n++;
    const d = a - ms;
    if (d !== 0) {
      misses++;
      squares += d * d;
    }
    const size = Math.abs(ms);
    if (size < lowest) lowest = size;
    if (size > highest) highest = size;
  }
  if (n < minN || k < 4) return undefined;
  // Small whole numbers (a handful a month) tie with their milestone all the time: not evidence.
  if (whole && lowest < 20 && (highest < 20 || milestoneMedian(s) < 20)) return undefined;
  const sd = misses >= 2 ? Math.sqrt(squares / misses) : 0;
  // Chance that a whole-number actual rounds onto its milestone: P(|N(0, sd)| < 0.5).
  const p0 = whole
    ? Math.min(0.95, Math.max(0.01, sd > 0 ? errorFunction(0.5 / (sd * Math.SQRT2)) : 0.5))
    : 0.01;
  const p = binomialUpperTail(k, n, p0);
  if (p >= 0.001) return undefined;
  const hits: string[] = [];
  for (let i = 0; i < s.length && hits.length < 3; i++)
    if (isTie(s.actual[i], s.milestone[i])) hits.push(periodAt(s, i));
  return makeFlag("exact-hits", {
    severity: p < 1e-6 ? "high" : "medium",
    measure: s.measure.id,
    unit: s.unit,
    periods: [],
    values: { hits: k, n, chancePerPeriod: p0, p },
    text: `Actual equals the milestone exactly in ${k} of ${n} periods (chance per period ~${pct(p0 * 100)}%, p=${p.toExponential(1)}).`,
    explanation: `${s.measure.name} matches its milestone to the last digit in ${k} of ${n} periods, more often than chance would give.`,
    whatToCheck: `The source records behind ${hits.join(", ")}${k > 3 ? ", ..." : ""}: were actuals counted or copied from the plan?`,
  });
}

/** Median size of the milestones of the periods that have both values. */
function milestoneMedian(s: SeriesData): number {
  const sizes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const a = s.actual[i];
    const ms = s.milestone[i];
    if (a === a && ms === ms) sizes.push(Math.abs(ms));
  }
  return median(sizes);
}

/** Equal up to floating-point noise; false when either is missing (NaN). */
function isTie(actual: number, milestone: number): boolean {
  return Math.abs(actual - milestone) <= 1e-9 * Math.max(1, Math.abs(milestone));
}

export const jumpReversal: Detector = {
  id: "jump-reversal",
  title: "A jump that reverses the next period",
  looksFor:
    "a period far better than both neighbours (in the good direction), i.e. a gain that does not last",
  statistic:
    "spike = x_t - (x_{t-1} + x_{t+1})/2, robust z against the series' own spikes (median / 1.4826 MAD)",
  thresholds: { minRobustZ: 6, minRelativeJump: 0.3, minStepEachSide: 0.15, minReversalShare: 0.5 },
  minSample: 12,
  explanation:
    "Gains that vanish the next period were, in Jacob & Levitt's classrooms, a sign of manipulated results.",
  run(index, ctx) {
    const flags: Flag[] = [];
    const minN = Math.ceil(12 * (ctx.minSampleFactor ?? 1));
    for (const s of index.series) jumpReversalsOf(s, ctx, minN, flags);
    return flags;
  },
};

/**
 * One series' jump-reversal flags into `flags` (per series, for the reason given at `exactHitsOf`).
 * A first pass over the index's arrays looks for a period 30 % above its neighbours; only a series
 * with one gets its values copied and its spikes' medians taken.
 */
function jumpReversalsOf(s: SeriesData, ctx: DetectorContext, minN: number, flags: Flag[]): void {
  const sign = goodSign(s.measure);
  if (sign === 0 || !s.monthly || ctx.directionUnknown?.has(s.measure.id)) return;
  if (hasJumpCandidate(s, sign, minN)) jumpReversalFlags(s, sign, flags);
}

/** At least `minN` actuals, and one of them (not the first or last) 30 % above its neighbours' mean in the good direction. */
function hasJumpCandidate(s: SeriesData, sign: 1 | -1, minN: number): boolean {
  let count = 0;
  let before = NaN;
  let middle = NaN;
  let candidate = false;
  for (let i = 0; i < s.length; i++) {
    const after = s.actual[i];
    if (after !== after) continue;
    if (count >= 2) {
      const spike = sign * (middle - (before + after) / 2);
      const base = Math.abs((before + after) / 2);
      if (spike >= 0.3 * base && spike > 0) candidate = true;
    }
    before = middle;
    middle = after;
    count++;
  }
  return count >= minN && candidate;
}

function jumpReversalFlags(s: SeriesData, sign: 1 | -1, flags: Flag[]): void {
  // Positions with an actual; periods are looked up only for a flag.
  const at: number[] = [];
  for (let i = 0; i < s.length; i++) if (s.actual[i] === s.actual[i]) at.push(i);
  const xs = at.map((i) => s.actual[i]);
  const spikes: number[] = [];
  for (let t = 1; t < xs.length - 1; t++) spikes.push(sign * (xs[t] - (xs[t - 1] + xs[t + 1]) / 2));
  const med = median(spikes);
  const abs = spikes.map((v) => Math.abs(v - med));
  const scale = 1.4826 * median(abs);
  if (!(scale > 0)) return;
  for (let j = 0; j < spikes.length; j++) {
    const z = (spikes[j] - med) / scale;
    if (z < 6) continue; // most spikes: the rest of the test is not needed
    const t = j + 1;
    const base = Math.abs((xs[t - 1] + xs[t + 1]) / 2);
    const rel = base > 0 ? spikes[j] / base : Infinity;
    // Both the jump in and the fall back must be real, so a spike's neighbours are not flagged as dips.
    const stepIn = sign * (xs[t] - xs[t - 1]);
    const stepOut = sign * (xs[t] - xs[t + 1]);
    const steps = Math.min(stepIn, stepOut);
    // A level shift (a merger, a new service) is not a reversal: the fall back must undo half the jump.
    const reverses = steps >= 0.5 * Math.max(stepIn, stepOut);
    if (z < 6 || rel < 0.3 || !reverses || !(base > 0 ? steps / base >= 0.15 : steps > 0)) continue;
    flags.push(
      makeFlag("jump-reversal", {
        severity: z >= 10 ? "high" : "medium",
        measure: s.measure.id,
        unit: s.unit,
        periods: [periodAt(s, at[t])],
        values: { before: xs[t - 1], value: xs[t], after: xs[t + 1], robustZ: z, relativeJump: rel },
        text: `${periodAt(s, at[t])}: ${fmt(xs[t])} between ${fmt(xs[t - 1])} and ${fmt(xs[t + 1])} (${Number.isFinite(rel) ? `${pct(rel * 100)}% above its neighbours` : "up from 0 either side"}, z=${pct(z)}).`,
        explanation: `${s.measure.name} improved sharply in ${periodAt(s, at[t])} and fell straight back the next period.`,
        whatToCheck: `What happened in ${periodAt(s, at[t])}: a genuine one-off, a data-entry slip, or results moved between periods.`,
      }),
    );
  }
}
