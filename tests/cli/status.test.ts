import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import type { CheckRow } from "../../src/engine/checks";
import type { Finding } from "../../src/engine/model";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = "samples/scorecard-long.csv";

async function run(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["status", ...args], { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

function tempCsv(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "yardstick-status-"));
  const file = path.join(dir, "card.csv");
  writeFileSync(file, text);
  return file;
}

interface JsonOut {
  asOf: string;
  rows: CheckRow[];
  leadTurns: { lead: string; unit: string }[];
  findings: Finding[];
}

describe("yardstick status", () => {
  it("takes --fy-start as a month name too, as prorate does, with the same result as its number", async () => {
    const byName = await run([SAMPLE, "--as-of", "2026-03", "--fy-start", "Oct", "--json"]);
    const byNumber = await run([SAMPLE, "--as-of", "2026-03", "--fy-start", "10", "--json"]);
    expect(byName.code).toBe(byNumber.code);
    expect(byName.out).toBe(byNumber.out);
    expect(JSON.parse(byName.out).rows[0].fiscalYear).toBe(2026);
  });
  it("prints each measure's units and roll-up with status, forecast, lead turns and located findings", async () => {
    const { code, out, err } = await run([SAMPLE, "--as-of", "2026-03", "--fy-start", "10"]);
    expect(err).toBe("");
    expect(code).toBe(1); // some unit is off track
    expect(out).toMatch(/^Status as of 2026-03 \(fiscal year starts in month 10\)/);
    expect(out).toMatch(/Cases with support orders % \(rate, higher is better; judged on the period\)/);
    expect(out).toMatch(/All units\s+at-risk\s+75\.4 %/);
    expect(out).toMatch(/South\s+insufficient-data/);
    expect(out).toMatch(/Outreach calls \(lead\) turned improving in 2026-03 for North/);
    expect(out).toMatch(/ERROR scorecard-long\.csv F198: .*"#N\/A"/);
    expect(out).toMatch(/Notes: \d+ blank-actual/);
  });

  it("gives the same rows as JSON, with the numbers behind each status", async () => {
    const { out } = await run([SAMPLE, "--as-of", "2026-03", "--fy-start", "10", "--json"]);
    const json = JSON.parse(out) as JsonOut;
    const north = json.rows.find((r) => r.measure === "Cases with support orders %" && r.unit === "North")!;
    expect(north).toMatchObject({ status: "on-track", plan: 80, basis: "period", fiscalYear: 2026 });
    expect(north.forecast?.label).toMatch(/to meet target \(seasonal run rate\)$/);
    expect(json.rows.filter((r) => r.rollup)).toHaveLength(5);
    expect(json.leadTurns).toEqual([expect.objectContaining({ lead: "Outreach calls", unit: "North" })]);
    expect(json.findings.some((f) => f.code === "not-available" && f.where?.address === "F198")).toBe(true);
  });

  it("lists only the statuses asked for, keeping each measure's roll-up", async () => {
    const { out } = await run([SAMPLE, "--as-of", "2026-03", "--fy-start", "10", "--only", "off-track"]);
    const unitRows = out.split("\n").filter((l) => /^ {2}(North|South|East) /.test(l));
    expect(unitRows.length).toBeGreaterThan(0);
    expect(unitRows.every((l) => /off-track/.test(l))).toBe(true);
    expect(out).toMatch(/All units\s+at-risk/);
    expect(out).toMatch(/Summary: 3 off-track, 3 at-risk, 12 on-track, 2 insufficient-data/);
    const bad = await run([SAMPLE, "--as-of", "2026-03", "--only", "red"]);
    expect([bad.code, bad.err]).toEqual([2, expect.stringMatching(/--only: unknown status red/)]);
  });

  it("exits 0 when nothing is off track", async () => {
    const file = tempCsv("measure,unit,period,target,actual\nCases,North,2026-01,10,10\n");
    const { code, out } = await run([file, "--as-of", "2026-01"]);
    expect(code).toBe(0);
    expect(out).toMatch(/Summary: 1 on-track/);
  });

  it.each([
    [["--as-of", "2026-03"], /which FILE\?/],
    [[SAMPLE], /--as-of is missing/],
    [[SAMPLE, "--as-of", "March"], /--as-of must be a month.*got "March"/],
    [["nope.csv", "--as-of", "2026-03"], /cannot read nope\.csv: ENOENT/],
    [
      [SAMPLE, "--as-of", "2026-03", "--fy-start", "13"],
      /--fy-start must be a month: a number 1-12.*got "13"/,
    ],
  ])("rejects bad usage %j with exit code 2 and a plain message", async (args, message) => {
    const { code, err } = await run(args as string[]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it("applies per-measure rules from a JSON file", async () => {
    const csv = tempCsv("measure,unit,period,target,actual\nCases,North,2026-01,10,9\n");
    const rules = path.join(path.dirname(csv), "rules.json");
    const strict = [
      { status: "on-track", when: { basis: "period", compareWith: "target", metric: "ratio", atLeast: 1 } },
      { status: "off-track" },
    ];
    writeFileSync(rules, JSON.stringify({ Cases: strict }));
    expect((await run([csv, "--as-of", "2026-01"])).out).toMatch(/North\s+at-risk/);
    const { code, out } = await run([csv, "--as-of", "2026-01", "--rules", rules]);
    expect(code).toBe(1);
    expect(out).toMatch(/North\s+off-track/);
    writeFileSync(rules, JSON.stringify({ Cases: [{ status: "green" }] }));
    const bad = await run([csv, "--as-of", "2026-01", "--rules", rules]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/rules\.json "Cases" rule 1: status must be one of/);
  });

  it("exits 2 with a located finding when the header lacks required columns", async () => {
    const file = tempCsv("name,when,value\nCases,2026-01,3\n");
    const { code, err } = await run([file, "--as-of", "2026-01"]);
    expect(code).toBe(2);
    expect(err).toMatch(/card\.csv line 1 has no measure, unit, period column/);
  });
});

describe("yardstick status on a rate stored as fractions (samples/fraction-rates.csv)", () => {
  const FRACTIONS = "samples/fraction-rates.csv";

  it("warns once with the fix and shows the fractions with the decimals that tell them apart", async () => {
    const { code, out } = await run([FRACTIONS, "--as-of", "2021"]);
    expect(code).toBe(0);
    expect(out).toContain("Data findings: 0 errors, 1 warnings, 0 notes");
    expect(out).toMatch(
      /WARNING fraction-rates\.csv E2: Cases with support orders %: all 24 values lie within 0-1\.5/,
    );
    expect(out).toMatch(/Clark County\s+on-track\s+0\.733 %\s+0\.745 %.*-0\.008 pts/);
    expect(out).not.toMatch(/\b0(\.0)? pts/);
  });

  it("judges the rate in percent with --rate-scale fraction", async () => {
    const { out } = await run([FRACTIONS, "--as-of", "2021", "--rate-scale", "fraction", "--json"]);
    const json = JSON.parse(out) as JsonOut;
    const clark = json.rows.find(
      (r) => r.measure === "Cases with support orders %" && r.unit === "Clark County",
    )!;
    expect([clark.actual, clark.plan, clark.lastYearActual]).toEqual([73.3, 74.5, 74.1]);
    expect(clark.changeAbs).toBeCloseTo(-0.8, 9);
    expect(json.findings.map((f) => [f.severity, f.code])).toEqual([["info", "rate-read-as-fraction"]]);
  });

  it("says nothing about the scale with --rate-scale percent", async () => {
    const { out } = await run([FRACTIONS, "--as-of", "2021", "--rate-scale", "percent"]);
    expect(out).not.toContain("Data findings");
  });
});
