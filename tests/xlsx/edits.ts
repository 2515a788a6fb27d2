/**
 * What a manager does to a workbook between two runs, applied to .xlsx bytes the way Excel
 * would: sort a table (rows move with their formulas, relative references shift with them),
 * insert a row inside a table (the table grows, calculated columns fill down), rename a sheet
 * (every reference to it follows), blank a cell. Sorting and inserting go through ExcelJS;
 * renaming edits the XML so charts and formats survive.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { loadWorkbook } from "../../src/xlsx";
import { columnLetters, parseRange } from "../../src/xlsx/address";

interface LoadedTable {
  table: { name: string; tableRef: string; autoFilterRef?: string; headerRow?: boolean; totalsRow?: boolean };
}

/**
 * Turn shared formulas into plain ones (as Excel does when it moves cells), so the helpers
 * can move and rewrite every formula; ExcelJS translates each shared formula to its cell.
 */
function unshare(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    const plain: [ExcelJS.Cell, string][] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { sharedFormula?: string; shareType?: string; formula?: string } | null;
        if (v && typeof v === "object" && (v.sharedFormula || v.shareType)) plain.push([cell, cell.formula]);
      }),
    );
    for (const [cell, formula] of plain) cell.value = { formula } as ExcelJS.CellFormulaValue;
  }
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = await loadWorkbook(bytes);
  unshare(workbook);
  return workbook;
}

function findTable(
  workbook: ExcelJS.Workbook,
  name: string,
): { ws: ExcelJS.Worksheet; table: LoadedTable["table"] } {
  for (const ws of workbook.worksheets) {
    const tables = (ws as unknown as { tables: Record<string, LoadedTable> }).tables ?? {};
    if (tables[name]) return { ws, table: tables[name].table };
  }
  throw new Error(`no table ${name}`);
}

const A1_REF = /(?<![A-Za-z0-9_.\]'!$])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/g;

/** Shift every relative row reference in a formula by `delta` rows, skipping "text" literals. */
export function shiftRows(formula: string, delta: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(A1_REF, (all, c$, col, r$, row) => (r$ ? all : `${c$}${col}${Number(row) + delta}`)),
    )
    .join("");
}

function moved(value: ExcelJS.CellValue, delta: number): ExcelJS.CellValue {
  if (value && typeof value === "object" && "formula" in value) {
    return {
      formula: shiftRows((value as ExcelJS.CellFormulaValue).formula, delta),
    } as ExcelJS.CellFormulaValue;
  }
  if (value && typeof value === "object" && "sharedFormula" in value) {
    throw new Error("shared formulas are not supported by this test helper");
  }
  return value;
}

async function save(workbook: ExcelJS.Workbook): Promise<Buffer> {
  workbook.calcProperties.fullCalcOnLoad = true;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sort a table's data rows by one column, as Data > Sort does (blanks last). */
export async function sortTable(
  bytes: Buffer,
  tableName: string,
  header: string,
  order: "asc" | "desc",
): Promise<Buffer> {
  const workbook = await load(bytes);
  const { ws, table } = findTable(workbook, tableName);
  const { from, to } = parseRange(table.tableRef);
  const lastRow = to.row - (table.totalsRow ? 1 : 0);
  let key = -1;
  for (let c = from.column; c <= to.column; c += 1) if (ws.getCell(from.row, c).value === header) key = c;
  if (key < 0) throw new Error(`no column ${header} in ${tableName}`);
  const rows: { row: number; cells: ExcelJS.CellValue[]; key: unknown }[] = [];
  for (let r = from.row + 1; r <= lastRow; r += 1) {
    const cells: ExcelJS.CellValue[] = [];
    for (let c = from.column; c <= to.column; c += 1) cells.push(ws.getCell(r, c).value);
    rows.push({ row: r, cells, key: ws.getCell(r, key).value });
  }
  const sign = order === "asc" ? 1 : -1;
  rows.sort((a, b) => {
    if (a.key === null || a.key === undefined) return 1;
    if (b.key === null || b.key === undefined) return -1;
    return (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) * sign;
  });
  rows.forEach((source, i) => {
    const target = from.row + 1 + i;
    source.cells.forEach((value, c) => {
      ws.getCell(target, from.column + c).value = moved(value, target - source.row);
    });
  });
  table.headerRow = true;
  return save(workbook);
}

/**
 * Insert a row inside a table before data row `beforeIndex` (0-based): rows below move down,
 * the table grows by one, and formula columns fill the new row from the row above it.
 */
export async function insertTableRow(
  bytes: Buffer,
  tableName: string,
  beforeIndex: number,
  values: Record<string, ExcelJS.CellValue>,
): Promise<Buffer> {
  const workbook = await load(bytes);
  const { ws, table } = findTable(workbook, tableName);
  const { from, to } = parseRange(table.tableRef);
  const at = from.row + 1 + beforeIndex;
  for (let r = to.row; r >= at; r -= 1) {
    for (let c = from.column; c <= to.column; c += 1)
      ws.getCell(r + 1, c).value = moved(ws.getCell(r, c).value, 1);
  }
  for (let c = from.column; c <= to.column; c += 1) {
    const header = String(ws.getCell(from.row, c).value);
    const template = ws.getCell(at === from.row + 1 ? at + 1 : at - 1, c).value;
    const isFormula = template && typeof template === "object" && "formula" in template;
    ws.getCell(at, c).value =
      header in values ? values[header] : isFormula ? moved(template, at === from.row + 1 ? -1 : 1) : null;
  }
  table.tableRef = `${columnLetters(from.column)}${from.row}:${columnLetters(to.column)}${to.row + 1}`;
  table.autoFilterRef = table.tableRef;
  table.headerRow = true;
  return save(workbook);
}

/** Empty some cells of a table, by header, in the data rows that match a predicate. */
export async function blankCells(
  bytes: Buffer,
  tableName: string,
  headers: string[],
  where: (row: Record<string, ExcelJS.CellValue>) => boolean,
): Promise<{ bytes: Buffer; cleared: string[] }> {
  const workbook = await load(bytes);
  const { ws, table } = findTable(workbook, tableName);
  const { from, to } = parseRange(table.tableRef);
  const columns = new Map<string, number>();
  for (let c = from.column; c <= to.column; c += 1) columns.set(String(ws.getCell(from.row, c).value), c);
  const cleared: string[] = [];
  for (let r = from.row + 1; r <= to.row; r += 1) {
    const row: Record<string, ExcelJS.CellValue> = {};
    for (const [h, c] of columns) row[h] = ws.getCell(r, c).value;
    if (!where(row)) continue;
    for (const h of headers) {
      const c = columns.get(h);
      if (c === undefined) throw new Error(`no column ${h}`);
      ws.getCell(r, c).value = null;
      cleared.push(`${ws.name}!${columnLetters(c)}${r}`);
    }
  }
  table.headerRow = true;
  return { bytes: await save(workbook), cleared };
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function quoted(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Rename a sheet as Excel does: the tab, and every formula, name and chart reference to it. */
export async function renameSheet(bytes: Buffer, from: string, to: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const refForms = (name: string) => {
    const q = escapeXml(quoted(name));
    return [q, q.replace(/'/g, "&apos;")];
  };
  const [newRef] = refForms(to);
  for (const path of Object.keys(zip.files)) {
    if (!/^xl\/(workbook|worksheets\/sheet\d+|charts\/chart\d+)\.xml$/.test(path)) continue;
    let xml = await zip.file(path)!.async("string");
    for (const old of refForms(from)) xml = xml.split(`${old}!`).join(`${newRef}!`);
    if (path === "xl/workbook.xml") {
      xml = xml.replace(`name="${escapeXml(from).replace(/"/g, "&quot;")}"`, `name="${escapeXml(to)}"`);
    }
    zip.file(path, xml);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Type values into cells of a table's data rows, by header, in the rows a predicate picks. */
export async function setCells(
  bytes: Buffer,
  tableName: string,
  values: Record<string, ExcelJS.CellValue>,
  where: (row: Record<string, ExcelJS.CellValue>) => boolean,
): Promise<{ bytes: Buffer; changed: string[] }> {
  const workbook = await load(bytes);
  const { ws, table } = findTable(workbook, tableName);
  const { from, to } = parseRange(table.tableRef);
  const columns = new Map<string, number>();
  for (let c = from.column; c <= to.column; c += 1) columns.set(String(ws.getCell(from.row, c).value), c);
  const changed: string[] = [];
  for (let r = from.row + 1; r <= to.row; r += 1) {
    const row: Record<string, ExcelJS.CellValue> = {};
    for (const [h, c] of columns) row[h] = ws.getCell(r, c).value;
    if (!where(row)) continue;
    for (const [h, value] of Object.entries(values)) {
      const c = columns.get(h);
      if (c === undefined) throw new Error(`no column ${h}`);
      ws.getCell(r, c).value = value;
      changed.push(`${ws.name}!${columnLetters(c)}${r}`);
    }
  }
  table.headerRow = true;
  return { bytes: await save(workbook), changed };
}

const SHEET_REF =
  /(?<![A-Za-z0-9_.\]$])(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Z]{1,3}\$?)(\d{1,7})(?::(\$?[A-Z]{1,3}\$?)(\d{1,7}))?(?![A-Za-z0-9_(])/g;

/**
 * Rewrite a formula as Excel does when rows are inserted at `atRow` on `target`: every
 * reference to a cell of that sheet at or below the row moves down by `count` (relative or
 * absolute alike), so ranges spanning the insertion grow.
 */
export function afterRowInsert(
  formula: string,
  formulaSheet: string,
  target: string,
  atRow: number,
  count = 1,
): string {
  const unquote = (name: string) => (name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name);
  const move = (row: string) => (Number(row) >= atRow ? String(Number(row) + count) : row);
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            SHEET_REF,
            (all, sheet: string | undefined, c1: string, r1: string, c2?: string, r2?: string) => {
              const refSheet = sheet ? unquote(sheet) : formulaSheet;
              if (refSheet !== target) return all;
              const prefix = sheet ? `${sheet}!` : "";
              return `${prefix}${c1}${move(r1)}${c2 ? `:${c2}${move(r2!)}` : ""}`;
            },
          ),
    )
    .join("");
}

/**
 * Insert an empty row inside a table as Excel does: cells at and below move down, every
 * reference to them (on any sheet, and in defined names) follows, tables grow or move.
 * Formula columns stay empty in the new row (the tables have no calculated-column formula).
 */
export async function insertRowExcelLike(
  bytes: Buffer,
  tableName: string,
  beforeIndex: number,
): Promise<{ bytes: Buffer; row: number }> {
  const workbook = await load(bytes);
  const { ws: target, table } = findTable(workbook, tableName);
  const at = parseRange(table.tableRef).from.row + 1 + beforeIndex;
  for (const ws of workbook.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (v && typeof v === "object" && "formula" in v) {
          cell.value = {
            formula: afterRowInsert((v as ExcelJS.CellFormulaValue).formula, ws.name, target.name, at),
          } as ExcelJS.CellFormulaValue;
        }
        if (v && typeof v === "object" && "sharedFormula" in v)
          throw new Error("shared formulas are not supported by this test helper");
      }),
    );
  }
  const last = target.rowCount;
  for (let r = last; r >= at; r -= 1) {
    const row = target.getRow(r);
    const below = target.getRow(r + 1);
    for (let c = 1; c <= target.columnCount; c += 1) {
      below.getCell(c).value = row.getCell(c).value;
      below.getCell(c).style = row.getCell(c).style;
      row.getCell(c).value = null;
    }
  }
  for (const t of Object.values((target as unknown as { tables: Record<string, LoadedTable> }).tables)) {
    const { from, to } = parseRange(t.table.tableRef);
    if (to.row < at) continue;
    const top = from.row >= at ? from.row + 1 : from.row;
    t.table.tableRef = `${columnLetters(from.column)}${top}:${columnLetters(to.column)}${to.row + 1}`;
    t.table.autoFilterRef = t.table.tableRef;
    t.table.headerRow = true;
  }
  const names = workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] };
  const model = names.model.map((n) => ({
    ...n,
    ranges: n.ranges.map((r) => afterRowInsert(r, "", target.name, at)),
  }));
  names.model = model;
  for (const t of workbook.worksheets.flatMap((w) =>
    Object.values((w as unknown as { tables: Record<string, LoadedTable> }).tables),
  ))
    t.table.headerRow = true;
  return { bytes: await save(workbook), row: at };
}
