/**
 * The Dashboard: program status per measure (roll-ups, YTD, last year, forecast), the program
 * by month (the charts' data), unit status with a league table, and for the child-support
 * template the federal incentive score. Every number is a formula over Milestones & Actuals.
 */
import { gridCol, STATUS_LABELS } from "../gridFormulas";
import type { WorkbookInput } from "../input";
import { fiscalMonthLabels, parseA1, SHEETS, TABLES } from "../layout";
import type { ChartPlan, ConditionalFormatPlan, PlanRange, PlanTable, PlanValue, SheetPlan } from "../plan";
import { programMonth, type BlockRows, type RowsInPlace } from "../programFormulas";
import { actHeight, actOnSection } from "./actOn";
import { chartDataSheet } from "./chartData";
import { flagReviewHeight, flagReviewSection } from "./flagReview";
import { measureNumberFormat, type FormatRole } from "./formats";
import { colRange, computed, emptySheet, fx, heading } from "./common";
import { incentiveSection } from "./incentive";
import type { GridLayout } from "./monthly";
import { statusColors } from "./monthly";
import { unitSection } from "./units";
import { PROGRAM_COLUMNS, programCol, type ProgramColumn } from "./programColumns";
import { programFormat, programRowValues } from "./programRows";

export { PROGRAM_COLUMNS, programCol, type ProgramColumn };

/** First row of the report under the title rows: "Act on these" starts here. */
export const ACT_TOP = 5;

/** Header row of tblProgramStatus ("All measures"), under the "Act on these" list. */
export function programHeaderRow(measureCount: number): number {
  return ACT_TOP + actHeight(measureCount) + 2;
}

/** A section the report places from a given top row; it says where the next section may start. */
export interface DashboardSection {
  ranges: PlanRange[];
  tables: PlanTable[];
  conditionalFormats: ConditionalFormatPlan[];
  /** First free row after the section (leave a blank row or two). */
  nextRow: number;
  /** Native charts the section places on the Dashboard, with their series' cells on Chart data. */
  charts?: ChartPlan[];
  chartData?: PlanRange[];
}

/**
 * Sections other parts of Yardstick add to the report. `budget` is the slot for "Budget and
 * results" (docs/design.md, the Dashboard's item 4): it goes after the league table and
 * before the incentive score and charts, which move down by its height; it is called twice
 * (once to measure it), so it must be a pure function of its top row.
 */
export interface DashboardSlots {
  budget?: (top: number) => DashboardSection;
}

export interface DashboardLayout {
  /** Sheet row of each measure's program status row. */
  programRow: Map<string, number>;
  /** Block rows per measure. */
  block: Map<string, BlockRows & { firstRow: number }>;
  priorYears: number;
  /** First data row of tblIncentive, when the template has federal measures. */
  incentiveFirstRow?: number;
  /** "Act on these": first listed row, the "and N more" row, first helper row (one per measure). */
  act?: { firstItemRow: number; moreRow: number; helperFirstRow: number };
  /** "Flags awaiting review": the counts row and the first listed flag's row. */
  flags?: { countsRow: number; firstItemRow: number };
}

/** Prior fiscal years with grid rows, newest first. */
function priorYearsOf(grid: GridLayout, fy0: number): number {
  const years = new Set(grid.rows.map((r) => r.fiscalYear).filter((y) => y < fy0));
  return years.size;
}

/** The Dashboard and the hidden sheet its charts read. */
export function dashboardSheets(
  input: WorkbookInput,
  grid: GridLayout,
  slots: DashboardSlots = {},
): SheetPlan[] {
  const { sheet, chartData } = buildDashboard(input, grid, slots);
  return [sheet, chartData];
}

/** The sheet and where everything landed (the expectations need the positions). */
export function buildDashboard(
  input: WorkbookInput,
  grid: GridLayout,
  slots: DashboardSlots = {},
): { sheet: SheetPlan; layout: DashboardLayout; chartData: SheetPlan } {
  const sheet = emptySheet(
    SHEETS.dashboard,
    "Program and unit status, year-end forecasts, the league table and (child support) the federal incentive score.",
    "1B5E20",
  );
  const fy0 =
    Number(input.asOfMonth.slice(0, 4)) +
    (input.fyStartMonth > 1 && Number(input.asOfMonth.slice(5)) >= input.fyStartMonth ? 1 : 0);
  const H = priorYearsOf(grid, fy0);
  const measures = input.measures;
  const programHeader = programHeaderRow(measures.length);
  const firstProgram = programHeader + 1;
  const rowsPerMeasure = 3 + 2 * H;
  // The report reads top down: program status, unit status and league table, the incentive
  // score, then a chart per measure; the monthly series the formulas and charts need come
  // last, below the print area.
  const unitTop = firstProgram + Math.max(1, measures.length) + 1;
  const unitDry = unitSection(input, grid, unitTop, fy0);
  const dryLayout: DashboardLayout = {
    programRow: new Map(measures.map((m, i) => [m.id, firstProgram + i])),
    block: new Map(
      measures.map((m) => [m.id, { firstRow: 1, milestone: "", actual: "", weight: "", prior: [] }]),
    ),
    priorYears: H,
  };
  const flagsTop = slots.budget ? slots.budget(unitDry.nextRow).nextRow : unitDry.nextRow;
  const incentiveTop = flagsTop + flagReviewHeight() + 1;
  const incentiveDry = incentiveSection(measures, dryLayout, incentiveTop);
  const chartsTop = incentiveDry ? incentiveDry.totalRow + 3 : incentiveTop;
  // The program chart's band, then the measures' charts three to a band.
  const chartBands = (measures.length ? 1 : 0) + Math.ceil(measures.length / CHARTS_PER_BAND);
  const reportEnd = chartsTop + chartBands * CHART_BAND_ROWS;
  const blockHeader = reportEnd + 3;
  const actHelperTop = blockHeader + 1 + Math.max(1, measures.length) * rowsPerMeasure + 3;
  const flagsHelperTop = actHelperTop + Math.max(1, measures.length) + 3;
  const labels = fiscalMonthLabels(input.fyStartMonth);
  const layout: DashboardLayout = { programRow: new Map(), block: new Map(), priorYears: H };
  const blockValues: PlanValue[][] = [["Measure ID", "Series", ...labels, ...PLACE_HEADERS]];
  measures.forEach((m, i) => {
    const first = blockHeader + 1 + i * rowsPerMeasure;
    const row = (k: number) => `$C$${first + k}:$N$${first + k}`;
    // Each fiscal year's rows carry the units count and the fast-path flag in O and P.
    const placed = (fy: string, fyNo: number, k: number) => {
      const at = first + k;
      const cells = placeCells(grid, m.id, fy, fyNo, `$O$${at}`);
      const place: RowsInPlace | undefined = cells.span
        ? { units: `$O$${at}`, fast: `$P$${at}`, range: cells.span }
        : undefined;
      return { place, tail: [fx(cells.units), fx(cells.fast)] };
    };
    const rows: BlockRows & { firstRow: number } = {
      firstRow: first,
      milestone: row(0),
      actual: row(1),
      weight: row(2),
      prior: Array.from({ length: H }, (_, k) => ({ actual: row(3 + 2 * k), weight: row(4 + 2 * k) })),
    };
    layout.block.set(m.id, rows);
    const series = (fy: string, place: RowsInPlace | undefined) =>
      labels.map((_, j) => programMonth(grid, m, fy, j, place));
    const cur = placed("AsOfFY", fy0, 0);
    const now = series("AsOfFY", cur.place);
    blockValues.push([m.id, "Milestone", ...now.map((x) => fx(x.milestone)), ...cur.tail]);
    blockValues.push([m.id, "Actual", ...now.map((x) => fx(x.actual)), null, null]);
    blockValues.push([m.id, "Weight", ...now.map((x) => fx(x.weight)), null, null]);
    for (let k = 1; k <= H; k++) {
      const prev = placed(`AsOfFY-${k}`, fy0 - k, 1 + 2 * k);
      const past = series(`AsOfFY-${k}`, prev.place);
      blockValues.push([m.id, `Actual FY-${k}`, ...past.map((x) => fx(x.actual)), ...prev.tail]);
      blockValues.push([m.id, `Weight FY-${k}`, ...past.map((x) => fx(x.weight)), null, null]);
    }
    layout.programRow.set(m.id, firstProgram + i);
  });
  const programRows: PlanValue[][] = measures.length
    ? measures.map((m, i) => programRowValues(m, firstProgram + i, layout.block.get(m.id)!, grid))
    : [PROGRAM_COLUMNS.map(() => null)];
  sheet.ranges.push(
    ...heading(
      "Dashboard",
      "As of the month on the About sheet: what to act on, every measure, the offices, flags awaiting review. All live formulas.",
    ),
    { topLeft: "A3", values: [["As of", fx("AsOfMonth"), "Fiscal year", fx("AsOfFY")]], bold: true },
    {
      topLeft: `A${blockHeader - 1}`,
      values: [["Program by month (the charts' data)"]],
      bold: true,
      fontSize: 13,
    },
    { topLeft: `A${blockHeader}`, values: blockValues, numberFormat: "#,##0.0#" },
  );
  sheet.tables.push({
    name: TABLES.programStatus,
    topLeft: `A${programHeader}`,
    columns: PROGRAM_COLUMNS.map((h, i) =>
      computed(
        h,
        programFormat(h),
        i === 1 ? 36 : h === "Forecast label" ? 40 : PROGRAM_FORMAT_ROLE[h] === "level" ? 14 : 11,
      ),
    ),
    rows: programRows,
    cellFormats: measures.map((m) =>
      PROGRAM_COLUMNS.map((h) =>
        PROGRAM_FORMAT_ROLE[h] ? measureNumberFormat(m, PROGRAM_FORMAT_ROLE[h]) : null,
      ),
    ),
  });
  const lastProgram = firstProgram + programRows.length - 1;
  sheet.ranges.push({
    topLeft: `A${programHeader - 1}`,
    values: [["All measures: program status, year to date and year-end forecast"]],
    bold: true,
    fontSize: 13,
  });
  const act = actOnSection(measures, layout.programRow, ACT_TOP, actHelperTop);
  sheet.ranges.push(...act.ranges);
  sheet.conditionalFormats.push(...act.conditionalFormats);
  layout.act = { firstItemRow: act.firstItemRow, moreRow: act.moreRow, helperFirstRow: act.helperFirstRow };
  sheet.ranges.push(
    statusCounts(`$${programCol("Status")}$${firstProgram}:$${programCol("Status")}$${lastProgram}`),
  );
  sheet.conditionalFormats.push(
    { type: "expression", range: "G3", formula: "=G3>0", color: "good" },
    { type: "expression", range: "I3", formula: "=I3>0", color: "warn" },
    { type: "expression", range: "K3", formula: "=K3>0", color: "bad" },
  );
  sheet.conditionalFormats.push(
    ...statusColors(`${programCol("Status")}${firstProgram}:${programCol("Status")}${lastProgram}`),
  );
  const unit = unitSection(input, grid, unitTop, fy0);
  sheet.ranges.push(...unit.ranges);
  sheet.tables.push(...unit.tables);
  sheet.conditionalFormats.push(...unit.conditionalFormats);
  const budget = slots.budget?.(unit.nextRow);
  if (budget) {
    sheet.ranges.push(...budget.ranges);
    sheet.tables.push(...budget.tables);
    sheet.conditionalFormats.push(...budget.conditionalFormats);
    sheet.charts.push(...(budget.charts ?? []));
  }
  const flags = flagReviewSection(input.flags, input.units, flagsTop, flagsHelperTop);
  sheet.ranges.push(...flags.ranges);
  sheet.conditionalFormats.push(...flags.conditionalFormats);
  layout.flags = { countsRow: flags.countsRow, firstItemRow: flags.firstItemRow };
  const incentive = incentiveSection(input.measures, layout, incentiveTop);
  if (incentive) {
    layout.incentiveFirstRow = incentive.firstRow;
    sheet.ranges.push(...incentive.ranges);
    sheet.tables.push(incentive.table);
  }
  const chartData = chartDataSheet(measures, layout.block, input.fyStartMonth, layout.programRow);
  chartData.sheet.ranges.push(...(budget?.chartData ?? []));
  // The program chart (first, when there are measures) takes a band of its own, as wide as
  // the three slots; the measures' charts follow three to a band.
  const bandOf = (top: number) => `${top + CHART_BAND_ROWS - 2}`;
  chartData.charts.forEach((chart, i) => {
    if (i === 0 && measures.length) {
      const [from, to] = [CHART_SLOTS[0][0], CHART_SLOTS[CHARTS_PER_BAND - 1][1]];
      sheet.charts.push({ ...chart, anchor: `${from}${chartsTop}:${to}${bandOf(chartsTop)}` });
      return;
    }
    const k = measures.length ? i - 1 : i;
    const top = chartsTop + (1 + Math.floor(k / CHARTS_PER_BAND)) * CHART_BAND_ROWS;
    const [from, to] = CHART_SLOTS[k % CHARTS_PER_BAND];
    sheet.charts.push({ ...chart, anchor: `${from}${top}:${to}${bandOf(top)}` });
  });
  const lastColumn = programCol(PROGRAM_COLUMNS[PROGRAM_COLUMNS.length - 1]);
  sheet.print = {
    orientation: "landscape",
    fitToWidth: 1,
    area: `A1:${lastColumn}${reportEnd}`,
    titleRows: "1:3",
    // The briefing fills the first page; the charts start on the next rather than straddle it.
    breaksAfterRows: sheet.charts.length ? [chartsTop - 2] : [],
  };
  sameWidthPerColumn(sheet);
  sheet.freeze = { rows: 3, columns: 0 };
  sheet.columnWidths = { A: 16, B: 36 };
  sheet.rowHeights = { ...sheet.rowHeights, [unit.headerRow]: unit.headerHeight };
  return { sheet, layout, chartData: chartData.sheet };
}

const PLACE_HEADERS = ["Units", "Own rows in place, no bad cell"];

/** Program status columns whose numbers are in the measure's own unit. */
const PROGRAM_FORMAT_ROLE: Partial<Record<ProgramColumn, FormatRole>> = {
  "Period actual": "level",
  "Period plan": "level",
  Variance: "change",
  "YTD actual": "level",
  "YTD plan": "level",
  "YTD variance": "change",
  "Last year": "level",
  Change: "change",
  "Year-end forecast": "level",
  "Forecast target": "level",
};

/**
 * The program's measures by status, beside the as-of month in the title rows (so they head
 * every printed page): the first thing a manager reads. Counts over tblProgramStatus' Status.
 */
function statusCounts(statusRange: string): PlanRange {
  const count = (label: string) => fx(`COUNTIF(${statusRange},"${label}")`);
  const judged = [STATUS_LABELS["on-track"], STATUS_LABELS["at-risk"], STATUS_LABELS["off-track"]];
  const others = `COUNTA(${statusRange})-COUNTBLANK(${statusRange})-${judged.map((l) => `COUNTIF(${statusRange},"${l}")`).join("-")}`;
  return {
    topLeft: "F3",
    values: [[...judged.flatMap((label) => [label, count(label)]), "Not judged", fx(`MAX(0,${others})`)]],
    numberFormat: "General",
    bold: true,
  };
}

/** Charts sit three to a band under the report, each over a band of rows and these columns. */
const CHARTS_PER_BAND = 3;
const CHART_BAND_ROWS = 18;
const CHART_SLOTS: [string, string][] = [
  ["A", "B"],
  ["C", "I"],
  ["J", "P"],
];

/**
 * The cells that let a fiscal year's roll-ups read only the measure's own grid rows: the units
 * count, and TRUE while the rows Yardstick wrote for the measure and year are exactly those
 * rows (no sort moved them, no row was added elsewhere) and none has a bad cell.
 */
function placeCells(
  grid: GridLayout,
  measureId: string,
  fy: string,
  fyNo: number,
  unitsCell: string,
): { units: string; fast: string; span?: (column: string) => string } {
  const id = `"${measureId.replace(/"/g, '""')}"`;
  const units = `COUNTIFS(${grid.range("A")},${id},${grid.range("C")},${fy})`;
  const rows = grid.rows
    .map((g, i) => (g.measure === measureId && g.fiscalYear === fyNo ? grid.firstRow + i : -1))
    .filter((r) => r >= 0);
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first === undefined || last - first + 1 !== rows.length) return { units, fast: "FALSE()" };
  const span = (column: string) => colRange(SHEETS.monthly, column, first, last);
  // ROWS catches a row inserted inside the span, which stretches it without matching the measure.
  const fast = `IF(AND(ROWS(${span("A")})=${rows.length},${unitsCell}=${rows.length},COUNTIFS(${span("A")},${id},${span("C")},${fy})=${rows.length}),COUNTIF(${span(gridCol("Bad cells in year"))},">0")=0,FALSE())`;
  return { units, fast, span };
}

/**
 * Tables stacked on the Dashboard share its columns; the one written last would set each
 * column's width and cut off another's numbers ("###"). Every table takes the widest.
 */
function sameWidthPerColumn(sheet: SheetPlan): void {
  const widest = new Map<number, number>();
  const each = (visit: (column: number, c: PlanTable["columns"][number]) => void) =>
    sheet.tables.forEach((t) => {
      const origin = parseA1(t.topLeft).column;
      t.columns.forEach((c, j) => visit(origin + j, c));
    });
  each((column, c) => {
    if (c.width !== undefined) widest.set(column, Math.max(widest.get(column) ?? 0, c.width));
  });
  each((column, c) => {
    if (widest.has(column)) c.width = widest.get(column);
  });
}
