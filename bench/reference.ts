/**
 * The fixed reference workload every bench figure is compared with: sort 1,000,000 doubles from
 * a fixed-seed PRNG, timed in CPU milliseconds. A figure printed as a multiple of it ("4.1x ref")
 * compares across machines, and across runs on a machine that other jobs share.
 */

const COUNT = 1_000_000;
const SEED = 20_260_101;

/** mulberry32: a small deterministic PRNG, so every run sorts the same numbers. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let measuredMs: number | undefined;

/** CPU ms of one sort of 1,000,000 seeded doubles (after one warm-up sort); measured once per run. */
export function referenceMs(): number {
  if (measuredMs !== undefined) return measuredMs;
  const rand = mulberry32(SEED);
  const values = new Float64Array(COUNT);
  for (let i = 0; i < COUNT; i++) values[i] = rand() * 1e6 - 5e5;
  values.slice().sort(); // warm-up: compile the comparator-free typed-array sort once
  const copy = values.slice();
  const before = process.cpuUsage();
  copy.sort();
  const used = process.cpuUsage(before);
  measuredMs = (used.user + used.system) / 1000;
  return measuredMs;
}

/** A CPU figure beside its multiple of the reference. Example: `ref(420)` is "420 ms CPU (4.0x ref)". */
export function ref(cpuMs: number): string {
  return `${cpuMs.toFixed(cpuMs < 100 ? 1 : 0)} ms CPU (${(cpuMs / referenceMs()).toFixed(2)}x ref)`;
}

/** Wall and CPU milliseconds of a call (CPU time is steadier on a shared machine). */
export function timed<T>(f: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: performance.now() - t0, cpuMs: (used.user + used.system) / 1000 };
}

/** Megabytes for a memory line. Example: `mb(1048576) === "1 MB"`. */
export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/**
 * Node's arguments to run a bench file again in a child: the TypeScript source needs tsx's loader
 * (`npm run bench:source`), the compiled file (`npm run bench`) runs as it is.
 * Example: `spawnSync(process.execPath, [...loaderFor(__filename), __filename])`.
 */
export function loaderFor(file: string): string[] {
  return file.endsWith(".ts") ? ["--import", "tsx"] : [];
}
