/**
 * Budget flags, with evidence like the others: a unit whose resources rose while its target fell
 * or stood still, a cost per result far from its peers', and spending piled into the last quarter
 * of the year. Each asks for a review; none is a verdict.
 */
import { makeFlag } from "../flags/flag";
import { robustZ } from "../flags/stats";
import type { Flag } from "../flags/types";
import type { Direction } from "../model";
import type { MoneyUnit } from "./split";

/** One unit's resources and target for one fiscal year of one measure. */
export interface UnitYear {
  measure: string;
  unit: string;
  fiscalYear: number;
  /** Whole minor units. */
  budget: number;
  target?: number;
  /** Spend and results, for actual cost per result. */
  spend?: number;
  results?: number;
  /** The driver that explains cost differences (say, caseload per position), named in evidence. */
  driver?: number;
}

export interface BudgetFlagOptions {
  moneyUnit: MoneyUnit;
  directions: ReadonlyMap<string, Direction>;
  /** Driver's name for the evidence, e.g. "caseload per position". */
  driverLabel?: string;
  /** Budget growth that counts as "resources up". Default 0.05 (5 %). */
  budgetRise?: number;
  /** |robust z| at or above this is far from peers. Default 3.5 (Iglewicz and Hoaglin). */
  outlierZ?: number;
  /** Fewest peers for a cost comparison. Default 5. */
  minPeers?: number;
}

const pct = (v: number): string => `${v >= 0 ? "+" : ""}${(v * 100).toFixed(1)} %`;
const money = (minor: number, unit: MoneyUnit): string =>
  `$${(unit === "cents" ? minor / 100 : minor).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Resources up at least `budgetRise` while the target was cut or held (made no harder). */
export function resourcesUpTargetDown(rows: readonly UnitYear[], options: BudgetFlagOptions): Flag[] {
  const rise = options.budgetRise ?? 0.05;
  const byKey = new Map<string, UnitYear>(
    rows.map((r) => [JSON.stringify([r.measure, r.unit, r.fiscalYear]), r]),
  );
  const flags: Flag[] = [];
  for (const now of rows) {
    const before = byKey.get(JSON.stringify([now.measure, now.unit, now.fiscalYear - 1]));
    const direction = options.directions.get(now.measure);
    if (!before || before.budget <= 0 || now.target === undefined || before.target === undefined) continue;
    if (direction !== "up" && direction !== "down") continue;
    const budgetChange = now.budget / before.budget - 1;
    if (budgetChange < rise || before.target === 0) continue;
    const targetChange = now.target / before.target - 1;
    const harder = direction === "up" ? targetChange : -targetChange;
    if (harder > 0) continue;
    flags.push(
      makeFlag("resources-up-target-down", {
        severity: harder < -0.05 ? "high" : "medium",
        measure: now.measure,
        unit: now.unit,
        periods: [String(before.fiscalYear), String(now.fiscalYear)],
        values: { budgetChangePct: budgetChange * 100, targetChangePct: targetChange * 100 },
        text: `FY${now.fiscalYear} budget ${money(now.budget, options.moneyUnit)} (${pct(budgetChange)} on FY${before.fiscalYear}) with a target of ${now.target} (${pct(targetChange)}).`,
        explanation: `Resources rose ${pct(budgetChange)} while the target ${harder === 0 ? "stayed the same" : "was made easier"}: more money should buy more results, or the reason should be written down.`,
        whatToCheck: "Ask what the added resources are for, and whether the target should rise with them.",
      }),
    );
  }
  return flags;
}

/** Actual cost per result (planned where no actual yet) far from the same year's peers, by robust z. */
export function costPerResultOutliers(rows: readonly UnitYear[], options: BudgetFlagOptions): Flag[] {
  const z0 = options.outlierZ ?? 3.5;
  const groups = new Map<string, { row: UnitYear; cost: number; basis: "actual" | "planned" }[]>();
  for (const r of rows) {
    const actual =
      r.spend !== undefined && r.results !== undefined && r.results > 0 ? r.spend / r.results : undefined;
    const planned = r.target !== undefined && r.target > 0 ? r.budget / r.target : undefined;
    const cost = actual ?? planned;
    if (cost === undefined) continue;
    const key = JSON.stringify([r.measure, r.fiscalYear]);
    groups.set(key, [
      ...(groups.get(key) ?? []),
      { row: r, cost, basis: actual !== undefined ? "actual" : "planned" },
    ]);
  }
  const flags: Flag[] = [];
  for (const peers of groups.values()) {
    if (peers.length < (options.minPeers ?? 5)) continue;
    const costs = peers.map((p) => p.cost);
    for (const p of peers) {
      const z = robustZ(p.cost, costs);
      if (!(Math.abs(z) >= z0)) continue;
      const sorted = [...costs].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)];
      const driver =
        p.row.driver !== undefined ? ` Its ${options.driverLabel ?? "driver"} is ${p.row.driver}.` : "";
      flags.push(
        makeFlag("cost-per-result-outlier", {
          severity: Math.abs(z) >= 2 * z0 ? "high" : "medium",
          measure: p.row.measure,
          unit: p.row.unit,
          periods: [String(p.row.fiscalYear)],
          values: { costPerResult: p.cost, peerMedian: median, robustZ: z, peers: peers.length },
          text: `${p.basis === "actual" ? "Actual" : "Planned"} cost per result ${money(p.cost, options.moneyUnit)} against a median of ${money(median, options.moneyUnit)} across ${peers.length} units (robust z ${z.toFixed(1)}).${driver}`,
          explanation: `Each result costs ${z > 0 ? "far more" : "far less"} here than in comparable units: a different caseload, a counting difference, or money booked to the wrong unit.`,
          whatToCheck: "Compare what this unit counts as a result and what its budget covers with its peers.",
        }),
      );
    }
  }
  return flags;
}

/** One unit's monthly spend for one fiscal year, twelve months in fiscal order (missing months undefined). */
export interface UnitSpendYear {
  unit: string;
  fiscalYear: number;
  monthly: (number | undefined)[];
}

/**
 * Spending piled into the last quarter: its share of the year's spend at least 1.5x the unit's own
 * earlier years' median share (or, without history, at least 40 % against an even 25 %).
 */
export function yearEndSpendSpikes(years: readonly UnitSpendYear[], measure = "*"): Flag[] {
  const lastQuarterShare = (y: UnitSpendYear): number | undefined => {
    if (y.monthly.length !== 12 || y.monthly.some((m) => m === undefined || m < 0)) return undefined;
    const total = y.monthly.reduce((a, b) => a! + b!, 0)!;
    return total > 0 ? (y.monthly[9]! + y.monthly[10]! + y.monthly[11]!) / total : undefined;
  };
  const flags: Flag[] = [];
  for (const y of years) {
    const share = lastQuarterShare(y);
    if (share === undefined) continue;
    const history = years
      .filter((h) => h.unit === y.unit && h.fiscalYear < y.fiscalYear)
      .map(lastQuarterShare)
      .filter((s): s is number => s !== undefined)
      .sort((a, b) => a - b);
    const usual = history.length > 0 ? history[Math.floor(history.length / 2)] : 0.25;
    const spike = history.length > 0 ? share >= 1.5 * usual : share >= 0.4;
    if (!spike) continue;
    flags.push(
      makeFlag("year-end-spend-spike", {
        severity: share >= 2 * usual ? "high" : "medium",
        measure,
        unit: y.unit,
        periods: [String(y.fiscalYear)],
        values: {
          lastQuarterSharePct: share * 100,
          usualSharePct: usual * 100,
          yearsOfHistory: history.length,
        },
        text: `${(share * 100).toFixed(1)} % of FY${y.fiscalYear}'s spend fell in its last quarter, against ${(usual * 100).toFixed(1)} % ${history.length > 0 ? `in its ${history.length} earlier year(s) (median)` : "for an even year"}.`,
        explanation:
          "Spending bunched at year end can be money spent so as not to lose it, rather than for results.",
        whatToCheck: "Look at what was bought in the last quarter and whether results rose with it.",
      }),
    );
  }
  return flags;
}
