/**
 * The one way to make a plain observation: every field of `Observation` present from the start,
 * in one order, each number undefined until a reader assigns it.
 *
 * Why: V8 gives objects built the same way one hidden class, and a field first written with a
 * whole number is kept as a small integer. A reader that builds `{ measure, unit, period }` and
 * adds `actual` later makes a class whose `actual` holds integers for a count measure; the first
 * fractional actual (a rate measure) cannot fit there, so V8 retires that class and every object
 * made with it is rebuilt the next time any code reads it: 684,000 rebuilds, about 700 ms, inside
 * the index of the flags bench's first run. A field that starts as undefined is already general
 * and takes whole and fractional numbers alike in place, so no object ever needs rebuilding, and
 * every observation of a workbook shares one class. Absent and undefined fields read the same,
 * and `JSON.stringify` leaves undefined fields out, so the output is as before.
 */
import type { Observation, Period } from "./model";

/**
 * A new observation with no numbers yet: assign the ones the row holds.
 * Example: `const o = observation("cases", "North", "2026-07"); o.actual = 12.5;`
 */
export function observation(measure: string, unit: string, period: Period): Observation {
  return {
    measure,
    unit,
    period,
    target: undefined,
    milestone: undefined,
    actual: undefined,
    numerator: undefined,
    denominator: undefined,
    priorActual: undefined,
    source: undefined,
  };
}

/**
 * A copy of a plain observation in the one shape, field for field. A spread keeps the shape too,
 * but a rest pattern or structured clone builds a new class from the values it meets first.
 * Example: `copyObservation(o).actual === o.actual`.
 */
export function copyObservation(o: Observation): Observation {
  const c = observation(o.measure, o.unit, o.period);
  c.target = o.target;
  c.milestone = o.milestone;
  c.actual = o.actual;
  c.numerator = o.numerator;
  c.denominator = o.denominator;
  c.priorActual = o.priorActual;
  c.source = o.source;
  return c;
}
