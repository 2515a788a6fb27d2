/**
 * A CSV cell's place, for findings and observations: sheet (the file), line and column. The
 * A1 address is computed when read rather than stored, since a 720,000-row file makes one of
 * these per observation and almost none is ever printed.
 */
import { columnLetter } from "../a1";
import type { CellRef } from "../model";

/**
 * The cell at a CSV line and column. Example: `new CsvCell("card.csv", 2, 5).address === "E2"`, and
 * its JSON is `{"sheet":"card.csv","row":2,"column":5,"address":"E2"}`, as a plain CellRef's.
 * A copy made with spread or structuredClone keeps sheet, row and column but not the address, so
 * the reader hands these only to code that reads them in place (reports, findings, JSON).
 */
export class CsvCell implements CellRef {
  constructor(
    readonly sheet: string,
    readonly row: number,
    readonly column: number,
  ) {}

  /** "E2" for line 2, column 5. */
  get address(): string {
    return `${columnLetter(this.column)}${this.row}`;
  }

  /** The JSON of a plain CellRef, key for key, so reports and --json output do not change. */
  toJSON(): Required<CellRef> {
    return { sheet: this.sheet, row: this.row, column: this.column, address: this.address };
  }
}
