/**
 * "Act on these" on the Dashboard (docs/design.md, item 2): the measures off track, then those at
 * risk, each with its year-end forecast in words ("likely to miss the target by about 6 %"). All
 * live formulas over tblProgramStatus: a reader without Yardstick sees the list reorder when an
 * actual changes. The ordering keys and each measure's sentence sit in a helper range below the
 * printed report; the sentence mirrors src/engine/forecast/words.ts.
 */
import { MISS_PCT_CAP } from "../../engine/forecast/words";
import { STATUS_LABELS } from "../gridFormulas";
import type { ConditionalFormatPlan, PlanRange, PlanValue } from "../plan";
import { boundsOf } from "../programFormulas";
import type { TemplateMeasure } from "../templates/types";
import { fx } from "./common";
import { statusColors } from "./monthly";
import { programCol } from "./programColumns";

/** At most this many measures are listed; the rest are counted in one line under the list. */
export const ACT_ROWS_MAX = 6;

/** Shown in the first row when nothing needs acting on. */
export const NOTHING_TO_ACT_ON = "Nothing is off track or at risk.";

/** Item rows the list shows for a program of `measureCount` measures. */
export function actRows(measureCount: number): number {
  return Math.min(ACT_ROWS_MAX, Math.max(1, measureCount));
}

/** Height of the visible section: heading, header, the items and the overflow line. */
export function actHeight(measureCount: number): number {
  return actRows(measureCount) + 3;
}

/** The line under the list when more measures need acting on than it shows. */
export function moreToActOn(count: number, shown: number): string {
  return count > shown ? `and ${count - shown} more off track or at risk: see All measures below` : "";
}

/** Helper columns below the report: the measure, its place in the list, its sentence. */
export const ACT_HELPER_HEADERS = ["Measure ID", "Act on these: order", "Forecast in words"] as const;

/**
 * The year-end forecast of program row `r` in words, as src/engine/forecast/words.ts says it.
 * @example forecastWordsFormula(measure, 7) // IF($W7="",$Y7,IF($X7="","no target to compare",...))
 */
export function forecastWordsFormula(m: TemplateMeasure, r: number): string {
  const f = `$${programCol("Year-end forecast")}${r}`;
  const t = `$${programCol("Forecast target")}${r}`;
  const label = `$${programCol("Forecast label")}${r}`;
  const noTarget = '"no target to compare"';
  let verdict: string;
  if (m.direction === "band") {
    const band = `the band (${m.lower} to ${m.upper})`;
    verdict =
      m.lower !== undefined && m.upper !== undefined
        ? `IF(AND(ROUND(${f},9)>=${m.lower},ROUND(${f},9)<=${m.upper}),"likely to end inside ${band}","likely to end outside ${band}")`
        : noTarget;
  } else {
    const meets = m.direction === "down" ? `ROUND(${t}-${f},9)>=0` : `ROUND(${f}-${t},9)>=0`;
    verdict = `IF(${t}="",${noTarget},IF(${meets},"likely to meet the target",${missFormula(m, f, t)}))`;
  }
  return `IF(${f}="",${label},${verdict})`;
}

function missFormula(m: TemplateMeasure, f: string, t: string): string {
  const miss = "likely to miss the target";
  if (m.kind === "rate") {
    const points = `ROUND(ABS(${f}-${t}),1)`;
    return `IF(${points}>=0.1,"${miss} by about "&${points}&" points","${miss} by less than 0.1 points")`;
  }
  const pct = `ROUND(ABS((${f}-${t})/${t}*100),0)`;
  return `IF(${t}=0,"${miss}",IF(${pct}>=${MISS_PCT_CAP},"${miss} by more than ${MISS_PCT_CAP - 1} %",IF(${pct}>=1,"${miss} by about "&${pct}&" %","${miss} by less than 1 %")))`;
}

export interface ActOnSection {
  ranges: PlanRange[];
  conditionalFormats: ConditionalFormatPlan[];
  /** Sheet row of the first listed measure. */
  firstItemRow: number;
  /** Sheet row of the "and N more" line. */
  moreRow: number;
  /** First data row of the helper range (one row per measure, in program order). */
  helperFirstRow: number;
  nextRow: number;
}

/**
 * The visible list at `top` and its helper range at `helperTop` (below the print area).
 * `programRow` gives each measure's row in tblProgramStatus, in measure order.
 */
export function actOnSection(
  measures: TemplateMeasure[],
  programRow: Map<string, number>,
  top: number,
  helperTop: number,
): ActOnSection {
  const K = actRows(measures.length);
  const M = measures.length;
  const firstItem = top + 2;
  const helperFirst = helperTop + 1;
  const helperLast = helperFirst + Math.max(1, M) - 1;
  const firstProgram = M ? programRow.get(measures[0].id)! : 0;
  const programRange = (col: Parameters<typeof programCol>[0]) =>
    `$${programCol(col)}$${firstProgram}:$${programCol(col)}$${firstProgram + Math.max(1, M) - 1}`;
  const keys = `$B$${helperFirst}:$B$${helperLast}`;
  const helper: PlanValue[][] = [[...ACT_HELPER_HEADERS]];
  measures.forEach((m, i) => {
    const status = `$${programCol("Status")}${programRow.get(m.id)!}`;
    // A band on a count or amount bounds each unit, not the program's sum (the engine does not
    // roll such a measure up), so the program row's status is no reason to act.
    const unitBand = m.direction === "band" && boundsOf(m).additive;
    helper.push([
      m.id,
      fx(
        unitBand
          ? '""'
          : `IF(${status}="${STATUS_LABELS["off-track"]}",${i + 1},IF(${status}="${STATUS_LABELS["at-risk"]}",${M + i + 1},""))`,
      ),
      fx(forecastWordsFormula(m, programRow.get(m.id)!)),
    ]);
  });
  if (M === 0) helper.push([null, null, null]);
  const items: PlanValue[][] = [];
  for (let k = 1; k <= K; k++) {
    const pick = (range: string) =>
      M ? `IF(COUNT(${keys})<${k},"",INDEX(${range},MATCH(SMALL(${keys},${k}),${keys},0)))` : '""';
    const name =
      k === 1
        ? `IF(COUNT(${keys})=0,"${NOTHING_TO_ACT_ON}",${pick(programRange("Measure"))})`
        : pick(programRange("Measure"));
    items.push([
      fx(pick(programRange("Status"))),
      fx(M ? name : `"${NOTHING_TO_ACT_ON}"`),
      fx(pick(`$C$${helperFirst}:$C$${helperLast}`)),
    ]);
  }
  const more = `IF(COUNT(${keys})>${K},"and "&(COUNT(${keys})-${K})&" more off track or at risk: see All measures below","")`;
  items.push([null, fx(M ? more : '""'), null]);
  const ranges: PlanRange[] = [
    {
      topLeft: `A${top}`,
      values: [["Act on these: off track first, then at risk, with the year-end forecast"]],
      bold: true,
      fontSize: 13,
    },
    { topLeft: `A${top + 1}`, values: [["Status", "Measure", "Year-end forecast"]], bold: true },
    { topLeft: `A${firstItem}`, values: items, numberFormat: "General" },
    {
      topLeft: `A${helperTop - 1}`,
      values: [["Act on these: each measure's place in the list and its forecast in words"]],
      bold: true,
    },
    { topLeft: `A${helperTop}`, values: helper, numberFormat: "General" },
  ];
  return {
    ranges,
    conditionalFormats: statusColors(`A${firstItem}:A${firstItem + K - 1}`),
    firstItemRow: firstItem,
    moreRow: firstItem + K,
    helperFirstRow: helperFirst,
    nextRow: top + actHeight(M) + 1,
  };
}
