/**
 * "Flags awaiting review" on the Dashboard (docs/design.md, item 5): how many flags are still
 * open by severity, and the first few (high before medium before low, in the Flags sheet's
 * order) with their unit and sentence. Live over tblFlags' Severity and Disposition columns: a
 * reviewer who sets a flag to "reviewed" on the Flags sheet sees it leave the Dashboard. The
 * ordering keys sit in a helper range below the printed report, one per tblFlags row as written.
 */
import type { Flag, FlagSeverity } from "../../engine/flags/types";
import { FLAG_HEADERS, SHEETS } from "../layout";
import type { ConditionalFormatPlan, PlanRange, PlanValue } from "../plan";
import type { UnitDef } from "../../engine/model";
import { colRange, fx, sheetRef } from "./common";
import { FLAGS_FIRST_ROW } from "./flags";
import { LIST_FIRST_ROW } from "./reference";

/** The open flags the Dashboard lists; the counts cover them all. */
export const FLAG_ROWS_MAX = 5;

export const SEVERITIES: FlagSeverity[] = ["high", "medium", "low"];

/** Shown in the first row when every flag has been reviewed (or there are none). */
export const NO_OPEN_FLAGS = "No flag is awaiting review.";

/** How a program-wide flag's unit ("*") reads. */
export const ALL_UNITS = "All units";

/** Height of the visible section: heading, counts, header, the rows. */
export function flagReviewHeight(): number {
  return FLAG_ROWS_MAX + 3;
}

/** A flag still awaits review while its disposition is "open" or empty. */
export function awaitingReview(flag: Flag): boolean {
  return (flag.review?.status ?? "open") === "open";
}

/** The open flags in the order the Dashboard lists them. */
export function openFlagsInOrder(flags: Flag[]): Flag[] {
  return SEVERITIES.flatMap((s) => flags.filter((f) => f.severity === s && awaitingReview(f)));
}

export interface FlagReviewSection {
  ranges: PlanRange[];
  conditionalFormats: ConditionalFormatPlan[];
  /** Row of the counts: "High", n, "Medium", n, "Low", n from column A. */
  countsRow: number;
  firstItemRow: number;
  nextRow: number;
}

const COL = (header: string) =>
  String.fromCharCode(65 + Object.values(FLAG_HEADERS).indexOf(header as never));

/**
 * The visible section at `top` and its helper keys at `helperTop` (below the print area).
 * @example flagReviewSection(input.flags, input.units, 40, 300).countsRow === 41
 */
export function flagReviewSection(
  flags: Flag[],
  units: UnitDef[],
  top: number,
  helperTop: number,
): FlagReviewSection {
  const rows = Math.max(1, flags.length);
  const F = rows + 1;
  const last = FLAGS_FIRST_ROW + rows - 1;
  const flagCol = (header: string) => colRange(SHEETS.flags, COL(header), FLAGS_FIRST_ROW, last);
  const helperFirst = helperTop + 1;
  const keys = `$B$${helperFirst}:$B$${helperFirst + rows - 1}`;
  const helper: PlanValue[][] = [["Flags row", "Awaiting review: order"]];
  for (let i = 0; i < rows; i++) {
    const at = (header: string) => `${sheetRef(SHEETS.flags)}!$${COL(header)}$${FLAGS_FIRST_ROW + i}`;
    const sev = at(FLAG_HEADERS.severity);
    const disp = at(FLAG_HEADERS.disposition);
    helper.push([
      FLAGS_FIRST_ROW + i,
      fx(
        `IF(OR(${disp}="",${disp}="open"),IF(${sev}="high",${i + 1},IF(${sev}="medium",${F + i + 1},IF(${sev}="low",${2 * F + i + 1},""))),"")`,
      ),
    ]);
  }
  const countsRow = top + 1;
  const counts: PlanValue[] = SEVERITIES.flatMap((s, k) => [
    `${s[0].toUpperCase()}${s.slice(1)}`,
    fx(`COUNTIFS(${keys},">=${k * F + 1}",${keys},"<=${(k + 1) * F}")`),
  ]);
  const N = Math.max(1, units.length);
  const unitIds = colRange(SHEETS.units, "A", LIST_FIRST_ROW, LIST_FIRST_ROW + N - 1);
  const unitNames = colRange(SHEETS.units, "B", LIST_FIRST_ROW, LIST_FIRST_ROW + N - 1);
  const firstItem = top + 3;
  const items: PlanValue[][] = [];
  for (let k = 1; k <= FLAG_ROWS_MAX; k++) {
    const pos = `MATCH(SMALL(${keys},${k}),${keys},0)`;
    const pick = (header: string) => `INDEX(${flagCol(header)},${pos})`;
    const when = (f: string) => `IF(COUNT(${keys})<${k},"",${f})`;
    const u = pick(FLAG_HEADERS.unit);
    items.push([
      fx(when(pick(FLAG_HEADERS.severity))),
      fx(
        k === 1
          ? `IF(COUNT(${keys})=0,"${NO_OPEN_FLAGS}",IF(${u}="*","${ALL_UNITS}",IFERROR(INDEX(${unitNames},MATCH(${u},${unitIds},0)),${u})))`
          : when(`IF(${u}="*","${ALL_UNITS}",IFERROR(INDEX(${unitNames},MATCH(${u},${unitIds},0)),${u}))`),
      ),
      fx(when(pick(FLAG_HEADERS.explanation))),
    ]);
  }
  const ranges: PlanRange[] = [
    {
      topLeft: `A${top}`,
      values: [
        [
          "Flags awaiting review: open flags by severity, high first (set the Disposition on the Flags sheet)",
        ],
      ],
      bold: true,
      fontSize: 13,
    },
    { topLeft: `A${countsRow}`, values: [counts], numberFormat: "0", bold: true },
    { topLeft: `A${top + 2}`, values: [["Severity", "Unit", "What we saw"]], bold: true },
    { topLeft: `A${firstItem}`, values: items, numberFormat: "General" },
    {
      topLeft: `A${helperTop - 1}`,
      values: [["Flags awaiting review: each tblFlags row's place in the list"]],
      bold: true,
    },
    { topLeft: `A${helperTop}`, values: helper, numberFormat: "General" },
  ];
  const span = `A${firstItem}:A${firstItem + FLAG_ROWS_MAX - 1}`;
  return {
    ranges,
    conditionalFormats: [
      { type: "textEquals", range: span, text: "high", color: "bad" },
      { type: "textEquals", range: span, text: "medium", color: "warn" },
      { type: "expression", range: `B${countsRow}`, formula: `=B${countsRow}>0`, color: "bad" },
      { type: "expression", range: `D${countsRow}`, formula: `=D${countsRow}>0`, color: "warn" },
    ],
    countsRow,
    firstItemRow: firstItem,
    nextRow: top + flagReviewHeight() + 1,
  };
}
