/** A1 arithmetic for the adapter (1-based rows and columns, as the workbook layer uses). */
import { columnLetter, parseA1 } from "../workbook/layout";

export interface Block {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** "B3:D9" for a block. Example: `blockAddress({ row: 3, column: 2, rows: 7, columns: 3 }) === "B3:D9"`. */
export function blockAddress(b: Block): string {
  return `${columnLetter(b.column)}${b.row}:${columnLetter(b.column + b.columns - 1)}${b.row + b.rows - 1}`;
}

/** The block of a 2-D array written at a top-left cell. */
export function blockAt(topLeft: string, rows: number, columns: number): Block {
  const { row, column } = parseA1(topLeft);
  return { row, column, rows, columns };
}

/** Split "'Milestones & Actuals'!$C$5:$N$5" into sheet and local address. */
export function splitReference(reference: string): { sheet?: string; local: string } {
  const text = reference.replace(/^=/, "");
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { local: text.replace(/\$/g, "") };
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: text.slice(bang + 1).replace(/\$/g, "") };
}

/** Parse "Sheet!B5:Q40" (as Range.address returns) into its sheet and block. */
export function parseRangeAddress(address: string): { sheet?: string; block: Block } {
  const { sheet, local } = splitReference(address);
  const [a, b = a] = local.split(":");
  const tl = parseA1(a);
  const br = parseA1(b);
  return {
    sheet,
    block: { row: tl.row, column: tl.column, rows: br.row - tl.row + 1, columns: br.column - tl.column + 1 },
  };
}
