/** One-sentence reasons: why did North get 412? Kept apart so the wording can be tuned in one place. */
import type { AllocationFields } from "./lazy";
import type { AllocationMethod, ProrationInput, RoundingMethod } from "./types";
import { fmt, pct } from "./util";
import type { ProrationSettings } from "./validate";

export interface ReasonContext {
  input: ProrationInput;
  settings: ProrationSettings;
  freeTotal: number;
  freeCount: number;
  methodUsed: AllocationMethod;
  /** basePlusProRata: the base each free unit gets. */
  base: number;
}

export type { AllocationFields };

const ROUNDING_WORDS: Record<RoundingMethod, string> = {
  largestRemainder: "largest remainder",
  webster: "Webster rounding",
};

function roundingClause(allocation: AllocationFields, rounding: RoundingMethod, unitWord: string): string {
  const exact = fmt(allocation.quota);
  if (allocation.rounding === "exact") return `exactly ${exact}, no rounding needed`;
  const direction = allocation.rounding === "up" ? "up" : "down";
  return `an exact ${exact} rounded ${direction} to a whole ${unitWord} by ${ROUNDING_WORDS[rounding]}`;
}

function poolWords(context: ReasonContext): string {
  const { input, freeTotal } = context;
  return freeTotal === input.total
    ? `the total of ${fmt(freeTotal)}`
    : `the ${fmt(freeTotal)} left after locked units`;
}

/**
 * Why a free count/amount unit got its target.
 * Example: "North gets 412 of the total of 5,000: its caseload of 2,310 is 8.24 % of the free units' caseload, an exact 411.97 rounded up to a whole increment by largest remainder."
 */
export function additiveReason(allocation: AllocationFields, context: ReasonContext): string {
  const { settings, methodUsed, input, base } = context;
  const driver = allocation.driver;
  const unitWord = settings.increment === 1 ? "number" : `multiple of ${fmt(settings.increment)}`;
  const head = `${allocation.id} gets ${fmt(allocation.value)} of ${poolWords(context)}`;
  const rounded = roundingClause(allocation, settings.rounding, unitWord);
  if (methodUsed === "equal") {
    const why =
      input.method === "equal"
        ? `an equal share among ${context.freeCount} free units`
        : `no free unit has a ${settings.driverLabel} above zero, so the free units share equally`;
    return `${head}: ${why}, ${rounded}.`;
  }
  const label = settings.driverLabel;
  if (driver === undefined) return `${head}: it has no ${label}, so it gets no pro rata share.`;
  const share = `its ${label} of ${fmt(driver)} is ${pct(allocation.weightShare)} of the free units' ${label}`;
  if (methodUsed === "basePlusProRata") {
    return `${head}: a base of ${fmt(base)} plus ${pct(allocation.weightShare)} of the rest by ${label}, ${rounded}.`;
  }
  return `${head}: ${share}, ${rounded}.`;
}

/** A rate or ratio for a sentence. Example: `rateText(84.2, "rate") === "84.2 %"`. */
export function rateText(value: number, kind: "rate" | "ratio"): string {
  return kind === "rate" ? `${fmt(value)} %` : fmt(value, 3);
}
