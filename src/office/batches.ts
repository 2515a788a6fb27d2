/** Running sized operations: one sync per budget-sized group, calculation suspended in each. */
import { type QueuedOp, packOps } from "./payload";

/**
 * Queue each group and sync it, in order. Example: `await syncGroups(context, ops, 4 * 2 ** 20)`.
 * Returns the number of syncs made (one per group).
 */
export async function syncGroups(
  context: Excel.RequestContext,
  ops: QueuedOp[],
  budgetBytes: number,
  suspendCalculation = true,
): Promise<number> {
  const groups = packOps(ops, budgetBytes);
  await groups.reduce(async (previous, group) => {
    await previous;
    if (suspendCalculation) context.workbook.application.suspendApiCalculationUntilNextSync();
    for (const o of group) o.queue(context);
    await context.sync();
  }, Promise.resolve());
  return groups.length;
}
