/**
 * The live checks of one tblMonthly row, as classic Excel formulas over the same row
 * (relative A1 references, so sorting the table keeps every row right). Each formula
 * mirrors one definition of src/engine/checks (docs/checks.md):
 * - a point is unusable when any of its cells holds text, a negative count or a rate outside
 *   0-100 (the reader reports those as errors), and missing when its actual is blank;
 * - the period is the as-of month; counts and amounts are judged year to date, rates and
 *   ratios per period, bands by band attainment; thresholds compare ROUND(metric, 9).
 *
 * The formulas are written for the row's measure: its kind, direction and band edges are
 * built into the text, as on the Dashboard, so no row looks its measure up and each formula
 * carries only the branch its measure needs. Milestones, actuals, denominators, targets and
 * the as-of month stay live; changing a measure's kind, direction or band is a change of
 * plan that Yardstick rebuilds (the Measures sheet says so).
 *
 * Opening cost is what the recipient of an emailed workbook feels (bench/workbook), and in
 * LibreOffice it grows with the number of formula cells and of tokens in them (each cell's
 * token array is copied, compared and freed on load), more than with the work they do. So:
 * each row counts its bad cells over the whole year once (COUNTA, COUNT, COUNTIF) and the
 * exact per-month counts run only on rows that have one; cells a row's measure makes constant
 * are left empty; a value read once is computed where it is read. Names used: AsOfFY, AsOfN,
 * MonthNo, MonthNoMA, MonthNoAll (see monthNoNames in sheets/monthly.ts and sheets/reference.ts).
 */
import {
  BIG,
  GRID,
  GRID_COMPUTED,
  gridCol,
  INF,
  NEG_INF,
  valueBounds,
  type GridComputed,
  type GridMeasure,
  type ValueBounds,
} from "./gridColumns";
import { columnLetter } from "./layout";
import { backRowFormulas, backSum, forecastFormulas, sameRows } from "./gridForecast";

export { BIG, GRID, GRID_COMPUTED, gridCol, INF, NEG_INF, valueBounds } from "./gridColumns";
export type { GridComputed, GridMeasure, ValueBounds } from "./gridColumns";
export { forecastVerdict } from "./gridForecast";

function block(start: number, r: number, months = 12): string {
  return `$${columnLetter(start)}${r}:$${columnLetter(start + months - 1)}${r}`;
}

/** ROUND(x, 9) as the status rules compare; the +/- 10^300 stand-ins pass through unrounded. */
export function roundRule(x: string): string {
  return `IF(ABS(${x})>=10^15,${x},ROUND(${x},9))`;
}

/** Engine status -> the words a manager sees in the Status column. */
export const STATUS_LABELS = {
  "on-track": "On track",
  "at-risk": "At risk",
  "off-track": "Off track",
  "no-data": "No data yet",
  stale: "Stale",
  "insufficient-data": "Insufficient data",
} as const;

/** Shown in a grid row whose measure is not on the Measures sheet. */
export const UNKNOWN_MEASURE = "Unknown measure: add it to the Measures sheet";

/** COUNTIFS criteria text for a usable number. Example: rate -> [">=0", "<=100"]. */
function usableCriteria(b: ValueBounds): string[] {
  if (b.min === undefined && b.max === undefined) return [`>=-${BIG}`];
  return [...(b.min !== undefined ? [`>=${b.min}`] : []), ...(b.max !== undefined ? [`<=${b.max}`] : [])];
}

/**
 * Formulas of every computed column for the grid row at sheet row `r` of measure `m`
 * (undefined: the measure is not on the Measures sheet). `backRows[k-1]` is the 1-based
 * position within tblMonthly of the same measure and unit k fiscal years earlier when
 * Yardstick wrote it (0 when there is none); after a sort the key check falls back to MATCH.
 * History reaches back three years (enough for seasonal forecasts); rows read other rows only
 * through columns that never read back themselves, so there is no circular reference. A row
 * no later year's row points back to (`readByLaterYears` false) leaves its history columns
 * (Actuals in year, Complete year, Year level, Level to as-of month) empty: nothing reads them.
 */
export function gridRowFormulas(
  r: number,
  backRows: number[],
  keyRange: string,
  m: GridMeasure | undefined,
  readByLaterYears = true,
): Record<GridComputed, string> {
  const c = (n: GridComputed) => `$${gridCol(n)}${r}`;
  const common = {
    // MEDIAN of 0, 12 and x is x clamped to 0..12.
    "Months to date": `MEDIAN(0,12,(AsOfFY-$C${r})*12+AsOfN)`,
    Key: `$A${r}&"|"&$B${r}&"|"&$C${r}`,
    ...backRowFormulas(r, backRows, keyRange),
  };
  if (!m) {
    const blank = Object.fromEntries(GRID_COMPUTED.map((n) => [n, '""'])) as Record<GridComputed, string>;
    return { ...blank, ...common, Status: `"${UNKNOWN_MEASURE}"` };
  }
  const b = valueBounds(m.kind);
  const A = block(GRID.actual, r);
  const M = block(GRID.milestone, r);
  const D = block(GRID.denominator, r);
  const MA = block(GRID.milestone, r, 24);
  const MAD = block(GRID.milestone, r, 36);
  const n = c("Months to date");
  const bad = c("Bad cells in year");
  const crit = (range: string) =>
    usableCriteria(b)
      .map((x) => `${range},"${x}"`)
      .join(",");
  const usableCount = (range: string, when?: string) =>
    `COUNTIFS(${[crit(range), when].filter(Boolean).join(",")})`;
  // The cell of a block in month k.
  const at = (range: string, k: string) => `INDEX(${range},1,${k})`;
  // Bad cells (text, out-of-range milestones or actuals, negative denominators) in months op x;
  // a kind whose values cannot be negative counts its negatives and its denominators' together.
  const badCells = (op: "<=" | "=", x: string) =>
    [
      `SUMPRODUCT(ISTEXT(${MAD})*(MonthNoAll${op}${x}))`,
      ...(b.min === 0
        ? [`COUNTIFS(${MAD},"<0",MonthNoAll,"${op}"&${x})`]
        : [`COUNTIFS(${D},"<0",MonthNo,"${op}"&${x})`]),
      ...(b.max !== undefined ? [`COUNTIFS(${MA},">${b.max}",MonthNoMA,"${op}"&${x})`] : []),
    ].join("+");
  const toDate = `MonthNo,"<="&${n}`;
  const a = c("Period actual");
  const p = c("Period plan");
  const ya = c("YTD actual");
  const yp = c("YTD plan");
  const level = (range: string) =>
    `IF(${c("Denominators to date")}=${n},SUMPRODUCT(${range},${D},--(MonthNo<=${n}))/SUMIFS(${D},${toDate}),SUMIFS(${range},${toDate})/${n})`;
  // A total to date needs no IFERROR: its gate has already found every month to date usable.
  const ytd = (range: string) => (b.additive ? `SUMIFS(${range},${toDate})` : `IFERROR(${level(range)},"")`);
  const diff = (x: string, y: string) => `IF(OR(${x}="",${y}=""),"",${x}-${y})`;
  // Relative variance and attainment from the variance cell v = x - y (blank when x or y is).
  const rel = (v: string, y: string) => `IF(OR(${v}="",${y}=0),"",${v}/${y})`;
  const band = m.direction === "band";
  const sign = m.direction === "down" ? -1 : 1;
  const att = (v: string, y: string) =>
    band ? '""' : `IF(${v}="","",IF(${y}>0,1${sign > 0 ? "+" : "-"}${v}/${y},""))`;
  // A bad cell in the period's month: counted only on a row that has one (IF, unlike OR, leaves
  // its other branch uncomputed).
  const badInPeriod = `IF(${bad}=0,FALSE(),${badCells("=", n)}>0)`;
  // A usable actual before this month, or in an earlier year's row: "Stale" rather than "No data yet".
  const earlierSum = backSum(c, backRows, (k) => `INDEX(${sameRows(keyRange, "Actuals in year")},${k})`);
  const earlier = `${usableCount(A, `MonthNo,"<"&${n}`)}${earlierSum === "0" ? "" : `+${earlierSum}`}>0`;
  return {
    ...common,
    // Text, error and logical cells (COUNTA counts them, COUNT does not) and out-of-range numbers.
    "Bad cells in year": [
      `COUNTA(${MAD})-COUNT(${MAD})`,
      b.min === 0 ? `COUNTIF(${MAD},"<0")` : `COUNTIF(${D},"<0")`,
      ...(b.max !== undefined ? [`COUNTIF(${MA},">${b.max}")`] : []),
    ].join("+"),
    // Only a rate's or ratio's year to date and period weight read their denominators.
    "Denominators to date": b.additive ? '""' : `COUNTIFS(${D},">0",${toDate})`,
    "Actuals in year": `IF(${bad}=0,COUNT(${A}),${usableCount(A)})`,
    // With no bad cell in the period, the period's actual is blank or usable.
    "Period actual": `IF(OR(${n}=0,${badInPeriod}),"",IF(ISNUMBER(${at(A, n)}),${at(A, n)},""))`,
    "Period plan":
      b.min === undefined
        ? `IF(${n}=0,"",IF(ISNUMBER(${at(M, n)}),${at(M, n)},""))`
        : `IF(${n}=0,"",IF(${usableCount(M, `MonthNo,${n}`)}=1,${at(M, n)},""))`,
    Variance: diff(a, p),
    "Variance %": rel(c("Variance"), p),
    Attainment: att(c("Variance"), p),
    // Blank unless every month to date has a usable actual and no bad cell (counted only on a
    // row that has one: IF, unlike OR, leaves its other branch uncomputed).
    "YTD actual": `IF(OR(${n}=0,${usableCount(A, toDate)}<${n},IF(${bad}=0,FALSE(),${badCells("<=", n)}>0)),"",${ytd(A)})`,
    "YTD plan": `IF(OR(${n}=0,${usableCount(M, toDate)}<${n}),"",${ytd(M)})`,
    "YTD variance": diff(ya, yp),
    "YTD variance %": rel(c("YTD variance"), yp),
    "YTD attainment": att(c("YTD variance"), yp),
    "Band attainment": bandAttainment(m, a),
    "Status metric": statusMetric(m, b, c),
    Status: statusFormula(r, c, m, earlier, badInPeriod),
    "Period weight": b.additive
      ? '""'
      : `IF(${a}="","",IF(ISNUMBER(${at(D, n)}),IF(${at(D, n)}>0,${at(D, n)},""),""))`,
    ...forecastFormulas(r, c, { A, D, M, bounds: b, usableCount, badCells, keyRange, backRows, m }),
    ...(readByLaterYears ? {} : HISTORY_UNREAD),
  };
}

/** The columns only later years' rows read, left empty on a row none reads. */
const HISTORY_UNREAD = {
  "Actuals in year": '""',
  "Complete year": '""',
  "Year level": '""',
  "Level to as-of month": '""',
} as const;

function bandAttainment(m: GridMeasure, a: string): string {
  if (m.direction !== "band" || m.lower === undefined || m.upper === undefined) return '""';
  const gap = `MAX(0,${m.lower}-${a},${a}-${m.upper})`;
  const width = m.upper - m.lower;
  return width <= 0 ? `IF(${a}="","",IF(${gap}=0,1,""))` : `IF(${a}="","",1-${gap}/${width})`;
}

/** The metric the status thresholds compare, already rounded to 9 places as the engine rounds it. */
function statusMetric(m: GridMeasure, b: ValueBounds, c: (n: GridComputed) => string): string {
  const a = c("Period actual");
  const p = c("Period plan");
  if (m.direction === "band") {
    if (m.lower === undefined || m.upper === undefined) return '""';
    const ba = c("Band attainment");
    return `IF(${ba}<>"",ROUND(${ba},9),IF(${a}="","",${NEG_INF}))`;
  }
  const sign = m.direction === "down" ? -1 : 1;
  if (m.kind === "rate") return `IF(OR(${a}="",${p}=""),"",ROUND(${sign > 0 ? `${a}-${p}` : `${p}-${a}`},9))`;
  const [att, x, y] = b.additive
    ? [c("YTD attainment"), c("YTD actual"), c("YTD plan")]
    : [c("Attainment"), a, p];
  // Against a zero plan: 1 when the actual is 0 too, else +/- "infinite" (10^300) by its sign.
  if (b.min !== 0) {
    const infinite = `${sign > 0 ? "" : "-"}SIGN(${x})*${INF}`;
    return `IF(OR(${x}="",${y}=""),"",IF(${y}>0,ROUND(${att},9),IF(${y}=0,IF(${x}=0,1,${infinite}),"")))`;
  }
  // Values that cannot be negative: the attainment exists exactly when both exist and the plan
  // is above 0, so what is left with both present is a zero plan, and the actual's sign is +.
  return `IF(${att}<>"",ROUND(${att},9),IF(OR(${x}="",${y}=""),"",IF(${x}=0,1,${sign > 0 ? INF : NEG_INF})))`;
}

function statusFormula(
  r: number,
  c: (n: GridComputed) => string,
  m: GridMeasure,
  earlier: string,
  badInPeriod: string,
): string {
  const band = m.direction === "band";
  const metric = c("Status metric");
  const [on, risk] = band ? [1, 0.5] : m.kind === "rate" ? [-2, -5] : [0.95, 0.85];
  // A bad cell in the period blanks the period's actual, so it is looked for only on a blank one.
  // No metric: insufficient data. For counts and amounts that includes a gap or a bad cell in
  // the year to date, which blanks the YTD actual the metric is computed from.
  return [
    `IF(OR($A${r}="",${c("Months to date")}=0),"",`,
    `IF(${c("Period actual")}="",IF(${badInPeriod},"${STATUS_LABELS["insufficient-data"]}",IF(${earlier},"${STATUS_LABELS.stale}","${STATUS_LABELS["no-data"]}")),`,
    `IF(${metric}="","${STATUS_LABELS["insufficient-data"]}",`,
    `IF(${metric}>=${on},"${STATUS_LABELS["on-track"]}",IF(${metric}>=${risk},"${STATUS_LABELS["at-risk"]}","${STATUS_LABELS["off-track"]}")))))`,
  ].join("");
}
