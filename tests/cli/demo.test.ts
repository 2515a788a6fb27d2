import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { readScorecardXlsx } from "../../src/xlsx";

function run(argv: string[], cwd: string) {
  let out = "";
  let err = "";
  return main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd }).then((code) => ({
    code,
    out,
    err,
  }));
}

describe("yardstick demo", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "yardstick-demo-"));
  let result: { code: number; out: string; err: string };
  beforeAll(async () => {
    result = await run(["demo"], dir);
  });

  it("writes ./yardstick-demo.xlsx by default and says how to open it without Excel", () => {
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, "yardstick-demo.xlsx"))).toBe(true);
    expect(result.out).toContain(`Wrote ${path.join(dir, "yardstick-demo.xlsx")}`);
    expect(result.out).toMatch(/libreoffice --calc .*yardstick-demo\.xlsx/);
    expect(result.out).toContain("check yardstick-demo.xlsx");
  });

  it("holds a child-support program for 12 offices, two prior years and seven months, with flags", async () => {
    const { scorecard, findings, settings, tables } = await readScorecardXlsx(
      readFileSync(path.join(dir, "yardstick-demo.xlsx")),
    );
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(settings.templateId).toBe("child-support");
    expect(scorecard.units).toHaveLength(12);
    expect(scorecard.measures.map((m) => m.id)).toEqual(
      expect.arrayContaining(["pep", "orders", "current", "arrears", "cost"]),
    );
    const months = new Set(
      scorecard.observations
        .filter((o) => o.actual !== undefined && /^\d{4}-\d{2}$/.test(o.period))
        .map((o) => o.period),
    );
    expect(months.size).toBe(12 + 12 + 7);
    expect(tables.tblFlags!.rows.length).toBeGreaterThan(0);
  });

  it("writes where --out says", async () => {
    const { code } = await run(["demo", "--out", "other.xlsx"], dir);
    expect(code).toBe(0);
    expect(existsSync(path.join(dir, "other.xlsx"))).toBe(true);
  });

  it("refuses an unknown argument", async () => {
    const { code, err } = await run(["demo", "--colour"], dir);
    expect(code).toBe(2);
    expect(err).toMatch(/Unknown option .--colour./);
  });
});
