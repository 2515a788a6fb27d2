/**
 * Count and amount allocations that hold only their id and target; every other field is read
 * from the split's typed columns when asked.
 *
 * Why: a record with twelve own fields (two of them fresh doubles) per unit was most of what a
 * 10,000-unit split allocated, and garbage collection took a quarter of the run. Reading a field
 * gives what the eager record held; assigning one keeps the assigned value (it becomes the
 * record's own property); `JSON.stringify` writes the same keys in the same order as before.
 */
import type { RoundingOutcome, UnitAllocation } from "./types";
import { INSPECT, assignableGetters } from "../leanRecord";

/** What a count/amount split works out once; its records read their fields from here. */
export interface AdditiveSplit {
  /** The reason sentences of free and of locked units. */
  explainFree: (record: UnitAllocation) => string;
  explainLocked: (record: UnitAllocation) => string;
  increment: number;
  baseSeats: number;
  restSeats: number;
  totalWeight: number;
  /** Per input position: the unit's slot among the free units, or -1 when it is locked. */
  slotOf: Int32Array;
  /** Per free slot: the weight used and the seats (increments) given. */
  weights: Float64Array;
  seats: Float64Array;
  /** Per input position: the driver the unit came with, NaN when it had none. */
  drivers: Float64Array;
}

const SPLIT = Symbol("split");
// Node's util.inspect hook, by its registered name, so the engine imports nothing from Node.
const AT = Symbol("position");

/** The fields a record works out when read, in the order JSON has always listed them. */
const LAZY_FIELDS = [
  "increments",
  "quota",
  "numerator",
  "locked",
  "driver",
  "baseline",
  "denominator",
  "weight",
  "weightShare",
  "rounding",
] as const;

/**
 * One class for every split (not a class per call), so code that reads many results sees one
 * hidden class and stays fast. Example: `new AdditiveRecord(split, "North", 412, 0).quota`.
 */
export class AdditiveRecord implements UnitAllocation {
  id: string;
  value: number;
  [SPLIT]: AdditiveSplit;
  [AT]: number;

  constructor(split: AdditiveSplit, id: string, value: number, position: number) {
    this.id = id;
    this.value = value;
    this[SPLIT] = split;
    this[AT] = position;
  }

  private get split(): AdditiveSplit {
    return this[SPLIT];
  }

  get reason(): string {
    return this.slot < 0 ? this.split.explainLocked(this) : this.split.explainFree(this);
  }

  private get slot(): number {
    return this.split.slotOf[this[AT]];
  }

  /** Exact seats before rounding: the base plus the unit's weight share of the rest. */
  private get quotaSeats(): number {
    const split = this.split;
    return split.baseSeats + split.restSeats * this.weightShare;
  }

  get locked(): boolean {
    return this.slot < 0;
  }

  get increments(): number {
    const slot = this.slot;
    return slot < 0 ? this.value / this.split.increment : this.split.seats[slot];
  }

  get quota(): number {
    return this.slot < 0 ? this.value : this.quotaSeats * this.split.increment;
  }

  get numerator(): number | undefined {
    return undefined;
  }

  get driver(): number | undefined {
    const driver = this.split.drivers[this[AT]];
    return Number.isNaN(driver) ? undefined : driver;
  }

  get baseline(): number | undefined {
    return undefined;
  }

  get denominator(): number | undefined {
    return undefined;
  }

  get weight(): number {
    const slot = this.slot;
    return slot < 0 ? 0 : this.split.weights[slot];
  }

  get weightShare(): number {
    const slot = this.slot;
    const total = this.split.totalWeight;
    return slot < 0 ? 0 : total > 0 ? this.split.weights[slot] / total : 0;
  }

  get rounding(): RoundingOutcome {
    const slot = this.slot;
    if (slot < 0) return "locked";
    const seats = this.split.seats[slot];
    const quotaSeats = this.quotaSeats;
    return Math.abs(seats - quotaSeats) < 1e-9 ? "exact" : seats > quotaSeats ? "up" : "down";
  }

  /** `console.log` and Node's inspector show the fields, not the working state. */
  [INSPECT](): unknown {
    return this.toJSON();
  }

  toJSON(): UnitAllocation {
    const json: Record<string, unknown> = { id: this.id, value: this.value };
    for (const field of LAZY_FIELDS) json[field] = this[field];
    json.reason = this.reason;
    return json as unknown as UnitAllocation;
  }
}

// Assigning a worked-out field stores the value on the record, as a plain field would.
assignableGetters(AdditiveRecord.prototype, LAZY_FIELDS);
