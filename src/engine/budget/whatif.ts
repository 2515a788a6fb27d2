/**
 * What if: move money from one unit to another and see each target move at that unit's own
 * productivity (results per unit of money), the program budget held; or move results and see the
 * money move at the same rates. Targets stay whole and add up exactly (largest remainder).
 */
import { ProrationError } from "../prorate/errors";
import { prorate } from "../prorate/prorate";

export interface WhatIfUnit {
  id: string;
  /** Whole minor units. */
  budget: number;
  target: number;
  /** Results per minor unit; default this unit's own target / budget. */
  productivity?: number;
}

export interface WhatIfUnitResult extends WhatIfUnit {
  budgetChange: number;
  targetChange: number;
}

export interface WhatIfResult {
  units: WhatIfUnitResult[];
  /** The program target after the move (the budget is held). */
  programTarget: number;
  programTargetChange: number;
}

function productivityOf(u: WhatIfUnit): number {
  const p = u.productivity ?? (u.budget > 0 ? u.target / u.budget : undefined);
  if (p === undefined || !Number.isFinite(p) || p < 0) {
    throw new ProrationError("productivityMissing", {
      unit: u.id,
      detail: `budget ${u.budget}, target ${u.target}`,
    });
  }
  return p;
}

function find(units: readonly WhatIfUnit[], id: string): number {
  const i = units.findIndex((u) => u.id === id);
  if (i < 0) throw new ProrationError("noUnits", { unit: id });
  return i;
}

/** Whole targets that add up to the rounded sum of the exact ones, each within one of its exact value. */
function wholeTargets(units: readonly WhatIfUnit[], exact: number[]): number[] {
  const total = Math.round(exact.reduce((a, b) => a + b, 0));
  const split = prorate({
    kind: "count",
    total,
    method: "proportional",
    driverLabel: "target after the move",
    units: units.map((u, i) => ({ id: u.id, driver: Math.max(0, exact[i]) })),
  });
  return split.units.map((u) => u.value);
}

function result(units: readonly WhatIfUnit[], budgets: number[], targets: number[]): WhatIfResult {
  const before = units.reduce((s, u) => s + u.target, 0);
  const after = targets.reduce((a, b) => a + b, 0);
  return {
    units: units.map((u, i) => ({
      ...u,
      budget: budgets[i],
      target: targets[i],
      budgetChange: budgets[i] - u.budget,
      targetChange: targets[i] - u.target,
    })),
    programTarget: after,
    programTargetChange: after - before,
  };
}

/**
 * Moves `amount` minor units of budget from one unit to another. Example: moving $10,000 from a unit
 * that produces 1 result per $100 to one that produces 2 lowers the first target by 100 and raises
 * the second by 200.
 */
export function moveBudget(
  units: readonly WhatIfUnit[],
  move: { from: string; to: string; amount: number },
): WhatIfResult {
  const [from, to] = [find(units, move.from), find(units, move.to)];
  if (!Number.isInteger(move.amount) || move.amount < 0 || move.amount > units[from].budget) {
    throw new ProrationError("moneyNotWhole", {
      unit: move.from,
      detail: `a move of ${move.amount} (it must be whole and at most the unit's budget of ${units[from].budget})`,
    });
  }
  const budgets = units.map((u) => u.budget);
  budgets[from] -= move.amount;
  budgets[to] += move.amount;
  const exact = units.map((u, i) => u.target + (budgets[i] - u.budget) * productivityOf(u));
  return result(units, budgets, wholeTargets(units, exact));
}

/**
 * Moves `results` of target from one unit to another and the money that buys them at each unit's
 * productivity; the program budget is held, so the money freed at one unit's rate buys the other's
 * results at its own. Example: moving 100 results from a 1-per-$100 unit frees $10,000.
 */
export function moveTarget(
  units: readonly WhatIfUnit[],
  move: { from: string; to: string; results: number },
): WhatIfResult {
  const [from] = [find(units, move.from), find(units, move.to)];
  const p = productivityOf(units[from]);
  if (p === 0)
    throw new ProrationError("productivityMissing", {
      unit: move.from,
      detail: "0 results per unit of money",
    });
  const amount = Math.min(units[from].budget, Math.round(move.results / p));
  return moveBudget(units, { from: move.from, to: move.to, amount });
}
