/**
 * A person renames "Actual Jan" in the grid: the reader names the column it now lacks and the
 * header it could not match, on the header row, instead of only reporting months not reported.
 */
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import { TABLES } from "../../src/workbook/layout";
import { rawTablesFromPlan } from "../../src/workbook/rawTables";
import { scorecardFromTables } from "../../src/workbook/read";
import { templateInput } from "./support";

const input = templateInput("child-support", "2027-04");
const tables = () => rawTablesFromPlan(buildPlanFromInput(input));

describe("a month column the grid should have", () => {
  it("is not a finding while every month column is there", () => {
    const { findings } = scorecardFromTables(tables());
    expect(findings.filter((f) => f.code === "month-column-missing")).toEqual([]);
  });

  it("is named, with the renamed header and its cell, when a person renames Actual Jan", () => {
    const raw = tables();
    const grid = raw[TABLES.monthly]!;
    const col = grid.headers.indexOf("Actual Jan");
    grid.headers[col] = "Actuals January";
    const { findings } = scorecardFromTables(raw);
    const missing = findings.filter((f) => f.code === "month-column-missing");
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toMatch(/no column "Actual Jan"/);
    expect(missing[0].message).toMatch(/"Actuals January" \([A-Z]+6\)/);
    expect(missing[0].fix).toMatch(/perhaps "Actuals January"/);
    expect(missing[0].where).toMatchObject({ row: grid.topLeftRow, column: grid.topLeftCol + col });
  });
});
