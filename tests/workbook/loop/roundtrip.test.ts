/**
 * The round trip: split the demo, type next month's actuals into each office's file as a
 * person would (values only), save one of them through LibreOffice, collect them all. The master
 * holds exactly the typed values, its Returns sheet says so, and LibreOffice recalculates the
 * merged master to the engine's values.
 */
import { demoInput } from "../../../src/cli/commands/demo";
import { collectReturns, mergedMasterPlan, type CollectResult } from "../../../src/workbook/loop";
import { readRawTables, writePlanToXlsx } from "../../../src/xlsx";
import { recalculate } from "../../support/libreoffice";
import { validateXlsx } from "../../support/ooxml";
import { compareWorkbook } from "../differential-support";
import { received, typeCells, writeCopies } from "./files";
import { REPORT, splitFixture, typedValue } from "./support";

jest.setTimeout(900_000);

const input = demoInput(1);
const fixture = splitFixture(input);
/** "measure|unit" -> what the office typed. */
const typed = new Map<string, { actual: number; denominator?: number }>();
let result: CollectResult;
let merged: Buffer;
let copies: Map<string, Buffer>;
/** The copies as split wrote them, before anyone typed in them. */
let issued: Map<string, Buffer>;
let viaLibreOffice: string;

beforeAll(async () => {
  issued = await writeCopies(fixture.copies);
  copies = new Map();
  for (const [unit, bytes] of issued) {
    const edits = input.measures.map((m) => {
      const v = typedValue(input, m.id, unit);
      typed.set(`${m.id}|${unit}`, v);
      const values: Record<string, number> = { [REPORT.actual]: v.actual };
      if (v.denominator !== undefined) values[REPORT.denominator] = v.denominator;
      return { match: { "Measure ID": m.id, "Fiscal year": REPORT.fy }, values };
    });
    copies.set(unit, (await typeCells(bytes, "tblMonthly", edits)).bytes);
  }
  viaLibreOffice = input.units[3].id;
  const [saved] = await recalculate([copies.get(viaLibreOffice)!]);
  copies.set(viaLibreOffice, saved);
  const returns = await Promise.all(
    [...copies].map(([unit, bytes], i) =>
      received(bytes, `${unit}.xlsx`, `2027-06-0${1 + (i % 9)}T10:00:00Z`),
    ),
  );
  result = collectReturns(fixture.master, fixture.tables, returns, { now: "2027-06-09T12:00:00Z" });
  merged = await writePlanToXlsx(mergedMasterPlan(result.input, result.returns));
});

describe("split the demo, type May into every office's copy, collect", () => {
  it("merges every typed cell, including those of the copy saved by LibreOffice, and nothing else", () => {
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    const expected = [...typed.values()].reduce((n, v) => n + 1 + (v.denominator === undefined ? 0 : 1), 0);
    expect(result.merges).toHaveLength(expected);
    expect(result.merges.filter((m) => m.unit === viaLibreOffice)).toHaveLength(
      expected / input.units.length,
    );
    expect(result.conflicts).toEqual([]);
  });

  it("the merged master holds exactly the typed values", async () => {
    const grid = (await readRawTables(merged, "merged.xlsx", ["tblMonthly"])).tblMonthly!;
    const col = (h: string) => grid.headers.indexOf(h);
    let checked = 0;
    for (const row of grid.rows) {
      if (row[col("Fiscal year")] !== REPORT.fy) continue;
      const want = typed.get(`${String(row[col("Measure ID")])}|${String(row[col("Unit ID")])}`)!;
      expect(row[col(REPORT.actual)]).toBe(want.actual);
      expect(row[col(REPORT.denominator)] ?? undefined).toBe(want.denominator);
      checked += 1;
    }
    expect(checked).toBe(input.units.length * input.measures.length);
  });

  it("the Returns sheet says every office's copy was merged, with its cell count", async () => {
    const table = (await readRawTables(merged, "merged.xlsx", ["tblReturns"])).tblReturns!;
    const col = (h: string) => table.headers.indexOf(h);
    expect(table.rows.map((r) => r[col("Status")])).toEqual(new Array(input.units.length).fill("merged"));
    const counts = table.rows.map((r) => r[col("Cells merged")] as number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(result.merges.length);
    expect(new Set(table.rows.map((r) => r[col("Unit")]))).toEqual(new Set(input.units.map((u) => u.id)));
  });

  it("LibreOffice recalculates the merged master, judged as of May, to the engine's values", async () => {
    expect(result.input.asOfMonth).toBe("2027-05");
    const [recalculated] = await recalculate([merged]);
    const diff = await compareWorkbook(merged, recalculated, "2027-05");
    expect(diff.compared).toBeGreaterThan(1000);
    expect(diff.mismatches.slice(0, 10)).toEqual([]);
    expect(diff.errors.slice(0, 10)).toEqual([]);
  });

  it("every XML part of an office copy and of the merged master validates against the OOXML schemas", () => {
    const report = validateXlsx({ "copy.xlsx": issued.get(input.units[0].id)!, "merged.xlsx": merged });
    expect(report.invalid).toEqual([]);
    expect(report.summary).toMatch(/copy\.xlsx: \d+ parts checked, 0 invalid/);
    expect(report.summary).toMatch(/merged\.xlsx: \d+ parts checked, 0 invalid/);
  });
});
