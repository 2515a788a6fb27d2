/**
 * A plan's tables as a reader would find them in a freshly written workbook (values only;
 * formula cells read as empty). Lets tests and the task pane's preview round-trip a plan
 * through `scorecardFromTables` without ExcelJS or Office.
 */
import { parseA1, type RawTable } from "./layout";
import { isFormula, type WorkbookPlan } from "./plan";
import type { TablesInput } from "./read";

/** Every table of a plan keyed by name. Example: `rawTablesFromPlan(plan).tblMeasures.headers[0] === "Measure ID"`. */
export function rawTablesFromPlan(plan: WorkbookPlan): TablesInput {
  const out: TablesInput = {};
  for (const sheet of plan.sheets) {
    for (const t of sheet.tables) {
      const { row, column } = parseA1(t.topLeft);
      const table: RawTable = {
        tableName: t.name,
        sheetName: sheet.name,
        headers: t.columns.map((c) => c.header),
        rows: t.rows.map((r) => r.map((v) => (isFormula(v) ? null : v))),
        topLeftRow: row,
        topLeftCol: column,
      };
      out[t.name] = table;
    }
  }
  return out;
}
