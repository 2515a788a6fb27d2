/**
 * Read a workbook's tables with their formulas, for the email loop: values as the file holds
 * them and each formula relative to its own cell (R1C1), shared formulas (a filled-down column
 * Excel writes once) given to every cell of their group. A file that is no workbook, or one
 * locked with a password, is refused by the package reader with a message saying what to do.
 */
import { TABLES, type TablesInput } from "../workbook";
import {
  formulaR1C1,
  ISSUED_TABLE,
  LOOP_ROLES,
  readMaster,
  type LoopTable,
  type LoopTables,
  type MasterModel,
  type ReturnedCopy,
} from "../workbook/loop";
import { RETURNS_TABLE } from "../workbook/sheets/returns";
import { openWorkbookPackage } from "./package";
import { filling, fillingAt, readRawTables, rowInFillings, SCORECARD_TABLES, type Filling } from "./read";
import { reviewedFlags } from "./reviews";
import { readSharedStrings, readSheet, type CellSink } from "./sheetXml";

interface LoopFilling extends Filling {
  formulas: (string | undefined)[][];
}

function loopSink(tables: LoopFilling[]): CellSink {
  const shared = new Map<number, string>();
  const find = (row: number, column: number) => fillingAt(tables, row, column);
  return {
    formulas: true,
    wantRow: (row) => rowInFillings(tables, row),
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
  bytes: Uint8Array,
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

/** The tables an office copy is checked by: the fingerprinted ones and the Issued record. */
export const COPY_TABLES: readonly string[] = [...LOOP_ROLES.map((r) => r.table), ISSUED_TABLE];

/**
 * A returned file read for collect; a file that cannot be read comes back with the reason
 * (not a workbook, a password, damaged) instead of throwing, so the other returns still count.
 * @example const copy = await readReturnedCopy(bytes, "howard.xlsx", "2027-06-09T10:00:00Z");
 */
export async function readReturnedCopy(
  bytes: Uint8Array,
  file: string,
  receivedAt: string,
): Promise<ReturnedCopy> {
  try {
    return { file, receivedAt, tables: await readLoopTables(bytes, file, COPY_TABLES) };
  } catch (error) {
    return { file, receivedAt, unreadable: error instanceof Error ? error.message : String(error) };
  }
}

/** The master's tables split and collect read: the scorecard, its plan text, flags and returns. */
export const MASTER_TABLES: readonly string[] = [...SCORECARD_TABLES, TABLES.plan, RETURNS_TABLE];

/**
 * Read a master for split or collect: its tables and the reviews in its Flags sheet.
 * @example const { master, tables } = await readMasterXlsx(fs.readFileSync("master.xlsx"), "master.xlsx");
 */
export async function readMasterXlsx(
  bytes: Uint8Array,
  file: string,
): Promise<{ master: MasterModel; tables: TablesInput }> {
  const tables = await readRawTables(bytes, file, MASTER_TABLES);
  return { master: readMaster(tables, reviewedFlags(tables)), tables };
}
