/** A1-style cell addressing shared by every layer that names a spreadsheet column. */

/** Spreadsheet column letters for a 1-based index. Example: `columnLetter(28) === "AB"`. */
export function columnLetter(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
