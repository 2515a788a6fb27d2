/**
 * The status and the flags read one index, so they must use and skip exactly the same cells.
 * Random long CSV scorecards with planted bad cells (text, #N/A, blanks, negative counts,
 * negative denominators, a broken milestone beside a good actual) go through the real reader;
 * the generator knows which actuals are good, and both consumers must agree with it.
 */
import fc from "fast-check";
import { checkScorecard, type CheckRow } from "../../../src/engine/checks";
import { runFlags } from "../../../src/engine/flags";
import { fiscalYearStartIndex, indexScorecard, yearSummaries } from "../../../src/engine/index";
import { parseLongCsv } from "../../../src/engine/longcsv";
import { monthFromIndex } from "../../../src/engine/period";

/** How a planted cell spoils its row. `blank` leaves the actual missing without an error. */
const SPOILERS = ["text", "na", "excel-na", "blank", "negative", "bad-denominator", "bad-milestone"] as const;
type Spoiler = (typeof SPOILERS)[number];

interface Cell {
  measure: "cases" | "quality";
  unit: string;
  period: string;
  /** 0-23: months since the first fiscal year's start. */
  month: number;
  actual: number;
  milestone: number;
  denominator: number;
  spoiler?: Spoiler;
}

interface Card {
  fyStartMonth: number;
  cells: Cell[];
  /** The fiscal years' targets per measure x unit (YYYY rows). */
  targets: { measure: string; unit: string; year: number; target: number }[];
}

const FIRST_FY = 2025;
const UNITS = ["North", "South", "East"];

const card: fc.Arbitrary<Card> = fc
  .record({
    fyStartMonth: fc.constantFrom(1, 7, 10),
    values: fc.array(fc.integer({ min: 20, max: 400 }), { minLength: 144, maxLength: 144 }),
    rates: fc.array(fc.integer({ min: 300, max: 990 }), { minLength: 144, maxLength: 144 }),
    spoiled: fc.array(fc.tuple(fc.nat(143), fc.constantFrom(...SPOILERS)), { maxLength: 14 }),
    targetScale: fc.double({ min: 0.8, max: 1.2, noNaN: true }),
  })
  .map(({ fyStartMonth, values, rates, spoiled, targetScale }) => {
    const first = fiscalYearStartIndex(FIRST_FY, fyStartMonth);
    const cells: Cell[] = [];
    for (const measure of ["cases", "quality"] as const)
      for (const unit of UNITS)
        for (let month = 0; month < 24; month++) {
          const k = cells.length % 144;
          cells.push({
            measure,
            unit,
            period: monthFromIndex(first + month),
            month,
            actual: measure === "cases" ? values[k] : rates[k] / 10,
            milestone: measure === "cases" ? 200 : 80,
            denominator: 50 + (values[k] % 40),
          });
        }
    for (const [at, spoiler] of spoiled) cells[at].spoiler = spoiler;
    const targets = ["cases", "quality"].flatMap((measure) =>
      UNITS.flatMap((unit) =>
        [FIRST_FY, FIRST_FY + 1].map((year) => ({
          measure,
          unit,
          year,
          target: Math.round((measure === "cases" ? 2400 : 80) * targetScale),
        })),
      ),
    );
    return { fyStartMonth, cells, targets };
  });

/** True when the generator wrote a usable actual: a number, in a row no error touches. */
function good(c: Cell): boolean {
  return c.spoiler === undefined;
}

/**
 * The long CSV text. `junk` varies what the spoiled cells hold without changing which are spoiled:
 * a consumer that skips them gives the same answers whatever they hold.
 */
function csvOf(c: Card, junk = 0): string {
  const lines = ["measure,unit,period,milestone,actual,denominator,target,direction,kind"];
  const kinds = { cases: "count", quality: "rate" };
  for (const cell of c.cells) {
    let actual = String(cell.actual);
    let milestone = String(cell.milestone);
    let denominator = cell.measure === "quality" ? String(cell.denominator) : "";
    const wild = String(cell.actual * (7 + junk) + 13 * junk);
    switch (cell.spoiler) {
      case "text":
        actual = junk ? "see note" : "abc";
        break;
      case "na":
        actual = junk ? "NA" : "n/a";
        break;
      case "excel-na":
        actual = "#N/A";
        break;
      case "blank":
        actual = "";
        break;
      case "negative":
        actual = String(-cell.actual - junk);
        break;
      case "bad-denominator":
        // A readable actual beside a negative denominator: the row is wrong, so is its actual.
        if (cell.measure === "quality") denominator = String(-cell.denominator);
        else milestone = "-5";
        if (junk) actual = cell.measure === "quality" ? String((junk * 37) % 100) : wild;
        break;
      case "bad-milestone":
        milestone = "lots";
        if (junk) actual = cell.measure === "quality" ? String((junk * 53) % 100) : wild;
        break;
    }
    lines.push(
      `${cell.measure},${cell.unit},${cell.period},${milestone},${actual},${denominator},,up,${kinds[cell.measure]}`,
    );
  }
  for (const t of c.targets)
    lines.push(`${t.measure},${t.unit},${t.year},,,,${t.target},up,${kinds[t.measure as "cases"]}`);
  return lines.join("\n");
}

function indexOf(c: Card, junk = 0) {
  const parsed = parseLongCsv(csvOf(c, junk), { fileName: "agreement.csv", fyStartMonth: c.fyStartMonth });
  return indexScorecard(parsed.scorecard, parsed.findings);
}

/** Every unit row of the status as of each month, by measure|unit|period. */
function statusRows(c: Card, junk = 0): Map<string, CheckRow> {
  const index = indexOf(c, junk);
  const rows = new Map<string, CheckRow>();
  for (const period of new Set(c.cells.map((x) => x.period))) {
    for (const row of checkScorecard(index, { asOf: period, rollups: false }).rows)
      rows.set(`${row.measure}|${row.unit}|${row.period}`, row);
  }
  return rows;
}

const flagOptions = { minSampleFactor: 0.25 };

describe("one index: the status and the flags use and skip the same cells", () => {
  it("the status judges exactly the good actuals, and never a planted bad cell", () => {
    fc.assert(
      fc.property(card, (c) => {
        const rows = statusRows(c);
        for (const cell of c.cells) {
          const row = rows.get(`${cell.measure}|${cell.unit}|${cell.period}`)!;
          expect({ cell, used: row.actual !== undefined }).toEqual({ cell, used: good(cell) });
          if (!good(cell)) expect(["insufficient-data", "no-data", "stale"]).toContain(row.status);
          else expect(row.actual).toBeCloseTo(cell.actual, 9);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("the flags' fiscal years count the same good months the status counts, and total them alike", () => {
    fc.assert(
      fc.property(card, (c) => {
        const index = indexOf(c);
        const rows = statusRows(c);
        for (const s of index.series) {
          for (const y of yearSummaries(index, s)) {
            if (y.count === 0) continue; // a target row only
            const months = c.cells.filter(
              (x) =>
                x.measure === s.measure.id &&
                x.unit === s.unit &&
                Math.floor(x.month / 12) === y.year - FIRST_FY,
            );
            const usedByStatus = months.filter(
              (x) => rows.get(`${x.measure}|${x.unit}|${x.period}`)!.actual !== undefined,
            );
            expect(y.actualMonths).toBe(months.filter(good).length);
            expect(y.actualMonths).toBe(usedByStatus.length);
            // A complete year: the flags' year actual is the status's year to date at the year end.
            const yearEnd = rows.get(`${s.measure.id}|${s.unit}|${months[11].period}`)!;
            if (y.actualMonths === 12) expect(y.actual).toBeCloseTo(yearEnd.ytdActual!, 6);
            else expect(y.actual).toBeUndefined();
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it("neither the status nor the flags change when only what the bad cells hold changes", () => {
    fc.assert(
      fc.property(card, fc.integer({ min: 1, max: 9 }), (c, junk) => {
        fc.pre(c.cells.some((x) => x.spoiler && x.spoiler !== "blank"));
        const flags = (j: number) => runFlags(indexOf(c, j), flagOptions).flags;
        expect(flags(junk)).toEqual(flags(0));
        // Rows are compared as their JSON: check rows are records whose fields are getters (a deep
        // equality of the records themselves would compare their tables, not their fields).
        const plain = (j: number) => JSON.stringify([...statusRows(c, j).values()]);
        expect(plain(junk)).toBe(plain(0));
      }),
      { numRuns: 25 },
    );
  });

  it("the flags do read the good cells (the check above can fail): a lowballed target is flagged", () => {
    const c = fc.sample(card, { seed: 7, numRuns: 1 })[0];
    for (const x of c.cells) delete x.spoiler;
    // Next year's count target at last year's actual asks for nothing more.
    const lastYear = c.cells.filter((x) => x.measure === "cases" && x.unit === "North" && x.month < 12);
    const target = c.targets.find(
      (t) => t.measure === "cases" && t.unit === "North" && t.year === FIRST_FY + 1,
    )!;
    target.target = lastYear.reduce((sum, x) => sum + x.actual, 0);
    const flagged = runFlags(indexOf(c), flagOptions).flags.filter(
      (f) => f.detector === "lowball-prior-actual" && f.measure === "cases" && f.unit === "North",
    );
    expect(flagged.map((f) => f.periods)).toEqual([[String(FIRST_FY + 1)]]);
    // Spoil one month of last year: the year is no longer complete, so there is nothing to compare.
    lastYear[3].spoiler = "bad-milestone";
    const after = runFlags(indexOf(c), flagOptions).flags.filter(
      (f) => f.detector === "lowball-prior-actual" && f.measure === "cases" && f.unit === "North",
    );
    expect(after).toEqual([]);
  });
});
