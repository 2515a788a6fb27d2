/** Office copies as files, and the edits people make to them, applied with ExcelJS as Excel would save them. */
import ExcelJS from "exceljs";
import { writePlanToXlsx } from "../../../src/xlsx";
import { readReturnedCopy } from "../../../src/xlsx/loopRead";
import type { OfficeCopy, ReturnedCopy } from "../../../src/workbook/loop";
import { setCells } from "../../xlsx/edits";
import { REPORT } from "./support";

/** Type values into one tblMonthly row of this year, values only, as a person would. */
export async function typeRow(
  bytes: Buffer,
  measure: string,
  values: Record<string, ExcelJS.CellValue>,
  fy = REPORT.fy,
): Promise<Buffer> {
  const typed = await setCells(
    bytes,
    "tblMonthly",
    values,
    (r) => r["Measure ID"] === measure && r["Fiscal year"] === fy,
  );
  if (typed.changed.length !== Object.keys(values).length)
    throw new Error(`typed ${typed.changed.length} cells`);
  return typed.bytes;
}

/** Delete the last data row of a table (the table shrinks by one), as Excel's Delete Table Rows does. */
export async function deleteLastRow(bytes: Buffer, tableName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const ws of workbook.worksheets) {
    const tables = (
      ws as unknown as {
        tables: Record<string, { table: { tableRef: string; autoFilterRef?: string; headerRow?: boolean } }>;
      }
    ).tables;
    const t = tables?.[tableName]?.table;
    if (!t) continue;
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(t.tableRef)!;
    const last = Number(m[4]);
    ws.getRow(last).eachCell((cell) => (cell.value = null));
    t.tableRef = `${m[1]}${m[2]}:${m[3]}${last - 1}`;
    t.autoFilterRef = t.tableRef;
    t.headerRow = true;
    workbook.calcProperties.fullCalcOnLoad = true;
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  throw new Error(`no table ${tableName}`);
}

/** Write each copy's file. */
export async function writeCopies(copies: OfficeCopy[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const c of copies) out.set(c.unit, await writePlanToXlsx(c.plan));
  return out;
}

/** A returned file as collect reads it. */
export function received(
  bytes: Buffer,
  file: string,
  receivedAt = "2027-06-05T12:00:00Z",
): Promise<ReturnedCopy> {
  return readReturnedCopy(bytes, file, receivedAt);
}

/** Type into many rows of a table in one save: each edit picks rows by column values. */
export async function typeCells(
  bytes: Buffer,
  tableName: string,
  edits: { match: Record<string, ExcelJS.CellValue>; values: Record<string, ExcelJS.CellValue> }[],
): Promise<{ bytes: Buffer; typed: number }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  let typed = 0;
  for (const ws of workbook.worksheets) {
    const tables = (
      ws as unknown as { tables: Record<string, { table: { tableRef: string; headerRow?: boolean } }> }
    ).tables;
    const t = tables?.[tableName]?.table;
    if (!t) continue;
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(t.tableRef)!;
    const top = Number(m[2]);
    const last = Number(m[4]);
    const headers = new Map<string, number>();
    for (let c = 1; c <= ws.columnCount; c += 1) headers.set(String(ws.getCell(top, c).value), c);
    for (let r = top + 1; r <= last; r += 1) {
      for (const e of edits) {
        if (!Object.entries(e.match).every(([h, v]) => ws.getCell(r, headers.get(h)!).value === v)) continue;
        for (const [h, v] of Object.entries(e.values)) {
          ws.getCell(r, headers.get(h)!).value = v;
          typed += 1;
        }
      }
    }
    t.headerRow = true;
    workbook.calcProperties.fullCalcOnLoad = true;
    return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), typed };
  }
  throw new Error(`no table ${tableName}`);
}
