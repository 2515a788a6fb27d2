/**
 * The WorkbookGateway over an ExcelHost (src/office/host): the real Excel inside Office, or the
 * in-memory Excel in the browser preview. Plans are applied and tables read by src/office; this
 * file only adds the pane's three small writes (cells of Yardstick tables, rows below a table,
 * a selection), each in a fixed number of syncs.
 */
import type { CellRef } from "../../engine/model";
import { syncGroups } from "../../office/batches";
import type { ExcelHost } from "../../office/host";
import { DEFAULT_BUDGET_BYTES } from "../../office/payload";
import { planOps } from "../../office/planOps";
import { readTables } from "../../office/readTables";
import { cellInput } from "../../office/text";
import { TABLES } from "../../workbook/layout";
import type { PlanScalar, WorkbookPlan } from "../../workbook/plan";
import type { TablesInput } from "../../workbook/read";
import { PortError } from "../port";
import type { CellWrite, WorkbookGateway } from "./gateway";

export interface OfficeGatewayOptions {
  canCreateWorkbook: boolean;
  budgetBytes?: number;
}

/** Stops before a plan would collide with sheets the workbook already has. */
async function assertSheetsFree(context: Excel.RequestContext, plan: WorkbookPlan): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const existing = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  const clash = plan.sheets.find((s) => existing.has(s.name.toLowerCase()));
  if (clash) {
    throw new PortError(
      `This workbook already has a sheet named "${clash.name}".`,
      "Insert the template into a new, empty workbook, or rename that sheet and try again.",
    );
  }
}

export function officeGateway(host: ExcelHost, options: OfficeGatewayOptions): WorkbookGateway {
  const budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  return {
    canCreateWorkbook: options.canCreateWorkbook,

    async applyPlan(plan: WorkbookPlan, destination: "this" | "new"): Promise<void> {
      if (destination === "new") {
        throw new PortError(
          "Excel cannot open a new workbook from here.",
          "Create a blank workbook in Excel, open Yardstick there, and insert the template.",
        );
      }
      await host.run({ mergeUndoGroup: true }, async (context) => {
        await assertSheetsFree(context, plan);
        await syncGroups(context, planOps(plan, budget).ops, budget);
      });
    },

    readTables(): Promise<TablesInput> {
      return host.run({}, (context) => readTables(context, Object.values(TABLES), "values", budget));
    },

    async writeCells(writes: CellWrite[]): Promise<void> {
      if (!writes.length) return;
      await host.run({ mergeUndoGroup: true }, async (context) => {
        const names = [...new Set(writes.map((w) => w.table))];
        const headers = names.map((n) =>
          context.workbook.tables.getItem(n).getHeaderRowRange().load("values"),
        );
        await context.sync();
        for (const w of writes) {
          const i = names.indexOf(w.table);
          const col = (headers[i].values[0] as unknown[]).findIndex(
            (h) => String(h).toLowerCase() === w.header.toLowerCase(),
          );
          if (col < 0)
            throw new PortError(
              `The ${w.table} table has no "${w.header}" column.`,
              "Put the column back (its header must match), then try again.",
            );
          const body = context.workbook.tables.getItem(w.table).getDataBodyRange();
          body.getCell(w.row, col).values = [[cellInput(w.value)]];
        }
        await context.sync();
      });
    },

    async appendRows(table: string, rows: PlanScalar[][]): Promise<void> {
      if (!rows.length) return;
      const canResize = host.isSetSupported("ExcelApi", "1.13");
      await host.run({ mergeUndoGroup: true }, async (context) => {
        const t = context.workbook.tables.getItem(table);
        if (!canResize) {
          t.rows.add(
            undefined,
            rows.map((r) => r.map((v) => cellInput(v))),
          );
          await context.sync();
          return;
        }
        const whole = t.getRange().load("rowCount");
        await context.sync();
        const below = whole
          .getRow(whole.rowCount - 1)
          .getOffsetRange(1, 0)
          .getResizedRange(rows.length - 1, 0);
        // Written below the table, then the table grows over them (coauthoring-safe, unlike rows.add);
        // null leaves a cell alone, so calculated columns keep their formulas.
        below.values = rows.map((r) =>
          r.map((v) => (v === null ? (null as unknown as string) : cellInput(v))),
        );
        t.resize(whole.getResizedRange(rows.length, 0));
        await context.sync();
      });
    },

    async selectCell(ref: CellRef): Promise<void> {
      await host.run({}, async (context) => {
        const sheet = context.workbook.worksheets.getItem(ref.sheet);
        sheet.activate();
        sheet.getRangeByIndexes(ref.row - 1, ref.column - 1, 1, 1).select();
        await context.sync();
      });
    },
  };
}
