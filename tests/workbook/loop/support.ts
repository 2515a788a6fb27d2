/**
 * A small master (the demo's first offices) split into office copies, and helpers that type into
 * a copy's tables the way a person types into the file: by table, column and row key.
 */
import { demoInput } from "../../../src/cli/commands/demo";
import {
  buildPlanFromInput,
  rawTablesFromPlan,
  type TablesInput,
  type WorkbookInput,
} from "../../../src/workbook";
import {
  readMaster,
  splitMaster,
  type LoopTables,
  type MasterModel,
  type OfficeCopy,
  type SplitOptions,
} from "../../../src/workbook/loop";
import { TableCursor } from "../../../src/workbook/cells";

export const ISSUED_AT = "2027-05-01T09:00:00Z";
export const DUE = "2027-06-10";
/** The demo's as-of month is 2027-04, so the copies ask for May 2027 (fiscal year 2027, Oct start). */
export const REPORT = { actual: "Actual May", denominator: "Denominator May", fy: 2027 };

/** The demo cut to its first `count` offices (all measures, all years). */
export function smallInput(count = 3, title?: string): WorkbookInput {
  const input = demoInput(1);
  const keep = new Set(input.units.slice(0, count).map((u) => u.id));
  return {
    ...input,
    title: title ?? input.title,
    units: input.units.filter((u) => keep.has(u.id)),
    observations: input.observations.filter((o) => keep.has(o.unit)),
    flags: input.flags.filter((f) => keep.has(f.unit)),
    ...(input.budget
      ? {
          budget: {
            years: input.budget.years.filter((y) => keep.has(y.unit)),
            spend: input.budget.spend.filter((y) => keep.has(y.unit)),
          },
        }
      : {}),
  };
}

export interface Fixture {
  input: WorkbookInput;
  tables: TablesInput;
  master: MasterModel;
  copies: OfficeCopy[];
}

/** A master as read back from its plan, and its office copies. */
export function splitFixture(input: WorkbookInput, options: Partial<SplitOptions> = {}): Fixture {
  const tables = rawTablesFromPlan(buildPlanFromInput(input));
  const master = readMaster(tables);
  const copies = splitMaster(master, tables, { due: DUE, issuedAt: ISSUED_AT, ...options });
  return { input, tables, master, copies };
}

/** Set one cell of a table (found by key columns) in tables read back; returns the cell's address. */
export function typeInto(
  tables: LoopTables | TablesInput,
  tableName: string,
  key: Record<string, string | number>,
  header: string,
  value: unknown,
): string {
  const t = tables[tableName];
  if (!t) throw new Error(`no table ${tableName}`);
  const col = (h: string) => {
    const j = t.headers.indexOf(h);
    if (j < 0) throw new Error(`no column ${h} in ${tableName}`);
    return j;
  };
  const i = t.rows.findIndex((r) => Object.entries(key).every(([h, v]) => String(r[col(h)]) === String(v)));
  if (i < 0) throw new Error(`no row ${JSON.stringify(key)} in ${tableName}`);
  t.rows[i][col(header)] = value;
  return new TableCursor(t, []).ref(i, col(header)).address!;
}

/** The row key of tblMonthly for a measure at a unit this year. */
export function monthlyKey(measure: string, unit: string, fy = REPORT.fy) {
  return { "Measure ID": measure, "Unit ID": unit, "Fiscal year": fy };
}

/**
 * Next month's actual a person would type: the month's milestone, nudged by office, whole for
 * counts; rates stay within 0-100. Denominators for rates and ratios: the caseload-sized 1000 + i.
 */
export function typedValue(
  input: WorkbookInput,
  measure: string,
  unit: string,
): { actual: number; denominator?: number } {
  const m = input.measures.find((x) => x.id === measure)!;
  const ui = input.units.findIndex((u) => u.id === unit);
  const milestone = input.observations.find(
    (o) => o.measure === measure && o.unit === unit && o.period === "2027-05" && o.milestone !== undefined,
  )?.milestone;
  const base = milestone ?? 50;
  if (m.kind === "rate")
    return { actual: Math.min(100, Math.round((base + ui - 1) * 10) / 10), denominator: 1000 + ui };
  if (m.kind === "ratio")
    return { actual: Math.round(base * (1 + ui / 50) * 100) / 100, denominator: 1000 + ui };
  return { actual: Math.round(base * (1 + (ui - 1) / 20)) };
}
