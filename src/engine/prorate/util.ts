/** Small helpers shared by the allocators: canonical order, increments and number wording. */

/** Indices of `ids` in UTF-16 code-unit order, so results never depend on input order. Example: `canonicalOrder(["b","a"])` is [1,0]. */
export function canonicalOrder(ids: readonly string[]): number[] {
  const order = Array.from({ length: ids.length }, (_, i) => i);
  order.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  return order;
}

/** Tolerance for "is this a whole number of increments", relative to the magnitude. */
const RELATIVE_TOLERANCE = 1e-9;

/** The value as a whole number of increments, or undefined if it is not one. Example: `toIncrements(500, 100) === 5`. */
export function toIncrements(value: number, increment: number): number | undefined {
  const count = Math.round(value / increment);
  const tolerance = RELATIVE_TOLERANCE * Math.max(1, Math.abs(value));
  return Math.abs(count * increment - value) <= tolerance ? count : undefined;
}

/** Decimal places of an increment, so 3 x 0.1 prints as 0.3. Example: `decimalsOf(0.25) === 2`. */
export function decimalsOf(increment: number): number {
  for (let d = 0; d <= 10; d++) {
    const scaled = increment * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9) return d;
  }
  return 10;
}

/** A count of increments back in the measure's unit. Example: `fromIncrements(3, 0.1, 1) === 0.3`. */
export function fromIncrements(count: number, increment: number, decimals: number): number {
  const value = count * increment;
  return decimals === 0 ? asSmallInteger(value) : Number(value.toFixed(decimals));
}

/**
 * The same number, in the form V8 keeps small integers in (`x | 0`); -0 and numbers outside
 * 32 bits are returned as they are. Why: a whole number computed from a Float64Array is a heap
 * double in code not yet optimised, and an object field that once held a heap double boxes every
 * later number stored in it in a 16-byte object of its own: one more object per unit in every
 * result, and in every record a caller builds from it. Example: `asSmallInteger(412) === 412`.
 */
export function asSmallInteger(value: number): number {
  const int = value | 0;
  return int === value && (int !== 0 || Object.is(value, 0)) ? int : value;
}

/** Sum in the given order (callers pass canonical order so sums never depend on input order). Example: `sumBy([1, 0], (i) => [2, 3][i]) === 5`. */
export function sumBy(order: readonly number[], valueOf: (i: number) => number): number {
  let total = 0;
  for (const i of order) total += valueOf(i);
  return total;
}

/** A number for a sentence: thousands separators, at most `digits` decimals. Example: `fmt(4587.5) === "4,587.5"`. */
export function fmt(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor + 0; // + 0 turns -0 into 0
  const abs = Math.abs(rounded);
  if (abs < 1000 || abs >= 1e21) return String(rounded);
  // Hand-rolled grouping: this runs once or twice per unit in every reason, 100,000 units at a time.
  const text = String(abs);
  const dot = text.indexOf(".");
  const whole = dot < 0 ? text : text.slice(0, dot);
  let grouped = rounded < 0 ? "-" : "";
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += ",";
    grouped += whole[i];
  }
  return dot < 0 ? grouped : grouped + text.slice(dot);
}

/** A 0-1 share as a percent for a sentence. Example: `pct(0.0824) === "8.24 %"`. */
export function pct(share: number): string {
  return `${fmt(share * 100)} %`;
}
