/**
 * The year-end forecast and history columns of a tblMonthly row, as formulas: the forecast
 * (src/engine/forecast) from this row's year to date and up to three earlier years' rows,
 * found through the "Row k years back" columns. Split from gridFormulas.ts, which assembles
 * every computed column of a row from these and its own status formulas.
 */
import { gridCol, type GridComputed, type GridMeasure, type ValueBounds } from "./gridColumns";

export interface ForecastParts {
  A: string;
  D: string;
  M: string;
  bounds: ValueBounds;
  usableCount: (range: string, when?: string) => string;
  badCells: (op: "<=" | "=", x: string) => string;
  keyRange: string;
  backRows: number[];
  m: GridMeasure;
}

/**
 * Year-end forecast (src/engine/forecast): seasonal run rate when a complete prior year exists
 * (totals: YTD x whole / part of the prior years; levels: YTD + mean lift from the as-of month
 * to year end), else run rate (totals: YTD x 12 / n; levels: the YTD level). History sums add
 * up to three earlier rows found through the "Row k years back" columns; only rows a later
 * year's row points back to compute the levels that history reads.
 */
type ForecastColumn =
  | "Complete year"
  | "Year level"
  | "Level to as-of month"
  | "History years"
  | "History whole"
  | "History part"
  | "Forecast method"
  | "Year-end forecast"
  | "Forecast target"
  | "Forecast label";

export function forecastFormulas(
  r: number,
  c: (n: GridComputed) => string,
  x: ForecastParts,
): Record<ForecastColumn, string> {
  const n = c("Months to date");
  const additive = x.bounds.additive;
  const upTo = `MonthNo,"<="&AsOfN`;
  const yearLevel = additive
    ? `SUM(${x.A})`
    : `IF(COUNTIF(${x.D},">0")=12,SUMPRODUCT(${x.A},${x.D})/SUM(${x.D}),SUM(${x.A})/12)`;
  const partLevel = additive
    ? `SUMIFS(${x.A},${upTo})`
    : `IF(COUNTIFS(${x.D},">0",${upTo})=AsOfN,SUMPRODUCT(${x.A},${x.D},--(MonthNo<=AsOfN))/SUMIFS(${x.D},${upTo}),SUMIFS(${x.A},${upTo})/AsOfN)`;
  const history = `${c("Complete year")}=1`;
  const at = (name: GridComputed, k: string) => `INDEX(${sameRows(x.keyRange, name)},${k})`;
  const sumBack = (f: (k: string) => string) => backSum(c, x.backRows, f);
  const ya = c("YTD actual");
  const hy = c("History years");
  const hw = c("History whole");
  const hp = c("History part");
  const method = c("Forecast method");
  const f = c("Year-end forecast");
  const t = c("Forecast target");
  const seasonal = additive ? `IF(${hp}>0,${ya}*(${hw}/${hp}),"")` : `${ya}+(${hw}-${hp})/${hy}`;
  const targetOk = x.bounds.min === undefined ? `ISNUMBER($D${r})` : `${x.usableCount(`$D${r}`)}=1`;
  const fromMilestones = additive
    ? `IF(${x.usableCount(x.M)}=12,SUM(${x.M}),"")`
    : `IF(${x.usableCount(x.M, `MonthNo,12`)}=1,INDEX(${x.M},1,12),${c("Period plan")})`;
  // With no earlier year's row, no history: the seasonal method only covers a finished year.
  const noHistory = x.backRows.every((k) => !(k > 0));
  return {
    // Twelve usable actuals and no unusable cell (errors and logicals do not count against a
    // finished year, as in the engine): settled by COUNT on a row with no bad cell at all.
    "Complete year": `IF(${c("Bad cells in year")}=0,IF(COUNT(${x.A})=12,1,0),IF(AND(${x.usableCount(x.A)}=12,${x.badCells("<=", "12")}=0),1,0))`,
    "Year level": `IF(${history},${yearLevel},"")`,
    "Level to as-of month": `IF(${history},${partLevel},"")`,
    "History years": sumBack((k) => at("Complete year", k)),
    "History whole": sumBack((k) => `IF(${at("Complete year", k)}=1,${at("Year level", k)},0)`),
    "History part": sumBack((k) => `IF(${at("Complete year", k)}=1,${at("Level to as-of month", k)},0)`),
    "Forecast method": `IF(OR(${n}=0,${ya}=""),"",IF(${noHistory ? `${n}>=12` : `OR(${n}>=12,AND(${hy}>0,${additive ? `${hp}>0` : "TRUE()"}))`},"seasonal run rate","run rate"))`,
    "Year-end forecast": noHistory
      ? `IF(${method}="","",${additive ? `IF(${n}>=12,${ya},${ya}*12/${n})` : ya})`
      : `IF(${method}="","",IF(${n}>=12,${ya},IF(${method}="run rate",${additive ? `${ya}*12/${n}` : ya},${seasonal})))`,
    "Forecast target": `IF(${targetOk},$D${r},${fromMilestones})`,
    "Forecast label": `IF(${n}=0,"",IF(${ya}="","no forecast: the year to date has gaps",${forecastVerdict(x.m, f, t, method)}))`,
  };
}

/**
 * The sentence for a year-end forecast `f` against its target `t`, naming the forecast method
 * in cell `method`: "likely" or "unlikely to meet target (...)" (a band measure: whether `f`
 * lies inside its band), or "no target to compare (...)". Shared by grid rows and the Dashboard.
 * A band measure has a target exactly when its edges exist, so only one branch is written.
 */
export function forecastVerdict(m: GridMeasure, f: string, t: string, method: string): string {
  const meets =
    m.direction === "band"
      ? `AND(ROUND(${f},9)>=${m.lower ?? 0},ROUND(${f},9)<=${m.upper ?? 0})`
      : m.direction === "down"
        ? `ROUND(${t}-${f},9)>=0`
        : `ROUND(${f}-${t},9)>=0`;
  const verdict = `IF(${meets},"likely","unlikely")&" to meet target ("&${method}&")"`;
  const noTarget = `"no target to compare ("&${method}&")"`;
  if (m.direction !== "band") return `IF(${t}<>"",${verdict},${noTarget})`;
  return m.lower !== undefined && m.upper !== undefined ? verdict : noTarget;
}

/** A range of another computed column over the same rows as the key range. */
export function sameRows(keyRange: string, name: GridComputed): string {
  return keyRange.split(gridCol("Key")).join(gridCol(name));
}

const BACK = ["Row 1 year back", "Row 2 years back", "Row 3 years back"] as const;

/** Position of the same measure and unit k years back: checked by key, MATCH only after a sort. */
export function backRowFormulas(
  r: number,
  backRows: number[],
  keyRange: string,
): Record<(typeof BACK)[number], string> {
  const out = {} as Record<(typeof BACK)[number], string>;
  const firstRow = Number(/\$(\d+):/.exec(keyRange)?.[1] ?? r);
  const own = r - firstRow + 1;
  BACK.forEach((name, i) => {
    const pos = backRows[i] ?? 0;
    const key = `$A${r}&"|"&$B${r}&"|"&($C${r}-${i + 1})`;
    // The position as this row's place plus a fixed step: the same formula on every row whose
    // earlier year sits the same distance below, so spreadsheets share one formula down the run.
    // After a sort the step can point past the table: IFERROR sends that to MATCH too.
    const step = pos - own - (firstRow - 1);
    const at = `(ROW()${step >= 0 ? "+" : ""}${step})`;
    out[name] =
      pos > 0
        ? `IF(IFERROR(INDEX(${keyRange},${at}),"")=${key},${at},IFERROR(MATCH(${key},${keyRange},0),0))`
        : "0";
  });
  return out;
}

/**
 * Sum of f(row) over the earlier rows that exist. A "Row k years back" column Yardstick wrote
 * as 0 (no such row) stays 0, so its term is left out; with no earlier row the sum is 0.
 */
export function backSum(
  c: (n: GridComputed) => string,
  backRows: number[],
  f: (k: string) => string,
): string {
  const terms = BACK.filter((_, i) => (backRows[i] ?? 0) > 0).map(
    (name) => `IF(${c(name)}>0,${f(c(name))},0)`,
  );
  return terms.length ? terms.join("+") : "0";
}
