/**
 * A manager's edits survive: after sorting a table, inserting a row, renaming a sheet or
 * blanking a cell, the live formulas still compute the right numbers in LibreOffice and the
 * reader still finds every table.
 */
import { readRawTables, writePlanToXlsx } from "../../src/xlsx";
import { recalculateAndRead, type ComputedCell } from "../support/libreoffice";
import { afterRowInsert, blankCells, insertTableRow, renameSheet, shiftRows, sortTable } from "./edits";
import { f, officeTable, sheet, workbook } from "./plans";

jest.setTimeout(180_000);

const plan = workbook([
  sheet("Offices", {
    tables: [
      officeTable([
        ["North", 120, 100],
        ["South", 80, 100],
        ["East", 45, 50],
      ]),
    ],
  }),
  sheet("Summary", {
    ranges: [
      {
        topLeft: "A1",
        values: [
          ["Total", f("=SUM(tblOffices[Actual])")],
          ["First office actual", f("=Offices!B2")],
        ],
      },
    ],
  }),
]);

/** Office name -> [variance, status] as LibreOffice computed them. */
function byOffice(
  cells: Map<string, ComputedCell>,
  sheetName = "Offices",
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (let r = 2; r < 20; r += 1) {
    const office = cells.get(`${sheetName}!A${r}`)?.value;
    if (typeof office !== "string") continue;
    out[office] = [cells.get(`${sheetName}!D${r}`)?.value, cells.get(`${sheetName}!E${r}`)?.value];
  }
  return out;
}

describe("a manager's edits survive", () => {
  let original: Map<string, ComputedCell>;
  let sorted: Map<string, ComputedCell>;
  let inserted: Map<string, ComputedCell>;
  let renamed: Map<string, ComputedCell>;
  let blanked: Map<string, ComputedCell>;
  let cleared: string[];

  beforeAll(async () => {
    const bytes = await writePlanToXlsx(plan);
    const blank = await blankCells(bytes, "tblOffices", ["Actual"], (row) => row.Office === "South");
    cleared = blank.cleared;
    [original, sorted, inserted, renamed, blanked] = await recalculateAndRead([
      bytes,
      await sortTable(bytes, "tblOffices", "Actual", "asc"),
      await insertTableRow(bytes, "tblOffices", 1, { Office: "West", Actual: 50, Target: 40 }),
      await renameSheet(bytes, "Offices", "Field offices"),
      blank.bytes,
    ]);
  });

  it("sorting moves each office's variance and status with it", () => {
    expect(sorted.get("Offices!A2")!.value).toBe("East");
    expect(byOffice(sorted)).toEqual(byOffice(original));
  });

  it("an inserted row gets the calculated columns and joins the totals", () => {
    expect(inserted.get("Offices!A3")!.value).toBe("West");
    expect(byOffice(inserted).West).toEqual([0.25, "Met"]);
    expect(byOffice(inserted).South).toEqual(byOffice(original).South);
    expect(inserted.get("Summary!B1")!.value).toBe(245 + 50);
  });

  it("renaming a sheet keeps references to it working", () => {
    expect(renamed.get("Summary!B2")).toMatchObject({ value: 120, formula: "'Field offices'!B2" });
    expect(byOffice(renamed, "Field offices")).toEqual(byOffice(original));
  });

  it("a blanked actual shows No data, and the reader still sees the row", async () => {
    expect(cleared).toEqual(["Offices!B3"]);
    expect(byOffice(blanked).South).toEqual(["", "No data"]);
    expect(blanked.get("Summary!B1")!.value).toBe(165);
  });

  it("the reader finds the table by name after the sheet is renamed", async () => {
    const bytes = await renameSheet(await writePlanToXlsx(plan), "Offices", "Field offices");
    const tables = await readRawTables(bytes);
    expect(tables.tblOffices).toMatchObject({
      sheetName: "Field offices",
      topLeftRow: 1,
      headers: ["Office", "Actual", "Target", "Variance", "Status"],
    });
    expect(tables.tblOffices!.rows.map((r) => r[0])).toEqual(["North", "South", "East"]);
  });

  it.each([
    ["shifts relative rows", "$A5&B5+SUM(C5:C9)", 3, "$A8&B8+SUM(C8:C12)"],
    ["leaves absolute rows", "INDEX($AY$5:$AY$90,2)+A$1", 2, "INDEX($AY$5:$AY$90,2)+A$1"],
    ["leaves text and function names", 'IF(A2="B2",LOG10(A2),0)', 1, 'IF(A3="B2",LOG10(A3),0)'],
  ])("the sort helper %s like Excel", (_name, formula, delta, expected) => {
    expect(shiftRows(formula, delta)).toBe(expected);
  });

  it.each([
    ["moves references at or below the row", "A7+A5+$B$9", "Grid", "Grid", 6, "A8+A5+$B$10"],
    ["grows a range that spans the row", "SUM($A$5:$A$90)", "Grid", "Grid", 6, "SUM($A$5:$A$91)"],
    [
      "follows qualified references from other sheets",
      "SUM('Grid'!$A$5:$A$90)+Grid!B7",
      "Dash",
      "Grid",
      6,
      "SUM('Grid'!$A$5:$A$91)+Grid!B8",
    ],
    ["leaves other sheets and text alone", 'Other!A9&"A9"', "Dash", "Grid", 6, 'Other!A9&"A9"'],
  ])("inserting a row %s, like Excel", (_name, formula, on, target, at, expected) => {
    expect(afterRowInsert(formula, on, target, at)).toBe(expected);
  });
});
