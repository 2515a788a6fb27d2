/**
 * The host's formulas as HyperFormula sees them: Excel's syntax check on every write, and values
 * computed over the whole workbook, rebuilt lazily after any change (the host calls invalidate).
 */
import { HyperFormula, type CellValue } from "hyperformula";
import { type Box, MAX_COLS, quoteSheet } from "./a1";
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
    this.engine ??= buildEngine(this.engineInput());
    return this.engine;
  }

  /**
   * The workbook as HyperFormula reads it: every sheet (so references stay valid), with cells only
   * on `only` and the sheets its formulas reach (through names too), when given.
   */
  engineInput(only?: HostSheet): EngineInput {
    const needed = only ? this.reachedFrom(only) : undefined;
    const sheets: Record<string, EngineCell[][]> = {};
    for (const s of this.book.sheets) sheets[s.name] = !needed || needed.has(s) ? this.engineCells(s) : [];
    const named = [...this.book.names.values()].map((n) => ({ name: n.name, expression: n.formula }));
    return { sheets, named };
  }

  private engineCells(s: HostSheet): EngineCell[][] {
    const rows: EngineCell[][] = [];
    s.cells.forEach((cell, k) => {
      const c = cell.content;
      if (!c) return;
      const r = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      (rows[r] ??= [])[col] =
        c.t === "f" ? this.forEngine(c.f, { sheet: s, row: r, col }) : c.t === "s" ? `'${c.v}` : c.v;
    });
    return Array.from(rows, (row) => Array.from(row ?? [], (v) => v ?? null));
  }

  /** `from` and every sheet its formulas name, directly, through a table or a defined name, transitively. */
  private reachedFrom(from: HostSheet): Set<HostSheet> {
    const reached = new Set<HostSheet>([from]);
    const names = [...this.book.names.values()];
    const todo = [from];
    while (todo.length > 0) {
      const s = todo.pop()!;
      const texts: string[] = [];
      s.cells.forEach((cell, k) => {
        const c = cell.content;
        if (c?.t === "f")
          texts.push(this.forEngine(c.f, { sheet: s, row: Math.floor(k / MAX_COLS), col: k % MAX_COLS }));
      });
      let text = texts.join("\n").toLowerCase();
      for (const n of names)
        if (new RegExp(`(^|[^\\w.])${escapeRe(n.name.toLowerCase())}($|[^\\w.])`).test(text))
          text += `\n${this.forEngine(n.formula).toLowerCase()}`;
      for (const other of this.book.sheets) {
        if (reached.has(other)) continue;
        const quoted = `'${other.name.replace(/'/g, "''")}'!`.toLowerCase();
        if (text.includes(`${quoteSheet(other.name).toLowerCase()}!`) || text.includes(quoted)) {
          reached.add(other);
          todo.push(other);
        }
      }
    }
    return reached;
  }
}

export type EngineCell = string | number | boolean | null;

/** Everything HyperFormula needs to compute a workbook: plain data, so it can cross to a worker. */
export interface EngineInput {
  sheets: Record<string, EngineCell[][]>;
  named: { name: string; expression: string }[];
}

export function buildEngine(input: EngineInput): HyperFormula {
  // Excel evaluates SUMPRODUCT's arguments as arrays (e.g. SUMPRODUCT(ISTEXT(r)*(c<=n)));
  // HyperFormula does so only with array arithmetic on.
  return HyperFormula.buildFromSheets(
    input.sheets,
    { licenseKey: "gpl-v3", useArrayArithmetic: true },
    input.named,
  );
}

/** The computed values of a box of one sheet (0-based, inclusive), errors as Excel's text ("#N/A"). */
export function computeValues(input: EngineInput, sheet: string, box: Box): Scalar[][] {
  const hf = buildEngine(input);
  const id = hf.getSheetId(sheet);
  const out: Scalar[][] = [];
  for (let row = box.row0; row <= box.row1; row++) {
    const line: Scalar[] = [];
    for (let col = box.col0; col <= box.col1; col++)
      line.push(id === undefined ? "" : toScalar(hf.getCellValue({ sheet: id, row, col })));
    out.push(line);
  }
  hf.destroy();
  return out;
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function toScalar(v: CellValue): Scalar {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return (v as { value: string }).value ?? "#VALUE!";
  return v;
}
