/** The one entry point: validate, then hand counts/amounts and rates/ratios to their allocators. */
import { prorateAdditive } from "./additive";
import { prorateRatio } from "./ratio";
import type { ProrationInput, ProrationResult } from "./types";
import { validateProration } from "./validate";

/**
 * Split a program target across units, exact to the increment, with a reason per unit.
 * Example: `prorate({ kind: "count", total: 43, method: "proportional", units: [{ id: "A", driver: 21878 }, ...] })`
 * gives A 24 (largest remainder). Throws `ProrationError` for inputs no allocation can honour.
 */
export function prorate(input: ProrationInput): ProrationResult {
  const settings = validateProration(input);
  return input.kind === "rate" || input.kind === "ratio"
    ? prorateRatio(input, settings)
    : prorateAdditive(input, settings);
}
