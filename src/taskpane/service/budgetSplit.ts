/**
 * The Targets tab's "Also split a budget": the program budget (and staff) split with the target in
 * the engine's one call (splitTargetsAndBudget), holding every unit's target at the value the
 * target's own proration gave, so the targets shown and written are the same with or without a
 * budget. Money in whole cents, exact to the cent; rows for tblBudget's Budget (and FTE).
 */
import { splitTargetsAndBudget, type BudgetBasis, type JointSplitResult } from "../../engine/budget";
import { spendPlan, type SpendSpread } from "../../engine/budget/spend";
import { fiscalYearMonths } from "../../engine/period";
import type { AllocationMethod, ProrationResult } from "../../engine/prorate";
import { ProrationError } from "../../engine/prorate";
import { fiscalMonthLabels, TABLES, type RawTable } from "../../workbook/layout";
import { changedTypedCells } from "../../workbook/typedCells";
import type { ReadResult, TablesInput } from "../../workbook/read";
import { budgetFromTables } from "../../workbook/readBudget";
import { BUDGET_HEADERS } from "../../workbook/sheets/budgetColumns";
import { PortError, type BudgetSetup, type ProratePreview, type ProrateRequest } from "../port";
import { tableKeys } from "../../workbook/tableKeys";
import type { TableRows } from "./gateway";
import { prorationInput } from "./proration";
import { dollars } from "../../engine/budget/report";

/** Program budget and FTE per fiscal year from tblBudget, or undefined without a Budget sheet. */
export function budgetSetup(tables: TablesInput, fyStartMonth: number): BudgetSetup | undefined {
  const read = budgetFromTables(tables, fyStartMonth);
  if (!read) return undefined;
  const programCents: Record<number, number> = {};
  const programFte: Record<number, number> = {};
  for (const unit of read.resources.values())
    for (const [fy, year] of unit.years) {
      if (year.budgetCents !== undefined) programCents[fy] = (programCents[fy] ?? 0) + year.budgetCents;
      if (year.fte !== undefined) programFte[fy] = Math.round(((programFte[fy] ?? 0) + year.fte) * 10) / 10;
    }
  return { programCents, programFte };
}

/** The engine's refusals for a budget, in a budget analyst's words. */
const IN_WORDS: Record<string, string> = {
  fteStepInvalid: "Type the staff in steps of 0.1 FTE, e.g. 42.5.",
  moneyNotWhole: "Type the budget to the cent at most, e.g. 1200000.50.",
};

/**
 * The joint split for a request whose targets are `targets` (the proration shown). Example: a
 * $1,000.00 budget with 400 results by caseload 3:1 gives 75,000 and 25,000 cents.
 */
export function runBudgetSplit(
  req: ProrateRequest,
  read: ReadResult,
  targets: ProrationResult,
): JointSplitResult {
  const budget = req.budget;
  if (!budget) throw new Error("runBudgetSplit needs a request with a budget");
  const input = prorationInput(req, read);
  if (input.kind !== "count" && input.kind !== "amount")
    throw new PortError(
      "A budget is split with a count or an amount, not a rate.",
      "Choose the count the money buys (e.g. cases served), or clear Also split a budget.",
    );
  const basis: BudgetBasis = budget.basis === "targets" ? { kind: "targets" } : { kind: "sameDriver" };
  const heldAt = new Map(targets.units.map((u) => [u.id, u.value]));
  try {
    return splitTargetsAndBudget({
      kind: input.kind,
      targetTotal: req.total,
      // Base plus share and the other methods follow their driver for the money.
      method: (input.method === "basePlusProRata" ? "proportional" : input.method) as AllocationMethod,
      driverLabel: input.driverLabel,
      budget: budget.amountCents,
      moneyUnit: "cents",
      budgetBasis: basis,
      fteTotal: budget.fteTotal,
      fteStep: 0.1,
      rounding: req.rounding,
      units: input.units.map((u) => ({ id: u.id, driver: u.driver, lockedTarget: heldAt.get(u.id) })),
    });
  } catch (e) {
    if (e instanceof ProrationError) {
      const name = read.scorecard.units.find((u) => u.id === e.unit)?.name ?? e.unit ?? "A unit";
      const words =
        IN_WORDS[e.code] ?? `The budget cannot be split: ${e.message.split(e.unit ?? "\0").join(name)}`;
      throw new PortError(words, "Change the budget or how it is split, and preview again.");
    }
    throw e;
  }
}

/**
 * A unit's budget reason in dollars (the engine's own reason counts cents). Example: "Allegany
 * gets $1,276,969.90 of $60,765,080.00 (2.1 %), by caseload; the exact share is rounded to the
 * cent so the units add up exactly."
 */
function budgetReason(
  name: string,
  unit: ProrationResult["units"][number],
  totalCents: number,
  followed: string | undefined,
): string {
  if (unit.locked) return `${name}'s budget of ${dollars(unit.value)} is held as typed.`;
  const pct = totalCents > 0 ? ` (${((unit.value / totalCents) * 100).toFixed(1)} %)` : "";
  const by = followed ? `, by ${followed}` : "";
  const exact = Number.isInteger(unit.quota)
    ? ""
    : "; the exact share is rounded to the cent so the units add up exactly";
  return `${name} gets ${dollars(unit.value)} of ${dollars(totalCents)}${pct}${by}${exact}.`;
}

/** The preview with each unit's budget, FTE and planned cost per result, and the program's. */
export function withBudget(
  preview: ProratePreview,
  joint: JointSplitResult,
  read: ReadResult,
): ProratePreview {
  const names = new Map(read.scorecard.units.map((u) => [u.id, u.name]));
  const byId = new Map(joint.units.map((u, i) => [u.id, { u, b: joint.budgets.units[i] }]));
  const p = joint.budgets.provenance;
  const fte = joint.units.some((u) => u.fte !== undefined)
    ? Math.round(joint.units.reduce((a, u) => a + (u.fte ?? 0), 0) * 10) / 10
    : undefined;
  return {
    ...preview,
    lines: preview.lines.map((line) => {
      const hit = byId.get(line.unit);
      if (!hit) return line;
      return {
        ...line,
        budget: {
          budgetCents: hit.u.budget,
          ...(hit.u.fte !== undefined ? { fte: hit.u.fte } : {}),
          costPerResultCents: hit.u.costPerResult,
          locked: hit.b.locked,
          reason: budgetReason(names.get(line.unit) ?? line.unit, hit.b, p.total, p.driverLabel),
        },
      };
    }),
    warnings: [
      ...preview.warnings,
      ...p.warnings.map((w) => `Budget: ${[w.message, w.fix].filter(Boolean).join(" ")}`),
    ],
    budget: {
      totalCents: p.total,
      ...(fte !== undefined ? { fteTotal: fte } : {}),
      costPerResultCents: joint.programCostPerResult,
      followed: p.driverLabel ?? (p.methodUsed === "equal" ? "equal shares" : "the driver"),
    },
  };
}

/** Whether the split now is the one shown: the same budget and FTE for every unit. */
export function sameBudgets(shown: ProratePreview, joint: JointSplitResult): boolean {
  const now = new Map(joint.units.map((u) => [u.id, u]));
  return shown.lines.every(
    (l) => l.budget?.budgetCents === now.get(l.unit)?.budget && l.budget?.fte === now.get(l.unit)?.fte,
  );
}

/** tblBudget rows for the split: each unit's Budget in dollars (and FTE) for the fiscal year. */
export function budgetRows(joint: JointSplitResult, req: ProrateRequest): TableRows {
  const fte = joint.units.some((u) => u.fte !== undefined);
  return {
    table: TABLES.budget,
    columns: [
      BUDGET_HEADERS.unit,
      BUDGET_HEADERS.fiscalYear,
      BUDGET_HEADERS.measure,
      BUDGET_HEADERS.budget,
      ...(fte ? [BUDGET_HEADERS.fte] : []),
    ],
    rows: joint.units.map((u) => [
      u.id,
      req.fiscalYear,
      req.measure,
      u.budget / 100,
      ...(fte ? [u.fte ?? null] : []),
    ]),
  };
}

/**
 * tblSpend rows whose twelve allotments follow the split's new budgets, so spend is judged against
 * allotments that add up to each budget (the monitor warns when they do not): a unit whose
 * allotments already add up to its budget keeps them; one whose budget changed keeps their monthly
 * shape (payroll-weighted, seasonal, whatever was typed), rescaled to the cent; one without twelve
 * allotments gets an even spread. Undefined when the workbook has no tblSpend or nothing changes.
 */
export function allotmentRows(
  joint: JointSplitResult,
  req: ProrateRequest,
  tables: TablesInput,
  fyStartMonth: number,
): TableRows | undefined {
  if (!tables[TABLES.spend]) return undefined;
  const read = budgetFromTables(tables, fyStartMonth);
  const months = fiscalYearMonths(req.fiscalYear, fyStartMonth);
  const rows: TableRows["rows"] = [];
  for (const u of joint.units) {
    const had = months.map((m) => read?.resources.get(u.id)?.months.get(m)?.allotmentCents);
    const whole = had.every((a): a is number => a !== undefined && a >= 0);
    const sum = whole ? had.reduce((a, b) => a + b, 0) : 0;
    if (whole && sum === u.budget) continue;
    const spread: SpendSpread = whole && sum > 0 ? { kind: "shape", weights: had } : { kind: "even" };
    const plan = spendPlan({
      moneyUnit: "cents",
      fiscalYear: req.fiscalYear,
      fyStartMonth,
      spread,
      units: [{ id: u.id, budget: u.budget }],
    });
    rows.push([u.id, req.fiscalYear, ...plan.units[0].perPeriod.map((c) => c / 100)]);
  }
  if (rows.length === 0) return undefined;
  return {
    table: TABLES.spend,
    columns: [
      BUDGET_HEADERS.unit,
      BUDGET_HEADERS.fiscalYear,
      ...fiscalMonthLabels(fyStartMonth).map((m) => `Allotment ${m}`),
    ],
    rows,
  };
}

/**
 * The question to ask before a write replaces cells a person typed (non-blank cells whose value
 * would change, the rule the Office adapter asks by), or undefined when nothing would. Rows match
 * by the table's keys, as the write merges them; `also` asks about a second table of the same sheet
 * in the same sentence (tblSpend beside tblBudget). Example: `typedCellsQuestion(budgetRows(...),
 * tables.tblBudget, "by the budget split")`.
 */
export function typedCellsQuestion(
  rows: TableRows,
  table: RawTable | undefined,
  by: string,
  also?: { rows: TableRows; table: RawTable | undefined },
): string | undefined {
  if (!table) return undefined;
  const keysOf = (t: RawTable, r: TableRows) => tableKeys(r.table, t.headers.map(String));
  const changed = [...changedTypedCells(table.headers, table.rows, keysOf(table, rows), rows)];
  if (also?.table)
    changed.push(
      ...changedTypedCells(also.table.headers, also.table.rows, keysOf(also.table, also.rows), also.rows),
    );
  let cells = 0;
  for (const [, list] of changed) cells += list.length;
  if (cells === 0) return undefined;
  const columns = new Set(changed.map(([h]) => h.replace(/ .*$/, "")));
  return `${cells} cell(s) people typed on the ${table.sheetName} sheet (${[...columns].join(", ")}) would be replaced ${by}.`;
}
