/**
 * Data validity (TEMPO's data validity and verification): duplicated rows, figures carried
 * forward or no longer reported, and past actuals revised since an earlier snapshot.
 */
import type { Observation } from "../../model";
import { periodKey } from "../../index/series";
import { periodAt } from "../../index/access";
import type { SeriesData as Series } from "../../index/series";
import { finite, fmt, gapOf, goodSign, makeFlag, pct } from "../flag";
import { SameUnit } from "../sameUnit";
import type { Detector, Flag } from "../types";

const same = (a: number | undefined, b: number | undefined) => (a === undefined ? b === undefined : a === b);

/** Repeats in a scorecard built in code; files Yardstick reads report them as `duplicate-row` findings instead (docs/flags.md). */
export const duplicateRows: Detector = {
  id: "duplicate-rows",
  title: "The same period reported twice",
  looksFor: "more than one row for one measure, unit and period",
  statistic: "number of extra rows; whether their values agree",
  thresholds: {},
  minSample: 1,
  explanation: "A second row for the same period is either double counting or a conflicting correction.",
  run(index) {
    const flags: Flag[] = [];
    for (const s of index.series) {
      if (s.duplicates.length === 0) continue;
      const firstOf = (period: string): Observation => {
        const key = periodKey(period);
        return s.observations[s.rowOf[key - s.start]];
      };
      const periods = [...new Set(s.duplicates.map((o) => o.period))];
      const conflicting = s.duplicates.filter((d) => {
        const f = firstOf(d.period);
        return !same(finite(f.actual), finite(d.actual)) || !same(finite(f.target), finite(d.target));
      }).length;
      flags.push(
        makeFlag("duplicate-rows", {
          severity: conflicting > 0 ? "high" : "medium",
          measure: s.measure.id,
          unit: s.unit,
          periods,
          values: { extraRows: s.duplicates.length, conflicting },
          text: `${s.duplicates.length} extra row(s) for ${periods.slice(0, 4).join(", ")}${periods.length > 4 ? ", ..." : ""}; ${conflicting} with different values.`,
          explanation: `${s.measure.name} has more than one row for the same period${conflicting > 0 ? ", with different numbers" : ""}; only the first is used.`,
          whatToCheck: "Which row is right; remove the other so totals are not double counted.",
        }),
      );
    }
    return flags;
  },
};

export const stalePeriods: Detector = {
  id: "stale-periods",
  title: "Figures carried forward or no longer reported",
  looksFor:
    "the same actual several periods running, more often than the series' own variation allows, or a unit whose reporting stopped before its peers'",
  statistic:
    "longest run of identical actuals (0 and 100 % excluded); chance = periods x p_equal^(run-1), p_equal from the spread of period-to-period changes",
  thresholds: { minRun: 3, maxChance: 0.001, minMonthsBehind: 2 },
  minSample: 12,
  explanation:
    "Numbers that stop changing, or stop arriving, are often carried forward rather than measured.",
  run(index, ctx) {
    const flags: Flag[] = [];
    const minN = Math.ceil(12 * (ctx.minSampleFactor ?? 1));
    for (const list of index.byMeasure.values()) {
      let latest = -Infinity;
      const lastOf = list.map((s) => {
        let last = -1;
        for (let i = 0; i < s.actual.length; i++) if (s.actual[i] === s.actual[i]) last = i;
        if (s.monthly && last >= 0) latest = Math.max(latest, s.start + last);
        return last;
      });
      list.forEach((s, k) => {
        const run = carriedForward(s, minN);
        if (run) flags.push(run);
        const last = lastOf[k];
        const behind = last >= 0 ? latest - (s.start + last) : 0;
        if (!s.monthly || last < 0 || behind < 2 || list.length < 3) return;
        flags.push(
          makeFlag("stale-periods", {
            severity: behind >= 6 ? "high" : "medium",
            measure: s.measure.id,
            unit: s.unit,
            periods: [periodAt(s, last)],
            values: { monthsBehind: behind },
            text: `Last actual ${periodAt(s, last)}, ${behind} months behind the other units.`,
            explanation: `${s.measure.name} has no actual for the last ${behind} months while other units have reported.`,
            whatToCheck:
              "Whether the unit stopped reporting, and what its results for the missing months are.",
          }),
        );
      });
    }
    return flags;
  },
};

/** The longest run of identical actuals, flagged when its chance under the series' own changes is tiny. */
function carriedForward(s: Series, minN: number): Flag | undefined {
  if (!hasRepeat(s.actual)) return undefined;
  const xs: number[] = [];
  // Positions of the actuals: periods are looked up only for the run a flag names.
  const positions: number[] = [];
  for (let i = 0; i < s.actual.length; i++) {
    if (s.actual[i] !== s.actual[i]) continue;
    xs.push(s.actual[i]);
    positions.push(i);
  }
  if (xs.length < minN) return undefined;
  const rate = s.measure.kind === "rate";
  let best = { from: 0, length: 1 };
  let start = 0;
  for (let i = 1; i <= xs.length; i++) {
    if (i < xs.length && xs[i] === xs[start]) continue;
    const v = xs[start];
    if (i - start > best.length && v !== 0 && !(rate && v === 100)) best = { from: start, length: i - start };
    start = i;
  }
  if (best.length < 3) return undefined;
  const diffs: number[] = [];
  let decimals = 0;
  for (let i = 1; i < xs.length; i++) {
    if (i > best.from && i < best.from + best.length) continue;
    diffs.push(xs[i] - xs[i - 1]);
    decimals = Math.max(decimals, decimalsOf(xs[i]));
  }
  const sd = Math.sqrt(diffs.reduce((a, d) => a + d * d, 0) / Math.max(1, diffs.length));
  const step = 10 ** -Math.min(4, decimals);
  const pEqual = sd > 0 ? Math.min(1, step / (sd * Math.sqrt(2 * Math.PI))) : 1;
  const chance = xs.length * pEqual ** (best.length - 1);
  if (chance >= 0.001) return undefined;
  const run = positions.slice(best.from, best.from + best.length).map((i) => periodAt(s, i));
  const value = xs[best.from];
  return makeFlag("stale-periods", {
    severity: chance < 1e-6 ? "high" : "medium",
    measure: s.measure.id,
    unit: s.unit,
    periods: run,
    values: { runLength: run.length, value, chance },
    text: `Actual ${fmt(value)} repeated in ${run.length} consecutive periods (${run[0]} to ${run[run.length - 1]}); chance about ${chance.toExponential(1)} given its usual changes.`,
    explanation: `${s.measure.name} shows exactly the same figure ${run.length} periods running, though it normally moves.`,
    whatToCheck: "Whether these figures were measured each period or carried forward from an earlier report.",
  });
}

/** Cheap pre-check: some actual equals the previous present one twice running (a run of 3). */
function hasRepeat(actual: ArrayLike<number>): boolean {
  let prev = NaN;
  let same = 0;
  for (let i = 0; i < actual.length; i++) {
    const v = actual[i];
    if (v !== v) continue;
    same = v === prev ? same + 1 : 0;
    if (same >= 2) return true;
    prev = v;
  }
  return false;
}

function decimalsOf(v: number): number {
  if (Number.isInteger(v)) return 0;
  const text = String(v);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

export const revisedActuals: Detector = {
  id: "revised-actuals",
  title: "Past actuals revised since the last snapshot",
  looksFor: "actuals for past periods that differ from an earlier snapshot of the same scorecard",
  statistic: "count of revised periods and the largest revision in the good direction, % (points for rates)",
  thresholds: { highRevisionPct: 5 },
  minSample: 1,
  explanation: "Revisions happen, but past results that quietly improve deserve a look.",
  run(index, ctx) {
    const flags: Flag[] = [];
    if (!ctx.previousSnapshot) return flags;
    const before = ctx.previousSnapshot.byMeasure;
    for (const [measureId, list] of index.byMeasure) {
      const old = new SameUnit(before.get(measureId) ?? []);
      list.forEach((s, k) => {
        const o = old.of(s, k);
        const f = o && compareSnapshots(s, o);
        if (f) flags.push(f);
      });
    }
    return flags;
  },
};

/** First position of `s` whose actual differs from the one in `old` for the same period (both usable), or -1. */
function firstRevision(s: Series, old: Series): number {
  for (let i = 0; i < s.length; i++) {
    const j = s.start + i - old.start;
    if (j < 0 || j >= old.length) continue;
    const a = s.actual[i];
    const b = old.actual[j];
    if (a === a && b === b && a !== b) return i;
  }
  return -1;
}

function compareSnapshots(s: Series, old: Series): Flag | undefined {
  // Most series are unchanged: the scan allocates nothing, and only a revised one is described.
  const from = firstRevision(s, old);
  if (from < 0) return undefined;
  const sign = goodSign(s.measure) || 1;
  const revised: { period: string; from: number; to: number; gap: number }[] = [];
  for (let i = from; i < s.length; i++) {
    const j = s.start + i - old.start;
    if (j < 0 || j >= old.length) continue;
    const a = s.actual[i];
    const b = old.actual[j];
    if (a !== a || b !== b || a === b) continue;
    const gap = sign * gapOf(s.measure.kind, a, b);
    revised.push({
      period: periodAt(s, i),
      from: b,
      to: a,
      gap: Number.isFinite(gap) ? gap : 100 * Math.sign(gap),
    });
  }
  if (revised.length === 0) return undefined;
  const best = Math.max(...revised.map((r) => r.gap));
  const first = revised[0];
  return makeFlag("revised-actuals", {
    severity: best >= 5 ? "high" : best > 0 ? "medium" : "low",
    measure: s.measure.id,
    unit: s.unit,
    periods: revised.map((r) => r.period),
    values: { revisedPeriods: revised.length, largestImprovement: best },
    text: `${revised.length} past actual(s) changed, e.g. ${first.period}: ${fmt(first.from)} -> ${fmt(first.to)}; largest improvement ${pct(best)}${s.measure.kind === "rate" ? " pts" : "%"}.`,
    explanation: `Past results for ${s.measure.name} differ from the earlier snapshot${best > 0 ? ", some of them for the better" : ""}.`,
    whatToCheck:
      "The reason and approval for each revision, and whether the source records support the new figures.",
  });
}
