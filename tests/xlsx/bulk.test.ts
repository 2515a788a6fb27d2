/** Big tables skip ExcelJS's per-cell objects: the rows written into the XML read back and recompute like the rest. */
import JSZip from "jszip";
import { BULK_ROWS, formulaShape } from "../../src/xlsx/bulk";
import { loadWorkbook, readRawTables, writePlanToXlsx } from "../../src/xlsx";
import { recalculateAndRead } from "../support/libreoffice";
import { validateXlsx } from "../support/ooxml";
import { officeTable, sheet, workbook } from "./plans";

jest.setTimeout(120_000);

const count = BULK_ROWS * 2 + 7;
const rows: [string, number | null, number][] = Array.from({ length: count }, (_, i) => [
  `Office <${i + 1}> & "co"`,
  i % 10 === 0 ? null : i,
  50 + (i % 7),
]);
const plan = workbook([
  sheet("Offices", {
    ranges: [{ topLeft: "H1", values: [["beside the table"]] }],
    tables: [officeTable(rows)],
  }),
]);

describe("a table bigger than the bulk threshold", () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await writePlanToXlsx(plan);
  });

  it("reads back every row, text and blanks exactly", async () => {
    const table = (await readRawTables(bytes)).tblOffices!;
    expect(table.rows).toHaveLength(count);
    expect(table.rows.map((r) => [r[0], r[1], r[2]])).toEqual(rows);
  });

  it("covers all rows with the table range, number formats and validation", async () => {
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file("xl/tables/table1.xml")!.async("string")).toContain(`ref="A1:E${count + 1}"`);
    expect((await loadWorkbook(bytes)).getWorksheet("Offices")!.getCell(`D${count + 1}`).numFmt).toBe("0.0%");
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toContain(`sqref="C2:C${count + 1}"`);
  });

  it("writes a column of same-shaped formulas once, as a shared formula", async () => {
    const xml = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toContain(`<f t="shared" ref="D3:D${count + 1}" si="0">`);
    expect((xml.match(/<f t="shared" si="0"\/>/g) ?? []).length).toBe(count - 2);
  });

  it("recomputes its formulas in LibreOffice down to the last row", async () => {
    const [cells] = await recalculateAndRead([bytes]);
    const last = count + 1;
    const [, actual, target] = rows[count - 1];
    expect(cells.get(`Offices!D${last}`)!.value as number).toBeCloseTo(actual! / target - 1, 12);
    expect(cells.get(`Offices!E${last}`)!.value).toBe(actual! >= target ? "Met" : "Missed");
    expect(cells.get("Offices!E2")!.value).toBe("No data");
  });
});

describe("a big table whose rows each carry their own format or height", () => {
  const many = BULK_ROWS + 50;
  const logRows = Array.from({ length: many }, (_, i) => [`r${i + 1}`, i % 2 ? 91.243902439 + i : 1000 + i]);
  const flagRows = Array.from({ length: many }, (_, i) => [`f${i + 1}`, `word `.repeat(40 + (i % 3))]);
  const big = workbook([
    sheet("Log", {
      tables: [
        {
          name: "tblLog",
          topLeft: "A1",
          columns: [{ header: "ID" }, { header: "Value", numberFormat: "General" }],
          rows: logRows,
          cellFormats: logRows.map(([, v]) => [null, Number.isInteger(v) ? "#,##0" : "#,##0.0##"]),
        },
      ],
    }),
    sheet("Notes", {
      tables: [
        {
          name: "tblNotes",
          topLeft: "A1",
          columns: [{ header: "ID" }, { header: "Text", width: 30, wrap: true }],
          rows: flagRows,
        },
      ],
    }),
  ]);
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await writePlanToXlsx(big);
  });

  it("writes each row once, so Excel opens it without repair and every value reads back", async () => {
    const zip = await JSZip.loadAsync(bytes);
    for (const part of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]) {
      const xml = await zip.file(part)!.async("string");
      const numbers = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => m[1]);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(numbers).toHaveLength(many + 1);
    }
    const tables = await readRawTables(bytes);
    expect(tables.tblLog!.rows).toEqual(logRows);
    expect(tables.tblNotes!.rows).toEqual(flagRows);
  });

  it("adds the bulk rows' own formats to styles.xml as valid OOXML", () => {
    const report = validateXlsx({ "big.xlsx": bytes });
    expect(report.invalid).toEqual([]);
    expect(report.summary).toMatch(/big\.xlsx: \d+ parts checked, 0 invalid/);
  });

  it("keeps the last row's own format and wrapped height", async () => {
    const book = await loadWorkbook(bytes);
    expect(book.getWorksheet("Log")!.getCell(`B${many + 1}`).numFmt).toBe("#,##0.0##");
    expect(book.getWorksheet("Log")!.getCell(`B${many}`).numFmt).toBe("#,##0");
    expect(book.getWorksheet("Notes")!.getRow(many + 1).height).toBeGreaterThan(15);
  });
});

describe("formulaShape", () => {
  it.each([
    ["relative rows become offsets", "$A5+B5-C4", 5, "$AR[0]+BR[0]-CR[-1]"],
    ["absolute rows stay", "SUM($D$7:$D$90)+A$1", 9, "SUM($D$7:$D$90)+A$1"],
    ["text is left alone", 'IF(A5="B5",1,0)', 5, 'IF(AR[0]="B5",1,0)'],
    [
      "sheet-qualified references shift too",
      "'Milestones & Actuals'!B12*2",
      12,
      "'Milestones & Actuals'!BR[0]*2",
    ],
  ])("%s", (_name, formula, row, shape) => {
    expect(formulaShape(formula, row)).toBe(shape);
  });

  it("gives two rows of one column formula the same shape", () => {
    expect(formulaShape('IF($Q7="","",$Q7/$D7)', 7)).toBe(formulaShape('IF($Q8="","",$Q8/$D8)', 8));
  });
});
