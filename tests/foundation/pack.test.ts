/**
 * The command line as budget staff install it: `npm pack` makes a package that installs on its
 * own (no TypeScript, no checkout) and whose `yardstick` answers --help and runs a command.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

function npm(args: string[], cwd: string): string {
  const run = spawnSync("npm", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, npm_config_fund: "false" },
  });
  if (run.status !== 0) throw new Error(`npm ${args.join(" ")} failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

describe("the packed command line", () => {
  const work = mkdtempSync(path.join(os.tmpdir(), "yardstick-pack-"));
  let bin = "";

  beforeAll(() => {
    // npm pack runs `prepare`, which compiles the command line into lib/.
    const tarball = npm(["pack", "--silent", "--pack-destination", work], root).trim().split("\n").pop()!;
    const app = path.join(work, "app");
    mkdirSync(app);
    npm(["init", "-y"], app);
    npm(["install", "--prefer-offline", "--no-audit", path.join(work, tarball)], app);
    bin = path.join(app, "node_modules", ".bin", "yardstick");
  }, 600_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("ships the compiled command line and none of the sources or tests", () => {
    const pkg = path.join(work, "app", "node_modules", "yardstick");
    expect(existsSync(path.join(pkg, "lib", "cli", "main.js"))).toBe(true);
    expect(readdirSync(pkg).sort()).toEqual(["README.md", "bin", "lib", "package.json"]);
  });

  it("answers yardstick --help", () => {
    const run = spawnSync(bin, ["--help"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: yardstick <command>/);
    expect(run.stdout).toContain("prorate");
  });

  it("splits a target from a CSV with nothing but the installed package", () => {
    const csv = path.join(work, "units.csv");
    writeFileSync(csv, "unit,caseload\nNorth,300\nSouth,100\n");
    const run = spawnSync(bin, ["prorate", csv, "--total", "100", "--by", "caseload", "--json"], {
      encoding: "utf8",
      cwd: work,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("North");
    expect(run.stdout).toMatch(/"value":\s*75/);
  });
});
