/**
 * The Budget sheet: its live formulas equal the engine's budget report (src/engine/budget) for the
 * same inputs, in HyperFormula, on random budgets and on the templates' and demo's sample data;
 * and the demo shows the office that is behind on results while spending ahead of plan.
 */
import fc from "fast-check";
import { buildPlanFromInput, buildWorkbookPlan } from "../../src/workbook/buildPlan";
import { buildDemoData } from "../../src/workbook/demo";
import { formulaExpectations } from "../../src/workbook/expectations";
import type { WorkbookInput } from "../../src/workbook/input";
import { SHEETS } from "../../src/workbook/layout";
import {
  BUDGET_FIRST_ROW,
  budgetCol,
  BUDGET_COMPUTED,
  SPEND_COMPUTED,
} from "../../src/workbook/sheets/budget";
import { getTemplate } from "../../src/workbook/templates";
import { budgetMeasureOf } from "../../src/workbook/templates/sampleBudget";
import { agreesWithEngine, evaluatePlan } from "./hf";
import { budgetInputArb } from "./random-budget";

function budgetDifferences(input: WorkbookInput) {
  const plan = buildPlanFromInput(input);
  const book = evaluatePlan(plan);
  const expectations = formulaExpectations(input, plan).filter((e) => e.sheet === SHEETS.budget);
  const errors = book.formulas
    .filter((f) => f.sheet === SHEETS.budget)
    .map((f) => ({ ...f, value: book.value(f.sheet, f.address) }))
    .filter((f) => f.value !== null && typeof f.value === "object")
    .map((f) => `${f.address}: ${JSON.stringify(f.value)} = ${f.formula}`);
  const mismatches = expectations
    .map((e) => ({ ...e, got: book.value(e.sheet, e.address) }))
    .filter((e) => !agreesWithEngine(e.expected, e.got))
    .map(
      (e) =>
        `${e.address} ${e.quantity}: engine ${JSON.stringify(e.expected)}, sheet ${JSON.stringify(e.got)}`,
    );
  return { expectations, errors, mismatches, book };
}

describe("the Budget sheet's formulas against the engine's budget report (HyperFormula)", () => {
  it("agrees cell for cell on random budgets, allotments, spend and results", () => {
    let checked = 0;
    const columns = new Set<string>();
    fc.assert(
      fc.property(budgetInputArb, (input) => {
        const { expectations, errors, mismatches } = budgetDifferences(input);
        checked += expectations.length;
        for (const e of expectations) columns.add(e.quantity.split(":")[0]);
        expect(errors).toEqual([]);
        expect(mismatches).toEqual([]);
      }),
      { numRuns: 40, seed: 20271 },
    );
    expect(checked).toBeGreaterThan(1000);
    // Every computed column but the two lookups (whose use every other column proves) is checked.
    const expected = [
      ...BUDGET_COMPUTED.filter((c) => c !== "Scorecard row" && c !== "Spend row").map((c) => `budget.${c}`),
      ...["Allotted YTD", "Spent YTD", "Months to date", "Allotted year"].map((c) => `spend.${c}`),
    ];
    expect([...columns].sort()).toEqual(expected.sort());
    void SPEND_COMPUTED;
  });

  it.each(["child-support", "city-services", "balanced-scorecard"])(
    "gives the %s template a Budget sheet after the grid, a row per unit and year buying its measure",
    (id) => {
      const plan = buildWorkbookPlan(id, { sampleData: true });
      const names = plan.sheets.map((s) => s.name);
      // Right after the grid it reads from (docs/design.md's tab order).
      expect(names.indexOf(SHEETS.budget)).toBe(names.indexOf(SHEETS.monthly) + 1);
      const sheet = plan.sheets.find((s) => s.name === SHEETS.budget)!;
      expect(sheet.tables.map((t) => t.name)).toEqual(["tblBudget", "tblSpend"]);
      const [budget, spend] = sheet.tables;
      const units = getTemplate(id).units.length;
      expect(budget.rows).toHaveLength(2 * units); // last year and this year
      expect(spend.rows).toHaveLength(2 * units);
      expect(budget.rows.every((r) => r[2] === budgetMeasureOf(id))).toBe(true);
    },
  );

  it("gives the blank template an empty Budget sheet whose formulas show nothing and no error", () => {
    const plan = buildWorkbookPlan("blank");
    const book = evaluatePlan(plan);
    const errors = book.formulas
      .filter((f) => f.sheet === SHEETS.budget)
      .filter((f) => {
        const v = book.value(f.sheet, f.address);
        return v !== null && typeof v === "object";
      });
    expect(errors).toEqual([]);
  });
});

describe("the demo's budget", () => {
  const { input } = buildDemoData(1);
  const { expectations, errors, mismatches, book } = budgetDifferences(input);

  it("matches the engine on every Budget cell", () => {
    expect(expectations.length).toBeGreaterThan(400);
    expect(errors).toEqual([]);
    expect(mismatches).toEqual([]);
  });

  it("shows the office behind on results while spending ahead of plan, and only that one", () => {
    const rows = input.budget!.years.map((y, i) => ({
      unit: y.unit,
      fy: y.fiscalYear,
      status: book.value(SHEETS.budget, `${budgetCol("Status")}${BUDGET_FIRST_ROW + i}`),
      costVariance: book.value(SHEETS.budget, `${budgetCol("Cost variance %")}${BUDGET_FIRST_ROW + i}`),
    }));
    const flagged = rows.filter((r) => r.status === "Behind on results while spending ahead of plan.");
    expect(flagged.map((r) => [r.unit, r.fy])).toEqual([["prince-georges", 2027]]);
    expect(flagged[0].costVariance as number).toBeGreaterThan(0.1);
  });
});
