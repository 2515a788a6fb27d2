/**
 * Timing games inside the fiscal year: a weak last quarter once the target is safe
 * (ratchet avoidance, sandbagging) and a spike in the last month (Oyer; Liebman & Mahoney).
 */
import { mean, sampleStandardDeviation } from "simple-statistics";
import { periodAt } from "../../index/access";
import type { ScorecardIndex, SeriesData as Series } from "../../index/series";
import { yearSummaries, type YearSummary } from "../../index/years";
import type { MeasureDef } from "../../model";
import { fmt, isAdditive, makeFlag, pct, sumOf } from "../flag";
import { robustZ } from "../stats";
import type { Detector, Flag } from "../types";

interface FiscalYear {
  months: number[];
  /** Position of the year's first month in the series (its 12 months follow in fiscal order). */
  first: number;
  target?: number;
}

/** Complete fiscal years of a monthly series: year -> 12 non-negative usable actuals in fiscal order, plus the target. */
function fiscalYears(index: ScorecardIndex, s: Series): Map<number, FiscalYear> {
  const out = new Map<number, FiscalYear>();
  for (const y of yearSummaries(index, s)) {
    if (!isCompleteYear(s, y)) continue;
    // Copied by index: Array.from over a typed-array view walks the iterator protocol (50 ms a run here).
    const months = new Array<number>(12);
    for (let k = 0; k < 12; k++) months[k] = s.actual[y.first + k];
    out.set(y.year, { months, first: y.first, target: y.target });
  }
  return out;
}

/** A year `fiscalYears` keeps: all twelve months, each a usable actual of 0 or more. */
function isCompleteYear(s: Series, y: YearSummary): boolean {
  if (y.actualMonths !== 12 || y.count !== 12) return false;
  for (let k = 0; k < 12; k++) if (!(s.actual[y.first + k] >= 0)) return false;
  return true;
}

/** Sum of `count` months from a position, added in order from 0 (as `sumOf` adds a copy of them). */
function monthsSum(s: Series, from: number, count: number): number {
  let sum = 0;
  for (let k = 0; k < count; k++) sum += s.actual[from + k];
  return sum;
}

export const q4Sandbagging: Detector = {
  id: "q4-sandbagging",
  title: "Weak last quarter once the target is safe",
  looksFor:
    "a unit on pace after nine months whose fourth quarter falls well below its first three, unlike its peers (or, with fewer than 8 units, its own earlier years)",
  statistic:
    "Q4 ratio = Q4 total / average of Q1-Q3; robust z across >= 8 units of the same measure and year, else below 75 % of the unit's own weakest earlier Q4 ratio (>= 2 earlier years)",
  thresholds: {
    maxQ4Ratio: 0.8,
    maxRobustZ: -3.5,
    minPaceShare: 0.75,
    ownHistoryShare: 0.75,
    minEarlierYears: 2,
  },
  minSample: 8,
  explanation:
    "Easing off once the target is safe can keep next year's target low (the ratchet effect, Bevan & Hood).",
  run(index, ctx) {
    const flags: Flag[] = [];
    const minUnits = Math.ceil(8 * (ctx.minSampleFactor ?? 1));
    for (const list of index.byMeasure.values()) {
      const m = list[0].measure;
      if (m.direction !== "up" || !isAdditive(m)) continue;
      const rows: Q4Row[] = [];
      const byYear = new Map<number, Q4Row[]>();
      for (const s of list) if (s.monthly) addQ4Rows(index, s, rows, byYear);
      for (const [fy, yearRows] of byYear) q4FlagsOfYear(m, fy, yearRows, rows, minUnits, flags);
    }
    return flags;
  },
};

/** One series' complete years as Q4 rows (Q1-Q3 total above 0), into all rows and into their year's. */
function addQ4Rows(index: ScorecardIndex, s: Series, rows: Q4Row[], byYear: Map<number, Q4Row[]>): void {
  const years = yearSummaries(index, s);
  for (let i = 0; i < years.length; i++) {
    const y = years[i];
    if (!isCompleteYear(s, y)) continue;
    const q13 = monthsSum(s, y.first, 9);
    const q4 = monthsSum(s, y.first + 9, 3);
    if (q13 <= 0) continue;
    const row = { s, fy: y.year, ratio: q4 / (q13 / 3), ytd9: q13, target: y.target };
    rows.push(row);
    const yearRows = byYear.get(row.fy);
    if (yearRows) yearRows.push(row);
    else byYear.set(row.fy, [row]);
  }
}

/** One measure's flags for one fiscal year: against peers, or with too few, each unit's own history. */
function q4FlagsOfYear(
  m: MeasureDef,
  fy: number,
  yearRows: Q4Row[],
  rows: Q4Row[],
  minUnits: number,
  flags: Flag[],
): void {
  if (yearRows.length < minUnits) {
    for (const r of yearRows) {
      const own = rows.filter((o) => o.s === r.s && o.fy < r.fy).map((o) => o.ratio);
      const f = againstOwnHistory(m.id, m.name, r, own);
      if (f) flags.push(f);
    }
    return;
  }
  let ratios: number[] | undefined;
  for (const r of yearRows) {
    if (r.target === undefined || r.ytd9 < 0.75 * r.target || r.ratio > 0.8) continue;
    ratios ??= yearRows.map((x) => x.ratio);
    const z = robustZ(r.ratio, ratios);
    if (z > -3.5) continue;
    flags.push(
      makeFlag("q4-sandbagging", {
        severity: z <= -6 ? "high" : "medium",
        measure: m.id,
        unit: r.s.unit,
        periods: [String(fy)],
        values: {
          q4Ratio: r.ratio,
          robustZ: z,
          ytdAfterQ3: r.ytd9,
          target: r.target,
          units: yearRows.length,
        },
        text: `FY${fy}: ${pct((r.ytd9 / r.target) * 100)}% of target after Q3; Q4 ran at ${pct(r.ratio * 100)}% of the Q1-Q3 quarterly average (${Number.isFinite(z) ? `z=${fmt(z)} vs ${yearRows.length} units` : `at least half of the ${yearRows.length} units ran at exactly the same pace`}).`,
        explanation: `${m.name} slowed sharply in the last quarter of FY${fy} after the unit was already on pace for its target, unlike other units.`,
        whatToCheck:
          "Whether work was deferred into the next year (backlogs, cases opened in the first months of FY" +
          (fy + 1) +
          ").",
      }),
    );
  }
}

interface Q4Row {
  s: Series;
  fy: number;
  ratio: number;
  ytd9: number;
  target?: number;
}

/**
 * With too few peers, compare the unit with its own earlier years (>= 2): its Q4 must fall below
 * 75 % of its weakest earlier Q4 ratio, so a regular seasonal dip is not read as sandbagging.
 */
function againstOwnHistory(measure: string, name: string, r: Q4Row, own: number[]): Flag | undefined {
  if (own.length < 2 || r.target === undefined || r.ytd9 < 0.75 * r.target || r.ratio > 0.8) return undefined;
  const weakest = Math.min(...own);
  if (r.ratio > 0.75 * weakest) return undefined;
  return makeFlag("q4-sandbagging", {
    severity: "medium",
    measure,
    unit: r.s.unit,
    periods: [String(r.fy)],
    values: {
      q4Ratio: r.ratio,
      weakestEarlierQ4Ratio: weakest,
      earlierYears: own.length,
      ytdAfterQ3: r.ytd9,
      target: r.target,
    },
    text: `FY${r.fy}: ${pct((r.ytd9 / r.target) * 100)}% of target after Q3; Q4 ran at ${pct(r.ratio * 100)}% of the Q1-Q3 average, against at least ${pct(weakest * 100)}% in its ${own.length} earlier years.`,
    explanation: `${name} slowed sharply in the last quarter of FY${r.fy} after the unit was already on pace for its target, unlike its own earlier years.`,
    whatToCheck: `Whether work was deferred into the next year (backlogs, cases opened in the first months of FY${r.fy + 1}).`,
  });
}

export const endOfPeriodSpike: Detector = {
  id: "end-of-period-spike",
  title: "Spike in the last month of the year",
  looksFor:
    "a last month far above 1/12 of the year, above the unit's other months and above the same month last year",
  statistic:
    "share ratio = 12 x last month / year total; z of the last month vs months 1-11; ratio vs last year's share",
  thresholds: { minShareRatio: 1.75, minZ: 4, minVsLastYear: 1.5 },
  minSample: 12,
  explanation: "A year-end rush can mean results or spending were pushed into the year to hit a number.",
  run(index) {
    const flags: Flag[] = [];
    for (const s of index.series) if (s.monthly && isAdditive(s.measure)) spikeFlags(index, s, flags);
    return flags;
  },
};

/**
 * One series' end-of-period flags into `flags`. The share test comes first, on the index's own
 * arrays: it rules out nearly every year, and only a year that passes gets the months copied.
 */
function spikeFlags(index: ScorecardIndex, s: Series, flags: Flag[]): void {
  const summaries = yearSummaries(index, s);
  let years: Map<number, FiscalYear> | undefined;
  for (let i = 0; i < summaries.length; i++) {
    const y = summaries[i];
    if (!isCompleteYear(s, y)) continue;
    const total = monthsSum(s, y.first, 12);
    if (total <= 0 || (s.actual[y.first + 11] / total) * 12 < 1.75) continue;
    years ??= fiscalYears(index, s);
    const f = spikeFlag(s, y.year, years);
    if (f) flags.push(f);
  }
}

function spikeFlag(s: Series, fy: number, years: Map<number, FiscalYear>): Flag | undefined {
  const rec = years.get(fy)!;
  const total = sumOf(rec.months);
  const share = rec.months[11] / total;
  const ratio = share * 12;
  const rest = rec.months.slice(0, 11);
  const sd = sampleStandardDeviation(rest);
  const z = sd === 0 ? Infinity : (rec.months[11] - mean(rest)) / sd;
  if (z < 4) return undefined;
  const prior = years.get(fy - 1);
  const priorShare = prior ? prior.months[11] / sumOf(prior.months) : undefined;
  const vsPrior = priorShare && priorShare > 0 ? share / priorShare : undefined;
  if (vsPrior !== undefined && vsPrior < 1.5) return undefined;
  return makeFlag("end-of-period-spike", {
    severity: ratio >= 2.5 && vsPrior !== undefined ? "high" : "medium",
    measure: s.measure.id,
    unit: s.unit,
    periods: [periodAt(s, rec.first + 11)],
    values: {
      lastShare: share,
      shareRatio: ratio,
      z,
      ...(vsPrior !== undefined ? { vsLastYear: vsPrior } : {}),
    },
    text: `${periodAt(s, rec.first + 11)} holds ${pct(share * 100)}% of FY${fy} (1/12 = 8.3%), ${sd === 0 ? `while the other 11 months were all ${fmt(rest[0])}` : `z=${fmt(z)} vs the other months`}${vsPrior !== undefined ? `, ${fmt(vsPrior)}x last year's share` : ""}.`,
    explanation: `The last month of FY${fy} for ${s.measure.name} is far above the rest of the year.`,
    whatToCheck:
      "Transactions dated in the last month: were they real, complete, and not moved from the next year?",
  });
}
