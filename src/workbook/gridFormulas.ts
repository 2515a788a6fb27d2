/**
 * The live checks of one tblMonthly row, as classic Excel formulas over the same row
 * (relative A1 references, so sorting the table keeps every row right). Each formula
 * mirrors one definition of src/engine/checks (docs/checks.md):
 * - a point is unusable when any of its cells holds text, a negative count or a rate outside
 *   0-100 (the reader reports those as errors), and missing when its actual is blank;
 * - the period is the as-of month; counts and amounts are judged year to date, rates and
 *   ratios per period, bands by band attainment; thresholds compare ROUND(metric, 9).
 * Names used: AsOfFY, AsOfN, MonthNo, MeasureIds, MeasureKinds, MeasureDirections,
 * MeasureLowers, MeasureUppers (see names.ts).
 */
import { columnLetter } from "./layout";

/** Where the data blocks of tblMonthly sit (1-based columns). */
export const GRID = {
  measure: 1,
  unit: 2,
  fiscalYear: 3,
  target: 4,
  milestone: 5,
  actual: 17,
  denominator: 29,
  firstComputed: 41,
} as const;

/** Criteria text matching every number (inside COUNTIFS criteria strings only). */
export const BIG = "1E+300";
/** Numeric stand-ins for the engine's +/- Infinity (attainment against a zero plan); unary minus binds before ^. */
export const INF = "(10^300)";
export const NEG_INF = "(-(10^300))";

/** The computed columns of tblMonthly, in order. */
export const GRID_COMPUTED = [
  "Kind",
  "Direction",
  "Sign",
  "Additive",
  "Band lower",
  "Band upper",
  "Months to date",
  "Lowest allowed",
  "Highest allowed",
  "Actuals to date",
  "Milestones to date",
  "Denominators to date",
  "Unusable cells to date",
  "Unusable cells in period",
  "Key",
  "Row 1 year back",
  "Row 2 years back",
  "Row 3 years back",
  "Actuals in year",
  "Earlier actual",
  "Period actual",
  "Period plan",
  "Variance",
  "Variance %",
  "Attainment",
  "YTD actual",
  "YTD plan",
  "YTD variance",
  "YTD variance %",
  "YTD attainment",
  "Band attainment",
  "Status metric",
  "Status",
  "Period weight",
  "Weighted actual",
  "Weighted plan",
  "YTD weight",
  "YTD weighted actual",
  "Complete year",
  "Year level",
  "Level to as-of month",
  "History years",
  "History whole",
  "History part",
  "Forecast method",
  "Year-end forecast",
  "Forecast target",
  "Forecast label",
] as const;
export type GridComputed = (typeof GRID_COMPUTED)[number];

/** Column letter of a computed grid column. Example: `gridCol("Status")`. */
export function gridCol(name: GridComputed): string {
  return columnLetter(GRID.firstComputed + GRID_COMPUTED.indexOf(name));
}

function block(start: number, r: number): string {
  return `$${columnLetter(start)}${r}:$${columnLetter(start + 11)}${r}`;
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

/**
 * Formulas of every computed column for the grid row at sheet row `r`. `backRows[k-1]` is the
 * 1-based position within tblMonthly of the same measure and unit k fiscal years earlier when
 * Yardstick wrote it (0 when there is none); after a sort the key check falls back to MATCH.
 * History reaches back three years (enough for seasonal forecasts); rows read other rows only
 * through columns that never read back themselves, so there is no circular reference.
 */
export function gridRowFormulas(
  r: number,
  backRows: number[],
  keyRange: string,
): Record<GridComputed, string> {
  const c = (n: GridComputed) => `$${gridCol(n)}${r}`;
  const M = block(GRID.milestone, r);
  const A = block(GRID.actual, r);
  const D = block(GRID.denominator, r);
  const kind = c("Kind");
  const dir = c("Direction");
  const n = c("Months to date");
  const lo = c("Lowest allowed");
  const hi = c("Highest allowed");
  const sgn = c("Sign");
  const additive = c("Additive");
  const toDate = `MonthNo,"<="&${n}`;
  const inPeriod = `MonthNo,${n}`;
  const ok = (range: string, when: string) => `COUNTIFS(${range},">="&${lo},${range},"<="&${hi},${when})`;
  // Text anywhere in the three blocks, milestones or actuals out of range, negative denominators.
  // Text is counted with ISTEXT: LibreOffice's COUNTIFS(range,"*") also matches numbers.
  const MA = `$${columnLetter(GRID.milestone)}${r}:$${columnLetter(GRID.actual + 11)}${r}`;
  const MAD = `$${columnLetter(GRID.milestone)}${r}:$${columnLetter(GRID.denominator + 11)}${r}`;
  const unusable = (op: string, value: string) =>
    [
      `SUMPRODUCT(ISTEXT(${MAD})*(MonthNoAll${op}${value}))`,
      `COUNTIFS(${MA},"<"&${lo},MonthNoMA,"${op}"&${value})`,
      `COUNTIFS(${MA},">"&${hi},MonthNoMA,"${op}"&${value})`,
      `COUNTIFS(${D},"<0",MonthNo,"${op}"&${value})`,
    ].join("+");
  const lookup = (list: string) => {
    const hit = `INDEX(${list},MATCH($A${r},MeasureIds,0))`;
    return `IFERROR(IF(${hit}="","",${hit}),"")`;
  };
  const a = c("Period actual");
  const p = c("Period plan");
  const ya = c("YTD actual");
  const yp = c("YTD plan");
  const lower = c("Band lower");
  const upper = c("Band upper");
  const attRule = (att: string, x: string, y: string) =>
    `IF(OR(${x}="",${y}=""),"",IF(${y}>0,${att},IF(${y}=0,IF(${sgn}*${x}=0,1,IF(${sgn}*${x}>0,${INF},${NEG_INF})),"")))`;
  const level = (range: string) =>
    `IF(${c("Denominators to date")}=${n},SUMPRODUCT(${range},${D},--(MonthNo<=${n}))/SUMIFS(${D},${toDate}),SUMIFS(${range},${toDate})/${n})`;
  const rel = (x: string, y: string) => `IF(OR(${x}="",${y}=""),"",IF(${y}=0,"",(${x}-${y})/${y}))`;
  const diff = (x: string, y: string) => `IF(OR(${x}="",${y}=""),"",${x}-${y})`;
  return {
    Kind: lookup("MeasureKinds"),
    Direction: lookup("MeasureDirections"),
    Sign: `IF(${dir}="up",1,IF(${dir}="down",-1,0))`,
    Additive: `OR(${kind}="count",${kind}="amount")`,
    "Band lower": lookup("MeasureLowers"),
    "Band upper": lookup("MeasureUppers"),
    "Months to date": `MAX(0,MIN(12,(AsOfFY-$C${r})*12+AsOfN))`,
    "Lowest allowed": `IF(OR(${kind}="count",${kind}="rate"),"0","-${BIG}")`,
    "Highest allowed": `IF(${kind}="rate","100","${BIG}")`,
    "Actuals to date": `IF(${n}=0,0,${ok(A, toDate)})`,
    "Milestones to date": `IF(${n}=0,0,${ok(M, toDate)})`,
    "Denominators to date": `IF(${n}=0,0,COUNTIFS(${D},">0",${toDate}))`,
    "Unusable cells to date": `IF(${n}=0,0,${unusable("<=", n)})`,
    "Unusable cells in period": `IF(${n}=0,0,${unusable("=", n)})`,
    Key: `$A${r}&"|"&$B${r}&"|"&$C${r}`,
    ...backRowFormulas(r, backRows, keyRange),
    "Actuals in year": ok(A, `MonthNo,"<=12"`),
    "Earlier actual": `IF(AND(${n}>1,${ok(A, `MonthNo,"<"&${n}`)}>0),1,IF(${backSum(c, keyRange, (k) => `INDEX(${sameRows(keyRange, "Actuals in year")},${k})`)}>0,1,0))`,
    "Period actual": `IF(OR(${n}=0,${c("Unusable cells in period")}>0),"",IF(${ok(A, inPeriod)}=1,INDEX(${A},1,${n}),""))`,
    "Period plan": `IF(${n}=0,"",IF(${ok(M, inPeriod)}=1,INDEX(${M},1,${n}),""))`,
    Variance: diff(a, p),
    "Variance %": rel(a, p),
    Attainment: `IF(OR(${a}="",${p}="",${dir}="band"),"",IF(${p}>0,1+${sgn}*(${a}-${p})/${p},""))`,
    "YTD actual": `IF(OR(${n}=0,${c("Actuals to date")}<${n},${c("Unusable cells to date")}>0),"",IFERROR(IF(${additive},SUMIFS(${A},${toDate}),${level(A)}),""))`,
    "YTD plan": `IF(OR(${n}=0,${c("Milestones to date")}<${n}),"",IFERROR(IF(${additive},SUMIFS(${M},${toDate}),${level(M)}),""))`,
    "YTD variance": diff(ya, yp),
    "YTD variance %": rel(ya, yp),
    "YTD attainment": `IF(OR(${ya}="",${yp}="",${dir}="band"),"",IF(${yp}>0,1+${sgn}*(${ya}-${yp})/${yp},""))`,
    "Band attainment": `IF(OR(${a}="",${lower}="",${upper}=""),"",IF(${upper}-${lower}<=0,IF(MAX(0,${lower}-${a},${a}-${upper})=0,1,""),1-MAX(0,${lower}-${a},${a}-${upper})/(${upper}-${lower})))`,
    "Status metric": `IF(${dir}="band",IF(${c("Band attainment")}<>"",${c("Band attainment")},IF(OR(${a}="",${lower}="",${upper}=""),"",${NEG_INF})),IF(${kind}="rate",IF(OR(${a}="",${p}=""),"",${sgn}*(${a}-${p})),IF(${additive},${attRule(c("YTD attainment"), ya, yp)},${attRule(c("Attainment"), a, p)})))`,
    Status: statusFormula(r, c, additive),
    "Period weight": `IF(${a}="","",IF(${additive},1,IF(AND(ISNUMBER(INDEX(${D},1,${n})),INDEX(${D},1,${n})>0),INDEX(${D},1,${n}),"")))`,
    "Weighted actual": `IF(OR(${a}="",${c("Period weight")}=""),"",${a}*${c("Period weight")})`,
    "Weighted plan": `IF(OR(${p}="",${c("Period weight")}=""),"",${p}*${c("Period weight")})`,
    "YTD weight": `IF(OR(${ya}="",${c("Denominators to date")}<${n}),"",IF(${additive},${n},SUMIFS(${D},${toDate})))`,
    "YTD weighted actual": `IF(${c("YTD weight")}="","",IF(${additive},${ya},SUMPRODUCT(${A},${D},--(MonthNo<=${n}))))`,
    ...forecastFormulas(r, c, { A, D, M, additive, ok, unusable, keyRange }),
  };
}

interface ForecastParts {
  A: string;
  D: string;
  M: string;
  additive: string;
  ok: (range: string, when: string) => string;
  unusable: (op: string, value: string) => string;
  keyRange: string;
}

/**
 * Year-end forecast (src/engine/forecast): seasonal run rate when a complete prior year exists
 * (totals: YTD x whole / part of the prior years; levels: YTD + mean lift from the as-of month
 * to year end), else run rate (totals: YTD x 12 / n; levels: the YTD level). History sums add
 * up to three earlier rows found through the "Row k years back" columns.
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

function forecastFormulas(
  r: number,
  c: (n: GridComputed) => string,
  x: ForecastParts,
): Record<ForecastColumn, string> {
  const n = c("Months to date");
  const all = `MonthNo,"<=12"`;
  const upTo = `MonthNo,"<="&AsOfN`;
  const lvl = (range: string, when: string, count: string, mask: string) =>
    `IF(${x.additive},SUMIFS(${range},${when}),IF(COUNTIFS(${x.D},">0",${when})=${count},SUMPRODUCT(${range},${x.D},--(${mask}))/SUMIFS(${x.D},${when}),SUMIFS(${range},${when})/${count}))`;
  const at = (name: GridComputed, k: string) => `INDEX(${sameRows(x.keyRange, name)},${k})`;
  const sumBack = (f: (k: string) => string) => backSum(c, x.keyRange, f);
  const ya = c("YTD actual");
  const hy = c("History years");
  const hw = c("History whole");
  const hp = c("History part");
  const method = c("Forecast method");
  const f = c("Year-end forecast");
  const t = c("Forecast target");
  const dir = c("Direction");
  const seasonal = `IF(${x.additive},IF(${hp}>0,${ya}*(${hw}/${hp}),""),${ya}+(${hw}-${hp})/${hy})`;
  const lower = c("Band lower");
  const upper = c("Band upper");
  const meets = `IF(${dir}="band",AND(ROUND(${f},9)>=${lower},ROUND(${f},9)<=${upper}),IF(${dir}="down",ROUND(${t}-${f},9)>=0,ROUND(${f}-${t},9)>=0))`;
  const hasTarget = `IF(${dir}="band",AND(ISNUMBER(${lower}),ISNUMBER(${upper})),${t}<>"")`;
  return {
    "Complete year": `IF(AND(${x.ok(x.A, all)}=12,${x.unusable("<=", "12")}=0),1,0)`,
    "Year level": `IF(${c("Complete year")}=1,${lvl(x.A, all, "12", "MonthNo<=12")},"")`,
    "Level to as-of month": `IF(${c("Complete year")}=1,${lvl(x.A, upTo, "AsOfN", "MonthNo<=AsOfN")},"")`,
    "History years": sumBack((k) => at("Complete year", k)),
    "History whole": sumBack((k) => `IF(${at("Complete year", k)}=1,${at("Year level", k)},0)`),
    "History part": sumBack((k) => `IF(${at("Complete year", k)}=1,${at("Level to as-of month", k)},0)`),
    "Forecast method": `IF(OR(${n}=0,${ya}=""),"",IF(OR(${n}>=12,AND(${hy}>0,OR(NOT(${x.additive}),${hp}>0))),"seasonal run rate","run rate"))`,
    "Year-end forecast": `IF(${method}="","",IF(${n}>=12,${ya},IF(${method}="run rate",IF(${x.additive},${ya}*12/${n},${ya}),${seasonal})))`,
    "Forecast target": `IF(COUNTIFS($D${r},">="&${c("Lowest allowed")},$D${r},"<="&${c("Highest allowed")})=1,$D${r},IF(${x.additive},IF(${x.ok(x.M, all)}=12,SUMIFS(${x.M},${all}),""),IF(${x.ok(x.M, `MonthNo,12`)}=1,INDEX(${x.M},1,12),IF(${c("Period plan")}="","",${c("Period plan")}))))`,
    "Forecast label": `IF(${n}=0,"",IF(${ya}="","no forecast: the year to date has gaps",IF(${hasTarget},IF(${meets},"likely","unlikely")&" to meet target ("&${method}&")","no target to compare ("&${method}&")")))`,
  };
}

/** A range of another computed column over the same rows as the key range. */
function sameRows(keyRange: string, name: GridComputed): string {
  return keyRange.split(gridCol("Key")).join(gridCol(name));
}

const BACK = ["Row 1 year back", "Row 2 years back", "Row 3 years back"] as const;

/** Position of the same measure and unit k years back: checked by key, MATCH only after a sort. */
function backRowFormulas(
  r: number,
  backRows: number[],
  keyRange: string,
): Record<(typeof BACK)[number], string> {
  const out = {} as Record<(typeof BACK)[number], string>;
  BACK.forEach((name, i) => {
    const pos = backRows[i] ?? 0;
    const key = `$A${r}&"|"&$B${r}&"|"&($C${r}-${i + 1})`;
    out[name] =
      pos > 0 ? `IF(INDEX(${keyRange},${pos})=${key},${pos},IFERROR(MATCH(${key},${keyRange},0),0))` : "0";
  });
  return out;
}

/** Sum of f(row) over the earlier rows that exist. */
function backSum(c: (n: GridComputed) => string, _keyRange: string, f: (k: string) => string): string {
  return BACK.map((name) => `IF(${c(name)}>0,${f(c(name))},0)`).join("+");
}

function statusFormula(r: number, c: (n: GridComputed) => string, additive: string): string {
  const kind = c("Kind");
  const dir = c("Direction");
  const m = roundRule(c("Status metric"));
  const on = `IF(${dir}="band",1,IF(${kind}="rate",-2,0.95))`;
  const risk = `IF(${dir}="band",0.5,IF(${kind}="rate",-5,0.85))`;
  const ytdGap = `AND(${additive},${dir}<>"band",OR(${c("Actuals to date")}<${c("Months to date")},${c("Unusable cells to date")}>0))`;
  return [
    `IF(OR($A${r}="",${c("Months to date")}=0),"",`,
    `IF(${c("Unusable cells in period")}>0,"${STATUS_LABELS["insufficient-data"]}",`,
    `IF(${c("Period actual")}="",IF(${c("Earlier actual")}=1,"${STATUS_LABELS.stale}","${STATUS_LABELS["no-data"]}"),`,
    `IF(${ytdGap},"${STATUS_LABELS["insufficient-data"]}",`,
    `IF(${c("Status metric")}="","${STATUS_LABELS["insufficient-data"]}",`,
    `IF(${m}>=${on},"${STATUS_LABELS["on-track"]}",IF(${m}>=${risk},"${STATUS_LABELS["at-risk"]}","${STATUS_LABELS["off-track"]}")))))))`,
  ].join("");
}
