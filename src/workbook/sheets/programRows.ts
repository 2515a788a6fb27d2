/**
 * One row of tblProgramStatus per measure: the program roll-ups (period, YTD, last year), the
 * status by the same rules as a unit row, and the year-end forecast of the roll-up series.
 */
import { BIG, forecastVerdict, INF, NEG_INF } from "../gridFormulas";
import type { PlanValue } from "../plan";
import { boundsOf, programStatus, ytdOf, type BlockRows } from "../programFormulas";
import type { TemplateMeasure } from "../templates/types";
import { fx } from "./common";
import type { GridLayout } from "./monthly";
import { programCol, type ProgramColumn } from "./programColumns";

export function programFormat(h: ProgramColumn): string | undefined {
  if (h.endsWith("%") || h.endsWith("attainment") || h === "Attainment") return "0.0%";
  if (["Units", "Units reporting"].includes(h)) return "0";
  if (
    ["Kind", "Direction", "Measure ID", "Measure", "Status", "Forecast method", "Forecast label"].includes(h)
  )
    return undefined;
  return "#,##0.0#";
}

export function programRowValues(m: TemplateMeasure, r: number, b: BlockRows, grid: GridLayout): PlanValue[] {
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
