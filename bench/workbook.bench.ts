/**
 * The price of live formulas: a workbook of N units x 10 measures x 12 months (N = 5,000 by
 * default; YARDSTICK_BENCH_UNITS to change it) written with every check as a formula, then
 * recalculated by LibreOffice headless, against the same workbook holding the computed values
 * only. Prints file sizes, write time, LibreOffice time for each (the fastest of
 * YARDSTICK_BENCH_RUNS runs, default 3, the two workbooks taking turns), and their ratio
 * (keep < 3x): for opening the file (load + recalculate) and for load + recalculate + save.
 */
import { spawnSync } from "node:child_process";
import { getHeapStatistics } from "node:v8";
import type { MeasureKind, Observation, UnitDef } from "../src/engine/model";
import { fiscalYearMonths } from "../src/engine/period";
import { buildPlanFromInput } from "../src/workbook/buildPlan";
import type { WorkbookInput } from "../src/workbook/input";
import { isFormula, type PlanValue, type WorkbookPlan } from "../src/workbook/plan";
import { emptyPlanText } from "../src/workbook/templates";
import type { TemplateMeasure } from "../src/workbook/templates/types";
import { writePlanToXlsx } from "../src/xlsx";
import { formatAddress, parseAddress } from "../src/xlsx/address";
import { loaderFor } from "./reference";
import {
  lastSofficeMs,
  readComputedCells,
  recalculate,
  timeOpen,
  type ComputedCell,
} from "../tests/support/libreoffice";

export const title = "Workbook: live formulas vs values only, recalculated by LibreOffice";

const MEASURES = 10;
const KINDS: MeasureKind[] = [
  "count",
  "rate",
  "amount",
  "ratio",
  "count",
  "rate",
  "count",
  "amount",
  "rate",
  "count",
];

/** A deterministic pseudo-random stream (mulberry32), so every run measures the same workbook. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** N units x 10 measures x 12 months of milestones, actuals and denominators, judged at year end. */
export function benchInput(units: number): WorkbookInput {
  const rand = random(7);
  const fyStartMonth = 7;
  const months = fiscalYearMonths(2027, fyStartMonth);
  const measures: TemplateMeasure[] = KINDS.map((kind, i) => ({
    id: `m${i + 1}`,
    name: `Measure ${i + 1}`,
    kind,
    direction: i === 3 ? "band" : i % 4 === 1 ? "down" : "up",
    ...(i === 3 ? { lower: 2, upper: 4 } : {}),
  }));
  const unitDefs: UnitDef[] = Array.from({ length: units }, (_, i) => ({
    id: `u${i + 1}`,
    name: `Unit ${i + 1}`,
    caseload: 1000,
  }));
  const observations: Observation[] = [];
  for (const m of measures) {
    const ratio = m.kind === "rate" || m.kind === "ratio";
    const level = m.kind === "rate" ? 70 : m.kind === "ratio" ? 3 : m.kind === "amount" ? 5000 : 100;
    for (const u of unitDefs) {
      months.forEach((period) => {
        const milestone = Math.round(level * (0.9 + 0.2 * rand()) * 100) / 100;
        const actual = Math.round(milestone * (0.85 + 0.3 * rand()) * 100) / 100;
        observations.push({
          measure: m.id,
          unit: u.id,
          period,
          milestone,
          actual: m.kind === "rate" ? Math.min(100, actual) : actual,
          ...(ratio ? { denominator: 100 + Math.round(900 * rand()) } : {}),
        });
      });
      observations.push({ measure: m.id, unit: u.id, period: "2027", target: level * (ratio ? 1 : 12) });
    }
  }
  return {
    templateId: "blank",
    title: `Bench: ${units} units`,
    fyStartMonth,
    asOfMonth: months[11],
    plan: emptyPlanText(),
    measures,
    units: unitDefs,
    observations,
    programTargets: [],
    flags: [],
    reliabilityPassed: true,
  };
}

/**
 * The same plan with every formula replaced by the value LibreOffice computed for it (charts,
 * formats and validation stay: only the formulas are the price being measured).
 */
export function valuesOnly(plan: WorkbookPlan, cells: Map<string, ComputedCell>): WorkbookPlan {
  const value = (sheet: string, row: number, column: number, v: PlanValue): PlanValue => {
    if (!isFormula(v)) return v;
    const cell = cells.get(`${sheet}!${formatAddress({ row, column })}`);
    return cell?.error ? cell.error : (cell?.value ?? null);
  };
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      ranges: s.ranges.map((r) => {
        const o = parseAddress(r.topLeft);
        return {
          ...r,
          values: r.values.map((row, i) => row.map((v, j) => value(s.name, o.row + i, o.column + j, v))),
        };
      }),
      tables: s.tables.map((t) => {
        const o = parseAddress(t.topLeft);
        return {
          ...t,
          rows: t.rows.map((row, i) => row.map((v, j) => value(s.name, o.row + 1 + i, o.column + j, v))),
        };
      }),
    })),
  };
}

/** Runs per LibreOffice timing; the fastest is reported (a busy machine only ever adds time). */
const RUNS = Number(process.env.YARDSTICK_BENCH_RUNS ?? 3);

/**
 * The fastest of RUNS timings of each call, taken in turns (a, b, c, a, b, c, ...), so a
 * machine that slows down or speeds up during the bench weighs on every ratio alike.
 */
async function fastestInTurns(calls: Array<() => Promise<number>>): Promise<number[]> {
  const times = calls.map(() => [] as number[]);
  for (let round = 0; round < RUNS; round++) {
    for (const [i, call] of calls.entries()) times[i].push(await call());
  }
  return times.map((t) => Math.min(...t));
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A 5,000-unit plan and its recalculated values need more than node's default 4 GB heap. */
const HEAP_MB = 16_384;

export async function run(): Promise<void> {
  const units = Number(process.env.YARDSTICK_BENCH_UNITS ?? 5000);
  if (units > 1000 && getHeapStatistics().heap_size_limit < (HEAP_MB / 2) * 1024 * 1024) {
    console.log(`(re-running in a node with a ${HEAP_MB / 1024} GB heap)`);
    const child = spawnSync(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, ...loaderFor(__filename), __filename],
      {
        stdio: "inherit",
        env: { ...process.env, YARDSTICK_BENCH_CHILD: "1" },
      },
    );
    if (child.status !== 0) throw new Error(`the bench child exited with ${child.status ?? child.signal}`);
    return;
  }
  await measure(units);
}

async function measure(units: number): Promise<void> {
  let t = Date.now();
  const input = benchInput(units);
  const plan = buildPlanFromInput(input);
  const formulas = plan.sheets.reduce(
    (n, s) =>
      n + s.tables.reduce((m, tb) => m + tb.rows.reduce((k, r) => k + r.filter(isFormula).length, 0), 0),
    0,
  );
  console.log(
    `${units} units x ${MEASURES} measures x 12 months: plan built in ${sec(Date.now() - t)}, ${formulas.toLocaleString("en-US")} formula cells`,
  );
  t = Date.now();
  const live = await writePlanToXlsx(plan);
  const writeMs = Date.now() - t;
  console.log(
    `live formulas: ${mb(live.length)} written in ${sec(writeMs)}, rss ${mb(process.memoryUsage().rss)}`,
  );
  const [recalculated] = await recalculate([live], { timeoutMs: 3_600_000 });
  const cells = await readComputedCells(recalculated);
  t = Date.now();
  const values = await writePlanToXlsx(valuesOnly(plan, cells));
  console.log(`values only:   ${mb(values.length)} written in ${sec(Date.now() - t)}`);
  const save = (bytes: Buffer) => async () => {
    await recalculate([bytes], { timeoutMs: 3_600_000 });
    return lastSofficeMs;
  };
  const open = (bytes: Buffer) => () => timeOpen(bytes, { timeoutMs: 3_600_000 });
  const [liveMs, valuesMs, liveOpenMs, valuesOpenMs] = await fastestInTurns([
    save(live),
    save(values),
    open(live),
    open(values),
  ]);
  console.log(`live formulas: LibreOffice load + recalculate + save ${sec(liveMs)}`);
  console.log(`values only:   LibreOffice load + save ${sec(valuesMs)}`);
  console.log(
    `open only (load + recalculate, no .xlsx save): live ${sec(liveOpenMs)}, values ${sec(valuesOpenMs)}: ${(liveOpenMs / valuesOpenMs).toFixed(2)}x`,
  );
  console.log(
    `price of live formulas: ${(liveMs / valuesMs).toFixed(2)}x LibreOffice time (load + recalculate + save; target < 3x), ${(live.length / values.length).toFixed(2)}x file size`,
  );
}

if (process.env.YARDSTICK_BENCH_CHILD === "1" && require.main === module) {
  measure(Number(process.env.YARDSTICK_BENCH_UNITS ?? 5000)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
