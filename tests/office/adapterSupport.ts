/** Helpers shared by the adapter tests: an adapter over the in-memory Excel, and plan tables as a reader sees them. */
import { OfficeAdapter, type ExcelHost, type ResultsInput } from "../../src/office";
import { FLAG_HEADERS, parseA1, type RawTable } from "../../src/workbook/layout";
import { isFormula, type PlanValue, type WorkbookPlan } from "../../src/workbook/plan";
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

/** The Flags table's columns Yardstick owns (the review columns are people's). */
export const OWNED_FLAG_COLUMNS = [
  FLAG_HEADERS.id,
  FLAG_HEADERS.severity,
  FLAG_HEADERS.detector,
  FLAG_HEADERS.measure,
  FLAG_HEADERS.unit,
  FLAG_HEADERS.periods,
  FLAG_HEADERS.explanation,
  FLAG_HEADERS.evidence,
  FLAG_HEADERS.whatToCheck,
];

/** One flag row in the owned columns' order. */
export function flagRow(id: string, severity = "medium"): PlanValue[] {
  return [
    id,
    severity,
    "meet-not-beat",
    "potholes-48h",
    "U00001",
    "2027-01",
    `Actual equals milestone (${id})`,
    "4 of 6 months",
    "Ask how the figure was counted",
  ];
}

/** A flags write: these rows, new rows opening as "open". */
export function flagsInput(...rows: PlanValue[][]): ResultsInput {
  return { columns: OWNED_FLAG_COLUMNS, rows, newRowDefaults: { [FLAG_HEADERS.disposition]: "open" } };
}
