/**
 * Counts and amounts: locked units keep their value, the free units share the rest by the
 * method's weights, and rounding hands out whole increments so the total is met exactly.
 */
import type { Finding } from "../model";
import { ProrationError } from "./errors";
import { allocationsExplainedBy } from "./lazy";
import { additiveReason, type ReasonContext } from "./reasons";
import { largestRemainder, webster } from "./rounding";
import type {
  AllocationMethod,
  FallbackCode,
  ProrationInput,
  ProrationResult,
  UnitAllocation,
} from "./types";
import { canonicalOrder, decimalsOf, fmt, fromIncrements, sumBy, toIncrements } from "./util";
import type { ProrationSettings } from "./validate";

export const TIE_BREAK_TEXT =
  "equal claims go to the unit with the larger weight, then to the unit whose name sorts first";

/** Weights of the free units (canonical order) plus the warnings and fallbacks taken to get them. */
interface FreeWeights {
  weights: number[];
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
  // With whole-number drivers and locks every sum is exact in any order, so the (costly) sort by
  // name is only needed to make fractional sums independent of the input order.
  const exactSums = units.every(
    (u) =>
      (u.driver === undefined || Number.isSafeInteger(u.driver)) &&
      (u.locked === undefined || Number.isSafeInteger(u.locked)),
  );
  const order = exactSums ? units.map((_, i) => i) : canonicalOrder(units.map((u) => u.id));
  const lockedTotal = sumBy(order, (i) => units[i].locked ?? 0);
  const freeOrder = order.filter((i) => units[i].locked === undefined);
  const freeTotal = input.total - lockedTotal;
  checkLocks(input, lockedTotal, freeTotal, freeOrder.length);
  const freeSeats = freeOrder.length === 0 ? 0 : toIncrements(freeTotal, increment);
  if (freeSeats === undefined) {
    throw new ProrationError("incrementCannotMeet", {
      detail: `${fmt(freeTotal, 6)}, increment ${increment}`,
    });
  }
  const free = freeWeights(input, freeOrder, freeSeats, driverLabel);
  const baseSeats = baseSeatsEach(input, increment, freeSeats, freeOrder.length);
  const restSeats = freeSeats - baseSeats * freeOrder.length;
  const ids = freeOrder.map((i) => units[i].id);
  const shares =
    freeOrder.length === 0 || restSeats === 0
      ? new Array<number>(freeOrder.length).fill(0)
      : (rounding === "webster" ? webster : largestRemainder)({
          ids,
          weights: free.weights,
          seats: restSeats,
        });
  const totalWeight = free.weights.reduce((a, b) => a + b, 0);
  const decimals = decimalsOf(increment);
  const allocations = new Array<UnitAllocation>(units.length);
  const context: ReasonContext = {
    input,
    settings,
    freeTotal,
    freeCount: freeOrder.length,
    methodUsed: free.methodUsed,
    base: baseSeats * increment,
  };
  const Free = allocationsExplainedBy((a) => additiveReason(a, context));
  freeOrder.forEach((unitIndex, k) => {
    const weight = free.weights[k];
    const weightShare = totalWeight > 0 ? weight / totalWeight : 0;
    const quotaSeats = baseSeats + restSeats * weightShare;
    const seats = baseSeats + shares[k];
    allocations[unitIndex] = new Free({
      id: units[unitIndex].id,
      value: fromIncrements(seats, increment, decimals),
      increments: seats,
      quota: quotaSeats * increment,
      locked: false,
      driver: units[unitIndex].driver,
      weight,
      weightShare,
      rounding: Math.abs(seats - quotaSeats) < 1e-9 ? "exact" : seats > quotaSeats ? "up" : "down",
    });
  });
  const Locked = allocationsExplainedBy(
    (a) =>
      `${a.id} is locked at ${fmt(a.value)}; ${freeOrder.length === 1 ? "the free unit gets" : `the ${freeOrder.length} free units share`} the remaining ${fmt(freeTotal)}.`,
  );
  for (const i of order) {
    const locked = units[i].locked;
    if (locked === undefined) continue;
    allocations[i] = new Locked({
      id: units[i].id,
      value: locked,
      increments: locked / increment,
      quota: locked,
      locked: true,
      driver: units[i].driver,
      weight: 0,
      weightShare: 0,
      rounding: "locked",
    });
  }
  return {
    units: allocations,
    provenance: {
      kind: input.kind,
      method: input.method,
      methodUsed: free.methodUsed,
      rounding,
      increment,
      driverLabel,
      total: input.total,
      lockedTotal,
      freeTotal,
      fallbacks: free.fallbacks,
      warnings: free.warnings,
      tieBreak: TIE_BREAK_TEXT,
    },
  };
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
  freeOrder: number[],
  freeSeats: number,
  driverLabel: string,
): FreeWeights {
  const warnings: Finding[] = [];
  if (input.method === "equal") {
    return { weights: freeOrder.map(() => 1), methodUsed: "equal", fallbacks: [], warnings };
  }
  const weights = freeOrder.map((i) => {
    const unit = input.units[i];
    if (unit.driver === undefined) {
      warnings.push({
        severity: "warning",
        code: "driverMissing",
        unit: unit.id,
        message: `${unit.id} has no ${driverLabel}, so it gets no pro rata share.`,
        fix: `Enter ${unit.id}'s ${driverLabel}, or lock its target.`,
      });
      return 0;
    }
    return unit.driver;
  });
  if (freeSeats > 0 && freeOrder.length > 0 && weights.every((w) => w === 0)) {
    warnings.push({
      severity: "warning",
      code: "fallbackEqual",
      message: `No free unit has a ${driverLabel} above zero, so the free units share equally.`,
      fix: `Enter each unit's ${driverLabel}, or choose the equal method.`,
    });
    return {
      weights: freeOrder.map(() => 1),
      methodUsed: "equal",
      fallbacks: ["equalForZeroDrivers"],
      warnings,
    };
  }
  return { weights, methodUsed: input.method, fallbacks: [], warnings };
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
