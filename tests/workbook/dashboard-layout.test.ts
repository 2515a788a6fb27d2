/**
 * The Dashboard reads as a report on one printed page: the briefing rows first, the charts inside
 * the print area, the monthly series below it, and a slot where a "Budget and results" section
 * goes without breaking the sections after it.
 */
import { gridRows } from "../../src/workbook/input";
import { SHEETS, TABLES } from "../../src/workbook/layout";
import type { PlanTable } from "../../src/workbook/plan";
import { buildDashboard, type DashboardSection } from "../../src/workbook/sheets/dashboard";
import { monthlySheet } from "../../src/workbook/sheets/monthly";
import { templateInput } from "./support";

const input = templateInput("child-support", "2027-04");
const grid = monthlySheet(gridRows(input), input.measures, input.fyStartMonth, false).layout;
const rowOf = (a1: string) => Number(/(\d+)$/.exec(a1)![1]);
const top = (t: PlanTable) => rowOf(t.topLeft);

describe("the Dashboard's layout", () => {
  const { sheet, chartData } = buildDashboard(input, grid);
  const printEnd = rowOf(sheet.print!.area!);

  it("prints the report one landscape page wide with its title rows repeated", () => {
    expect(sheet.print).toMatchObject({ orientation: "landscape", fitToWidth: 1, titleRows: "1:3" });
    expect(sheet.print!.area).toMatch(/^A1:Y\d+$/);
  });

  it("keeps every chart inside the print area and the charts' series on the hidden sheet", () => {
    expect(sheet.charts).toHaveLength(input.measures.length + 1);
    expect(sheet.charts[0].title).toMatch(/^Program: year-to-date attainment/);
    for (const chart of sheet.charts) {
      expect(rowOf(chart.anchor)).toBeLessThanOrEqual(printEnd);
      for (const s of chart.series) expect(s.values.startsWith(`'${SHEETS.chartData}'!`)).toBe(true);
    }
    expect(chartData.hidden).toBe(true);
  });

  it("heads the unit status columns with measure names on a row tall enough to wrap them", () => {
    const units = sheet.tables.find((t) => t.name === TABLES.unitStatus)!;
    const headers = units.columns.map((c) => c.header);
    expect(headers.slice(2, 2 + input.measures.length)).toEqual(input.measures.map((m) => m.name));
    expect(new Set(headers.map((h) => h.toLowerCase())).size).toBe(headers.length);
    const row = top(units);
    expect(sheet.rowHeights?.[row]).toBeGreaterThanOrEqual(45);
    expect(sheet.ranges.find((r) => r.topLeft === `A${row}`)).toMatchObject({
      wrap: true,
      values: [headers],
    });
    // The league table's sort key shows nothing to a reader.
    expect(units.columns.find((c) => c.header === "League key")?.numberFormat).toBe(";;;");
  });

  it("puts the monthly series below the printed report", () => {
    const series = sheet.ranges.find(
      (r) => r.values[0]?.[0] === "Measure ID" && r.values[0]?.[1] === "Series",
    )!;
    expect(rowOf(series.topLeft)).toBeGreaterThan(printEnd);
  });

  it("makes room for a Budget and results section after the league table, moving what follows", () => {
    const budgetTable: PlanTable = {
      name: "tblBudgetResults",
      topLeft: "A1",
      columns: [{ header: "Unit" }],
      rows: [["x"]],
    };
    let placedAt = 0;
    const budget = (at: number): DashboardSection => {
      placedAt = at;
      return {
        ranges: [],
        tables: [{ ...budgetTable, topLeft: `A${at + 1}` }],
        conditionalFormats: [],
        nextRow: at + 10,
      };
    };
    const withBudget = buildDashboard(input, grid, { budget }).sheet;
    const incentive = (s: typeof sheet) => s.tables.find((t) => t.name === TABLES.incentive)!;
    const league = (s: typeof sheet) => s.tables.find((t) => t.name === TABLES.unitStatus)!;
    expect(placedAt).toBeGreaterThan(top(league(withBudget)));
    expect(top(incentive(withBudget))).toBe(top(incentive(sheet)) + 10);
    expect(withBudget.tables.some((t) => t.name === "tblBudgetResults")).toBe(true);
    expect(rowOf(withBudget.print!.area!)).toBe(printEnd + 10);
  });
});
