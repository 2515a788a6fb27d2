/**
 * The monthly budget-and-results monitor: per unit, spend against allotment year to date, how much
 * of the budget is burnt, a year-end spend forecast (the same methods as the results forecast), and
 * one status in words on both axes: "behind on results while spending ahead of plan".
 */
import { forecastWith, type ForecastMethod, type YearData } from "../forecast/yearend";
import type { MoneyUnit } from "./split";

export type SpendStanding = "under plan" | "on plan" | "over plan";
export type ResultsStanding = "behind" | "on plan" | "ahead" | "no results yet";

export interface MonitorInput {
  unit: string;
  moneyUnit: MoneyUnit;
  /** Months of the fiscal year reported so far, 1-12. */
  monthsElapsed: number;
  /** Twelve monthly allotments (whole minor units) in fiscal order. */
  allotments: number[];
  /** Monthly spend in fiscal order; months not reported yet are undefined. */
  spend: (number | undefined)[];
  /** Earlier fiscal years' twelve months of spend, for the seasonal forecast and its interval. */
  priorSpend?: number[][];
  /** Results to date against milestones to date, from the checks. */
  results?: { ytdActual: number; ytdMilestone: number; direction: "up" | "down" };
  /** Spend within this fraction of the allotment counts as on plan. Default 0.05. */
  tolerance?: number;
}

export interface MonitorRow {
  unit: string;
  spendYtd?: number;
  allotmentYtd: number;
  /** spendYtd / allotmentYtd - 1. */
  spendVariance?: number;
  budget: number;
  /** Share of the year's budget spent, and the share the allotments planned by now. */
  burnRate?: number;
  plannedBurn: number;
  forecast?: { method: ForecastMethod; value: number };
  /** The forecast against the budget: + is an overspend. */
  forecastVariance?: number;
  spendStanding?: SpendStanding;
  /** Results to date against milestones to date: +0.1 is 10 % better than planned (direction-aware). */
  resultsVsPlan?: number;
  resultsStanding: ResultsStanding;
  /** One sentence on both axes. */
  status: string;
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** Results against milestones to date, + better (direction-aware); undefined without milestones. */
function resultsVsPlan(r: MonitorInput["results"]): number | undefined {
  if (!r || r.ytdMilestone <= 0) return undefined;
  const ratio = r.ytdActual / r.ytdMilestone;
  return r.direction === "up" ? ratio - 1 : 1 - ratio;
}

function resultsStanding(better: number | undefined, tolerance: number): ResultsStanding {
  if (better === undefined) return "no results yet";
  return better < -tolerance ? "behind" : better > tolerance ? "ahead" : "on plan";
}

const SPEND_WORDS: Record<SpendStanding, string> = {
  "under plan": "spending behind plan",
  "on plan": "spending on plan",
  "over plan": "spending ahead of plan",
};

const RESULT_WORDS: Record<ResultsStanding, string> = {
  behind: "behind on results",
  "on plan": "on plan for results",
  ahead: "ahead on results",
  "no results yet": "no results to compare yet",
};

/** The two axes in one sentence. Example: `"Behind on results while spending ahead of plan."` */
function sentence(results: ResultsStanding, spend: SpendStanding | undefined): string {
  const r = RESULT_WORDS[results];
  if (spend === undefined)
    return `${r[0].toUpperCase()}${r.slice(1)}; spending not reported for every month yet.`;
  const warning =
    (results === "behind" && spend !== "under plan") || (results !== "ahead" && spend === "over plan");
  const joiner = warning ? " while " : ", ";
  return `${r[0].toUpperCase()}${r.slice(1)}${joiner}${SPEND_WORDS[spend]}.`;
}

/**
 * One unit's row of the monitor. Example: results at 80 % of milestones with 110 % of allotments
 * spent reads "Behind on results while spending ahead of plan."
 */
export function monitorUnit(input: MonitorInput): MonitorRow {
  const tolerance = input.tolerance ?? 0.05;
  const n = Math.max(0, Math.min(12, input.monthsElapsed));
  const budget = sum(input.allotments);
  const allotmentYtd = sum(input.allotments.slice(0, n));
  const done = input.spend.slice(0, n);
  const complete = done.length === n && done.every((v) => v !== undefined && Number.isFinite(v));
  const spendYtd = complete ? sum(done as number[]) : undefined;
  const spendVariance = spendYtd !== undefined && allotmentYtd > 0 ? spendYtd / allotmentYtd - 1 : undefined;
  const spendStanding: SpendStanding | undefined =
    spendVariance === undefined
      ? undefined
      : spendVariance > tolerance
        ? "over plan"
        : spendVariance < -tolerance
          ? "under plan"
          : "on plan";
  let forecast: MonitorRow["forecast"];
  if (spendYtd !== undefined && n > 0) {
    const year: YearData = {
      values: [...(done as number[]), ...new Array(12 - n).fill(undefined)],
      weights: [],
    };
    const history: YearData[] = (input.priorSpend ?? [])
      .filter((y) => y.length === 12)
      .map((values) => ({ values, weights: [] }));
    const method: ForecastMethod = history.length > 0 ? "seasonal-run-rate" : "run-rate";
    const value = forecastWith(method, year, n, history, true);
    if (value !== undefined) forecast = { method, value };
  }
  const better = resultsVsPlan(input.results);
  const results = resultsStanding(better, tolerance);
  return {
    unit: input.unit,
    spendYtd,
    allotmentYtd,
    spendVariance,
    budget,
    burnRate: spendYtd !== undefined && budget > 0 ? spendYtd / budget : undefined,
    plannedBurn: budget > 0 ? allotmentYtd / budget : 0,
    forecast,
    forecastVariance: forecast && budget > 0 ? forecast.value / budget - 1 : undefined,
    spendStanding,
    resultsVsPlan: better,
    resultsStanding: results,
    status: sentence(results, spendStanding),
  };
}
