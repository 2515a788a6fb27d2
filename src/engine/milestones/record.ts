/**
 * One unit's milestones whose per-period and cumulative arrays are worked out when first read.
 *
 * Why: two twelve-number arrays per unit were most of what a 10,000-unit spread allocated, and
 * the garbage collector copied them while the schedule was still being built (a quarter of the
 * run). Counts and amounts follow from the target and the progress shares alone, so the arrays
 * are computed on the first read of `perPeriod` or `cumulative` and kept, so a unit gives the
 * same array every time and a change to it sticks. `JSON.stringify` gives the same text as a
 * plain object with the arrays written out.
 */
import { fromIncrements, toIncrements } from "../prorate/util";
import type { UnitMilestones } from "./types";
import { INSPECT, assignableGetters } from "../leanRecord";

/** Cumulative progress shares per period, ending on exactly 1, with the period weights behind them. */
export interface Progress {
  periodWeights: number[];
  cumulativeShare: number[];
  source: string;
}

/** How a schedule's count and amount milestones are rounded: to multiples of `increment`, printed to `decimals`. */
export interface Rounding {
  increment: number;
  decimals: number;
}

/** How one schedule rounds and explains its units. */
export interface ScheduleRule extends Rounding {
  explain: (record: UnitMilestones) => string;
}

/** What units that follow the same progress share: one per schedule unless profiles are per unit. */
export interface Plan {
  rule: ScheduleRule;
  progress: Progress;
}

/** Milestones once worked out (or given, for rates and ratios), with the plan they came from. */
export interface Worked {
  plan: Plan;
  start?: number;
  perPeriod: number[];
  cumulative: number[];
}

// A symbol key keeps the working state out of `Object.keys`, `for...in` and JSON.
const STATE = Symbol("state");
// Node's util.inspect hook, by its registered name, so the engine imports nothing from Node.

/**
 * Running totals rounded to the increment; per-period milestones are their differences.
 * floor(x + 0.5) is monotone in x, which is what keeps the cumulative milestones from falling.
 * Example: target 412 and even shares give cumulative 34, 69, 103, ..., 412.
 */
export function additiveValues(target: number, plan: Plan): Worked {
  const { increment, decimals } = plan.rule;
  const targetSeats = toIncrements(target, increment) as number;
  const shares = plan.progress.cumulativeShare;
  const n = shares.length;
  // Exact-length arrays: push-grown ones reserve ~17 slots.
  const perPeriod = new Array<number>(n);
  const cumulative = new Array<number>(n);
  let previousSeats = 0;
  for (let p = 0; p < n; p++) {
    const seats = p === n - 1 ? targetSeats : Math.floor(targetSeats * shares[p] + 0.5);
    cumulative[p] = fromIncrements(seats, increment, decimals);
    perPeriod[p] = fromIncrements(seats - previousSeats, increment, decimals);
    previousSeats = seats;
  }
  return { plan, perPeriod, cumulative };
}

/**
 * One class for every schedule (not a class per call), so code that reads many schedules sees one
 * hidden class; three fields, so 100,000 of them stay small. Given a plan, the milestones are the
 * additive ones, worked out when first read. Example: `new MilestoneRecord("North", 120, plan).perPeriod`.
 */
export class MilestoneRecord implements UnitMilestones {
  id: string;
  target: number;
  [STATE]: Plan | Worked;

  constructor(id: string, target: number, state: Plan | Worked) {
    this.id = id;
    this.target = target;
    this[STATE] = state;
  }

  private worked(): Worked {
    const state = this[STATE];
    if ("perPeriod" in state) return state;
    return (this[STATE] = additiveValues(this.target, state));
  }

  private plan(): Plan {
    const state = this[STATE];
    return "perPeriod" in state ? state.plan : state;
  }

  get start(): number | undefined {
    const state = this[STATE];
    return "perPeriod" in state ? state.start : undefined;
  }

  get perPeriod(): number[] {
    return this.worked().perPeriod;
  }

  get cumulative(): number[] {
    return this.worked().cumulative;
  }

  get profile(): number[] {
    return this.plan().progress.periodWeights;
  }

  get profileSource(): string {
    return this.plan().progress.source;
  }

  get reason(): string {
    return this.plan().rule.explain(this);
  }

  /** `console.log` and Node's inspector show the fields, not the working state. */
  [INSPECT](): unknown {
    return this.toJSON();
  }

  /** The keys in the order a plain record had them, so JSON output is unchanged. */
  toJSON(): UnitMilestones {
    return {
      id: this.id,
      target: this.target,
      start: this.start,
      perPeriod: this.perPeriod,
      cumulative: this.cumulative,
      profile: this.profile,
      profileSource: this.profileSource,
      reason: this.reason,
    };
  }
}

// Assigning a worked-out field stores the value on the record, as a plain field would.
assignableGetters(MilestoneRecord.prototype, [
  "start",
  "perPeriod",
  "cumulative",
  "profile",
  "profileSource",
]);
