/**
 * Read a workbook's tables with their formulas, for the email loop: values as the file holds
 * them and each formula relative to its own cell (R1C1), shared formulas (a filled-down column
 * Excel writes once) given to every cell of their group. A file that is no workbook, or one
 * locked with a password, is refused by the package reader with a message saying what to do.
 */
import type { LoopTable, LoopTables } from "../workbook/loop";
import { formulaR1C1 } from "../workbook/loop";
import { openWorkbookPackage } from "./package";
import { filling, type Filling } from "./read";
import { readSharedStrings, readSheet, type CellSink } from "./sheetXml";

interface LoopFilling extends Filling {
  formulas: (string | undefined)[][];
}

function loopSink(tables: LoopFilling[]): CellSink {
  const shared = new Map<number, string>();
  const find = (row: number, column: number) =>
    tables.find(
      (t) =>
        row >= t.headerRow &&
        row <= t.lastDataRow &&
        column >= t.part.from.column &&
        column <= t.part.to.column,
    );
  return {
    formulas: true,
    wantRow: (row) => tables.some((t) => row >= t.headerRow && row <= t.lastDataRow),
    wantCell: (row, column) => find(row, column) !== undefined,
    cell(row, column, content, formula, group) {
      const t = find(row, column)!;
      const c = column - t.part.from.column;
      if (row === t.headerRow && t.part.headerRows > 0) {
        t.table.headers[c] =
          content === null ? "" : typeof content === "object" ? content.error : String(content);
        return;
      }
      let r1c1 = formula ? formulaR1C1(formula, row, column) : undefined;
      if (group && group.holdsText && r1c1 !== undefined) shared.set(group.index, r1c1);
      else if (group && !group.holdsText) r1c1 = shared.get(group.index) ?? "(shared formula)";
      const index = row - t.headerRow - 1;
      while (t.table.rows.length <= index) {
        t.table.rows.push(new Array(t.table.headers.length).fill(null));
        t.formulas.push(new Array(t.table.headers.length).fill(undefined));
      }
      t.table.rows[index][c] = content;
      t.formulas[index][c] = r1c1;
    },
  };
}

/**
 * Every table of a workbook (or those named in `wanted`) with values and formulas.
 * @example const tables = await readLoopTables(fs.readFileSync("howard.xlsx"), "howard.xlsx");
 */
export async function readLoopTables(
  bytes: Buffer,
  file: string,
  wanted?: readonly string[],
): Promise<LoopTables> {
  const pkg = await openWorkbookPackage(bytes, file);
  const keep = (name: string) => !wanted || wanted.includes(name);
  const sheets = pkg.sheets.filter((s) => s.tables.some((t) => keep(t.name)));
  const strings = sheets.length > 0 ? await readSharedStrings(pkg.zip, pkg.sharedStrings) : [];
  const out: LoopTables = {};
  for (const sheet of sheets) {
    const fills: LoopFilling[] = sheet.tables
      .filter((t) => keep(t.name))
      .map((t) => ({ ...filling(t, sheet.name), formulas: [] }));
    await readSheet(pkg.zip, sheet.part, strings, loopSink(fills));
    for (const f of fills) {
      const dataRows = Math.max(0, f.lastDataRow - f.headerRow);
      while (f.table.rows.length < dataRows) {
        f.table.rows.push(new Array(f.table.headers.length).fill(null));
        f.formulas.push(new Array(f.table.headers.length).fill(undefined));
      }
      const table: LoopTable = { ...f.table, formulas: f.formulas };
      out[f.part.name] = table;
    }
  }
  return out;
}
