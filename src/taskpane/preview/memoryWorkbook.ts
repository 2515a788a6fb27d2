/**
 * The browser preview's window onto the in-memory Excel: what a plain-browser user sees of the
 * workbook (sheet names, computed values) and the one thing they may do to it directly (type a value
 * into a cell). Reads look at the host's state; writes go through the Excel API so that text is parsed
 * as Excel parses it.
 */
import type { MemoryExcel } from "../../office/memory";
import { columnLetter as columnName } from "../../engine/a1";

export interface GridView {
  sheet: string;
  /** Display text, row by row, from A1. */
  rows: string[][];
  /** Formulas (or "") of the same cells, for the formula bar. */
  formulas: string[][];
  /** True when the sheet has more rows or columns than shown. */
  clipped: boolean;
}

export interface Selection {
  sheet: string;
  /** 1-based. */
  row: number;
  column: number;
}

/** The largest grid the preview renders: enough for a template's tables, small enough to stay fast. */
export const MAX_VIEW_ROWS = 400;
export const MAX_VIEW_COLUMNS = 60;

/** "A" for 1, "AB" for 28. */
export { columnName };

/** Parses "D5" (any case, optional $) into a 1-based row and column, or undefined. */
export function parseAddress(text: string): { row: number; column: number } | undefined {
  const m = /^\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*$/.exec(text);
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return row >= 1 ? { row, column } : undefined;
}

function display(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number")
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 10000) / 10000);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

type Listener = () => void;

/** A subscribable view of a MemoryExcel for the preview's grid. */
export class PreviewWorkbook {
  private listeners = new Set<Listener>();
  selection?: Selection;

  constructor(readonly excel: MemoryExcel) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Tell the grid the workbook changed (after any port call). */
  changed(): void {
    for (const l of this.listeners) l();
  }

  sheetNames(): string[] {
    return this.excel.host.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name);
  }

  grid(sheetName: string): GridView {
    const host = this.excel.host;
    const sheet = host.findSheet(sheetName);
    if (!sheet) return { sheet: sheetName, rows: [], formulas: [], clipped: false };
    let maxRow = -1;
    let maxCol = -1;
    for (const key of sheet.cells.keys()) {
      const row = Math.floor(key / 16_384);
      const col = key % 16_384;
      if (sheet.cells.get(key)?.content) {
        maxRow = Math.max(maxRow, row);
        maxCol = Math.max(maxCol, col);
      }
    }
    if (maxRow < 0) return { sheet: sheetName, rows: [], formulas: [], clipped: false };
    const box = {
      row0: 0,
      col0: 0,
      row1: Math.min(maxRow, MAX_VIEW_ROWS - 1),
      col1: Math.min(maxCol, MAX_VIEW_COLUMNS - 1),
    };
    const formulas = host
      .formulasOf(sheet, box)
      .map((r) => r.map((f) => (typeof f === "string" && f.startsWith("=") ? f : "")));
    // The preview does not recalculate (HyperFormula over a whole template takes seconds per
    // change): formula cells show their formula; Excel computes them for real.
    const rows = host.valuesOf(sheet, box).map((r, i) => r.map((v, j) => formulas[i][j] || display(v)));
    return {
      sheet: sheetName,
      rows,
      formulas,
      clipped: maxRow >= MAX_VIEW_ROWS || maxCol >= MAX_VIEW_COLUMNS,
    };
  }

  select(selection: Selection): void {
    this.selection = selection;
    this.changed();
  }

  /** Type text into a cell the way a user would in Excel. */
  async setCell(sheetName: string, row: number, column: number, text: string): Promise<void> {
    await this.excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheetName).getRange(`${columnName(column)}${row}`);
      range.values = [[text]];
      await context.sync();
    });
    this.selection = { sheet: sheetName, row, column };
    this.changed();
  }
}
