/** Which columns identify a row of each Yardstick table, so sorting rows is not an edit. */
import {
  FLAG_HEADERS,
  MEASURE_HEADERS,
  MONTHLY_KEY_HEADERS,
  PROGRAM_TARGET_HEADERS,
  TABLES,
  UNIT_HEADERS,
} from "./layout";
import { BUDGET_HEADERS } from "./sheets/budgetColumns";

const KEYS: Record<string, string[]> = {
  [TABLES.flags]: [FLAG_HEADERS.id],
  [TABLES.monthly]: [MONTHLY_KEY_HEADERS.measure, MONTHLY_KEY_HEADERS.unit, MONTHLY_KEY_HEADERS.fiscalYear],
  [TABLES.measures]: [MEASURE_HEADERS.id],
  [TABLES.units]: [UNIT_HEADERS.id],
  [TABLES.programTargets]: [PROGRAM_TARGET_HEADERS.measure, PROGRAM_TARGET_HEADERS.fiscalYear],
  [TABLES.settings]: ["Setting"],
  // The Targets tab's budget split writes each unit's Budget (and FTE) by unit and fiscal year.
  [TABLES.budget]: [BUDGET_HEADERS.unit, BUDGET_HEADERS.fiscalYear],
  // ... and re-spreads their monthly allotments on tblSpend, by the same key.
  [TABLES.spend]: [BUDGET_HEADERS.unit, BUDGET_HEADERS.fiscalYear],
};

/** Key headers of a table that are present; none means rows are keyed by position. */
export function tableKeys(tableName: string, headers: string[]): string[] {
  const lower = headers.map((h) => h.toLowerCase());
  return (KEYS[tableName] ?? []).filter((k) => lower.includes(k.toLowerCase()));
}
