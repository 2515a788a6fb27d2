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
} from "../../src/workbook/sheets/budgetColumns";
import { getTemplate } from "../../src/workbook/templates";
import { budgetMeasureOf } from "../../src/workbook/templates/sampleBudget";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { BUDGET_SECTION_COLUMNS, BUDGET_STATUS_TABLE } from "../../src/workbook/sheets/dashboardBudget";
import { agreesWithEngine, evaluatePlan } from "./hf";
import { budgetInputArb } from "./random-budget";

/** True for a cell of the Dashboard's budget table. */
function budgetSectionCell(plan: WorkbookPlan, address: string): boolean {
  const table = plan.sheets
    .find((s) => s.name === SHEETS.dashboard)!
    .tables.find((t) => t.name === BUDGET_STATUS_TABLE)!;
  const top = Number(/\d+$/.exec(table.topLeft)![0]);
  const row = Number(/\d+$/.exec(address)![0]);
  return row > top && row <= top + table.rows.length && /^[A-L]\d/.test(address);
}

function budgetDifferences(input: WorkbookInput) {
  const plan = buildPlanFromInput(input);
  const book = evaluatePlan(plan);
  const expectations = formulaExpectations(input, plan).filter(
    (e) => e.sheet === SHEETS.budget || e.quantity.startsWith("dashboard."),
  );
  const errors = book.formulas
    .filter(
      (f) =>
        f.sheet === SHEETS.budget ||
        (f.sheet === SHEETS.dashboard && f.address >= "A" && budgetSectionCell(plan, f.address)),
    )
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
      ...BUDGET_SECTION_COLUMNS.filter((c) => c !== "Unit ID").map((c) => `dashboard.${c}`),
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

  it("puts Budget and results on the Dashboard with a native column chart over Chart data", () => {
    const plan = buildPlanFromInput(input);
    const dashboard = plan.sheets.find((s) => s.name === SHEETS.dashboard)!;
    const table = dashboard.tables.find((t) => t.name === BUDGET_STATUS_TABLE)!;
    const top = Number(/\d+$/.exec(table.topLeft)![0]);
    expect(book.value(SHEETS.dashboard, `A${top + 1}`)).toBe("Program");
    const pg = input.units.findIndex((u) => u.id === "prince-georges");
    expect(book.value(SHEETS.dashboard, `L${top + 2 + pg}`)).toBe(
      "Behind on results while spending ahead of plan.",
    );
    const chart = dashboard.charts.find((c) => c.kind === "columnClustered")!;
    expect(chart.series.map((s) => s.name)).toEqual(["Spend vs plan", "Results vs plan"]);
    expect(chart.series[0].values).toMatch(/^'Chart data'!\$S\$5:\$S\$16$/);
    // The chart's bars are the Dashboard's numbers: Prince George's spend bar up, its results bar down.
    expect(book.value(SHEETS.chartData, `S${5 + pg}`) as number).toBeGreaterThan(0.05);
    expect(book.value(SHEETS.chartData, `T${5 + pg}`) as number).toBeLessThan(-0.05);
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
