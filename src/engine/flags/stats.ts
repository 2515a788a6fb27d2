/**
 * The few statistics simple-statistics lacks: the exact binomial tail, Benford's
 * first-digit expectations and MAD, chi-square critical values, robust z and OLS with
 * standard errors. Everything else comes from simple-statistics.
 */
import { chiSquaredDistributionTable, gammaln, median, medianAbsoluteDeviation } from "simple-statistics";

/** P(X >= k) for X ~ Binomial(n, p), exact in log space. Example: `binomialUpperTail(10, 10, 0.5) ≈ 0.000977`. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  const lnN = gammaln(n + 1);
  let total = 0;
  for (let i = k; i <= n; i++) {
    total += Math.exp(lnN - gammaln(i + 1) - gammaln(n - i + 1) + i * lp + (n - i) * lq);
  }
  return Math.min(1, total);
}

/** Benford first-digit shares log10(1 + 1/d), d = 1..9. Example: `benfordFirstDigit()[0] ≈ 0.30103`. */
export function benfordFirstDigit(): number[] {
  return Array.from({ length: 9 }, (_, i) => Math.log10(1 + 1 / (i + 1)));
}

/** First significant digit of a positive number, or 0. Example: `firstDigit(0.0452) === 4`. */
export function firstDigit(value: number): number {
  let v = Math.abs(value);
  if (!Number.isFinite(v) || v === 0) return 0;
  // Scaling by powers of ten is several times faster than log10 and pow on large runs.
  while (v >= 1e6) v /= 1e6;
  while (v >= 10) v /= 10;
  while (v < 1) v *= 10;
  return Math.min(9, Math.max(1, Math.floor(v)));
}

/** Mean absolute deviation of observed shares from expected. Example: `meanAbsoluteDeviation([0.5,0.5],[0.5,0.5]) === 0`. */
export function meanAbsoluteDeviation(observed: readonly number[], expected: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < expected.length; i++) s += Math.abs(observed[i] - expected[i]);
  return s / expected.length;
}

/** Pearson chi-square of counts against expected shares. Example: `chiSquare([5,5],[0.5,0.5]) === 0`. */
export function chiSquare(counts: readonly number[], expectedShares: readonly number[]): number {
  const n = counts.reduce((a, b) => a + b, 0);
  let s = 0;
  for (let i = 0; i < counts.length; i++) {
    const e = n * expectedShares[i];
    s += ((counts[i] - e) * (counts[i] - e)) / e;
  }
  return s;
}

/** Chi-square critical value at the 0.5 % level for df degrees of freedom. Example: `chiSquareCritical(9) === 23.59`. */
export function chiSquareCritical(df: number): number {
  const row = (chiSquaredDistributionTable as unknown as Record<number, Record<string, number>>)[df];
  if (!row) throw new RangeError(`no chi-square table row for ${df} degrees of freedom`);
  return row["0.005"];
}

/** Robust z of a value against a sample: (x - median) / (1.4826 MAD). Example: `robustZ(10, [1,2,3])`. */
export function robustZ(value: number, sample: readonly number[]): number {
  const med = median(sample as number[]);
  const scale = 1.4826 * medianAbsoluteDeviation(sample as number[]);
  if (scale === 0) return value === med ? 0 : Math.sign(value - med) * Infinity;
  return (value - med) / scale;
}

export interface Ols {
  slope: number;
  intercept: number;
  /** Residual standard deviation. */
  residualSd: number;
  slopeSe: number;
  n: number;
  xMean: number;
  sxx: number;
}

/**
 * Least squares y on x with standard errors (n >= 3), over the first `n` points (all by default,
 * so a caller can fit a window held in a reused buffer). Example: `ols([0,1,2],[1,2,3]).slope === 1`.
 */
export function ols(x: ArrayLike<number>, y: ArrayLike<number>, n = x.length): Ols {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = my - slope * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i] - intercept - slope * x[i]) ** 2;
  const residualSd = n > 2 ? Math.sqrt(sse / (n - 2)) : 0;
  const slopeSe = sxx === 0 ? Infinity : residualSd / Math.sqrt(sxx);
  return { slope, intercept, residualSd, slopeSe, n, xMean: mx, sxx };
}

/**
 * Reusable buffers for the points of a fit over a window: a detector fits one window per series,
 * and needs its points only while the fit is computed. Example: `const w = points.room(24)`.
 */
export class FitPoints {
  x = new Float64Array(64);
  y = new Float64Array(64);

  /** These buffers, grown to hold at least `n` points. */
  room(n: number): this {
    if (this.x.length < n) {
      this.x = new Float64Array(2 * n);
      this.y = new Float64Array(2 * n);
    }
    return this;
  }
}

const T99: Record<number, number> = {
  1: 31.821,
  2: 6.965,
  3: 4.541,
  4: 3.747,
  5: 3.365,
  6: 3.143,
  7: 2.998,
  8: 2.896,
  10: 2.764,
  15: 2.602,
  20: 2.528,
  30: 2.457,
  60: 2.39,
  120: 2.358,
};

/** One-sided 99 % Student t quantile (conservative between table rows). Example: `tQuantile99(5) === 3.365`. */
export function tQuantile99(df: number): number {
  if (df >= 1000) return 2.326;
  // The largest tabled df not above it (none for NaN, as before: undefined).
  const limit = Math.max(1, df);
  let below = NaN;
  for (const k of T99_DF) if (k <= limit) below = k;
  return T99[below];
}

/** T99's degrees of freedom, ascending (integer keys enumerate in ascending order), listed once, not per call. */
const T99_DF = Object.keys(T99).map(Number);
