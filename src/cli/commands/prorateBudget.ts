/**
 * The budget half of `yardstick prorate ... --budget AMOUNT`: the program budget (and staff) split
 * with the target in one pass (splitTargetsAndBudget), money in whole cents, exact to the cent.
 * The unit file's problems (a lock that is not money, locks above the budget, a locked FTE off the
 * step) stop the command naming the file, line and column.
 */
import {
  moneyCents,
  splitTargetsAndBudget,
  type BudgetBasis,
  type JointSplitInput,
  type JointSplitResult,
} from "../../engine/budget";
import { dollars } from "../../engine/budget/report";
import type { AllocationMethod, ProrationInput } from "../../engine/prorate";
import { numberArg } from "../args";
import { CliError } from "../io";
import { cellNumber, requireColumn, type UnitTable } from "../unitFile";

export const BUDGET_OPTIONS = {
  budget: { type: "string" },
  "budget-by": { type: "string" },
  "lock-budget": { type: "string" },
  "cost-factor": { type: "string" },
  fte: { type: "string" },
  "fte-step": { type: "string" },
  "lock-fte": { type: "string" },
} as const;

export const BUDGET_HELP = `  --budget AMOUNT      split a program budget with the target ($1,200,000 or 1200000.50); money
                       is exact to the cent and every unit within one cent of its exact share
  --budget-by D        the budget's driver: a column, or "targets" (pro rata to each unit's target,
                       x --cost-factor COLUMN where a result costs more); default: the --by driver
  --lock-budget COLUMN budgets in this column are held; blank cells are free
  --fte N              program staff to split with the budget, in --fte-step steps (default 0.1)
  --lock-fte COLUMN    staff in this column are held`;

export interface BudgetArgs {
  budgetCents: number;
  budgetBy?: string;
  lockBudget?: string;
  costFactor?: string;
  fte?: number;
  fteStep: number;
  lockFte?: string;
}

type Values = Partial<Record<keyof typeof BUDGET_OPTIONS, string>>;

/** The budget options, or undefined without --budget; any budget option without it is an error. */
export function parseBudgetArgs(v: Values): BudgetArgs | undefined {
  if (v.budget === undefined) {
    const stray = (Object.keys(BUDGET_OPTIONS) as (keyof Values)[]).find((k) => v[k] !== undefined);
    if (stray) throw new CliError(`--${stray} goes with --budget AMOUNT: give the program budget too.`);
    return undefined;
  }
  const read = moneyCents(v.budget);
  if (read.problem !== undefined || read.cents === undefined)
    throw new CliError(
      `--budget must be money, e.g. 1200000 or $1,200,000.50; "${v.budget}" ${read.problem ?? "is blank"}.`,
    );
  if (read.cents < 0) throw new CliError(`--budget is negative (${v.budget}); a budget is zero or more.`);
  const fteStep = v["fte-step"] === undefined ? 0.1 : numberArg("--fte-step", v["fte-step"]);
  return {
    budgetCents: read.cents,
    budgetBy: v["budget-by"],
    lockBudget: v["lock-budget"],
    costFactor: v["cost-factor"],
    fte: v.fte === undefined ? undefined : numberArg("--fte", v.fte),
    fteStep,
    lockFte: v["lock-fte"],
  };
}

/** A money cell as whole cents; anything but money stops with the line and column. */
function cellCents(
  table: UnitTable,
  line: number,
  cells: Record<string, string>,
  column: string,
): number | undefined {
  const raw = cells[column] ?? "";
  const read = moneyCents(raw, table.decimal);
  if (read.problem !== undefined)
    throw new CliError(
      `${table.name} line ${line}, column "${column}": "${raw}" ${read.problem}. Write money as 1200 or 1,200.50.`,
    );
  if (read.cents !== undefined && read.cents < 0)
    throw new CliError(
      `${table.name} line ${line}, column "${column}": "${raw}" is a negative budget. Budgets are zero or more.`,
    );
  return read.cents;
}

/**
 * The joint split's input from the target's proration input and the unit file. Example: with
 * `--budget 1000 --by caseload` each unit's budget follows its caseload, as its target does.
 */
export function jointInput(args: BudgetArgs, proration: ProrationInput, table: UnitTable): JointSplitInput {
  if (proration.kind !== "count" && proration.kind !== "amount")
    throw new CliError(
      "--budget splits money with a count or amount target; a rate's budget follows its denominator: use --kind count on the numerator.",
    );
  const basis: BudgetBasis =
    args.budgetBy === undefined
      ? { kind: "sameDriver" }
      : args.budgetBy === "targets"
        ? { kind: "targets" }
        : { kind: "driver", label: args.budgetBy };
  for (const [column, option] of [
    [args.budgetBy === "targets" ? undefined : args.budgetBy, "--budget-by"],
    [args.lockBudget, "--lock-budget"],
    [args.costFactor, "--cost-factor"],
    [args.lockFte, "--lock-fte"],
  ] as const)
    if (column) requireColumn(table, column, option);
  const units = table.rows.map((row, i) => {
    const lockedFte = args.lockFte ? cellNumber(table, row, args.lockFte) : undefined;
    if (
      lockedFte !== undefined &&
      Math.abs(Math.round(lockedFte / args.fteStep) * args.fteStep - lockedFte) > 1e-9
    )
      throw new CliError(
        `${table.name} line ${row.line}, column "${args.lockFte}": ${lockedFte} FTE is not a whole number of ${args.fteStep} steps. Lock FTE in steps of ${args.fteStep}, or give --fte-step.`,
      );
    return {
      id: proration.units[i].id,
      driver: proration.units[i].driver,
      lockedTarget: proration.units[i].locked,
      budgetDriver: basis.kind === "driver" ? cellNumber(table, row, basis.label) : undefined,
      costFactor: args.costFactor ? cellNumber(table, row, args.costFactor) : undefined,
      lockedBudget: args.lockBudget ? cellCents(table, row.line, row.cells, args.lockBudget) : undefined,
      lockedFte,
    };
  });
  const locked = units.reduce((a, u) => a + (u.lockedBudget ?? 0), 0);
  if (locked > args.budgetCents) {
    const lines = table.rows.filter((_, i) => units[i].lockedBudget !== undefined).map((r) => r.line);
    throw new CliError(
      `${table.name} column "${args.lockBudget}" (lines ${lines.join(", ")}): the locked budgets add up to ${dollars(locked)}, more than the program budget of ${dollars(args.budgetCents)}. Unlock a unit or raise --budget.`,
    );
  }
  return {
    kind: proration.kind,
    targetTotal: proration.total,
    method: proration.method as AllocationMethod,
    driverLabel: proration.driverLabel,
    budget: args.budgetCents,
    moneyUnit: "cents",
    budgetBasis: basis,
    fteTotal: args.fte,
    fteStep: args.fteStep,
    rounding: proration.rounding,
    units,
  };
}

/** Split; the engine's refusals become the command's error naming the file. */
export function splitJoint(input: JointSplitInput, file: string): JointSplitResult {
  try {
    return splitTargetsAndBudget(input);
  } catch (error) {
    if (error instanceof Error && error.name === "ProrationError")
      throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}

/** Each unit's target and budget for JSON: money in dollars, exact to the cent. */
export function jointJson(result: JointSplitResult) {
  return {
    moneyUnit: "dollars",
    total: result.budgets.provenance.total / 100,
    programCostPerResult:
      result.programCostPerResult === undefined
        ? undefined
        : Number((result.programCostPerResult / 100).toFixed(6)),
    units: result.units.map((u, i) => ({
      unit: u.id,
      target: u.target,
      budget: u.budget / 100,
      ...(u.fte !== undefined ? { fte: u.fte } : {}),
      costPerResult: u.costPerResult === undefined ? undefined : Number((u.costPerResult / 100).toFixed(6)),
      budgetLocked: result.budgets.units[i].locked,
      budgetReason: result.budgets.units[i].reason,
    })),
  };
}

/** The text table: unit, target, budget, FTE, cost per result. */
export function jointText(result: JointSplitResult): string[] {
  const fte = result.units.some((u) => u.fte !== undefined);
  const rows = [
    ["UNIT", "TARGET", "BUDGET", ...(fte ? ["FTE"] : []), "COST/RESULT", ""],
    ...result.units.map((u, i) => [
      u.id,
      String(u.target),
      dollars(u.budget),
      ...(fte ? [String(u.fte ?? "")] : []),
      u.costPerResult === undefined ? "-" : dollars(Math.round(u.costPerResult)),
      result.budgets.units[i].locked ? "budget locked" : "",
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const out = rows.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join("  ")
      .trimEnd(),
  );
  const program =
    result.programCostPerResult === undefined
      ? ""
      : `, ${dollars(Math.round(result.programCostPerResult))} per result`;
  return [
    `Budget ${dollars(result.budgets.provenance.total)} split by ${result.budgets.provenance.driverLabel}${program}:`,
    ...out,
  ];
}
