/**
 * Real yearly data: NYC Mayor's Management Report, 1,139 indicators with a desired direction and
 * actuals FY2016-2022 (NA where not reported). No per-year targets, so the rule compares each
 * indicator with last year in its desired direction. Figures checked by hand against the file.
 */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { checkScorecard, type CheckResult, type StatusRule } from "../../../src/engine/checks";
import { parseLongCsv } from "../../../src/engine/longcsv";
import type { Finding } from "../../../src/engine/model";
import { realDataFile } from "../../support/realData";
import { indexScorecard } from "../../../src/engine/index";

const FILE = realDataFile("nyc_mmr_indicators_fy16-fy23_comptroller_tidy.csv");
const YEARS = ["2016", "2017", "2018", "2019", "2020", "2021", "2022"]; // "2023" is a projection, not an actual

function toLongCsv(raw: string): string {
  const rows = Papa.parse<Record<string, string>>(raw, { header: true, skipEmptyLines: true }).data;
  const out: string[][] = [["measure", "unit", "period", "actual", "direction"]];
  for (const r of rows) {
    for (const y of YEARS)
      out.push([r.Indicator.trim(), r["Agency.Full.Name.y"].trim(), y, r[y], r["Desired.Direction"]]);
  }
  return Papa.unparse(out);
}

const betterThanLastYear: StatusRule[] = [
  {
    status: "on-track",
    when: { basis: "period", compareWith: "prior-year", metric: "difference", atLeast: 0 },
  },
  { status: "off-track" },
];

describe("NYC Mayor's Management Report (real yearly data)", () => {
  let result: CheckResult;
  let parsed: Finding[];

  beforeAll(() => {
    const { scorecard, findings } = parseLongCsv(toLongCsv(readFileSync(FILE, "utf8")), {
      fileName: "mmr.csv",
      fyStartMonth: 7,
    });
    parsed = findings;
    const rules = Object.fromEntries(scorecard.measures.map((m) => [m.id, betterThanLastYear]));
    result = checkScorecard(indexScorecard(scorecard, findings), { asOf: "2022", rules, rollups: false });
  });

  it("reads every indicator x agency once and reports the repeated ones as duplicates", () => {
    expect(result.rows).toHaveLength(1121);
    expect(parsed.filter((f) => f.code === "duplicate-row")).toHaveLength(18 * YEARS.length);
  });

  it("turns NA into located findings and a percent above 100 into a finding that suggests the ratio kind", () => {
    expect(parsed.some((f) => f.code === "not-available" && f.where?.column === 4)).toBe(true);
    const over = parsed.filter((f) => f.code === "rate-above-100");
    expect(over.length).toBeGreaterThanOrEqual(1);
    expect(over[0].fix).toMatch(/set its kind to ratio/);
  });

  it("judges a lower-is-better indicator that rose from 5.3 to 8.5 days as off track", () => {
    const row = result.rows.find((r) =>
      r.measure.startsWith("Average days to complete first plan review (Borough offices) - New buildings"),
    )!;
    expect(row).toMatchObject({
      period: "2022",
      direction: "down",
      actual: 8.5,
      lastYearActual: 5.3,
      status: "off-track",
    });
    expect(row.changeAbs).toBeCloseTo(3.2, 9);
  });

  it("gives every indicator a status and never a NaN", () => {
    const allowed = new Set(["on-track", "off-track", "insufficient-data", "stale", "no-data"]);
    const badStatus = result.rows.filter((r) => !allowed.has(r.status));
    const notFinite = result.rows.flatMap((r) =>
      Object.entries(r).filter(([, v]) => typeof v === "number" && !Number.isFinite(v)),
    );
    expect([badStatus, notFinite]).toEqual([[], []]);
    expect(result.rows.filter((r) => r.status === "on-track").length).toBeGreaterThan(100);
  });
});
