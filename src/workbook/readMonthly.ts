/**
 * Read the Milestones & Actuals grid (tblMonthly): one row per measure x unit x fiscal year,
 * twelve month columns per series. Month columns are found by header ("Actual Oct"), so
 * moved, extra or missing month columns are handled; each cell becomes part of one Observation.
 */
import type { Finding, MeasureDef, Observation, UnitDef } from "../engine/model";
import { observation } from "../engine/observation";
import { fiscalYearMonths } from "../engine/period";
import { findColumns, TableCursor } from "./cells";
import { GRID_COMPUTED } from "./gridFormulas";
import {
  fiscalMonthLabels,
  MONTHLY_KEY_HEADERS,
  MONTHLY_SERIES,
  parseMonthlyHeader,
  TABLES,
  type MonthlySeries,
  type RawTable,
} from "./layout";
import type { WorkbookSettings } from "./read";
import { blankKey, duplicate, missingTable, negative, requireColumns } from "./readHelpers";

interface MonthColumn {
  series: MonthlySeries;
  period: string;
  col: number;
}

/** Observations from tblMonthly: a target per fiscal year (period "YYYY") and one per month with data. */
export function readMonthly(
  table: RawTable | undefined,
  settings: WorkbookSettings,
  measures: MeasureDef[],
  units: UnitDef[],
  findings: Finding[],
): Observation[] {
  if (!table) {
    missingTable(TABLES.monthly, findings, true);
    return [];
  }
  const cur = new TableCursor(table, findings);
  const c = findColumns(table.headers, MONTHLY_KEY_HEADERS);
  if (!requireColumns(cur, c, MONTHLY_KEY_HEADERS, ["measure", "unit", "fiscalYear"])) return [];
  const monthCols = table.headers
    .map((h, col) => ({ parsed: parseMonthlyHeader(String(h ?? "")), col }))
    .filter((x) => x.parsed !== undefined)
    .map((x) => ({ series: x.parsed!.series, calendarMonth: x.parsed!.calendarMonth, col: x.col }));
  unmatchedMonthColumns(cur, monthCols, settings.fyStartMonth);
  const byId = new Map(measures.map((m) => [m.id, m]));
  const unitIds = new Set(units.map((u) => u.id));
  const seen = new Set<string>();
  const out: Observation[] = [];
  // One array of month strings per fiscal year, shared by every row's observations: a copy per
  // row cost about 50 MB on a 175,000-row grid.
  const monthsByYear = new Map<number, string[]>();
  const monthsOf = (fy: number) => {
    let months = monthsByYear.get(fy);
    if (!months) monthsByYear.set(fy, (months = fiscalYearMonths(fy, settings.fyStartMonth)));
    return months;
  };
  table.rows.forEach((_, i) => {
    const measureId = cur.text(i, c.measure);
    const unitId = cur.text(i, c.unit);
    if (!measureId) return blankKey(cur, i, c.measure, MONTHLY_KEY_HEADERS.measure);
    if (!unitId) return blankKey(cur, i, c.unit, MONTHLY_KEY_HEADERS.unit);
    const measure = byId.get(measureId);
    if (!measure) return unknownKey(cur, i, c.measure, "measure", measureId, "Measures");
    if (!unitIds.has(unitId)) return unknownKey(cur, i, c.unit, "unit", unitId, "Units");
    const fy = cur.number(i, c.fiscalYear, {
      header: MONTHLY_KEY_HEADERS.fiscalYear,
      measure: measureId,
      unit: unitId,
    });
    if (fy === undefined || !Number.isInteger(fy) || fy < 1900 || fy > 2999) {
      return badYear(cur, i, c.fiscalYear, measureId, unitId);
    }
    const key = `${measureId}\u0000${unitId}\u0000${fy}`;
    if (seen.has(key))
      return duplicate(cur, i, c.measure, `measure ${measureId}, unit ${unitId}, fiscal year ${fy}`);
    seen.add(key);
    const target = readValue(cur, i, c.target, MONTHLY_KEY_HEADERS.target, measure, unitId, true);
    if (target !== undefined) {
      const o = observation(measureId, unitId, String(fy));
      o.target = target;
      o.source = cur.ref(i, c.target);
      out.push(o);
    }
    const months = monthsOf(fy);
    const cols: MonthColumn[] = monthCols.map((m) => ({
      series: m.series,
      col: m.col,
      period: months.find((p) => Number(p.slice(5)) === m.calendarMonth)!,
    }));
    out.push(...rowObservations(cur, i, cols, measure, unitId, settings.asOfMonth));
  });
  return out;
}

function rowObservations(
  cur: TableCursor,
  i: number,
  cols: MonthColumn[],
  measure: MeasureDef,
  unitId: string,
  asOfMonth: string | undefined,
): Observation[] {
  const byPeriod = new Map<string, Observation>();
  for (const mc of cols) {
    const header = cur.table.headers[mc.col];
    const v = readValue(cur, i, mc.col, header, measure, unitId, mc.series !== "Denominator", mc.period);
    if (v === undefined) {
      if (mc.series === "Actual" && asOfMonth && mc.period <= asOfMonth)
        missingActual(cur, i, mc.col, measure.id, unitId, mc.period);
      continue;
    }
    const obs = byPeriod.get(mc.period) ?? observation(measure.id, unitId, mc.period);
    if (mc.series === "Milestone") obs.milestone = v;
    else if (mc.series === "Denominator") obs.denominator = v;
    else {
      obs.actual = v;
      obs.source = cur.ref(i, mc.col);
    }
    byPeriod.set(mc.period, obs);
  }
  // A grid row holds its unit's whole fiscal year, as the Dashboard's formulas count it: a month
  // whose cells are all blank is a gap in the unit's results, not "not reporting yet". It
  // points at the month's actual, the cell to fill.
  for (const mc of cols) {
    if (mc.series === "Actual" && !byPeriod.has(mc.period)) {
      const gap = observation(measure.id, unitId, mc.period);
      gap.source = cur.ref(i, mc.col);
      byPeriod.set(mc.period, gap);
    }
  }
  const out = [...byPeriod.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
  for (const o of out) {
    if (!o.source) o.source = cur.ref(i, cols.find((c) => c.period === o.period)!.col);
  }
  return out;
}

/** A number checked against the measure's kind: counts are >= 0, rates within 0-100. */
function readValue(
  cur: TableCursor,
  i: number,
  col: number,
  header: string,
  measure: MeasureDef,
  unitId: string,
  inMeasureUnits: boolean,
  period?: string,
): number | undefined {
  if (col < 0) return undefined;
  const v = cur.number(i, col, { header, measure: measure.id, unit: unitId, period });
  if (v === undefined) return undefined;
  const countLike = !inMeasureUnits || measure.kind === "count";
  if (countLike && v < 0) {
    negative(cur, i, col, header, v, measure.id, unitId, period);
    return undefined;
  }
  if (inMeasureUnits && measure.kind === "rate" && (v < 0 || v > 100)) {
    cur.report(
      {
        severity: "error",
        code: "rate-out-of-range",
        measure: measure.id,
        unit: unitId,
        period,
        message: `${cur.table.sheetName}!${cur.ref(i, col).address} (${header}) is ${v}; a rate is a percentage from 0 to 100, so it was ignored.`,
        fix: "Type the rate as a percentage (80 for 80 %), not a fraction or a count.",
      },
      i,
      col,
    );
    return undefined;
  }
  return v;
}

function unknownKey(
  cur: TableCursor,
  i: number,
  col: number,
  what: "measure" | "unit",
  id: string,
  sheet: string,
): void {
  cur.report(
    {
      severity: "error",
      code: what === "measure" ? "unknown-measure" : "unknown-unit",
      message: `${cur.table.sheetName} row ${cur.ref(i, col).row} names ${what} "${id}", which is not on the ${sheet} sheet; the row was skipped.`,
      fix: `Add ${what} "${id}" to the ${sheet} sheet, or correct the ID in this row.`,
    },
    i,
    col,
  );
}

function badYear(cur: TableCursor, i: number, col: number, measure: string, unit: string): void {
  cur.report(
    {
      severity: "error",
      code: "bad-fiscal-year",
      measure,
      unit,
      message: `${cur.table.sheetName}!${cur.ref(i, col).address} needs a fiscal year such as 2027; the row was skipped.`,
      fix: "Type the fiscal year as a four-digit number (the calendar year in which it ends).",
    },
    i,
    col,
  );
}

function missingActual(
  cur: TableCursor,
  i: number,
  col: number,
  measure: string,
  unit: string,
  period: string,
): void {
  cur.report(
    {
      severity: "warning",
      code: "missing-actual",
      measure,
      unit,
      period,
      message: `No actual for ${measure} at ${unit} in ${period} (${cur.table.sheetName}!${cur.ref(i, col).address}), which is on or before the as-of month.`,
      fix: "Type the month's actual, or 0 if nothing happened; a blank counts as not reported.",
    },
    i,
    col,
  );
}

/**
 * Each month column the grid should have and does not ("Actual Jan" renamed or deleted) is a
 * finding on the header row naming it, with the headers Yardstick could not match (the renamed
 * one is usually among them): otherwise that month only shows up as many "no actual" warnings.
 */
function unmatchedMonthColumns(
  cur: TableCursor,
  found: { series: MonthlySeries; calendarMonth: number }[],
  fyStartMonth: number,
): void {
  const headers = cur.table.headers.map((h) => String(h ?? "").trim());
  const known = new Set<string>([...Object.values(MONTHLY_KEY_HEADERS), ...GRID_COMPUTED]);
  const unmatched = headers
    .map((h, col) => ({ h, col }))
    .filter(({ h }) => h !== "" && !known.has(h) && !parseMonthlyHeader(h));
  const named = unmatched.map(({ h, col }) => `"${h}" (${cur.ref(-1, col).address})`).join(", ");
  const labels = fiscalMonthLabels(fyStartMonth);
  for (const series of MONTHLY_SERIES) {
    // A grid without any Denominator columns is a grid of counts: only a gap inside a series counts.
    const have = new Set(found.filter((f) => f.series === series).map((f) => f.calendarMonth));
    if (have.size === 0 && series === "Denominator") continue;
    labels.forEach((label, j) => {
      const calendarMonth = ((fyStartMonth - 1 + j) % 12) + 1;
      if (have.has(calendarMonth)) return;
      const header = `${series} ${label}`;
      const near = unmatched.find(({ h }) => h.toLowerCase().includes(label.toLowerCase()));
      cur.report(
        {
          severity: "warning",
          code: "month-column-missing",
          message: `${cur.table.tableName} on sheet ${cur.table.sheetName} has no column "${header}", so that month's ${series.toLowerCase()}s were not read.${named ? ` Columns not matched: ${named}.` : ""}`,
          fix: `Rename the column that holds them to "${header}"${near ? ` (perhaps "${near.h}")` : ""}.`,
        },
        -1,
        near ? near.col : 0,
      );
    });
  }
}
