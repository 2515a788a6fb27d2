/** Building flags with stable ids and rounded evidence, shared by every detector. */
import { directionSign } from "../checks/compare";
import type { MeasureDef, Period } from "../model";
import { flagId, type DetectorKind, type Flag, type FlagSeverity } from "./types";

export interface FlagInput {
  severity: FlagSeverity;
  measure: string;
  unit: string;
  periods: Period[];
  values: Record<string, number>;
  text: string;
  explanation: string;
  whatToCheck: string;
}

/**
 * A flag with its stable id and evidence rounded to 4 significant digits. A value that is not
 * finite (a z with no spread to divide by) is left out: JSON would print it as null, and the
 * sentence says what happened instead. Example: `makeFlag("exact-hits", {...})`.
 */
export function makeFlag(detector: DetectorKind, input: FlagInput): Flag {
  const values: Record<string, number> = {};
  for (const [k, v] of Object.entries(input.values)) if (Number.isFinite(v)) values[k] = round4(v);
  return {
    id: flagId(detector, input.measure, input.unit, input.periods),
    detector,
    severity: input.severity,
    measure: input.measure,
    unit: input.unit,
    periods: input.periods,
    evidence: { values, text: input.text },
    explanation: input.explanation,
    whatToCheck: input.whatToCheck,
  };
}

/** Round to 4 significant digits, keeping integers and infinities. Example: `round4(0.123456) === 0.1235`. */
export function round4(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return v;
  return Number(v.toPrecision(4));
}

/** A number for a sentence: up to 3 decimals, thousands separated. Example: `fmt(1234.5) === "1,234.5"`. */
export function fmt(v: number): string {
  return (Math.abs(v) < 10 ? SMALL : LARGE).format(v);
}

// Built once: toLocaleString builds a formatter per call, which dominated large runs.
const SMALL = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });
const LARGE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/**
 * A percentage or point figure for a sentence: one decimal, or as many as it takes to show a
 * gap that one decimal would print as 0 (a 0.04-point gap is "0.04", never "0"; up to 9).
 * Example: `pct(5.236) === "5.2"`, `pct(-0.042) === "-0.04"`.
 */
export function pct(v: number): string {
  if (v === 0) return "0"; // also -0, which Intl prints as "-0"
  if (!Number.isFinite(v) || Math.abs(v) >= 0.05) return DECIMALS[1].format(v);
  const digits = Math.min(9, -Math.floor(Math.log10(Math.abs(v) * 1.0000001)));
  return DECIMALS[digits].format(v);
}

// Built once per decimal count, like SMALL and LARGE.
const DECIMALS = Array.from(
  { length: 10 },
  (_, d) => new Intl.NumberFormat("en-US", { maximumFractionDigits: d }),
);

/** "%" for percent gaps or " pts" for rate gaps. Example: `gapUnit("rate") === " pts"`. */
export function gapUnit(kind: string): string {
  return kind === "rate" ? " pts" : "%";
}

/** +1 when higher is better, -1 when lower is better, 0 for bands. Example: `goodSign({direction:"down"}) === -1`. */
export function goodSign(measure: Pick<MeasureDef, "direction">): 1 | -1 | 0 {
  return directionSign(measure.direction);
}

/** True for measures that add up across months and units. Example: `isAdditive({kind:"count"}) === true`. */
export function isAdditive(measure: Pick<MeasureDef, "kind">): boolean {
  return measure.kind === "count" || measure.kind === "amount";
}

/** A finite number or undefined. Example: `finite(NaN) === undefined`. */
export function finite(v: number | undefined): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** Plain sum. Example: `sumOf([1, 2]) === 3`. */
export function sumOf(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

/** Relative or point gap, whichever the brief asks: points for rates, percent otherwise. Example: `gapOf("rate", 90, 85) === 5`. */
export function gapOf(kind: MeasureDef["kind"], a: number, b: number): number {
  if (kind === "rate") return a - b;
  const base = Math.abs(b);
  return base === 0 ? (a === b ? 0 : Math.sign(a - b) * Infinity) : ((a - b) / base) * 100;
}
