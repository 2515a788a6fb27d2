/**
 * Periods are `YYYY-MM` strings (or `YYYY` for a year) and month indices; never local Dates.
 * A month index counts months since year 0: `monthIndex("2026-07") === 2026 * 12 + 6`.
 */
import type { Period } from "./model";

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR_RE = /^\d{4}$/;

/** True for `YYYY-MM`. Example: `isMonth("2026-07") === true`. */
export function isMonth(period: string): boolean {
  return MONTH_RE.test(period);
}

/** True for `YYYY`. Example: `isYear("2026") === true`. */
export function isYear(period: string): boolean {
  return YEAR_RE.test(period);
}

/** Months since year 0. Example: `monthIndex("2026-01") === 24312`. Throws on a malformed month. */
export function monthIndex(period: Period): number {
  const m = MONTH_RE.exec(period);
  if (!m) throw new RangeError(`"${period}" is not a month in the form YYYY-MM`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** The month for an index. Example: `monthFromIndex(24312) === "2026-01"`. */
export function monthFromIndex(index: number): Period {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

/** Shift a month. Example: `addMonths("2026-11", 3) === "2027-02"`. */
export function addMonths(period: Period, months: number): Period {
  return monthFromIndex(monthIndex(period) + months);
}

/** Calendar month 1-12. Example: `calendarMonth("2026-07") === 7`. */
export function calendarMonth(period: Period): number {
  return (monthIndex(period) % 12) + 1;
}

/**
 * The fiscal year a month falls in, named by the calendar year in which it ends
 * (US federal FY2027 runs 2026-10 to 2027-09). Example: `fiscalYearOf("2026-10", 10) === 2027`.
 */
export function fiscalYearOf(period: Period, fyStartMonth: number): number {
  assertStartMonth(fyStartMonth);
  return fiscalYearOfIndex(monthIndex(period), fyStartMonth);
}

/** 0-based position of a month within its fiscal year. Example: `fiscalMonthOffset("2026-10", 10) === 0`. */
export function fiscalMonthOffset(period: Period, fyStartMonth: number): number {
  assertStartMonth(fyStartMonth);
  return fiscalMonthOffsetOfIndex(monthIndex(period), fyStartMonth);
}

/**
 * fiscalYearOf for a month index, unchecked for the hot loops of checks and flags (fyStartMonth
 * must be 1-12). Example: `fiscalYearOfIndex(monthIndex("2026-10"), 10) === 2027`.
 */
export function fiscalYearOfIndex(index: number, fyStartMonth: number): number {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return fyStartMonth === 1 || month < fyStartMonth ? year : year + 1;
}

/** fiscalMonthOffset for a month index, unchecked (fyStartMonth 1-12). Example: `fiscalMonthOffsetOfIndex(monthIndex("2026-12"), 10) === 2`. */
export function fiscalMonthOffsetOfIndex(index: number, fyStartMonth: number): number {
  const month = index - Math.floor(index / 12) * 12 + 1;
  return (month - fyStartMonth + 12) % 12;
}

/** The twelve months of a fiscal year. Example: `fiscalYearMonths(2027, 10)[0] === "2026-10"`. */
export function fiscalYearMonths(fiscalYear: number, fyStartMonth: number): Period[] {
  assertStartMonth(fyStartMonth);
  const startYear = fyStartMonth === 1 ? fiscalYear : fiscalYear - 1;
  const first = startYear * 12 + fyStartMonth - 1;
  return Array.from({ length: 12 }, (_, i) => monthFromIndex(first + i));
}

function assertStartMonth(fyStartMonth: number): void {
  if (!Number.isInteger(fyStartMonth) || fyStartMonth < 1 || fyStartMonth > 12) {
    throw new RangeError(`fiscal-year start month must be 1-12, got ${fyStartMonth}`);
  }
}
