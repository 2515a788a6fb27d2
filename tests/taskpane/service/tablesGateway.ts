/** A WorkbookGateway over raw tables in memory, for testing the workbook port without Excel. */
import type { CellRef } from "../../../src/engine/model";
import type { GatewayWrite, TableRows, WorkbookGateway } from "../../../src/taskpane/service/gateway";
import { monthlyDataHeaders, type RawTable } from "../../../src/workbook/layout";
import type { WorkbookPlan } from "../../../src/workbook/plan";
import type { TablesInput } from "../../../src/workbook/read";
import type { RevertOutcome } from "../../../src/taskpane/port";

const KEYS: Record<string, string[]> = {
  tblMonthly: ["Measure ID", "Unit ID", "Fiscal year"],
  tblProgramTargets: ["Measure ID", "Fiscal year"],
  tblFlags: ["Flag ID"],
};

export class TablesGateway implements WorkbookGateway {
  readonly canCreateWorkbook = false;
  readonly revertsOwnWrites = false;
  selected: CellRef[] = [];
  applied: WorkbookPlan[] = [];

  constructor(public tables: TablesInput = {}) {}

  async applyPlan(plan: WorkbookPlan): Promise<void> {
    this.applied.push(plan);
    for (const sheet of plan.sheets) {
      for (const t of sheet.tables) {
        this.tables[t.name] = {
          tableName: t.name,
          sheetName: sheet.name,
          headers: t.columns.map((c) => c.header),
          rows: t.rows.map((r) => r.map((v) => (typeof v === "object" && v !== null ? null : v))),
          topLeftRow: 1,
          topLeftCol: 1,
        };
      }
    }
  }
  async readTables(): Promise<TablesInput> {
    return structuredClone(this.tables);
  }
  /** Typed cells the next unconfirmed write would replace make it ask, as the Office adapter does. */
  askBeforeReplacing = false;
  /** Each write: the tables it named together, and whether the user had confirmed it. */
  writes: { tables: string[]; confirm: boolean }[] = [];

  async writeRows(rows: TableRows | readonly TableRows[], confirm: boolean): Promise<GatewayWrite> {
    const batch = "table" in rows ? [rows] : rows;
    this.writes.push({ tables: batch.map((b) => b.table), confirm });
    // Asked about before anything is written, as the Office adapter plans every table first.
    if (this.askBeforeReplacing && !confirm && batch.some((b) => b.confirmed !== true))
      return { status: "needs-confirmation", message: "2 targets were typed by people." };
    for (const b of batch) this.writeTable(b);
    return { status: "written" };
  }

  private writeTable(rows: TableRows): void {
    const t = this.tables[rows.table]!;
    const keys = KEYS[rows.table];
    const cols = rows.columns.map((h) => t.headers.indexOf(h));
    if (cols.some((c) => c < 0)) throw new Error(`unknown column in ${rows.columns.join(", ")}`);
    for (const row of rows.rows) {
      const key = keys.map((k) => String(row[rows.columns.indexOf(k)]));
      const keyCols = keys.map((k) => t.headers.indexOf(k));
      let target = t.rows.find((r) => keyCols.every((c, i) => String(r[c]) === key[i]));
      if (!target) {
        target = t.headers.map(() => null);
        t.rows.push(target);
      }
      cols.forEach((c, i) => (target![c] = row[i]));
    }
  }
  async selectCell(ref: CellRef): Promise<void> {
    this.selected.push(ref);
  }
  async revert(): Promise<RevertOutcome> {
    throw new Error("TablesGateway keeps no revert; the Office adapter's is tested in tests/office.");
  }
}

function table(tableName: string, sheetName: string, headers: string[], rows: unknown[][]): RawTable {
  return { tableName, sheetName, headers, rows, topLeftRow: 5, topLeftCol: 1 };
}

/**
 * A small federal-year scorecard: orders (count) and PEP (rate) for North and South, FY2026 actuals
 * for every month, FY2027 actuals through January (month 4), no targets yet for FY2027.
 */
export function smallScorecard(): TablesInput {
  const headers = monthlyDataHeaders(10);
  const row = (
    measure: string,
    unit: string,
    fy: number,
    actuals: (number | null)[],
    target: number | null = null,
  ): unknown[] => {
    const cells: unknown[] = [
      measure,
      unit,
      fy,
      target,
      ...Array(12).fill(null),
      ...Array(12).fill(null),
      ...Array(12).fill(null),
    ];
    actuals.forEach((a, i) => (cells[4 + 12 + i] = a));
    return cells;
  };
  const flat = (v: number, n: number): number[] => Array(n).fill(v);
  return {
    tblSettings: table(
      "tblSettings",
      "About",
      ["Setting", "Value", "What it means"],
      [
        ["Title", "Test", ""],
        ["Fiscal year starts (month 1-12)", 10, ""],
      ],
    ),
    tblMeasures: table(
      "tblMeasures",
      "Measures",
      ["Measure ID", "Measure", "Kind", "Direction", "Unit label"],
      [
        ["orders", "Cases with orders", "count", "up", "cases"],
        ["pep", "Paternity establishment", "rate", "up", "%"],
      ],
    ),
    tblUnits: table(
      "tblUnits",
      "Units",
      ["Unit ID", "Unit", "Caseload", "FTE"],
      [
        ["north", "North", 300, 6],
        ["south", "South", 100, 2],
      ],
    ),
    tblMonthly: table("tblMonthly", "Milestones & Actuals", headers, [
      row("orders", "north", 2027, [20, 22, 25, 21], 240),
      row("orders", "south", 2027, [5, 6, 4, 7], 80),
      row("orders", "north", 2026, flat(18, 12)),
      row("orders", "south", 2026, flat(6, 12)),
      row("pep", "north", 2026, flat(80, 12)),
      row("pep", "south", 2026, flat(70, 12)),
    ]),
    tblProgramTargets: table(
      "tblProgramTargets",
      "Targets",
      ["Measure ID", "Fiscal year", "Program target", "Proration method", "Sum of unit targets", "Gap"],
      [],
    ),
    tblFlags: table(
      "tblFlags",
      "Flags",
      [
        "Flag ID",
        "Severity",
        "Detector",
        "Measure ID",
        "Unit ID",
        "Periods",
        "What we saw",
        "Evidence",
        "What to check",
        "Reviewer",
        "Disposition",
        "Note",
      ],
      [],
    ),
  };
}
