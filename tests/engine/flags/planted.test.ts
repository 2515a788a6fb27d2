/**
 * Recall and false-positive rate of every detector on planted patterns. The generator plants
 * each pattern at known (measure, unit) places in clean, noisy data; clean runs (no plants)
 * measure how often a detector fires on nothing. Prints a table and asserts the brief's aims:
 * recall >= 0.9 on strong planted signals, false positives <= 5 %, clean data raises almost nothing.
 */
import { detectors, runFlags, type DetectorKind, type Flag } from "../../../src/engine/flags";
import { generate, generateDigits, type Generated } from "./generator";
import { indexScorecard } from "../../../src/engine/index";

const SEEDS = [11, 22, 33, 44, 55];
const UNITS = 90;
const MEASURES = 10;

function run(g: Generated): Flag[] {
  return runFlags(indexScorecard(g.scorecard), {
    previousSnapshot: g.previous && indexScorecard(g.previous),
    programUnit: g.programUnit,
    capacityMeasures: g.capacityMeasures,
    revisions: g.revisions,
  }).flags;
}

const key = (measure: string, unit: string) => `${measure}|${unit}`;

interface Tally {
  planted: number;
  found: number;
  cleanFlagged: number;
  cleanCandidates: number;
}

/** Candidate entities a detector could flag in one scorecard, by its scope. */
function candidates(id: DetectorKind): number {
  if (id === "unit-sum-below-program") return MEASURES - 1;
  if (id === "benford-first-digit") return MEASURES;
  if (id === "last-digit") return UNITS;
  if (id === "threshold-bunching") return MEASURES * UNITS + MEASURES;
  return MEASURES * UNITS;
}

const tally = new Map<DetectorKind, Tally>(
  detectors.map((d) => [d.id, { planted: 0, found: 0, cleanFlagged: 0, cleanCandidates: 0 }]),
);
let cleanFlagTotal = 0;
let strayFlags = 0;
let strayCandidates = 0;

beforeAll(() => {
  for (const seed of SEEDS) {
    const planted = generate({ seed, units: UNITS, plantsPerKind: 4, measureWide: true });
    const flags = run(planted);
    const flagged = new Set(flags.map((f) => `${f.detector}|${key(f.measure, f.unit)}`));
    for (const p of planted.plants) {
      const t = tally.get(p.detector)!;
      t.planted++;
      if (flagged.has(`${p.detector}|${key(p.measure, p.unit)}`)) t.found++;
    }
    // Stray flags: unit-level flags on units and measures no plant touched.
    const touchedUnits = new Set(planted.plants.map((p) => p.unit));
    const touchedMeasures = new Set(planted.plants.filter((p) => p.unit === "*").map((p) => p.measure));
    const untouched = (f: Flag) =>
      !touchedUnits.has(f.unit) && !touchedMeasures.has(f.measure) && f.unit !== "*";
    strayFlags += new Set(flags.filter(untouched).map((f) => key(f.measure, f.unit))).size;
    strayCandidates += (UNITS - touchedUnits.size) * (MEASURES - touchedMeasures.size);

    const clean = run(generate({ seed: seed + 1000, units: UNITS, plantsPerKind: 0, measureWide: false }));
    cleanFlagTotal += clean.length;
    for (const d of detectors) {
      const t = tally.get(d.id)!;
      t.cleanCandidates += candidates(d.id);
      t.cleanFlagged += new Set(
        clean.filter((f) => f.detector === d.id).map((f) => key(f.measure, f.unit)),
      ).size;
    }
  }
  // Benford needs >= 800 units, so it gets its own data: half the units invent their first digits.
  for (const seed of SEEDS) {
    const t = tally.get("benford-first-digit")!;
    t.planted++;
    const hit = runFlags(indexScorecard(generateDigits({ seed, units: 1000, fabricatedShare: 0.5 }))).flags;
    if (hit.some((f) => f.detector === "benford-first-digit")) t.found++;
    const clean = runFlags(
      indexScorecard(generateDigits({ seed: seed + 1000, units: 1000, fabricatedShare: 0 })),
    ).flags;
    t.cleanCandidates += 1;
    t.cleanFlagged += clean.filter((f) => f.detector === "benford-first-digit").length;
  }
  const rows = [...tally.entries()].map(([id, t]) => {
    const recall = t.planted ? (t.found / t.planted).toFixed(2) : "  - ";
    const fp = ((100 * t.cleanFlagged) / t.cleanCandidates).toFixed(2);
    return `${id.padEnd(30)} planted ${String(t.planted).padStart(3)}  found ${String(t.found).padStart(3)}  recall ${recall}  clean FP ${fp}% (${t.cleanFlagged}/${t.cleanCandidates})`;
  });
  console.log(
    `Detector recall and false positives over ${SEEDS.length} seeds (${UNITS} units x ${MEASURES} measures x 36 months):\n${rows.join("\n")}\n` +
      `clean runs: ${cleanFlagTotal} flags over ${SEEDS.length * UNITS * MEASURES} series; stray flags on untouched series in planted runs: ${strayFlags}/${strayCandidates}`,
  );
}, 120_000);

describe("planted patterns", () => {
  it.each(detectors.map((d) => d.id))("%s finds at least 90 % of its strong planted signals", (id) => {
    const t = tally.get(id)!;
    expect(t.planted).toBeGreaterThanOrEqual(5);
    expect(t.found / t.planted).toBeGreaterThanOrEqual(0.9);
  });

  it.each(detectors.map((d) => d.id))("%s fires on at most 5 % of clean entities", (id) => {
    const t = tally.get(id)!;
    expect(t.cleanFlagged / t.cleanCandidates).toBeLessThanOrEqual(0.05);
  });

  it("clean data raises almost nothing: under one flag per hundred series", () => {
    expect(cleanFlagTotal / (SEEDS.length * UNITS * MEASURES)).toBeLessThan(0.01);
  });

  it("planting patterns does not spill flags onto series nobody touched", () => {
    expect(strayFlags / strayCandidates).toBeLessThan(0.01);
  });
});
