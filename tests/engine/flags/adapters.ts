/**
 * Adapters from the two real annual files to a Scorecard, for the real-data tests. Every quirk
 * (blank, NA, text, missing direction) becomes a Finding naming the CSV line and column.
 */
import Papa from "papaparse";
import type { Finding, MeasureDef, Observation, Scorecard } from "../../../src/engine/model";

export interface Adapted {
  scorecard: Scorecard;
  findings: Finding[];
  /** Measures whose source gives no direction. */
  directionUnknown: Set<string>;
}

interface Table {
  header: string[];
  rows: string[][];
  sheet: string;
}

function table(text: string, sheet: string): Table {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  return { header, rows, sheet };
}

/** A number from a cell, or a finding saying why not. Lines are 1-based with the header on line 1. */
function cellNumber(
  t: Table,
  r: number,
  column: string,
  findings: Finding[],
  measure: string,
  unit: string,
): number | undefined {
  const c = t.header.indexOf(column);
  const raw = (t.rows[r][c] ?? "").trim();
  const where = { sheet: t.sheet, row: r + 2, column: c + 1 };
  if (raw === "" || /^(na|n\/a|#n\/a)$/i.test(raw)) {
    findings.push({
      severity: "info",
      code: "not-available",
      message: `Line ${r + 2}, column "${column}": no value${raw ? ` ("${raw}")` : ""}.`,
      fix: "Enter the figure if it exists; the row is skipped by checks that need it.",
      where,
      measure,
      unit,
    });
    return undefined;
  }
  const v = Number(raw.replace(/[$,%\s]/g, ""));
  if (!Number.isFinite(v)) {
    findings.push({
      severity: "warning",
      code: "not-a-number",
      message: `Line ${r + 2}, column "${column}": "${raw}" is not a number.`,
      fix: "Type a plain number; move notes to another column.",
      where,
      measure,
      unit,
    });
    return undefined;
  }
  return v;
}

const kindOf = (name: string): MeasureDef["kind"] => (/%|percent/i.test(name) ? "rate" : "count");

/**
 * NYC Mayor's Management Report: one row per indicator; actuals FY2016-FY2022 in columns
 * "2016".."2022"; "Target.MMR" is the FY2023 target; column "2023" is a projection from
 * partial-year data and is deliberately not read as an actual.
 */
export function adaptNycMmr(text: string, sheet = "nyc_mmr.csv"): Adapted {
  const t = table(text, sheet);
  const findings: Finding[] = [];
  const directionUnknown = new Set<string>();
  const measures: MeasureDef[] = [];
  const observations: Observation[] = [];
  const col = (name: string) => t.header.indexOf(name);
  t.rows.forEach((row, r) => {
    const id = `nyc-${row[col("ID")]}`;
    const unit = row[col("Agency.Full.Name.y")] || "(no agency)";
    const name = row[col("Indicator")] || id;
    const dirText = (row[col("Desired.Direction")] ?? "").trim().toLowerCase();
    const direction = dirText === "up" ? "up" : dirText === "down" ? "down" : undefined;
    if (!direction) {
      directionUnknown.add(id);
      findings.push({
        severity: "info",
        code: "direction-assumed",
        message: `Line ${r + 2}: "${name}" has no usable direction ("${dirText}").`,
        fix: "State Up or Down in Desired.Direction.",
        where: { sheet, row: r + 2, column: col("Desired.Direction") + 1 },
        measure: id,
      });
    }
    measures.push({ id, name, kind: kindOf(name), direction: direction ?? "up" });
    for (let year = 2016; year <= 2022; year++) {
      const actual = cellNumber(t, r, String(year), findings, id, unit);
      if (actual !== undefined) observations.push({ measure: id, unit, period: String(year), actual });
    }
    const target = cellNumber(t, r, "Target.MMR", findings, id, unit);
    if (target !== undefined) observations.push({ measure: id, unit, period: "2023", target });
  });
  return { scorecard: { measures, units: [], observations, fyStartMonth: 7 }, findings, directionUnknown };
}

/**
 * Baltimore budget performance measures: "Target 2021", "Actual 2021", "Target 2022",
 * "Target 2023" per service and measure. The file states no direction, so every measure is
 * direction-unknown (see the real-data test for what that means for the flags).
 */
export function adaptBaltimore(text: string, sheet = "baltimore.csv"): Adapted {
  const t = table(text, sheet);
  const findings: Finding[] = [];
  const measures = new Map<string, MeasureDef>();
  const observations: Observation[] = [];
  const col = (name: string) => t.header.indexOf(name);
  t.rows.forEach((row, r) => {
    const unit = (row[col("Service ID")] ?? "").trim() || "(no service)";
    const name = (row[col("Measure")] ?? "").trim();
    if (!name) {
      findings.push({
        severity: "warning",
        code: "missing-key",
        message: `Line ${r + 2}: the measure name is blank, so the row is skipped.`,
        fix: "Name the measure or delete the row.",
        where: { sheet, row: r + 2, column: col("Measure") + 1 },
      });
      return;
    }
    const id = `${unit}:${name}`;
    if (!measures.has(id)) measures.set(id, { id, name, kind: kindOf(name), direction: "up" });
    const get = (c: string) => cellNumber(t, r, c, findings, id, unit);
    const t21 = get("Target 2021");
    const a21 = get("Actual 2021");
    const t22 = get("Target 2022");
    const t23 = get("Target 2023");
    observations.push({ measure: id, unit, period: "2021", target: t21, actual: a21 });
    observations.push({ measure: id, unit, period: "2022", target: t22 });
    observations.push({ measure: id, unit, period: "2023", target: t23 });
  });
  const directionUnknown = new Set(measures.keys());
  findings.push({
    severity: "info",
    code: "direction-assumed",
    message: `${sheet} has no direction column: all ${measures.size} measures are treated as direction unknown.`,
    fix: "Add whether higher or lower is better for each measure.",
  });
  return {
    scorecard: { measures: [...measures.values()], units: [], observations, fyStartMonth: 7 },
    findings,
    directionUnknown,
  };
}

/**
 * NHS England A&E, type 1 departments: the share seen within 4 hours (1 - breaches /
 * attendances, %) against the national 95 % standard as every month's milestone, and attendances.
 */
export function adaptNhsAe(text: string, sheet = "nhs_ae.csv"): Adapted {
  const t = table(text, sheet);
  const findings: Finding[] = [];
  const observations: Observation[] = [];
  const col = (name: string) => t.header.indexOf(name);
  t.rows.forEach((row, r) => {
    if (row[col("type")] !== "1") return;
    const unit = row[col("org_code")];
    const period = (row[col("period")] ?? "").slice(0, 7);
    const attendances = cellNumber(t, r, "attendances", findings, "attendances", unit);
    const breaches = cellNumber(t, r, "breaches", findings, "four-hour", unit);
    if (attendances === undefined) return;
    observations.push({ measure: "attendances", unit, period, actual: attendances });
    if (attendances > 0 && breaches !== undefined)
      observations.push({
        measure: "four-hour",
        unit,
        period,
        actual: 100 * (1 - breaches / attendances),
        milestone: 95,
      });
  });
  const measures: MeasureDef[] = [
    { id: "four-hour", name: "Seen within 4 hours", kind: "rate", direction: "up" },
    { id: "attendances", name: "A&E attendances", kind: "count", direction: "up" },
  ];
  return {
    scorecard: { measures, units: [], observations, fyStartMonth: 4 },
    findings,
    directionUnknown: new Set(),
  };
}
