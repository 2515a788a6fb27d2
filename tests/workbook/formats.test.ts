/**
 * Numbers follow each measure: a reader sees whole counts, one-decimal percentages, money with
 * its currency and cost-effectiveness as "$4.86 per $1", row by row where a column mixes measures.
 */
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import { REVISION_HEADERS, SHEETS, TABLES } from "../../src/workbook/layout";
import { REVISIONS_FIRST_ROW } from "../../src/workbook/sheets/revisions";
import { demoInput } from "../../src/cli/commands/demo";
import { measureNumberFormat } from "../../src/workbook/sheets/formats";
import { PROGRAM_COLUMNS } from "../../src/workbook/sheets/programColumns";
import { writePlanToXlsx } from "../../src/xlsx";
import ExcelJS from "exceljs";
import { templateInput } from "./support";

describe("a measure's number format", () => {
  it.each([
    [{ kind: "count", unitLabel: "cases" }, "level", "#,##0"],
    [{ kind: "count", unitLabel: "cases" }, "change", "+#,##0;-#,##0;#,##0"],
    [{ kind: "rate", unitLabel: "%" }, "level", '0.0"%"'],
    [{ kind: "rate", unitLabel: "%" }, "change", '+0.0" pts";-0.0" pts";0.0" pts"'],
    [{ kind: "amount", unitLabel: "$" }, "level", '"$"#,##0'],
    [{ kind: "ratio", unitLabel: "$ per $" }, "level", '"$"0.00" per $1"'],
    [{ kind: "ratio", unitLabel: "$ per case" }, "level", '"$"0.00" per case"'],
  ] as const)("%j as a %s is %s", (m, role, format) => {
    expect(measureNumberFormat(m, role)).toBe(format);
  });
});

describe("the child-support workbook as a recipient opens it", () => {
  const input = templateInput("child-support", "2027-04");
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = new ExcelJS.Workbook();
    await book.xlsx.load((await writePlanToXlsx(buildPlanFromInput(input))) as never);
  });
  const rowOf = (sheet: string, table: string, id: string) => {
    const ws = book.getWorksheet(sheet)!;
    let found = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === id && found === 0 && r > 4) found = r;
    });
    expect(found).toBeGreaterThan(0);
    void table;
    return ws.getRow(found);
  };

  it("shows the Dashboard's program rows in each measure's own unit", () => {
    const col = (h: (typeof PROGRAM_COLUMNS)[number]) => PROGRAM_COLUMNS.indexOf(h) + 1;
    const cost = rowOf(SHEETS.dashboard, TABLES.programStatus, "cost");
    expect(cost.getCell(col("YTD actual")).numFmt).toBe('"$"0.00" per $1"');
    const pep = rowOf(SHEETS.dashboard, TABLES.programStatus, "pep");
    expect(pep.getCell(col("Period actual")).numFmt).toBe('0.0"%"');
    expect(pep.getCell(col("Variance")).numFmt).toBe('+0.0" pts";-0.0" pts";0.0" pts"');
    expect(pep.getCell(col("Attainment")).numFmt).toBe("0.0%");
    const tests = rowOf(SHEETS.dashboard, TABLES.programStatus, "genetic-tests");
    expect(tests.getCell(col("Year-end forecast")).numFmt).toBe("#,##0");
  });

  it("shows the Targets table's program targets in each measure's own unit", () => {
    const cost = rowOf(SHEETS.targets, TABLES.programTargets, "cost");
    expect(cost.getCell(3).numFmt).toBe('"$"0.00" per $1"');
    const tests = rowOf(SHEETS.targets, TABLES.programTargets, "genetic-tests");
    expect(tests.getCell(3).numFmt).toBe("#,##0");
  });
});

describe("the Revisions sheet as a recipient reads it", () => {
  it("shows an unrounded rate target to three decimals at most and a count whole, keeping every digit", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writePlanToXlsx(buildPlanFromInput(demoInput()))) as never);
    const ws = book.getWorksheet(SHEETS.revisions)!;
    const header = ws.getRow(REVISIONS_FIRST_ROW - 1).values as unknown[];
    const col = (h: string) => header.indexOf(h);
    const rows = Array.from({ length: 200 }, (_, i) => ws.getRow(REVISIONS_FIRST_ROW + i));
    const fraction = rows.find((r) => !Number.isInteger(r.getCell(col(REVISION_HEADERS.newValue)).value))!;
    const whole = rows.find((r) => Number.isInteger(r.getCell(col(REVISION_HEADERS.newValue)).value))!;
    const newValue = col(REVISION_HEADERS.newValue);
    expect(String(fraction.getCell(newValue).value).length).toBeGreaterThan(6);
    expect(fraction.getCell(newValue).numFmt).toBe("#,##0.0##");
    expect(whole.getCell(col(REVISION_HEADERS.newValue)).numFmt).toBe("#,##0");
  });
});
