/**
 * The Dashboard: program status per measure (roll-ups, YTD, last year, forecast), the program
 * by month (the charts' data), unit status with a league table, and for the child-support
 * template the federal incentive score. Every number is a formula over Milestones & Actuals.
 */
import { BIG, forecastVerdict, gridCol, INF, NEG_INF, STATUS_LABELS } from "../gridFormulas";
import type { WorkbookInput } from "../input";
import { fiscalMonthLabels, SHEETS, TABLES } from "../layout";
import type { ChartPlan, ConditionalFormatPlan, PlanRange, PlanTable, PlanValue, SheetPlan } from "../plan";
import {
  boundsOf,
  programMonth,
  programStatus,
  ytdOf,
  type BlockRows,
  type RowsInPlace,
} from "../programFormulas";
import type { TemplateMeasure } from "../templates/types";
import { chartDataSheet } from "./chartData";
import { colRange, computed, emptySheet, fx, heading } from "./common";
import { incentiveSection } from "./incentive";
import type { GridLayout } from "./monthly";
import { statusColors } from "./monthly";
import { unitSection } from "./units";
import { PROGRAM_COLUMNS, programCol, type ProgramColumn } from "./programColumns";

export { PROGRAM_COLUMNS, programCol, type ProgramColumn };

export const PROGRAM_HEADER_ROW = 5;

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
  const firstProgram = PROGRAM_HEADER_ROW + 1;
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
  const incentiveTop = slots.budget ? slots.budget(unitDry.nextRow).nextRow : unitDry.nextRow;
  const incentiveDry = incentiveSection(measures, dryLayout, incentiveTop);
  const chartsTop = incentiveDry ? incentiveDry.totalRow + 3 : incentiveTop;
  const chartBands = Math.ceil(measures.length / CHARTS_PER_BAND);
  const reportEnd = chartsTop + chartBands * CHART_BAND_ROWS;
  const blockHeader = reportEnd + 3;
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
      "Program status per measure as of the month on the About sheet; unit status and league table below. All formulas.",
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
    topLeft: `A${PROGRAM_HEADER_ROW}`,
    columns: PROGRAM_COLUMNS.map((h, i) =>
      computed(h, programFormat(h), i === 1 ? 36 : h === "Forecast label" ? 40 : 11),
    ),
    rows: programRows,
  });
  const lastProgram = firstProgram + programRows.length - 1;
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
  const incentive = incentiveSection(input.measures, layout, incentiveTop);
  if (incentive) {
    layout.incentiveFirstRow = incentive.firstRow;
    sheet.ranges.push(...incentive.ranges);
    sheet.tables.push(incentive.table);
  }
  const chartData = chartDataSheet(measures, layout.block, input.fyStartMonth);
  chartData.sheet.ranges.push(...(budget?.chartData ?? []));
  chartData.charts.forEach((chart, i) => {
    const top = chartsTop + Math.floor(i / CHARTS_PER_BAND) * CHART_BAND_ROWS;
    const [from, to] = CHART_SLOTS[i % CHARTS_PER_BAND];
    sheet.charts.push({ ...chart, anchor: `${from}${top}:${to}${top + CHART_BAND_ROWS - 2}` });
  });
  const lastColumn = programCol(PROGRAM_COLUMNS[PROGRAM_COLUMNS.length - 1]);
  sheet.print = {
    orientation: "landscape",
    fitToWidth: 1,
    area: `A1:${lastColumn}${reportEnd}`,
    titleRows: "1:3",
  };
  sheet.freeze = { rows: 3, columns: 0 };
  sheet.columnWidths = { A: 16, B: 36 };
  return { sheet, layout, chartData: chartData.sheet };
}

const PLACE_HEADERS = ["Units", "Own rows in place, no bad cell"];

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

function programFormat(h: ProgramColumn): string | undefined {
  if (h.endsWith("%") || h.endsWith("attainment") || h === "Attainment") return "0.0%";
  if (["Units", "Units reporting"].includes(h)) return "0";
  if (
    ["Kind", "Direction", "Measure ID", "Measure", "Status", "Forecast method", "Forecast label"].includes(h)
  )
    return undefined;
  return "#,##0.0#";
}

function programRowValues(m: TemplateMeasure, r: number, b: BlockRows, grid: GridLayout): PlanValue[] {
  const c = (name: ProgramColumn) => `$${programCol(name)}${r}`;
  const bnd = boundsOf(m);
  const sgn = m.direction === "up" ? "1" : m.direction === "down" ? "-1" : "0";
  const id = `$A${r}`;
  const keys = `${grid.range("A")},${id},${grid.range("C")},AsOfFY`;
  const a = c("Period actual");
  const p = c("Period plan");
  const ya = c("YTD actual");
  const yp = c("YTD plan");
  const n = "AsOfN";
  const att = (x: string, y: string) =>
    `IF(OR(${x}="",${y}="",${c("Direction")}="band"),"",IF(${y}>0,1+${sgn}*(${x}-${y})/${y},""))`;
  const attRule = (x: string, y: string) =>
    `IF(OR(${x}="",${y}=""),"",IF(${y}>0,1+${sgn}*(${x}-${y})/${y},IF(${y}=0,IF(${sgn}*${x}=0,1,IF(${sgn}*${x}>0,${INF},${NEG_INF})),"")))`;
  const hasBand = m.lower !== undefined && m.upper !== undefined;
  const band = hasBand
    ? `IF(${a}="","",${m.upper! - m.lower! <= 0 ? `IF(MAX(0,${m.lower}-${a},${a}-${m.upper})=0,1,"")` : `1-MAX(0,${m.lower}-${a},${a}-${m.upper})/(${m.upper! - m.lower!})`})`
    : '""';
  const metric =
    m.direction === "band"
      ? hasBand
        ? `IF(${c("Band attainment")}<>"",${c("Band attainment")},IF(${a}="","",${NEG_INF}))`
        : '""'
      : m.kind === "rate"
        ? `IF(OR(${a}="",${p}=""),"",${sgn}*(${a}-${p}))`
        : bnd.additive
          ? attRule(ya, yp)
          : attRule(a, p);
  const earlier = [
    `IF(${n}>1,COUNTIFS(${b.actual},">=-${BIG}",MonthNo,"<"&${n}),0)`,
    ...b.prior.map((x) => `COUNT(${x.actual})`),
  ].join("+");
  const ytdGap =
    bnd.additive && m.direction !== "band"
      ? `COUNTIFS(${b.actual},">=-${BIG}",MonthNo,"<="&${n})<${n}`
      : "FALSE()";
  const fc = forecastCells(m, r, b, grid, c, keys);
  return [
    m.id,
    m.name,
    m.kind,
    m.direction,
    fx(`COUNTIFS(${keys})`),
    fx(`COUNTIFS(${keys},${grid.range("Period actual")},">=-${BIG}")`),
    fx(`INDEX(${b.actual},1,${n})`),
    fx(`INDEX(${b.milestone},1,${n})`),
    fx(`IF(OR(${a}="",${p}=""),"",${a}-${p})`),
    fx(`IF(OR(${a}="",${p}=""),"",IF(${p}=0,"",(${a}-${p})/${p}))`),
    fx(att(a, p)),
    fx(ytdOf(b.actual, b.weight, bnd.additive, n)),
    fx(ytdOf(b.milestone, b.weight, bnd.additive, n)),
    fx(`IF(OR(${ya}="",${yp}=""),"",${ya}-${yp})`),
    fx(`IF(OR(${ya}="",${yp}=""),"",IF(${yp}=0,"",(${ya}-${yp})/${yp}))`),
    fx(att(ya, yp)),
    b.prior.length ? fx(`INDEX(${b.prior[0].actual},1,${n})`) : fx('""'),
    fx(`IF(OR(${a}="",${c("Last year")}=""),"",${a}-${c("Last year")})`),
    fx(band),
    fx(metric),
    fx(
      programStatus({
        units: c("Units"),
        reporting: c("Units reporting"),
        // A count's or amount's reporting unit always carries weight 1 (its grid cell is left empty).
        weighted: bnd.additive
          ? c("Units reporting")
          : `COUNTIFS(${keys},${grid.range("Period weight")},">0")`,
        actual: a,
        metric: c("Status metric"),
        earlier,
        ytdGap,
        kind: c("Kind"),
        direction: c("Direction"),
      }),
    ),
    fx(fc.method),
    fx(fc.value),
    fx(fc.target),
    fx(fc.label),
  ];
}

/** Year-end forecast of the roll-up series (src/engine/forecast on the program series). */
function forecastCells(
  m: TemplateMeasure,
  r: number,
  b: BlockRows,
  grid: GridLayout,
  c: (n: ProgramColumn) => string,
  keys: string,
) {
  const bnd = boundsOf(m);
  const n = "AsOfN";
  const ya = c("YTD actual");
  const complete = (x: { actual: string }) => `(COUNT(${x.actual})=12)`;
  const level = (x: { actual: string; weight: string }, upTo: string) =>
    ytdOf(x.actual, x.weight, bnd.additive, upTo);
  const hy = b.prior.map((x) => `${complete(x)}*1`).join("+") || "0";
  const sumOf = (upTo: string) =>
    b.prior.map((x) => `IF(${complete(x)},${level(x, upTo)},0)`).join("+") || "0";
  const hw = `(${sumOf("12")})`;
  const hp = `(${sumOf(n)})`;
  const method = `IF(OR(${c("Units")}<2,${ya}=""),"",IF(OR(${n}>=12,AND(${hy}>0,${bnd.additive ? `${hp}>0` : "TRUE()"})),"seasonal run rate","run rate"))`;
  const seasonal = bnd.additive ? `${ya}*${hw}/${hp}` : `${ya}+(${hw}-${hp})/(${hy})`;
  const value = `IF(${c("Forecast method")}="","",IF(${n}>=12,${ya},IF(${c("Forecast method")}="run rate",${bnd.additive ? `${ya}*12/${n}` : ya},${seasonal})))`;
  const allTargets = `COUNTIFS(${keys},${grid.range("D")},">=${bnd.lo}",${grid.range("D")},"<=${bnd.hi}")=${c("Units")}`;
  const target = bnd.additive
    ? `IF(${allTargets},SUMIFS(${grid.range("D")},${keys}),IF(COUNT(${b.milestone})=12,SUM(${b.milestone}),""))`
    : `IF(ISNUMBER(INDEX(${b.milestone},1,12)),INDEX(${b.milestone},1,12),${c("Period plan")})`;
  const f = c("Year-end forecast");
  const t = c("Forecast target");
  const label = `IF(${c("Units")}<2,"",IF(${ya}="","no forecast: the year to date has gaps",${forecastVerdict(m, f, t, c("Forecast method"))}))`;
  void r;
  return { method, value, target, label };
}
