/** The in-memory Excel throws where Excel throws, queues writes until sync, and computes formulas. */
import { createMemoryExcel, type MemoryContext } from "../../../src/office/memory";

const excel = (apiVersion = "1.20") => createMemoryExcel({ apiVersion, sheets: ["Plan"] });

async function inPlan<T>(x: ReturnType<typeof excel>, f: (context: MemoryContext) => Promise<T>): Promise<T> {
  return x.run(f);
}

describe("the in-memory Excel's proxy semantics", () => {
  it("throws PropertyNotLoaded when a property is read without load and sync", async () => {
    await inPlan(excel(), async (context) => {
      const range = context.workbook.worksheets.getItem("Plan").getRange("A1");
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- the misuse Excel must refuse
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      // eslint-disable-next-line office-addins/call-sync-before-read -- the misuse Excel must refuse
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([[""]]);
      // eslint-disable-next-line office-addins/load-object-before-read -- the misuse Excel must refuse
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("applies writes only at sync", async () => {
    const x = excel();
    await inPlan(x, async (context) => {
      context.workbook.worksheets.getItem("Plan").getRange("A1:B1").values = [[1, 2]];
      expect(x.host.valuesOf(x.host.sheets[0], { row0: 0, col0: 0, row1: 0, col1: 1 })).toEqual([["", ""]]);
      await context.sync();
      expect(x.host.valuesOf(x.host.sheets[0], { row0: 0, col0: 0, row1: 0, col1: 1 })).toEqual([[1, 2]]);
    });
  });

  it.each([
    [
      "too few columns",
      "A1:C2",
      [
        [1, 2],
        [3, 4],
      ],
    ],
    [
      "too many rows",
      "A1:B1",
      [
        [1, 2],
        [3, 4],
      ],
    ],
    ["ragged rows", "A1:B2", [[1, 2], [3]]],
    ["a flat array", "A1:B1", [1, 2]],
  ])("throws InvalidArgument at sync for a 2-D array with %s", async (_name, address, data) => {
    await inPlan(excel(), async (context) => {
      context.workbook.worksheets.getItem("Plan").getRange(address).values = data as unknown[][];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  it("throws InvalidArgument for a table over an existing table", async () => {
    await inPlan(excel(), async (context) => {
      const sheet = context.workbook.worksheets.getItem("Plan");
      sheet.getRange("A1:B3").values = [
        ["a", "b"],
        [1, 2],
        [3, 4],
      ];
      sheet.tables.add("A1:B3", true).name = "tblOne";
      await context.sync();
      sheet.tables.add("B2:C5", true);
      await expect(context.sync()).rejects.toMatchObject({
        code: "InvalidArgument",
        message: expect.stringContaining("overlap"),
      });
    });
  });

  it.each([
    ["a worksheet", (context: MemoryContext) => context.workbook.worksheets.getItem("Nope").load("name")],
    ["a table", (context: MemoryContext) => context.workbook.tables.getItem("tblNope").load("name")],
    ["a named item", (context: MemoryContext) => context.workbook.names.getItem("Nope").load("name")],
    ["a setting", (context: MemoryContext) => context.workbook.settings.getItem("nope").load("value")],
  ])("throws ItemNotFound at sync for a missing %s", async (_what, touch) => {
    await inPlan(excel(), async (context) => {
      touch(context);
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("reports isNullObject only after a sync", async () => {
    await inPlan(excel(), async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("Plan");
      // eslint-disable-next-line office-addins/call-sync-before-read -- the misuse Excel must refuse
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it("requires items to be loaded before a collection is read", async () => {
    await inPlan(excel(), async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Plan"]);
    });
  });

  it("throws ApiNotFound for an API above the host's requirement set", async () => {
    await inPlan(excel("1.8"), async (context) => {
      const sheet = context.workbook.worksheets.getItem("Plan");
      sheet.getRange("A1:A2").values = [["h"], [1]];
      const table = sheet.tables.add("A1:A2", true);
      await context.sync();
      table.resize("A1:A3");
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });

  it("refuses a request above the payload limit and applies nothing from it", async () => {
    const x = createMemoryExcel({ sheets: ["Plan"], requestLimitBytes: 1000 });
    await x.run(async (context) => {
      context.workbook.worksheets.getItem("Plan").getRange("A1:A200").values = Array.from(
        { length: 200 },
        (_, i) => [`row ${i}`],
      );
      await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    });
    expect(x.host.sheets[0].cells.size).toBe(0);
    expect(x.stats.syncs).toBe(1);
    expect(x.stats.requestBytes[0]).toBeGreaterThan(1000);
  });

  it("refuses a response above the payload limit", async () => {
    const x = createMemoryExcel({ sheets: ["Plan"], responseLimitBytes: 1000 });
    await x.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Plan").getRange("A1:A200");
      range.formulas = '=REPT("x",20)' as unknown as unknown[][];
      await context.sync();
      range.load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    });
  });

  it("rejects a formula Excel could not parse", async () => {
    await inPlan(excel(), async (context) => {
      context.workbook.worksheets.getItem("Plan").getRange("A1").formulas = [["=SUM(1,"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });
});

describe("the in-memory Excel parses strings as Excel does", () => {
  it.each([
    ["=1+2", 3, "=1+2"],
    ["-1+2", 1, "=-1+2"],
    ["@SUM(5,6)", 11, "=SUM(5,6)"],
    ["+1", 1, 1],
    ["12%", 0.12, 0.12],
    ["1,000", 1000, 1000],
    ["TRUE", true, true],
    ["2026-07", 46204, 46204],
    ['\'=HYPERLINK("x")', '=HYPERLINK("x")', '=HYPERLINK("x")'],
    ["'+1", "+1", "+1"],
    ["North", "North", "North"],
  ])("writing %j gives the value %j and formula %j", async (input, value, formula) => {
    await inPlan(excel(), async (context) => {
      const cell = context.workbook.worksheets.getItem("Plan").getRange("A1");
      cell.values = [[input]];
      cell.load("values,formulas");
      await context.sync();
      expect(cell.values[0][0]).toEqual(value);
      expect(cell.formulas[0][0]).toEqual(formula);
    });
  });

  it("keeps text in a cell formatted as text", async () => {
    await inPlan(excel(), async (context) => {
      const cell = context.workbook.worksheets.getItem("Plan").getRange("A1");
      cell.numberFormat = [["@"]];
      cell.values = [["=1+2"]];
      cell.load("values");
      await context.sync();
      expect(cell.values).toEqual([["=1+2"]]);
    });
  });

  it("computes table formulas with structured references", async () => {
    await inPlan(excel(), async (context) => {
      const sheet = context.workbook.worksheets.getItem("Plan");
      sheet.getRange("A1:C3").values = [
        ["Target", "Actual", "Gap"],
        [10, 7, ""],
        [5, 9, ""],
      ];
      sheet.tables.add("A1:C3", true).name = "tblT";
      await context.sync();
      sheet.getRange("C2:C3").formulas = [["=[@Actual]-[@Target]"], ["=[@Actual]-[@Target]"]];
      sheet.getRange("E1").formulas = [["=SUM(tblT[Gap])"]];
      const gap = sheet.getRange("C2:C3").load("values");
      const total = sheet.getRange("E1").load("values");
      await context.sync();
      expect(gap.values).toEqual([[-3], [4]]);
      expect(total.values).toEqual([[1]]);
    });
  });
});

describe("the in-memory Excel's range operations", () => {
  it("fills one formula over a range, moving relative references like Excel", async () => {
    await inPlan(excel(), async (context) => {
      const sheet = context.workbook.worksheets.getItem("Plan");
      sheet.getRange("A1:A3").values = [[1], [2], [3]];
      const range = sheet.getRange("B1:B3");
      range.formulas = "=A1*$A$1*10" as unknown as unknown[][];
      range.load("formulas,values");
      await context.sync();
      expect(range.formulas).toEqual([["=A1*$A$1*10"], ["=A2*$A$1*10"], ["=A3*$A$1*10"]]);
      expect(range.values).toEqual([[10], [20], [30]]);
    });
  });

  it("deletes whole table rows and shrinks the table, but throws for part of a table row", async () => {
    await inPlan(excel(), async (context) => {
      const sheet = context.workbook.worksheets.getItem("Plan");
      sheet.getRange("A1:B4").values = [
        ["k", "v"],
        ["a", 1],
        ["b", 2],
        ["c", 3],
      ];
      const table = sheet.tables.add("A1:B4", true);
      await context.sync();
      sheet.getRange("A3:B3").delete("Up");
      const body = table.getDataBodyRange().load("values,address");
      await context.sync();
      expect(body.values).toEqual([
        ["a", 1],
        ["c", 3],
      ]);
      expect(body.address).toBe("Plan!A2:B3");
      sheet.getRange("A2").delete("Up");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
  });

  it("undoes a whole merged undo group (ExcelApi 1.20)", async () => {
    const x = excel("1.20");
    await x.run({ mergeUndoGroup: true }, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Plan");
      sheet.getRange("A1").values = [[1]];
      await context.sync();
      context.workbook.worksheets.add("Extra");
      await context.sync();
    });
    x.undo();
    expect(x.host.sheets.map((s) => s.name)).toEqual(["Plan"]);
    expect(x.host.sheets[0].cells.size).toBe(0);
  });
});
