import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { asOfArg, fyStartArg } from "../../src/cli/args";
import { CliError } from "../../src/cli/io";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = "samples/scorecard-long.csv";

async function run(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "yardstick-args-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("one option parser for every command", () => {
  it.each([["octopus"], ["junk"], ["13"], ["0"], ["Octo"], ["1.5"]])(
    "refuses --fy-start %s, naming the accepted forms",
    (raw) => {
      expect(() => fyStartArg(raw)).toThrow(CliError);
      expect(() => fyStartArg(raw)).toThrow(/a number 1-12, a name \(October\) or its first three letters/);
    },
  );

  it.each([
    ["10", 10],
    ["Oct", 10],
    ["october", 10],
    ["JUL", 7],
  ])("accepts --fy-start %s as month %d", (raw, month) => {
    expect(fyStartArg(raw)).toBe(month);
  });

  it("refuses --as-of that is not a month", () => {
    expect(() => asOfArg("2026-13")).toThrow(/YYYY-MM/);
    expect(asOfArg("2026", true)).toBe("2026");
    expect(() => asOfArg("2026")).toThrow(CliError);
  });

  it.each([["status"], ["flags"], ["prorate"]])(
    "%s --fy-start octopus exits 2 and says what a month is",
    async (cmd) => {
      const extra = cmd === "status" ? ["--as-of", "2026-03"] : cmd === "prorate" ? ["--total", "10"] : [];
      const { code, err } = await run([cmd, SAMPLE, ...extra, "--fy-start", "octopus"]);
      expect(code).toBe(2);
      expect(err).toMatch(/--fy-start must be a month: .* got "octopus"/);
    },
  );

  it("reads --opt=value the same as --opt value in every command", async () => {
    const spaced = await run(["status", SAMPLE, "--as-of", "2026-03", "--fy-start", "10", "--json"]);
    const joined = await run(["status", SAMPLE, "--as-of=2026-03", "--fy-start=10", "--json"]);
    expect(joined.code).toBe(spaced.code);
    expect(joined.out).toBe(spaced.out);
  });

  it("refuses a value on a switch (--json=yes) and a missing value (--as-of at the end)", async () => {
    expect((await run(["status", SAMPLE, "--json=yes", "--as-of", "2026-03"])).code).toBe(2);
    const missing = await run(["status", SAMPLE, "--as-of"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--as-of <value>' argument missing/);
  });

  it("refuses a hex total in prorate instead of reading 0x10 as 16", async () => {
    const { code, err } = await run(["prorate", "units.csv", "--total", "0x10", "--by", "caseload"]);
    expect(code).toBe(2);
    expect(err).toMatch(/--total must be a number.*got "0x10"/);
  });
});

describe("commands stop on a file they cannot read, and say why", () => {
  const dates = "measure,unit,period,target,actual\nCases,North,10/1/2025,10,9\nCases,South,Oct-25,10,8\n";

  it("flags on a file whose dates are all 10/1/2025 or Oct-25 exits 2 instead of saying No flags", async () => {
    const { code, out, err } = await run(["flags", "card.csv"], tempDir({ "card.csv": dates }));
    expect(code).toBe(2);
    expect(out).not.toMatch(/No flags/);
    expect(err).toMatch(/none of its 2 rows holds a usable number: 2 date-format/);
  });

  it("status on the same file exits 2 and says why", async () => {
    const { code, err } = await run(
      ["status", "card.csv", "--as-of", "2025-10"],
      tempDir({ "card.csv": dates }),
    );
    expect(code).toBe(2);
    expect(err).toMatch(/cannot be used/);
  });

  it("status on an ambiguous semicolon file asks for --decimal, and --decimal comma reads it", async () => {
    const dir = tempDir({ "eu.csv": "measure;unit;period;target;actual\nCases;North;2026-07;1.234;1.500\n" });
    const refused = await run(["status", "eu.csv", "--as-of", "2026-07"], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--decimal comma/);
    const read = await run(["status", "eu.csv", "--as-of", "2026-07", "--decimal", "comma", "--json"], dir);
    expect(JSON.parse(read.out).rows[0]).toMatchObject({ actual: 1500, plan: 1234 });
  });

  it("prorate refuses 12% in a caseload column, naming the line and column", async () => {
    const dir = tempDir({ "units.csv": "unit,caseload\nNorth,12%\nSouth,30\n" });
    const { code, err } = await run(["prorate", "units.csv", "--total", "100", "--by", "caseload"], dir);
    expect(code).toBe(2);
    expect(err).toMatch(/line 2, column "caseload": "12%" is a percent/);
  });

  it("prorate reads (5) and $1,200 through the one number parser, and refuses 0x10", async () => {
    const dir = tempDir({ "units.csv": 'unit,caseload\nNorth,"$1,200"\nSouth,0x10\n' });
    const { code, err } = await run(["prorate", "units.csv", "--total", "100", "--by", "caseload"], dir);
    expect(code).toBe(2);
    expect(err).toMatch(/line 3, column "caseload": "0x10" is not a number/);
  });

  it("prorate names an unclosed quote and a duplicate column in a unit file", async () => {
    const quote = tempDir({ "units.csv": 'unit,caseload\n"North,10\nSouth,30\n' });
    expect((await run(["prorate", "units.csv", "--total", "100", "--by", "caseload"], quote)).err).toMatch(
      /line 2: .*quote/,
    );
    const twice = tempDir({ "units.csv": "unit,caseload,caseload\nNorth,10,11\n" });
    expect((await run(["prorate", "units.csv", "--total", "100", "--by", "caseload"], twice)).err).toMatch(
      /names the column "caseload" twice/,
    );
  });
});
