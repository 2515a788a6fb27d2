/**
 * The browser preview's window onto the in-memory Excel: what a plain-browser user sees of the
 * workbook (sheet names, values in their number formats) and the one thing they may do to it
 * directly (type a value into a cell). Reads look at the host's state; writes go through the Excel
 * API so that text is parsed as Excel parses it.
 *
 * Formula values are computed apart from the port's reads (the host keeps evaluateFormulas off):
 * HyperFormula over a template's sheets takes seconds, so the grid asks for them (values()), once
 * per change and sheet, off the page's thread where it can (a worker, see createPreview.ts), and
 * shows "…" in formula cells until they arrive.
 */
import type { MemoryExcel } from "../../office/memory";
import type { Box } from "../../office/memory/a1";
import { computeValues, type EngineInput } from "../../office/memory/formulas";
import type { Scalar } from "../../office/memory/cells";
import { columnLetter as columnName } from "../../engine/a1";
import { formatValue } from "./numberFormat";

export interface GridView {
  sheet: string;
  /** Display text, row by row, from A1. */
  rows: string[][];
  /** Formulas (or "") of the same cells. */
  formulas: string[][];
  /** What the formula bar shows for each cell: its formula, or its value as typed (unformatted). */
  entries: string[][];
  /** True when the sheet has more rows or columns than shown. */
  clipped: boolean;
  /** True while formula cells show PENDING: their values for this change are not computed yet. */
  pending: boolean;
}

/** What a formula cell shows until its value is computed. */
export const PENDING = "…";

/** Computes a box of formula values from a workbook's engine input (in a worker, or here). */
export interface FormulaComputer {
  compute(input: EngineInput, sheet: string, box: Box): Promise<Scalar[][]>;
  /** Stop work whose answer is no longer wanted (the workbook changed). */
  cancel?(): void;
}

/** Computes on the page's own thread, after the current paint (tests; browsers without workers). */
export const computeHere: FormulaComputer = {
  compute: (input, sheet, box) =>
    new Promise((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(computeValues(input, sheet, box));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }, 0),
    ),
};

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

/** A constant as the formula bar shows it: the number itself, not its format. */
function typed(value: Scalar): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

type Listener = () => void;

/** A subscribable view of a MemoryExcel for the preview's grid. */
export class PreviewWorkbook {
  private listeners = new Set<Listener>();
  selection?: Selection;
  /** Computed values of this change, by sheet name, and the computations under way. */
  private computed = new Map<string, { box: Box; values: Scalar[][] }>();
  private computing = new Map<string, Promise<void>>();
  private generation = 0;

  constructor(
    readonly excel: MemoryExcel,
    private readonly computer: FormulaComputer = computeHere,
  ) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Tell the grid the workbook changed (after any port call): computed values are stale. */
  changed(): void {
    this.generation++;
    this.computed.clear();
    this.computing.clear();
    this.computer.cancel?.();
    this.notify();
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  /**
   * Computes the formula values of a sheet's shown cells for the workbook as it is now, once per
   * change; listeners hear when they arrive. A change meanwhile drops them (the grid asks again).
   */
  values(sheetName: string): Promise<void> {
    const host = this.excel.host;
    const sheet = host.findSheet(sheetName);
    const box = sheet && host.usedBox(sheet, MAX_VIEW_ROWS, MAX_VIEW_COLUMNS);
    if (!sheet || !box || this.computed.has(sheet.name)) return Promise.resolve();
    const under = this.computing.get(sheet.name);
    if (under) return under;
    const generation = this.generation;
    const work = this.computer
      .compute(host.engineInput(sheet), sheet.name, box)
      .then(
        (values) => {
          if (generation !== this.generation) return;
          this.computed.set(sheet.name, { box, values });
          this.notify();
        },
        (error: unknown) => {
          if (generation !== this.generation) return;
          // Shown as Excel shows a formula it cannot compute, rather than "…" for ever.
          const message = error instanceof Error ? error.message : String(error);
          if (!/cancel/i.test(message)) {
            this.computed.set(sheet.name, { box, values: [] });
            this.notify();
          }
        },
      )
      .finally(() => {
        if (generation === this.generation) this.computing.delete(sheet.name);
      });
    this.computing.set(sheet.name, work);
    return work;
  }

  sheetNames(): string[] {
    return this.excel.host.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name);
  }

  grid(sheetName: string): GridView {
    const host = this.excel.host;
    const sheet = host.findSheet(sheetName);
    const used = sheet && host.usedBox(sheet, MAX_VIEW_ROWS + 1, MAX_VIEW_COLUMNS + 1);
    if (!sheet || !used)
      return { sheet: sheetName, rows: [], formulas: [], entries: [], clipped: false, pending: false };
    const box = {
      ...used,
      row1: Math.min(used.row1, MAX_VIEW_ROWS - 1),
      col1: Math.min(used.col1, MAX_VIEW_COLUMNS - 1),
    };
    const formulas = host
      .formulasOf(sheet, box)
      .map((r) => r.map((f) => (typeof f === "string" && f.startsWith("=") ? f : "")));
    const formats = host.numberFormatsOf(sheet, box);
    const computed = this.computed.get(sheet.name);
    let pending = false;
    const values = host.valuesOf(sheet, box);
    const entries = values.map((r, i) => r.map((v, j) => formulas[i][j] || typed(v)));
    const rows = values.map((r, i) =>
      r.map((v, j) => {
        if (!formulas[i][j]) return formatValue(v, formats[i][j]);
        if (!computed) {
          pending = true;
          return PENDING;
        }
        const inBox = i <= computed.box.row1 && j <= computed.box.col1;
        return formatValue(inBox ? (computed.values[i]?.[j] ?? "#VALUE!") : "", formats[i][j]);
      }),
    );
    return {
      sheet: sheetName,
      rows,
      formulas,
      entries,
      clipped: used.row1 >= MAX_VIEW_ROWS || used.col1 >= MAX_VIEW_COLUMNS,
      pending,
    };
  }

  /** A jump to a cell: the grid follows it; the workbook is as it was, so values stay. */
  select(selection: Selection): void {
    this.selection = selection;
    this.notify();
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
