/**
 * A check row's status from its measure's rules, written into the row: the rules walked in order
 * as applyRules walks them, over the period's and the year to date's aggregates.
 */
import type { SeriesData } from "../index/series";
import type { AggregateInto } from "./aggregate";
import { attainmentForRule, bandAttainment, bandGap, goodGap } from "./compare";
import type { CheckTable } from "./row";
import { roundForRule, type RuleTest, type RuleWords, type Status, type StatusRule } from "./status";

/** applyRules' reason when no rule matched. */
const NO_RULE_MATCHED = "no rule matched; end the list with an otherwise rule";

/**
 * The rules walked as applyRules walks them (first match wins; a missing metric gives
 * "insufficient-data"), with the status and reason written into row i of the table: no outcome
 * object or closure for each of 20,000 rows. Returns the status.
 */
export function judgeByRules(
  table: CheckTable,
  i: number,
  rules: StatusRule[],
  s: SeriesData,
  now: AggregateInto,
  ytd: AggregateInto,
  words: RuleWords,
): Status {
  for (let k = 0; k < rules.length; k++) {
    const rule = rules[k];
    const test = rule.when;
    if (!test) {
      table.judge(i, rule.status, "otherwise");
      return rule.status;
    }
    const value = metricFor(test, s, now, ytd);
    if (value === undefined || Number.isNaN(value)) {
      table.judge(i, "insufficient-data", words.missing(test));
      return "insufficient-data";
    }
    if (roundForRule(value) >= test.atLeast) {
      table.judge(i, rule.status, words.met(test, value));
      return rule.status;
    }
  }
  table.judge(i, "insufficient-data", NO_RULE_MATCHED);
  return "insufficient-data";
}

/** The number a rule test compares, or undefined when its data are missing. */
function metricFor(
  test: RuleTest,
  s: SeriesData,
  period: AggregateInto,
  ytd: AggregateInto,
): number | undefined {
  const agg = test.basis === "ytd" ? ytd : period;
  if (!agg.hasActual) return undefined;
  const actual = agg.actual;
  const { lower, upper, direction } = s.measure;
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
