/**
 * `npm run bench`: runs every bench/*.bench.ts (or only those whose name contains an argument)
 * and prints their figures. It runs them compiled by tsc (tsconfig.bench.json, as the command line
 * ships), not through tsx: tsx's CommonJS output reads every imported name through a getter, a cost
 * users never pay, which was 20-30 % of the as-of check. Benchmarks print numbers; tests assert correctness. The reference
 * workload (bench/reference.ts) runs first, so every figure can be read as a multiple of it.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { referenceMs } from "./reference";

interface BenchModule {
  title: string;
  run: () => Promise<void> | void;
}

async function runAll(filters: string[]): Promise<void> {
  const files = readdirSync(__dirname)
    .filter((f) => /\.bench\.[jt]s$/.test(f))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  const reference = referenceMs();
  console.log(
    `reference: sort 1,000,000 seeded doubles = ${reference.toFixed(0)} ms CPU (1x ref; figures below as multiples of it)`,
  );
  for (const file of files) {
    const mod = (await import(path.join(__dirname, file))) as BenchModule;
    console.log(`\n== ${mod.title} (${file})`);
    await mod.run();
  }
}

runAll(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
