/** `yardstick flags` on the documented sample and on bad input. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import type { Flag } from "../../src/engine/flags";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = "samples/flags-long.csv";

async function cli(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(["flags", ...argv], { out: (t) => (out += t), err: (t) => (err += t), cwd: ROOT });
  return { code, out, err };
}

describe("yardstick flags", () => {
  it("prints a table of the sample's four flags, most severe first, and exits 1", async () => {
    const { code, out } = await cli(SAMPLE, "--program-unit", "ALL");
    expect(code).toBe(1);
    expect(out).toContain("4 flag(s) for review (2 high, 2 medium, 0 low)");
    const rows = out.split("\n").filter((l) => /^(high|medium|low) /.test(l));
    expect(rows.map((l) => l.split(/\s{2,}/).slice(0, 2))).toEqual([
      ["high", "exact-hits"],
      ["high", "unit-sum-below-program"],
      ["medium", "end-of-period-spike"],
      ["medium", "lowball-prior-actual"],
    ]);
    expect(out).toContain("Check: ");
    expect(out).toMatch(/warning: Line 158 repeats Cases closed \/ North \/ 2025-03/);
  });

  it("prints a JSON array of flags with every field the Flags sheet needs, findings on stderr", async () => {
    const { code, out, err } = await cli(SAMPLE, "--json", "--program-unit", "ALL");
    expect(code).toBe(1);
    const flags = JSON.parse(out) as Flag[];
    expect(flags).toHaveLength(4);
    expect(err).toMatch(/data finding\(s\)/);
    for (const f of flags) {
      expect(Object.keys(f).sort()).toEqual(
        [
          "detector",
          "evidence",
          "explanation",
          "id",
          "measure",
          "periods",
          "severity",
          "unit",
          "whatToCheck",
        ].sort(),
      );
      expect(typeof f.evidence.text).toBe("string");
    }
    expect(flags.find((f) => f.detector === "lowball-prior-actual")!.id).toBe(
      "lowball-prior-actual|Cases closed|North|2027",
    );
  });

  it("runs only the detectors asked for", async () => {
    const { out } = await cli(SAMPLE, "--json", "--only", "end-of-period-spike");
    expect((JSON.parse(out) as Flag[]).map((f) => f.unit)).toEqual(["South"]);
  });

  it("compares with an earlier snapshot when given --previous", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "flags-"));
    const earlier = readFileSync(path.join(ROOT, SAMPLE), "utf8").replace(
      /^(Cases closed,East,2025-02,,)(\d+)/m,
      (_m, head: string, v: string) => `${head}${Number(v) - 40}`,
    );
    writeFileSync(path.join(dir, "earlier.csv"), earlier);
    const { out } = await cli(
      SAMPLE,
      "--json",
      "--only",
      "revised-actuals",
      "--previous",
      path.join(dir, "earlier.csv"),
    );
    const flags = JSON.parse(out) as Flag[];
    expect(flags.map((f) => [f.unit, f.periods])).toEqual([["East", ["2025-02"]]]);
  });

  it("exits 0 with a plain sentence when nothing matches", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "flags-"));
    writeFileSync(
      path.join(dir, "quiet.csv"),
      "measure,unit,period,target,actual\nCases,North,2026,100,90\n",
    );
    const { code, out } = await cli(path.join(dir, "quiet.csv"));
    expect(code).toBe(0);
    expect(out).toContain("No flags");
  });

  it.each([
    ["no file", [], /which FILE\?/],
    ["a missing file", ["nope.csv"], /cannot read nope\.csv/],
    ["an unknown detector", [SAMPLE, "--only", "vibes"], /unknown detector\(s\): vibes/],
    [
      "a bad fiscal-year start",
      [SAMPLE, "--fy-start", "13"],
      /--fy-start must be a month: a number 1-12.*got "13"/,
    ],
    ["a missing .xlsx file", ["card.xlsx"], /cannot read card\.xlsx/],
  ])("exits 2 with a clear message for %s", async (_name, argv, message) => {
    const { code, err } = await cli(...(argv as string[]));
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it("exits 2 when a .xlsx file is not a workbook", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "flags-"));
    writeFileSync(path.join(dir, "renamed.xlsx"), readFileSync(path.join(ROOT, SAMPLE)));
    const { code, err } = await cli(path.join(dir, "renamed.xlsx"));
    expect(code).toBe(2);
    expect(err).toMatch(/not a readable scorecard workbook/);
  });

  it("exits 2 naming the missing columns of a file that is not long CSV", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "flags-"));
    writeFileSync(path.join(dir, "wide.csv"), "name,2025,2026\nCases,1,2\n");
    const { code, err } = await cli(path.join(dir, "wide.csv"));
    expect(code).toBe(2);
    expect(err).toMatch(/no measure, unit, period column/);
  });
});

/** samples/fraction-rates.csv: a county scorecard publishing its rate as fractions (0.79 for 79 %). */
describe("yardstick flags on a rate stored as fractions", () => {
  const FRACTIONS = "samples/fraction-rates.csv";

  it("warns once, naming the measure and both fixes, and never prints a 0-point gap", async () => {
    const { code, out } = await cli(FRACTIONS);
    expect(code).toBe(1);
    expect(out).toContain("1 data finding(s) (1 warnings or errors).");
    expect(out).toMatch(
      /warning: Cases with support orders %: all 24 values lie within 0-1\.5 \(0\.64 to 0\.801\).*-> If 0\.801 means 80\.1 %.*--rate-scale fraction/,
    );
    expect(out).toContain("FY2021 target 0.75 vs FY2020 actual 0.79 (higher is better): 0.04 pts easier.");
    expect(out).not.toMatch(/\b0 pts/);
  });

  it("reads the rate as fractions with --rate-scale fraction: the one planted lowball, in points", async () => {
    const { code, out } = await cli(FRACTIONS, "--rate-scale", "fraction");
    expect(code).toBe(1);
    expect(out).toContain("1 flag(s) for review (0 high, 1 medium, 0 low)");
    expect(out).toContain("Evidence: FY2021 target 75 vs FY2020 actual 79 (higher is better): 4 pts easier.");
    // Read as written, Brown County's 1-2 point margins looked like 0.01-0.02: "met by a whisker".
    expect(out).not.toContain("meet-not-beat");
    expect(out).toContain("1 data finding(s) (0 warnings or errors).");
  });

  it("gives the same flag in JSON, with the gap in points among its values", async () => {
    const { out, err } = await cli(FRACTIONS, "--rate-scale", "fraction", "--json");
    const flags = JSON.parse(out) as Flag[];
    expect(flags.map((f) => [f.detector, f.unit, f.evidence.values.gap])).toEqual([
      ["lowball-prior-actual", "Adams County", -4],
    ]);
    expect(err).toContain("1 data finding(s)");
  });

  it("exits 2 on an unknown scale", async () => {
    const { code, err } = await cli(FRACTIONS, "--rate-scale", "tenths");
    expect(code).toBe(2);
    expect(err).toMatch(/--rate-scale must be auto, fraction, percent; got "tenths"/);
  });
});
