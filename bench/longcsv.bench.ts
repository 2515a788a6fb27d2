/**
 * Reading the checks bench's long CSV (1,000 units x 20 measures x 36 months, about 36 MB) with
 * parseLongCsv, beside a fixed reference workload (sorting 1,000,000 doubles) timed in the same
 * run, so the figure compares across machines as a multiple. Aim: < 1,000 ms CPU on a machine
 * where the reference takes about 105 ms, i.e. under about 9.5x the reference.
 */
import { parseLongCsv } from "../src/engine/longcsv";
import { buildScorecard, toLongCsv } from "./checks.bench";

export const title = "long CSV: parse the checks bench's 720,000-row file";

function cpuMs<T>(f: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: performance.now() - t0, cpuMs: (used.user + used.system) / 1000 };
}

/** The fixed reference: sort 1,000,000 pseudo-random doubles (about 105 ms CPU on a quiet 2-core machine). */
function reference(): number {
  const values = Float64Array.from({ length: 1_000_000 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453);
  return cpuMs(() => values.sort()).cpuMs;
}

export function run(): void {
  const csv = toLongCsv(buildScorecard());
  const ref = reference();
  const rssBefore = process.memoryUsage().rss;
  const parse = cpuMs(() => parseLongCsv(csv, { fileName: "bench.csv" }));
  const rssAfter = process.memoryUsage().rss;
  const again = cpuMs(() => parseLongCsv(csv, { fileName: "bench.csv" }));
  const ref2 = reference();
  const refMs = (ref + ref2) / 2;
  const x = (ms: number) => `${(ms / refMs).toFixed(1)}x`;
  console.log(`reference (sort 1,000,000 doubles): ${refMs.toFixed(0)} ms CPU`);
  console.log(
    `parseLongCsv, ${(csv.length / 1e6).toFixed(0)} MB, ${parse.value.scorecard.observations.length.toLocaleString("en-US")} rows: ` +
      `${parse.cpuMs.toFixed(0)} ms CPU (${x(parse.cpuMs)}), ${parse.wallMs.toFixed(0)} ms wall; second run ${again.cpuMs.toFixed(0)} ms CPU (${x(again.cpuMs)})`,
  );
  console.log(`rss +${((rssAfter - rssBefore) / 1024 / 1024).toFixed(0)} MB for the parsed scorecard`);
  console.log(
    `aim: under 9.5x the reference (1,000 ms where it takes 105 ms): ${parse.cpuMs / refMs < 9.5 ? "under" : "OVER"}`,
  );
}
