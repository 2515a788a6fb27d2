/**
 * The host's formulas as HyperFormula sees them: Excel's syntax check on every write, and values
 * computed over the whole workbook, rebuilt lazily after any change (the host calls invalidate).
 */
import { HyperFormula, type CellValue } from "hyperformula";
import { MAX_COLS } from "./a1";
import type { Scalar } from "./cells";
import type { HostName, HostSheet } from "./model";
import { type TableLookup, toEngineFormula } from "./structured";

/** What the formulas read of the host workbook. */
export interface FormulaBook extends TableLookup {
  sheets: HostSheet[];
  names: Map<string, HostName>;
}

export interface CellAt {
  sheet: HostSheet;
  row: number;
  col: number;
}

export class HostFormulas {
  private engine?: HyperFormula;
  private readonly checker = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  private readonly validity = new Map<string, boolean>();

  constructor(private readonly book: FormulaBook) {}

  /** Syntax check as Excel does on write, cached by shape (numbers blanked): validity does not depend on row numbers. */
  isValidAt(formula: string, at: CellAt): boolean {
    const shape = formula.replace(/\d+/g, "0");
    let ok = this.validity.get(shape);
    if (ok === undefined) {
      ok = this.checker.validateFormula(this.forEngine(formula, at));
      this.validity.set(shape, ok);
    }
    return ok;
  }

  /** `formula` starts with "=". */
  isValid(formula: string): boolean {
    return this.checker.validateFormula(this.forEngine(formula));
  }

  /** The computed value of a formula cell. */
  valueAt(sheet: HostSheet, row: number, col: number): Scalar {
    const hf = this.hf();
    return toScalar(hf.getCellValue({ sheet: hf.getSheetId(sheet.name)!, row, col }));
  }

  /** Drop computed values after any change to the workbook. */
  invalidate(): void {
    this.engine = undefined;
  }

  /** The formula as HyperFormula reads it (structured references as A1 ranges). */
  private forEngine(formula: string, at?: CellAt): string {
    return toEngineFormula(formula, this.book, at);
  }

  private hf(): HyperFormula {
    if (this.engine) return this.engine;
    const sheets: Record<string, (string | number | boolean | null)[][]> = {};
    for (const s of this.book.sheets) {
      const rows: (string | number | boolean | null)[][] = [];
      s.cells.forEach((cell, k) => {
        const c = cell.content;
        if (!c) return;
        const r = Math.floor(k / MAX_COLS);
        const col = k % MAX_COLS;
        (rows[r] ??= [])[col] =
          c.t === "f" ? this.forEngine(c.f, { sheet: s, row: r, col }) : c.t === "s" ? `'${c.v}` : c.v;
      });
      sheets[s.name] = Array.from(rows, (row) => Array.from(row ?? [], (v) => v ?? null));
    }
    const named = [...this.book.names.values()].map((n) => ({ name: n.name, expression: n.formula }));
    // Excel evaluates SUMPRODUCT's arguments as arrays (e.g. SUMPRODUCT(ISTEXT(r)*(c<=n)));
    // HyperFormula does so only with array arithmetic on.
    this.engine = HyperFormula.buildFromSheets(
      sheets,
      { licenseKey: "gpl-v3", useArrayArithmetic: true },
      named,
    );
    return this.engine;
  }
}

function toScalar(v: CellValue): Scalar {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return (v as { value: string }).value ?? "#VALUE!";
  return v;
}
