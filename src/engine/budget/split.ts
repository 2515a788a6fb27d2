/**
 * Splitting a program target, its budget and its staff across units in one pass, each in whole
 * numbers that add up exactly: targets by the proration method, money in whole minor units (cents
 * or dollars, named), staff in FTE steps. The budget follows the target's driver, another driver,
 * or the targets themselves at each unit's cost factor; or the targets follow the resources (each
 * unit's budget times its productivity, scaled to the program target), which is how the federal
 * child-support guide asks managers to "prorate targets to the reallocated resources".
 */
import { ProrationError } from "../prorate/errors";
import { prorate } from "../prorate/prorate";
import type { AllocationMethod, ProrationResult, ProrationUnitInput, RoundingMethod } from "../prorate/types";

/** Money is whole minor units of one of these; the unit is part of every money value's type. */
export type MoneyUnit = "cents" | "dollars";

/** How the budget is split. */
export type BudgetBasis =
  /** The target's own driver (and method): caseload splits both. */
  | { kind: "sameDriver" }
  /** Each unit's `budgetDriver` (say, positions or last year's spend). */
  | { kind: "driver"; label: string }
  /** Pro rata to each unit's target x its cost factor: a program cost per result, dearer where it costs more. */
  | { kind: "targets" };

export interface JointUnitInput {
  id: string;
  /** The target's driver (caseload, FTE, prior actual...). */
  driver?: number;
  /** For `{ kind: "driver" }`. */
  budgetDriver?: number;
  /** For `{ kind: "targets" }`: what one result costs here relative to the program (default 1). */
  costFactor?: number;
  /** Results per unit of money, for `targetsFollowResources`. */
  productivity?: number;
  lockedTarget?: number;
  /** Whole minor units. */
  lockedBudget?: number;
  lockedFte?: number;
}

export interface JointSplitInput {
  kind: "count" | "amount";
  targetTotal: number;
  /** The target's method (ignored when targets follow resources). */
  method: AllocationMethod;
  driverLabel?: string;
  /** The program budget in whole minor units of `moneyUnit`. */
  budget: number;
  moneyUnit: MoneyUnit;
  budgetBasis: BudgetBasis;
  /** Program staff to split with the budget (by the budget's own basis), in steps of `fteStep`. */
  fteTotal?: number;
  /** Default 0.1. */
  fteStep?: number;
  /** Split the budget first, then targets pro rata to budget x productivity. */
  targetsFollowResources?: boolean;
  rounding?: RoundingMethod;
  units: JointUnitInput[];
}

export interface JointUnitResult {
  id: string;
  target: number;
  /** Whole minor units of the result's `moneyUnit`. */
  budget: number;
  fte?: number;
  /** Minor units per result; undefined where the target is 0 (no cost per result can be said). */
  costPerResult?: number;
}

export interface JointSplitResult {
  moneyUnit: MoneyUnit;
  units: JointUnitResult[];
  /** Minor units per result for the whole program; undefined when the program target is 0. */
  programCostPerResult?: number;
  /** The target and budget proration results, with their reasons and provenance, in the input's unit order. */
  targets: ProrationResult;
  budgets: ProrationResult;
}

function wholeMoney(value: number, what: string, unit?: string): void {
  if (!Number.isFinite(value) || !Number.isInteger(value)) {
    throw new ProrationError("moneyNotWhole", { unit, detail: `${what} ${value}` });
  }
}

/** Budget proration input for the chosen basis, given the targets when the basis needs them. */
function budgetInput(input: JointSplitInput, targets?: ProrationResult): Parameters<typeof prorate>[0] {
  const basis = input.budgetBasis;
  const units: ProrationUnitInput[] = input.units.map((u, i) => ({
    id: u.id,
    locked: u.lockedBudget,
    driver:
      basis.kind === "sameDriver"
        ? u.driver
        : basis.kind === "driver"
          ? u.budgetDriver
          : targets!.units[i].value * (u.costFactor ?? 1),
  }));
  const method: AllocationMethod =
    basis.kind === "sameDriver" && input.method === "equal" ? "equal" : "proportional";
  const driverLabel =
    basis.kind === "sameDriver"
      ? (input.driverLabel ?? "driver")
      : basis.kind === "driver"
        ? basis.label
        : "target x cost factor";
  return { kind: "amount", total: input.budget, units, method, driverLabel, rounding: input.rounding };
}

/** Each unit's FTE, split pro rata to its budget in whole steps (locks kept), or undefined without a total. */
function splitFte(input: JointSplitInput, budgets: ProrationResult): number[] | undefined {
  if (input.fteTotal === undefined) return undefined;
  const step = input.fteStep ?? 0.1;
  const steps = Math.round(input.fteTotal / step);
  if (!(step > 0) || Math.abs(steps * step - input.fteTotal) > 1e-9 * Math.max(1, input.fteTotal)) {
    throw new ProrationError("fteStepInvalid", {
      detail: `${input.fteTotal} FTE is not a whole number of ${step} steps`,
    });
  }
  const inSteps = prorate({
    kind: "amount",
    total: steps,
    units: input.units.map((u, i) => ({
      id: u.id,
      locked: u.lockedFte === undefined ? undefined : Math.round(u.lockedFte / step),
      driver: budgets.units[i].value,
    })),
    method: "proportional",
    driverLabel: "budget",
    rounding: input.rounding,
  });
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return inSteps.units.map((u) => Number((u.value * step).toFixed(decimals)));
}

/**
 * Splits target, budget and staff together; money and targets each sum exactly, every unit within
 * one minor unit (one increment) of its exact quota, locks kept. Example: 400 results and $1,000.00
 * (100,000 cents) by caseload 3:1 give North 300 and 75,000 cents, South 100 and 25,000 cents.
 */
export function splitTargetsAndBudget(input: JointSplitInput): JointSplitResult {
  wholeMoney(input.budget, "the program budget");
  for (const u of input.units)
    if (u.lockedBudget !== undefined) wholeMoney(u.lockedBudget, "the locked budget", u.id);
  let targets: ProrationResult;
  let budgets: ProrationResult;
  if (input.targetsFollowResources) {
    budgets = prorate(budgetInput(input));
    const free = input.units.filter((u) => u.lockedTarget === undefined);
    for (const u of free) {
      if (u.productivity === undefined || !Number.isFinite(u.productivity) || u.productivity < 0) {
        throw new ProrationError("productivityMissing", { unit: u.id, detail: String(u.productivity) });
      }
    }
    targets = prorate({
      kind: input.kind,
      total: input.targetTotal,
      method: "proportional",
      driverLabel: "budget x productivity",
      rounding: input.rounding,
      units: input.units.map((u, i) => ({
        id: u.id,
        locked: u.lockedTarget,
        driver: budgets.units[i].value * (u.productivity ?? 0),
      })),
    });
  } else {
    targets = prorate({
      kind: input.kind,
      total: input.targetTotal,
      method: input.method,
      driverLabel: input.driverLabel,
      rounding: input.rounding,
      units: input.units.map((u) => ({ id: u.id, driver: u.driver, locked: u.lockedTarget })),
    });
    budgets = prorate(budgetInput(input, targets));
  }
  const fte = splitFte(input, budgets);
  const units = input.units.map((u, i) => {
    const target = targets.units[i].value;
    const budget = budgets.units[i].value;
    return {
      id: u.id,
      target,
      budget,
      ...(fte ? { fte: fte[i] } : {}),
      costPerResult: target > 0 ? budget / target : undefined,
    };
  });
  return {
    moneyUnit: input.moneyUnit,
    units,
    programCostPerResult: input.targetTotal > 0 ? input.budget / input.targetTotal : undefined,
    targets,
    budgets,
  };
}
