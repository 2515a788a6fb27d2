/**
 * ESEA-style targets start from the share of the gap to close ("halve the gap to 100 % over six
 * years" closes 1/12 of it a year), not from a program rate. This turns that share into the
 * program target, so `prorate` with method `gapClosing` gives every unit exactly that share.
 */
import { ProrationError } from "./errors";
import { benchmarkOf } from "./ratio";
import type { ProrationInput } from "./types";
import { canonicalOrder } from "./util";

/**
 * The program rate (or ratio) reached when every free unit closes `share` (0-1) of its gap to the
 * benchmark and locked units keep their values.
 * Example: baselines 60 % and 80 % over 100 cases each, share 0.5 toward 100 % give 85 % (80 % and 90 %).
 */
export function gapClosingTarget(input: Omit<ProrationInput, "total" | "method">, share: number): number {
  if (input.kind !== "rate" && input.kind !== "ratio") {
    throw new ProrationError("methodNotForKind", {
      detail: `gapClosing is for rates and ratios, not ${input.kind}s`,
    });
  }
  if (!Number.isFinite(share) || share < 0) {
    throw new ProrationError("targetUnreachable", {
      detail: `The share of the gap to close must be 0 or more, got ${share}.`,
    });
  }
  const kind = input.kind;
  const up = (input.direction ?? "up") === "up";
  const benchmark = benchmarkOf({ ...input, total: 0, method: "gapClosing" }, kind, up);
  const order = canonicalOrder(input.units.map((u) => u.id));
  let weighted = 0;
  let denominators = 0;
  for (const i of order) {
    const u = input.units[i];
    if (u.denominator === undefined || !Number.isFinite(u.denominator) || u.denominator < 0) {
      throw new ProrationError("denominatorMissing", {
        unit: u.id,
        detail: u.denominator === undefined ? "it is blank" : `got ${u.denominator}`,
      });
    }
    if (u.locked === undefined && u.baseline === undefined)
      throw new ProrationError("baselineMissing", { unit: u.id });
    const b = u.baseline as number;
    const gap = up ? Math.max(0, benchmark - b) : Math.min(0, benchmark - b);
    weighted += u.denominator * (u.locked ?? b + share * gap);
    denominators += u.denominator;
  }
  if (denominators === 0)
    throw new ProrationError("denominatorMissing", { unit: input.units[0]?.id, detail: "all are zero" });
  return weighted / denominators;
}
