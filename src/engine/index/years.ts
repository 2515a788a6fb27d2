/**
 * Fiscal-year summaries of an indexed series, as the flags read them. Built from the usable
 * actuals only, so a cell the checks refuse is refused here too.
 */
import { fiscalMonthOffsetOfIndex, fiscalYearOfIndex } from "../period";
import type { ScorecardIndex, SeriesData } from "./series";

/** A fiscal year's target and actual for one series. */
export interface YearSummary {
  year: number;
  target?: number;
  actual?: number;
  /** Months with a usable actual (12 for a complete monthly year, 1 for an annual row). */
  actualMonths: number;
  /** Position of the year's first row in the series (count 0: a target row only, no months). */
  first: number;
  /** Positions of the year that have a row. */
  count: number;
}

/** True for kinds that add up across months and units. Example: `additiveKind("count") === true`. */
export function additiveKind(kind: string): boolean {
  return kind === "count" || kind === "amount";
}

/**
 * Fiscal-year summaries, computed once per series and kept on it. Annual rows are taken as they
 * are. For months: the actual is the sum (counts, amounts) or, for rates and ratios,
 * SUMPRODUCT(actual, denominator) / SUM(denominator) when every month has a denominator (as the
 * checks' year to date), else the plain mean; set only when all 12 months have a usable actual.
 * The target is the `YYYY` row's when there is one, else the 12 monthly targets combined the same
 * way. Example: `yearSummaries(index, series)[0].actual`.
 */
export function yearSummaries(index: ScorecardIndex, s: SeriesData): YearSummary[] {
  return s.years ?? summarize(index, s);
}

/**
 * Every series' fiscal-year summaries at once, before the readers start: the series objects all
 * gain their summaries in one place, so code that reads them (compiled while running) sees one
 * shape of series, not some with summaries and some without. Example: `summarizeYears(index)`.
 */
export function summarizeYears(index: ScorecardIndex): void {
  for (const s of index.series) if (!s.years) summarize(index, s);
}

function summarize(index: ScorecardIndex, s: SeriesData): YearSummary[] {
  const out: YearSummary[] = [];
  if (!s.monthly) {
    for (let i = 0; i < s.length; i++) {
      if (!s.present[i]) continue;
      const a = s.actual[i];
      const t = s.target[i];
      out.push({
        year: s.start + i,
        target: t === t ? t : undefined,
        actual: a === a ? a : undefined,
        actualMonths: a === a ? 1 : 0,
        first: i,
        count: 1,
      });
    }
  } else {
    const fy = index.fyStartMonth;
    // Position of the first month of the fiscal year holding position 0 (may be negative).
    let from = -fiscalMonthOffsetOfIndex(s.start, fy);
    for (; from < s.length; from += 12) {
      const summary = summarizeMonths(s, Math.max(0, from), Math.min(s.length, from + 12), fy);
      if (summary) out.push(summary);
    }
    // A year with a target row but no months yet (next year's target) still needs a summary.
    // The months' summaries are a few years, so a scan finds one (no Set or entry arrays per
    // series), and a list already in order is left as it is (sorting it would not move anything).
    if (s.yearTargets.size > 0) addTargetOnlyYears(s.yearTargets, out);
    if (!inYearOrder(out)) out.sort((a, b) => a.year - b.year);
  }
  s.years = out;
  return out;
}

/**
 * A summary for each year with a target row and no months, after the months' summaries. Keys are
 * read one by one and a target only for a missing year: no closure or entry array per series. The
 * summary has every field, `actual` undefined, so all summaries share one shape for their readers.
 */
function addTargetOnlyYears(yearTargets: Map<number, number>, out: YearSummary[]): void {
  const monthYears = out.length;
  for (const year of yearTargets.keys()) {
    if (hasYear(out, monthYears, year)) continue;
    out.push({ year, target: yearTargets.get(year), actual: undefined, actualMonths: 0, first: 0, count: 0 });
  }
}

/** True when one of the first `count` summaries is for `year`. */
function hasYear(summaries: readonly YearSummary[], count: number, year: number): boolean {
  for (let i = 0; i < count; i++) if (summaries[i].year === year) return true;
  return false;
}

/** True when no summary's year is below the one before it (the order the sort would leave). */
function inYearOrder(summaries: readonly YearSummary[]): boolean {
  for (let i = 1; i < summaries.length; i++) if (summaries[i].year < summaries[i - 1].year) return false;
  return true;
}

function summarizeMonths(s: SeriesData, from: number, to: number, fy: number): YearSummary | undefined {
  const additive = additiveKind(s.measure.kind);
  let count = 0;
  let first = -1;
  let nA = 0;
  let sumA = 0;
  let nT = 0;
  let sumT = 0;
  let weightedSum = 0;
  let den = 0;
  let weighted = true;
  for (let i = from; i < to; i++) {
    if (!s.present[i]) continue;
    count++;
    if (first < 0) first = i;
    const a = s.actual[i];
    if (a === a) {
      nA++;
      sumA += a;
    }
    const t = s.target[i];
    if (t === t) {
      nT++;
      sumT += t;
    }
    // Weighted by the denominator alone, like the checks: an actual given beside a denominator
    // (no numerator) must not fall back to an average of percentages.
    const de = s.denominator[i];
    if (a !== a || !(de > 0) || !Number.isFinite(de)) weighted = false;
    else {
      weightedSum += a * de;
      den += de;
    }
  }
  if (count === 0) return undefined;
  const year = fiscalYearOfIndex(s.start + first, fy);
  let actual: number | undefined;
  if (nA === 12) actual = additive ? sumA : weighted ? weightedSum / den : sumA / 12;
  let target = s.yearTargets.get(year);
  if (target === undefined && nT === 12) target = additive ? sumT : sumT / 12;
  return { year, target, actual, actualMonths: nA, first, count };
}
