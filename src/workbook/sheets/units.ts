/**
 * Unit status on the Dashboard: one row per unit with each measure's status this fiscal year,
 * counts by status, the share on track, and a league table (top and bottom five). Each status
 * reads its grid row by position and checks the row's key, falling back to MATCH only after a
 * sort, so recalculation stays linear in the number of units.
 */
import { gridCol, STATUS_LABELS } from "../gridFormulas";
import type { WorkbookInput } from "../input";
import { columnLetter, TABLES } from "../layout";
import type { ConditionalFormatPlan, PlanRange, PlanTable, PlanValue } from "../plan";
import { computed, fx } from "./common";
import { gridKey, statusColors, type GridLayout } from "./monthly";

export const LEAGUE_SIZE = 5;

export interface UnitSection {
  ranges: PlanRange[];
  tables: PlanTable[];
  conditionalFormats: ConditionalFormatPlan[];
  headerRow: number;
  /** Points: the header row is this tall, so wrapped measure names read whole. */
  headerHeight: number;
  /** Sheet row of each unit. */
  unitRow: Map<string, number>;
  leagueRow: number;
  nextRow: number;
}

export function unitSection(input: WorkbookInput, grid: GridLayout, top: number, fy0: number): UnitSection {
  const headerRow = top + 1;
  const first = headerRow + 1;
  const M = input.measures.length;
  const units = input.units;
  const N = Math.max(1, units.length);
  const last = first + N - 1;
  const col = (k: number) => columnLetter(3 + k); // measure statuses start at C
  const onCol = col(M);
  const riskCol = col(M + 1);
  const offCol = col(M + 2);
  const shareCol = col(M + 3);
  const keyCol = col(M + 4);
  const keyRange = grid.range(gridCol("Key"));
  const statusRange = grid.range(gridCol("Status"));
  const unitRow = new Map<string, number>();
  // A reader sees measure names, not ids; a name two measures share gets its id to stay unique.
  const taken = new Set([
    "unit id",
    "unit",
    "on track",
    "at risk",
    "off track",
    "share on track",
    "league key",
  ]);
  const measureHeaders = input.measures.map((m) => {
    const name = m.name.trim() || m.id;
    const header = taken.has(name.toLowerCase()) ? `${name} (${m.id})` : name;
    taken.add(header.toLowerCase());
    return header;
  });
  const rows: PlanValue[][] = (units.length ? units : [undefined]).map((u, i) => {
    const r = first + i;
    if (u) unitRow.set(u.id, r);
    const statuses = input.measures.map((m, mi) => {
      const at = u ? grid.rowOf.get(gridKey(m.id, u.id, fy0)) : undefined;
      const key = `"${m.id}|"&$A${r}&"|"&AsOfFY`;
      const fallback = `IFERROR(INDEX(${statusRange},MATCH(${key},${keyRange},0)),"")`;
      if (!at) return fx(fallback);
      const k = at - grid.firstRow + 1;
      // Written in the grid's order (measure by measure, units in this table's order), the
      // position is this row's place plus the measure's offset: the same formula down the
      // column, which spreadsheets store and calculate as one shared formula. A sort can move it
      // past the grid: IFERROR sends that case to MATCH as well.
      const inOrder = k === mi * units.length + i + 1;
      const step = mi * units.length - (first - 1);
      const pos = inOrder ? `(ROW()${step >= 0 ? "+" : ""}${step})` : `${k}`;
      return fx(`IF(IFERROR(INDEX(${keyRange},${pos}),"")=${key},INDEX(${statusRange},${pos}),${fallback})`);
    });
    const span = M > 0 ? `$${col(0)}${r}:$${col(M - 1)}${r}` : undefined;
    const count = (label: string) => (span ? fx(`COUNTIF(${span},"${label}")`) : 0);
    const judged = `($${onCol}${r}+$${riskCol}${r}+$${offCol}${r})`;
    return [
      u ? u.id : null,
      u ? u.name : null,
      ...statuses,
      count(STATUS_LABELS["on-track"]),
      count(STATUS_LABELS["at-risk"]),
      count(STATUS_LABELS["off-track"]),
      fx(`IF(${judged}=0,"",$${onCol}${r}/${judged})`),
      fx(`IF($${shareCol}${r}="","",$${shareCol}${r}+${N - i}/(1000000*${N}))`),
    ];
  });
  const table: PlanTable = {
    name: TABLES.unitStatus,
    topLeft: `A${headerRow}`,
    columns: [
      computed("Unit ID", undefined, 16),
      computed("Unit", undefined, 24),
      ...measureHeaders.map((h) => computed(h, undefined, 14)),
      computed("On track", "0", 9),
      computed("At risk", "0", 9),
      computed("Off track", "0", 9),
      computed("Share on track", "0%", 10),
      // A working column the league table sorts by: kept, but shows nothing on screen or paper.
      computed("League key", ";;;", 10),
    ],
    rows,
  };
  const keys = `$${keyCol}$${first}:$${keyCol}$${last}`;
  const names = `$B$${first}:$B$${last}`;
  const shares = `$${shareCol}$${first}:$${shareCol}$${last}`;
  const leagueRow = last + 3;
  const league: PlanValue[][] = [
    ["Rank", "Top units", "Share on track", "Rank", "Bottom units", "Share on track"],
  ];
  for (let k = 1; k <= LEAGUE_SIZE; k++) {
    const pick = (fn: string, range: string) =>
      fx(`IFERROR(INDEX(${range},MATCH(${fn}(${keys},${k}),${keys},0)),"")`);
    league.push([
      k,
      pick("LARGE", names),
      pick("LARGE", shares),
      k,
      pick("SMALL", names),
      pick("SMALL", shares),
    ]);
  }
  const ranges: PlanRange[] = [
    // The header row wraps, so long measure names read whole over narrow status columns.
    {
      topLeft: `A${headerRow}`,
      values: [
        [
          "Unit ID",
          "Unit",
          ...measureHeaders,
          "On track",
          "At risk",
          "Off track",
          "Share on track",
          "League key",
        ],
      ],
      wrap: true,
    },
    {
      topLeft: `A${top}`,
      values: [["Unit status this fiscal year (share of judged measures on track)"]],
      bold: true,
      fontSize: 13,
    },
    { topLeft: `A${leagueRow - 1}`, values: [["League table"]], bold: true, fontSize: 13 },
    {
      topLeft: `A${leagueRow}`,
      values: league,
      // Shares as whole percentages, like the unit table's Share on track.
      numberFormat: league.map((row, i) =>
        row.map((_, j) => (i > 0 && (j === 2 || j === 5) ? "0%" : "General")),
      ),
    },
  ];
  const statusSpan = M > 0 ? `${col(0)}${first}:${col(M - 1)}${last}` : `C${first}:C${last}`;
  return {
    ranges,
    tables: [table],
    conditionalFormats: [
      ...statusColors(statusSpan),
      { type: "dataBar", range: `${shareCol}${first}:${shareCol}${last}`, color: "good" },
    ],
    headerRow,
    // Three lines of a wrapped measure name over a 14-character column.
    headerHeight: 45,
    unitRow,
    leagueRow,
    nextRow: leagueRow + LEAGUE_SIZE + 3,
  };
}
