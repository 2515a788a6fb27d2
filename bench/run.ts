/**
 * `npm run bench`: runs every bench/*.bench.ts (or only those whose name contains an argument)
 * and prints their figures. It runs them compiled by tsc (tsconfig.bench.json, as the command line
 * ships), not through tsx: tsx's CommonJS output reads every imported name through a getter, a cost
 * users never pay, which was 20-30 % of the as-of check. Benchmarks print numbers; tests assert correctness. The reference
 * workload (bench/reference.ts) runs first, so every figure can be read as a multiple of it.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { repositoryRoot } from "../tests/support/repoRoot";
import { referenceMs } from "./reference";

interface BenchModule {
  title: string;
  run: () => Promise<void> | void;
}

async function runAll(filters: string[]): Promise<void> {
  // Bench names come from the sources, so a compiled bench whose source was deleted or renamed
  // (its .js stays in .cache/) is not run; each is loaded as this runner runs, .ts or compiled .js.
  const sources = path.join(repositoryRoot(__dirname), "bench");
  const extension = path.extname(__filename);
  const names = readdirSync(sources)
    .filter((f) => f.endsWith(".bench.ts"))
    .map((f) => f.slice(0, -".ts".length))
    .filter((name) => filters.length === 0 || filters.some((x) => name.includes(x)))
    .sort();
  const reference = referenceMs();
  console.log(
    `reference: sort 1,000,000 seeded doubles = ${reference.toFixed(0)} ms CPU (1x ref; figures below as multiples of it)`,
  );
  const failed: string[] = [];
  for (const name of names) {
    // One bench that fails is reported, and the others still run.
    try {
      const mod = (await import(path.join(__dirname, name + extension))) as BenchModule;
      console.log(`\n== ${mod.title} (${name}${extension})`);
      await mod.run();
    } catch (error) {
      console.error(`\n!! ${name} failed:`, error);
      failed.push(name);
    }
  }
  if (failed.length > 0) {
    console.error(`\n${failed.length} bench(es) failed: ${failed.join(", ")}`);
    process.exitCode = 1;
  }
}

runAll(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
