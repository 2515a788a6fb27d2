/**
 * The demo scorecard: the child-support template across its 12 county offices, two prior
 * fiscal years and seven months of the current one, targets prorated and milestones spread
 * by the engine, and a few gaming patterns planted on purpose so the Flags sheet has
 * something true to say. Deterministic from the seed; the as-of month is an input (no clock).
 */
import { runFlags } from "../engine/flags";
import { indexScorecard } from "../engine/index";
import type { DetectorKind } from "../engine/flags/types";
import { spreadMilestones } from "../engine/milestones";
import type { Observation } from "../engine/model";
import { fiscalYearMonths, fiscalYearOf } from "../engine/period";
import type { WorkbookInput } from "./input";
import { demoHistory } from "./demoHistory";
import { childSupportTemplate } from "./templates/childSupport";
import { rng, sampleData } from "./templates/sample";
import { sampleBudget } from "./templates/sampleBudget";

export interface PlantedPattern {
  detector: DetectorKind;
  measure: string;
  unit: string;
  /** What was done to the data, in words. */
  how: string;
}

export interface DemoData {
  input: WorkbookInput;
  planted: PlantedPattern[];
}

/** Observations of one measure x unit, by period. */
function series(obs: Observation[], measure: string, unit: string): Map<string, Observation> {
  return new Map(obs.filter((o) => o.measure === measure && o.unit === unit).map((o) => [o.period, o]));
}

/** Lowballing: this year's target set 8 % below what the office delivered last year. */
function plantLowball(obs: Observation[], fy: number, fyStart: number): PlantedPattern {
  const [measure, unit] = ["genetic-tests", "howard"];
  const s = series(obs, measure, unit);
  const prior = fiscalYearMonths(fy - 1, fyStart).reduce((sum, p) => sum + (s.get(p)?.actual ?? 0), 0);
  const target = Math.round(prior * 0.92);
  s.get(String(fy))!.target = target;
  const sched = spreadMilestones({
    kind: "count",
    fiscalYear: fy,
    fyStartMonth: fyStart,
    spread: { kind: "even" },
    units: [{ id: unit, target }],
  });
  const months = fiscalYearMonths(fy, fyStart);
  months.forEach((p, j) => (s.get(p)!.milestone = sched.units[0].perPeriod[j]));
  // The office then beats its easy milestones comfortably.
  months.forEach((p, j) => {
    const o = s.get(p)!;
    if (o.actual !== undefined) o.actual = Math.round(sched.units[0].perPeriod[j] * 1.12);
  });
  return {
    detector: "lowball-prior-actual",
    measure,
    unit,
    how: `FY${fy} target ${target} is 8 % below FY${fy - 1}'s actual ${prior}`,
  };
}

/** Too perfect: the actual equals the milestone every month for nineteen months. */
function plantExactHits(obs: Observation[]): PlantedPattern {
  const [measure, unit] = ["locates", "carroll"];
  let hits = 0;
  for (const o of series(obs, measure, unit).values()) {
    if (o.actual !== undefined && o.milestone !== undefined) {
      o.actual = o.milestone;
      hits += 1;
    }
  }
  return {
    detector: "exact-hits",
    measure,
    unit,
    how: `actual typed equal to the milestone in ${hits} months`,
  };
}

/** End-of-period spike: the last month of each past fiscal year carries three times its share. */
function plantSpike(obs: Observation[], fy: number, fyStart: number): PlantedPattern {
  const [measure, unit] = ["genetic-tests", "frederick"];
  const s = series(obs, measure, unit);
  for (const year of [fy - 2, fy - 1]) {
    const last = s.get(fiscalYearMonths(year, fyStart)[11]);
    if (last?.actual !== undefined) last.actual = Math.round(last.actual * 3.5);
  }
  return {
    detector: "end-of-period-spike",
    measure,
    unit,
    how: "the last month of FY-2 and FY-1 is 3.5 times its usual size",
  };
}

/** Output distortion: paternity climbs fast while rescinded acknowledgments (its control) climb too. */
function plantPairedDivergence(obs: Observation[], fy: number, fyStart: number): PlantedPattern {
  const unit = "prince-georges";
  const months = [fy - 2, fy - 1, fy].flatMap((y) => fiscalYearMonths(y, fyStart));
  const pep = series(obs, "pep", unit);
  const rescind = series(obs, "pep-rescind", unit);
  months.forEach((p, k) => {
    const a = pep.get(p);
    if (a?.actual !== undefined) a.actual = Math.min(99.5, Math.round((78 + 0.45 * k) * 10) / 10);
    const r = rescind.get(p);
    if (r?.actual !== undefined) r.actual = Math.round(r.actual * (1 + 0.06 * k));
  });
  return {
    detector: "paired-divergence",
    measure: "pep",
    unit,
    how: "PEP rises 0.45 points a month while rescissions rise 6 % a month",
  };
}

/**
 * The demo data as of a month (default 2027-04: seven months into federal FY2027).
 * Example: `buildDemoData(7).input.units.length === 12`.
 */
export function buildDemoData(seed: number, asOfMonth = "2027-04"): DemoData {
  const t = childSupportTemplate;
  const fy = fiscalYearOf(asOfMonth, t.fyStartMonth);
  const sample = sampleData(t, seed, asOfMonth);
  const obs = sample.observations;
  const rand = rng(seed + 1);
  void rand;
  const planted = [
    plantLowball(obs, fy, t.fyStartMonth),
    plantExactHits(obs),
    plantSpike(obs, fy, t.fyStartMonth),
    plantPairedDivergence(obs, fy, t.fyStartMonth),
  ];
  const input: WorkbookInput = {
    templateId: t.id,
    title: "Demo: county child support offices",
    fyStartMonth: t.fyStartMonth,
    asOfMonth,
    plan: t.plan,
    measures: t.measures,
    units: t.units,
    observations: obs,
    programTargets: sample.programTargets,
    flags: [],
    reliabilityPassed: true,
    // The office furthest behind on locates overspends: "behind on results while spending ahead of plan".
    budget: sampleBudget(t, obs, seed, asOfMonth).budget,
  };
  const history = demoHistory(input, fy);
  input.revisions = history.log;
  planted.push(history.planted);
  const programTargets = sample.programTargets.map((p) => ({
    measure: p.measure,
    period: String(p.fiscalYear),
    target: p.target,
  }));
  input.flags = runFlags(
    indexScorecard({ measures: t.measures, units: t.units, observations: obs, fyStartMonth: t.fyStartMonth }),
    { programTargets, revisions: history.log },
  ).flags;
  return { input, planted };
}
