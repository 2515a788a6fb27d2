import type { ProrationInput, ProrationResult } from "./types";

/** Split a program total across units. Example: `prorate({ kind: "count", total: 43, method: "proportional", units })`. */
export function prorate(_input: ProrationInput): ProrationResult {
  throw new Error("prorate: not built yet");
}
