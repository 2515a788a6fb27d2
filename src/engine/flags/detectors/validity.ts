/**
 * Data validity (TEMPO's data validity and verification): duplicated rows, figures carried
 * forward or no longer reported, and past actuals revised since an earlier snapshot.
 */
import type { Observation } from "../../model";
import { fmt, makeFlag } from "../flag";
import { finite, gapOf, goodSign, indexSeries } from "../series";
import type { Detector, Flag } from "../types";

const same = (a: number | undefined, b: number | undefined) => (a === undefined ? b === undefined : a === b);

export const duplicateRows: Detector = {
  id: "duplicate-rows",
  title: "The same period reported twice",
  looksFor: "more than one row for one measure, unit and period",
  statistic: "number of extra rows; whether their values agree",
  thresholds: {},
  minSample: 1,
  explanation: "A second row for the same period is either double counting or a conflicting correction.",
  run(scorecard) {
    const flags: Flag[] = [];
    for (const s of indexSeries(scorecard).series) {
      if (s.duplicates.length === 0) continue;
      const firsts = new Map<string, Observation>(s.points.map((o) => [o.period, o]));
      const periods = [...new Set(s.duplicates.map((o) => o.period))];
      const conflicting = s.duplicates.filter((d) => {
        const f = firsts.get(d.period)!;
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
    "the same actual 3+ periods running in a series that otherwise varies, or a unit whose reporting stopped before its peers'",
  statistic:
    "longest run of identical actuals (values at 0 or 100 % excluded); months since the unit's last actual vs the measure's latest",
  thresholds: { minRun: 3, minDistinctShare: 0.8, minMonthsBehind: 2 },
  minSample: 6,
  explanation:
    "Numbers that stop changing, or stop arriving, are often carried forward rather than measured.",
  run(scorecard, ctx) {
    const flags: Flag[] = [];
    const index = indexSeries(scorecard);
    const minN = Math.ceil(6 * (ctx.minSampleFactor ?? 1));
    for (const list of index.byMeasure.values()) {
      const latest = new Map<boolean, number>();
      const lastOf = new Map<(typeof list)[number], number>();
      for (const s of list) {
        let last = -Infinity;
        s.points.forEach((o, i) => {
          if (finite(o.actual) !== undefined) last = s.index[i];
        });
        lastOf.set(s, last);
        latest.set(s.monthly, Math.max(latest.get(s.monthly) ?? -Infinity, last));
      }
      for (const s of list) {
        const values = s.points.map((o) => finite(o.actual));
        const present = values.filter((v): v is number => v !== undefined);
        if (present.length < minN) continue;
        const run = longestRun(s.points, values, s.measure.kind === "rate");
        const distinct = new Set(present).size / (present.length - Math.max(0, run.length - 1));
        const behind = latest.get(s.monthly)! - lastOf.get(s)!;
        if (run.length >= 3 && distinct >= 0.8) {
          flags.push(staleRun(s.measure.id, s.measure.name, s.unit, run.periods, run.value));
        }
        if (s.monthly && Number.isFinite(behind) && behind >= 2 && list.length >= 3) {
          flags.push(
            makeFlag("stale-periods", {
              severity: behind >= 6 ? "high" : "medium",
              measure: s.measure.id,
              unit: s.unit,
              periods: [s.points[s.index.indexOf(lastOf.get(s)!)].period],
              values: { monthsBehind: behind },
              text: `Last actual ${s.points[s.index.indexOf(lastOf.get(s)!)].period}, ${behind} months behind the other units.`,
              explanation: `${s.measure.name} has no actual for the last ${behind} months while other units have reported.`,
              whatToCheck:
                "Whether the unit stopped reporting, and what its results for the missing months are.",
            }),
          );
        }
      }
    }
    return flags;
  },
};

function longestRun(points: Observation[], values: (number | undefined)[], rate: boolean) {
  let best = { length: 0, periods: [] as string[], value: 0 };
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    const v = values[start];
    if (i < values.length && values[i] !== undefined && values[i] === v) continue;
    const atBound = v === undefined || v === 0 || (rate && v === 100);
    if (!atBound && i - start > best.length) {
      best = { length: i - start, periods: points.slice(start, i).map((o) => o.period), value: v };
    }
    start = i;
  }
  return best;
}

function staleRun(measure: string, name: string, unit: string, periods: string[], value: number): Flag {
  return makeFlag("stale-periods", {
    severity: periods.length >= 6 ? "high" : "medium",
    measure,
    unit,
    periods,
    values: { runLength: periods.length, value },
    text: `Actual ${fmt(value)} repeated in ${periods.length} consecutive periods (${periods[0]} to ${periods[periods.length - 1]}).`,
    explanation: `${name} shows exactly the same figure ${periods.length} periods running, though it varies otherwise.`,
    whatToCheck: "Whether these figures were measured each period or carried forward from an earlier report.",
  });
}

export const revisedActuals: Detector = {
  id: "revised-actuals",
  title: "Past actuals revised since the last snapshot",
  looksFor: "actuals for past periods that differ from an earlier snapshot of the same scorecard",
  statistic: "count of revised periods and the largest revision in the good direction, % (points for rates)",
  thresholds: { highRevisionPct: 5 },
  minSample: 1,
  explanation: "Revisions happen, but past results that quietly improve deserve a look.",
  run(scorecard, ctx) {
    const flags: Flag[] = [];
    if (!ctx.previousSnapshot) return flags;
    const before = new Map<string, number>();
    for (const o of ctx.previousSnapshot.observations) {
      const a = finite(o.actual);
      if (a !== undefined) before.set(`${o.measure}\u0000${o.unit}\u0000${o.period}`, a);
    }
    for (const s of indexSeries(scorecard).series) {
      const sign = goodSign(s.measure) || 1;
      const revised: { period: string; from: number; to: number; gap: number }[] = [];
      for (const o of s.points) {
        const a = finite(o.actual);
        const b = before.get(`${o.measure}\u0000${o.unit}\u0000${o.period}`);
        if (a === undefined || b === undefined || a === b) continue;
        const gap = sign * gapOf(s.measure.kind, a, b);
        revised.push({
          period: o.period,
          from: b,
          to: a,
          gap: Number.isFinite(gap) ? gap : 100 * Math.sign(gap),
        });
      }
      if (revised.length === 0) continue;
      const best = Math.max(...revised.map((r) => r.gap));
      const first = revised[0];
      flags.push(
        makeFlag("revised-actuals", {
          severity: best >= 5 ? "high" : best > 0 ? "medium" : "low",
          measure: s.measure.id,
          unit: s.unit,
          periods: revised.map((r) => r.period),
          values: { revisedPeriods: revised.length, largestImprovement: best },
          text: `${revised.length} past actual(s) changed, e.g. ${first.period}: ${fmt(first.from)} -> ${fmt(first.to)}; largest improvement ${fmt(best)}${s.measure.kind === "rate" ? " pts" : "%"}.`,
          explanation: `Past results for ${s.measure.name} differ from the earlier snapshot${best > 0 ? ", some of them for the better" : ""}.`,
          whatToCheck:
            "The reason and approval for each revision, and whether the source records support the new figures.",
        }),
      );
    }
    return flags;
  },
};
