/**
 * Check rows and year-end forecasts are lean records (fields read from the check's typed columns,
 * src/engine/checks/row.ts and src/engine/forecast/record.ts): these tests pin that a reader sees
 * the same rows as the plain objects the check made before (plainRows.ts), field for field, in
 * JSON and in console output, and that assignments behave as on a plain object.
 */
import { inspect } from "node:util";
import fc from "fast-check";
import {
  checkScorecard,
  checkSeriesAt,
  judgedPosition,
  type CheckRow,
  type StatusRule,
} from "../../../src/engine/checks";
import { forecastYearEnd } from "../../../src/engine/forecast/yearend";
import { indexScorecard } from "../../../src/engine/index";
import type { Finding, MeasureDef, Observation, Scorecard } from "../../../src/engine/model";
import { monthFromIndex, monthIndex } from "../../../src/engine/period";
import { plainForecast, plainRow } from "./plainRows";

const MEASURES: MeasureDef[] = [
  { id: "cases", name: "Cases", kind: "count", direction: "up" },
  { id: "late", name: "Late", kind: "amount", direction: "down" },
  { id: "quality", name: "Quality", kind: "rate", direction: "up" },
  { id: "cost", name: "Cost", kind: "ratio", direction: "down" },
  { id: "temp", name: "Temp", kind: "rate", direction: "band", lower: 40, upper: 60 },
  { id: "flat", name: "Flat", kind: "ratio", direction: "band", lower: 50, upper: 50 },
];
const UNITS = ["North", "South", "East"];
const FIRST = monthIndex("2023-01");

/** A cell: a value, blank, or zero (zeros make plans of 0 and ratios without a limit). */
const value = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 400 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constant(0) },
);

interface Card {
  scorecard: Scorecard;
  errors: Finding[];
}

const card: fc.Arbitrary<Card> = fc
  .record({
    fyStartMonth: fc.constantFrom(1, 4, 7, 10),
    cells: fc.array(
      fc.record({ actual: value, milestone: value, denominator: value, target: value, skip: fc.boolean() }),
      { minLength: MEASURES.length * UNITS.length * 30, maxLength: MEASURES.length * UNITS.length * 30 },
    ),
    yearly: fc.boolean(),
    errors: fc.array(fc.nat(MEASURES.length * UNITS.length * 30 - 1), { maxLength: 8 }),
    yearTargets: fc.array(
      fc.tuple(fc.nat(MEASURES.length * UNITS.length - 1), fc.constantFrom(2023, 2024, 2025)),
      {
        maxLength: 6,
      },
    ),
  })
  .map(({ fyStartMonth, cells, yearly, errors, yearTargets }) => {
    const observations: Observation[] = [];
    const at: { measure: string; unit: string; period: string }[] = [];
    let k = 0;
    MEASURES.forEach((m, mi) =>
      UNITS.forEach((unit, ui) => {
        // One series in each card is yearly, the rest monthly; a few months have no row at all.
        const asYears = yearly && mi === 1 && ui === 0;
        for (let p = 0; p < 30; p++) {
          const c = cells[k++];
          const period = asYears ? String(2020 + p) : monthFromIndex(FIRST + p);
          at.push({ measure: m.id, unit, period });
          if (c.skip && p % 7 === 3) continue;
          observations.push({
            measure: m.id,
            unit,
            period,
            actual: c.actual,
            milestone: c.milestone,
            target: c.target,
            denominator: m.kind === "rate" || m.kind === "ratio" ? c.denominator : undefined,
          });
        }
      }),
    );
    for (const [series, year] of yearTargets) {
      const m = MEASURES[Math.floor(series / UNITS.length)];
      observations.push({
        measure: m.id,
        unit: UNITS[series % UNITS.length],
        period: String(year),
        target: 1200,
      });
    }
    const bad: Finding[] = errors.map((e) => ({
      severity: "error",
      code: "not-a-number",
      message: "planted",
      ...at[e],
    }));
    return { scorecard: { measures: MEASURES, units: [], observations, fyStartMonth }, errors: bad };
  });

const asOf = fc.constantFrom(
  "2023-02",
  "2023-12",
  "2024-06",
  "2024-11",
  "2025-06",
  "2025-09",
  "2024",
  "2026",
);

/** Rules that judge by last year and by target, so every metric a rule reads is exercised. */
const OTHER_RULES: StatusRule[] = [
  { status: "on-track", when: { basis: "ytd", compareWith: "prior-year", metric: "difference", atLeast: 0 } },
  { status: "at-risk", when: { basis: "period", compareWith: "target", metric: "ratio", atLeast: 0.9 } },
  { status: "off-track" },
];

describe("lean check rows read as the plain rows did", () => {
  it("every row: same fields, same JSON, same console output, on random scorecards", () => {
    fc.assert(
      fc.property(card, asOf, fc.boolean(), ({ scorecard, errors }, when, ownRules) => {
        const rules: Record<string, StatusRule[]> | undefined = ownRules
          ? { cases: OTHER_RULES, quality: OTHER_RULES }
          : undefined;
        const result = checkScorecard(indexScorecard(scorecard, errors), { asOf: when, rules });
        const series = [...result.index.series, ...result.rollupSeries.values()];
        expect(result.rows).toHaveLength(series.length);
        result.rows.forEach((row, k) => {
          const s = series[k];
          const t = judgedPosition(s, when, scorecard.fyStartMonth);
          const rollup = k >= result.index.series.length;
          const plain = plainRow(s, t, scorecard.fyStartMonth, rules?.[s.measure.id], rollup, true);
          for (const key of Object.keys(plain) as (keyof CheckRow)[]) {
            if (key === "forecast") expect(JSON.stringify(row.forecast)).toBe(JSON.stringify(plain.forecast));
            else expect([key, row[key]]).toEqual([key, plain[key]]);
            if (typeof plain[key] === "number") expect(Object.is(row[key], plain[key])).toBe(true);
          }
          expect(JSON.stringify(row)).toBe(JSON.stringify(plain));
          expect(inspect(row, { depth: 6 })).toBe(inspect(plain, { depth: 6 }));
        });
      }),
      { numRuns: 40 },
    );
  });

  it("every forecast: same fields, same JSON, at every position of random series", () => {
    fc.assert(
      fc.property(card, ({ scorecard, errors }) => {
        const index = indexScorecard(scorecard, errors);
        for (const s of index.series) {
          for (let t = 0; t < s.length + 3; t++) {
            const lean = forecastYearEnd(s, t, scorecard.fyStartMonth);
            const plain = plainForecast(s, t, scorecard.fyStartMonth);
            expect(JSON.stringify(lean)).toBe(JSON.stringify(plain));
            expect(inspect(lean, { depth: 4 })).toBe(inspect(plain, { depth: 4 }));
            for (const key of Object.keys(plain) as (keyof typeof plain)[])
              expect(lean[key]).toEqual(plain[key]);
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe("lean records behave as plain objects where callers rely on it", () => {
  const lines = (): Scorecard => ({
    measures: [{ id: "cases", name: "Cases", kind: "count", direction: "up" }],
    units: [],
    fyStartMonth: 1,
    observations: Array.from({ length: 18 }, (_, p) => ({
      measure: "cases",
      unit: "North",
      period: monthFromIndex(monthIndex("2024-01") + p),
      milestone: 10,
      actual: 9 + (p % 3),
    })),
  });

  it("an assigned field is read back and written to JSON in its place; a new one at the end", () => {
    const [row] = checkScorecard(indexScorecard(lines()), { asOf: "2025-06" }).rows;
    const before = JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
    row.status = "off-track";
    row.actual = undefined;
    (row as unknown as Record<string, unknown>).note = "checked";
    expect(row.status).toBe("off-track");
    expect(row.actual).toBeUndefined();
    const after = JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
    const { actual: _dropped, ...rest } = before;
    expect(Object.keys(after)).toEqual([...Object.keys(rest), "note"]);
    expect(after).toEqual({ ...rest, status: "off-track", note: "checked" });
  });

  it("a spread copies only assigned fields, as the row types say; JSON gives the whole row", () => {
    const [row] = checkScorecard(indexScorecard(lines()), { asOf: "2025-06" }).rows;
    const copy = { ...row };
    expect(Object.keys(copy)).toEqual([]);
    expect(copy.measure).toBeUndefined();
    expect(JSON.parse(JSON.stringify(row))).toMatchObject({ measure: "cases", unit: "North", ytdPeriods: 6 });
  });

  it("a forecast gives the same methods array every time, and a change to it sticks", () => {
    const [row] = checkScorecard(indexScorecard(lines()), { asOf: "2025-06" }).rows;
    const f = row.forecast!;
    expect(f.methods).toBe(f.methods);
    expect(f.interval).toBe(f.interval);
    f.methods[0].value = 1;
    f.label = "edited";
    const json = JSON.parse(JSON.stringify(f)) as { label: string; methods: { value: number }[] };
    expect([json.label, json.methods[0].value]).toEqual(["edited", 1]);
  });

  it("rows from checkSeriesAt runs longer than a table still read their own values", () => {
    const index = indexScorecard(lines());
    const s = index.series[0];
    const ctx = { fyStartMonth: 1 };
    const rows = Array.from({ length: 3000 }, (_, k) => ({ k, row: checkSeriesAt(s, k % 18, ctx, []) }));
    for (const { k, row } of rows) {
      expect(JSON.stringify(row)).toBe(JSON.stringify(plainRow(s, k % 18, 1, undefined, false, false)));
    }
  });
});
