import fc from "fast-check";
import { XlsxPlanError, functionsIn, toFileFormula } from "../../src/xlsx";

const inTable = { sheet: "Data", address: "E2", table: "tblObs" };
const onSheet = { sheet: "Dashboard", address: "B4" };

describe("toFileFormula writes formulas the way .xlsx files store them", () => {
  it.each([
    ["drops the leading equals sign", "=SUM(A1:A3)", onSheet, "SUM(A1:A3)"],
    [
      "expands [@Col] to this row of the enclosing table",
      "=[@Actual]-[@Target]",
      inTable,
      "tblObs[[#This Row],[Actual]]-tblObs[[#This Row],[Target]]",
    ],
    ["expands [@[Col with spaces]]", "=[@[Prior year]]*2", inTable, "tblObs[[#This Row],[Prior year]]*2"],
    [
      "expands a qualified Table[@Col] anywhere",
      "=tblUnits[@Caseload]",
      onSheet,
      "tblUnits[[#This Row],[Caseload]]",
    ],
    [
      "prefixes functions added after Excel 2007 with _xlfn.",
      "=STDEV.S(A1:A9)+IFNA(B1,0)",
      onSheet,
      "_xlfn.STDEV.S(A1:A9)+_xlfn.IFNA(B1,0)",
    ],
    ["does not prefix twice", "=_xlfn.STDEV.S(A1:A9)", onSheet, "_xlfn.STDEV.S(A1:A9)"],
    ["upper-cases function names", '=sumifs(A:A,B:B,"x")', onSheet, 'SUMIFS(A:A,B:B,"x")'],
    ["leaves text inside quotes alone", '=IF(A1="[@x] LET(",1,0)', onSheet, 'IF(A1="[@x] LET(",1,0)'],
    [
      "leaves quoted sheet names alone",
      "='Milestones & Actuals'!B2+SUM(C:C)",
      onSheet,
      "'Milestones & Actuals'!B2+SUM(C:C)",
    ],
    [
      "finds nested calls",
      '=IFERROR(INDEX(A:A,MATCH(1,B:B,0)),"")',
      onSheet,
      'IFERROR(INDEX(A:A,MATCH(1,B:B,0)),"")',
    ],
  ])("%s", (_name, input, ctx, expected) => {
    expect(toFileFormula(input, ctx)).toBe(expected);
  });

  it.each(["LET", "XLOOKUP", "FILTER", "IFS", "MAXIFS", "TEXTJOIN", "FORECAST.ETS", "SEQUENCE"])(
    "refuses %s, which a recipient on Excel 2016 or LibreOffice could not compute",
    (fn) => {
      expect(() => toFileFormula(`=1+${fn}(A1,B1)`, onSheet)).toThrow(XlsxPlanError);
      expect(() => toFileFormula(`=1+${fn}(A1,B1)`, onSheet)).toThrow(/Dashboard!B4.*not available/);
    },
  );

  it("refuses [@Col] outside a table and names the cell", () => {
    expect(() => toFileFormula("=[@Actual]", onSheet)).toThrow(/Dashboard!B4.*outside a table/);
  });

  it("refuses an empty formula", () => {
    expect(() => toFileFormula("=", onSheet)).toThrow(XlsxPlanError);
  });

  it("lists the functions a formula calls", () => {
    expect(functionsIn('=IFERROR(SUMIFS(A:A,B:B,"SUM("),0)+_xlfn.STDEV.S(C:C)')).toEqual([
      "IFERROR",
      "SUMIFS",
      "STDEV.S",
    ]);
  });

  it("never changes a formula that only holds text literals and cell references", () => {
    const literal = fc.string().map((s) => `"${s.replace(/"/g, '""')}"`);
    fc.assert(
      fc.property(fc.array(literal, { minLength: 1, maxLength: 4 }), (parts) => {
        const body = parts.join("&");
        expect(toFileFormula(`=${body}&A1`, onSheet)).toBe(`${body}&A1`);
      }),
    );
  });
});
