/**
 * Golden test on real data: NHS England A&E, 274 providers x 36 months (2016-04 to 2019-03),
 * against the national standard of 95 % seen within four hours. Expected figures were worked
 * out by hand from the raw file (sum of all attendance types per provider and month).
 */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { checkScorecard, ROLLUP_UNIT, type CheckResult, type CheckRow } from "../../../src/engine/checks";
import { parseLongCsv } from "../../../src/engine/longcsv";
import { realDataFile } from "../../support/realData";
import { indexScorecard } from "../../../src/engine/index";

const FILE = realDataFile("nhs_england_ae_attendances_by_trust_monthly_2016-2019.csv");
const MEASURE = "Seen within 4 hours %";

/** The raw file (one row per provider x month x A&E type) as long CSV: one row per provider x month. */
function toLongCsv(raw: string): string {
  const parsed = Papa.parse<Record<string, string>>(raw, { header: true, skipEmptyLines: true });
  const totals = new Map<string, { att: number; breaches: number }>();
  for (const r of parsed.data) {
    const key = `${r.org_code},${r.period}`;
    const t = totals.get(key) ?? { att: 0, breaches: 0 };
    t.att += Number(r.attendances);
    t.breaches += Number(r.breaches);
    totals.set(key, t);
  }
  const lines = ["measure,unit,period,target,kind,direction,numerator,denominator"];
  for (const [key, t] of totals) lines.push(`${MEASURE},${key},95,rate,up,${t.att - t.breaches},${t.att}`);
  return lines.join("\n");
}

describe("NHS A&E four-hour standard (real data)", () => {
  let result: CheckResult;
  let parserFindings: number;
  const row = (unit: string): CheckRow => result.rows.find((r) => r.unit === unit)!;

  beforeAll(() => {
    const parsed = parseLongCsv(toLongCsv(readFileSync(FILE, "utf8")), {
      fileName: "nhs.csv",
      fyStartMonth: 4,
    });
    parserFindings = parsed.findings.filter((f) => f.severity !== "info").length;
    result = checkScorecard(indexScorecard(parsed.scorecard, parsed.findings), { asOf: "2019-03" });
  });

  it("reads every provider without a data error (dates like 2019-03-01 are read as months)", () => {
    expect(parserFindings).toBe(0);
    expect(result.rows.filter((r) => !r.rollup)).toHaveLength(274);
  });

  it.each([
    ["RF4", 27129, 4729, "off-track", 303592, 58731],
    ["RYR", 12742, 655, "on-track", 145302, 9131],
    ["RE9", 6073, 429, "at-risk", 70775, 3840],
  ])(
    "provider %s in March 2019 matches the hand-worked figures",
    (unit, att, breaches, status, ytdAtt, ytdBreaches) => {
      const r = row(unit);
      expect(r.actual).toBeCloseTo((100 * (att - breaches)) / att, 9);
      expect(r.varianceAbs).toBeCloseTo((100 * (att - breaches)) / att - 95, 9);
      expect(r.status).toBe(status);
      expect(r.ytdActual).toBeCloseTo((100 * (ytdAtt - ytdBreaches)) / ytdAtt, 9);
      expect(r.fiscalYear).toBe(2019);
    },
  );

  it("gives RF4 its change on March 2018 and its three-month trend from January 2019", () => {
    const r = row("RF4");
    expect(r.lastYearActual).toBeCloseTo((100 * (25075 - 6557)) / 25075, 9);
    expect(r.trendSlope3).toBeCloseTo(
      ((100 * (27129 - 4729)) / 27129 - (100 * (27641 - 7442)) / 27641) / 2,
      9,
    );
    expect(r.trend).toBe("improving");
  });

  it("weights RF4's last-year-to-date by last year's attendances (FY2018: 289,138 seen, 52,506 breaches)", () => {
    expect(row("RF4").ytdLastYearActual).toBeCloseTo((100 * (289138 - 52506)) / 289138, 9);
  });

  it("reports a provider's skipped month as a missing row", () => {
    const gap = result.findings.find((f) => f.code === "missing-row" && f.unit === "RWH");
    expect(gap?.message).toMatch(
      /^Seen within 4 hours % \/ RWH: no row for \d{4}-\d{2}, between 2016-04 and 2019-03\.$/,
    );
  });

  it("calls a provider that stopped reporting stale, naming its last month", () => {
    expect(row("NX122")).toMatchObject({ status: "stale", reason: "latest actual is for 2017-03" });
  });

  it("rolls England up by attendances: 86.6 %, where an average of provider percentages would say 90.7 %", () => {
    const england = result.rows.find((r) => r.rollup && r.unit === ROLLUP_UNIT)!;
    expect(england.actual).toBeCloseTo((100 * (2167550 - 290359)) / 2167550, 9);
    expect(england.status).toBe("off-track");
  });

  it("counts statuses as the hand tally does: 113 on track, 11 at risk, 102 off track, 48 stale", () => {
    const count = (s: string) => result.rows.filter((r) => !r.rollup && r.status === s).length;
    expect([count("on-track"), count("at-risk"), count("off-track"), count("stale")]).toEqual([
      113, 11, 102, 48,
    ]);
  });

  it("never puts NaN or Infinity in a row, whatever the quirks (gaps, late starters, closures)", () => {
    const notFinite = result.rows.flatMap((r) => [
      ...Object.entries(r).filter(([, v]) => typeof v === "number" && !Number.isFinite(v)),
      ...(r.forecast?.value !== undefined && !Number.isFinite(r.forecast.value)
        ? [["forecast", r.forecast.value]]
        : []),
    ]);
    expect(notFinite).toEqual([]);
  });
});
