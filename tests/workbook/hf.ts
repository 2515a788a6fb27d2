/**
 * Load a workbook plan into HyperFormula (in process, no LibreOffice) so tests can read what
 * its formulas compute: `const book = evaluatePlan(plan); book.value("Dashboard", "U6")`.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { isFormula, type PlanValue, type WorkbookPlan } from "../../src/workbook/plan";
import type { Expectation } from "../../src/workbook/expectations";
import { columnLetter, parseA1 } from "../../src/workbook/layout";

function content(v: PlanValue): RawCellContent {
  if (v === null) return null;
  if (isFormula(v)) return v.formula;
  if (typeof v === "string" && /^[=+\-@']/.test(v)) return `'${v}`;
  return v;
}

/** Whether a cell's value is what the engine expects: numbers within 1e-9 relative, "" as a blank cell. */
export function agreesWithEngine(expected: Expectation["expected"], got: unknown): boolean {
  if (typeof expected === "number")
    return typeof got === "number" && Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  if (expected === "") return got === null || got === "";
  return got === expected;
}

export interface EvaluatedBook {
  hf: HyperFormula;
  value(sheet: string, address: string): unknown;
  /** Every formula cell of the plan: sheet, address and text. */
  formulas: { sheet: string; address: string; formula: string }[];
}

export function evaluatePlan(plan: WorkbookPlan): EvaluatedBook {
  const sheets: Record<string, RawCellContent[][]> = {};
  const formulas: EvaluatedBook["formulas"] = [];
  for (const s of plan.sheets) {
    const grid: RawCellContent[][] = [];
    const put = (row: number, col: number, v: PlanValue) => {
      while (grid.length < row) grid.push([]);
      const line = grid[row - 1];
      while (line.length < col) line.push(null);
      line[col - 1] = content(v);
      if (isFormula(v))
        formulas.push({ sheet: s.name, address: `${columnLetter(col)}${row}`, formula: v.formula });
    };
    for (const r of s.ranges) {
      const tl = parseA1(r.topLeft);
      r.values.forEach((line, i) => line.forEach((v, j) => put(tl.row + i, tl.column + j, v)));
    }
    for (const t of s.tables) {
      const tl = parseA1(t.topLeft);
      t.columns.forEach((c, j) => put(tl.row, tl.column + j, c.header));
      t.rows.forEach((line, i) => line.forEach((v, j) => put(tl.row + 1 + i, tl.column + j, v)));
    }
    sheets[s.name] = grid;
  }
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: "gpl-v3",
    useWildcards: true,
    useArrayArithmetic: true,
  });
  for (const n of plan.names) hf.addNamedExpression(n.name, n.refersTo);
  return {
    hf,
    formulas,
    value(sheet: string, address: string) {
      const { row, column } = parseA1(address);
      return hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row: row - 1, col: column - 1 });
    },
  };
}
