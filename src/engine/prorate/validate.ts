/** Checks every proration input in one place, so the allocators can assume clean numbers. */
import { ProrationError } from "./errors";
import type { ProrationInput, RoundingMethod } from "./types";
import { firstRepeatedId } from "./unique";

const NON_BLANK = /\S/;

/** Whether the id has a non-space character; the regex only runs for ids that start with a space or non-ASCII. */
function isNamed(id: unknown): id is string {
  if (typeof id !== "string" || id.length === 0) return false;
  const first = id.charCodeAt(0);
  return (first > 32 && first < 127) || NON_BLANK.test(id);
}

/** The settings every allocator uses, with defaults applied. */
export interface ProrationSettings {
  increment: number;
  rounding: RoundingMethod;
  driverLabel: string;
}

/**
 * Throw a `ProrationError` naming the first unit whose input no allocation can honour.
 * Example: `validateProration({ ...input, units: [{ id: "North", driver: -1 }] })` throws `driverNegative`.
 */
export function validateProration(input: ProrationInput): ProrationSettings {
  if (input.units.length === 0) throw new ProrationError("noUnits");
  checkUnits(input.units);
  if (typeof input.total !== "number" || !Number.isFinite(input.total)) {
    throw new ProrationError("totalNotFinite", { detail: String(input.total) });
  }
  if (input.total < 0) throw new ProrationError("totalNegative", { detail: input.total });
  const increment = input.increment ?? 1;
  if (typeof increment !== "number" || !Number.isFinite(increment) || increment <= 0) {
    throw new ProrationError("incrementInvalid", { detail: String(increment) });
  }
  if (input.kind === "rate") checkRates(input);
  return {
    increment,
    rounding: input.rounding ?? "largestRemainder",
    driverLabel: input.driverLabel?.trim() || defaultDriverLabel(input),
  };
}

/** Names present and unique, drivers and locks numbers of zero or more; throws for the first unit that fails. */
function checkUnits(units: ProrationInput["units"]): void {
  const repeated = firstRepeatedId(units);
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (!isNamed(unit.id)) throw new ProrationError("blankUnit", { detail: i + 1 });
    if (i === repeated) throw new ProrationError("duplicateUnit", { unit: unit.id });
    checkOptionalNumber(unit.id, unit.driver, "driverNotFinite", "driverNegative");
    checkOptionalNumber(unit.id, unit.locked, "lockedNotFinite", "lockedNegative");
  }
}

function defaultDriverLabel(input: ProrationInput): string {
  if (input.method === "priorShare") return "prior-year actual";
  if (input.method === "custom") return "weight";
  return "driver";
}

function checkOptionalNumber(
  unit: string,
  value: number | undefined,
  notFinite: "driverNotFinite" | "lockedNotFinite",
  negative: "driverNegative" | "lockedNegative",
): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ProrationError(notFinite, { unit, detail: String(value) });
  }
  if (value < 0) throw new ProrationError(negative, { unit, detail: value });
}

function checkRates(input: ProrationInput): void {
  if (input.total > 100)
    throw new ProrationError("rateOutOfRange", { detail: `The program target ${input.total}` });
  for (const unit of input.units) {
    for (const [label, value] of [
      ["locked rate", unit.locked],
      ["baseline", unit.baseline],
    ] as const) {
      if (value !== undefined && (!Number.isFinite(value) || value < 0 || value > 100)) {
        throw new ProrationError("rateOutOfRange", { detail: `Unit "${unit.id}"'s ${label} ${value}` });
      }
    }
  }
}
