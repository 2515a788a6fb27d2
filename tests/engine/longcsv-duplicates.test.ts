/**
 * The long CSV reader finds a repeated measure / unit / period two ways: while each series meets
 * its periods in the order the file first named them it only compares with the series' last
 * period, and the first row out of that order switches it to remembering every first line.
 * Whatever the order, every repeat must be named with the line of its first row, exactly as a
 * plain map from key to first line names it, and nothing else may be called a repeat.
 */
import fc from "fast-check";
import { parseLongCsv } from "../../src/engine/longcsv";

// Years inside and outside the span the reader's period table covers (1900-2199), months and years.
const PERIODS = ["2026-01", "2026-02", "2026-03", "2027-12", "2026", "2027", "1899-06", "2200-01", "2201"];
const row = fc.record({
  measure: fc.constantFrom("Cases", "Visits"),
  unit: fc.constantFrom("North", "South", "East"),
  period: fc.constantFrom(...PERIODS),
  actual: fc.nat(500),
});

describe("long CSV duplicate rows", () => {
  it("names every repeat, and only repeats, with the line of the key's first row", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const text = [
          "measure,unit,period,actual,direction",
          ...rows.map((r) => `${r.measure},${r.unit},${r.period},${r.actual},up`),
        ].join("\n");
        const firstLine = new Map<string, number>();
        const expected: string[] = [];
        rows.forEach((r, i) => {
          const line = i + 2;
          const key = `${r.measure} / ${r.unit} / ${r.period}`;
          const first = firstLine.get(key);
          if (first === undefined) firstLine.set(key, line);
          else expected.push(`Line ${line} repeats ${key} from line ${first}; the first row is kept.`);
        });
        const { scorecard, findings } = parseLongCsv(text, { fileName: "card.csv" });
        const repeats = findings.filter((f) => f.code === "duplicate-row").map((f) => f.message);
        expect(repeats).toEqual(expected);
        expect(scorecard.observations).toHaveLength(firstLine.size);
        // The kept row is the first: its actual, and its line in the cell reference.
        for (const o of scorecard.observations) {
          const line = firstLine.get(`${o.measure} / ${o.unit} / ${o.period}`)!;
          expect(o.source?.row).toBe(line);
          expect(o.actual).toBe(rows[line - 2].actual);
        }
      }),
      { numRuns: 300 },
    );
  });
});
