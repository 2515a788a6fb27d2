/**
 * The tables the email loop compares, as read with their formulas, and which of their cells an
 * office may type in. A cell is named by table, column header and row key (never by address),
 * so a sorted table still matches its issue.
 */
import { cellText, findColumns, toCell } from "../cells";
import {
  MEASURE_HEADERS,
  MONTHLY_KEY_HEADERS,
  parseA1,
  parseMonthlyHeader,
  PROGRAM_TARGET_HEADERS,
  SETTINGS,
  TABLES,
  UNIT_HEADERS,
  type RawTable,
} from "../layout";
import { isFormula, type WorkbookPlan } from "../plan";
import { canonicalCell, formulaR1C1 } from "./canonical";
import { STAMP_LABELS } from "./stamp";

/** A table as read for the loop: values, and each cell's formula relative to its cell (R1C1). */
export interface LoopTable extends RawTable {
  /** Same shape as `rows`; undefined where the cell holds no formula. */
  formulas: (string | undefined)[][];
}

export type LoopTables = Record<string, LoopTable | undefined>;

/** How the loop treats one table: its row key and the cells an office fills in. */
export interface TableRole {
  table: string;
  /** Headers whose values together name a row. */
  keys: string[];
  /** Cells an office may type in (merged into the master); every other cell is locked. */
  isInput(header: string): boolean;
  /** Rows left out of the fingerprint (the stamp itself, the as-of month a person sets). */
  skipRow?(key: string): boolean;
}

/** Settings rows the fingerprint leaves out: the stamp and the as-of month a person moves on. */
export const UNLOCKED_SETTINGS: ReadonlySet<string> = new Set<string>([SETTINGS.asOfMonth]);

const STAMP_SETTING_LABELS: ReadonlySet<string> = new Set<string>(Object.values(STAMP_LABELS));

const never = () => false;

/** Actual and Denominator month columns: what an office reports. Example: `isReportedColumn("Actual Oct") === true`. */
export function isReportedColumn(header: string): boolean {
  const parsed = parseMonthlyHeader(header);
  return parsed !== undefined && parsed.series !== "Milestone";
}

/** The tables the stamp fingerprints and collect compares, in the order they are checked. */
export const LOOP_ROLES: readonly TableRole[] = [
  {
    table: TABLES.settings,
    keys: ["Setting"],
    isInput: never,
    skipRow: (key) => UNLOCKED_SETTINGS.has(key) || STAMP_SETTING_LABELS.has(key),
  },
  { table: TABLES.measures, keys: [MEASURE_HEADERS.id], isInput: never },
  { table: TABLES.units, keys: [UNIT_HEADERS.id], isInput: never },
  {
    table: TABLES.programTargets,
    keys: [PROGRAM_TARGET_HEADERS.measure, PROGRAM_TARGET_HEADERS.fiscalYear],
    isInput: never,
  },
  {
    table: TABLES.monthly,
    keys: [MONTHLY_KEY_HEADERS.measure, MONTHLY_KEY_HEADERS.unit, MONTHLY_KEY_HEADERS.fiscalYear],
    isInput: isReportedColumn,
  },
];

/** The key of a table row ("pep | howard | 2027"); undefined when a key cell is blank. */
export function rowKey(table: RawTable, role: TableRole, rowIndex: number): string | undefined {
  const cols = findColumns(table.headers, Object.fromEntries(role.keys.map((k) => [k, k])));
  const parts: string[] = [];
  for (const k of role.keys) {
    const text = cols[k] < 0 ? undefined : cellText(toCell(table.rows[rowIndex]?.[cols[k]]));
    if (text === undefined) return undefined;
    parts.push(text);
  }
  return parts.join(" | ");
}

/** What a cell holds for the fingerprint: its formula (R1C1) or its canonical value; "" when empty. */
export function cellContent(table: LoopTable, rowIndex: number, colIndex: number): string {
  const formula = table.formulas[rowIndex]?.[colIndex];
  // LibreOffice saves a TRUE or FALSE typed in a cell as the formula TRUE() or FALSE().
  if (formula !== undefined && !/^(TRUE|FALSE)\(\)$/i.test(formula)) return `f:${formula}`;
  return canonicalCell(table.rows[rowIndex]?.[colIndex]);
}

/**
 * A plan's tables (all, or those `wanted`) as a spreadsheet would read them back: formula cells
 * have no value yet and their formula relative to the cell. Example: `loopTablesFromPlan(plan).tblMonthly.formulas[0]`.
 */
export function loopTablesFromPlan(plan: WorkbookPlan, wanted?: readonly string[]): LoopTables {
  const out: LoopTables = {};
  for (const sheet of plan.sheets) {
    for (const t of sheet.tables) {
      if (wanted && !wanted.includes(t.name)) continue;
      const { row, column } = parseA1(t.topLeft);
      out[t.name] = {
        tableName: t.name,
        sheetName: sheet.name,
        headers: t.columns.map((c) => c.header),
        rows: t.rows.map((r) => r.map((v) => (isFormula(v) ? null : v))),
        formulas: t.rows.map((r, i) =>
          r.map((v, j) => (isFormula(v) ? formulaR1C1(v.formula, row + 1 + i, column + j) : undefined)),
        ),
        topLeftRow: row,
        topLeftCol: column,
      };
    }
  }
  return out;
}
