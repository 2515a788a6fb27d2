/**
 * A unit that skips a fiscal year is "not in the program" that year, in the workbook's formulas
 * and in the engine alike (issue 14, decision b): the Dashboard's "Last year" leaves it out, so
 * the engine's roll-up must too, whether the scorecard arrives as a workbook or as a long CSV.
 * HyperFormula evaluates the written plan, so the workbook side is its formulas, not the engine.
 */
import { checkScorecard, type CheckRow } from "../../src/engine/checks";
import { parseLongCsv } from "../../src/engine/longcsv";
import type { Observation } from "../../src/engine/model";
import { fiscalYearMonths } from "../../src/engine/period";
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import { formulaExpectations } from "../../src/workbook/expectations";
import type { WorkbookInput } from "../../src/workbook/input";
import { SHEETS } from "../../src/workbook/layout";
import { rawTablesFromPlan } from "../../src/workbook/rawTables";
import { scorecardFromTables } from "../../src/workbook/read";
import { emptyPlanText } from "../../src/workbook/templates";
import { agreesWithEngine, evaluatePlan } from "./hf";
import { indexScorecard } from "../../src/engine/index";

const AS_OF = "2027-03";

/** Twelve months of a unit's cases in a fiscal year (calendar years here): milestone 10, actual `a`. */
function year(unit: string, fy: number, actual: (month: number) => number | undefined): Observation[] {
  return fiscalYearMonths(fy, 1).map((period, m) => ({
    measure: "cases",
    unit,
    period,
    milestone: 10,
    actual: period <= AS_OF ? actual(m) : undefined,
  }));
}

/** A rate's twelve months with denominators, so the roll-up is weighted. */
function rateYear(unit: string, fy: number, rate: number, den: number): Observation[] {
  return fiscalYearMonths(fy, 1).map((period) => ({
    measure: "orders",
    unit,
    period,
    milestone: 80,
    ...(period <= AS_OF ? { actual: rate, denominator: den } : {}),
  }));
}

// North reported in FY2025 and FY2027 but not in FY2026; South and East every year.
const observations: Observation[] = [
  ...year("north", 2025, () => 9),
  ...year("north", 2027, () => 11),
  ...year("south", 2025, () => 7),
  ...year("south", 2026, () => 8),
  ...year("south", 2027, () => 9),
  ...year("east", 2025, () => 7),
  ...year("east", 2026, (m) => 8 + (m % 2)),
  ...year("east", 2027, () => 10),
  ...rateYear("north", 2025, 70, 100),
  ...rateYear("north", 2027, 75, 100),
  ...rateYear("south", 2026, 82, 50),
  ...rateYear("south", 2027, 84, 50),
  ...rateYear("east", 2026, 60, 150),
  ...rateYear("east", 2027, 66, 150),
];

const input: WorkbookInput = {
  templateId: "blank",
  title: "A skipped fiscal year",
  fyStartMonth: 1,
  asOfMonth: AS_OF,
  plan: emptyPlanText(),
  measures: [
    { id: "cases", name: "Cases closed", kind: "count", direction: "up" },
    { id: "orders", name: "Orders %", kind: "rate", direction: "up" },
  ],
  units: ["north", "south", "east"].map((id) => ({ id, name: id })),
  observations,
  programTargets: [],
  flags: [],
  reliabilityPassed: true,
};

const H = "measure,unit,period,milestone,actual,denominator,kind,direction";
const csv = [
  H,
  ...observations.map((o) =>
    [
      o.measure,
      o.unit,
      o.period,
      o.milestone ?? "",
      o.actual ?? "",
      o.denominator ?? "",
      o.measure === "orders" ? "rate" : "count",
      "up",
    ].join(","),
  ),
].join("\n");

function rollups(rows: CheckRow[]): Map<string, CheckRow> {
  return new Map(rows.filter((r) => r.rollup).map((r) => [r.measure, r]));
}

describe("a unit that skipped a fiscal year", () => {
  const plan = buildPlanFromInput(input);
  const book = evaluatePlan(plan);
  const expectations = formulaExpectations(input, plan);
  const read = scorecardFromTables(rawTablesFromPlan(plan));
  const fromWorkbook = rollups(
    checkScorecard(indexScorecard(read.scorecard, read.findings), { asOf: AS_OF }).rows,
  );
  const parsed = parseLongCsv(csv, { fileName: "skipped.csv" });
  const fromCsv = rollups(
    checkScorecard(indexScorecard(parsed.scorecard, parsed.findings), { asOf: AS_OF }).rows,
  );

  it("is left out of last year's roll-up: the Dashboard shows the other units' total", () => {
    // FY2026 March: South 8 + East 8 (March is month 2, even) = 16; North was not in the program.
    expect(fromWorkbook.get("cases")!.lastYearActual).toBe(16);
    expect(fromCsv.get("cases")!.lastYearActual).toBe(16);
    // The rate is weighted over the units that reported: (82 x 50 + 60 x 150) / 200.
    expect(fromCsv.get("orders")!.lastYearActual).toBeCloseTo((82 * 50 + 60 * 150) / 200, 9);
  });

  it("shows on the Dashboard exactly what the engine computes, cell for cell", () => {
    const dashboard = expectations.filter((e) => e.sheet === SHEETS.dashboard);
    expect(dashboard.some((e) => e.quantity.startsWith("checks.lastYearActual") && e.expected !== "")).toBe(
      true,
    );
    const mismatches = expectations
      .map((e) => ({ ...e, got: book.value(e.sheet, e.address) }))
      .filter((e) => !agreesWithEngine(e.expected, e.got))
      .map(
        (e) =>
          `${e.sheet}!${e.address} ${e.quantity}: engine ${String(e.expected)}, workbook ${String(e.got)}`,
      );
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it("rolls up alike from the long CSV and from the workbook", () => {
    const fields: (keyof CheckRow)[] = [
      "status",
      "actual",
      "plan",
      "ytdActual",
      "ytdPlan",
      "lastYearActual",
      "changeAbs",
      "ytdLastYearActual",
    ];
    for (const measure of ["cases", "orders"]) {
      const pick = (r: CheckRow) => Object.fromEntries(fields.map((f) => [f, r[f]]));
      expect(pick(fromCsv.get(measure)!)).toEqual(pick(fromWorkbook.get(measure)!));
    }
  });

  it("still makes a month insufficient when a unit in the program that year left it blank", () => {
    const gap = csv.replace("cases,east,2026-03,10,8,", "cases,east,2026-03,10,,");
    const card = parseLongCsv(gap, { fileName: "gap.csv" });
    const row = rollups(checkScorecard(indexScorecard(card.scorecard, card.findings), { asOf: AS_OF }).rows);
    expect(row.get("cases")!.lastYearActual).toBeUndefined();
  });
});
