/**
 * Differential test on the demo workbook, as written and after a manager's edits: LibreOffice's
 * values for statuses, variances, YTD figures, program roll-ups, forecasts and incentive scores
 * equal the engine's for the same inputs, and no formula evaluates to an error.
 *
 * While the grid counts text with COUNTIFS(range,"*") (LibreOffice's "*" also matches
 * numbers) the as-written comparison is expected to fail and is marked so; the edits are
 * tested on the workbook with those counts written portably (SUMPRODUCT(ISTEXT(...))).
 */
import { demoInput } from "../../src/cli/commands/demo";
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import { formulaExpectations } from "../../src/workbook/expectations";
import { writePlanToXlsx } from "../../src/xlsx";
import { readComputedCells, recalculate } from "../support/libreoffice";
import { fiscalYearOf } from "../../src/engine/period";
import { fiscalMonthLabels } from "../../src/workbook/layout";
import type { WorkbookInput } from "../../src/workbook/input";
import { blankCells, insertRowExcelLike, renameSheet, setCells, sortTable } from "../xlsx/edits";

/**
 * A row typed by hand (no formulas) in among this year's rows of the first measure: next
 * year's row of its first unit, with a first-month actual. The Dashboard must notice that the
 * measure's rows are no longer as written and roll up over the whole grid.
 */
async function typedRowInside(bytes: Buffer, input: WorkbookInput): Promise<Buffer> {
  const inserted = await insertRowExcelLike(bytes, "tblMonthly", 5);
  const next = fiscalYearOf(input.asOfMonth, input.fyStartMonth) + 1;
  const typed = await setCells(
    inserted.bytes,
    "tblMonthly",
    {
      "Measure ID": input.measures[0].id,
      "Unit ID": input.units[0].id,
      "Fiscal year": next,
      [`Actual ${fiscalMonthLabels(input.fyStartMonth)[0]}`]: 40,
    },
    (row) => row["Measure ID"] === null || row["Measure ID"] === undefined,
  );
  expect(typed.changed).toHaveLength(4);
  return typed.bytes;
}
import {
  compareExpectations,
  compareWorkbook,
  formulaErrors,
  usesCountifStar,
  withPortableTextCounts,
  type Mismatch,
} from "./differential-support";

jest.setTimeout(600_000);

function describeMismatches(mismatches: Mismatch[]): string {
  return mismatches
    .slice(0, 12)
    .map(
      (m) =>
        `${m.where} ${m.column}: workbook ${JSON.stringify(m.workbook)} vs engine ${JSON.stringify(m.engine)}`,
    )
    .join("\n");
}

describe("the demo workbook recomputes in LibreOffice exactly as the engine computes it", () => {
  const input = demoInput(1);
  const asWritten = buildPlanFromInput(input);
  const countifStar = usesCountifStar(asWritten);
  const plan = withPortableTextCounts(asWritten);
  const asOf = input.asOfMonth;
  let original: Buffer;
  let written: Buffer;
  let edits: { name: string; bytes: Buffer }[];
  let recalculated: Buffer[];

  beforeAll(async () => {
    original = await writePlanToXlsx(asWritten);
    written = await writePlanToXlsx(plan);
    const blank = await blankCells(
      written,
      "tblMonthly",
      ["Actual Apr"],
      (r) => r["Fiscal year"] === 2027 && r["Unit ID"] === "howard",
    );
    edits = [
      {
        name: "the grid sorted by unit, descending",
        bytes: await sortTable(written, "tblMonthly", "Unit ID", "desc"),
      },
      { name: "the as-of month left blank for one office", bytes: blank.bytes },
      {
        name: "the grid's sheet renamed",
        bytes: await renameSheet(written, "Milestones & Actuals", "Monthly data"),
      },
      {
        name: "an empty row inserted in the middle of the grid",
        bytes: (await insertRowExcelLike(written, "tblMonthly", 40)).bytes,
      },
      {
        name: "next year's row typed in among this year's rows of the first measure",
        bytes: await typedRowInside(written, input),
      },
    ];
    recalculated = await recalculate([written, ...edits.map((e) => e.bytes), original]);
  });

  (countifStar ? it.failing : it)("as written, every engine expectation matches", async () => {
    const expectations = formulaExpectations(input, asWritten);
    const mismatches = compareExpectations(
      expectations,
      await readComputedCells(recalculated[edits.length + 1]),
    );
    if (mismatches.length)
      throw new Error(
        `${mismatches.length} of ${expectations.length} cells differ:\n${describeMismatches(mismatches)}`,
      );
  });

  it("with text counted portably, every engine expectation (grid, roll-ups, forecasts, incentive) matches", async () => {
    const expectations = formulaExpectations(input, plan);
    const cells = await readComputedCells(recalculated[0]);
    const mismatches = compareExpectations(expectations, cells);
    expect(expectations.length).toBeGreaterThan(1000);
    if (mismatches.length)
      throw new Error(
        `${mismatches.length} of ${expectations.length} cells differ:\n${describeMismatches(mismatches)}`,
      );
  });

  it("no formula evaluates to an error", async () => {
    const { errors, formulaCells } = formulaErrors(await readComputedCells(recalculated[0]));
    expect(formulaCells).toBeGreaterThan(10_000);
    expect(errors.slice(0, 10)).toEqual([]);
  });

  it.each([
    [0, "the grid sorted by unit"],
    [1, "one office's as-of month blanked"],
    [2, "the grid's sheet renamed"],
    [3, "an empty row inserted in the middle of the grid"],
    [4, "next year's row typed in among this year's rows"],
  ])(
    "after edit %i (%s), the grid and the Dashboard still agree with the engine on the scorecard read back",
    async (i) => {
      const result = await compareWorkbook(edits[i].bytes, recalculated[i + 1], asOf);
      expect(result.compared).toBeGreaterThan(1000);
      if (result.mismatches.length) {
        throw new Error(
          `${edits[i].name}: ${result.mismatches.length} of ${result.compared} cells differ:\n${describeMismatches(result.mismatches)}`,
        );
      }
      expect(result.errors.slice(0, 10)).toEqual([]);
    },
  );
});
