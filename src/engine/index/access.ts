/** Reading one series of the index by position: values, the plan, usable actuals, fiscal years. */
import type { Period } from "../model";
import { fiscalMonthOffsetOfIndex, fiscalYearOfIndex, monthFromIndex } from "../period";
import type { SeriesData } from "./series";

/** The value at a position, undefined when missing or outside the series. Example: `at(s.actual, 3)`. */
export function at(values: Float64Array, position: number): number | undefined {
  if (position < 0 || position >= values.length) return undefined;
  const v = values[position];
  return v === v ? v : undefined;
}

/** The plan for a period: its milestone, else its target. Example: `planAt(s, 3)`. */
export function planAt(s: SeriesData, position: number): number | undefined {
  return at(s.milestone, position) ?? at(s.target, position);
}

/** A usable actual: present, a number, and not hit by a data error. Example: `goodActualAt(s, 3)`. */
export function goodActualAt(s: SeriesData, position: number): number | undefined {
  if (position < 0 || position >= s.length || s.bad[position]) return undefined;
  return at(s.actual, position);
}

/** Positions of the fiscal year to date ending at a position (one position for yearly series). Example: `ytdRange(s, 5, 10)`. */
export function ytdRange(s: SeriesData, position: number, fyStartMonth: number): [number, number] {
  return [ytdFirst(s, position, fyStartMonth), position];
}

/** The first position of `ytdRange`, without an array (checks take it for each of 20,000 series). Example: `ytdFirst(s, 5, 10)`. */
export function ytdFirst(s: SeriesData, position: number, fyStartMonth: number): number {
  return s.monthly ? position - fiscalMonthOffsetOfIndex(s.start + position, fyStartMonth) : position;
}

/** The fiscal year of a position. Example: `fiscalYearAt(s, 0, 10)`. */
export function fiscalYearAt(s: SeriesData, position: number, fyStartMonth: number): number {
  return s.monthly ? fiscalYearOfIndex(s.start + position, fyStartMonth) : s.start + position;
}

/** Positions per period of the same period last year: 12 for months, 1 for years. Example: `lagOneYear(s) === 12`. */
export function lagOneYear(s: SeriesData): number {
  return s.monthly ? 12 : 1;
}

/** The period label of a position. Example: `periodAt(s, 0) === "2016-04"`. */
export function periodAt(s: SeriesData, position: number): Period {
  return s.monthly ? monthFromIndex(s.start + position) : String(s.start + position);
}

/** Month index of the first month of a fiscal year. Example: `fiscalYearStartIndex(2027, 10) === monthIndex("2026-10")`. */
export function fiscalYearStartIndex(fiscalYear: number, fyStartMonth: number): number {
  return (fyStartMonth === 1 ? fiscalYear : fiscalYear - 1) * 12 + fyStartMonth - 1;
}
