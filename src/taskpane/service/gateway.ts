/**
 * What the task pane's workbook port needs from a workbook: apply a plan, read Yardstick's
 * tables raw, write cells into its own tables, append rows, select a cell. src/office provides
 * it over Excel.run (inside Excel, or over the in-memory Excel in the browser preview).
 */
import type { CellRef } from "../../engine/model";
import type { PlanScalar, WorkbookPlan } from "../../workbook/plan";
import type { TablesInput } from "../../workbook/read";

/** One cell of a Yardstick table, addressed by 0-based data row and header. */
export interface CellWrite {
  table: string;
  row: number;
  header: string;
  value: PlanScalar;
}

export interface WorkbookGateway {
  /** Whether the host can open a new workbook (Excel.createWorkbook, ExcelApi 1.8). */
  readonly canCreateWorkbook: boolean;
  applyPlan(plan: WorkbookPlan, destination: "this" | "new"): Promise<void>;
  /** Every Yardstick table present, keyed by table name. */
  readTables(): Promise<TablesInput>;
  writeCells(writes: CellWrite[]): Promise<void>;
  /** Rows in the table's header order. */
  appendRows(table: string, rows: PlanScalar[][]): Promise<void>;
  selectCell(ref: CellRef): Promise<void>;
}
