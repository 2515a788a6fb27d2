/**
 * Lowballing flags on real published data, checked against counts made independently from the
 * raw CSV (papaparse with headers, plain arithmetic, no engine code), and quirks that must come
 * back as findings rather than crashes.
 */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { densityJump, runFlags } from "../../../src/engine/flags";
import { realDataFile } from "../../support/realData";
import { adaptBaltimore, adaptNhsAe, adaptNycMmr } from "./adapters";
import { indexScorecard } from "../../../src/engine/index";

const NYC = realDataFile("nyc_mmr_indicators_fy16-fy23_comptroller_tidy.csv");
const BALTIMORE = realDataFile("baltimore_pm_target_actual_fy21-fy23.csv");
const NHS = realDataFile("nhs_england_ae_attendances_by_trust_monthly_2016-2019.csv");

type Row = Record<string, string>;
const rows = (file: string) =>
  Papa.parse<Row>(readFileSync(file, "utf8"), { header: true, skipEmptyLines: true }).data;
const num = (s: string | undefined) => (s === undefined || s.trim() === "" ? NaN : Number(s));

describe("NYC Mayor's Management Report: FY23 target vs FY22 actual", () => {
  const adapted = adaptNycMmr(readFileSync(NYC, "utf8"));
  const run = runFlags(indexScorecard(adapted.scorecard), { directionUnknown: adapted.directionUnknown });
  const lowball = run.flags.filter((f) => f.detector === "lowball-prior-actual");

  /*
   * Independent count: straight from the raw rows by column name. A target is lowballed when
   * (target - FY22 actual) x (+1 for Up, -1 for Down) <= 0, i.e. it asks for no improvement.
   * Excluded as in the detector: rows where either number is missing, and targets already at the
   * best possible value (a "%" indicator with Up and both at 100 or more; Down with both at 0 or less).
   * Column "2023" (a projection) is never used.
   */
  const expected = new Set<string>();
  let comparable = 0;
  for (const r of rows(NYC)) {
    const target = num(r["Target.MMR"]);
    const fy22 = num(r["2022"]);
    if (Number.isNaN(target) || Number.isNaN(fy22)) continue;
    comparable++;
    const up = r["Desired.Direction"] === "Up";
    const atCeiling = up && /%|percent/i.test(r.Indicator) && fy22 >= 100 && target >= 100;
    const atFloor = !up && fy22 <= 0 && target <= 0;
    if (atCeiling || atFloor) continue;
    if ((target - fy22) * (up ? 1 : -1) <= 0) expected.add(`nyc-${r.ID}`);
  }

  it("flags exactly the indicators the independent count finds", () => {
    console.log(
      `NYC MMR: ${comparable} indicators with a FY23 target and a FY22 actual; ${expected.size} ask for no improvement; the detector flags ${lowball.length} (${lowball.filter((f) => f.severity === "high").length} high, ${lowball.filter((f) => f.severity === "low").length} equal to the FY22 actual).`,
    );
    expect(lowball.length).toBe(expected.size);
    expect(new Set(lowball.map((f) => f.measure))).toEqual(expected);
    expect(lowball.every((f) => f.periods.join() === "2023")).toBe(true);
  });

  it("reads a Down indicator the right way round (ID 119: target 12 days vs 8.5 achieved is easier)", () => {
    const f = lowball.find((x) => x.measure === "nyc-119")!;
    expect(f.severity).toBe("high");
    expect(f.evidence.values).toMatchObject({ target: 12, priorActual: 8.5 });
    expect(lowball.some((x) => x.measure === "nyc-120")).toBe(false);
  });

  it("never reads the FY2023 projection column as an actual", () => {
    expect(adapted.scorecard.observations.some((o) => o.period === "2023" && o.actual !== undefined)).toBe(
      false,
    );
  });

  it("turns NA cells into findings with their line and column, not crashes", () => {
    const na = adapted.findings.filter((f) => f.code === "not-available");
    expect(na.length).toBeGreaterThan(700);
    expect(na[0].where).toMatchObject({ sheet: "nyc_mmr.csv" });
    expect(na[0].message).toMatch(/^Line \d+, column "/);
  });

  it("every flag explains itself in a sentence and says what to check", () => {
    for (const f of run.flags) {
      expect(f.explanation).toMatch(/\.$/);
      expect(f.whatToCheck.length).toBeGreaterThan(20);
      expect(Object.values(f.evidence.values).every((v) => !Number.isNaN(v))).toBe(true);
    }
  });
});

describe("Baltimore budget measures: 2022 target vs 2021 actual, direction unknown", () => {
  const adapted = adaptBaltimore(readFileSync(BALTIMORE, "utf8"));
  const run = runFlags(indexScorecard(adapted.scorecard), { directionUnknown: adapted.directionUnknown });
  const lowball = run.flags.filter((f) => f.detector === "lowball-prior-actual");

  /*
   * The file has no direction, so a target below last year's actual could be easy (higher is
   * better) or hard (lower is better). We flag only a 2022 target EQUAL to the 2021 actual, which
   * asks for no change either way; below/above are counted here for context, not flagged.
   * Independent count: raw rows by column name, first row per (Service ID, trimmed Measure),
   * both cells numeric and equal.
   */
  const seen = new Set<string>();
  let equal = 0;
  let below = 0;
  let above = 0;
  let duplicates = 0;
  const duplicatedKeys = new Set<string>();
  let blanks = 0;
  for (const r of rows(BALTIMORE)) {
    for (const c of ["Target 2021", "Actual 2021", "Target 2022", "Target 2023"])
      if (r[c].trim() === "") blanks++;
    const key = `${r["Service ID"].trim()}:${r.Measure.trim()}`;
    if (seen.has(key)) {
      duplicates++;
      duplicatedKeys.add(key);
      continue;
    }
    seen.add(key);
    const t22 = num(r["Target 2022"]);
    const a21 = num(r["Actual 2021"]);
    if (Number.isNaN(t22) || Number.isNaN(a21)) continue;
    if (t22 === a21) equal++;
    else if (t22 < a21) below++;
    else above++;
  }

  it("flags exactly the targets that repeat the prior actual, and nothing direction-dependent", () => {
    console.log(
      `Baltimore: 2022 target equal to 2021 actual ${equal}, below ${below}, above ${above} (direction unknown, so only the ${equal} equal ones are flagged); detector flags ${lowball.length}.`,
    );
    expect(lowball.length).toBe(equal);
    expect(lowball.every((f) => f.severity === "low" && f.evidence.values.gap === 0)).toBe(true);
    const directional = [
      "lowball-trend",
      "target-cut-after-strong-year",
      "meet-not-beat",
      "threshold-bunching",
    ];
    expect(run.flags.filter((f) => directional.includes(f.detector))).toEqual([]);
  });

  it("reports each repeated service/measure as one duplicate-row flag over its three years", () => {
    const dup = run.flags.filter((f) => f.detector === "duplicate-rows");
    expect(new Set(dup.map((f) => f.measure))).toEqual(duplicatedKeys);
    expect(dup.reduce((a, f) => a + f.evidence.values.extraRows, 0)).toBe(duplicates * 3);
  });

  it("turns blank cells and the missing direction into findings", () => {
    expect(adapted.findings.filter((f) => f.code === "not-available")).toHaveLength(blanks);
    expect(run.findings.filter((f) => f.code === "flags.direction-unknown").length).toBe(
      adapted.directionUnknown.size,
    );
  });
});

describe("NHS England A&E against the 95 % four-hour standard", () => {
  const adapted = adaptNhsAe(readFileSync(NHS, "utf8"));
  const run = runFlags(indexScorecard(adapted.scorecard));

  it("finds no pile-up just above 95 %: results thin out above the standard instead", () => {
    const ratios = adapted.scorecard.observations
      .filter((o) => o.measure === "four-hour")
      .map((o) => o.actual! / 95);
    const jump = densityJump(ratios)!;
    console.log(
      `NHS A&E type 1: density jump at 95 % theta=${jump.theta.toFixed(2)} (se ${jump.se.toFixed(2)}), ${jump.nWindow} trust-months within 15 %.`,
    );
    expect(jump.theta).toBeLessThan(0);
    expect(run.flags.filter((f) => f.detector === "threshold-bunching")).toEqual([]);
  });

  it("flags exactly the trusts that stopped reporting two or more months before the last month", () => {
    // Independent count: latest month per trust from the raw type-1 rows, against the file's latest month.
    const last = new Map<string, string>();
    for (const r of rows(NHS)) {
      if (r.type !== "1" || !(num(r.attendances) > 0)) continue;
      const p = r.period.slice(0, 7);
      if ((last.get(r.org_code) ?? "") < p) last.set(r.org_code, p);
    }
    const latest = [...last.values()].sort().pop()!;
    const toIndex = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7));
    const stopped = [...last].filter(([, p]) => toIndex(latest) - toIndex(p) >= 2).map(([org]) => org);
    const flagged = run.flags.filter(
      (f) =>
        f.detector === "stale-periods" && f.measure === "four-hour" && "monthsBehind" in f.evidence.values,
    );
    expect(flagged.map((f) => f.unit).sort()).toEqual(stopped.sort());
    expect(stopped.length).toBeGreaterThan(0);
  });

  it("does not mistake a merger's step change in attendances for a jump that reverses", () => {
    expect(run.flags.filter((f) => f.detector === "jump-reversal")).toEqual([]);
  });
});

describe("adapter quirks", () => {
  it.each([
    ["NA in a target", "NA", "12", "not-available"],
    ["text in an actual", "15", "about 12", "not-a-number"],
    ["a blank actual", "15", "", "not-available"],
  ])("%s becomes a finding, not a crash", (_name, target, actual, code) => {
    const csv = `Service Name,Service ID,Type,Measure,Target 2021,Actual 2021,Target 2022,Target 2023\nParks,1,Output,# of trees,${target},${actual},${target},${target}\n`;
    const adapted = adaptBaltimore(csv);
    expect(adapted.findings.some((f) => f.code === code && f.where?.row === 2)).toBe(true);
    expect(() =>
      runFlags(indexScorecard(adapted.scorecard), { directionUnknown: adapted.directionUnknown }),
    ).not.toThrow();
  });

  it("a NYC row with no direction is checked for equality only, with a finding", () => {
    const csv = `"ID","Desired.Direction","Agency.Full.Name.y","Indicator","2021","2022","Target.MMR"\n1,"","Parks","Trees planted",10,20,20\n2,"","Parks","Benches",10,20,15\n`;
    const adapted = adaptNycMmr(csv);
    const run = runFlags(indexScorecard(adapted.scorecard), { directionUnknown: adapted.directionUnknown });
    expect(adapted.findings.filter((f) => f.code === "direction-assumed")).toHaveLength(2);
    expect(run.flags.map((f) => f.measure)).toEqual(["nyc-1"]);
  });
});
