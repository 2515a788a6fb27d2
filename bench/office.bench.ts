/**
 * Office adapter round trips: syncs and request/response bytes to apply a scorecard and read
 * it back through the in-memory Excel, at 10, 1,000 and 5,000 units (3 measures, one fiscal
 * year, 4 MB budget). "grid only" leaves out the long Data table, whose per-row INDEX
 * formulas cannot be sent as one filled-down formula.
 */
import { OfficeAdapter, type ExcelHost } from "../src/office";
import { buildPlanFromInput } from "../src/workbook/buildPlan";
import { createMemoryExcel } from "../src/office/memory";
import { scorecardInput } from "../tests/office/scorecards";

export const title = "Office adapter: syncs and bytes per operation";

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(2);

async function measure(units: number, dataTable: boolean): Promise<string> {
  const plan = buildPlanFromInput(scorecardInput(units), { dataTable });
  const excel = createMemoryExcel({ apiVersion: "1.20", evaluateFormulas: false });
  const adapter = new OfficeAdapter(excel as unknown as ExcelHost);
  const t0 = performance.now();
  await adapter.applyPlan(plan);
  const apply = { syncs: excel.stats.syncs, sent: excel.stats.requestBytes, ms: performance.now() - t0 };
  excel.resetStats();
  const t1 = performance.now();
  const read = await adapter.readScorecard();
  const back = { syncs: excel.stats.syncs, got: excel.stats.responseBytes, ms: performance.now() - t1 };
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  return [
    `${String(units).padStart(5)} units ${dataTable ? "full plan" : "grid only"}:`,
    `apply ${apply.syncs} syncs, ${mb(sum(apply.sent))} MB sent (largest request ${mb(Math.max(...apply.sent))} MB)`,
    `| read ${back.syncs} syncs, ${mb(sum(back.got))} MB received (largest ${mb(Math.max(...back.got))} MB),`,
    `${read.scorecard.observations.length} observations`,
    `| in-memory time ${(apply.ms / 1000).toFixed(1)} s + ${(back.ms / 1000).toFixed(1)} s`,
  ].join(" ");
}

export async function run(): Promise<void> {
  for (const dataTable of [false, true]) {
    for (const units of [10, 1000, 5000]) console.log(await measure(units, dataTable));
  }
}
