/**
 * Period text to a Period (`YYYY` or `YYYY-MM`). Dates in other shapes (10/1/2025, Oct-25, an
 * Excel serial like 45931) are refused, never guessed: 10/1 is October in Washington and January
 * in London. The refusal names the shape and the month it would be, so the user can fix it once.
 */
import { isMonth, isYear } from "../period";

export type ParsedPeriod =
  | { kind: "period"; period: string }
  /** A date the reader recognises but will not guess at; `why` is a sentence for a finding. */
  | { kind: "date-format"; why: string }
  | { kind: "refused" };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const ISO = /^(\d{4})[-/](\d{1,2})(?:[-/]\d{1,2})?$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const NAMED = /^([a-z]{3,9})\.?[\s\-/']*(\d{2}|\d{4})$/i;
const YEAR_NAMED = /^(\d{4})[\s\-/]*([a-z]{3,9})$/i;
// Excel serials from 1954 to 2119: a five-digit number in a period column is a date whose format was lost.
const SERIAL = /^\d{5}(\.\d+)?$/;

const month = (year: number, m: number) => `${year}-${String(m).padStart(2, "0")}`;
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/**
 * Read a period cell. Example: `parsePeriodText("2026-07-01")` is `{ kind: "period", period: "2026-07" }`;
 * `parsePeriodText("Oct-25").kind === "date-format"`.
 */
export function parsePeriodText(text: string): ParsedPeriod {
  if (isYear(text) || isMonth(text)) return { kind: "period", period: text };
  const iso = ISO.exec(text);
  if (iso) {
    const m = month(Number(iso[1]), Number(iso[2]));
    return isMonth(m) ? { kind: "period", period: m } : { kind: "refused" };
  }
  return dateShape(text) ?? { kind: "refused" };
}

/** The shape of a date the reader will not guess at, with the month(s) it could mean. */
function dateShape(text: string): ParsedPeriod | undefined {
  const slashed = SLASHED.exec(text);
  if (slashed) {
    const [a, b, y] = [Number(slashed[1]), Number(slashed[2]), fullYear(slashed[3])];
    const readings = [a <= 12 ? month(y, a) : "", b <= 12 && b !== a ? month(y, b) : ""].filter(Boolean);
    if (readings.length === 0) return undefined;
    const which =
      readings.length === 2 ? `${readings[0]} (month first) or ${readings[1]} (day first)` : readings[0];
    return {
      kind: "date-format",
      why: `is a date with the day and month in an order the file does not state: write ${which}`,
    };
  }
  const named = NAMED.exec(text) ?? swap(YEAR_NAMED.exec(text));
  if (named) {
    const m = MONTHS.indexOf(named[1].slice(0, 3).toLowerCase()) + 1;
    if (m === 0) return undefined;
    return { kind: "date-format", why: `is a month written as text: write ${month(fullYear(named[2]), m)}` };
  }
  if (SERIAL.test(text)) {
    const iso = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(text)) * 86_400_000).toISOString();
    return {
      kind: "date-format",
      why: `looks like an Excel date number (${iso.slice(0, 10)}) whose date format was lost: write ${iso.slice(0, 7)}`,
    };
  }
  return undefined;
}

function swap(m: RegExpExecArray | null): [string, string, string] | null {
  return m ? [m[0], m[2], m[1]] : null;
}
