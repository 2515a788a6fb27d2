import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import type { CheckReport } from "../../src/cli/commands/check";
import JSZip from "jszip";
import { encryptedWorkbookShell } from "../xlsx/cfb";
import { setCells } from "../xlsx/edits";

function run(argv: string[], cwd: string) {
  let out = "";
  let err = "";
  return main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd }).then((code) => ({
    code,
    out,
    err,
  }));
}

jest.setTimeout(120_000);

describe("yardstick check", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "yardstick-check-"));
  let demo: Buffer;
  beforeAll(async () => {
    await run(["demo", "--out", "demo.xlsx"], dir);
    demo = readFileSync(path.join(dir, "demo.xlsx"));
  });

  it("reports program status, offices off track, flags and no data problems for the demo", async () => {
    const { code, out } = await run(["check", "demo.xlsx"], dir);
    expect(code).toBe(0);
    expect(out).toMatch(/11 measures x 12 units, \d+ observations, as of 2027-04/);
    expect(out).toContain("Program (all units):");
    expect(out).toMatch(/\n {2}pep +(on-track|at-risk|off-track) /);
    expect(out).toMatch(/Flags \(\d+\): prompts for a conversation, not verdicts/);
    expect(out).toContain("Data problems (0):");
  });

  it("gives every check, flag and finding as JSON", async () => {
    const { code, out } = await run(["check", "demo.xlsx", "--json"], dir);
    expect(code).toBe(0);
    const report = JSON.parse(out) as CheckReport;
    expect(report.asOf).toBe("2027-04");
    expect(report.rows).toHaveLength(11 * 12);
    expect(report.rollups.map((r) => r.measure)).toContain("cost");
    expect(Object.values(report.statusCounts).reduce((a, b) => a + b, 0)).toBe(11 * 12);
    expect(report.flags.length).toBeGreaterThan(0);
  });

  it("judges as of another month when asked", async () => {
    const report = JSON.parse(
      (await run(["check", "demo.xlsx", "--json", "--as-of", "2027-01"], dir)).out,
    ) as CheckReport;
    expect(report.asOf).toBe("2027-01");
    expect(report.rows[0].period).toBe("2027-01");
  });

  it("points at a cell where a person typed text for a number, and exits 1", async () => {
    const { bytes, changed } = await setCells(
      demo,
      "tblMonthly",
      { "Actual Mar": "n/a" },
      (r) => r["Measure ID"] === "locates" && r["Unit ID"] === "howard" && r["Fiscal year"] === 2027,
    );
    writeFileSync(path.join(dir, "typo.xlsx"), bytes);
    const { code, out } = await run(["check", "typo.xlsx"], dir);
    expect(changed).toHaveLength(1);
    expect(code).toBe(1);
    expect(out).toContain(`[${changed[0]}]`);
  });

  it("keeps a reviewer's disposition typed in the Flags sheet", async () => {
    const before = JSON.parse((await run(["check", "demo.xlsx", "--json"], dir)).out) as CheckReport;
    const flagId = before.flags[0].id;
    const { bytes } = await setCells(
      demo,
      "tblFlags",
      { Reviewer: "R. Diaz", Disposition: "dismissed", Note: "known reorganisation" },
      (r) => r["Flag ID"] === flagId,
    );
    writeFileSync(path.join(dir, "reviewed.xlsx"), bytes);
    const after = JSON.parse((await run(["check", "reviewed.xlsx", "--json"], dir)).out) as CheckReport;
    expect(after.flags.find((f) => f.id === flagId)!.review).toEqual({
      status: "dismissed",
      reviewer: "R. Diaz",
      note: "known reorganisation",
    });
  });

  it.each([
    [["check"], /which workbook\?/],
    [["check", "missing.xlsx"], /no file "missing.xlsx"/],
    [["check", "notes.txt"], /not a readable \.xlsx workbook/],
    [
      ["check", "archive.xlsx"],
      /archive\.xlsx is not a readable \.xlsx workbook: it is a zip file with no workbook in it/,
    ],
    [["check", "locked.xlsx"], /locked\.xlsx is protected with a password.*remove the password/],
    [["check", "demo.xlsx", "--as-of", "April"], /--as-of must be a month written YYYY-MM.*got "April"/],
    [["check", "demo.xlsx", "--verbose"], /Unknown option .--verbose./],
  ])("refuses %j with a clear message and exit code 2", async (argv, message) => {
    writeFileSync(path.join(dir, "notes.txt"), "not a workbook");
    const zip = new JSZip();
    zip.file("notes.txt", "a zip, but no workbook");
    writeFileSync(path.join(dir, "archive.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    writeFileSync(path.join(dir, "locked.xlsx"), encryptedWorkbookShell());
    const { code, err } = await run(argv as string[], dir);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
  });
});
