/**
 * The Targets form's "Also split a budget" section as pure selectors: whether it is offered (the
 * workbook has a Budget sheet and the measure is a count or an amount), the problems on its fields
 * in a budget analyst's words, and the budget part of the request. Money is read by the engine's
 * one money reader into whole cents ("$1,200,000.50" works; "(500)" is refused as negative).
 */
import type { MeasureDef } from "../../engine/model";
import { moneyCents } from "../../engine/budget/resources";
import { parseNumberText } from "../../engine/parse/number";
import type { BudgetBasisChoice, BudgetSplitRequest, ProrateSetup } from "../port";
import type { FieldProblem } from "./measureInput";

/** What the budget section reads from the form (a structural slice of ProrateForm). */
export interface BudgetFormSlice {
  setup?: ProrateSetup;
  measure: string;
  fiscalYearText: string;
  budgetOn: boolean;
  budgetText: string;
  budgetBasis: BudgetBasisChoice;
  fteText: string;
}

/** A program budget above this is a slip of the keyboard (a trillion dollars). */
const LARGEST_BUDGET_CENTS = 1e14;

/** The two ways the money can follow, each with the line an analyst needs to choose it. */
export const BUDGET_BASES: { id: BudgetBasisChoice; label: string; explain: string }[] = [
  { id: "sameDriver", label: "Same as the target", explain: "Money follows the same column or method." },
  {
    id: "targets",
    label: "By targets",
    explain: "Money follows each unit's target: one cost per result everywhere.",
  },
];

function measureOf(form: BudgetFormSlice): MeasureDef | undefined {
  return form.setup?.measures.find((m) => m.id === form.measure);
}

/** Whether "Also split a budget" is offered: a Budget sheet, and a measure whose results can be counted. */
export function budgetOffered(form: BudgetFormSlice): boolean {
  const kind = measureOf(form)?.kind;
  return form.setup?.budget !== undefined && (kind === "count" || kind === "amount");
}

/** Whether the request carries a budget: offered and switched on. */
export function budgetActive(form: BudgetFormSlice): boolean {
  return form.budgetOn && budgetOffered(form);
}

/** The program budget typed, in whole cents, or the problem with it. */
export function readBudget(text: string): { cents?: number; problem?: FieldProblem } {
  if (text.trim() === "") return { problem: { message: "Type the program budget, e.g. 1,200,000." } };
  const read = moneyCents(text);
  if (read.problem !== undefined || read.cents === undefined)
    return {
      problem: {
        message: `"${text.trim()}" ${read.problem ?? "is not money"}. Type it as 1200000 or $1,200,000.50.`,
      },
    };
  if (read.cents < 0)
    return {
      problem: { message: "A budget cannot be negative. Type the amount without brackets or a minus." },
    };
  if (read.cents > LARGEST_BUDGET_CENTS)
    return { problem: { message: "That budget is too large. Check the number of zeros." } };
  return { cents: read.cents };
}

/** Program staff typed, or the problem with it: blank is none (FTE stay as they are). */
export function readFte(text: string): { fte?: number; problem?: FieldProblem } {
  if (text.trim() === "") return {};
  const parsed = parseNumberText(text, { percent: false });
  if (parsed.kind !== "number" || parsed.value < 0 || parsed.value > 1e7)
    return {
      problem: {
        message: `"${text.trim()}" is not a number of staff. Type FTE like 42.5, or leave it blank.`,
      },
    };
  const tenths = Math.round(parsed.value * 10);
  if (Math.abs(tenths - parsed.value * 10) > 1e-6)
    return { problem: { message: "Staff are split in steps of 0.1 FTE: type e.g. 42.5." } };
  return { fte: tenths / 10 };
}

/** Problems on the budget section's fields; none when it is off or not offered. */
export function budgetProblems(form: BudgetFormSlice): { budget?: FieldProblem; fte?: FieldProblem } {
  if (!budgetActive(form)) return {};
  const budget = readBudget(form.budgetText).problem;
  const fte = readFte(form.fteText).problem;
  return { ...(budget ? { budget } : {}), ...(fte ? { fte } : {}) };
}

/** The request's budget part: `{ budget }` when the section is on and reads, else nothing. */
export function budgetRequestOf(form: BudgetFormSlice): { budget?: BudgetSplitRequest } {
  if (!budgetActive(form)) return {};
  const { cents } = readBudget(form.budgetText);
  const { fte } = readFte(form.fteText);
  if (cents === undefined) return {};
  return {
    budget: { amountCents: cents, basis: form.budgetBasis, ...(fte !== undefined ? { fteTotal: fte } : {}) },
  };
}

/** The Budget sheet's program budget and staff for the form's fiscal year, for the fields' hints. */
export function budgetOnSheet(form: BudgetFormSlice): { cents?: number; fte?: number } {
  const fy = Number(form.fiscalYearText);
  const b = form.setup?.budget;
  if (!b || !Number.isInteger(fy)) return {};
  return { cents: b.programCents[fy], fte: b.programFte[fy] };
}
