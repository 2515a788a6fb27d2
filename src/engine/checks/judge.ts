/**
 * A check row's status from its measure's rules, written into the row: applyRules' walk
 * (walkRules) over the period's and the year to date's aggregates.
 */
import type { SeriesData } from "../index/series";
import type { AggregateInto } from "./aggregate";
import { attainmentForRule, bandAttainment, bandGap, goodGap } from "./compare";
import type { CheckTable } from "./row";
import {
  walkRules,
  type RuleOutcome,
  type RuleTest,
  type RuleWords,
  type Status,
  type StatusRule,
} from "./status";

/**
 * What a row's rules are judged on, and the outcome they give: one per check, rewritten by each
 * row, so no closure or outcome object is made for each of 20,000 rows.
 */
export class RuleInputs {
  series: SeriesData | undefined = undefined;
  now: AggregateInto | undefined = undefined;
  ytd: AggregateInto | undefined = undefined;
  readonly outcome: RuleOutcome = { status: "insufficient-data", ruleIndex: -1, reason: "" };
}

/**
 * The rules walked as applyRules walks them (first match wins; a missing metric gives
 * "insufficient-data"), with the status and reason written into row i of the table. Returns the status.
 */
export function judgeByRules(
  table: CheckTable,
  i: number,
  rules: StatusRule[],
  s: SeriesData,
  now: AggregateInto,
  ytd: AggregateInto,
  words: RuleWords,
  inputs: RuleInputs,
): Status {
  inputs.series = s;
  inputs.now = now;
  inputs.ytd = ytd;
  const { status, reason } = walkRules(rules, metricFor, inputs, words, inputs.outcome);
  table.judge(i, status, reason);
  return status;
}

/** The number a rule test compares, or undefined when its data are missing. */
function metricFor(test: RuleTest, inputs: RuleInputs): number | undefined {
  const agg = test.basis === "ytd" ? inputs.ytd! : inputs.now!;
  if (!agg.hasActual) return undefined;
  const actual = agg.actual;
  const { lower, upper, direction } = inputs.series!.measure;
  if (test.compareWith === "band") {
    if (lower === undefined || upper === undefined) return undefined;
    return test.metric === "ratio" ? bandAttainment(actual, lower, upper) : -bandGap(actual, lower, upper);
  }
  let other: number;
  if (test.compareWith === "milestone") {
    if (!agg.hasPlan) return undefined;
    other = agg.plan;
  } else if (test.compareWith === "target") {
    if (!agg.hasTarget) return undefined;
    other = agg.target;
  } else {
    if (!agg.hasLastYear) return undefined;
    other = agg.lastYear;
  }
  return test.metric === "ratio"
    ? attainmentForRule(actual, other, direction)
    : goodGap(actual, other, direction);
}
