/**
 * `yearSummaries` finds a target-only year by a scan and skips sorting a list already in year
 * order (speed). This keeps the earlier code (a Set of years, then always a sort) as a reference
 * and checks both give the same summaries on random series: months missing, YYYY target rows for
 * years with and without months, written in any order, duplicated, and a yearly series beside.
 */
import fc from "fast-check";
import {
  indexScorecard,
  summarizeYears,
  yearSummaries,
  type ScorecardIndex,
  type SeriesData,
  type YearSummary,
} from "../../../src/engine/index";
import type { MeasureKind, Observation } from "../../../src/engine/model";
import { fiscalMonthOffsetOfIndex, fiscalYearOfIndex, monthFromIndex } from "../../../src/engine/period";

const additiveKind = (kind: string) => kind === "count" || kind === "amount";

/** The code before the change, as it was (minus the caching on the series). */
function referenceSummaries(index: ScorecardIndex, s: SeriesData): YearSummary[] {
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
    return out;
  }
  const fy = index.fyStartMonth;
  let from = -fiscalMonthOffsetOfIndex(s.start, fy);
  for (; from < s.length; from += 12) {
    const summary = referenceMonths(s, Math.max(0, from), Math.min(s.length, from + 12), fy);
    if (summary) out.push(summary);
  }
  const seen = new Set(out.map((y) => y.year));
  for (const [year, target] of s.yearTargets)
    if (!seen.has(year)) out.push({ year, target, actualMonths: 0, first: 0, count: 0 });
  out.sort((a, b) => a.year - b.year);
  return out;
}

function referenceMonths(s: SeriesData, from: number, to: number, fy: number): YearSummary | undefined {
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

const START = 2024 * 12; // 2024-01

const scorecard = fc.record({
  fyStartMonth: fc.constantFrom(1, 4, 7, 10),
  kind: fc.constantFrom<MeasureKind>("count", "rate"),
  months: fc.array(
    fc.tuple(
      fc.nat(47),
      fc.option(fc.integer({ min: 0, max: 500 })),
      fc.option(fc.integer({ min: 1, max: 90 })),
    ),
    {
      maxLength: 60,
    },
  ),
  targets: fc.array(fc.tuple(fc.integer({ min: 2021, max: 2030 }), fc.integer({ min: 1, max: 9000 })), {
    maxLength: 8,
  }),
  yearly: fc.array(
    fc.tuple(fc.integer({ min: 2020, max: 2030 }), fc.option(fc.integer({ min: 0, max: 900 }))),
    {
      maxLength: 6,
    },
  ),
});

describe("yearSummaries", () => {
  it("gives the same summaries as the earlier code on random series", () => {
    fc.assert(
      fc.property(scorecard, ({ fyStartMonth, kind, months, targets, yearly }) => {
        const observations: Observation[] = [];
        for (const [k, actual, denominator] of months)
          observations.push({
            measure: "m",
            unit: "North",
            period: monthFromIndex(START + k),
            actual: actual ?? undefined,
            denominator: denominator ?? undefined,
            target: actual === null ? undefined : 40,
          });
        for (const [year, target] of targets)
          observations.push({ measure: "m", unit: "North", period: String(year), target });
        for (const [year, actual] of yearly)
          observations.push({
            measure: "m",
            unit: "South",
            period: String(year),
            actual: actual ?? undefined,
            target: 10,
          });
        const index = indexScorecard({
          measures: [{ id: "m", name: "M", kind, direction: "up" }],
          units: [],
          observations,
          fyStartMonth,
        });
        for (const s of index.series) expect(yearSummaries(index, s)).toEqual(referenceSummaries(index, s));
        // Filled all at once (as runFlags does), the summaries are the same, and are the ones kept.
        const again = indexScorecard({
          measures: [{ id: "m", name: "M", kind, direction: "up" }],
          units: [],
          observations,
          fyStartMonth,
        });
        summarizeYears(again);
        for (const s of again.series) {
          expect(s.years).toEqual(referenceSummaries(again, s));
          expect(yearSummaries(again, s)).toBe(s.years);
        }
      }),
      { numRuns: 300 },
    );
  });
});
