/** Rates stored as fractions: found per measure, warned about, rescaled only when asked. */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import Papa from "papaparse";
import { gapUnit, pct } from "../../src/engine/flags/flag";
import { runFlags } from "../../src/engine/flags";
import { parseLongCsv } from "../../src/engine/longcsv";
import type { MeasureDef, Observation, Scorecard } from "../../src/engine/model";
import { readRateScale } from "../../src/engine/rateScale";
import { realDataFile } from "../support/realData";
import { adaptBaltimore, adaptNycMmr } from "./flags/adapters";
import { indexScorecard } from "../../src/engine/index";

const H = "measure,unit,period,target,actual,direction,kind";

function card(lines: string[]): Scorecard {
  return parseLongCsv([H, ...lines].join("\n"), { fileName: "rates.csv" }).scorecard;
}

const orders = [
  "Cases with orders %,North,2020,0.78,0.79,up",
  "Cases with orders %,North,2021,0.75,0.814,up",
  "Cases closed,North,2020,100,104,up",
  "Cases closed,North,2021,110,112,up",
];

describe("a percent rate whose values all lie within 0-1.5", () => {
  it("is read as written by default, with one warning naming the measure, its range and both fixes", () => {
    const input = card(orders);
    const reading = readRateScale(input);
    expect(reading.scorecard).toBe(input);
    expect(reading.measures).toEqual(["Cases with orders %"]);
    expect(reading.findings).toHaveLength(1);
    const [f] = reading.findings;
    expect(f).toMatchObject({
      severity: "warning",
      code: "rate-looks-fractional",
      measure: "Cases with orders %",
    });
    expect(f.message).toContain("0.75 to 0.814");
    expect(f.fix).toContain("--rate-scale fraction");
    expect(f.fix).toContain("--rate-scale percent");
    expect(f.where).toMatchObject({ sheet: "rates.csv", row: 2 });
  });

  it("is multiplied by 100 under fraction, without binary noise, leaving counts alone", () => {
    const input = card(orders);
    const reading = readRateScale(input, "fraction");
    const rate = reading.scorecard.observations.filter((o) => o.measure === "Cases with orders %");
    expect(rate.map((o) => [o.target, o.actual])).toEqual([
      [78, 79],
      [75, 81.4],
    ]);
    const counts = reading.scorecard.observations.filter((o) => o.measure === "Cases closed");
    expect(counts).toEqual(input.observations.filter((o) => o.measure === "Cases closed"));
    expect(reading.findings.map((f) => [f.severity, f.code])).toEqual([["info", "rate-read-as-fraction"]]);
    expect(input.observations[1].actual).toBe(0.814); // the caller's scorecard is not changed
  });

  it("is left alone under percent, with no warning", () => {
    const input = card(orders);
    expect(readRateScale(input, "percent")).toEqual({ scorecard: input, findings: [], measures: [] });
  });

  it("scales band edges with the values, so a band of 0.9-0.95 becomes 90-95", () => {
    const input: Scorecard = {
      measures: [
        { id: "On time %", name: "On time %", kind: "rate", direction: "band", lower: 0.9, upper: 0.95 },
      ],
      units: [],
      observations: [{ measure: "On time %", unit: "N", period: "2021", actual: 0.93 }],
      fyStartMonth: 1,
    };
    const m = readRateScale(input, "fraction").scorecard.measures[0];
    expect([m.lower, m.upper]).toEqual([90, 95]);
  });

  // NYC Mayor's Management Report FY16-FY23 (NYC Open Data rbed-zzin, MIT): a genuine small
  // percent fits the rule too, which is why the default warns instead of rescaling.
  it("is only warned about for NYC's broken hydrants (0.26-1 %), whose values are true percents", () => {
    const values = [0.52, 0.54, 0.4, 0.46, 0.38, 0.28, 0.26];
    const lines = values.map((v, i) => `Broken and inoperative hydrants (%),DEP,${2016 + i},1,${v},down`);
    const input = card(lines);
    const reading = readRateScale(input);
    expect(reading.scorecard.observations.map((o) => o.actual)).toEqual(values);
    expect(reading.findings.map((f) => f.code)).toEqual(["rate-looks-fractional"]);
  });
});

describe("measures that do not look like fractions", () => {
  it.each([
    ["a rate in percent", ["Orders %,N,2020,78,79,up", "Orders %,N,2021,0.5,0.7,up"]],
    ["a rate of only 0 and 1", ["Orders %,N,2020,1,1,up", "Orders %,N,2021,0,1,up"]],
    ["a ratio", ["Collected per dollar,N,2020,0.9,0.95,up,ratio"]],
    ["an amount", ["Cost per case $,N,2020,0.9,0.95,up"]],
  ])("%s is never flagged or rescaled", (_what, lines) => {
    const input = card(lines);
    expect(input.measures).toHaveLength(1);
    for (const scale of ["auto", "fraction"] as const) {
      const reading = readRateScale(input, scale);
      expect(reading.measures).toEqual([]);
      expect(reading.scorecard).toBe(input);
    }
  });

  it("a rate whose name and unit do not say percent is rescaled only when asked", () => {
    const input: Scorecard = {
      measures: [{ id: "Recidivism", name: "Recidivism", kind: "rate", direction: "down" }],
      units: [],
      observations: [{ measure: "Recidivism", unit: "N", period: "2021", actual: 0.23, target: 0.2 }],
      fyStartMonth: 1,
    };
    expect(readRateScale(input).measures).toEqual([]);
    expect(readRateScale(input, "fraction").scorecard.observations[0].actual).toBe(23);
  });
});

describe("rescaling, for any rates", () => {
  const rateObs = fc.array(
    fc.record({
      target: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
      actual: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 12 },
  );

  it("multiplies by 100 exactly the rates whose values all lie within 0-1.5, and nothing else", () => {
    fc.assert(
      fc.property(rateObs, rateObs, (a, b) => {
        const measures: MeasureDef[] = ["A %", "B %"].map((id) => ({
          id,
          name: id,
          kind: "rate",
          direction: "up",
        }));
        const observations: Observation[] = [
          ...a.map((v, i) => ({ measure: "A %", unit: "N", period: String(2000 + i), ...v })),
          ...b.map((v, i) => ({ measure: "B %", unit: "N", period: String(2000 + i), ...v })),
        ];
        const input: Scorecard = { measures, units: [], observations, fyStartMonth: 1 };
        const before = structuredClone(input);
        const reading = readRateScale(input, "fraction");
        expect(input).toEqual(before);
        for (const [id, list] of [["A %", a] as const, ["B %", b] as const]) {
          const values = list.flatMap((v) => [v.target, v.actual]).filter((v) => v !== undefined);
          const fractional = values.some((v) => v > 0 && v < 1) && values.every((v) => v <= 1.5);
          expect(reading.measures.includes(id)).toBe(fractional);
          const out = reading.scorecard.observations.filter((o) => o.measure === id);
          out.forEach((o, i) => {
            for (const f of ["target", "actual"] as const) {
              const v = list[i][f];
              if (v === undefined) expect(o[f]).toBeUndefined();
              else expect(o[f]).toBeCloseTo(fractional ? v * 100 : v, 9);
            }
          });
        }
      }),
    );
  });
});

describe("point gaps in sentences", () => {
  it.each([
    [4, "4"],
    [0.04, "0.04"],
    [-0.042, "-0.04"],
    [0.0049, "0.005"],
    [5.236, "5.2"],
    [0, "0"],
    [-0, "0"],
  ])("%p points print as %s", (v, text) => {
    expect(pct(v)).toBe(text);
  });

  it("never print a nonzero gap as 0", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1e6, noNaN: true }), fc.boolean(), (v, negative) => {
        const text = pct(negative ? -v : v);
        expect(Number(text.replace(/,/g, ""))).not.toBe(0);
      }),
    );
  });

  it("a lowballed rate read as written says 0.04 pts easier, never 0 pts", () => {
    const run = runFlags(indexScorecard(card(orders)), { only: ["lowball-prior-actual"] });
    const texts = run.flags.map((f) => f.evidence.text);
    expect(texts).toEqual([
      `FY2021 target 0.75 vs FY2020 actual 0.79 (higher is better): 0.04${gapUnit("rate")} easier.`,
    ]);
  });
});

/**
 * Golden cases from real published data (data/real): the rule's hits, counted independently
 * from the raw rows (papaparse, plain arithmetic), are all true small percents, so the default
 * must warn and leave them alone.
 */
describe("percent measures in NYC's and Baltimore's published scorecards", () => {
  type Row = Record<string, string>;
  const rows = (name: string) =>
    Papa.parse<Row>(readFileSync(realDataFile(name), "utf8"), { header: true, skipEmptyLines: true }).data;
  /** Names of percent measures whose values (these columns) all lie within 0-1.5, one between 0 and 1. */
  const fitting = (data: Row[], name: string, columns: string[]) =>
    data
      .filter((r) => /%|percent/i.test(r[name] ?? ""))
      .filter((r) => {
        const v = columns
          .map((c) => (r[c] ?? "").trim())
          .filter((x) => x !== "" && x !== "NA")
          .map(Number);
        return v.length > 0 && v.every((x) => x >= 0 && x <= 1.5) && v.some((x) => x > 0 && x < 1);
      })
      .map((r) => r[name].trim());

  it.each([
    [
      "NYC Mayor's Management Report FY16-FY23",
      "nyc_mmr_indicators_fy16-fy23_comptroller_tidy.csv",
      adaptNycMmr,
      "Indicator",
      ["2016", "2017", "2018", "2019", "2020", "2021", "2022", "Target.MMR"],
      6,
    ],
    [
      "Baltimore's scorecards FY21-FY23",
      "baltimore_pm_target_actual_fy21-fy23.csv",
      adaptBaltimore,
      "Measure",
      ["Target 2021", "Actual 2021", "Target 2022", "Target 2023"],
      3,
    ],
  ])(
    "%s: one warning per fitting measure, as counted from the raw file, and no value changed",
    (_what, file, adapt, name, columns, count) => {
      const expected = fitting(rows(file), name, columns);
      expect(expected).toHaveLength(count);
      const { scorecard } = adapt(readFileSync(realDataFile(file), "utf8"));
      const reading = readRateScale(scorecard);
      expect(reading.scorecard).toBe(scorecard);
      const names = new Map(scorecard.measures.map((m) => [m.id, m.name]));
      expect(reading.measures.map((id) => names.get(id)).sort()).toEqual([...expected].sort());
      expect(reading.findings.every((f) => f.code === "rate-looks-fractional")).toBe(true);
    },
  );
});
