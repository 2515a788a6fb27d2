/** Helpers shared by the adapter tests: an adapter over the in-memory Excel, and plan tables as a reader sees them. */
import { OfficeAdapter, type ExcelHost } from "../../src/office";
import { parseA1, type RawTable } from "../../src/workbook/layout";
import { isFormula, type WorkbookPlan } from "../../src/workbook/plan";
import { createMemoryExcel, type MemoryExcelOptions } from "../support/memoryExcel";

export function memoryAdapter(options: MemoryExcelOptions = {}, budgetBytes?: number) {
  const excel = createMemoryExcel({ apiVersion: "1.8", evaluateFormulas: false, ...options });
  const adapter = new OfficeAdapter(excel as unknown as ExcelHost, { budgetBytes });
  return { excel, adapter };
}

/** The plan's own tables as raw contents (formula cells blank), for comparing with a read-back. */
export function planTables(plan: WorkbookPlan): Record<string, RawTable> {
  const out: Record<string, RawTable> = {};
  for (const sheet of plan.sheets) {
    for (const t of sheet.tables) {
      const { row, column } = parseA1(t.topLeft);
      out[t.name] = {
        tableName: t.name,
        sheetName: sheet.name,
        headers: t.columns.map((c) => c.header),
        rows: (t.rows.length ? t.rows : [t.columns.map(() => null)]).map((r) =>
          r.map((v) => (v === null || isFormula(v) ? "" : v)),
        ),
        topLeftRow: row,
        topLeftCol: column,
      };
    }
  }
  return out;
}
