/**
 * Records whose `reason` sentence is written when it is read, not when the record is built.
 * Writing 100,000 sentences nobody reads costs more than the allocation itself; reading
 * `record.reason` (or `JSON.stringify(record)`) always gives the sentence. Fields are copied
 * one by one because `Object.assign` on class instances was five times slower at 100,000 units.
 */
import type { UnitAllocation } from "./types";

export type AllocationFields = Omit<UnitAllocation, "reason">;

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
