/**
 * A band whose lower edge is above its upper edge would judge every result outside it: the
 * reader says so, naming the cell, in a workbook's Measures table and in a long CSV.
 */
import { parseLongCsv } from "../../src/engine/longcsv";
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import { SHEETS } from "../../src/workbook/layout";
import { rawTablesFromPlan } from "../../src/workbook/rawTables";
import { scorecardFromTables } from "../../src/workbook/read";
import { templateInput } from "./support";

describe("a band with its lower edge above its upper edge", () => {
  it("is an error on the Measures row, naming the Band lower cell", () => {
    const input = templateInput("child-support", "2027-04");
    const [first, ...rest] = input.measures;
    const inverted = {
      ...input,
      measures: [{ ...first, direction: "band" as const, lower: 90, upper: 80 }, ...rest],
    };
    const { findings } = scorecardFromTables(rawTablesFromPlan(buildPlanFromInput(inverted)));
    const found = findings.filter((f) => f.code === "band-inverted");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", measure: first.id });
    expect(found[0].message).toMatch(/lower edge 90 is above its upper edge 80/);
    expect(found[0].where).toMatchObject({ sheet: SHEETS.measures, row: 5, column: 5 });
  });

  it("is an error in a long CSV, naming the line and the lower column", () => {
    const text = "measure,unit,period,target,actual,lower,upper\nWait days,North,2026-07,10,12,30,20\n";
    const { findings } = parseLongCsv(text, { fileName: "card.csv" });
    const found = findings.filter((f) => f.code === "band-inverted");
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/lower edge 30 is above its upper edge 20/);
    expect(found[0].where).toMatchObject({ row: 2, column: 6 });
  });

  it("is no finding when the edges are the right way round", () => {
    const text = "measure,unit,period,target,actual,lower,upper\nWait days,North,2026-07,10,12,20,30\n";
    expect(parseLongCsv(text).findings.map((f) => f.code)).not.toContain("band-inverted");
  });
});
