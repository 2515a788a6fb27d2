/**
 * Lowballing in how targets are set: unit targets that add up to less than the program
 * target, a target cut right after a year that beat it, and a target far below capacity.
 */
import type { ScorecardIndex, SeriesData } from "../../index/series";
import { yearSummaries, type YearSummary } from "../../index/years";
import type { UnitDef } from "../../model";
import { fmt, gapOf, gapUnit, goodSign, isAdditive, makeFlag, pct } from "../flag";
import { sameStored } from "../../revisions/audit";
import type { Revision } from "../../revisions/types";
import type { Detector, DetectorContext, Flag } from "../types";

/** The last logged annual target of each measure, unit and fiscal year ("measure|unit|year"). */
function loggedYearTargets(log: readonly Revision[] | undefined): Map<string, Revision> {
  const out = new Map<string, Revision>();
  for (const r of log ?? [])
    if (r.field === "target" && /^\d{4}$/.test(r.period) && r.newValue !== null)
      out.set(`${r.measure}|${r.unit}|${r.period}`, r);
  return out;
}

export const unitSumBelowProgram: Detector = {
  id: "unit-sum-below-program",
  title: "Unit targets add up to less than the program target",
  looksFor: "a year where the units' targets, added up, fall short of the program target",
  statistic: "shortfall = (sum of unit targets - program target) / program target, in the good direction",
  thresholds: { tolerancePct: 0.5, highPct: 5 },
  minSample: 2,
  explanation: "If every unit meets its target and the program still misses, the proration left a gap.",
  run(index, ctx) {
    const flags: Flag[] = [];
    for (const [measureId, list] of index.byMeasure) {
      const m = index.measures.get(measureId)!;
      const sign = goodSign(m);
      if (!isAdditive(m) || sign === 0 || ctx.directionUnknown?.has(measureId)) continue;
      const program = new Map<number, number>();
      for (const p of ctx.programTargets ?? [])
        if (p.measure === measureId) program.set(Number(p.period.slice(0, 4)), p.target);
      const sums = new Map<number, { sum: number; units: number }>();
      for (const s of list) addUnitTargets(index, s, ctx.programUnit, program, sums);
      const unitCount = list.filter((s) => s.unit !== ctx.programUnit).length;
      for (const [year, target] of program) {
        const acc = sums.get(year);
        if (!acc || acc.units < 2 || acc.units < unitCount) continue;
        const gap = sign * gapOf(m.kind, acc.sum, target);
        if (gap >= -0.5) continue;
        flags.push(
          makeFlag("unit-sum-below-program", {
            severity: gap <= -5 ? "high" : "medium",
            measure: measureId,
            unit: "*",
            periods: [String(year)],
            values: { unitTargetSum: acc.sum, programTarget: target, units: acc.units, gapPct: gap },
            text: `FY${year}: ${acc.units} unit targets sum to ${fmt(acc.sum)} against a program target of ${fmt(target)} (${pct(-gap)}% short).`,
            explanation: `Even if every unit meets its FY${year} target for ${m.name}, the program would fall short of its own target.`,
            whatToCheck:
              "Whether the program target was prorated in full, or some units' targets were trimmed afterwards.",
          }),
        );
      }
    }
    return flags;
  },
};

/** One series' year targets into the units' sums, or, for the program unit, into `program` (a given program target wins). */
function addUnitTargets(
  index: ScorecardIndex,
  s: SeriesData,
  programUnit: string | undefined,
  program: Map<number, number>,
  sums: Map<number, { sum: number; units: number }>,
): void {
  const years = yearSummaries(index, s);
  for (let i = 0; i < years.length; i++) {
    const y = years[i];
    if (y.target === undefined) continue;
    if (s.unit === programUnit) {
      if (!program.has(y.year)) program.set(y.year, y.target);
      continue;
    }
    let acc = sums.get(y.year);
    if (!acc) sums.set(y.year, (acc = { sum: 0, units: 0 }));
    acc.sum += y.target;
    acc.units += 1;
  }
}

export const targetCutAfterStrongYear: Detector = {
  id: "target-cut-after-strong-year",
  title: "Target cut after a year that beat it",
  looksFor: "a target made easier right after the unit met or beat the previous one",
  statistic: "cut = change of target in the good direction, % (points for rates), after actual >= target",
  thresholds: { minCutPct: 1, highCutPct: 10 },
  minSample: 2,
  explanation:
    "Lowering the bar after clearing it is the opposite of ratcheting up and invites easy targets.",
  run(index, ctx) {
    const flags: Flag[] = [];
    // The grid's target is the one in force (a cut typed without logging still counts); the log
    // fills a year the grid lacks and says when, by whom and why the target was set.
    const logged = loggedYearTargets(ctx.revisions);
    for (const s of index.series) targetCutFlags(index, s, ctx, logged, flags);
    return flags;
  },
};

/** One series' target-cut flags into `flags`. */
function targetCutFlags(
  index: ScorecardIndex,
  s: SeriesData,
  ctx: DetectorContext,
  logged: Map<string, Revision>,
  flags: Flag[],
): void {
  const sign = goodSign(s.measure);
  if (sign === 0 || ctx.directionUnknown?.has(s.measure.id)) return;
  // The log's key for this series, less the year; built only when there is a log to read.
  const key = logged.size > 0 ? `${s.measure.id}|${s.unit}|` : "";
  const years = yearSummaries(index, s);
  for (let i = 1; i < years.length; i++) {
    const prev = years[i - 1];
    const cur = years[i];
    if (cur.year !== prev.year + 1) continue;
    const target = targetInForce(cur, logged, key);
    const priorTarget = targetInForce(prev, logged, key);
    if (target === undefined || priorTarget === undefined) continue;
    if (prev.actual === undefined || (s.monthly && prev.actualMonths < 12)) continue;
    const beat = sign * gapOf(s.measure.kind, prev.actual, priorTarget);
    const cut = sign * gapOf(s.measure.kind, target, priorTarget);
    if (beat < 0 || cut > -1 || !Number.isFinite(cut)) continue;
    const u = gapUnit(s.measure.kind);
    flags.push(
      makeFlag("target-cut-after-strong-year", {
        severity: cut <= -10 ? "high" : "medium",
        measure: s.measure.id,
        unit: s.unit,
        periods: [String(prev.year), String(cur.year)],
        values: { priorTarget, priorActual: prev.actual, target, cut, beat },
        text: `FY${prev.year}: target ${fmt(priorTarget)}, actual ${fmt(prev.actual)} (${beat === 0 ? "met exactly" : `beat by ${pct(beat)}${u}`}); FY${cur.year} target ${fmt(target)} (${pct(-cut)}${u} easier)${loggedAs(logged.get(key + cur.year), target)}.`,
        explanation: `The unit beat its FY${prev.year} target for ${s.measure.name}, and the FY${cur.year} target was then made easier.`,
        whatToCheck:
          "The reason given for lowering the target, and whether FY" + prev.year + "'s result was a one-off.",
      }),
    );
  }
}

/**
 * The grid's target is the one in force (a cut typed without logging still counts); the log
 * fills a year the grid lacks. `key` is the log's key less the year ("" with no log).
 */
function targetInForce(y: YearSummary, logged: Map<string, Revision>, key: string): number | undefined {
  if (y.target !== undefined || logged.size === 0) return y.target;
  const r = logged.get(key + y.year);
  return r ? r.newValue! : undefined;
}

/** What the log says about the target in force: "; issued 2026-09-25 by R. Delgado", or that it was typed over. */
function loggedAs(r: Revision | undefined, target: number): string {
  if (!r) return "";
  if (!sameStored(r.newValue, target))
    return `; the revision log last says ${fmt(r.newValue!)} (${r.at.slice(0, 10)}, ${r.who || "no name"}): the target was changed without being logged`;
  if (r.reason === "baseline") return `; issued ${r.at.slice(0, 10)} by ${r.who || "no name"}`;
  const note = r.note ? `, "${r.note}"` : "";
  return `; logged ${r.at.slice(0, 10)} by ${r.who || "no name"} (${r.reason}${note})`;
}

export const belowCapacity: Detector = {
  id: "below-capacity",
  title: "Target far below capacity",
  looksFor: "an annual target under 75 % of what the unit's staff can produce (fte x productivity)",
  statistic: "target / (fte x productivity per year)",
  thresholds: { shareMedium: 0.75, shareHigh: 0.5 },
  minSample: 1,
  explanation:
    "TEMPO asks targets to follow process capacity; a target far below it may leave capacity idle.",
  run(index, ctx) {
    const flags: Flag[] = [];
    const wanted = new Set(ctx.capacityMeasures ?? []);
    if (wanted.size === 0) return flags;
    const units = new Map(index.units.map((u) => [u.id, u]));
    for (const s of index.series) if (wanted.has(s.measure.id)) capacityFlags(index, s, units, flags);
    return flags;
  },
};

/** One series' below-capacity flags into `flags`. */
function capacityFlags(
  index: ScorecardIndex,
  s: SeriesData,
  units: Map<string, UnitDef>,
  flags: Flag[],
): void {
  if (s.measure.direction !== "up" || !isAdditive(s.measure)) return;
  const u = units.get(s.unit);
  if (!u || !(u.fte! > 0) || !(u.productivity! > 0)) return;
  const capacity = u.fte! * u.productivity!;
  for (const y of yearSummaries(index, s)) {
    if (y.target === undefined) continue;
    const share = y.target / capacity;
    if (share >= 0.75) continue;
    flags.push(
      makeFlag("below-capacity", {
        severity: share < 0.5 ? "high" : "medium",
        measure: s.measure.id,
        unit: s.unit,
        periods: [String(y.year)],
        values: { target: y.target, capacity, share, fte: u.fte!, productivity: u.productivity! },
        text: `FY${y.year} target ${fmt(y.target)} is ${pct(share * 100)}% of capacity ${fmt(capacity)} (${fmt(u.fte!)} FTE x ${fmt(u.productivity!)}).`,
        explanation: `The FY${y.year} target for ${s.measure.name} uses ${pct(share * 100)}% of what the unit's staff can produce.`,
        whatToCheck:
          "Whether the staffing and productivity figures are current, and what the spare capacity is doing.",
      }),
    );
  }
}
