import { parseLongCsv } from "../../src/engine/longcsv";
import { stoppingFindings } from "../../src/engine/findings";

const read = (text: string, options = {}) => parseLongCsv(text, { fileName: "card.csv", ...options });
const actuals = (text: string, options = {}) =>
  read(text, options).scorecard.observations.map((o) => o.actual);
const codes = (text: string, options = {}) => read(text, options).findings.map((f) => f.code);

describe("a long CSV is read strictly and every problem is said", () => {
  it("reads a semicolon file with European decimals as 1.5 and 1234.5, not 15 and 1.2345", () => {
    const text =
      "measure;unit;period;target;actual\nCases;North;2026-07;1,5;1.234,5\nCases;South;2026-07;2;3,25";
    const { scorecard, findings, layout } = read(text);
    expect(layout).toEqual({ delimiter: ";", decimal: "comma" });
    expect(scorecard.observations.map((o) => [o.target, o.actual])).toEqual([
      [1.5, 1234.5],
      [2, 3.25],
    ]);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("refuses a semicolon file whose decimal mark cannot be told, naming --decimal", () => {
    const text = "measure;unit;period;target;actual\nCases;North;2026-07;1.234;1.500";
    const { findings, scorecard } = read(text);
    expect(scorecard.observations).toEqual([]);
    expect(stoppingFindings(findings).map((f) => f.code)).toEqual(["ambiguous-decimal"]);
    expect(findings[0].message).toMatch(/line 2 writes "1\.234"/);
    expect(findings[0].fix).toMatch(/--decimal comma/);
    expect(actuals(text, { decimal: "comma" })).toEqual([1500]);
    expect(actuals(text, { decimal: "point" })).toEqual([1.5]);
  });

  it("refuses a file that writes both 1.5 and 1,5", () => {
    const text = 'measure,unit,period,target,actual\nA,N,2026-07,1.5,2\nA,S,2026-07,"1,5",2';
    expect(codes(text)).toEqual(["ambiguous-decimal"]);
  });

  it("does not let an unclosed quote swallow the rows after it into one unit name", () => {
    const text = [
      "measure,unit,period,target,actual",
      'Cases,"North,2026-07,10,9',
      "Cases,South,2026-07,10,8",
      "Cases,East,2026-07,10,7",
      "Cases,West,2026-07,10,6",
    ].join("\n");
    const { scorecard, findings } = read(text);
    expect(scorecard.units.map((u) => u.id)).toEqual(["South", "East", "West"]);
    expect(scorecard.observations.map((o) => o.source?.row)).toEqual([3, 4, 5]);
    const quote = findings.find((f) => f.code === "unclosed-quote")!;
    expect(quote.where).toMatchObject({ row: 2 });
    expect(quote.message).toMatch(/line 5; lines 3-5 were read on their own/);
  });

  it("re-reads the swallowed lines when a later quote closes the runaway one", () => {
    const text = [
      "measure,unit,period,target,actual",
      'Cases,"North,2026-07,10,9',
      'Cases,"South",2026-07,10,8',
      "Cases,East,2026-07,10,7",
    ].join("\n");
    const { scorecard, findings } = read(text);
    expect(scorecard.units.map((u) => u.id).sort()).toEqual(["East", "South"]);
    expect(findings.filter((f) => f.code === "unclosed-quote")).toHaveLength(1);
  });

  it("names a duplicate header and says which column is used", () => {
    const text = "measure,unit,period,target,actual,actual\nCases,North,2026-07,10,9,99";
    const f = read(text).findings.find((x) => x.code === "duplicate-header")!;
    expect(f.message).toMatch(/columns E and F are both "actual"; column E is used/);
    expect(f.where).toMatchObject({ row: 1, address: "F1" });
    expect(actuals(text)).toEqual([9]);
  });

  it("skips a row with extra cells (an unquoted 1,234) instead of dropping the cells silently", () => {
    const text = "measure,unit,period,target,actual\nCases,North,2026-07,10,1,234\nCases,South,2026-07,10,9";
    const { scorecard, findings } = read(text);
    expect(scorecard.observations.map((o) => o.unit)).toEqual(["South"]);
    expect(findings.find((f) => f.code === "extra-cells")?.message).toMatch(
      /Line 2 has 6 cells but the header names 5/,
    );
  });

  it("accepts trailing empty cells that a spreadsheet adds", () => {
    expect(codes("measure,unit,period,target,actual,direction\nCases,North,2026-07,10,9,up,,")).toEqual([]);
  });

  it.each([
    ["10/1/2025", /2025-10 \(month first\) or 2025-01 \(day first\)/],
    ["25/1/2025", /write 2025-01/],
    ["Oct-25", /month written as text: write 2025-10/],
    ["October 2025", /write 2025-10/],
    ["45931", /Excel date number \(2025-10-01\).*write 2025-10/],
  ])("explains a period typed as %s instead of rejecting it line by line in silence", (period, why) => {
    const { findings } = read(`measure,unit,period,target,actual\nCases,North,${period},10,9`);
    const f = findings.find((x) => x.code === "date-format")!;
    expect(f.message).toMatch(why);
    expect(f.where).toMatchObject({ row: 2, address: "C2" });
  });

  it("stops a run where no row is usable and says why", () => {
    const text = "measure,unit,period,target,actual\nCases,North,10/1/2025,10,9\nCases,South,10/1/2025,10,8";
    const stopping = stoppingFindings(read(text).findings);
    expect(stopping.map((f) => f.code)).toEqual(["no-usable-rows"]);
    expect(stopping[0].message).toMatch(/none of its 2 rows holds a usable number: 2 date-format/);
  });

  it("stops a file with a header and no rows", () => {
    expect(stoppingFindings(read("measure,unit,period,target,actual\n").findings)[0].message).toMatch(
      /has a header but no rows/,
    );
  });

  it("refuses 12% in a count, and keeps it in a rate", () => {
    const text = [
      "measure,unit,period,target,actual,kind",
      "Cases,North,2026-07,10,12%,count",
      "Paternity,North,2026-07,80%,78%,rate",
    ].join("\n");
    const { scorecard, findings } = read(text);
    expect(scorecard.observations.map((o) => o.actual)).toEqual([undefined, 78]);
    const f = findings.find((x) => x.code === "percent-not-rate")!;
    expect(f.message).toMatch(/"12%" is a percent, but it belongs to Cases, a count/);
    expect(f.where).toMatchObject({ row: 2, address: "E2" });
  });

  it("refuses hex and numbers too large to be numbers, naming the cell", () => {
    const text = "measure,unit,period,target,actual\nCases,North,2026-07,0x10,1e309";
    const { findings } = read(text);
    expect(findings.filter((f) => f.code === "not-a-number").map((f) => f.message)).toEqual([
      'Line 2, column D: the target "0x10" is not a number.',
      'Line 2, column E: the actual "1e309" is too large to be a number.',
    ]);
  });

  it("tells a spreadsheet error from a blank", () => {
    const text = "measure,unit,period,target,actual\nCases,North,2026-07,#DIV/0!,";
    const { findings } = read(text);
    expect(findings.find((f) => f.code === "not-available")?.message).toMatch(/spreadsheet error #DIV\/0!/);
    expect(findings.some((f) => f.code === "blank-actual")).toBe(true);
  });
});
