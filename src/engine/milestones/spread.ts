/**
 * Spread annual targets into period milestones.
 *
 * Counts and amounts use cumulative rounding: the exact running total at the end of each
 * period is rounded to the increment and the per-period milestones are its differences. The
 * running total is non-decreasing and rounding is monotone, so cumulative milestones never
 * fall, and the last one is the annual target exactly.
 *
 * Rates and ratios are not summed: each period's milestone is the point on the trajectory
 * from the baseline to the target, moved along by the same progress profile, so the YTD
 * (cumulative) milestone equals the period milestone and the last one is the target.
 */
import type { Finding } from "../model";
import { ProrationError } from "../prorate/errors";
import { firstRepeatedId } from "../prorate/unique";
import { decimalsOf, fmt, toIncrements } from "../prorate/util";
import { fiscalPeriods } from "./periods";
import { fixedProfile, seasonalProfile, type MonthlyProfile } from "./profile";
import { MilestoneRecord, type Plan, type Progress, type ScheduleRule } from "./record";
import type {
  MilestoneInput,
  MilestonePeriod,
  MilestoneSchedule,
  MilestoneUnitInput,
  UnitMilestones,
} from "./types";

/** How the schedule's records round and explain themselves; the sentences know its last period. */
function ruleOf(periods: MilestonePeriod[], kind: MilestoneInput["kind"], increment: number): ScheduleRule {
  const last = periods[periods.length - 1];
  const lastMonth = last.months[last.months.length - 1];
  if (kind === "count" || kind === "amount") {
    return {
      increment,
      decimals: decimalsOf(increment),
      explain: (u) =>
        `${u.id}'s ${fmt(u.target)} is spread over the year (${u.profileSource}); the running total is rounded each period so it reaches ${fmt(u.target)} exactly in ${last.label} (${lastMonth}).`,
    };
  }
  const suffix = kind === "rate" ? " %" : "";
  return {
    increment,
    decimals: 0,
    explain: (u) =>
      `${u.id} moves from ${fmt(u.start ?? u.target)}${suffix} to ${fmt(u.target)}${suffix} over the year (${u.profileSource}), reaching the target in ${last.label}.`,
  };
}

/**
 * Spread annual targets into per-period and cumulative (YTD) milestones.
 * Example: `spreadMilestones({ kind: "count", fiscalYear: 2027, fyStartMonth: 10, spread: { kind: "even" }, units: [{ id: "North", target: 120 }] })`
 * gives North 10 a month from 2026-10, cumulative 10, 20, ..., 120.
 */
export function spreadMilestones(input: MilestoneInput): MilestoneSchedule {
  const periodicity = input.periodicity ?? "monthly";
  const periods = fiscalPeriods(input.fiscalYear, input.fyStartMonth, periodicity);
  const warnings: Finding[] = [];
  checkTargets(input.units);
  const fixed = progressOf(fixedProfile(input.spread, periodicity), periods);
  let programSeasonal: Progress | undefined | null = null;
  const progressFor = (unit: MilestoneUnitInput): Progress => {
    if (input.spread.kind !== "seasonal") return fixed;
    if (unit.priorActuals && unit.priorActuals.length > 0) {
      const own = seasonalProfile(unit.priorActuals, input.fiscalYear, input.fyStartMonth, unit.id, warnings);
      if (own) return progressOf(own, periods);
    }
    if (programSeasonal === null) {
      const program = seasonalProfile(
        input.programPriorActuals,
        input.fiscalYear,
        input.fyStartMonth,
        "program",
        warnings,
      );
      programSeasonal = program
        ? progressOf({ ...program, source: `program ${program.source}` }, periods)
        : undefined;
    }
    if (programSeasonal) {
      warnings.push({
        severity: "info",
        code: "programProfile",
        unit: unit.id,
        message: `${unit.id} has no usable prior monthly actuals of its own, so it follows the program's seasonal pattern.`,
      });
      return programSeasonal;
    }
    warnings.push({
      severity: "warning",
      code: "fallbackEven",
      unit: unit.id,
      message: `${unit.id} has no usable prior monthly actuals, so its target is spread evenly.`,
      fix: `Add up to three prior years of ${unit.id}'s monthly actuals.`,
    });
    return { ...fixed, source: "even (no usable history)" };
  };
  const additive = input.kind === "count" || input.kind === "amount";
  const increment = input.increment ?? 1;
  const rule = ruleOf(periods, input.kind, increment);
  // Units on the same progress share one plan (all of them, unless profiles are seasonal per unit).
  let plan: Plan = { rule, progress: fixed };
  const planFor = (progress: Progress): Plan =>
    plan.progress === progress ? plan : (plan = { rule, progress });
  let units: UnitMilestones[];
  if (additive && input.spread.kind !== "seasonal") {
    units = spreadAllAdditive(input.units, plan);
  } else {
    units = new Array<UnitMilestones>(input.units.length);
    for (let i = 0; i < units.length; i++) {
      const unit = input.units[i];
      units[i] = additive
        ? spreadAdditive(unit, planFor(progressFor(unit)))
        : spreadTrajectory(unit, planFor(progressFor(unit)), input, periods, warnings);
    }
  }
  return {
    kind: input.kind,
    fiscalYear: input.fiscalYear,
    fyStartMonth: input.fyStartMonth,
    periodicity,
    spread: input.spread,
    periods,
    units,
    warnings,
  };
}

/** Every id once and every target a finite number, or a `ProrationError` for the first unit that is not. */
function checkTargets(units: readonly MilestoneUnitInput[]): void {
  const repeated = firstRepeatedId(units);
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (i === repeated) throw new ProrationError("duplicateUnit", { unit: unit.id });
    if (typeof unit.target !== "number" || !Number.isFinite(unit.target)) {
      throw new ProrationError("targetNotFinite", { unit: unit.id, detail: String(unit.target) });
    }
  }
}

/**
 * Counts and amounts on one fixed profile: one plan for all, in a loop of its own (see
 * remainders.ts for why); `map` because optimised `new Array(n)` deoptimised at 100,000 units.
 */
function spreadAllAdditive(inputs: readonly MilestoneUnitInput[], plan: Plan): UnitMilestones[] {
  return inputs.map((unit) => spreadAdditive(unit, plan));
}

function progressOf(profile: MonthlyProfile, periods: MilestonePeriod[]): Progress {
  const periodWeights = periods.map((p) => {
    let sum = 0;
    for (let k = 0; k < p.months.length; k++) sum += profile.weights[p.index * p.months.length + k];
    return sum;
  });
  const total = periodWeights.reduce((a, b) => a + b, 0);
  let running = 0;
  const cumulativeShare = periodWeights.map((w, i) => {
    running += w;
    return i === periodWeights.length - 1 ? 1 : Math.min(1, running / total);
  });
  return { periodWeights: periodWeights.map((w) => w / total), cumulativeShare, source: profile.source };
}

/** Checks the target now; the milestones themselves are worked out when read (see `record.ts`). */
function spreadAdditive(unit: MilestoneUnitInput, plan: Plan): UnitMilestones {
  const increment = plan.rule.increment;
  if (!Number.isFinite(increment) || increment <= 0) {
    throw new ProrationError("incrementInvalid", { detail: String(increment) });
  }
  if (toIncrements(unit.target, increment) === undefined) {
    throw new ProrationError("targetNotMultiple", {
      unit: unit.id,
      detail: `${unit.target}, increment ${increment}`,
    });
  }
  return new MilestoneRecord(unit.id, unit.target, plan);
}

function spreadTrajectory(
  unit: MilestoneUnitInput,
  plan: Plan,
  input: MilestoneInput,
  periods: MilestonePeriod[],
  warnings: Finding[],
): UnitMilestones {
  const progress = plan.progress;
  const decimals = input.decimals ?? 1;
  const factor = 10 ** decimals;
  const baseline = unit.baseline;
  if (baseline === undefined || !Number.isFinite(baseline)) {
    warnings.push({
      severity: "warning",
      code: "baselineMissing",
      unit: unit.id,
      message: `${unit.id} has no baseline, so every period's milestone is the target.`,
      fix: `Enter ${unit.id}'s current value as its baseline.`,
    });
  }
  const start = baseline !== undefined && Number.isFinite(baseline) ? baseline : unit.target;
  const n = periods.length;
  const low = Math.min(start, unit.target);
  const high = Math.max(start, unit.target);
  // Clamped so rounding to `decimals` can never overshoot a target that has more decimals.
  const values = progress.cumulativeShare.map((share, p) =>
    p === n - 1
      ? unit.target
      : Math.min(
          high,
          Math.max(low, Math.floor((start + (unit.target - start) * share) * factor + 0.5) / factor),
        ),
  );
  return new MilestoneRecord(unit.id, unit.target, {
    plan,
    start,
    perPeriod: values,
    cumulative: values.slice(),
  });
}
