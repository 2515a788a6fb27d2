/**
 * The stable shape of a Yardstick workbook: sheet names, table names and column headers.
 * Writers (src/xlsx, src/office) create tables with these names; readers find tables by
 * name (sheets may be renamed) and columns by header (columns may be moved or added).
 *
 * Data a person types lives in five tables: tblSettings, tblMeasures, tblUnits,
 * tblProgramTargets and tblMonthly (the grid: one row per measure x unit x fiscal year with
 * twelve month columns per series). tblData (the long table for PivotTables) and the
 * Dashboard are formulas over them; tblFlags is written by Yardstick and annotated by people.
 */
import { columnLetter } from "../engine/a1";

export const SHEETS = {
  about: "About",
  plan: "Plan",
  measures: "Measures",
  units: "Units",
  targets: "Targets",
  monthly: "Milestones & Actuals",
  budget: "Budget",
  data: "Data",
  dashboard: "Dashboard",
  flags: "Flags",
  revisions: "Revisions",
  chartData: "Chart data",
} as const;

export const TABLES = {
  settings: "tblSettings",
  plan: "tblPlan",
  measures: "tblMeasures",
  units: "tblUnits",
  programTargets: "tblProgramTargets",
  monthly: "tblMonthly",
  budget: "tblBudget",
  spend: "tblSpend",
  data: "tblData",
  programStatus: "tblProgramStatus",
  unitStatus: "tblUnitStatus",
  incentive: "tblIncentive",
  flags: "tblFlags",
  revisions: "tblRevisions",
} as const;

export type TableKey = keyof typeof TABLES;

/** Labels in tblSettings' "Setting" column. */
export const SETTINGS = {
  title: "Title",
  templateId: "Template",
  fyStartMonth: "Fiscal year starts (month 1-12)",
  asOfMonth: "As-of month (YYYY-MM)",
  reliabilityPassed: "Data reliability audit passed (TRUE/FALSE)",
  /** The revision log's seal (docs/revisions.md): its row count and last hash when Yardstick last wrote it. */
  revisionRows: "Revision log rows (sealed)",
  revisionHead: "Revision log last hash (sealed)",
  /** The name or initials the pane logs revisions under, asked once. */
  revisionWho: "Your name in the revision log",
} as const;

export const SETTINGS_HEADERS = ["Setting", "Value", "What it means"] as const;

export const MEASURE_HEADERS = {
  id: "Measure ID",
  name: "Measure",
  kind: "Kind",
  direction: "Direction",
  lower: "Band lower",
  upper: "Band upper",
  unitLabel: "Unit label",
  purpose: "Purpose",
  indicator: "Lead/lag",
  leadFor: "Leads",
  pairedWith: "Paired control",
  owner: "Owner",
  goal: "Goal",
  group: "Group",
} as const;

export const UNIT_HEADERS = {
  id: "Unit ID",
  name: "Unit",
  caseload: "Caseload",
  fte: "FTE",
  productivity: "Productivity",
  budget: "Budget",
} as const;

export const PROGRAM_TARGET_HEADERS = {
  measure: "Measure ID",
  fiscalYear: "Fiscal year",
  target: "Program target",
  method: "Proration method",
  unitSum: "Sum of unit targets",
  gap: "Gap",
} as const;

/** The key columns of tblMonthly, before the month blocks. */
export const MONTHLY_KEY_HEADERS = {
  measure: "Measure ID",
  unit: "Unit ID",
  fiscalYear: "Fiscal year",
  target: "Target",
} as const;

/** Each series gets twelve columns, "<Series> <Mon>", in fiscal order. */
export const MONTHLY_SERIES = ["Milestone", "Actual", "Denominator"] as const;
export type MonthlySeries = (typeof MONTHLY_SERIES)[number];

export const DATA_HEADERS = {
  measure: "Measure ID",
  unit: "Unit ID",
  fiscalYear: "Fiscal year",
  month: "Month",
  milestone: "Milestone",
  actual: "Actual",
  denominator: "Denominator",
} as const;

export const FLAG_HEADERS = {
  id: "Flag ID",
  severity: "Severity",
  detector: "Detector",
  measure: "Measure ID",
  unit: "Unit ID",
  periods: "Periods",
  explanation: "What we saw",
  evidence: "Evidence",
  whatToCheck: "What to check",
  reviewer: "Reviewer",
  disposition: "Disposition",
  note: "Note",
} as const;

/** tblRevisions, one row per logged change (docs/revisions.md). */
export const REVISION_HEADERS = {
  at: "When (UTC)",
  who: "Who",
  source: "Source",
  measure: "Measure ID",
  unit: "Unit ID",
  period: "Period",
  field: "Field",
  oldValue: "Old value",
  newValue: "New value",
  reason: "Reason",
  note: "Note",
  hash: "Hash",
} as const;

export const MONTH_ABBR = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

/** Month abbreviations in fiscal order. Example: `fiscalMonthLabels(10)[0] === "Oct"`. */
export function fiscalMonthLabels(fyStartMonth: number): string[] {
  return Array.from({ length: 12 }, (_, i) => MONTH_ABBR[(fyStartMonth - 1 + i) % 12]);
}

/** Header of one month column of tblMonthly. Example: `monthlyHeader("Actual", 10, 0) === "Actual Oct"`. */
export function monthlyHeader(series: MonthlySeries, fyStartMonth: number, fiscalMonthIndex: number): string {
  return `${series} ${fiscalMonthLabels(fyStartMonth)[fiscalMonthIndex]}`;
}

/** Every data header of tblMonthly in order (keys, then Milestone, Actual, Denominator blocks). */
export function monthlyDataHeaders(fyStartMonth: number): string[] {
  const keys: string[] = Object.values(MONTHLY_KEY_HEADERS);
  const blocks = MONTHLY_SERIES.flatMap((s) => fiscalMonthLabels(fyStartMonth).map((m) => `${s} ${m}`));
  return [...keys, ...blocks];
}

/** Parse "Actual Oct" into its series and calendar month (1-12); undefined for other headers. */
export function parseMonthlyHeader(
  header: string,
): { series: MonthlySeries; calendarMonth: number } | undefined {
  const m = /^\s*(milestone|actual|denominator)\s+([a-z]{3})\s*$/i.exec(header);
  if (!m) return undefined;
  const idx = MONTH_ABBR.findIndex((a) => a.toLowerCase() === m[2].toLowerCase());
  if (idx < 0) return undefined;
  const series = MONTHLY_SERIES.find((s) => s.toLowerCase() === m[1].toLowerCase());
  return series ? { series, calendarMonth: idx + 1 } : undefined;
}

/** Values allowed in the list validations. */
export const LISTS = {
  kind: ["count", "amount", "rate", "ratio"],
  direction: ["up", "down", "band"],
  purpose: ["evaluate", "control", "budget", "learn", "improve", "motivate", "promote", "celebrate"],
  indicator: ["lead", "lag"],
  disposition: ["open", "reviewed", "dismissed", "confirmed"],
} as const;

/** Raw contents of one Excel table as a reader found it (ExcelJS or Office.js). */
export interface RawTable {
  tableName: string;
  sheetName: string;
  headers: string[];
  /** Data rows below the header, as read (numbers, text, booleans, null, error text or objects). */
  rows: unknown[][];
  /** 1-based row of the header row. Data row i (0-based) sits at topLeftRow + 1 + i. */
  topLeftRow: number;
  /** 1-based column of the table's first column. */
  topLeftCol: number;
}

export { columnLetter };

/** 1-based column for letters. Example: `columnNumber("AB") === 28`. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1 address. Example: `a1(3, 2) === "B3"`. */
export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** Parse "B3" into 1-based row and column. Throws on anything else. */
export function parseA1(address: string): { row: number; column: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!m) throw new RangeError(`"${address}" is not an A1 cell address`);
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}
