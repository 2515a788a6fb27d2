/** The About, Plan, Measures, Units and Targets sheets: settings, the plan's text and the lists. */
import type { UnitDef } from "../../engine/model";
import type { ProgramTarget, WorkbookInput } from "../input";
import {
  LISTS,
  MEASURE_HEADERS,
  PROGRAM_TARGET_HEADERS,
  SETTINGS,
  SETTINGS_HEADERS,
  SHEETS,
  TABLES,
  UNIT_HEADERS,
  columnLetter,
} from "../layout";
import type { NamedItemPlan, PlanValidation, PlanValue, SheetPlan } from "../plan";
import type { TemplateMeasure } from "../templates/types";
import { colRange, computed, emptySheet, fx, heading, input, NON_NEGATIVE, v } from "./common";
import type { GridLayout } from "./monthly";
import { measureNumberFormat } from "./formats";

const list = (values: readonly string[], what: string): PlanValidation => ({
  rule: { type: "list", values: [...values] },
  allowBlank: true,
  errorMessage: `Choose a ${what} from the list: ${values.join(", ")}.`,
});

export const SETTINGS_FIRST_ROW = 6;

/** About: what the workbook is, its settings (as-of month) and how to use it without the add-in. */
export function aboutSheet(
  wb: WorkbookInput,
  purposes: [string, string][],
  /** More key/value settings rows (the revision log's seal), after the named ones. */
  extraSettings: PlanValue[][] = [],
): { sheet: SheetPlan; names: NamedItemPlan[] } {
  const sheet = emptySheet(
    SHEETS.about,
    "What this workbook is, its settings and how to use it without the add-in.",
    "404040",
  );
  const r = SETTINGS_FIRST_ROW;
  const b = (row: number) => `$B$${row}`;
  const year = `IF(ISNUMBER(${b(r + 3)}),YEAR(${b(r + 3)}),VALUE(LEFT(${b(r + 3)},4)))`;
  const month = `IF(ISNUMBER(${b(r + 3)}),MONTH(${b(r + 3)}),VALUE(MID(${b(r + 3)},6,2)))`;
  const rows: PlanValue[][] = [
    [SETTINGS.title, wb.title, "Shown on every sheet's title."],
    [SETTINGS.templateId, wb.templateId, "The template this workbook started from."],
    [
      SETTINGS.fyStartMonth,
      wb.fyStartMonth,
      "10 = federal (October), 7 = most states (July), 1 = calendar year.",
    ],
    [
      SETTINGS.asOfMonth,
      wb.asOfMonth,
      "The month the checks judge. Type it as text, e.g. 2027-04; every check recalculates.",
    ],
    [
      SETTINGS.reliabilityPassed,
      wb.reliabilityPassed,
      "No federal incentive is paid unless the data pass the reliability audit (95 % standard).",
    ],
    [
      "As-of fiscal year",
      fx(`${year}+IF(AND(${b(r + 2)}>1,${month}>=${b(r + 2)}),1,0)`),
      "Formula: the fiscal year the as-of month falls in.",
    ],
    [
      "Months elapsed in the fiscal year",
      fx(`MOD(${month}-${b(r + 2)},12)+1`),
      "Formula: 1 in the fiscal year's first month.",
    ],
    ...extraSettings,
    ...(wb.settingsRows ?? []),
  ];
  sheet.ranges.push(
    ...heading(
      wb.title,
      "A Yardstick scorecard. Every status, variance, year-to-date figure, roll-up and forecast is a live Excel formula: no add-in is needed to use it.",
    ),
    { topLeft: "A4", values: [["Settings"]], bold: true, fontSize: 13 },
  );
  sheet.tables.push({
    name: TABLES.settings,
    topLeft: `A${r - 1}`,
    columns: [input(SETTINGS_HEADERS[0], 42), input(SETTINGS_HEADERS[1], 22), input(SETTINGS_HEADERS[2], 90)],
    rows,
  });
  const help = r + rows.length + 2;
  const steps = [
    "How to use this workbook without the add-in",
    "1. Each month, open Milestones & Actuals, filter Fiscal year to this year, and type each unit's actual in that month's Actual column (rates as percentages, with their denominator).",
    "2. On this sheet, set the as-of month to the month you just entered. Every check, the Dashboard and the charts recalculate.",
    "3. Read the Dashboard: program status by measure, the year-end forecast, unit status and the league table. Colours: green on track, amber at risk, red off track, grey no judgement.",
    "4. Review the Flags sheet: each flag is a prompt for a conversation, never a verdict. Write your name, a disposition and a note.",
    "5. Status rules (same as the add-in): counts and amounts are judged year to date (on track at 95 % of plan or better, at risk from 85 %); rates per month (on track within 2 points of the milestone, at risk within 5); ratios per month by attainment; bands by distance outside the band.",
    "6. Do not type in grey formula columns. Sorting and filtering tables is safe; to add a measure or unit, add rows to Measures/Units and to Milestones & Actuals.",
  ];
  sheet.ranges.push({ topLeft: `A${help}`, values: steps.map((s) => [s]), wrap: false });
  sheet.ranges.push({
    topLeft: `A${help + steps.length + 1}`,
    values: [["Sheet", "What it is for"], ...purposes],
    bold: false,
  });
  sheet.columnWidths = { A: 42, B: 22, C: 90 };
  const name = (n: string, row: number, comment: string): NamedItemPlan => ({
    name: n,
    refersTo: `=${SHEETS.about}!$B$${row}`,
    comment,
  });
  const names = [
    name("FyStart", r + 2, "First month of the fiscal year, 1-12."),
    name("AsOfMonth", r + 3, "The month the checks judge, YYYY-MM."),
    name("ReliabilityPassed", r + 4, "TRUE when the data passed the reliability audit."),
    name("AsOfFY", r + 5, "Fiscal year of the as-of month."),
    name("AsOfN", r + 6, "Months elapsed in the as-of fiscal year, 1-12."),
  ];
  return { sheet, names };
}

/** Plan: mission, deficit, target, theory of change, SWOT and goals (Behn practices 1-4, TEMPO). */
export function planSheet(wb: WorkbookInput): SheetPlan {
  const sheet = emptySheet(
    SHEETS.plan,
    "The plan: mission, the performance deficit, the target and the theory that links them.",
    "7A5C99",
  );
  const p = wb.plan;
  const rows: PlanValue[][] = [
    ["Mission", p.mission],
    ["Performance deficit", p.deficit],
    ["Target", p.target],
    ["Theory of change", p.theoryOfChange],
    ...p.swot.strengths.map((s) => ["Strength", s]),
    ...p.swot.weaknesses.map((s) => ["Weakness", s]),
    ...p.swot.opportunities.map((s) => ["Opportunity", s]),
    ...p.swot.threats.map((s) => ["Threat", s]),
    ...p.goals.map((g, i) => [`Goal ${i + 1}`, g]),
  ];
  sheet.ranges.push(
    ...heading(
      "Plan",
      "Frame before measuring: the mission, the most consequential performance deficit, a specific target, and the theory linking them.",
    ),
  );
  sheet.tables.push({
    name: TABLES.plan,
    topLeft: "A4",
    columns: [input("Item", 22), input("Text", 110)],
    rows,
  });
  return sheet;
}

export const LIST_FIRST_ROW = 5;

/** Measures: one row each, with list validations for kind, direction, purpose and lead/lag. */
export function measuresSheet(measures: TemplateMeasure[]): { sheet: SheetPlan; names: NamedItemPlan[] } {
  const sheet = emptySheet(
    SHEETS.measures,
    "What is measured: kind, direction, purpose, lead or lag, and its paired control.",
    "2E8540",
  );
  const h = MEASURE_HEADERS;
  const columns = [
    input(h.id, 16),
    input(h.name, 40),
    input(h.kind, 9, { validation: list(LISTS.kind, "kind") }),
    input(h.direction, 10, { validation: list(LISTS.direction, "direction") }),
    input(h.lower, 10, { validation: NON_NEGATIVE }),
    input(h.upper, 10, { validation: NON_NEGATIVE }),
    input(h.unitLabel, 14),
    input(h.purpose, 11, { validation: list(LISTS.purpose, "purpose") }),
    input(h.indicator, 9, { validation: list(LISTS.indicator, "lead or lag") }),
    input(h.leadFor, 14),
    input(h.pairedWith, 16),
    input(h.owner, 28),
    input(h.goal, 50),
    input(h.group, 22),
    computed(MEASURE_CHECK_HEADERS.builtFor, undefined, 16),
    computed(MEASURE_CHECK_HEADERS.current, undefined, 30),
  ];
  const rows: PlanValue[][] = (measures.length ? measures : [undefined]).map((m, i) =>
    m
      ? [
          m.id,
          m.name,
          m.kind,
          m.direction,
          v(m.lower),
          v(m.upper),
          v(m.unitLabel),
          v(m.purpose),
          v(m.indicator),
          v(m.leadFor),
          v(m.pairedWith),
          v(m.owner),
          v(m.goal),
          v(m.group),
          ...builtForCells(m, LIST_FIRST_ROW + i),
        ]
      : new Array<PlanValue>(columns.length).fill(null),
  );
  sheet.ranges.push(
    ...heading(
      "Measures",
      "Kind: count, amount, rate (0-100 %) or ratio. Direction: up (higher is better), down, or band (stay between the band edges). The checks are built for each measure's kind, direction and band: after changing them, apply the workbook with Yardstick again.",
    ),
  );
  sheet.tables.push({ name: TABLES.measures, topLeft: `A${LIST_FIRST_ROW - 1}`, columns, rows });
  sheet.freeze = { rows: LIST_FIRST_ROW - 1, columns: 1 };
  const last = LIST_FIRST_ROW + rows.length - 1;
  const name = (n: string, col: number, comment: string): NamedItemPlan => ({
    name: n,
    refersTo: `=${colRange(SHEETS.measures, columnLetter(col), LIST_FIRST_ROW, last)}`,
    comment,
  });
  return {
    sheet,
    names: [
      name("MeasureIds", 1, "Measure IDs, for lookups."),
      name("MeasureKinds", 3, "Kind of each measure."),
      name("MeasureDirections", 4, "Direction of each measure."),
      name("MeasureLowers", 5, "Band lower edge."),
      name("MeasureUppers", 6, "Band upper edge."),
    ],
  };
}

export const MEASURE_CHECK_HEADERS = {
  builtFor: "Checks built for",
  current: "Checks up to date",
} as const;

/**
 * A measure's kind, direction and band edges are written into its checks' formulas (grid and
 * Dashboard). These two cells say what the checks were built for and whether the row still
 * says so: a changed kind, direction or band shows "no" until Yardstick rebuilds the checks.
 */
function builtForCells(m: TemplateMeasure, r: number): PlanValue[] {
  const band = m.direction === "band" && m.lower !== undefined && m.upper !== undefined;
  const text = `${m.kind}, ${m.direction}${band ? `, ${m.lower} to ${m.upper}` : ""}`;
  const same = [
    `$C${r}="${m.kind}"`,
    `$D${r}="${m.direction}"`,
    ...(band ? [`$E${r}=${m.lower}`, `$F${r}=${m.upper}`] : []),
    // A band built without edges judges nothing; edges typed later need the checks rebuilt.
    ...(m.direction === "band" && !band ? [`$E${r}=""`, `$F${r}=""`] : []),
  ];
  return [
    text,
    fx(
      `IF(AND(${same.join(",")}),"yes","no: apply the workbook with Yardstick again to rebuild the checks")`,
    ),
  ];
}

/** Units: one row per office, district or division, with the drivers targets are prorated by. */
export function unitsSheet(units: UnitDef[]): SheetPlan {
  const sheet = emptySheet(
    SHEETS.units,
    "The units targets are prorated to, with their drivers (caseload, FTE, productivity, budget).",
    "2E8540",
  );
  const h = UNIT_HEADERS;
  const num = (header: string) => input(header, 12, { validation: NON_NEGATIVE, numberFormat: "#,##0" });
  const columns = [
    input(h.id, 18),
    input(h.name, 24),
    num(h.caseload),
    num(h.fte),
    num(h.productivity),
    num(h.budget),
  ];
  const rows: PlanValue[][] = (units.length ? units : [undefined]).map((u) =>
    u
      ? [u.id, u.name, v(u.caseload), v(u.fte), v(u.productivity), v(u.budget)]
      : new Array<PlanValue>(6).fill(null),
  );
  sheet.ranges.push(
    ...heading("Units", "Caseload, FTE, productivity and budget drive the proration of program targets."),
  );
  sheet.tables.push({ name: TABLES.units, topLeft: `A${LIST_FIRST_ROW - 1}`, columns, rows });
  sheet.freeze = { rows: LIST_FIRST_ROW - 1, columns: 1 };
  return sheet;
}

/** Targets: program targets per measure and year, against the sum of the unit targets. */
export function targetsSheet(
  targets: ProgramTarget[],
  measures: TemplateMeasure[],
  grid: GridLayout,
): SheetPlan {
  const sheet = emptySheet(
    SHEETS.targets,
    "Program targets per measure and fiscal year; unit targets are in the Target column of Milestones & Actuals.",
    "B07A2F",
  );
  const h = PROGRAM_TARGET_HEADERS;
  const kinds = new Map(measures.map((m) => [m.id, m.kind]));
  const rows: PlanValue[][] = (targets.length ? targets : [undefined]).map((t, i) => {
    const r = LIST_FIRST_ROW + i;
    if (!t) return [null, null, null, null, fx('""'), fx('""')];
    const additive = kinds.get(t.measure) === "count" || kinds.get(t.measure) === "amount";
    const sum = additive
      ? fx(`SUMIFS(${grid.range("D")},${grid.range("A")},$A${r},${grid.range("C")},$B${r})`)
      : fx('""');
    return [
      t.measure,
      t.fiscalYear,
      t.target,
      v(t.method),
      sum,
      fx(`IF(OR($E${r}="",$C${r}=""),"",$E${r}-$C${r})`),
    ];
  });
  const columns = [
    input(h.measure, 16),
    input(h.fiscalYear, 10),
    input(h.target, 14, { validation: NON_NEGATIVE, numberFormat: "#,##0.0#" }),
    input(h.method, 40),
    computed(h.unitSum, "#,##0.0#", 16),
    computed(h.gap, "#,##0.0#", 12),
  ];
  sheet.ranges.push(
    ...heading(
      "Targets",
      "Program targets, prorated to units by Yardstick (the method says how). For counts, the unit targets should add up to the program target: Gap shows the difference.",
    ),
  );
  const byId = new Map(measures.map((m) => [m.id, m]));
  // Each row's numbers in its measure's unit: a count's target whole, a rate's with "%".
  const cellFormats = rows.map((_, i) => {
    const m = targets[i] ? byId.get(targets[i].measure) : undefined;
    if (!m) return columns.map(() => null);
    return [
      null,
      null,
      measureNumberFormat(m),
      null,
      measureNumberFormat(m),
      measureNumberFormat(m, "change"),
    ];
  });
  sheet.tables.push({
    name: TABLES.programTargets,
    topLeft: `A${LIST_FIRST_ROW - 1}`,
    columns,
    rows,
    cellFormats,
  });
  sheet.conditionalFormats.push({
    type: "expression",
    range: `F${LIST_FIRST_ROW}:F${LIST_FIRST_ROW + rows.length - 1}`,
    formula: `=AND(ISNUMBER($F${LIST_FIRST_ROW}),$F${LIST_FIRST_ROW}<0)`,
    color: "bad",
  });
  return sheet;
}
