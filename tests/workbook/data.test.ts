/**
 * tblData, the Data sheet's unpivot for PivotTables: one formula per column, identical on every
 * row (so Excel and the add-in treat each column as one calculated column), and a faithful copy
 * of the grid: row 12(k-1)+j+1 holds grid row k's fiscal month j.
 */
import fc from "fast-check";
import { fiscalYearMonths } from "../../src/engine/period";
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import { isFormula, type WorkbookPlan } from "../../src/workbook/plan";
import { columnLetter, SHEETS, TABLES } from "../../src/workbook/layout";
import { DATA_FIRST_ROW } from "../../src/workbook/sheets/data";
import { GRID_FIRST_ROW } from "../../src/workbook/sheets/monthly";
import { GRID } from "../../src/workbook/gridFormulas";
import { evaluatePlan } from "./hf";
import { scorecardInputArb } from "./random-scorecard";
import { templateInput } from "./support";

function dataTable(plan: WorkbookPlan) {
  const table = plan.sheets.flatMap((s) => s.tables).find((t) => t.name === TABLES.data);
  if (!table) throw new Error("the plan has no tblData");
  return table;
}

/** Every mismatch between tblData and the grid it unpivots, as readable sentences. */
function unpivotMismatches(plan: WorkbookPlan, fyStartMonth: number): string[] {
  const book = evaluatePlan(plan);
  const grid = (column: number, row: number) => book.value(SHEETS.monthly, `${columnLetter(column)}${row}`);
  const data = (column: number, row: number) => book.value(SHEETS.data, `${columnLetter(column)}${row}`);
  const problems: string[] = [];
  dataTable(plan).rows.forEach((_, i) => {
    const gridRow = GRID_FIRST_ROW + Math.floor(i / 12);
    const j = i % 12;
    const fy = grid(GRID.fiscalYear, gridRow);
    const blankable = (v: unknown) => (v === null ? "" : v);
    const expected = [
      grid(GRID.measure, gridRow),
      grid(GRID.unit, gridRow),
      fy,
      fiscalYearMonths(Number(fy), fyStartMonth)[j],
      blankable(grid(GRID.milestone + j, gridRow)),
      blankable(grid(GRID.actual + j, gridRow)),
      blankable(grid(GRID.denominator + j, gridRow)),
    ];
    expected.forEach((want, c) => {
      const got = data(c + 1, DATA_FIRST_ROW + i);
      if (got !== want)
        problems.push(
          `Data!${columnLetter(c + 1)}${DATA_FIRST_ROW + i} is ${String(got)}, want ${String(want)}`,
        );
    });
  });
  return problems;
}

describe("the Data sheet (tblData)", () => {
  it.each([
    ["child-support, fiscal year from October", "child-support", "2027-04"],
    ["city services, fiscal year from July", "city-services", "2027-01"],
  ])("writes one identical formula per column for %s", (_, id, asOf) => {
    const plan = buildPlanFromInput(templateInput(id, asOf));
    const rows = dataTable(plan).rows;
    expect(rows.length).toBeGreaterThan(12);
    rows[0].forEach((first, c) => {
      expect(isFormula(first)).toBe(true);
      expect(new Set(rows.map((r) => JSON.stringify(r[c]))).size).toBe(1);
    });
  });

  it.each([
    ["child-support", "2027-04"],
    ["balanced-scorecard", "2027-09"],
  ])("unpivots every month of the %s sample grid (as of %s) in HyperFormula", (id, asOf) => {
    const input = templateInput(id, asOf);
    expect(unpivotMismatches(buildPlanFromInput(input), input.fyStartMonth)).toEqual([]);
  });

  it("unpivots any small scorecard, whatever its fiscal-year start, in HyperFormula", () => {
    fc.assert(
      fc.property(scorecardInputArb, (input) => {
        expect(unpivotMismatches(buildPlanFromInput(input), input.fyStartMonth)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
