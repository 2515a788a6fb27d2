/**
 * The WorkbookGateway over src/office's OfficeAdapter and an ExcelHost: the real Excel inside
 * Office, or the in-memory Excel in the browser preview. Plans, reads and results writes (with
 * their edit detection, payload budget and undo) are the adapter's; this file only maps its
 * outcomes to what the pane says. Every Excel call goes through the adapter.
 */
import type { CellRef } from "../../engine/model";
import { OfficeAdapter } from "../../office/adapter";
import type { ExcelHost } from "../../office/host";
import { DEFAULT_BUDGET_BYTES } from "../../office/payload";
import { SETTINGS_HEADERS, TABLES } from "../../workbook/layout";
import type { WorkbookPlan } from "../../workbook/plan";
import type { TablesInput } from "../../workbook/read";
import { PortError, type RevertOutcome } from "../port";
import type { GatewayWrite, LogRows, TableRows, WorkbookGateway } from "./gateway";

export interface OfficeGatewayOptions {
  canCreateWorkbook: boolean;
  budgetBytes?: number;
}

export function officeGateway(host: ExcelHost, options: OfficeGatewayOptions): WorkbookGateway {
  const budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  const adapter = new OfficeAdapter(host, { budgetBytes: budget });
  return {
    canCreateWorkbook: options.canCreateWorkbook,
    revertsOwnWrites: adapter.support.ok && !adapter.support.undoGroups,

    async applyPlan(plan: WorkbookPlan, destination: "this" | "new"): Promise<void> {
      if (destination === "new") {
        // The port writes a new workbook as a file and opens it (createWorkbook); a plan never lands here.
        throw new PortError(
          "Excel cannot open a new workbook from here.",
          "Create a blank workbook in Excel, open Yardstick there, and insert the template.",
        );
      }
      const outcome = await adapter.applyPlan(plan);
      if (outcome.status === "needs-confirmation") {
        throw new PortError(outcome.message, "Then choose Insert template again.");
      }
    },

    readTables(names?: string[]): Promise<TablesInput> {
      return adapter.readTables(names ?? Object.values(TABLES));
    },

    async createWorkbook(base64: string): Promise<void> {
      if (!options.canCreateWorkbook || !host.createWorkbook)
        throw new PortError(
          "This Excel cannot open a new workbook from an add-in (it needs Excel 2019, Microsoft 365, Mac or the web).",
          "Save this workbook and use the command line, or insert into a blank workbook you open yourself.",
        );
      await host.createWorkbook(base64);
    },

    async writeRows(
      rows: TableRows | readonly TableRows[],
      confirm: boolean,
      log?: LogRows,
    ): Promise<GatewayWrite> {
      const tables = "table" in rows ? [rows] : rows;
      const outcome = await adapter.writeTables(
        tables.map((t) => ({
          table: t.table,
          input: { columns: t.columns, rows: t.rows },
          intoPeoplesColumns: true,
          confirmed: t.confirmed,
        })),
        { confirm, ...(log && log.revisions.length > 0 ? { log } : {}) },
      );
      return outcome.status === "written"
        ? { status: "written" }
        : { status: "needs-confirmation", message: outcome.message };
    },

    async appendLog(log: LogRows): Promise<void> {
      // A write of nothing into the settings table carries the log rows and rewrites the seal.
      const [setting, value] = SETTINGS_HEADERS;
      await adapter.writeResults(
        TABLES.settings,
        { columns: [setting, value], rows: [] },
        { confirm: true, intoPeoplesColumns: true, log },
      );
    },

    selectCell(ref: CellRef): Promise<void> {
      return adapter.selectCell(ref);
    },

    async revert(confirm: boolean): Promise<RevertOutcome> {
      if (!adapter.canRevert) {
        throw new PortError(
          "There is nothing to revert.",
          "Revert takes back Yardstick's last change made since the pane was opened.",
        );
      }
      const outcome = await adapter.revert({ confirm });
      return outcome.status === "written"
        ? { status: "reverted", message: "Yardstick's last change is taken back." }
        : { status: "needs-confirmation", message: outcome.message, changes: outcome.changes ?? [] };
    },
  };
}
