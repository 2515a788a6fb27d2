/**
 * Write a workbook plan to an .xlsx file with ExcelJS: sheets, tables with stable names,
 * named ranges, values, live formulas (no cached results, full recalculation on load),
 * number formats, conditional formats, data validation, frozen panes, widths, tab colours,
 * and native charts (added to the zip afterwards, since ExcelJS cannot write charts).
 */
import ExcelJS from "exceljs";
import type { PlanRange, PlanTable, SheetPlan, WorkbookPlan } from "../workbook/plan";
import { columnLetters, formatAddress, parseAddress, parseRange } from "./address";
import { setCell, toCellValue } from "./cells";
import JSZip from "jszip";
import { BULK_ROWS, writeDeferredRows, type DeferredRows } from "./bulk";
import { addChartsToZip } from "./charts";
import { XlsxPlanError } from "./errors";
import { applyConditionalFormats, applyProtection, applyValidation } from "./features";
import { applyPrint } from "./print";
import { toArgb } from "./styles";

/** Excel's limit on sheet names, and the characters it refuses in them. */
const SHEET_NAME_MAX = 31;
const SHEET_NAME_BAD = /[\\/?*[\]:]/;

export interface WriteOptions {
  /** Write runs of same-shaped formulas in big tables as shared formulas (default true). */
  sharedFormulas?: boolean;
}

/**
 * Write a plan to .xlsx bytes (a node Buffer, for the command line and tests).
 * @example const bytes = await writePlanToXlsx(buildWorkbookPlan("blank", {})); fs.writeFileSync("x.xlsx", bytes);
 */
export async function writePlanToXlsx(plan: WorkbookPlan, options: WriteOptions = {}): Promise<Buffer> {
  const bytes = await writePlanBytes(plan, options);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Write a plan to .xlsx bytes as a plain Uint8Array: the same file as writePlanToXlsx, and
 * nothing node-only on the way, so the task pane writes office copies in the browser.
 * @example const bytes = await writePlanBytes(plan); new Blob([bytes]);
 */
export async function writePlanBytes(plan: WorkbookPlan, options: WriteOptions = {}): Promise<Uint8Array> {
  const deferred: DeferredRows[] = [];
  const workbook = buildExcelWorkbook(plan, deferred);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  if (deferred.length === 0 && plan.sheets.every((s) => s.charts.length === 0)) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  await writeDeferredRows(zip, deferred, options.sharedFormulas !== false);
  await addChartsToZip(zip, plan);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/**
 * The ExcelJS workbook for a plan, before charts are added. Rows of big tables go to
 * `deferred` (written into the XML afterwards) when a list is given; otherwise all cells stay.
 */
export function buildExcelWorkbook(plan: WorkbookPlan, deferred?: DeferredRows[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Yardstick";
  workbook.title = plan.title;
  workbook.calcProperties.fullCalcOnLoad = true;
  const seen = new Set<string>();
  for (const sheet of plan.sheets) {
    checkSheetName(sheet.name, seen);
    writeSheet(workbook, sheet, deferred);
  }
  for (const item of plan.names) {
    const refersTo = item.refersTo.replace(/^=/, "");
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(item.name)) {
      throw new XlsxPlanError(`"${item.name}" is not a valid defined name`);
    }
    workbook.definedNames.add(refersTo, item.name);
  }
  return workbook;
}

function checkSheetName(name: string, seen: Set<string>): void {
  if (name.length === 0 || name.length > SHEET_NAME_MAX || SHEET_NAME_BAD.test(name)) {
    throw new XlsxPlanError(
      `sheet name "${name}" must be 1-${SHEET_NAME_MAX} characters without \\ / ? * [ ] :`,
    );
  }
  const key = name.toLowerCase();
  if (seen.has(key)) throw new XlsxPlanError(`two sheets are called "${name}"`);
  seen.add(key);
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: SheetPlan, deferred?: DeferredRows[]): void {
  const tabArgb = sheet.tabColor === undefined ? undefined : toArgb(sheet.tabColor);
  if (sheet.tabColor !== undefined && !tabArgb) {
    throw new XlsxPlanError(`tab colour "${sheet.tabColor}" is not a hex colour like #1F6FEB`, sheet.name);
  }
  const ws = workbook.addWorksheet(sheet.name, {
    properties: tabArgb ? { tabColor: { argb: tabArgb } } : {},
    ...(sheet.hidden ? { state: "hidden" as const } : {}),
    views: sheet.freeze
      ? [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }]
      : [{ state: "normal" }],
  });
  for (const [letters, width] of Object.entries(sheet.columnWidths ?? {})) {
    ws.getColumn(letters).width = width;
  }
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  for (const range of sheet.ranges) writeRange(ws, sheet.name, range);
  for (const table of sheet.tables) {
    const bulk = deferred !== undefined && canDefer(sheet, table) && !sheet.protectFormulas;
    if (bulk)
      deferred.push({
        ...firstDataCell(table, sheet.name),
        sheet: sheet.name,
        table: table.name,
        rows: table.rows.slice(1),
      });
    writeTable(ws, sheet.name, bulk ? { ...table, rows: table.rows.slice(0, 1) } : table, table.rows.length);
  }
  applyConditionalFormats(ws, sheet);
  for (const { range, validation } of sheet.validations) applyValidation(ws, range, validation);
  if (sheet.protectFormulas) applyProtection(ws, sheet);
  if (sheet.print) applyPrint(ws, sheet.print);
  for (const letters of sheet.hiddenColumns ?? []) ws.getColumn(letters).hidden = true;
}

function writeRange(ws: ExcelJS.Worksheet, sheetName: string, range: PlanRange): void {
  const origin = parseAddress(range.topLeft, sheetName);
  const width = range.values[0]?.length ?? 0;
  range.values.forEach((rowValues, r) => {
    if (rowValues.length !== width) {
      throw new XlsxPlanError(
        `range at ${range.topLeft}: row ${r + 1} has ${rowValues.length} cells, expected ${width}`,
        sheetName,
      );
    }
    rowValues.forEach((value, c) => {
      const pos = { row: origin.row + r, column: origin.column + c };
      const address = formatAddress(pos);
      const cell = ws.getCell(address);
      setCell(cell, value, { sheet: sheetName, address });
      const format =
        typeof range.numberFormat === "string" ? range.numberFormat : range.numberFormat?.[r]?.[c];
      if (format) cell.numFmt = format;
      if (range.bold || range.fontSize) cell.font = { bold: range.bold, size: range.fontSize };
      if (range.wrap) cell.alignment = { wrapText: true, vertical: "top" };
    });
  });
}

function firstDataCell(table: PlanTable, sheetName: string): { firstRow: number; firstColumn: number } {
  const origin = parseAddress(table.topLeft, sheetName);
  return { firstRow: origin.row + 1, firstColumn: origin.column };
}

/**
 * A table may go in bulk when it is big, has no totals row, and nothing else on the sheet
 * sits in the rows below its first data row (bulk rows are whole <row> elements).
 */
function canDefer(sheet: SheetPlan, table: PlanTable): boolean {
  if (table.rows.length <= BULK_ROWS || table.showTotals) return false;
  const { firstRow } = firstDataCell(table, sheet.name);
  const lastRow = firstRow + table.rows.length - 1;
  const overlaps = (top: number, height: number) => top + height - 1 > firstRow && top <= lastRow;
  const rangeHits = sheet.ranges.some((r) =>
    overlaps(parseAddress(r.topLeft, sheet.name).row, r.values.length),
  );
  const tableHits = sheet.tables.some(
    (t) => t !== table && overlaps(parseAddress(t.topLeft, sheet.name).row, t.rows.length + 1),
  );
  return !rangeHits && !tableHits;
}

function writeTable(ws: ExcelJS.Worksheet, sheetName: string, table: PlanTable, fullRows: number): void {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(table.name)) {
    throw new XlsxPlanError(
      `table name "${table.name}" must start with a letter and hold no spaces`,
      sheetName,
    );
  }
  const origin = parseAddress(table.topLeft, sheetName);
  const width = table.columns.length;
  // Excel needs at least one data row; an empty table gets one blank row a person can type into.
  const rows = table.rows.length > 0 ? table.rows : [table.columns.map(() => null)];
  const cellRows = rows.map((row, r) => {
    if (row.length !== width) {
      throw new XlsxPlanError(
        `table ${table.name} row ${r + 1} has ${row.length} cells, expected ${width}`,
        sheetName,
      );
    }
    return row.map((value, c) => {
      const address = formatAddress({ row: origin.row + 1 + r, column: origin.column + c });
      return toCellValue(value, { sheet: sheetName, address, table: table.name });
    });
  });
  try {
    ws.addTable({
      name: table.name,
      displayName: table.name,
      ref: table.topLeft,
      headerRow: true,
      totalsRow: Boolean(table.showTotals),
      style: {
        theme: (table.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"],
        showRowStripes: true,
      },
      columns: table.columns.map((col, i) => ({
        name: col.header,
        filterButton: true,
        ...(table.showTotals && i === 0
          ? { totalsRowLabel: "Total" }
          : { totalsRowFunction: "none" as const }),
      })),
      rows: cellRows,
    });
  } catch (error) {
    throw new XlsxPlanError(
      `table ${table.name}: ${error instanceof Error ? error.message : String(error)}`,
      sheetName,
    );
  }
  table.columns.forEach((col, c) => {
    const letters = columnLetters(origin.column + c);
    if (col.width !== undefined) ws.getColumn(letters).width = col.width;
    const first = origin.row + 1;
    // Bulk rows (beyond those ExcelJS holds) copy the first row's styles in the XML.
    const last = origin.row + Math.max(cellRows.length, fullRows);
    if (col.numberFormat) {
      for (let r = first; r <= origin.row + cellRows.length; r += 1)
        ws.getCell(`${letters}${r}`).numFmt = col.numberFormat;
    }
    if (col.validation) applyValidation(ws, `${letters}${first}:${letters}${last}`, col.validation);
  });
  if (table.columns.some((col) => col.wrap)) {
    // Rows grow to the wrapped text: every cell at the top, so a row reads across in one line.
    for (let r = origin.row + 1; r <= origin.row + cellRows.length; r += 1)
      table.columns.forEach((col, c) => {
        ws.getCell(r, origin.column + c).alignment = col.wrap
          ? { wrapText: true, vertical: "top" }
          : { vertical: "top" };
      });
  }
  table.cellFormats?.forEach((row, r) =>
    row.forEach((fmt, c) => {
      if (fmt) ws.getCell(origin.row + 1 + r, origin.column + c).numFmt = fmt;
    }),
  );
}

/** The cells a table covers, header included, e.g. "B3:F20"; used by the reader's tests. */
export function tableRange(table: PlanTable, sheetName = ""): string {
  const origin = parseAddress(table.topLeft, sheetName);
  const rows = Math.max(1, table.rows.length) + (table.showTotals ? 1 : 0);
  const end = { row: origin.row + rows, column: origin.column + table.columns.length - 1 };
  parseRange(`${table.topLeft}:${formatAddress(end)}`, sheetName);
  return `${table.topLeft}:${formatAddress(end)}`;
}
