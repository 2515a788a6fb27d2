/**
 * The federal child-support incentive score on the Dashboard (45 CFR 305.33, mirrored from
 * src/engine/incentive/federal.ts): each federal measure's program level this year (year to
 * date) and last year, its applicable percentage by the regulation's tables with the
 * improvement rules, weighted by its maximum incentive base; nothing without a reliable audit.
 */
import type { DashboardLayout } from "./dashboard";
import { programCol } from "./programColumns";
import { TABLES } from "../layout";
import type { PlanRange, PlanTable, PlanValue } from "../plan";
import { ytdOf, boundsOf } from "../programFormulas";
import type { IncentiveKey, TemplateMeasure } from "../templates/types";
import { computed, fx } from "./common";
import { measureNumberFormat } from "./formats";

/** Engine measure names and rules for each template key. */
export const INCENTIVE_KEYS: Record<
  IncentiveKey,
  { engine: string; floor: number; improvement: number; weight: number }
> = {
  pep: { engine: "paternity", floor: 50, improvement: 10, weight: 1 },
  orders: { engine: "orders", floor: 50, improvement: 5, weight: 1 },
  current: { engine: "current-collections", floor: 40, improvement: 5, weight: 1 },
  arrears: { engine: "arrears-collections", floor: 40, improvement: 5, weight: 0.75 },
  cost: { engine: "cost-effectiveness", floor: 0, improvement: 0, weight: 0.75 },
};

export const INCENTIVE_COLUMNS = [
  "Measure ID",
  "Measure",
  "Level this year",
  "Level last year",
  "Applicable %",
  "Weight",
  "Weighted score",
] as const;

export function incentiveSection(
  measures: TemplateMeasure[],
  dash: DashboardLayout,
  top: number,
): { ranges: PlanRange[]; table: PlanTable; firstRow: number; totalRow: number } | undefined {
  const federal = measures.filter((m) => m.incentive);
  if (federal.length === 0) return undefined;
  const headerRow = top + 1;
  const first = headerRow + 1;
  const rows: PlanValue[][] = federal.map((m, i) => {
    const r = first + i;
    const rule = INCENTIVE_KEYS[m.incentive!];
    const programRow = dash.programRow.get(m.id)!;
    const b = dash.block.get(m.id)!;
    const level = `$C${r}`;
    const prior = `$D${r}`;
    const lastYear = b.prior.length
      ? ytdOf(b.prior[0].actual, b.prior[0].weight, boundsOf(m).additive, "12")
      : '""';
    const whole = `INT(ROUND(${level},9))`;
    const table = `IF(${whole}>=80,100,IF(${whole}>=70,80+2*(${whole}-70),IF(${whole}>=${rule.floor},${whole}+10,0)))`;
    const improved = `IF(AND(ISNUMBER(${prior}),ROUND(${level}-${prior},9)>=${rule.improvement}),50,0)`;
    const ce = (x: string) =>
      `IF(ROUND(${x},9)>=5,100,IF(ROUND(${x},9)>=4.5,90,IF(ROUND(${x},9)>=4,80,IF(ROUND(${x},9)>=3.5,70,IF(ROUND(${x},9)>=3,60,IF(ROUND(${x},9)>=2.5,50,IF(ROUND(${x},9)>=2,40,0)))))))`;
    const pct = m.incentive === "cost" ? ce(level) : `IF(${table}>0,${table},${improved})`;
    return [
      m.id,
      m.name,
      fx(`$${programCol("YTD actual")}$${programRow}`),
      fx(lastYear),
      fx(`IF(ISNUMBER(${level}),IF(ReliabilityPassed,${pct},0),"")`),
      rule.weight,
      fx(`IF(ISNUMBER($E${r}),$F${r}*$E${r}/100,"")`),
    ];
  });
  const last = first + rows.length - 1;
  const totalRow = last + 1;
  const table: PlanTable = {
    name: TABLES.incentive,
    topLeft: `A${headerRow}`,
    columns: INCENTIVE_COLUMNS.map((h) =>
      computed(
        h,
        h.startsWith("Level") ? "#,##0.00" : h === "Weight" ? "0.00" : "0.0##",
        h === "Measure" ? 36 : 12,
      ),
    ),
    rows,
    // Levels in each measure's unit: "87.4%", and cost-effectiveness as "$4.86 per $1".
    cellFormats: federal.map((m) =>
      INCENTIVE_COLUMNS.map((h) => (h.startsWith("Level") ? measureNumberFormat(m) : null)),
    ),
  };
  const ranges: PlanRange[] = [
    {
      topLeft: `A${top}`,
      values: [["Federal incentive score (45 CFR 305.33), projected from the year to date"]],
      bold: true,
      fontSize: 13,
    },
    {
      topLeft: `E${totalRow}`,
      values: [
        [
          "Total",
          fx(`SUM($F$${first}:$F$${last})`),
          fx(`IF(COUNT($G$${first}:$G$${last})=0,"",SUM($G$${first}:$G$${last}))`),
        ],
      ],
      bold: true,
    },
  ];
  return { ranges, table, firstRow: first, totalRow };
}
