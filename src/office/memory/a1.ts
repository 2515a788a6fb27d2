/**
 * A1 addresses as Excel spells them: "B3", "$B$3", "A1:C9", "'Milestones & Actuals'!A1:C9".
 * Rows and columns here are 0-based, like Office.js getRangeByIndexes.
 */
import { columnLetter } from "../../engine/a1";
import { MemoryExcelError } from "./errors";

export interface Box {
  row0: number;
  col0: number;
  row1: number;
  col1: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** "AB" for 0-based column 27. */
export function colLetters(col0: number): string {
  return columnLetter(col0 + 1);
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Split "Sheet!A1:B2" into its sheet name (unquoted) and the local part. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** Parse a local A1 reference ("B3", "A1:C9", "$A$1") into a box; InvalidArgument otherwise. */
export function parseBox(local: string): Box {
  const parts = local.trim().split(":");
  const cells = parts.map((p) => /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(p));
  if (parts.length > 2 || cells.some((m) => m === null)) {
    throw new MemoryExcelError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format: "${local}".`,
    );
  }
  const [a, b] = [cells[0]!, cells[cells.length - 1]!];
  const box = {
    row0: Math.min(Number(a[2]), Number(b[2])) - 1,
    col0: Math.min(colIndex(a[1]), colIndex(b[1])),
    row1: Math.max(Number(a[2]), Number(b[2])) - 1,
    col1: Math.max(colIndex(a[1]), colIndex(b[1])),
  };
  if (box.row0 < 0 || box.row1 >= MAX_ROWS || box.col1 >= MAX_COLS) {
    throw new MemoryExcelError("InvalidArgument", `The address "${local}" is outside the grid.`);
  }
  return box;
}

/** "A1" or "A1:C9" for a box (no sheet). */
export function boxAddress(box: Box): string {
  const tl = `${colLetters(box.col0)}${box.row0 + 1}`;
  if (box.row0 === box.row1 && box.col0 === box.col1) return tl;
  return `${tl}:${colLetters(box.col1)}${box.row1 + 1}`;
}

/** Quote a sheet name the way Excel does in addresses. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.row0 <= b.row1 && b.row0 <= a.row1 && a.col0 <= b.col1 && b.col0 <= a.col1;
}

export function rowsOf(box: Box): number {
  return box.row1 - box.row0 + 1;
}

export function colsOf(box: Box): number {
  return box.col1 - box.col0 + 1;
}
