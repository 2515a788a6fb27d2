/**
 * Running a revert in Excel: read what Yardstick left (one probe, then the cells in as few
 * reads as the budget allows), list what a person changed since, and put back the rest. A
 * fixed number of syncs whatever the size: 4 for a build, 4 or 5 for a results write, however
 * many tables it changed.
 */
import { blockAddress, parseRangeAddress } from "./addresses";
import { syncGroups } from "./batches";
import type { ExcelHost } from "./host";
import { op } from "./payload";
import { readTables } from "./readTables";
import { resultsOps } from "./results";
import { type CellChange, type Snapshot, revertResults } from "./revert";
import { builtBlocks, typedCells, withinBudget } from "./revertBuild";

export type RevertRun =
  { status: "done"; syncs: number } | { status: "changed-since"; changes: CellChange[] };

/** Revert `snapshot` unless a person changed what it would put back (then list them, unless `confirm`). */
export function runRevert(
  host: ExcelHost,
  snapshot: Snapshot,
  options: { confirm: boolean; canResize: boolean; budgetBytes: number },
): Promise<RevertRun> {
  return host.run({}, (context) =>
    snapshot.kind === "created"
      ? revertBuild(context, snapshot, options)
      : revertWrite(context, snapshot, options),
  );
}

async function revertBuild(
  context: Excel.RequestContext,
  snapshot: Extract<Snapshot, { kind: "created" }>,
  options: { confirm: boolean; budgetBytes: number },
): Promise<RevertRun> {
  const sheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names.load("items/name");
  await context.sync();
  const present = new Set([...sheets.items, ...names.items].map((x) => x.name.toLowerCase()));
  // Only the sheets and names the build added that still exist (a build Excel stopped midway added some).
  const has = (n: string): boolean => present.has(n.toLowerCase());
  const blocks = withinBudget(builtBlocks(snapshot.plan, present), options.budgetBytes);
  // Block indexes per read, each read's response within the budget (one read for most workbooks).
  const groups: number[][] = [];
  let bytes = Infinity;
  blocks.forEach((b, k) => {
    if (bytes + b.bytes > options.budgetBytes) {
      groups.push([]);
      bytes = 0;
    }
    groups[groups.length - 1].push(k);
    bytes += b.bytes;
  });
  const ranges: Excel.Range[] = [];
  await groups.reduce(async (previous, group) => {
    await previous;
    for (const k of group) {
      const b = blocks[k];
      ranges[k] = context.workbook.worksheets
        .getItem(b.sheet)
        .getRange(blockAddress(b.block))
        .load("formulas,values");
    }
    await context.sync();
  }, Promise.resolve());
  const changes = typedCells(
    blocks,
    ranges.map((r) => r.formulas),
    ranges.map((r) => r.values),
  );
  if (changes.length > 0 && !options.confirm) return { status: "changed-since", changes };
  const ops = [
    ...snapshot.names.filter(has).map((n) => op(64, (c) => c.workbook.names.getItem(n).delete())),
    ...snapshot.sheets.filter(has).map((s) => op(64, (c) => c.workbook.worksheets.getItem(s).delete())),
  ];
  const syncs = 1 + groups.length + (await syncGroups(context, ops, options.budgetBytes, false));
  return { status: "done", syncs };
}

async function revertWrite(
  context: Excel.RequestContext,
  snapshot: Extract<Snapshot, { kind: "results" }>,
  options: { confirm: boolean; canResize: boolean; budgetBytes: number },
): Promise<RevertRun> {
  const names = snapshot.tables.map((t) => t.target.table);
  const reads = { syncs: 0 };
  const read = await readTables(context, names, "formulas", options.budgetBytes, 0, reads);
  const missing = names.filter((n) => !read[n]);
  if (missing.length > 0) {
    throw new Error(
      `The ${missing.join(", ")} table${missing.length > 1 ? "s are" : " is"} no longer in this workbook, so Yardstick cannot take back its last change (nothing was reverted).`,
    );
  }
  const steps = snapshot.tables.map((table) => {
    const contents = read[table.target.table]!;
    const body = parseRangeAddress(contents.bodyAddress).block;
    const { merge, changes } = revertResults(
      table,
      {
        sheet: contents.sheetName,
        headers: contents.headers,
        body,
        formulas: contents.rows,
        values: contents.values ?? contents.rows,
      },
      options.confirm,
    );
    const target = {
      table: table.target.table,
      sheet: contents.sheetName,
      style: contents.style,
      body,
      headers: contents.headers,
      current: contents.rows,
    };
    return { target, merge, changes };
  });
  const changes = steps.flatMap((s) => s.changes);
  if (changes.length > 0 && !options.confirm) return { status: "changed-since", changes };
  // Lower tables first, as the write went, so no table moves another before it is written.
  steps.sort((a, b) => a.target.sheet.localeCompare(b.target.sheet) || b.target.body.row - a.target.body.row);
  const ops = steps.flatMap(
    (s) => resultsOps(s.target, s.merge, options.canResize, Math.floor(options.budgetBytes / 2)).ops,
  );
  return { status: "done", syncs: reads.syncs + (await syncGroups(context, ops, options.budgetBytes)) };
}
