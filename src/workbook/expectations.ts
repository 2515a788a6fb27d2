/**
 * What every checked formula cell of a plan must show, computed by the engine itself
 * (src/engine/checks, forecast, incentive) for the same inputs. The differential test
 * recalculates the workbook (LibreOffice or HyperFormula) and compares cell by cell:
 * numbers to a relative 1e-9, text exactly; "" means the cell must look empty.
 */
import { checkScorecard, ROLLUP_UNIT, judgedPosition, type CheckRow } from "../engine/checks";
import { indexScorecard, type SeriesData } from "../engine/index";
import { forecastYearEnd, METHOD_NAMES, type YearEndForecast } from "../engine/forecast/yearend";
import { forecastInWords } from "../engine/forecast/words";
import { scoreMeasure, type IncentiveMeasure } from "../engine/incentive/federal";
import type { Finding, Scorecard } from "../engine/model";
import { fiscalYearMonths, fiscalYearOf, fiscalMonthOffset } from "../engine/period";
import { gridCol, STATUS_LABELS, type GridComputed } from "./gridFormulas";
import { buildPlanFromInput, dashboardSlots } from "./buildPlan";
import { budgetExpectations } from "./budgetExpectations";
import { gridRows, type WorkbookInput } from "./input";
import type { WorkbookPlan } from "./plan";
import { rawTablesFromPlan } from "./rawTables";
import { scorecardFromTables } from "./read";
import { SHEETS } from "./layout";
import { actRows, moreToActOn, NOTHING_TO_ACT_ON } from "./sheets/actOn";
import { buildDashboard, type DashboardLayout } from "./sheets/dashboard";
import { ALL_UNITS, FLAG_ROWS_MAX, NO_OPEN_FLAGS, openFlagsInOrder, SEVERITIES } from "./sheets/flagReview";
import { INCENTIVE_KEYS } from "./sheets/incentive";
import { programCol, type ProgramColumn } from "./sheets/programColumns";
import { gridKey, monthlySheet } from "./sheets/monthly";

export type Expected = number | string | boolean;

export interface Expectation {
  sheet: string;
  /** A1 address, e.g. "BN7". */
  address: string;
  expected: Expected;
  /** Which engine quantity, e.g. "checks.ytdActual pep/howard 2027-04". */
  quantity: string;
}

/** The engine's scorecard for a workbook input. */
export function scorecardOf(input: WorkbookInput): Scorecard {
  return {
    measures: input.measures.map((m) => {
      const { group: _g, incentive: _i, sample: _s, ...def } = m;
      return def;
    }),
    units: input.units,
    observations: input.observations,
    fyStartMonth: input.fyStartMonth,
  };
}

/** Engine value as a cell shows it: undefined is empty, +/- Infinity the 1E+300 stand-ins. */
export function asCell(v: number | string | boolean | undefined): Expected {
  if (v === undefined) return "";
  if (typeof v === "number" && !Number.isFinite(v)) return v > 0 ? 1e300 : -1e300;
  return v;
}

const CHECK_FIELDS: [GridComputed & ProgramColumn, keyof CheckRow][] = [
  ["Period actual", "actual"],
  ["Period plan", "plan"],
  ["Variance", "varianceAbs"],
  ["Variance %", "varianceRel"],
  ["Attainment", "attainment"],
  ["YTD actual", "ytdActual"],
  ["YTD plan", "ytdPlan"],
  ["YTD variance", "ytdVarianceAbs"],
  ["YTD variance %", "ytdVarianceRel"],
  ["YTD attainment", "ytdAttainment"],
  ["Band attainment", "bandAttainment"],
];

function forecastFields(f: YearEndForecast | undefined): [GridComputed & ProgramColumn, Expected][] {
  if (!f) return [];
  return [
    ["Forecast method", f.primary && f.value !== undefined ? METHOD_NAMES[f.primary] : ""],
    ["Year-end forecast", asCell(f.value)],
    ["Forecast target", asCell(f.target)],
    ["Forecast label", f.label],
  ];
}

interface Judged {
  rows: Map<string, CheckRow>;
  forecasts: Map<string, YearEndForecast>;
}

function judge(scorecard: Scorecard, asOf: string, dataFindings: Finding[]): Judged {
  const result = checkScorecard(indexScorecard(scorecard, dataFindings), { asOf });
  const rows = new Map(result.rows.map((r) => [`${r.measure}|${r.unit}`, r]));
  const forecasts = new Map<string, YearEndForecast>();
  const add = (s: SeriesData) =>
    forecasts.set(
      `${s.measure.id}|${s.unit}`,
      forecastYearEnd(s, judgedPosition(s, asOf, scorecard.fyStartMonth), scorecard.fyStartMonth),
    );
  result.index.series.filter((s) => s.monthly).forEach(add);
  result.rollupSeries.forEach(add);
  return { rows, forecasts };
}

/**
 * Every formula cell the differential test must find, with the engine's value.
 * Example: `formulaExpectations(input).filter((e) => e.sheet === "Dashboard")`.
 */
export function formulaExpectations(
  input: WorkbookInput,
  plan: WorkbookPlan = buildPlanFromInput(input),
): Expectation[] {
  // The engine sees what a reader finds in the workbook, with its data findings (bad cells).
  const read = scorecardFromTables(rawTablesFromPlan(plan));
  const scorecard = read.scorecard;
  const dataFindings = read.findings;
  const fy0 = fiscalYearOf(input.asOfMonth, input.fyStartMonth);
  const byYear = new Map<number, Judged>();
  const judgedFor = (fy: number) => {
    if (!byYear.has(fy))
      byYear.set(
        fy,
        judge(
          scorecard,
          fy === fy0 ? input.asOfMonth : fiscalYearMonths(fy, input.fyStartMonth)[11],
          dataFindings,
        ),
      );
    return byYear.get(fy)!;
  };
  const out: Expectation[] = [];
  const rows = gridRows(input);
  const { layout } = monthlySheet(rows, input.measures, input.fyStartMonth, false);
  const n0 = fiscalMonthOffset(input.asOfMonth, input.fyStartMonth) + 1;
  for (const g of rows) {
    if (g.fiscalYear > fy0) continue;
    const r = layout.rowOf.get(gridKey(g.measure, g.unit, g.fiscalYear))!;
    const j = judgedFor(g.fiscalYear);
    const k = `${g.measure}|${g.unit}`;
    const check = j.rows.get(k);
    const at = (col: GridComputed, expected: Expected, quantity: string) =>
      out.push({
        sheet: SHEETS.monthly,
        address: `${gridCol(col)}${r}`,
        expected,
        quantity: `${quantity} ${k} FY${g.fiscalYear}`,
      });
    at("Months to date", g.fiscalYear === fy0 ? n0 : 12, "months elapsed");
    at("Key", gridKey(g.measure, g.unit, g.fiscalYear), "row key");
    if (!check) continue; // no observations for this row: the engine has no series
    for (const [col, field] of CHECK_FIELDS)
      at(col, asCell(check[field] as number | undefined), `checks.${field}`);
    at("Status", STATUS_LABELS[check.status], "checks.status");
    for (const [col, v] of forecastFields(j.forecasts.get(k))) at(col, v, `forecast.${col}`);
  }
  const { layout: dash } = buildDashboard(input, layout, dashboardSlots(input, layout));
  const now = judgedFor(fy0);
  for (const m of input.measures) {
    const check = now.rows.get(`${m.id}|${ROLLUP_UNIT}`);
    if (!check) continue;
    const r = dash.programRow.get(m.id)!;
    const at = (col: ProgramColumn, expected: Expected, quantity: string) =>
      out.push({
        sheet: SHEETS.dashboard,
        address: `${programCol(col)}${r}`,
        expected,
        quantity: `${quantity} ${m.id} program`,
      });
    for (const [col, field] of CHECK_FIELDS)
      at(col, asCell(check[field] as number | undefined), `checks.${field}`);
    at("Last year", asCell(check.lastYearActual), "checks.lastYearActual");
    at("Change", asCell(check.changeAbs), "checks.changeAbs");
    at("Status", STATUS_LABELS[check.status], "checks.status");
    for (const [col, v] of forecastFields(now.forecasts.get(`${m.id}|${ROLLUP_UNIT}`)))
      at(col, v, "forecast");
  }
  out.push(...actOnExpectations(input, now, dash.act));
  out.push(...flagReviewExpectations(input, dash.flags));
  out.push(...incentiveExpectations(input, fy0, judgedFor, dash.incentiveFirstRow));
  out.push(...budgetExpectations(input, plan, scorecard, dataFindings));
  return out;
}

/**
 * "Act on these": the program's off-track measures, then its at-risk ones (each in measure order),
 * with the forecast in words; and every measure's sentence in the helper range.
 */
function actOnExpectations(input: WorkbookInput, now: Judged, act: DashboardLayout["act"]): Expectation[] {
  if (!act) return [];
  const out: Expectation[] = [];
  const at = (address: string, expected: Expected, quantity: string) =>
    out.push({ sheet: SHEETS.dashboard, address, expected, quantity });
  const words = new Map<string, string>();
  input.measures.forEach((m, i) => {
    const f = now.forecasts.get(`${m.id}|${ROLLUP_UNIT}`);
    if (!now.rows.get(`${m.id}|${ROLLUP_UNIT}`) || !f) return;
    words.set(m.id, forecastInWords(f, m));
    at(`C${act.helperFirstRow + i}`, words.get(m.id)!, `forecastInWords ${m.id}`);
  });
  const withStatus = (status: CheckRow["status"]) =>
    input.measures.filter((m) => now.rows.get(`${m.id}|${ROLLUP_UNIT}`)?.status === status);
  const listed = [...withStatus("off-track"), ...withStatus("at-risk")];
  const shown = actRows(input.measures.length);
  for (let k = 0; k < shown; k++) {
    const m = listed[k];
    const r = act.firstItemRow + k;
    const status = m ? STATUS_LABELS[now.rows.get(`${m.id}|${ROLLUP_UNIT}`)!.status] : "";
    at(`A${r}`, status, `act on these ${k + 1}: status`);
    at(`B${r}`, m ? m.name : k === 0 ? NOTHING_TO_ACT_ON : "", `act on these ${k + 1}: measure`);
    if (!m || words.has(m.id))
      at(`C${r}`, m ? words.get(m.id)! : "", `act on these ${k + 1}: forecast in words`);
  }
  at(`B${act.moreRow}`, moreToActOn(listed.length, shown), "act on these: and more");
  return out;
}

/** "Flags awaiting review": open flags counted by severity, the first few listed high first. */
function flagReviewExpectations(input: WorkbookInput, at: DashboardLayout["flags"]): Expectation[] {
  if (!at) return [];
  const out: Expectation[] = [];
  const put = (address: string, expected: Expected, quantity: string) =>
    out.push({ sheet: SHEETS.dashboard, address, expected, quantity: `flags awaiting review: ${quantity}` });
  const open = openFlagsInOrder(input.flags);
  SEVERITIES.forEach((s, k) =>
    put(`${"BDF"[k]}${at.countsRow}`, open.filter((f) => f.severity === s).length, `${s} count`),
  );
  const unitName = (id: string) =>
    id === "*" ? ALL_UNITS : (input.units.find((u) => u.id === id)?.name ?? id);
  for (let k = 0; k < FLAG_ROWS_MAX; k++) {
    const f = open[k];
    const r = at.firstItemRow + k;
    put(`A${r}`, f ? f.severity : "", `${k + 1} severity`);
    put(`B${r}`, f ? unitName(f.unit) : k === 0 ? NO_OPEN_FLAGS : "", `${k + 1} unit`);
    put(`C${r}`, f ? f.explanation : "", `${k + 1} what we saw`);
  }
  return out;
}

function incentiveExpectations(
  input: WorkbookInput,
  fy0: number,
  judgedFor: (fy: number) => Judged,
  firstRow: number | undefined,
): Expectation[] {
  if (firstRow === undefined) return [];
  const out: Expectation[] = [];
  input.measures
    .filter((m) => m.incentive)
    .forEach((m, i) => {
      const r = firstRow + i;
      const level = judgedFor(fy0).rows.get(`${m.id}|${ROLLUP_UNIT}`)?.ytdActual;
      const prior = judgedFor(fy0 - 1).rows.get(`${m.id}|${ROLLUP_UNIT}`)?.ytdActual;
      const at = (col: string, expected: Expected, quantity: string) =>
        out.push({
          sheet: SHEETS.dashboard,
          address: `${col}${r}`,
          expected,
          quantity: `${quantity} ${m.id}`,
        });
      at("C", asCell(level), "incentive level");
      at("D", asCell(prior), "incentive prior level");
      if (level === undefined) return;
      const rule = INCENTIVE_KEYS[m.incentive!];
      const score = scoreMeasure({
        measure: rule.engine as IncentiveMeasure,
        level,
        priorLevel: prior,
        reliabilityPct: input.reliabilityPassed ? 100 : 0,
      });
      at("E", score.applicablePct, "incentive.applicablePct");
      at("G", (score.weight * score.applicablePct) / 100, "incentive weighted score");
    });
  return out;
}
