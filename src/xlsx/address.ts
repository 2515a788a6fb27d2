/** A1-address arithmetic for the writer and reader. Rows and columns are 1-based. */
import { XlsxPlanError } from "./errors";
import { columnLetter as columnLetters } from "../engine/a1";

export interface CellPos {
  row: number;
  column: number;
}

/** Column number -> letters: `columnLetters(28)` is "AB". */
export { columnLetters };

/** Letters -> column number: `columnNumber("AB")` is 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B3" (or "$B$3") -> { row: 3, column: 2 }; throws XlsxPlanError on anything else. */
export function parseAddress(address: string, sheet?: string): CellPos {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!match) throw new XlsxPlanError(`"${address}" is not an A1 cell address`, sheet);
  return { row: Number(match[2]), column: columnNumber(match[1]) };
}

/** { row: 3, column: 2 } -> "B3". */
export function formatAddress(pos: CellPos): string {
  return `${columnLetters(pos.column)}${pos.row}`;
}

/** "B3:D9" -> its corners; a single cell is its own range. */
export function parseRange(range: string, sheet?: string): { from: CellPos; to: CellPos } {
  const [a, b] = range.split(":");
  const from = parseAddress(a, sheet);
  const to = b === undefined ? from : parseAddress(b, sheet);
  return {
    from: { row: Math.min(from.row, to.row), column: Math.min(from.column, to.column) },
    to: { row: Math.max(from.row, to.row), column: Math.max(from.column, to.column) },
  };
}

/** Quote a sheet name for use in a formula: `Milestones & Actuals` -> `'Milestones & Actuals'`. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
