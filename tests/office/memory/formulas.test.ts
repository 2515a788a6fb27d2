/** The in-memory Excel's formulas: recomputed after every change, names included, as Excel would. */
import { createMemoryExcel } from "../../../src/office/memory";

const plan = () => createMemoryExcel({ apiVersion: "1.20", sheets: ["Plan"] });

describe("the in-memory Excel's formulas", () => {
  it("recomputes a total after an input it reads changes", async () => {
    const excel = plan();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Plan");
      sheet.getRange("A1:A3").values = [[10], [20], ["=SUM(A1:A2)"]];
      const total = sheet.getRange("A3").load("values");
      await context.sync();
      expect(total.values).toEqual([[30]]);
      sheet.getRange("A2").values = [[5]];
      total.load("values");
      await context.sync();
      expect(total.values).toEqual([[15]]);
    });
  });

  it("computes a formula over a workbook name, and refuses a name whose reference Excel could not parse", async () => {
    const excel = plan();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Plan");
      sheet.getRange("B1").values = [[0.25]];
      context.workbook.names.add("Rate", "=Plan!$B$1");
      sheet.getRange("B2").formulas = [["=400*Rate"]];
      const cell = sheet.getRange("B2").load("values");
      await context.sync();
      expect(cell.values).toEqual([[100]]);
      context.workbook.names.add("Broken", "=SUM(Plan!B1,");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  it("shows the values from before a merged run after undo", async () => {
    const excel = plan();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Plan").getRange("A1:A2").values = [[2], ["=A1*3"]];
      await context.sync();
    });
    await excel.run({ mergeUndoGroup: true }, async (context) => {
      context.workbook.worksheets.getItem("Plan").getRange("A1").values = [[7]];
      await context.sync();
    });
    excel.undo();
    const after = await excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Plan").getRange("A2").load("values");
      await context.sync();
      return cell.values;
    });
    expect(after).toEqual([[6]]);
  });
});
