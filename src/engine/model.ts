/**
 * The scorecard model every layer shares: measures, units, periods and observations.
 * Plain data, no behaviour. Names carry their units (`ratePct`, `targetCount`).
 */
import type { FindingCode } from "./findings";

/** Which way is good. `band` means "stay between lower and upper". */
export type Direction = "up" | "down" | "band";

/**
 * What a number is. Counts add up across units; rates (0-100, percent) and ratios
 * (e.g. dollars collected per dollar spent) are weighted by their denominator, never summed.
 * `amount` is money or another additive quantity.
 */
export type MeasureKind = "count" | "amount" | "rate" | "ratio";

/** Why the measure exists (Behn's eight purposes). */
export type Purpose =
  "evaluate" | "control" | "budget" | "learn" | "improve" | "motivate" | "promote" | "celebrate";

/** A month `YYYY-MM` or a year `YYYY`. Never a local Date. */
export type Period = string;

export interface MeasureDef {
  id: string;
  name: string;
  kind: MeasureKind;
  direction: Direction;
  /** Band edges for `direction: "band"`, in the measure's own unit. */
  lower?: number;
  upper?: number;
  /** Display unit, e.g. "%", "cases", "$". */
  unitLabel?: string;
  purpose?: Purpose;
  /** "lead" drives a lag measure named in `leadFor`; "lag" is an outcome. */
  indicator?: "lead" | "lag";
  leadFor?: string;
  /** The control measure that guards this one against distortion. */
  pairedWith?: string;
  owner?: string;
  goal?: string;
}

export interface UnitDef {
  id: string;
  name: string;
  caseload?: number;
  fte?: number;
  productivity?: number;
  budget?: number;
}

/** Where a value came from, so a finding can point at it. Row and column are 1-based. */
export interface CellRef {
  sheet: string;
  row: number;
  column: number;
  /** A1-style address when known, e.g. "D14". */
  address?: string;
}

/** One measure x unit x period. Any number may be missing. */
export interface Observation {
  measure: string;
  unit: string;
  period: Period;
  target?: number;
  milestone?: number;
  actual?: number;
  numerator?: number;
  denominator?: number;
  priorActual?: number;
  source?: CellRef;
}

export type FindingSeverity = "error" | "warning" | "info";

/**
 * A problem in the data, returned as a value (never thrown): what is wrong, where, and what to do.
 */
export interface Finding {
  severity: FindingSeverity;
  /** A key of the one catalogue, `FINDINGS` in ./findings. */
  code: FindingCode;
  message: string;
  /** What the user should do about it. */
  fix?: string;
  where?: CellRef;
  measure?: string;
  unit?: string;
  period?: Period;
}

/** A whole scorecard as the engine sees it. */
export interface Scorecard {
  measures: MeasureDef[];
  units: UnitDef[];
  observations: Observation[];
  /** First month of the fiscal year, 1-12 (10 = federal, 7 = most states). */
  fyStartMonth: number;
}
