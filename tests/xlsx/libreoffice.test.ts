/**
 * The LibreOffice harness itself: workbooks written by the xlsx layer recompute headless,
 * what the writer must do for that (no cached results, `[@Col]` expanded, `_xlfn.` prefixes),
 * and clear errors when LibreOffice is missing.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { writePlanToXlsx } from "../../src/xlsx";
import { LibreOfficeError, readComputedCells, recalculate, recalculateAndRead } from "../support/libreoffice";
import { f, officeTable, sheet, workbook } from "./plans";

jest.setTimeout(180_000);

const plan = workbook(
  [
    sheet("Offices", {
      tables: [
        officeTable([
          ["North", 120, 100],
          ["South", 80, 100],
          ["East", null, 50],
        ]),
      ],
    }),
    sheet("Summary & Notes", {
      ranges: [
        {
          topLeft: "A1",
          values: [
            ["Total actual", f("=SUM(tblOffices[Actual])")],
            ["Offices met", f('=COUNTIFS(tblOffices[Status],"Met")')],
            ["South target", f('=INDEX(tblOffices[Target],MATCH("South",tblOffices[Office],0))')],
            ["Weighted", f("=SUMPRODUCT(tblOffices[Actual],tblOffices[Target])/SUM(tblOffices[Target])")],
            ["Spread", f("=STDEV.S(tblOffices[Target])")],
            ["Doubled goal", f("=Goal*2")],
            ["Looks like a formula", '=HYPERLINK("http://example.com")'],
            ["Looks like a number", "00123"],
          ],
        },
        { topLeft: "D1", values: [[40]] },
      ],
    }),
  ],
  [{ name: "Goal", refersTo: "='Summary & Notes'!$D$1" }],
);

describe("LibreOffice recalculates what the writer writes", () => {
  let cells: Map<string, { value: unknown; error?: string; formula?: string }>;
  beforeAll(async () => {
    [cells] = await recalculateAndRead([await writePlanToXlsx(plan)]);
  });

  it.each([
    ["Summary & Notes!B1", 200],
    ["Summary & Notes!B2", 1],
    ["Summary & Notes!B3", 100],
    ["Summary & Notes!B4", (120 * 100 + 80 * 100) / 250],
    ["Summary & Notes!B6", 80],
    ["Offices!D2", 0.2],
    ["Offices!E3", "Missed"],
    ["Offices!E4", "No data"],
  ])("%s computes to %p", (key, expected) => {
    const cell = cells.get(key)!;
    expect(cell.error).toBeUndefined();
    if (typeof expected === "number") expect(cell.value as number).toBeCloseTo(expected, 9);
    else expect(cell.value).toBe(expected);
  });

  it("evaluates a 2010 function written with its _xlfn. prefix", () => {
    expect(cells.get("Summary & Notes!B5")!.value as number).toBeCloseTo(28.867513459481287, 9);
  });

  it("keeps plan strings that look like formulas or numbers as text", () => {
    expect(cells.get("Summary & Notes!B7")).toMatchObject({
      value: '=HYPERLINK("http://example.com")',
      formula: undefined,
    });
    expect(cells.get("Summary & Notes!B8")).toMatchObject({ value: "00123", formula: undefined });
  });

  it("leaves a blank actual blank instead of an error", () => {
    const cell = cells.get("Offices!D4")!;
    expect(cell.error).toBeUndefined();
    expect(cell.value ?? "").toBe("");
  });
});

describe("the harness", () => {
  it("recomputes stale cached results instead of trusting them", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Stale");
    ws.getCell("A1").value = 2;
    ws.getCell("A2").value = { formula: "A1*21", result: 999 } as ExcelJS.CellFormulaValue;
    const [out] = await recalculateAndRead([Buffer.from(await wb.xlsx.writeBuffer())]);
    expect(out.get("Stale!A2")!.value).toBe(42);
  });

  it("recalculates several workbooks in one soffice start, each to its own result", async () => {
    const books = await Promise.all(
      [1, 2, 3].map((n) =>
        writePlanToXlsx(workbook([sheet("S", { ranges: [{ topLeft: "A1", values: [[n, f("=A1*10")]] }] })])),
      ),
    );
    const results = await recalculateAndRead(books);
    expect(results.map((r) => r.get("S!B1")!.value)).toEqual([10, 20, 30]);
  });

  it("reports an error value with its code so tests can name the cell", async () => {
    const [out] = await recalculateAndRead([
      await writePlanToXlsx(
        workbook([sheet("S", { ranges: [{ topLeft: "A1", values: [[f("=1/0"), f("=NoSuchName+1")]] }] })]),
      ),
    ]);
    expect(out.get("S!A1")!.error).toBe("#DIV/0!");
    expect(out.get("S!B1")!.error).toBe("#NAME?");
  });

  it("opens the native charts the writer adds and keeps their series", async () => {
    const chartPlan = workbook([
      sheet("Trend", {
        ranges: [
          {
            topLeft: "A1",
            values: [
              ["Month", "Jul", "Aug", "Sep"],
              ["Actual", 5, 7, f("=C2+1")],
              ["Milestone", 4, 8, 9],
            ],
          },
        ],
        charts: [
          {
            title: "Actual vs milestone",
            kind: "line",
            anchor: "F2:M16",
            series: [
              { name: "Actual", categories: "Trend!$B$1:$D$1", values: "Trend!$B$2:$D$2" },
              { name: "Milestone", categories: "Trend!$B$1:$D$1", values: "Trend!$B$3:$D$3" },
            ],
          },
        ],
      }),
    ]);
    const [out] = await recalculate([await writePlanToXlsx(chartPlan)]);
    const zip = await JSZip.loadAsync(out);
    const charts = Object.keys(zip.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(charts).toHaveLength(1);
    const xml = await zip.file(charts[0])!.async("string");
    expect(xml).toContain("<c:lineChart>");
    expect(xml).toMatch(/Trend!\$B\$2:\$D\$2/);
    expect(xml).toMatch(/Trend!\$B\$3:\$D\$3/);
  });

  it("says how to install LibreOffice when soffice is missing", async () => {
    const saved = process.env.YARDSTICK_SOFFICE;
    process.env.YARDSTICK_SOFFICE = "/nonexistent/soffice";
    try {
      await expect(recalculate([Buffer.from("x")])).rejects.toThrow(LibreOfficeError);
      await expect(recalculate([Buffer.from("x")])).rejects.toThrow(/install LibreOffice/);
    } finally {
      if (saved === undefined) delete process.env.YARDSTICK_SOFFICE;
      else process.env.YARDSTICK_SOFFICE = saved;
    }
  });

  it("reads a formula result of 0, empty text or FALSE exactly (ExcelJS alone would drop them)", async () => {
    const [out] = await recalculateAndRead([
      await writePlanToXlsx(
        workbook([
          sheet("S", {
            ranges: [{ topLeft: "A1", values: [[f("=1-1"), f('=""'), f("=1>2"), f("=0.1+0.2")]] }],
          }),
        ]),
      ),
    ]);
    expect(["A1", "B1", "C1"].map((a) => out.get(`S!${a}`)!.value)).toEqual([0, "", false]);
    // LibreOffice stores 15 significant digits, well inside the differential's 1e-9 tolerance.
    expect(out.get("S!D1")!.value as number).toBeCloseTo(0.3, 14);
  });

  it("pins a portability trap: LibreOffice's COUNTIF(range,\"*\") counts numbers, Excel's counts only text", async () => {
    const [out] = await recalculateAndRead([
      await writePlanToXlsx(
        workbook([
          sheet("S", {
            ranges: [
              {
                topLeft: "A1",
                values: [
                  [5, "abc", null, 0],
                  [f('=COUNTIF(A1:D1,"*")'), f("=SUMPRODUCT(--ISTEXT(A1:D1))"), null, null],
                ],
              },
            ],
          }),
        ]),
      ),
    ]);
    expect(out.get("S!A2")!.value).toBe(3); // Excel gives 1: never count text cells with "*"
    expect(out.get("S!B2")!.value).toBe(1); // portable: ISTEXT
  });

  it("reads values of a workbook that was never recalculated as empty formula results", async () => {
    const cells = await readComputedCells(await writePlanToXlsx(plan));
    expect(cells.get("Summary & Notes!B1")).toMatchObject({
      formula: "SUM(tblOffices[Actual])",
      value: null,
    });
  });
});
