/**
 * An error value (#N/A) typed in a data cell counts as missing, as the readers treat it: it
 * does not make an earlier fiscal year incomplete, so year-end forecasts keep their seasonal
 * history. Evaluated by HyperFormula against the engine on the demo workbook.
 */
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import { buildDemoData } from "../../src/workbook/demo";
import { formulaExpectations } from "../../src/workbook/expectations";
import { fiscalMonthLabels, TABLES } from "../../src/workbook/layout";
import type { PlanTable } from "../../src/workbook/plan";
import { agreesWithEngine, evaluatePlan } from "./hf";

describe("an #N/A in an earlier year's denominator", () => {
  const { input } = buildDemoData(1);
  const plan = buildPlanFromInput(input);
  const grid = plan.sheets.flatMap((s) => s.tables).find((t) => t.name === TABLES.monthly) as PlanTable;
  const at = (header: string) => grid.columns.findIndex((c) => c.header === header);
  const denominator = at(`Denominator ${fiscalMonthLabels(input.fyStartMonth)[2]}`);
  const fy = Math.min(...grid.rows.map((r) => r[at("Fiscal year")] as number));
  const row = grid.rows.find((r) => r[at("Fiscal year")] === fy && typeof r[denominator] === "number")!;
  row[denominator] = { formula: "=NA()" };
  const measure = row[at("Measure ID")] as string;
  const unit = row[at("Unit ID")] as string;
  const book = evaluatePlan(plan);
  const forecasts = formulaExpectations(input, plan).filter((e) => e.quantity.startsWith("forecast."));

  it("leaves every year-end forecast as the engine computes it, seasonal ones included", () => {
    const mine = forecasts.filter((e) => e.quantity.endsWith(`${measure}|${unit} FY${fy + 2}`));
    expect(mine.map((e) => e.expected)).toContain("seasonal run rate");
    const wrong = forecasts
      .map((e) => ({ ...e, got: book.value(e.sheet, e.address) }))
      .filter((e) => !agreesWithEngine(e.expected, e.got))
      .map(
        (e) =>
          `${e.address} ${e.quantity}: expected ${JSON.stringify(e.expected)}, got ${JSON.stringify(e.got)}`,
      );
    expect(wrong).toEqual([]);
  });
});
