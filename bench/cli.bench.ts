/**
 * How long `yardstick --help` takes to start, beside a bare `node -e 0` measured in the same run,
 * in turns (bare, yardstick, bare, ...) so a busy machine slows both alike. The aim is within 4x
 * of bare Node: the command line runs compiled JavaScript from lib/ and loads a command's module
 * (ExcelJS, the engine) only when that command runs.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { repositoryRoot } from "../tests/support/repoRoot";

export const title = "command line start (yardstick --help vs node -e 0)";

const ROOT = repositoryRoot(__dirname);
const BIN = path.join(ROOT, "bin", "yardstick.js");
const TURNS = 15;

function wallMs(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return ms;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function run(): void {
  if (!existsSync(path.join(ROOT, "lib", "cli", "main.js"))) {
    console.log("building the command line first (npm run build:cli) ...");
    const build = spawnSync("npm", ["run", "-s", "build:cli"], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) throw new Error("npm run build:cli failed");
  }
  const bare: number[] = [];
  const help: number[] = [];
  const command: number[] = [];
  for (let i = 0; i < TURNS; i += 1) {
    bare.push(wallMs(["-e", "0"]));
    help.push(wallMs([BIN, "--help"]));
    command.push(wallMs([BIN, "prorate", "--help"]));
  }
  const base = median(bare);
  const row = (what: string, xs: number[]) =>
    console.log(
      `${what.padEnd(34)} ${median(xs).toFixed(0).padStart(5)} ms  ${(median(xs) / base).toFixed(2)}x`,
    );
  console.log(`median of ${TURNS} runs each, taken in turns; x = multiple of bare node in this run`);
  row("node -e 0 (reference)", bare);
  row("yardstick --help", help);
  row("yardstick prorate --help (loads it)", command);
}
