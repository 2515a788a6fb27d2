/**
 * Realistic sample data for a template, deterministic from a seed: two prior fiscal years and
 * the current year up to the as-of month. Program targets are set from last year's result,
 * prorated to units by src/engine/prorate and spread into milestones by src/engine/milestones,
 * exactly as a manager would with the add-in. No clock: the as-of month is an input.
 */
import type { Observation, UnitDef } from "../../engine/model";
import { observation } from "../../engine/observation";
import { prorate } from "../../engine/prorate";
import { spreadMilestones, type MonthlyActual } from "../../engine/milestones";
import { fiscalMonthOffset, fiscalYearMonths, fiscalYearOf } from "../../engine/period";
import type { ProgramTarget } from "../input";
import type { SampleProfile, TemplateDef, TemplateMeasure } from "./types";

/** A small, fast, seedable generator (mulberry32). Example: `rng(1)()` is in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box-Muller). */
export function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

export interface SampleResult {
  observations: Observation[];
  programTargets: ProgramTarget[];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Monthly actuals (and denominators) of one unit for one fiscal year. */
function unitYear(
  m: TemplateMeasure,
  p: SampleProfile,
  u: UnitDef,
  z: number,
  yearsFromNow: number,
  rand: () => number,
) {
  const caseload = u.caseload ?? 1000;
  const values: number[] = [];
  const denominators: (number | undefined)[] = [];
  if (m.kind === "count" || m.kind === "amount") {
    const annual =
      caseload * p.level * Math.max(0.2, 1 + p.spread * z) * (1 + p.trendPerYear) ** yearsFromNow;
    const season = p.seasonality ?? new Array<number>(12).fill(1);
    const total = season.reduce((a, b) => a + b, 0);
    for (let j = 0; j < 12; j++) {
      const x = ((annual * season[j]) / total) * (1 + 0.06 * normal(rand));
      values.push(Math.max(0, Math.round(x)));
      denominators.push(undefined);
    }
    return { values, denominators };
  }
  const level = p.level + p.spread * z + p.trendPerYear * yearsFromNow;
  for (let j = 0; j < 12; j++) {
    const x = level + (m.kind === "rate" ? 1.2 : p.spread / 5) * normal(rand);
    values.push(m.kind === "rate" ? round(Math.min(99.5, Math.max(0.5, x)), 1) : round(Math.max(0.05, x), 2));
    denominators.push(
      Math.max(1, Math.round(caseload * (p.denominatorPerCase ?? 1) * (1 + 0.02 * normal(rand)))),
    );
  }
  return { values, denominators };
}

/** Sample observations and program targets for a template as of a month. */
export function sampleData(t: TemplateDef, seed: number, asOfMonth: string): SampleResult {
  const rand = rng(seed);
  const fy0 = fiscalYearOf(asOfMonth, t.fyStartMonth);
  const elapsed = fiscalMonthOffset(asOfMonth, t.fyStartMonth) + 1;
  const observations: Observation[] = [];
  const programTargets: ProgramTarget[] = [];
  for (const m of t.measures) {
    const p = m.sample;
    if (!p) continue;
    const z = new Map(t.units.map((u) => [u.id, normal(rand)]));
    const history = new Map<string, { values: number[]; denominators: (number | undefined)[] }[]>();
    for (const [yi, fy] of [fy0 - 2, fy0 - 1, fy0].entries()) {
      const months = fiscalYearMonths(fy, t.fyStartMonth);
      const years = t.units.map((u) => ({ u, data: unitYear(m, p, u, z.get(u.id)!, fy - fy0, rand) }));
      const targets = yearTargets(
        m,
        t,
        fy,
        years.map((y) => y.u),
        history,
        programTargets,
        rand,
      );
      for (const { u, data } of years) {
        const known = fy < fy0 ? 12 : elapsed;
        const sched = targets.get(u.id);
        if (sched) {
          const year = observation(m.id, u.id, String(fy));
          year.target = sched.target;
          observations.push(year);
        }
        for (let j = 0; j < 12; j++) {
          const obs = observation(m.id, u.id, months[j]);
          if (sched) obs.milestone = sched.perPeriod[j];
          if (j < known) {
            obs.actual = data.values[j];
            if (data.denominators[j] !== undefined) obs.denominator = data.denominators[j];
          }
          observations.push(obs);
        }
        const list = history.get(u.id) ?? [];
        list.push(data);
        history.set(u.id, list);
      }
      void yi;
    }
  }
  return { observations, programTargets };
}

/**
 * Targets for one fiscal year: the program target improves last year's program result by a
 * little in the good direction; counts are prorated by last year's share, rates by equal rate;
 * milestones are spread seasonally (counts) or as a ramp from last year's level (rates).
 */
function yearTargets(
  m: TemplateMeasure,
  t: TemplateDef,
  fy: number,
  units: UnitDef[],
  history: Map<string, { values: number[]; denominators: (number | undefined)[] }[]>,
  programTargets: ProgramTarget[],
  rand: () => number,
): Map<string, { target: number; perPeriod: number[] }> {
  const out = new Map<string, { target: number; perPeriod: number[] }>();
  const last = (id: string) => history.get(id)?.at(-1);
  if (units.some((u) => !last(u.id))) return out;
  const additive = m.kind === "count" || m.kind === "amount";
  const sign = m.direction === "down" ? -1 : 1;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const priorOf = (id: string) =>
    additive ? last(id)!.values.reduce((a, b) => a + b, 0) : mean(last(id)!.values);
  const weights = units.map((u) => (u.caseload ?? 1) * (additive ? 1 : 1));
  let programPrior = 0;
  units.forEach((u, i) => (programPrior += additive ? priorOf(u.id) : priorOf(u.id) * weights[i]));
  if (!additive) programPrior /= weights.reduce((a, b) => a + b, 0);
  const lift = (additive ? 0.02 + 0.02 * rand() : 0.005 + 0.015 * rand()) * sign;
  const band = m.direction === "band" && m.lower !== undefined && m.upper !== undefined;
  let total = additive
    ? Math.round(programPrior * (1 + lift))
    : round(programPrior + lift * (m.kind === "rate" ? 100 : programPrior), 1);
  if (band) total = round((m.lower! + m.upper!) / 2, 1);
  if (m.kind === "rate") total = Math.min(99, Math.max(1, total));
  const result = prorateOrEqual(m, total, units, additive, priorOf, weights);
  programTargets.push({
    measure: m.id,
    fiscalYear: fy,
    target: total,
    method: additive ? "pro rata to last year's actual" : "same rate for every unit",
  });
  const sched = spreadMilestones({
    kind: m.kind,
    fiscalYear: fy,
    fyStartMonth: t.fyStartMonth,
    spread: additive ? { kind: "seasonal" } : { kind: "ramp", shape: "linear" },
    increment: 1,
    decimals: 1,
    units: result.units.map((a) => ({
      id: a.id,
      target: a.value,
      baseline: additive ? undefined : round(priorOf(a.id), 1),
      priorActuals: additive ? monthlyHistory(history.get(a.id)!, fy, t.fyStartMonth) : undefined,
    })),
  });
  for (const s of sched.units) out.set(s.id, { target: s.target, perPeriod: s.perPeriod });
  return out;
}

function monthlyHistory(years: { values: number[] }[], fy: number, fyStartMonth: number): MonthlyActual[] {
  const out: MonthlyActual[] = [];
  years.forEach((y, i) => {
    const months = fiscalYearMonths(fy - years.length + i, fyStartMonth);
    y.values.forEach((value, j) => out.push({ month: months[j], value }));
  });
  return out;
}

/** Counts: pro rata to last year's actual. Levels: gap closing toward the best value (so every
 * unit is asked to improve on itself); bands and impossible totals: the same value everywhere. */
function prorateOrEqual(
  m: TemplateMeasure,
  total: number,
  units: UnitDef[],
  additive: boolean,
  priorOf: (id: string) => number,
  weights: number[],
) {
  const base = {
    kind: m.kind,
    total,
    increment: 1,
    units: units.map((u, i) => ({
      id: u.id,
      driver: additive ? priorOf(u.id) : weights[i],
      baseline: additive ? undefined : round(priorOf(u.id), 2),
      denominator: additive ? undefined : weights[i],
    })),
  };
  if (additive) return prorate({ ...base, method: "priorShare", driverLabel: "last year's actual" });
  if (m.direction !== "band") {
    const best =
      m.direction === "up" ? (m.kind === "rate" ? 100 : Math.max(...units.map((u) => priorOf(u.id))) * 2) : 0;
    try {
      return prorate({
        ...base,
        method: "gapClosing",
        benchmark: { kind: "value", value: best },
        direction: m.direction,
      });
    } catch {
      // fall through to equal rates
    }
  }
  return prorate({ ...base, method: "equal", driverLabel: "caseload" });
}
