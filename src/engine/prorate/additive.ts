/**
 * Counts and amounts: locked units keep their value, the free units share the rest by the
 * method's weights, and rounding hands out whole increments so the total is met exactly.
 */
import type { Finding } from "../model";
import { ProrationError } from "./errors";
import { AdditiveRecord, type AdditiveSplit } from "./additiveRecords";
import { additiveReason, type ReasonContext } from "./reasons";
import { largestRemainderSeats } from "./remainders";
import { webster } from "./rounding";
import type {
  AllocationMethod,
  FallbackCode,
  ProrationInput,
  ProrationResult,
  UnitAllocation,
} from "./types";
import { canonicalOrder, decimalsOf, fmt, fromIncrements, toIncrements } from "./util";
import type { ProrationSettings } from "./validate";

export const TIE_BREAK_TEXT =
  "equal claims go to the unit with the larger weight, then to the unit whose name sorts first";

/** Weights of the free units (in `free` order) plus the warnings and fallbacks taken to get them. */
interface FreeWeights {
  weights: Float64Array;
  methodUsed: AllocationMethod;
  fallbacks: FallbackCode[];
  warnings: Finding[];
}

/** Allocate a count or amount total. Example: weights [10,6,4], total 3 give [1,1,1]. */
export function prorateAdditive(input: ProrationInput, settings: ProrationSettings): ProrationResult {
  if (input.method === "gapClosing") {
    throw new ProrationError("methodNotForKind", {
      detail: `gapClosing is for rates and ratios, not ${input.kind}s`,
    });
  }
  const { increment, rounding, driverLabel } = settings;
  const units = input.units;
  // Loops over units sit in small functions below: this one runs once per call, so it never
  // needs optimising, and each loop is compiled on its own (see remainders.ts for why).
  const { drivers, locks, wholeNumbers } = columnsOf(units);
  // With whole-number drivers and locks every sum is exact in any order, so the (costly) sort by
  // name is only needed to make fractional sums independent of the input order.
  const order = wholeNumbers ? undefined : canonicalOrder(units.map((u) => u.id));
  const { lockedTotal, free, slotOf } = freeSlots(locks, order);
  const freeCount = free.length;
  const freeTotal = input.total - lockedTotal;
  checkLocks(input, lockedTotal, freeTotal, freeCount);
  const freeSeats = freeCount === 0 ? 0 : toIncrements(freeTotal, increment);
  if (freeSeats === undefined) {
    throw new ProrationError("incrementCannotMeet", {
      detail: `${fmt(freeTotal, 6)}, increment ${increment}`,
    });
  }
  const weighed = freeWeights(input, free, drivers, freeSeats, driverLabel);
  const weights = weighed.weights;
  const baseSeats = baseSeatsEach(input, increment, freeSeats, freeCount);
  const restSeats = freeSeats - baseSeats * freeCount;
  const seats = apportion(units, free, weights, restSeats, rounding);
  const totalWeight = addBase(seats, weights, baseSeats);
  const context: ReasonContext = {
    input,
    settings,
    freeTotal,
    freeCount,
    methodUsed: weighed.methodUsed,
    base: baseSeats * increment,
  };
  const split: AdditiveSplit = {
    explainFree: (a) => additiveReason(a, context),
    explainLocked: (a) =>
      `${a.id} is locked at ${fmt(a.value)}; ${freeCount === 1 ? "the free unit gets" : `the ${freeCount} free units share`} the remaining ${fmt(freeTotal)}.`,
    increment,
    baseSeats,
    restSeats,
    totalWeight,
    slotOf,
    weights,
    seats,
    drivers,
  };
  return {
    units: records(units, split, decimalsOf(increment)),
    provenance: {
      kind: input.kind,
      method: input.method,
      methodUsed: weighed.methodUsed,
      rounding,
      increment,
      driverLabel,
      total: input.total,
      lockedTotal,
      freeTotal,
      fallbacks: weighed.fallbacks,
      warnings: weighed.warnings,
      tieBreak: TIE_BREAK_TEXT,
    },
  };
}

/** Drivers and locks as numbers (NaN where blank), in one pass over the units. */
function columnsOf(units: ProrationInput["units"]): {
  drivers: Float64Array;
  locks: Float64Array;
  wholeNumbers: boolean;
} {
  const n = units.length;
  const drivers = new Float64Array(n);
  const locks = new Float64Array(n);
  let wholeNumbers = true;
  for (let i = 0; i < n; i++) {
    const { driver, locked } = units[i];
    drivers[i] = driver ?? NaN;
    locks[i] = locked ?? NaN;
    if (
      (driver !== undefined && !Number.isSafeInteger(driver)) ||
      (locked !== undefined && !Number.isSafeInteger(locked))
    ) {
      wholeNumbers = false;
    }
  }
  return { drivers, locks, wholeNumbers };
}

/**
 * The locked total (summed in `order`, input order when undefined), the free units' positions in
 * that order, and for every position its place among the free units (-1 when locked).
 */
function freeSlots(
  locks: Float64Array,
  order: readonly number[] | undefined,
): { lockedTotal: number; free: Int32Array; slotOf: Int32Array } {
  const n = locks.length;
  let lockedTotal = 0;
  let freeCount = 0;
  for (let k = 0; k < n; k++) {
    const locked = locks[order === undefined ? k : order[k]];
    if (locked !== locked) freeCount++;
    else lockedTotal += locked;
  }
  const free = new Int32Array(freeCount);
  const slotOf = new Int32Array(n);
  for (let k = 0, f = 0; k < n; k++) {
    const i = order === undefined ? k : order[k];
    if (locks[i] !== locks[i]) {
      slotOf[i] = f;
      free[f++] = i;
    } else {
      slotOf[i] = -1;
    }
  }
  return { lockedTotal, free, slotOf };
}

/** Adds the base to every free unit's seats; returns the free units' total weight (summed in order). */
function addBase(seats: Float64Array, weights: Float64Array, baseSeats: number): number {
  let totalWeight = 0;
  for (let f = 0; f < seats.length; f++) {
    totalWeight += weights[f];
    seats[f] += baseSeats;
  }
  return totalWeight;
}

/**
 * One record per unit, in input order: the locked value, or the seats back in the measure's unit.
 * `map` rather than `new Array(n)`: optimised code for the latter deoptimised at 100,000 units.
 */
function records(units: ProrationInput["units"], split: AdditiveSplit, decimals: number): UnitAllocation[] {
  const { slotOf, seats, increment } = split;
  return units.map((unit, i): UnitAllocation => {
    const slot = slotOf[i];
    const value = slot < 0 ? (unit.locked as number) : fromIncrements(seats[slot], increment, decimals);
    return new AdditiveRecord(split, unit.id, value, i);
  });
}

/** The free units' shares of `restSeats` (in `free` order), by the chosen rounding. */
function apportion(
  units: ProrationInput["units"],
  free: Int32Array,
  weights: Float64Array,
  restSeats: number,
  rounding: ProrationSettings["rounding"],
): Float64Array {
  if (free.length === 0 || restSeats === 0) return new Float64Array(free.length);
  if (rounding === "webster") {
    const ids = Array.from(free, (i) => units[i].id);
    return Float64Array.from(webster({ ids, weights: Array.from(weights), seats: restSeats }));
  }
  return largestRemainderSeats(weights, restSeats, (f) => units[free[f]].id);
}

function checkLocks(input: ProrationInput, lockedTotal: number, freeTotal: number, freeCount: number): void {
  const tolerance = 1e-9 * Math.max(1, input.total);
  if (freeTotal < -tolerance) {
    const names = input.units.filter((u) => u.locked !== undefined).map((u) => u.id);
    const shown = names.slice(0, 5).join(", ") + (names.length > 5 ? ` and ${names.length - 5} more` : "");
    throw new ProrationError("lockedExceedsTotal", {
      unit: names[0],
      detail: `${fmt(lockedTotal)} (${shown}) against a total of ${fmt(input.total)}`,
    });
  }
  if (freeCount === 0 && Math.abs(freeTotal) > tolerance) {
    throw new ProrationError("allLockedMismatch", {
      detail: `${fmt(lockedTotal)} against ${fmt(input.total)}`,
    });
  }
}

function freeWeights(
  input: ProrationInput,
  free: Int32Array,
  drivers: Float64Array,
  freeSeats: number,
  driverLabel: string,
): FreeWeights {
  const warnings: Finding[] = [];
  const weights = new Float64Array(free.length);
  if (input.method === "equal") {
    weights.fill(1);
    return { weights, methodUsed: "equal", fallbacks: [], warnings };
  }
  const missing = copyDrivers(free, drivers, weights);
  for (const i of missing) {
    const id = input.units[i].id;
    warnings.push({
      severity: "warning",
      code: "driverMissing",
      unit: id,
      message: `${id} has no ${driverLabel}, so it gets no pro rata share.`,
      fix: `Enter ${id}'s ${driverLabel}, or lock its target.`,
    });
  }
  if (freeSeats > 0 && free.length > 0 && allZero(weights)) {
    warnings.push({
      severity: "warning",
      code: "fallbackEqual",
      message: `No free unit has a ${driverLabel} above zero, so the free units share equally.`,
      fix: `Enter each unit's ${driverLabel}, or choose the equal method.`,
    });
    return {
      weights: weights.fill(1),
      methodUsed: "equal",
      fallbacks: ["equalForZeroDrivers"],
      warnings,
    };
  }
  return { weights, methodUsed: input.method, fallbacks: [], warnings };
}

/** Free units' drivers into `weights` (0 where blank); returns the positions of blank ones, in order. */
function copyDrivers(free: Int32Array, drivers: Float64Array, weights: Float64Array): number[] {
  const missing: number[] = [];
  for (let f = 0; f < free.length; f++) {
    const driver = drivers[free[f]];
    if (driver !== driver) missing.push(free[f]);
    else weights[f] = driver;
  }
  return missing;
}

function allZero(weights: Float64Array): boolean {
  for (let f = 0; f < weights.length; f++) if (weights[f] !== 0) return false;
  return true;
}

function baseSeatsEach(
  input: ProrationInput,
  increment: number,
  freeSeats: number,
  freeCount: number,
): number {
  if (input.method !== "basePlusProRata") return 0;
  const base = input.baseEach ?? 0;
  if (!Number.isFinite(base) || base < 0) throw new ProrationError("baseInvalid", { detail: String(base) });
  const seats = toIncrements(base, increment);
  if (seats === undefined) {
    throw new ProrationError("incrementCannotMeet", {
      detail: `base ${fmt(base, 6)}, increment ${increment}`,
    });
  }
  if (seats * freeCount > freeSeats) {
    throw new ProrationError("baseExceedsTotal", { detail: `${fmt(base)} x ${freeCount} units` });
  }
  return seats;
}
