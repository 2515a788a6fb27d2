/**
 * Flags read from the revision log: a target made easier late in its fiscal year (or once results
 * had fallen behind it), and a unit whose targets are made easier again and again. Like every flag,
 * each asks for a review with its evidence; a revision can have good reasons, and the log's own
 * reason and note are quoted so the reviewer starts from them.
 */
import { makeFlag } from "../flags/flag";
import type { Flag } from "../flags/types";
import type { Direction, Period } from "../model";
import { fiscalMonthOffset, fiscalYearOf, isMonth, isYear } from "../period";
import type { Revision } from "./types";

/** What the log alone does not say. */
export interface RevisionFlagOptions {
  fyStartMonth: number;
  /** Each measure's direction; measures not listed (or band measures) have no "easier" and are skipped. */
  directions: ReadonlyMap<string, Direction>;
  /** Results to date as of a month, when the scorecard has them: for "cut after results fell behind". */
  resultsAt?: (
    measure: string,
    unit: string,
    month: Period,
  ) => { ytdActual: number; ytdMilestone: number } | undefined;
  /** A revision in this fiscal month or later (1-12) counts as late. Default 9: the last third. */
  lateFromFiscalMonth?: number;
  /** This many easing revisions of one measure and unit make a pattern. Default 2. */
  repeatedCuts?: number;
}

/** True when `r` makes the target easier to meet for a measure going `direction`. */
function eases(r: Revision, direction: Direction | undefined): boolean {
  if (r.field !== "target" || r.oldValue === null || r.newValue === null) return false;
  if (direction === "up") return r.newValue < r.oldValue;
  if (direction === "down") return r.newValue > r.oldValue;
  return false;
}

const monthOf = (at: string): Period => at.slice(0, 7);

/** The fiscal year a target's period belongs to: `2027` for "2027", the month's fiscal year for "2027-03". */
function targetYear(period: Period, fyStartMonth: number): number | undefined {
  if (isYear(period)) return Number(period);
  if (isMonth(period)) return fiscalYearOf(period, fyStartMonth);
  return undefined;
}

const pct = (v: number): string => `${(v * 100).toFixed(1)} %`;

/**
 * The revision-log flags, oldest first. Example: a target cut from 1,200 to 1,050 in July of a
 * fiscal year that started in October gives one "late-target-cut" flag.
 */
export function revisionFlags(log: readonly Revision[], options: RevisionFlagOptions): Flag[] {
  const lateFrom = options.lateFromFiscalMonth ?? 9;
  const flags: Flag[] = [];
  const cutsByKey = new Map<string, Revision[]>();
  for (const r of log) {
    if (!isMonth(monthOf(r.at))) continue;
    if (!eases(r, options.directions.get(r.measure))) continue;
    const key = JSON.stringify([r.measure, r.unit]);
    cutsByKey.set(key, [...(cutsByKey.get(key) ?? []), r]);
    const late = lateCut(r, options, lateFrom);
    if (late) flags.push(late);
  }
  for (const cuts of cutsByKey.values()) {
    if (cuts.length < (options.repeatedCuts ?? 2)) continue;
    const first = cuts[0];
    const total = (first.oldValue! - cuts[cuts.length - 1].newValue!) / first.oldValue!;
    const steps = cuts
      .map((c) => `${c.at.slice(0, 10)} ${c.oldValue} -> ${c.newValue} (${c.reason})`)
      .join("; ");
    flags.push(
      makeFlag("repeated-target-cuts", {
        severity: cuts.length >= 3 ? "high" : "medium",
        measure: first.measure,
        unit: first.unit,
        periods: [...new Set(cuts.map((c) => c.period))],
        values: {
          cuts: cuts.length,
          firstTarget: first.oldValue!,
          lastTarget: cuts[cuts.length - 1].newValue!,
        },
        text: `${cuts.length} revisions made the target easier: ${steps}.`,
        explanation: `The target was made easier ${cuts.length} times (${pct(Math.abs(total))} in all), which can be a target walked down to what the unit will reach.`,
        whatToCheck:
          "Read the reasons logged for each revision and whether resources or policy really changed each time.",
      }),
    );
  }
  return flags;
}

function lateCut(r: Revision, options: RevisionFlagOptions, lateFrom: number): Flag | undefined {
  const fy = targetYear(r.period, options.fyStartMonth);
  if (fy === undefined) return undefined;
  const month = monthOf(r.at);
  const revisionFy = fiscalYearOf(month, options.fyStartMonth);
  const fiscalMonth = fiscalMonthOffset(month, options.fyStartMonth) + 1;
  const afterYearEnd = revisionFy > fy;
  const late = afterYearEnd || (revisionFy === fy && fiscalMonth >= lateFrom);
  const results = options.resultsAt?.(r.measure, r.unit, month);
  const behind =
    results !== undefined && results.ytdMilestone > 0 && results.ytdActual < results.ytdMilestone;
  const sameYear = revisionFy === fy;
  if (!late && !(behind && sameYear)) return undefined;
  const change = (r.newValue! - r.oldValue!) / r.oldValue!;
  const when = afterYearEnd ? `after FY${fy} had ended` : `in month ${fiscalMonth} of 12 of FY${fy}`;
  const standing = behind
    ? `, when results to date were ${results!.ytdActual} against a plan of ${results!.ytdMilestone}`
    : "";
  const reason =
    r.reason === "no-reason-given"
      ? "no reason given"
      : `reason: ${r.reason}${r.note ? `, "${r.note}"` : ""}`;
  return makeFlag("late-target-cut", {
    severity: late && behind ? "high" : "medium",
    measure: r.measure,
    unit: r.unit,
    periods: [r.period],
    values: {
      oldTarget: r.oldValue!,
      newTarget: r.newValue!,
      changePct: change * 100,
      fiscalMonth,
      ...(results ? { ytdActual: results.ytdActual, ytdMilestone: results.ytdMilestone } : {}),
    },
    text: `${r.at.slice(0, 10)}: target for ${r.period} ${r.oldValue} -> ${r.newValue} (${pct(change)}) ${when}${standing} (${reason}, by ${r.who || "no name"}).`,
    explanation: `The target was made easier ${late ? when : "once results had fallen behind it"}, when the year's outcome was ${late ? "largely known" : "in doubt"}: a target moved to meet the result rather than the result to meet the target.`,
    whatToCheck:
      "Compare the logged reason with what changed (staff, caseload, policy) and with the results at the time.",
  });
}
