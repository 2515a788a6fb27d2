/**
 * Records whose `reason` sentence is written when it is read, not when the record is built.
 * Writing 100,000 sentences nobody reads costs more than the allocation itself; reading
 * `record.reason` (or `JSON.stringify(record)`) always gives the sentence. Fields are copied
 * one by one because `Object.assign` on class instances was five times slower at 100,000 units.
 */
import type { UnitMilestones } from "../milestones/types";
import type { UnitAllocation } from "./types";

export type AllocationFields = Omit<UnitAllocation, "reason">;
export type MilestoneFields = Omit<UnitMilestones, "reason">;

class AllocationRecord implements UnitAllocation {
  id: string;
  value: number;
  increments: number;
  quota: number;
  numerator?: number;
  locked: boolean;
  driver?: number;
  baseline?: number;
  denominator?: number;
  weight: number;
  weightShare: number;
  rounding: UnitAllocation["rounding"];

  constructor(f: AllocationFields) {
    this.id = f.id;
    this.value = f.value;
    this.increments = f.increments;
    this.quota = f.quota;
    this.numerator = f.numerator;
    this.locked = f.locked;
    this.driver = f.driver;
    this.baseline = f.baseline;
    this.denominator = f.denominator;
    this.weight = f.weight;
    this.weightShare = f.weightShare;
    this.rounding = f.rounding;
  }

  get reason(): string {
    return "";
  }

  toJSON(): UnitAllocation {
    return { ...this, reason: this.reason };
  }
}

class MilestoneRecord implements UnitMilestones {
  id: string;
  target: number;
  start?: number;
  perPeriod: number[];
  cumulative: number[];
  profile: number[];
  profileSource: string;

  constructor(f: MilestoneFields) {
    this.id = f.id;
    this.target = f.target;
    this.start = f.start;
    this.perPeriod = f.perPeriod;
    this.cumulative = f.cumulative;
    this.profile = f.profile;
    this.profileSource = f.profileSource;
  }

  get reason(): string {
    return "";
  }

  toJSON(): UnitMilestones {
    return { ...this, reason: this.reason };
  }
}

/** A constructor of allocations explained by `explain`. Example: `new (allocationsExplainedBy((a) => a.id))(fields).reason`. */
export function allocationsExplainedBy(
  explain: (record: AllocationFields) => string,
): new (fields: AllocationFields) => UnitAllocation {
  return class extends AllocationRecord {
    override get reason(): string {
      return explain(this);
    }
  };
}

/** A constructor of unit milestones explained by `explain`. Example: `new (milestonesExplainedBy((u) => u.id))(fields).reason`. */
export function milestonesExplainedBy(
  explain: (record: MilestoneFields) => string,
): new (fields: MilestoneFields) => UnitMilestones {
  return class extends MilestoneRecord {
    override get reason(): string {
      return explain(this);
    }
  };
}
