/**
 * Read whole tables by name in a fixed number of syncs: (1) which tables exist, (2) their
 * sheets, headers, sizes and first rows, (3) the remaining rows in slices that keep each
 * response within the budget (one sync unless a table is bigger than the budget).
 */
import type { RawTable } from "../workbook/layout";
import { blockAddress, parseRangeAddress, type Block } from "./addresses";
import { jsonBytes } from "./payload";

export const SAMPLE_ROWS = 20;
/** Excel on the web may return null for reads above 5,000,000 cells; stay far below. */
const MAX_CELLS_PER_READ = 1_000_000;

export interface TableContents extends RawTable {
  /** Address of the data body ("Sheet!B5:Q40"). */
  bodyAddress: string;
  style?: string;
  /** With property "formulas": what the cells show, for telling text from formulas. */
  values?: unknown[][];
  /** Rows directly below the table, when asked for. */
  below?: unknown[][];
}

interface Probe {
  table: Excel.Table;
  header: Excel.Range;
  body: Excel.Range;
  sample: Excel.Range;
  below?: Excel.Range;
  sheet: { name: string; load(p: string): unknown };
}

interface Chunk {
  name: string;
  sheet: string;
  block: Block;
  offset: number;
  bytes: number;
  range?: Excel.Range;
}

function planChunks(
  name: string,
  sheet: string,
  body: Block,
  sampleRows: unknown[][],
  budgetBytes: number,
  factor: number,
): Chunk[] {
  // Blank cells cost 3 bytes ("",); the widest sampled row, with a margin, stands for the rest.
  const perRow = Math.max(3 * body.columns, ...sampleRows.map((r) => jsonBytes(r))) * factor * 1.25;
  const rowsPerChunk = Math.max(
    1,
    Math.min(Math.floor(budgetBytes / perRow), Math.floor(MAX_CELLS_PER_READ / body.columns)),
  );
  const chunks: Chunk[] = [];
  for (let offset = SAMPLE_ROWS; offset < body.rows; offset += rowsPerChunk) {
    const rows = Math.min(rowsPerChunk, body.rows - offset);
    chunks.push({
      name,
      sheet,
      offset,
      block: { ...body, row: body.row + offset, rows },
      bytes: rows * perRow,
    });
  }
  return chunks;
}

/** Group chunks so each sync's response stays within the budget. */
function packChunks(chunks: Chunk[], budgetBytes: number): Chunk[][] {
  const groups: Chunk[][] = [];
  let current: Chunk[] = [];
  let bytes = 0;
  for (const c of chunks) {
    if (current.length && bytes + c.bytes > budgetBytes) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(c);
    bytes += c.bytes;
  }
  if (current.length) groups.push(current);
  return groups;
}

/**
 * Read the named tables that exist (missing ones are left out), with `property` "values"
 * (what cells show) or "formulas" (what was typed); `counter.syncs` grows by the syncs made. Example: `await readTables(context, ["tblUnits"], "values", 4e6)`.
 */
export async function readTables(
  context: Excel.RequestContext,
  names: string[],
  property: "values" | "formulas",
  budgetBytes: number,
  belowRows = 0,
  counter: { syncs: number } = { syncs: 0 },
): Promise<Record<string, TableContents>> {
  const props = property === "formulas" ? "values,formulas" : "values";
  const all = context.workbook.tables;
  all.load("items/name");
  await context.sync();
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const probes: Probe[] = all.items
    .filter((t) => wanted.has(t.name.toLowerCase()))
    .map((t) => {
      const body = t.getDataBodyRange();
      return {
        table: t.load("name,style"),
        header: t.getHeaderRowRange().load("values"),
        body: body.load("address"),
        sample: body
          .getRow(0)
          .getResizedRange(SAMPLE_ROWS - 1, 0)
          .load(props),
        below: belowRows > 0 ? body.getRowsBelow(belowRows).load("values") : undefined,
        sheet: t.worksheet.load("name") as unknown as Probe["sheet"],
      };
    });
  await context.sync();
  const out: Record<string, TableContents> = {};
  const chunks: Chunk[] = [];
  for (const p of probes) {
    const { block } = parseRangeAddress(p.body.address);
    const sample = (p.sample[property] as unknown[][]).slice(0, block.rows);
    out[p.table.name] = {
      tableName: p.table.name,
      sheetName: p.sheet.name,
      headers: (p.header.values[0] as unknown[]).map((h) => String(h)),
      rows: sample,
      topLeftRow: block.row - 1,
      topLeftCol: block.column,
      bodyAddress: p.body.address,
      style: p.table.style,
      values: property === "formulas" ? p.sample.values.slice(0, block.rows) : undefined,
      below: p.below?.values,
    };
    chunks.push(
      ...planChunks(p.table.name, p.sheet.name, block, sample, budgetBytes, property === "formulas" ? 2 : 1),
    );
  }
  const groups = packChunks(chunks, budgetBytes);
  await groups.reduce(async (previous, group) => {
    await previous;
    for (const c of group) {
      c.range = context.workbook.worksheets.getItem(c.sheet).getRange(blockAddress(c.block)).load(props);
    }
    await context.sync();
    for (const c of group) {
      out[c.name].rows.push(...(c.range![property] as unknown[][]));
      out[c.name].values?.push(...c.range!.values);
    }
  }, Promise.resolve());
  counter.syncs += 2 + groups.length;
  return out;
}
