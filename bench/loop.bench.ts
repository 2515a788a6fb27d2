/**
 * The email loop at scale: a 1,000-unit master (the workbook bench's scorecard: 5 measures, a
 * fiscal year of months) split into 1,000 stamped office copies, each "returned" with next
 * month's actuals typed in, and collected back: read the master, split, write the copies, read
 * the returns, decide the merge, write the merged master. Wall and CPU time beside the
 * reference workload (bench/reference.ts). YARDSTICK_BENCH_LOOP_UNITS sets the unit count.
 */
import { buildPlanFromInput } from "../src/workbook/buildPlan";
import { isFormula, type PlanTable } from "../src/workbook";
import { collectReturns, mergedMasterPlan, splitMaster, type ReturnedCopy } from "../src/workbook/loop";
import { writePlanToXlsx } from "../src/xlsx";
import { readMasterXlsx, readReturnedCopy } from "../src/xlsx/loopRead";
import { ref } from "./reference";
import { benchInput } from "./workbook.bench";

export const title = "loop: split a 1,000-unit master into office copies and collect them back";

const UNITS = Number(process.env.YARDSTICK_BENCH_LOOP_UNITS ?? 1000);

async function measure<T>(label: string, work: () => Promise<T> | T, per?: number): Promise<T> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const each = per ? `; ${(wallMs / per).toFixed(1)} ms wall per unit` : "";
  console.log(`  ${label.padEnd(34)} ${(wallMs / 1000).toFixed(2)} s wall, ${ref(cpuMs)}${each}`);
  return value;
}

/** Type next month's actual into every row of the report month's fiscal year, as an office would. */
function typeActuals(table: PlanTable, header: string, fiscalYear: number): number {
  const col = table.columns.findIndex((c) => c.header === header);
  const fyCol = table.columns.findIndex((c) => c.header === "Fiscal year");
  let typed = 0;
  table.rows.forEach((row, i) => {
    if (row[fyCol] !== fiscalYear || isFormula(row[col])) return;
    row[col] = 50 + (i % 40);
    typed += 1;
  });
  return typed;
}

export async function run(): Promise<void> {
  const input = benchInput(UNITS);
  const masterBytes = await writePlanToXlsx(buildPlanFromInput(input));
  console.log(
    `  master: ${UNITS} units x ${input.measures.length} measures, ${(masterBytes.length / 1024 / 1024).toFixed(1)} MB`,
  );
  const { master, tables } = await measure("read the master", () =>
    readMasterXlsx(masterBytes, "master.xlsx"),
  );
  const copies = await measure(
    `split into ${UNITS} copies (pure)`,
    () => splitMaster(master, tables, { due: "2027-08-10", issuedAt: "2027-07-01T09:00:00Z" }),
    UNITS,
  );
  let typed = 0;
  for (const c of copies) {
    const grid = c.plan.sheets.flatMap((s) => s.tables).find((t) => t.name === "tblMonthly")!;
    typed += typeActuals(grid, "Actual Jul", 2028);
  }
  let bytes = 0;
  const files = await measure(
    `write ${UNITS} copies (.xlsx)`,
    async () => {
      const out: Buffer[] = [];
      for (const c of copies) {
        const b = await writePlanToXlsx(c.plan);
        bytes += b.length;
        out.push(b);
      }
      return out;
    },
    UNITS,
  );
  console.log(
    `  copies: ${(bytes / 1024 / 1024).toFixed(1)} MB in all, ${(bytes / UNITS / 1024).toFixed(0)} KB each`,
  );
  const returns: ReturnedCopy[] = await measure(
    `read ${UNITS} returns`,
    async () => {
      const out: ReturnedCopy[] = [];
      for (let i = 0; i < files.length; i++)
        out.push(await readReturnedCopy(files[i], `${copies[i].unit}.xlsx`, "2027-08-05T10:00:00Z"));
      return out;
    },
    UNITS,
  );
  const result = await measure(
    "check and decide the merge (pure)",
    () => collectReturns(master, tables, returns, { now: "2027-08-06T00:00:00Z" }),
    UNITS,
  );
  const merged = await measure("write the merged master", () =>
    writePlanToXlsx(mergedMasterPlan(result.input, result.returns)),
  );
  const statuses = new Map<string, number>();
  for (const r of result.returns) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  console.log(
    `  merged ${result.merges.length} of ${typed} typed cells; returns ${[...statuses].map(([s, n]) => `${n} ${s}`).join(", ")}; merged master ${(merged.length / 1024 / 1024).toFixed(1)} MB`,
  );
  if (result.merges.length !== typed) throw new Error(`merged ${result.merges.length} cells, typed ${typed}`);
}
