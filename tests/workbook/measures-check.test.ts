/**
 * Each measure's checks are written for its kind, direction and band edges. The Measures sheet
 * says what they were built for, and a recipient who changes one of those cells without the
 * add-in sees "no" in "Checks up to date" (evaluated by HyperFormula, as Excel would).
 */
import { buildWorkbookPlan } from "../../src/workbook/buildPlan";
import { columnLetter, MEASURE_HEADERS, SHEETS, TABLES } from "../../src/workbook/layout";
import type { PlanTable, WorkbookPlan } from "../../src/workbook/plan";
import { MEASURE_CHECK_HEADERS } from "../../src/workbook/sheets/reference";
import { evaluatePlan } from "./hf";

const FIRST_ROW = 5;

function measures(plan: WorkbookPlan): PlanTable {
  return plan.sheets.find((s) => s.name === SHEETS.measures)!.tables.find((t) => t.name === TABLES.measures)!;
}

function col(table: PlanTable, header: string): number {
  const i = table.columns.findIndex((c) => c.header === header);
  expect(i).toBeGreaterThanOrEqual(0);
  return i;
}

function upToDate(plan: WorkbookPlan): unknown[] {
  const table = measures(plan);
  const letter = columnLetter(col(table, MEASURE_CHECK_HEADERS.current) + 1);
  const book = evaluatePlan(plan);
  return table.rows.map((_, i) => book.value(SHEETS.measures, `${letter}${FIRST_ROW + i}`));
}

describe("the Measures sheet's record of what the checks were built for", () => {
  const plan = buildWorkbookPlan("balanced-scorecard", { sampleData: true });
  const table = measures(plan);
  const band = table.rows.findIndex((r) => r[col(table, MEASURE_HEADERS.direction)] === "band");

  it("says every measure's checks are up to date as written, naming kind, direction and band", () => {
    expect(upToDate(plan).every((v) => v === "yes")).toBe(true);
    expect(band).toBeGreaterThanOrEqual(0);
    expect(table.rows[band][col(table, MEASURE_CHECK_HEADERS.builtFor)]).toMatch(
      /, band, \d+(\.\d+)? to \d+/,
    );
  });

  it.each([
    ["a kind", MEASURE_HEADERS.kind, 0, "ratio"],
    ["a direction", MEASURE_HEADERS.direction, 0, "down"],
    ["a band edge", MEASURE_HEADERS.upper, -1, 1e6],
  ])("says no on the changed row only when a recipient changes %s", (_what, header, rowAt, value) => {
    const changed = structuredClone(plan);
    const t = measures(changed);
    const row = rowAt < 0 ? band : rowAt;
    if (header === MEASURE_HEADERS.kind && t.rows[row][col(t, header)] === value)
      t.rows[row][col(t, header)] = "count";
    else t.rows[row][col(t, header)] = value;
    const seen = upToDate(changed);
    expect(seen[row]).toMatch(/^no: apply the workbook with Yardstick again/);
    expect(seen.filter((v) => v !== "yes")).toHaveLength(1);
  });
});
