/**
 * In-process proof with HyperFormula: every formula of a plan evaluates without an error, and
 * every checked cell equals what the engine computes for the same inputs (relative 1e-9).
 * The LibreOffice differential test (tests/workbook/differential*.test.ts) proves the same on
 * real files; this one is fast enough to run on every change.
 */
import fc from "fast-check";
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import { buildDemoData } from "../../src/workbook/demo";
import { formulaExpectations } from "../../src/workbook/expectations";
import type { WorkbookInput } from "../../src/workbook/input";
import { SHEETS } from "../../src/workbook/layout";
import { FLAGS_FIRST_ROW } from "../../src/workbook/sheets/flags";
import { agreesWithEngine, evaluatePlan } from "./hf";
import { scorecardInputArb } from "./random-scorecard";
import { isChartGap, templateInput } from "./support";

const agrees = agreesWithEngine;

function differences(input: WorkbookInput) {
  const plan = buildPlanFromInput(input);
  const book = evaluatePlan(plan);
  const expectations = formulaExpectations(input, plan);
  const errors = book.formulas
    .map((f) => ({ ...f, value: book.value(f.sheet, f.address) }))
    .filter((f) => f.value !== null && typeof f.value === "object")
    .filter((f) => !(f.sheet === SHEETS.chartData && isChartGap(f.formula)))
    .map((f) => `${f.sheet}!${f.address}: ${JSON.stringify(f.value)}`);
  const mismatches = expectations
    .map((e) => ({ ...e, got: book.value(e.sheet, e.address) }))
    .filter((e) => !agrees(e.expected, e.got))
    .map(
      (e) =>
        `${e.sheet}!${e.address} ${e.quantity}: expected ${JSON.stringify(e.expected)}, got ${JSON.stringify(e.got)}`,
    );
  return { expectations, errors, mismatches, formulas: book.formulas.length, book };
}

describe.each([
  ["child-support", "2027-04"],
  ["city-services", "2027-01"],
  ["balanced-scorecard", "2026-07"],
  ["child-support", "2027-09"],
])("the %s template with sample data as of %s", (id, asOf) => {
  const result = differences(templateInput(id, asOf));

  it("evaluates every formula without an error", () => {
    expect(result.formulas).toBeGreaterThan(1000);
    expect(result.errors.slice(0, 5)).toEqual([]);
  });

  it("shows exactly the engine's statuses, variances, YTD, roll-ups and forecasts", () => {
    expect(result.expectations.length).toBeGreaterThan(500);
    expect(result.mismatches.slice(0, 5)).toEqual([]);
  });
});

describe("the demo workbook", () => {
  const { input } = buildDemoData(1);
  const result = differences(input);

  it("matches the engine everywhere, including the federal incentive score", () => {
    expect(result.mismatches.slice(0, 5)).toEqual([]);
    expect(result.expectations.filter((e) => e.quantity.startsWith("incentive.applicablePct"))).toHaveLength(
      5,
    );
    expect(result.errors).toEqual([]);
  });

  it("ranks units in the league table by their share of measures on track", () => {
    const dash = buildPlanFromInput(input).sheets.find((s) => s.name === SHEETS.dashboard)!;
    const units = dash.tables.find((t) => t.name === "tblUnitStatus")!;
    const headerRow = Number(units.topLeft.slice(1));
    const shareCol = String.fromCharCode(65 + units.columns.findIndex((c) => c.header === "Share on track"));
    const shares = input.units.map((u, i) => ({
      name: u.name,
      share: result.book.value(SHEETS.dashboard, `${shareCol}${headerRow + 1 + i}`) as number,
    }));
    const league = dash.ranges.find((r) => r.values[0]?.[1] === "Top units")!;
    const leagueRow = Number(league.topLeft.slice(1));
    const top = result.book.value(SHEETS.dashboard, `B${leagueRow + 1}`);
    const bottom = result.book.value(SHEETS.dashboard, `E${leagueRow + 1}`);
    expect(shares.find((s) => s.name === top)!.share).toBe(Math.max(...shares.map((s) => s.share)));
    expect(shares.find((s) => s.name === bottom)!.share).toBe(Math.min(...shares.map((s) => s.share)));
  });

  it("lists what to act on first: the off-track measure, then the at-risk one, each with its forecast in words", () => {
    const act = result.expectations.filter((e) => e.quantity.startsWith("act on these"));
    expect(act.length).toBeGreaterThan(0);
    const first = act.find((e) => e.quantity === "act on these 1: measure")!;
    const row = Number(first.address.slice(1));
    const shown = (col: string, r: number) => result.book.value(SHEETS.dashboard, `${col}${r}`);
    expect([shown("A", row), shown("B", row)]).toEqual(["Off track", "Paternity acknowledgments rescinded"]);
    expect(shown("C", row)).toBe("likely to miss the target by about 32 %");
    expect([shown("A", row + 1), shown("B", row + 1)]).toEqual(["At risk", "Cases closed as unlocatable"]);
    expect(shown("C", row + 1)).toMatch(/^likely to miss the target by about \d+ %$/);
    expect(shown("B", row + 2)).toBe("");
  });

  it("counts open flags by severity and drops a flag from the list once a reviewer sets its disposition", () => {
    const counts = result.expectations.find((e) => e.quantity === "flags awaiting review: high count")!;
    const countsRow = Number(counts.address.slice(1));
    const shown = (address: string) => result.book.value(SHEETS.dashboard, address);
    const high = shown(`B${countsRow}`) as number;
    expect(high).toBe(input.flags.filter((f) => f.severity === "high").length);
    const first = shown(`C${countsRow + 2}`);
    const second = shown(`C${countsRow + 3}`);
    expect(shown(`A${countsRow + 2}`)).toBe("high");
    const hf = result.book.hf;
    const disposition = { sheet: hf.getSheetId(SHEETS.flags)!, row: FLAGS_FIRST_ROW - 1, col: 10 };
    hf.setCellContents(disposition, [["reviewed"]]);
    try {
      expect(shown(`B${countsRow}`)).toBe(high - 1);
      expect(shown(`C${countsRow + 2}`)).toBe(second);
    } finally {
      hf.setCellContents(disposition, [["open"]]);
    }
    expect(shown(`C${countsRow + 2}`)).toBe(first);
  });

  it("recalculates when a manager moves the as-of month back", () => {
    const earlier = { ...input, asOfMonth: "2027-01" };
    expect(differences(earlier).mismatches.slice(0, 5)).toEqual([]);
  });

  it("judges program statuses a manager can read", () => {
    const statuses = result.expectations
      .filter((e) => e.sheet === SHEETS.dashboard && e.quantity.startsWith("checks.status"))
      .map((e) => e.expected);
    expect(statuses).toHaveLength(11);
    for (const s of statuses) expect(["On track", "At risk", "Off track"]).toContain(s);
  });
});

/** Fixed by default; YARDSTICK_HF_SEED and YARDSTICK_HF_RUNS explore other scorecards. */
const HF_SEED = Number(process.env.YARDSTICK_HF_SEED ?? 424242);
const HF_RUNS = Number(process.env.YARDSTICK_HF_RUNS ?? 40);

describe("randomized scorecards: odd kinds, bands, blanks, bad cells, any fiscal-year start", () => {
  const inputs = fc.sample(scorecardInputArb, { seed: HF_SEED, numRuns: HF_RUNS });
  it.each(
    inputs.map((input, i) => [
      i,
      input.measures.map((m) => `${m.kind}/${m.direction}`).join(", "),
      input.asOfMonth,
      input,
    ]),
  )("scorecard %i (%s, as of %s) matches the engine cell for cell", (_i, _what, _asOf, input) => {
    const result = differences(input as WorkbookInput);
    expect(result.errors.slice(0, 3)).toEqual([]);
    expect(result.mismatches.slice(0, 3)).toEqual([]);
  });
});
