/**
 * Read a scorecard workbook (.xlsx) back into the engine's model. ExcelJS extracts each
 * table's raw contents by table name (sheets may be renamed, rows sorted or inserted,
 * columns moved); the workbook layer's `scorecardFromTables` turns them into a scorecard
 * and reports bad cells as findings with sheet, row and column.
 */
import ExcelJS from "exceljs";
import { scorecardFromTables, type RawTable, type ReadResult, type TablesInput } from "../workbook";
import { parseRange } from "./address";
import { XlsxReadError } from "./errors";
import { readSheetCells, type XmlCell } from "./sheetXml";

/** What ExcelJS keeps of a table it read from a file. */
interface LoadedTableModel {
  name: string;
  tableRef?: string;
  ref?: string;
  totalsRow?: boolean;
}

/** Cells as the sheet XML holds them, to recover cached formula results ExcelJS drops. */
export type SheetCells = Map<string, Map<string, XmlCell>>;

/**
 * What a person sees in a cell. Formula cells give their cached result; ExcelJS loses a
 * result of 0, "" or FALSE, so those come from the sheet XML instead.
 */
function cellContent(cell: ExcelJS.Cell, xml?: Map<string, XmlCell>): unknown {
  const value = cell.value;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result !== undefined) return result;
      const fromXml = xml?.get(cell.address);
      return fromXml?.error ? { error: fromXml.error } : (fromXml?.value ?? null);
    }
    if ("hyperlink" in value) return (value as ExcelJS.CellHyperlinkValue).text;
  }
  return value;
}

/** One table's raw contents: header texts and the data rows below them (totals row left out). */
export function rawTable(
  ws: ExcelJS.Worksheet,
  model: LoadedTableModel,
  xml?: Map<string, XmlCell>,
): RawTable {
  const ref = model.tableRef ?? model.ref;
  if (!ref) throw new XlsxReadError(`table ${model.name} on sheet "${ws.name}" has no range`);
  const { from, to } = parseRange(ref, ws.name);
  const lastDataRow = to.row - (model.totalsRow ? 1 : 0);
  const headers: string[] = [];
  for (let c = from.column; c <= to.column; c += 1) {
    const text = cellContent(ws.getCell(from.row, c), xml);
    headers.push(text === null || text === undefined ? "" : String(text));
  }
  const rows: unknown[][] = [];
  for (let r = from.row + 1; r <= lastDataRow; r += 1) {
    const row: unknown[] = [];
    for (let c = from.column; c <= to.column; c += 1) row.push(cellContent(ws.getCell(r, c), xml));
    rows.push(row);
  }
  return {
    tableName: model.name,
    sheetName: ws.name,
    headers,
    rows,
    topLeftRow: from.row,
    topLeftCol: from.column,
  };
}

/** Every table in a workbook, keyed by table name; pass the sheet XML cells to keep results of 0. */
export function rawTables(workbook: ExcelJS.Workbook, cells?: SheetCells): TablesInput {
  const tables: TablesInput = {};
  for (const ws of workbook.worksheets) {
    const byName = (ws as unknown as { tables?: Record<string, { table?: LoadedTableModel }> }).tables ?? {};
    for (const [name, table] of Object.entries(byName)) {
      if (table.table) tables[name] = rawTable(ws, { ...table.table, name }, cells?.get(ws.name));
    }
  }
  return tables;
}

/** Load .xlsx bytes with ExcelJS, turning a corrupt or foreign file into a clear XlsxReadError. */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new XlsxReadError(
      `this is not a readable .xlsx workbook (${reason}); save it from Excel or LibreOffice as "Excel Workbook (.xlsx)" and try again`,
    );
  }
  return workbook;
}

/** Every table of a workbook file, with exact cached formula results. */
export async function readRawTables(bytes: Buffer): Promise<TablesInput> {
  return rawTables(await loadWorkbook(bytes), await readSheetCells(bytes));
}

/** A scorecard read from a workbook, with the raw tables it came from. */
export interface XlsxReadResult extends ReadResult {
  tables: TablesInput;
}

/**
 * Read a scorecard workbook: raw tables by name, then the workbook layer's reader.
 * @example const { scorecard, findings } = await readScorecardXlsx(fs.readFileSync("yardstick-demo.xlsx"));
 */
export async function readScorecardXlsx(bytes: Buffer): Promise<XlsxReadResult> {
  const workbook = await loadWorkbook(bytes);
  const tables = rawTables(workbook, await readSheetCells(bytes));
  return { ...scorecardFromTables(tables), tables };
}
