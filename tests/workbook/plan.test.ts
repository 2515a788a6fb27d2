/**
 * Plan invariants for every template, with and without sample data: unique table names, tables
 * whose rows fit their headers, only classic functions, no whole-column or structured
 * references, names that resolve, and the sheets a manager expects.
 */
import { buildWorkbookPlan } from "../../src/workbook/buildPlan";
import { SHEETS, TABLES } from "../../src/workbook/layout";
import { TEMPLATE_IDS } from "../../src/workbook/templates";
import { allFormulas } from "./support";

const BANNED = [
  "LET",
  "LAMBDA",
  "XLOOKUP",
  "XMATCH",
  "FILTER",
  "SORT",
  "SORTBY",
  "UNIQUE",
  "SEQUENCE",
  "IFS",
  "MAXIFS",
  "MINIFS",
  "SWITCH",
  "CONCAT",
  "TEXTJOIN",
  "OFFSET",
  "INDIRECT",
  "AVERAGEIFS",
  "FORECAST.ETS",
  "RANDARRAY",
];
const cases = TEMPLATE_IDS.flatMap(
  (id) =>
    [
      [id, false],
      [id, true],
    ] as [string, boolean][],
);

describe.each(cases)("the %s template (sample data: %s)", (id, sampleData) => {
  const plan = buildWorkbookPlan(id, {
    sampleData,
    asOfMonth: id === "child-support" ? "2027-04" : "2027-01",
  });
  const formulas = allFormulas(plan);

  it("has the sheets a manager expects, in order", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([
      SHEETS.about,
      SHEETS.plan,
      SHEETS.measures,
      SHEETS.units,
      SHEETS.targets,
      SHEETS.monthly,
      SHEETS.budget,
      SHEETS.data,
      SHEETS.dashboard,
      SHEETS.flags,
      SHEETS.revisions,
      SHEETS.chartData,
    ]);
    expect(plan.sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual([SHEETS.chartData]);
    for (const s of plan.sheets) expect(s.name.length).toBeLessThanOrEqual(31);
  });

  it("gives every table a unique stable name", () => {
    const names = plan.sheets.flatMap((s) => s.tables.map((t) => t.name));
    expect(new Set(names).size).toBe(names.length);
    for (const required of [
      TABLES.settings,
      TABLES.measures,
      TABLES.units,
      TABLES.programTargets,
      TABLES.monthly,
      TABLES.data,
      TABLES.programStatus,
      TABLES.unitStatus,
      TABLES.flags,
    ]) {
      expect(names).toContain(required);
    }
  });

  it("writes rows as wide as the headers, with unique headers, and rectangular ranges", () => {
    for (const s of plan.sheets) {
      for (const t of s.tables) {
        expect(t.rows.length).toBeGreaterThan(0);
        for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
        const headers = t.columns.map((c) => c.header.toLowerCase());
        expect(new Set(headers).size).toBe(headers.length);
      }
      for (const r of s.ranges) for (const row of r.values) expect(row).toHaveLength(r.values[0].length);
    }
  });

  it("uses only classic functions every Excel since 2016 and LibreOffice know", () => {
    expect(formulas.length).toBeGreaterThan(0);
    const offenders = formulas.filter((f) =>
      BANNED.some((fn) => new RegExp(`(^|[^A-Z.])${fn.replace(".", "\\.")}\\(`, "i").test(f.formula)),
    );
    expect(offenders.slice(0, 3)).toEqual([]);
  });

  it("never references whole columns or table structured references (linear recalculation, LibreOffice-safe)", () => {
    const whole = formulas.filter(
      (f) =>
        /\$?[A-Z]{1,3}:\$?[A-Z]{1,3}(?![0-9])/.test(f.formula.replace(/"[^"]*"/g, "")) ||
        /\[@|\[#This Row\]/.test(f.formula),
    );
    expect(whole.slice(0, 3)).toEqual([]);
  });

  it('never counts text with COUNTIFS(range,"*"), which LibreOffice also matches to numbers', () => {
    expect(formulas.filter((f) => f.formula.includes(',"*"')).slice(0, 3)).toEqual([]);
  });

  it("defines every workbook name its formulas use", () => {
    const defined = new Set(plan.names.map((n) => n.name));
    for (const name of [
      "AsOfFY",
      "AsOfN",
      "AsOfMonth",
      "MonthNo",
      "MeasureIds",
      "MeasureKinds",
      "MeasureDirections",
      "MeasureLowers",
      "MeasureUppers",
      "ReliabilityPassed",
    ]) {
      expect(defined).toContain(name);
    }
  });

  it("validates the lists a manager picks from and keeps counts non-negative", () => {
    const measures = plan.sheets.find((s) => s.name === SHEETS.measures)!.tables[0];
    const listed = measures.columns.filter((c) => c.validation?.rule.type === "list").map((c) => c.header);
    expect(listed).toEqual(expect.arrayContaining(["Kind", "Direction", "Purpose", "Lead/lag"]));
    const grid = plan.sheets.find((s) => s.name === SHEETS.monthly)!.tables[0];
    const actualApr = grid.columns.find((c) => c.header.startsWith("Actual "))!;
    expect(actualApr.validation?.rule).toEqual({ type: "decimal", min: 0 });
  });

  it("freezes the grid's headers and key columns and colours statuses", () => {
    const grid = plan.sheets.find((s) => s.name === SHEETS.monthly)!;
    expect(grid.freeze).toEqual({ rows: 6, columns: 3 });
    expect(grid.conditionalFormats.map((c) => (c.type === "textEquals" ? c.text : ""))).toEqual(
      expect.arrayContaining(["On track", "At risk", "Off track"]),
    );
  });

  it("leaves formula protection off unless asked (protection clears Excel's undo)", () => {
    expect(plan.sheets.some((s) => s.protectFormulas)).toBe(false);
    expect(buildWorkbookPlan(id, { protectFormulas: true }).sheets.some((s) => s.protectFormulas)).toBe(true);
  });
});

describe("charts", () => {
  it("draws the budget chart in its section, a program chart and one per measure: milestone, actual and last year", () => {
    const plan = buildWorkbookPlan("child-support", { sampleData: true, asOfMonth: "2027-04" });
    const dash = plan.sheets.find((s) => s.name === SHEETS.dashboard)!;
    // In reading order: the budget section's chart, the program's, then one per measure.
    expect(dash.charts.map((c) => c.title.replace(/:.*/, ""))).toEqual([
      "Spend vs plan beside results vs plan, by unit (year to date)",
      "Program",
      ...plan.sheets
        .find((s) => s.name === SHEETS.measures)!
        .tables[0].rows.map((r) => expect.stringContaining(String(r[1]).replace(/:.*/, ""))),
    ]);
    expect(dash.charts[1].kind).toBe("columnClustered");
    expect(dash.charts[2].series.map((s) => s.name)).toEqual(["Milestone", "Actual", "Last year"]);
    // The actuals as columns: a month not reported yet is no column, in LibreOffice too.
    expect(dash.charts[2].series.map((s) => s.as)).toEqual([undefined, "column", undefined]);
    // Top to bottom: each chart starts at or below the one before.
    const rows = dash.charts.map((c) => Number(/^[A-Z]+(\d+)/.exec(c.anchor)![1]));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });
});

describe("bad options", () => {
  it.each([["no-such-template"], ["Child Support"]])(
    "rejects the unknown template %s naming the known ones",
    (id) => {
      expect(() => buildWorkbookPlan(id)).toThrow(
        /Known templates: child-support, city-services, balanced-scorecard, blank/,
      );
    },
  );

  it("rejects a malformed as-of month", () => {
    expect(() => buildWorkbookPlan("blank", { asOfMonth: "April 2027" })).toThrow(/YYYY-MM/);
  });
});
