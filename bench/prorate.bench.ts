/**
 * Prorate a program total to N units (5 % locked) by caseload, then spread every target over a
 * twelve-month federal fiscal year. Prints the median of several runs per size and the growth.
 */
import { spreadMilestones } from "../src/engine/milestones";
import { prorate, type ProrationUnitInput } from "../src/engine/prorate";
import { ref } from "./reference";

export const title = "prorate + spread (12 months, 5 % locked)";

function makeUnits(n: number): ProrationUnitInput[] {
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  return Array.from({ length: n }, (_, i) => ({
    id: `Office ${String(i).padStart(6, "0")}`,
    driver: Math.floor(200 + random() * 5000),
    locked: i % 20 === 0 ? 50 : undefined,
  }));
}

/** The measured workload's two steps: the split, then each target spread over the year. */
const split = (units: ProrationUnitInput[]) =>
  prorate({
    kind: "count",
    total: units.length * 400,
    units,
    method: "proportional",
    driverLabel: "caseload",
  });
const spread = (targets: { id: string; target: number }[]) =>
  spreadMilestones({
    kind: "count",
    fiscalYear: 2027,
    fyStartMonth: 10,
    spread: { kind: "ramp", shape: "back" },
    units: targets,
  });

/** CPU milliseconds of `prorate` and of `spreadMilestones` apart, for the breakdown lines. */
function phases(units: ProrationUnitInput[]): { prorateMs: number; spreadMs: number } {
  const cpuMs = (from: NodeJS.CpuUsage): number => {
    const used = process.cpuUsage(from);
    return (used.user + used.system) / 1000;
  };
  const before = process.cpuUsage();
  const result = split(units);
  const prorateMs = cpuMs(before);
  const targets = result.units.map((u) => ({ id: u.id, target: u.value }));
  const middle = process.cpuUsage();
  spread(targets);
  return { prorateMs, spreadMs: cpuMs(middle) };
}

/** Wall-clock and CPU milliseconds (CPU time is steadier when other jobs share the cores). */
function once(units: ProrationUnitInput[]): { wallMs: number; cpuMs: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  spread(split(units).units.map((u) => ({ id: u.id, target: u.value })));
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function run(): void {
  let previous: { n: number; cpuMs: number } | undefined;
  for (const n of [1_000, 10_000, 100_000]) {
    const units = makeUnits(n);
    once(units); // warm-up
    const runs = n >= 100_000 ? 3 : 7;
    const times = Array.from({ length: runs }, () => once(units));
    const ms = median(times.map((t) => t.wallMs));
    const cpuMs = median(times.map((t) => t.cpuMs));
    const growth = previous
      ? `  CPU x${(cpuMs / previous.cpuMs).toFixed(1)} for x${n / previous.n} units`
      : "";
    console.log(
      `${String(n).padStart(7)} units x 12 months: ${ms.toFixed(1).padStart(7)} ms wall, ${ref(cpuMs)} (median of ${runs})${growth}`,
    );
    previous = { n, cpuMs };
  }
  // Breakdown, measured after the figures above so it cannot change them.
  for (const n of [10_000, 100_000]) {
    const units = makeUnits(n);
    const runs = Array.from({ length: n >= 100_000 ? 3 : 7 }, () => phases(units));
    console.log(
      `  breakdown ${n} units (median of ${runs.length}): prorate ${ref(median(runs.map((r) => r.prorateMs)))}, spread ${ref(median(runs.map((r) => r.spreadMs)))}`,
    );
  }
}
