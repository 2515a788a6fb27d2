/** What the writer puts in the file: tables, names, formulas without cached values, formats, charts. */
import fc from "fast-check";
import JSZip from "jszip";
import { XlsxPlanError, loadWorkbook, writePlanToXlsx } from "../../src/xlsx";
import { f, officeTable, sheet, workbook } from "./plans";

async function part(bytes: Buffer, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(path);
  if (!file) throw new Error(`no ${path} in ${Object.keys(zip.files).join(", ")}`);
  return file.async("string");
}

const chartSheet = sheet("Milestones & Actuals", {
  tabColor: "#1F6FEB",
  freeze: { rows: 1, columns: 2 },
  columnWidths: { A: 24 },
  ranges: [
    {
      topLeft: "A1",
      values: [
        ["Month", "Jul", "Aug"],
        ["Actual", 5, 7],
        ["Milestone", 4, 8],
      ],
      bold: true,
    },
  ],
  conditionalFormats: [
    { type: "expression", range: "B2:C2", formula: "=B2<B3", color: "bad" },
    { type: "textEquals", range: "A1:A3", text: "Actual", color: "good" },
    { type: "dataBar", range: "B3:C3", color: "neutral" },
    { type: "iconSet", range: "B2:C2", icons: "3TrafficLights1", thresholds: [5, 6] },
  ],
  validations: [
    {
      range: "B2:C2",
      validation: {
        rule: { type: "whole", min: 0 },
        allowBlank: true,
        errorMessage: "Type a count of 0 or more.",
      },
    },
  ],
  charts: [
    {
      title: "Paternity: milestone vs actual",
      kind: "line",
      anchor: "E2:L16",
      series: [
        {
          name: "Actual",
          categories: "'Milestones & Actuals'!$B$1:$C$1",
          values: "'Milestones & Actuals'!$B$2:$C$2",
        },
        {
          name: "Milestone",
          categories: "'Milestones & Actuals'!$B$1:$C$1",
          values: "'Milestones & Actuals'!$B$3:$C$3",
        },
      ],
    },
    {
      title: "Orders",
      kind: "columnClustered",
      anchor: "E18:L30",
      series: [
        {
          name: "Actual",
          categories: "'Milestones & Actuals'!$B$1:$C$1",
          values: "'Milestones & Actuals'!$B$2:$C$2",
        },
      ],
    },
  ],
});

const plan = workbook(
  [
    sheet("Offices", {
      tables: [
        officeTable([
          ["North", 120, 100],
          ["South", 80, 100],
        ]),
      ],
    }),
    chartSheet,
  ],
  [{ name: "FirstActual", refersTo: "='Milestones & Actuals'!$B$2" }],
);

describe("writePlanToXlsx", () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await writePlanToXlsx(plan);
  });

  it("asks every reader to recalculate in full on load", async () => {
    expect(await part(bytes, "xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("stores formulas without cached results, so nothing stale can show", async () => {
    const xml = await part(bytes, "xl/worksheets/sheet1.xml");
    const formulaCells = xml.match(/<c [^>]*>(?:(?!<\/c>).)*<f>(?:(?!<\/c>).)*<\/c>/g) ?? [];
    expect(formulaCells.length).toBe(4);
    for (const cell of formulaCells) expect(cell).not.toMatch(/<v>/);
    expect(xml).toContain("tblOffices[[#This Row],[Actual]]");
  });

  it("keeps the table's stable name, range and headers", async () => {
    const wb = await loadWorkbook(bytes);
    const tables = (
      wb.getWorksheet("Offices") as unknown as { tables: Record<string, { table: { tableRef: string } }> }
    ).tables;
    expect(tables.tblOffices.table.tableRef).toBe("A1:E3");
    expect(wb.getWorksheet("Offices")!.getRow(1).values).toEqual([
      undefined,
      "Office",
      "Actual",
      "Target",
      "Variance",
      "Status",
    ]);
  });

  it("applies column number formats and validation to the table's data rows", async () => {
    const wb = await loadWorkbook(bytes);
    const ws = wb.getWorksheet("Offices")!;
    expect(ws.getCell("D2").numFmt).toBe("0.0%");
    expect(await part(bytes, "xl/worksheets/sheet1.xml")).toMatch(
      /<dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1"[^>]*error="A target is a number of 0 or more\."[^>]*sqref="C2:C3"/,
    );
  });

  it("writes the defined name", async () => {
    expect(await part(bytes, "xl/workbook.xml")).toContain(
      `<definedName name="FirstActual">&apos;Milestones &amp; Actuals&apos;!$B$2</definedName>`,
    );
  });

  it("freezes panes, sets widths and the tab colour", async () => {
    const wb = await loadWorkbook(bytes);
    const ws = wb.getWorksheet("Milestones & Actuals")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 1 });
    expect(ws.getColumn("A").width).toBe(24);
    expect(ws.properties.tabColor).toEqual({ argb: "FF1F6FEB" });
  });

  it("writes the four kinds of conditional format", async () => {
    const xml = await part(bytes, "xl/worksheets/sheet2.xml");
    expect(xml).toContain("<formula>B2&lt;B3</formula>");
    expect(xml).toMatch(/type="cellIs"[^>]*operator="equal"/);
    expect(xml).toContain("<dataBar");
    expect(xml).toContain('iconSet="3TrafficLights1"');
  });

  it("adds native charts as drawing parts linked from the sheet", async () => {
    const sheetXml = await part(bytes, "xl/worksheets/sheet2.xml");
    expect(sheetXml).toMatch(/<drawing r:id="rIdYardstickDrawing"\/>/);
    const chart1 = await part(bytes, "xl/charts/chart1.xml");
    expect(chart1).toContain("<c:lineChart>");
    expect(chart1).toContain("<c:f>&apos;Milestones &amp; Actuals&apos;!$B$2:$C$2</c:f>");
    expect(await part(bytes, "xl/charts/chart2.xml")).toContain('<c:barDir val="col"/>');
    expect(await part(bytes, "[Content_Types].xml")).toContain('PartName="/xl/charts/chart2.xml"');
    expect(await part(bytes, "xl/drawings/_rels/drawing1.xml.rels")).toContain("../charts/chart2.xml");
  });

  it("writes any text as text, never as a formula or a number", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0),
          { minLength: 1, maxLength: 5 },
        ),
        async (texts) => {
          const out = await writePlanToXlsx(
            workbook([sheet("S", { ranges: [{ topLeft: "A1", values: [texts] }] })]),
          );
          const ws = (await loadWorkbook(out)).getWorksheet("S")!;
          texts.forEach((text, i) => expect(ws.getCell(1, i + 1).value).toBe(text));
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("writePlanToXlsx refuses plans it cannot write, naming the place", () => {
  it.each([
    ["a sheet name with a slash", workbook([sheet("Q1/Q2")]), /sheet name "Q1\/Q2"/],
    ["two sheets with one name", workbook([sheet("Units"), sheet("units")]), /two sheets are called "units"/],
    [
      "a number that is not finite",
      workbook([sheet("S", { ranges: [{ topLeft: "B2", values: [[Number.NaN]] }] })]),
      /S!B2: NaN cannot be stored/,
    ],
    [
      "a ragged range",
      workbook([sheet("S", { ranges: [{ topLeft: "A1", values: [[1, 2], [3]] }] })]),
      /row 2 has 1 cells, expected 2/,
    ],
    [
      "a banned function",
      workbook([sheet("S", { ranges: [{ topLeft: "C3", values: [[f("=XLOOKUP(1,A:A,B:B)")]] }] })]),
      /S!C3: XLOOKUP/,
    ],
    [
      "a table name with a space",
      workbook([sheet("S", { tables: [{ ...officeTable([]), name: "my table" }] })]),
      /table name "my table"/,
    ],
    [
      "a table reference in a conditional format",
      workbook([
        sheet("S", {
          conditionalFormats: [{ type: "expression", range: "A1:A3", formula: "=tblX[@A]>1", color: "bad" }],
        }),
      ]),
      /does not allow table references/,
    ],
    ["a tab colour that is not hex", workbook([sheet("S", { tabColor: "teal" })]), /tab colour "teal"/],
  ])("%s", async (_name, bad, message) => {
    await expect(writePlanToXlsx(bad)).rejects.toThrow(XlsxPlanError);
    await expect(writePlanToXlsx(bad)).rejects.toThrow(message);
  });

  it("protects only formula cells when asked, leaving typed cells editable and sorting allowed", async () => {
    const out = await writePlanToXlsx(
      workbook([sheet("S", { protectFormulas: true, tables: [officeTable([["North", 1, 2]])] })]),
    );
    const ws = (await loadWorkbook(out)).getWorksheet("S")!;
    expect(ws.getCell("B2").protection).toMatchObject({ locked: false });
    expect(ws.getCell("D2").protection?.locked).not.toBe(false);
    const xml = await part(out, "xl/worksheets/sheet1.xml");
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(xml).toMatch(/<sheetProtection [^>]*sort="0"/);
  });

  it("leaves sheets unprotected by default, since protection clears Excel's undo", async () => {
    expect(await part(await writePlanToXlsx(plan), "xl/worksheets/sheet1.xml")).not.toContain(
      "<sheetProtection",
    );
  });

  it("writes an empty table with one blank row a person can type into", async () => {
    const out = await writePlanToXlsx(workbook([sheet("S", { tables: [officeTable([])] })]));
    expect(await part(out, "xl/tables/table1.xml")).toContain('ref="A1:E2"');
  });
});
