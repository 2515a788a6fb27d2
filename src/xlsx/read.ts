/**
 * Read a scorecard workbook (.xlsx) back into the engine's model. Tables are found by name in
 * the package (sheets may be renamed, rows sorted or inserted, columns moved); each sheet
 * holding a wanted table is streamed once and only its tables' cells are kept, so a 50 MB
 * workbook reads within a small heap. The workbook layer's `scorecardFromTables` turns the raw
 * tables into a scorecard and reports bad cells as findings with sheet, row and column.
 * ExcelJS is only the writer (and `loadWorkbook`, for tests that inspect styles).
 */
import ExcelJS from "exceljs";
import { scorecardFromTables, TABLES, type RawTable, type ReadResult, type TablesInput } from "../workbook";
import { formatAddress } from "./address";
import { XlsxReadError } from "./errors";
import { openWorkbookPackage, type SheetPart, type TablePart } from "./package";
import type { ZipArchive } from "./zip";
import { readSharedStrings, readSheet, type CellContent, type CellSink, type XmlCell } from "./sheetXml";

/** The tables a scorecard is read from, and the Flags table whose reviews a re-run keeps. */
export const SCORECARD_TABLES: readonly string[] = [
  TABLES.settings,
  TABLES.measures,
  TABLES.units,
  TABLES.programTargets,
  TABLES.monthly,
  TABLES.flags,
  TABLES.budget,
  TABLES.spend,
  TABLES.revisions,
];

/** A table being filled while its sheet streams past. */
export interface Filling {
  part: TablePart;
  table: RawTable;
  headerRow: number;
  lastDataRow: number;
}

const headerText = (content: CellContent): string =>
  content === null ? "" : typeof content === "object" ? content.error : String(content);

/** An empty table for a table part, to fill while its sheet streams past. */
export function filling(part: TablePart, sheet: string): Filling {
  const width = part.to.column - part.from.column + 1;
  const headerRow = part.from.row + part.headerRows - 1;
  const headers =
    part.headerRows === 0
      ? Array.from({ length: width }, (_, c) => part.columns[c] ?? "")
      : new Array(width).fill("");
  const table: RawTable = {
    tableName: part.name,
    sheetName: sheet,
    headers,
    rows: [],
    topLeftRow: headerRow,
    topLeftCol: part.from.column,
  };
  return { part, table, headerRow, lastDataRow: part.to.row - part.totalsRows };
}

/** The table filling whose header or data rows hold a cell, if any (each sheet has a few tables). */
export function fillingAt<T extends Filling>(
  tables: readonly T[],
  row: number,
  column: number,
): T | undefined {
  return tables.find(
    (t) =>
      row >= t.headerRow &&
      row <= t.lastDataRow &&
      column >= t.part.from.column &&
      column <= t.part.to.column,
  );
}

/** Whether a sheet row falls in any of the tables being filled. */
export function rowInFillings(tables: readonly Filling[], row: number): boolean {
  return tables.some((t) => row >= t.headerRow && row <= t.lastDataRow);
}

/** Keeps the cells of one sheet's wanted tables, each in its table's row. */
function tableSink(tables: Filling[]): CellSink {
  const find = (row: number, column: number) => fillingAt(tables, row, column);
  return {
    wantRow: (row) => rowInFillings(tables, row),
    wantCell: (row, column) => find(row, column) !== undefined,
    cell(row, column, content) {
      const t = find(row, column)!;
      const c = column - t.part.from.column;
      if (row === t.headerRow && t.part.headerRows > 0) {
        t.table.headers[c] = headerText(content);
        return;
      }
      const index = row - t.headerRow - 1;
      const rows = t.table.rows;
      while (rows.length <= index) rows.push(new Array(t.table.headers.length).fill(null));
      rows[index][c] = content;
    },
  };
}

/**
 * Every table of a workbook (or only those named in `wanted`), keyed by table name, with
 * cached formula results exactly as the file holds them.
 * @example const tables = await readRawTables(fs.readFileSync("demo.xlsx"), "demo.xlsx");
 */
export async function readRawTables(
  bytes: Uint8Array,
  file = "the workbook",
  wanted?: readonly string[],
): Promise<TablesInput> {
  const pkg = await openWorkbookPackage(bytes, file);
  const keep = (t: TablePart) => !wanted || wanted.includes(t.name);
  const sheets = pkg.sheets.filter((s) => s.tables.some(keep));
  const strings = sheets.length > 0 ? await readSharedStrings(pkg.zip, pkg.sharedStrings) : [];
  const tables: TablesInput = {};
  for (const sheet of sheets) {
    const fills = sheet.tables.filter(keep).map((t) => filling(t, sheet.name));
    await readSheet(pkg.zip, sheet.part, strings, tableSink(fills));
    for (const f of fills) {
      const dataRows = Math.max(0, f.lastDataRow - f.headerRow);
      while (f.table.rows.length < dataRows) f.table.rows.push(new Array(f.table.headers.length).fill(null));
      tables[f.part.name] = f.table;
    }
  }
  return tables;
}

/** Every cell of every sheet: sheet name -> "A1" -> value (and formula, and error). */
export async function readSheetCells(
  bytes: Buffer,
  file = "the workbook",
): Promise<Map<string, Map<string, XmlCell>>> {
  const pkg = await openWorkbookPackage(bytes, file);
  const strings = await readSharedStrings(pkg.zip, pkg.sharedStrings);
  const sheets = new Map<string, Map<string, XmlCell>>();
  for (const sheet of pkg.sheets) sheets.set(sheet.name, await allCells(pkg.zip, sheet, strings));
  return sheets;
}

async function allCells(zip: ZipArchive, sheet: SheetPart, strings: string[]): Promise<Map<string, XmlCell>> {
  const cells = new Map<string, XmlCell>();
  await readSheet(zip, sheet.part, strings, {
    formulas: true,
    wantRow: () => true,
    wantCell: () => true,
    cell(row, column, content, formula) {
      const base = formula === undefined ? {} : { formula };
      const cell: XmlCell =
        content !== null && typeof content === "object"
          ? { ...base, value: null, error: content.error }
          : { ...base, value: content };
      cells.set(formatAddress({ row, column }), cell);
    },
  });
  return cells;
}

/** Load .xlsx bytes with ExcelJS (for inspecting styles and layout), turning a foreign file into a clear XlsxReadError. */
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

/** A scorecard read from a workbook, with the raw tables it came from. */
export interface XlsxReadResult extends ReadResult {
  /**
   * The tables read (SCORECARD_TABLES) but the grid, tblMonthly, which lives on as the
   * scorecard's observations (keeping both doubled the memory of a big workbook); tblFlags
   * carries the reviews a re-run keeps.
   */
  tables: TablesInput;
}

/**
 * Read a scorecard workbook: the scorecard's tables by name, then the workbook layer's reader.
 * @example const { scorecard, findings } = await readScorecardXlsx(fs.readFileSync("yardstick-demo.xlsx"));
 */
export async function readScorecardXlsx(bytes: Buffer, file = "the workbook"): Promise<XlsxReadResult> {
  const tables = await readRawTables(bytes, file, SCORECARD_TABLES);
  const read = scorecardFromTables(tables);
  delete tables[TABLES.monthly];
  return { ...read, tables };
}
