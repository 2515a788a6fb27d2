/** The periods of a fiscal year: twelve months, four quarters, or twelve 4-4-5 months weighted by weeks. */
import { fiscalYearMonths } from "../period";
import { ProrationError } from "../prorate/errors";
import type { MilestonePeriod, Periodicity } from "./types";

const WEEK_PATTERNS: Record<"4-4-5" | "4-5-4" | "5-4-4", number[]> = {
  "4-4-5": [4, 4, 5],
  "4-5-4": [4, 5, 4],
  "5-4-4": [5, 4, 4],
};

/** Weeks in each fiscal month for a retail calendar, else undefined. Example: `weeksPerMonth("4-4-5")[2] === 5`. */
export function weeksPerMonth(periodicity: Periodicity): number[] | undefined {
  if (periodicity === "monthly" || periodicity === "quarterly") return undefined;
  const pattern = WEEK_PATTERNS[periodicity];
  return Array.from({ length: 12 }, (_, i) => pattern[i % 3]);
}

/**
 * The periods of a fiscal year in order.
 * Example: `fiscalPeriods(2027, 10, "quarterly")[0]` is Q1 covering 2026-10, 2026-11, 2026-12.
 */
export function fiscalPeriods(
  fiscalYear: number,
  fyStartMonth: number,
  periodicity: Periodicity,
): MilestonePeriod[] {
  if (!Number.isInteger(fyStartMonth) || fyStartMonth < 1 || fyStartMonth > 12) {
    throw new ProrationError("fyStartInvalid", { detail: String(fyStartMonth) });
  }
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1 || fiscalYear > 9999) {
    throw new ProrationError("fiscalYearInvalid", { detail: String(fiscalYear) });
  }
  const months = fiscalYearMonths(fiscalYear, fyStartMonth);
  if (periodicity === "quarterly") {
    return [0, 1, 2, 3].map((q) => ({
      index: q,
      label: `Q${q + 1}`,
      months: months.slice(q * 3, q * 3 + 3),
    }));
  }
  const weeks = weeksPerMonth(periodicity);
  return months.map((month, i) => ({
    index: i,
    label: `P${String(i + 1).padStart(2, "0")}`,
    months: [month],
    ...(weeks ? { weeks: weeks[i] } : {}),
  }));
}
