import { createMemoryExcel } from "../../../src/office/memory";
import { createPreview } from "../../../src/taskpane/preview/createPreview";
import { type FormulaComputer, PENDING, PreviewWorkbook } from "../../../src/taskpane/preview/memoryWorkbook";

/** The shown text of a cell, A1-style, 1-based. */
const at = (rows: string[][], row: number, column: number): string => rows[row - 1]?.[column - 1] ?? "";

describe("the preview grid: values in their number formats, formulas in the formula bar", () => {
  it("shows a small workbook's formula values formatted, after they are computed", async () => {
    const excel = createMemoryExcel({ apiVersion: "1.20", sheets: ["Sheet1"], evaluateFormulas: false });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:C2").values = [
        [10, 11, "=A1/B1"],
        [11499917.82, "=NA()", "=A1/0"],
      ];
      sheet.getRange("C1").numberFormat = [["0.0%"]];
      sheet.getRange("A2").numberFormat = [["$#,##0"]];
      await context.sync();
    });
    const workbook = new PreviewWorkbook(excel);
    const before = workbook.grid("Sheet1");
    expect(before.pending).toBe(true);
    expect(at(before.rows, 1, 3)).toBe(PENDING);
    expect(at(before.rows, 2, 1)).toBe("$11,499,918");
    let heard = 0;
    workbook.subscribe(() => heard++);
    await workbook.values("Sheet1");
    expect(heard).toBe(1);
    const after = workbook.grid("Sheet1");
    expect(after.pending).toBe(false);
    expect(after.rows[0]).toEqual(["10", "11", "90.9%"]);
    expect(after.rows[1]).toEqual(["$11,499,918", "#N/A", "#DIV/0!"]);
    // The formula bar keeps the formula, and a constant as typed (not as formatted).
    expect(at(after.entries, 1, 3)).toBe("=A1/B1");
    expect(at(after.entries, 2, 1)).toBe("11499917.82");
  });

  it("drops values when the workbook changes, and a stale computation never lands", async () => {
    const excel = createMemoryExcel({ apiVersion: "1.20", sheets: ["Sheet1"], evaluateFormulas: false });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[2, "=A1*2"]];
      await context.sync();
    });
    let release: () => void = () => undefined;
    let cancelled = 0;
    const slow: FormulaComputer = {
      compute: () => new Promise((resolve) => (release = () => resolve([[2, 4]]))),
      cancel: () => cancelled++,
    };
    const workbook = new PreviewWorkbook(excel, slow);
    const first = workbook.values("Sheet1");
    await workbook.setCell("Sheet1", 1, 1, "3");
    expect(cancelled).toBe(1);
    release();
    await first;
    expect(workbook.grid("Sheet1").rows[0]).toEqual(["3", PENDING]);
    const second = workbook.values("Sheet1");
    release();
    await second;
    expect(workbook.grid("Sheet1").rows[0]).toEqual(["3", "4"]);
    // A jump to a cell is not a change: the values stay.
    workbook.select({ sheet: "Sheet1", row: 1, column: 2 });
    expect(workbook.grid("Sheet1").pending).toBe(false);
  });

  it("shows the demo's Dashboard and Milestones & Actuals computed and formatted, not formula text", async () => {
    const { port, workbook } = createPreview();
    await port.insertTemplate({ templateId: "child-support", withSampleData: true, destination: "this" });
    const host = workbook.excel.host;

    await workbook.values("Dashboard");
    const dashboard = workbook.grid("Dashboard");
    expect(dashboard.pending).toBe(false);
    expect(dashboard.rows.flat().some((text) => text.startsWith("="))).toBe(false);
    // The status counts (G3 "On track", I3 "At risk"): whole numbers where the formula was.
    expect(at(dashboard.formulas, 3, 7)).toMatch(/^=COUNTIF\(/);
    expect(at(dashboard.entries, 3, 7)).toMatch(/^=COUNTIF\(/);
    expect(at(dashboard.rows, 3, 7)).toMatch(/^\d+$/);
    expect(at(dashboard.rows, 3, 9)).toMatch(/^\d+$/);

    await workbook.values("Milestones & Actuals");
    const grid = workbook.grid("Milestones & Actuals");
    const sheet = host.findSheet("Milestones & Actuals")!;
    const formats = host.numberFormatsOf(sheet, { row0: 0, col0: 0, row1: grid.rows.length - 1, col1: 59 });
    const shown = (format: string): string[] =>
      grid.rows.flatMap((r, i) => r.filter((_, j) => grid.formulas[i][j] && formats[i][j] === format));
    // Percent columns (e.g. share of the year's target met) read as percentages, never raw ratios.
    const percents = shown("0.0%").filter((t) => t !== "");
    expect(percents.length).toBeGreaterThan(0);
    for (const text of percents) expect(text).toMatch(/^(-?[\d,]+\.\d%|#[A-Z/0!?]+)$/);
    // No formula cell shows its formula text.
    const formulaCells = grid.rows.flatMap((r, i) => r.filter((_, j) => grid.formulas[i][j]));
    expect(formulaCells.length).toBeGreaterThan(1000);
    expect(formulaCells.filter((text) => text.startsWith("=") || text === PENDING)).toEqual([]);
  });
});
