/**
 * Monthly progress profiles: twelve non-negative weights in fiscal-month order that say how a
 * year's progress is distributed. Even, ramp, custom, or seasonal from prior years' actuals.
 */
import type { FindingCode } from "../findings";
import type { Finding } from "../model";
import { fiscalMonthOffset, fiscalYearOf, isMonth } from "../period";
import { ProrationError } from "../prorate/errors";
import { weeksPerMonth } from "./periods";
import type { MonthlyActual, Periodicity, SpreadSpec } from "./types";

export interface MonthlyProfile {
  weights: number[];
  source: string;
}

/** How many prior fiscal years a seasonal profile averages. */
export const SEASONAL_YEARS = 3;

/** The profile that does not depend on a unit's history. Example: ramp front gives [12, 11, ..., 1]. */
export function fixedProfile(spread: SpreadSpec, periodicity: Periodicity): MonthlyProfile {
  const weeks = weeksPerMonth(periodicity);
  const even: MonthlyProfile = weeks
    ? { weights: weeks, source: `even by weeks (${periodicity})` }
    : { weights: new Array<number>(12).fill(1), source: "even" };
  if (spread.kind === "even" || spread.kind === "seasonal") return even;
  if (spread.kind === "ramp") {
    if (spread.shape === "linear") return { weights: even.weights, source: "as a straight line" };
    const rising = Array.from({ length: 12 }, (_, i) => i + 1);
    return spread.shape === "back"
      ? { weights: rising, source: "back-loaded ramp" }
      : { weights: rising.reverse(), source: "front-loaded ramp" };
  }
  return { weights: customWeights(spread.profile, periodicity), source: "custom profile" };
}

function customWeights(profile: number[], periodicity: Periodicity): number[] {
  const expected = periodicity === "quarterly" ? [12, 4] : [12];
  if (!Array.isArray(profile) || !expected.includes(profile.length)) {
    throw new ProrationError("profileInvalid", {
      detail: `has ${Array.isArray(profile) ? profile.length : 0} weights; give ${expected.join(" or ")}`,
    });
  }
  profile.forEach((w, i) => {
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      throw new ProrationError("profileInvalid", {
        detail: `weight ${i + 1} is ${String(w)}; use numbers of zero or more`,
      });
    }
  });
  if (profile.every((w) => w === 0)) throw new ProrationError("profileInvalid", { detail: "is all zeros" });
  // A quarterly profile of four weights spreads each quarter's weight over its three months.
  return profile.length === 12 ? [...profile] : profile.flatMap((w) => [w / 3, w / 3, w / 3]);
}

/**
 * Seasonal weights from up to three prior fiscal years. Each year is scaled by its own monthly
 * mean (so a bigger year does not dominate and a missing month does not bias it), then the years
 * are averaged month by month. A month missing in every year gets the average weight (1).
 * Example: two prior years where December is always double give December twice November's weight.
 */
export function seasonalProfile(
  history: MonthlyActual[] | undefined,
  fiscalYear: number,
  fyStartMonth: number,
  unitId: string,
  warnings: Finding[],
): MonthlyProfile | undefined {
  const years = new Map<number, (number | undefined)[]>();
  for (const actual of history ?? []) {
    if (!isMonth(actual.month)) {
      warnings.push(
        warn(
          "badHistoryMonth",
          unitId,
          `${unitId}: "${actual.month}" is not a YYYY-MM month; it is ignored.`,
        ),
      );
      continue;
    }
    const fy = fiscalYearOf(actual.month, fyStartMonth);
    if (fy >= fiscalYear || fy < fiscalYear - SEASONAL_YEARS || actual.value === undefined) continue;
    if (!Number.isFinite(actual.value) || actual.value < 0) {
      warnings.push(
        warn(
          "badHistoryValue",
          unitId,
          `${unitId}: the actual for ${actual.month} is ${actual.value}; it is ignored.`,
        ),
      );
      continue;
    }
    const row = years.get(fy) ?? new Array<number | undefined>(12).fill(undefined);
    row[fiscalMonthOffset(actual.month, fyStartMonth)] = actual.value;
    years.set(fy, row);
  }
  const sums = new Array<number>(12).fill(0);
  const counts = new Array<number>(12).fill(0);
  const used: number[] = [];
  for (const [fy, row] of [...years.entries()].sort((a, b) => a[0] - b[0])) {
    const present = row.filter((v): v is number => v !== undefined);
    const mean = present.reduce((a, b) => a + b, 0) / present.length;
    if (!(mean > 0)) continue;
    used.push(fy);
    row.forEach((v, m) => {
      if (v === undefined) return;
      sums[m] += v / mean;
      counts[m] += 1;
    });
  }
  if (used.length === 0) return undefined;
  const gaps = counts.filter((c) => c === 0).length;
  if (gaps > 0) {
    warnings.push(
      warn(
        "historyGaps",
        unitId,
        `${unitId}: ${gaps} month(s) have no prior actuals; they get an average month's weight.`,
      ),
    );
  }
  const weights = sums.map((s, m) => (counts[m] === 0 ? 1 : s / counts[m]));
  const label = used.map((fy) => `FY${fy}`).join(", ");
  return {
    weights,
    source: `seasonal from ${used.length} prior year${used.length > 1 ? "s" : ""} (${label})`,
  };
}

function warn(code: FindingCode, unit: string, message: string): Finding {
  return { severity: "warning", code, unit, message };
}
