/** The merged master as a workbook plan: the scorecard rebuilt with the merged values, its flags re-run, and the Returns sheet. */
import { runFlags } from "../../engine/flags";
import { indexScorecard } from "../../engine/index";
import { buildPlanFromInput } from "../buildPlan";
import { resourcesOf } from "../budgetExpectations";
import { scorecardOf } from "../expectations";
import type { WorkbookInput } from "../input";
import { SHEETS } from "../layout";
import type { WorkbookPlan } from "../plan";
import { returnsSheet, type ReturnsRow } from "../sheets/returns";

/**
 * The master to write after a collect. Flags are raised again on the merged numbers (reviews
 * kept by flag id); the Returns sheet goes after Flags.
 * Example: `mergedMasterPlan(result.input, result.returns).sheets.some((s) => s.name === "Returns")`.
 */
export function mergedMasterPlan(input: WorkbookInput, returns: ReturnsRow[]): WorkbookPlan {
  const findings: never[] = [];
  const programTargets = input.programTargets.map((t) => ({
    measure: t.measure,
    period: String(t.fiscalYear),
    target: t.target,
  }));
  // The same flags `check` raises on the merged file: budget and revision-log evidence included.
  const measureOf = new Map(
    (input.budget?.years ?? []).flatMap((y) => (y.measure ? [[`${y.unit}|${y.fiscalYear}`, y.measure]] : [])),
  );
  const flags = runFlags(indexScorecard(scorecardOf(input), findings), {
    programTargets,
    previousFlags: input.flags,
    ...(input.budget
      ? { budget: { resources: resourcesOf(input.budget, input.fyStartMonth), measureOf } }
      : {}),
    ...(input.revisions ? { revisions: input.revisions } : {}),
  }).flags;
  const plan = buildPlanFromInput({ ...input, flags });
  const at = plan.sheets.findIndex((s) => s.name === SHEETS.flags);
  const sheets = [...plan.sheets];
  const sheet = returnsSheet(returns);
  sheet.print = { orientation: "landscape", fitToWidth: 1, titleRows: "1:4" };
  sheets.splice(at < 0 ? sheets.length : at + 1, 0, sheet);
  return { ...plan, sheets };
}
