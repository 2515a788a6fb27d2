/**
 * The streaming reader on the XML other programs write: references, rich text, inline strings,
 * cached formula results, prefixed elements; and on files that are not workbooks at all.
 */
import fc from "fast-check";
import JSZip from "jszip";
import { TABLES } from "../../src/workbook";
import { buildWorkbookPlan } from "../../src/workbook/buildPlan";
import { readRawTables, readSheetCells, writePlanToXlsx, XlsxReadError } from "../../src/xlsx";
import { decodeXmlText } from "../../src/xlsx/xmlText";
import { encryptedWorkbookShell } from "./cfb";
import { handmadeXlsx } from "./handmade";

const header = `<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Value</t></is></c></row>`;

/** One table tblT (A1:B<n>) whose data rows are `rows`; read back as its raw rows. */
async function tableRows(rows: string, lastRow: number, sharedStrings?: string): Promise<unknown[][]> {
  const bytes = await handmadeXlsx(
    [{ name: "S", sheetData: header + rows, table: ["tblT", `A1:B${lastRow}`] }],
    sharedStrings,
  );
  return (await readRawTables(bytes, "t.xlsx")).tblT!.rows;
}

describe("cell text is read as XML means it", () => {
  it.each([
    ["a euro sign as a decimal reference", "&#8364; 5", "€ 5"],
    ["a euro sign as a hex reference", "&#x20AC;5", "€5"],
    ["a character outside the basic plane", "&#x1F600;", "😀"],
    ["the five named entities", "&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos;", `<a> & "b" 'c'`],
    ["an escaped ampersand before a reference", "&amp;#8364;", "&#8364;"],
    ["a carriage return as Excel escapes it", "line 1_x000D_\nline 2", "line 1\r\nline 2"],
  ])("in a shared string: %s", async (_what, xml, text) => {
    const rows = await tableRows(
      `<row r="2"><c r="A2" t="s"><v>0</v></c></row>`,
      2,
      `<si><t>${xml}</t></si>`,
    );
    expect(rows[0][0]).toBe(text);
  });

  it("reads numeric references in inline strings and in a formula's text result", async () => {
    const rows = await tableRows(
      `<row r="2"><c r="A2" t="inlineStr"><is><t>caf&#233;</t></is></c><c r="B2" t="str"><f>"&#8364;"</f><v>&#8364;</v></c></row>`,
      2,
    );
    expect(rows[0]).toEqual(["café", "€"]);
  });

  it("joins rich-text runs and leaves out the phonetic guide Excel stores beside them", async () => {
    const si = `<si><r><rPr><b/></rPr><t xml:space="preserve">North </t></r><r><t>Office</t></r><rPh sb="0" eb="5"><t>ノース</t></rPh><phoneticPr fontId="1"/></si>`;
    const rows = await tableRows(`<row r="2"><c r="A2" t="s"><v>0</v></c></row>`, 2, si);
    expect(rows[0][0]).toBe("North Office");
  });

  it("reads rich text in an inline string", async () => {
    const rows = await tableRows(
      `<row r="2"><c r="A2" t="inlineStr"><is><r><t>Unit </t></r><r><rPr><i/></rPr><t>A</t></r></is></c></row>`,
      2,
    );
    expect(rows[0][0]).toBe("Unit A");
  });

  it("gives a formula's cached result, including 0, empty text, FALSE and an error", async () => {
    const rows = await tableRows(
      [
        `<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2"><f>1-1</f><v>0</v></c></row>`,
        `<row r="3"><c r="A3" t="str"><f>""</f><v></v></c><c r="B3" t="b"><f>1=2</f><v>0</v></c></row>`,
        `<row r="4"><c r="A4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B4"><f>A2*2</f></c></row>`,
      ].join(""),
      4,
    );
    expect(rows).toEqual([
      [2, 0],
      ["", false],
      [{ error: "#DIV/0!" }, null],
    ]);
  });

  it("gives formula text and cached values cell by cell for the test harness", async () => {
    const bytes = await handmadeXlsx([
      {
        name: "S",
        sheetData: `<row r="1"><c r="A1"><f>SUM(B1:C1)&gt;0</f><v>1</v></c><c r="B1" t="b"><v>1</v></c></row>`,
      },
    ]);
    const cells = (await readSheetCells(bytes)).get("S")!;
    expect(cells.get("A1")).toEqual({ formula: "SUM(B1:C1)>0", value: 1 });
    expect(cells.get("B1")).toEqual({ value: true });
  });

  it("reads a CDATA section in an inline string and skips a comment between cells", async () => {
    const rows = await tableRows(
      `<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[a <b> & c]]></t></is></c><!-- note --><c r="B2"><v>7</v></c></row>`,
      2,
    );
    expect(rows[0]).toEqual(["a <b> & c", 7]);
  });

  it("reads elements written with a namespace prefix and cells without addresses", async () => {
    const sheetData = `<x:row r="1"><x:c t="inlineStr"><x:is><x:t>Name</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Value</x:t></x:is></x:c></x:row><x:row><x:c t="inlineStr"><x:is><x:t>north</x:t></x:is></x:c><x:c><x:v>12.5</x:v></x:c></x:row>`;
    const bytes = await handmadeXlsx([{ name: "S", sheetData, table: ["tblT", "A1:B2"] }], undefined);
    const bytesPrefixed = await handmadeXlsx([
      { name: "S", sheetData, prefix: "x", table: ["tblT", "A1:B2"] },
    ]);
    for (const b of [bytes, bytesPrefixed]) {
      const table = (await readRawTables(b)).tblT!;
      expect(table.headers).toEqual(["Name", "Value"]);
      expect(table.rows).toEqual([["north", 12.5]]);
    }
  });

  it("reads an ISO date cell as the serial Excel would store", async () => {
    const rows = await tableRows(`<row r="2"><c r="A2" t="d"><v>2027-04-01T00:00:00</v></c></row>`, 2);
    expect(rows[0][0]).toBe(46478);
  });

  it("leaves out a totals row and fills rows the file never wrote with blanks", async () => {
    const bytes = await handmadeXlsx([
      {
        name: "S",
        sheetData: `${header}<row r="2"><c r="A2"><v>1</v></c></row><row r="5"><c r="A5" t="inlineStr"><is><t>Total</t></is></c></row>`,
        table: ["tblT", "A1:B5", { totalsRowCount: 1 }],
      },
    ]);
    expect((await readRawTables(bytes)).tblT!.rows).toEqual([
      [1, null],
      [null, null],
      [null, null],
    ]);
  });
});

/** Characters XML 1.0 cannot carry at all. */
const forbiddenInXml = (ch: string) => {
  const code = ch.codePointAt(0)!;
  return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffe || code === 0xffff;
};

describe("text written by Yardstick's own writer reads back unchanged (property)", () => {
  it("any table text, in the ExcelJS rows and the bulk rows alike", async () => {
    // The writer drops XML's forbidden control characters; "_xHHHH_" is OOXML's escape syntax,
    // which the writer does not escape (Excel too would read it as the escaped character).
    const text = fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 12 })
      .filter((s) => ![...s].some(forbiddenInXml) && !/_x[0-9a-f]{4}_/i.test(s));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 450, maxLength: 450 }), async (names) => {
        const plan = buildWorkbookPlan("blank", {});
        const sheet = plan.sheets[0];
        sheet.tables.push({
          name: "tblProbe",
          topLeft: "Z1",
          columns: [{ header: "Text" }],
          rows: names.map((n) => [n]),
        });
        const read = (await readRawTables(await writePlanToXlsx(plan), "p.xlsx", ["tblProbe"])).tblProbe!;
        expect(read.rows.map((r) => r[0])).toEqual(names);
      }),
      { numRuns: 3 },
    );
  });

  it("decodes every character a reference can name", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0x10ffff }), (code) => {
        fc.pre(code < 0xd800 || code > 0xdfff);
        expect(decodeXmlText(`&#${code};`)).toBe(String.fromCodePoint(code));
        expect(decodeXmlText(`&#x${code.toString(16)};`)).toBe(String.fromCodePoint(code));
      }),
    );
  });
});

describe("a file that is not a workbook is refused, saying what it is and what to do", () => {
  const refusal = async (bytes: Buffer) => {
    const error = await readRawTables(bytes, "input.xlsx").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(XlsxReadError);
    return (error as Error).message;
  };

  it("a text file renamed .xlsx", async () => {
    const message = await refusal(Buffer.from("Measure,Unit\norders,north\n"));
    expect(message).toMatch(
      /^input\.xlsx is not a readable \.xlsx workbook \(an \.xlsx file is a zip archive and this is not one\).*save it as "Excel Workbook \(\.xlsx\)"/,
    );
  });

  it("a zip that holds no workbook", async () => {
    const zip = new JSZip();
    zip.file("notes.txt", "hello");
    const message = await refusal(await zip.generateAsync({ type: "nodebuffer" }));
    expect(message).toMatch(
      /^input\.xlsx is not a readable \.xlsx workbook: it is a zip file with no workbook in it/,
    );
  });

  it("an OpenDocument spreadsheet", async () => {
    const zip = new JSZip();
    zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
    zip.file("content.xml", "<office:document-content/>");
    expect(await refusal(await zip.generateAsync({ type: "nodebuffer" }))).toMatch(
      /OpenDocument spreadsheet \(\.ods\)/,
    );
  });

  it("a password-protected workbook (Excel wraps it, encrypted, in a compound file)", async () => {
    const message = await refusal(encryptedWorkbookShell());
    expect(message).toMatch(/^input\.xlsx is protected with a password.*remove the password/);
  });

  it("an Excel 97-2003 .xls file", async () => {
    expect(await refusal(encryptedWorkbookShell("Workbook"))).toMatch(/Excel 97-2003 \(\.xls\)/);
  });

  it("a workbook whose sheet XML another program left broken (a cell never closed)", async () => {
    const bytes = await handmadeXlsx([
      {
        name: "S",
        sheetData: `${header}<row r="2"><c r="A2"><v>5</v></row>`,
        table: ["tblT", "A1:B2"],
      },
    ]);
    expect(await refusal(bytes)).toMatch(
      /^input\.xlsx: the part xl\/worksheets\/sheet1\.xml is not well-formed XML \(.+\); open and re-save the file in Excel$/,
    );
  });

  it("a truncated workbook", async () => {
    const whole = await writePlanToXlsx(buildWorkbookPlan("blank", {}));
    expect(await refusal(whole.subarray(0, Math.floor(whole.length / 2)))).toMatch(
      /^input\.xlsx is not a readable \.xlsx workbook: the file is damaged or cut short/,
    );
  });
});

it("reads only the tables asked for, so a scorecard skips the Dashboard and Data sheets", async () => {
  const bytes = await writePlanToXlsx(buildWorkbookPlan("child-support", { sampleData: true }));
  const all = await readRawTables(bytes);
  const some = await readRawTables(bytes, "cs.xlsx", [TABLES.monthly, TABLES.flags]);
  expect(Object.keys(some).sort()).toEqual([TABLES.flags, TABLES.monthly].sort());
  expect(some[TABLES.monthly]).toEqual(all[TABLES.monthly]);
  expect(Object.keys(all)).toContain(TABLES.programStatus);
});
