/**
 * A scorecard generator for the detector tests: clean, noisy monthly data (units x measures x
 * 36 months: growth, seasonality, 6 % noise, targets set 3-8 % above last year) with gaming
 * patterns planted at known places. Deterministic for a seed.
 */
import type { DetectorKind } from "../../../src/engine/flags";
import type { MeasureDef, Observation, Scorecard, UnitDef } from "../../../src/engine/model";
import { addMonths } from "../../../src/engine/period";
import type { Revision } from "../../../src/engine/revisions/types";

/** Where a pattern was planted; unit "*" = measure-wide, measure "*" = all of a unit's counts. */
export interface Plant {
  detector: DetectorKind;
  measure: string;
  unit: string;
}

export interface Generated {
  scorecard: Scorecard;
  previous: Scorecard;
  plants: Plant[];
  programUnit: string;
  capacityMeasures: string[];
  /** The target revision log: every target as issued, the planted cuts, and harmless raises. */
  revisions: Revision[];
}

export interface GenOptions {
  seed: number;
  units: number;
  /** Unit-level plants per detector; 0 for clean data. */
  plantsPerKind: number;
  /** Plant the measure-wide patterns (bunching, Benford, unit sum). */
  measureWide: boolean;
}

export const FIRST_MONTH = "2023-01";
export const YEARS = [2023, 2024, 2025];
const COUNTS = ["c01", "c02", "c03", "c04", "c05", "c06", "c07", "c08"];
/** Measures that take unit-level plants (c06-c08 carry the measure-wide ones). */
const PLANTABLE = ["c02", "c03", "c04", "c05"];

const UNIT_KINDS: DetectorKind[] = [
  "lowball-prior-actual",
  "lowball-trend",
  "meet-not-beat",
  "target-cut-after-strong-year",
  "below-capacity",
  "q4-sandbagging",
  "threshold-bunching",
  "end-of-period-spike",
  "exact-hits",
  "jump-reversal",
  "paired-divergence",
  "last-digit",
  "duplicate-rows",
  "stale-periods",
  "revised-actuals",
  "late-target-cut",
  "repeated-target-cuts",
];

/** mulberry32: a small seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

interface Cell {
  level: number;
  growth: number;
  months: number[];
  milestones: number[];
  targets: number[];
}

/** Build a scorecard with plants. Example: `generate({ seed: 1, units: 90, plantsPerKind: 4, measureWide: true })`. */
export function generate(opts: GenOptions): Generated {
  const r = rng(opts.seed);
  const unitIds = Array.from({ length: opts.units }, (_, i) => `u${String(i + 1).padStart(3, "0")}`);
  const measures: MeasureDef[] = [
    ...COUNTS.map((id): MeasureDef => ({ id, name: `Cases ${id}`, kind: "count", direction: "up" })),
    { id: "d01", name: "Complaints", kind: "count", direction: "down" },
    { id: "r01", name: "Quality %", kind: "rate", direction: "up" },
  ];
  measures[0].pairedWith = "r01";
  const phase = new Map(measures.map((m) => [m.id, r() * 2 * Math.PI]));
  const plants: Plant[] = [];
  // Unit-level plants on distinct units, so one unit carries at most one pattern.
  let next = 0;
  const planted = new Map<string, { kind: DetectorKind; measure: string }>();
  for (const kind of UNIT_KINDS) {
    for (let i = 0; i < opts.plantsPerKind; i++) {
      const unit = unitIds[next++];
      const measure =
        kind === "below-capacity" || kind === "paired-divergence"
          ? "c01"
          : kind === "last-digit"
            ? "*"
            : kind === "lowball-prior-actual" && i % 2 === 1
              ? "d01"
              : PLANTABLE[(i + next) % PLANTABLE.length];
      planted.set(unit, { kind, measure });
      plants.push({ detector: kind, measure, unit });
    }
  }
  if (opts.measureWide) {
    plants.push({ detector: "threshold-bunching", measure: "c06", unit: "*" });
    plants.push({ detector: "unit-sum-below-program", measure: "c07", unit: "*" });
  }
  const cells = new Map<string, Cell>();
  const units: UnitDef[] = [];
  for (const u of unitIds) {
    for (const m of measures) cells.set(`${m.id}|${u}`, cleanCell(m, phase.get(m.id)!, r));
    const c01 = cells.get(`c01|${u}`)!;
    const capShare = planted.get(u)?.kind === "below-capacity" ? 0.4 + 0.2 * r() : 0.85 + 0.14 * r();
    const fte = 5 + Math.round(r() * 20);
    // Capacity is set against the first year's target, so later (higher) targets use more of it.
    units.push({ id: u, name: `Unit ${u}`, fte, productivity: c01.targets[0] / capShare / fte });
  }
  const scorecard = toScorecard(measures, units, cells, unitIds);
  const cuts: LoggedCut[] = [];
  const revisions = applyPlants(scorecard, planted, unitIds, measures, r, opts.measureWide, cuts);
  const previous = structuredClone(scorecard);
  for (const revise of revisions) revise();
  return {
    scorecard,
    previous,
    plants,
    programUnit: "ALL",
    capacityMeasures: ["c01"],
    revisions: revisionLog(scorecard, cuts, unitIds),
  };
}

/** A target whose log shows it cut: its value as issued and each cut (the grid holds the last). */
interface LoggedCut {
  measure: string;
  unit: string;
  year: number;
  issued: number;
  steps: { at: string; value: number }[];
}

const logRow = (r: Partial<Revision> & Pick<Revision, "measure" | "unit" | "period" | "at">): Revision => ({
  who: "generator",
  source: "pane-proration",
  field: "target",
  oldValue: null,
  newValue: null,
  reason: "other",
  note: "",
  ...r,
});

/**
 * The log: every yearly target as issued (mid-December before its year), then the planted cuts,
 * and a harmless raise of every tenth unit's c02 target in April (a raise never flags).
 */
function revisionLog(sc: Scorecard, cuts: LoggedCut[], unitIds: string[]): Revision[] {
  const cutOf = new Map(cuts.map((c) => [`${c.measure}|${c.unit}|${c.year}`, c]));
  const out: Revision[] = [];
  for (const o of sc.observations) {
    if (o.target === undefined || !/^\d{4}$/.test(o.period)) continue;
    const cut = cutOf.get(`${o.measure}|${o.unit}|${o.period}`);
    out.push(
      logRow({
        at: `${Number(o.period) - 1}-12-15T09:00:00Z`,
        measure: o.measure,
        unit: o.unit,
        period: o.period,
        source: "baseline",
        reason: "baseline",
        newValue: cut ? cut.issued : o.target,
      }),
    );
  }
  const later: Revision[] = [];
  for (const c of cuts) {
    let previous = c.issued;
    for (const s of c.steps) {
      later.push(
        logRow({
          at: s.at,
          measure: c.measure,
          unit: c.unit,
          period: String(c.year),
          oldValue: previous,
          newValue: s.value,
        }),
      );
      previous = s.value;
    }
  }
  unitIds.forEach((u, i) => {
    if (i % 10 !== 9 || cutOf.has(`c02|${u}|${YEARS[2]}`)) return;
    const target = sc.observations.find(
      (o) => o.measure === "c02" && o.unit === u && o.period === String(YEARS[2]),
    )!.target!;
    later.push(
      logRow({
        at: `${YEARS[2]}-04-10T09:00:00Z`,
        measure: "c02",
        unit: u,
        period: String(YEARS[2]),
        oldValue: target,
        newValue: Math.round(target * 1.03),
        reason: "policy-changed",
      }),
    );
  });
  return [...out, ...later.sort((a, b) => a.at.localeCompare(b.at))];
}

function cleanCell(m: MeasureDef, phase: number, r: () => number): Cell {
  const rate = m.kind === "rate";
  let level = rate ? 84 + 3 * r() : Math.exp(Math.log(300) + 1.6 * gauss(r));
  if (!rate) level = Math.max(40, level);
  const growth = m.direction === "down" ? -0.02 + 0.01 * gauss(r) : 0.03 + 0.02 * gauss(r);
  const cell: Cell = { level, growth, months: [], milestones: [], targets: [] };
  const season = (t: number) => (rate ? 1 : 1 + 0.08 * Math.sin((2 * Math.PI * t) / 12 + phase));
  for (let t = 0; t < 36; t++) {
    const expected = rate ? level : level * (1 + growth) ** (t / 12) * season(t);
    const v = rate ? expected + 1.5 * gauss(r) : expected * (1 + 0.06 * gauss(r));
    cell.months.push(rate ? Math.min(100, Math.round(v * 10) / 10) : Math.max(0, Math.round(v)));
  }
  const sign = m.direction === "down" ? -1 : 1;
  for (let y = 0; y < 3; y++) {
    const stretch = 0.03 + 0.05 * r();
    let target: number;
    if (rate) target = y === 0 ? level + 1 : yearValue(cell, y - 1, true) + 0.5 + 1.5 * r();
    else if (y === 0) target = level * 12 * (1 + growth) ** 0.5 * (1 + sign * stretch);
    else target = yearValue(cell, y - 1, false) * (1 + sign * stretch);
    cell.targets.push(rate ? Math.round(target * 100) / 100 : Math.round(target));
  }
  for (let t = 0; t < 36; t++) {
    const y = Math.floor(t / 12);
    const share = rate
      ? 1
      : season(t) / Array.from({ length: 12 }, (_, k) => season(y * 12 + k)).reduce((a, b) => a + b, 0);
    cell.milestones.push(rate ? cell.targets[y] : Math.round(cell.targets[y] * share));
  }
  return cell;
}

function yearValue(cell: Cell, y: number, rate: boolean): number {
  const s = cell.months.slice(y * 12, y * 12 + 12).reduce((a, b) => a + b, 0);
  return rate ? s / 12 : s;
}

function toScorecard(
  measures: MeasureDef[],
  units: UnitDef[],
  cells: Map<string, Cell>,
  unitIds: string[],
): Scorecard {
  const observations: Observation[] = [];
  for (const m of measures) {
    for (const u of unitIds) {
      const c = cells.get(`${m.id}|${u}`)!;
      for (let t = 0; t < 36; t++) {
        observations.push({
          measure: m.id,
          unit: u,
          period: addMonths(FIRST_MONTH, t),
          actual: c.months[t],
          milestone: c.milestones[t],
        });
      }
      YEARS.forEach((y, i) =>
        observations.push({ measure: m.id, unit: u, period: String(y), target: c.targets[i] }),
      );
    }
    if (m.kind === "rate") continue;
    YEARS.forEach((y, i) => {
      const sum = unitIds.reduce((a, u) => a + cells.get(`${m.id}|${u}`)!.targets[i], 0);
      observations.push({ measure: m.id, unit: "ALL", period: String(y), target: sum });
    });
  }
  return { measures, units, observations, fyStartMonth: 1 };
}

type ObsMap = Map<string, Observation>;

/** Plant every pattern; returns the revisions to apply after the earlier snapshot is taken. */
function applyPlants(
  sc: Scorecard,
  planted: Map<string, { kind: DetectorKind; measure: string }>,
  unitIds: string[],
  measures: MeasureDef[],
  r: () => number,
  measureWide: boolean,
  cuts: LoggedCut[],
): (() => void)[] {
  const obs: ObsMap = new Map(sc.observations.map((o) => [`${o.measure}|${o.unit}|${o.period}`, o]));
  const month = (m: string, u: string, t: number) => obs.get(`${m}|${u}|${addMonths(FIRST_MONTH, t)}`)!;
  const year = (m: string, u: string, y: number) => obs.get(`${m}|${u}|${YEARS[y]}`)!;
  const fy = (m: string, u: string, y: number) => {
    let s = 0;
    for (let t = y * 12; t < y * 12 + 12; t++) s += month(m, u, t).actual!;
    return s;
  };
  const revisions: (() => void)[] = [];
  for (const [u, { kind, measure: m }] of planted) {
    switch (kind) {
      case "lowball-prior-actual":
        year(m, u, 2).target = Math.round(
          fy(m, u, 1) * (m === "d01" ? 1.03 + 0.12 * r() : 0.85 + 0.12 * r()),
        );
        break;
      case "lowball-trend":
        for (let t = 0; t < 36; t++)
          month(m, u, t).actual = Math.round(month(m, u, t).actual! * 1.3 ** (t / 12));
        year(m, u, 2).target = Math.round(fy(m, u, 1) * 1.02);
        break;
      case "meet-not-beat":
        for (let y = 0; y < 3; y++) year(m, u, y).target = Math.floor(fy(m, u, y) / (1.001 + 0.007 * r()));
        break;
      case "target-cut-after-strong-year":
        year(m, u, 1).target = Math.round(fy(m, u, 1) * 0.95);
        year(m, u, 2).target = Math.round(year(m, u, 1).target! * (0.8 + 0.1 * r()));
        break;
      case "q4-sandbagging":
        for (let t = 24; t < 36; t++)
          month(m, u, t).actual = Math.round(month(m, u, t).actual! * (t < 33 ? 1.15 : 0.55));
        break;
      case "threshold-bunching":
        for (let t = 0; t < 36; t++) bunch(month(m, u, t), 0.85, 1, 0.015, r);
        break;
      case "end-of-period-spike":
        month(m, u, 35).actual = Math.round(month(m, u, 35).actual! * 2.5);
        break;
      case "exact-hits":
        for (const t of pick(36, 12, r)) month(m, u, t).actual = month(m, u, t).milestone;
        break;
      case "jump-reversal": {
        const t = 6 + Math.floor(r() * 24);
        month(m, u, t).actual = Math.round(month(m, u, t).actual! * 2);
        break;
      }
      case "paired-divergence":
        for (let t = 12; t < 36; t++) {
          month("c01", u, t).actual = Math.round(month("c01", u, t).actual! * (1 + (0.25 * (t - 12)) / 12));
          month("r01", u, t).actual =
            Math.round((month("r01", u, t).actual! - (5 * (t - 12)) / 12) * 10) / 10;
        }
        break;
      case "last-digit":
        for (const md of measures)
          for (let t = 0; t < 36; t++) {
            const o = month(md.id, u, t);
            if (md.kind === "count" && o.actual! >= 20 && r() < 0.7)
              o.actual = Math.round(o.actual! / 10) * 10;
          }
        break;
      case "duplicate-rows":
        for (const t of [5, 17])
          sc.observations.push({ ...month(m, u, t), actual: Math.round(month(m, u, t).actual! * 1.1) });
        break;
      case "stale-periods": {
        const t0 = 6 + Math.floor(r() * 20);
        for (let t = t0 + 1; t < t0 + 8; t++) month(m, u, t).actual = month(m, u, t0).actual;
        break;
      }
      case "late-target-cut": {
        // Cut by 8-16 % in October, month 10 of a calendar fiscal year.
        const issued = year(m, u, 2).target!;
        const value = Math.round(issued * (0.84 + 0.08 * r()));
        year(m, u, 2).target = value;
        cuts.push({
          measure: m,
          unit: u,
          year: YEARS[2],
          issued,
          steps: [{ at: `${YEARS[2]}-10-10T09:00:00Z`, value }],
        });
        break;
      }
      case "repeated-target-cuts": {
        // Walked down twice in the first half of the year, 4-7 % each time.
        const issued = year(m, u, 2).target!;
        const first = Math.round(issued * (0.93 + 0.03 * r()));
        const second = Math.round(first * (0.93 + 0.03 * r()));
        year(m, u, 2).target = second;
        cuts.push({
          measure: m,
          unit: u,
          year: YEARS[2],
          issued,
          steps: [
            { at: `${YEARS[2]}-03-05T09:00:00Z`, value: first },
            { at: `${YEARS[2]}-05-20T09:00:00Z`, value: second },
          ],
        });
        break;
      }
      case "revised-actuals":
        revisions.push(() => {
          for (const t of [3, 8, 14]) month(m, u, t).actual = Math.round(month(m, u, t).actual! * 1.12);
        });
        break;
      default:
        break;
    }
  }
  if (measureWide) {
    for (const u of unitIds) for (let t = 0; t < 36; t++) bunch(month("c06", u, t), 0.9, 0.5, 0.02, r);
    obs.get(`c07|ALL|${YEARS[2]}`)!.target = Math.round(obs.get(`c07|ALL|${YEARS[2]}`)!.target! * 1.08);
  }
  return revisions;
}

function bunch(o: Observation, from: number, prob: number, width: number, r: () => number): void {
  const ratio = o.actual! / o.milestone!;
  if (ratio >= from && ratio < 1 && r() < prob)
    o.actual = o.milestone! + Math.max(1, Math.round(o.milestone! * width * r()));
}

function pick(n: number, k: number, r: () => number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, k);
}

/**
 * One count measure over many units for the digit tests: lognormal unit sizes spanning four
 * orders of magnitude (Benford-like); `fabricatedShare` of units get invented first digits.
 * Example: `generateDigits({ seed: 1, units: 1000, fabricatedShare: 0.5 })`.
 */
export function generateDigits(opts: { seed: number; units: number; fabricatedShare: number }): Scorecard {
  const r = rng(opts.seed);
  const observations: Observation[] = [];
  for (let u = 0; u < opts.units; u++) {
    const level = Math.exp(Math.log(500) + 2 * gauss(r));
    const invent = r() < opts.fabricatedShare;
    for (let t = 0; t < 12; t++) {
      let v = Math.max(1, Math.round(level * (1 + 0.06 * gauss(r))));
      if (invent) {
        const digits = String(v);
        v = Number(String(1 + Math.floor(9 * r())) + digits.slice(1));
      }
      observations.push({ measure: "entries", unit: `u${u}`, period: addMonths(FIRST_MONTH, t), actual: v });
    }
  }
  return {
    measures: [{ id: "entries", name: "Hand-entered entries", kind: "count", direction: "up" }],
    units: [],
    observations,
    fyStartMonth: 1,
  };
}
