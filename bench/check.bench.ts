/**
 * `check` on a ~50 MB workbook: the wall time and peak memory of reading it (and of the whole
 * command), each in a fresh node limited to a 1 GB heap, beside a fixed reference workload
 * (sorting 1,000,000 doubles) timed in the same run so figures compare across machines.
 * The workbook (17,500 units x 10 measures, written by the project's own writer) takes minutes
 * and several GB to write, so it is written once, in a child with a big heap, and cached in
 * the system's temporary folder.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { judgeWorkbook, readForCheck } from "../src/cli/commands/check";
import { buildPlanFromInput } from "../src/workbook/buildPlan";
import { writePlanToXlsx } from "../src/xlsx";
import { loaderFor, referenceMs } from "./reference";
import { benchInput } from "./workbook.bench";

export const title = "check: read a ~50 MB workbook within a 1 GB heap";

const UNITS = Number(process.env.YARDSTICK_BENCH_CHECK_UNITS ?? 17_500);
/** The heap `check` must fit in: the promise is a 50 MB workbook within 1 GB. */
const HEAP_MB = 1024;
/** Writing the workbook (not what is measured) needs far more than reading it. */
const WRITER_HEAP_MB = 16_384;
const CHILD = "YARDSTICK_BENCH_CHECK_CHILD";

const cachedWorkbook = () => path.join(os.tmpdir(), `yardstick-bench-check-${UNITS}-units-v1.xlsx`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Run this file in a fresh node with `heapMb` of heap; each stdout line it printed is JSON. */
function child(
  mode: string,
  heapMb: number,
  file: string,
): { lines: Record<string, number>[]; failure?: string } {
  const result = spawnSync(
    process.execPath,
    [`--max-old-space-size=${heapMb}`, ...loaderFor(__filename), __filename],
    {
      env: { ...process.env, [CHILD]: mode, YARDSTICK_BENCH_CHECK_FILE: file },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const lines = result.stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, number>);
  if (result.status === 0) return { lines };
  const outOfMemory = /heap out of memory|Allocation failed/.test(result.stderr);
  const tail = result.stderr.trim().split("\n").slice(-3).join(" | ");
  return {
    lines,
    failure: outOfMemory
      ? `out of memory under a ${heapMb} MB heap`
      : `exit ${result.status ?? result.signal}: ${tail}`,
  };
}

async function generate(file: string): Promise<void> {
  const bytes = await writePlanToXlsx(buildPlanFromInput(benchInput(UNITS)));
  writeFileSync(`${file}.part`, bytes);
  renameSync(`${file}.part`, file);
  console.log(JSON.stringify({ bytes: bytes.length }));
}

/** In the child: read, then check and flag, printing wall time and peak RSS after each phase. */
async function measure(file: string): Promise<void> {
  const peak = () => process.resourceUsage().maxRSS * 1024;
  const cpu = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const start = performance.now();
  const cpuStart = cpu();
  const read = await readForCheck(readFileSync(file), file);
  const readMs = performance.now() - start;
  console.log(
    JSON.stringify({
      readMs,
      readCpuMs: cpu() - cpuStart,
      readPeakRss: peak(),
      observations: read.scorecard.observations.length,
    }),
  );
  judgeWorkbook(read, file);
  console.log(
    JSON.stringify({
      checkMs: performance.now() - start,
      checkCpuMs: cpu() - cpuStart,
      checkPeakRss: peak(),
    }),
  );
}

export async function run(): Promise<void> {
  const file = cachedWorkbook();
  if (!existsSync(file)) {
    console.log(`writing the ${UNITS}-unit workbook once (minutes; cached as ${file})`);
    const { failure } = child("generate", WRITER_HEAP_MB, file);
    if (failure) throw new Error(`writing the bench workbook failed: ${failure}`);
  }
  console.log(`${path.basename(file)}: ${mb(statSync(file).size)}, ${UNITS} units x 10 measures`);
  const reference = referenceMs(); // the shared one: CPU ms of sorting 1,000,000 seeded doubles
  const { lines, failure } = child("check", HEAP_MB, file);
  const [read, check] = lines;
  const times = (wallMs: number, cpuMs: number) =>
    `${(wallMs / 1000).toFixed(1)} s wall, ${(cpuMs / 1000).toFixed(1)} s CPU (${(cpuMs / reference).toFixed(0)}x ref)`;
  if (read) {
    console.log(
      `read  (${read.observations} observations): ${times(read.readMs, read.readCpuMs)}, peak RSS ${mb(read.readPeakRss)}`,
    );
  }
  if (check)
    console.log(
      `check (read + status + flags): ${times(check.checkMs, check.checkCpuMs)}, peak RSS ${mb(check.checkPeakRss)}`,
    );
  if (failure) console.log(`${read ? "check" : "read"} failed: ${failure}`);
}

const mode = process.env[CHILD];
if (mode && require.main === module) {
  const file = process.env.YARDSTICK_BENCH_CHECK_FILE!;
  (mode === "generate" ? generate(file) : measure(file)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
