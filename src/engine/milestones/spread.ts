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
import { milestonesExplainedBy } from "../prorate/lazy";
import { decimalsOf, fmt, fromIncrements, toIncrements } from "../prorate/util";
import { fiscalPeriods } from "./periods";
import { fixedProfile, seasonalProfile, type MonthlyProfile } from "./profile";
import type {
  MilestoneInput,
  MilestonePeriod,
  MilestoneSchedule,
  MilestoneUnitInput,
  UnitMilestones,
} from "./types";

type Fields = Omit<UnitMilestones, "reason">;
type Maker = new (fields: Fields) => UnitMilestones;

/** Record constructors whose reason sentences know the schedule's last period. */
function makers(
  periods: MilestonePeriod[],
  kind: MilestoneInput["kind"],
): { additive: Maker; trajectory: Maker } {
  const last = periods[periods.length - 1];
  const lastMonth = last.months[last.months.length - 1];
  const suffix = kind === "rate" ? " %" : "";
  return {
    additive: milestonesExplainedBy(
      (u) =>
        `${u.id}'s ${fmt(u.target)} is spread over the year (${u.profileSource}); the running total is rounded each period so it reaches ${fmt(u.target)} exactly in ${last.label} (${lastMonth}).`,
    ),
    trajectory: milestonesExplainedBy(
      (u) =>
        `${u.id} moves from ${fmt(u.start ?? u.target)}${suffix} to ${fmt(u.target)}${suffix} over the year (${u.profileSource}), reaching the target in ${last.label}.`,
    ),
  };
}

/** Cumulative progress shares per period, ending on exactly 1, with the period weights behind them. */
interface Progress {
  periodWeights: number[];
  cumulativeShare: number[];
  source: string;
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
  const seen = new Set<string>();
  for (const unit of input.units) {
    if (seen.has(unit.id)) throw new ProrationError("duplicateUnit", { unit: unit.id });
    seen.add(unit.id);
    if (typeof unit.target !== "number" || !Number.isFinite(unit.target)) {
      throw new ProrationError("targetNotFinite", { unit: unit.id, detail: String(unit.target) });
    }
  }
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
  const make = makers(periods, input.kind);
  const units = input.units.map((unit) =>
    additive
      ? spreadAdditive(unit, progressFor(unit), input, periods, make.additive)
      : spreadTrajectory(unit, progressFor(unit), input, periods, warnings, make.trajectory),
  );
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

function spreadAdditive(
  unit: MilestoneUnitInput,
  progress: Progress,
  input: MilestoneInput,
  periods: MilestonePeriod[],
  make: Maker,
): UnitMilestones {
  const increment = input.increment ?? 1;
  if (!Number.isFinite(increment) || increment <= 0) {
    throw new ProrationError("incrementInvalid", { detail: String(increment) });
  }
  const targetSeats = toIncrements(unit.target, increment);
  if (targetSeats === undefined) {
    throw new ProrationError("targetNotMultiple", {
      unit: unit.id,
      detail: `${unit.target}, increment ${increment}`,
    });
  }
  const decimals = decimalsOf(increment);
  const n = periods.length;
  // Exact-length arrays: push-grown ones reserve ~17 slots, which adds up over 100,000 units.
  const perPeriod = new Array<number>(n);
  const cumulative = new Array<number>(n);
  let previousSeats = 0;
  for (let p = 0; p < n; p++) {
    // floor(x + 0.5) is monotone in x, which is what keeps the cumulative milestones from falling.
    const seats = p === n - 1 ? targetSeats : Math.floor(targetSeats * progress.cumulativeShare[p] + 0.5);
    cumulative[p] = fromIncrements(seats, increment, decimals);
    perPeriod[p] = fromIncrements(seats - previousSeats, increment, decimals);
    previousSeats = seats;
  }
  return new make({
    id: unit.id,
    target: unit.target,
    perPeriod,
    cumulative,
    profile: progress.periodWeights,
    profileSource: progress.source,
  });
}

function spreadTrajectory(
  unit: MilestoneUnitInput,
  progress: Progress,
  input: MilestoneInput,
  periods: MilestonePeriod[],
  warnings: Finding[],
  make: Maker,
): UnitMilestones {
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
  return new make({
    id: unit.id,
    target: unit.target,
    perPeriod: values,
    cumulative: values.slice(),
    profile: progress.periodWeights,
    profileSource: progress.source,
    start,
  });
}
