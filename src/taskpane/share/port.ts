/**
 * What the Share tab asks of a workbook: its tables as a master (for a split and for checking
 * returns), a write of the collected cells under the pane's ask-first rule, and a new workbook
 * opened in Excel. WorkbookPort implements it beside YardstickPort; the decisions themselves
 * (split, check, merge) are src/workbook/loop's, run by service.ts.
 */
import type { Revision } from "../../engine/revisions/types";
import type { TablesInput } from "../../workbook/read";
import type { ReturnsRow } from "../../workbook/sheets/returns";
import type { WriteResult, YardstickPort } from "../port";
import type { TableRows } from "../service/gateway";

/** The cells a collect merges, the revised actuals to log with them, and the Returns rows. */
export interface CollectedWrite {
  /** tblMonthly rows by key, only the merged input columns. */
  monthly: TableRows;
  /** Actuals the master already held that a return changed (the log's "collected-return"). */
  revisions: Revision[];
  /** The Returns table after this collect, written where the workbook has a tblReturns. */
  returns: ReturnsRow[];
  cells: number;
}

export interface SharePort {
  /** The scorecard's tables and the Returns table, as a split or a collect reads a master. */
  readLoopTables(): Promise<TablesInput>;
  /**
   * Write the collected cells. Without `confirm`, throws NeedsConfirmationError instead of
   * replacing values a person typed (a revised actual); Excel's undo, or Revert, takes it back.
   */
  writeCollected(write: CollectedWrite, options?: { confirm?: boolean }): Promise<WriteResult>;
  /** Open an .xlsx (base64) as a new workbook in Excel: ExcelApi 1.8 (see canCreateWorkbook). */
  openNewWorkbook(base64: string): Promise<void>;
  /** Keep the master's ID in its settings (the first split), so returns match it for good. */
  writeMasterId(id: string): Promise<void>;
}

/** The port's Share side, where the port has one (the UI tests' fake may not). */
export function asSharePort(port: YardstickPort): SharePort | undefined {
  const p = port as Partial<SharePort>;
  return typeof p.readLoopTables === "function" &&
    typeof p.writeCollected === "function" &&
    typeof p.openNewWorkbook === "function" &&
    typeof p.writeMasterId === "function"
    ? (port as unknown as SharePort)
    : undefined;
}
