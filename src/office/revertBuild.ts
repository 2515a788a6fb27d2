/**
 * Before a template build is taken back by deleting its sheets: which of the cells the build
 * wrote a person has changed since, and whether they typed below a table (which grows it).
 * The template's sheets refer to one another, so they go all together or not at all.
 */
import { columnLetter } from "../workbook/layout";
import { isFormula, type PlanValue, type WorkbookPlan } from "../workbook/plan";
import { type Block, blockAt } from "./addresses";
import { canonical } from "./hash";
import { jsonBytes } from "./payload";
import { type CellChange, restoredCell, shown } from "./revert";

/** A block the build wrote, to read back; `expected` holds what each cell should still be. */
export interface BuiltBlock {
  sheet: string;
  block: Block;
  expected: PlanValue[][];
  /** Rough JSON size of its values and formulas, for keeping reads within the budget. */
  bytes: number;
}

/**
 * The blocks a plan wrote on the sheets still present: every range, and every table with one
 * row below it (typing there grows the table). Example: `builtBlocks(plan, new Set(["plan"]))`.
 */
export function builtBlocks(plan: WorkbookPlan, present: Set<string>): BuiltBlock[] {
  const out: BuiltBlock[] = [];
  for (const sheet of plan.sheets) {
    if (!present.has(sheet.name.toLowerCase())) continue;
    // Cells the plan wrote on this sheet, so a table's "row below" may be another range's cell.
    const cells = new Map<string, PlanValue>();
    const put = (topLeft: string, grid: PlanValue[][]) => {
      const at = blockAt(topLeft, 1, 1);
      grid.forEach((row, r) => row.forEach((v, c) => cells.set(`${at.row + r},${at.column + c}`, v)));
    };
    const blocks: Block[] = [];
    for (const range of sheet.ranges) {
      if (range.values.length === 0 || range.values[0].length === 0) continue;
      put(range.topLeft, range.values);
      blocks.push(blockAt(range.topLeft, range.values.length, range.values[0].length));
    }
    for (const table of sheet.tables) {
      const rows = table.rows.length ? table.rows : [table.columns.map(() => null)];
      put(table.topLeft, [table.columns.map((c) => c.header), ...rows]);
      blocks.push(blockAt(table.topLeft, rows.length + 2, table.columns.length));
    }
    for (const block of blocks) {
      const expected = Array.from({ length: block.rows }, (_, r) =>
        Array.from(
          { length: block.columns },
          (_, c) => cells.get(`${block.row + r},${block.column + c}`) ?? null,
        ),
      );
      out.push({
        sheet: sheet.name,
        block,
        expected,
        // Formulas as sent, plus values (a number or "" for most cells), with a margin.
        bytes: 1.5 * jsonBytes(expected) + 4 * block.rows * block.columns,
      });
    }
  }
  return out;
}

/**
 * Cells of the built blocks holding something other than what the build wrote: what deleting
 * the sheets would lose. A formula cell counts only when it no longer holds a formula (Excel
 * may respell a formula it keeps); a cleared cell does not count.
 */
export function typedCells(
  blocks: BuiltBlock[],
  formulas: unknown[][][],
  values: unknown[][][],
): CellChange[] {
  const changes: CellChange[] = [];
  blocks.forEach((b, k) => {
    b.expected.forEach((row, r) =>
      row.forEach((want, c) => {
        const now = restoredCell(formulas[k]?.[r]?.[c], values[k]?.[r]?.[c]);
        // A blank cell loses nothing with its sheet (and a build Excel stopped midway leaves many).
        if (canonical(now) === undefined) return;
        const same = isFormula(want) ? isFormula(now) : canonical(now) === canonical(want);
        if (same) return;
        changes.push({
          address: `${b.sheet}!${columnLetter(b.block.column + c)}${b.block.row + r}`,
          old: shown(want),
          now: shown(now),
        });
      }),
    );
  });
  return changes;
}

/** Split blocks by rows so no read is larger than `budgetBytes`. */
export function withinBudget(blocks: BuiltBlock[], budgetBytes: number): BuiltBlock[] {
  return blocks.flatMap((b) => {
    const parts = Math.ceil(b.bytes / budgetBytes);
    if (parts <= 1) return [b];
    const rowsEach = Math.max(1, Math.ceil(b.block.rows / parts));
    const out: BuiltBlock[] = [];
    for (let r = 0; r < b.block.rows; r += rowsEach) {
      const expected = b.expected.slice(r, r + rowsEach);
      out.push({
        ...b,
        block: { ...b.block, row: b.block.row + r, rows: expected.length },
        expected,
        bytes: (b.bytes * expected.length) / b.block.rows,
      });
    }
    return out;
  });
}
