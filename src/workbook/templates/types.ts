/**
 * A template: the measures, units and plan text a scorecard starts from, plus the typical
 * levels its sample data is drawn around. Plain data; the plan builder turns it into sheets.
 */
import type { MeasureDef, UnitDef } from "../../engine/model";

export type TemplateId = "child-support" | "city-services" | "balanced-scorecard" | "blank";

/** The five federal child-support incentive measures (45 CFR 305.2). */
export type IncentiveKey = "pep" | "orders" | "current" | "arrears" | "cost";

/** Typical levels for sample data: counts per case a year, or a rate/ratio with its spread. */
export interface SampleProfile {
  /** Counts/amounts: the annual value per unit of caseload. Rates/ratios: the typical value. */
  level: number;
  /** Spread between units, as a fraction of the level (counts) or in points (rates/ratios). */
  spread: number;
  /** Change per year (fraction for counts, points for rates/ratios); negative = worsening. */
  trendPerYear: number;
  /** Rates/ratios: what the denominator is per case a month (e.g. 1 = every case). */
  denominatorPerCase?: number;
  /** Twelve fiscal-month weights for counts (default flat). */
  seasonality?: number[];
}

export interface TemplateMeasure extends MeasureDef {
  /** Perspective or family shown in the Measures sheet's Group column. */
  group?: string;
  /** Set for the five federal measures; the Dashboard scores them. */
  incentive?: IncentiveKey;
  sample?: SampleProfile;
}

export interface PlanText {
  mission: string;
  deficit: string;
  target: string;
  theoryOfChange: string;
  swot: { strengths: string[]; weaknesses: string[]; opportunities: string[]; threats: string[] };
  goals: string[];
}

export interface TemplateDef {
  id: TemplateId;
  title: string;
  /** One sentence for the template picker. */
  description: string;
  fyStartMonth: number;
  plan: PlanText;
  measures: TemplateMeasure[];
  units: UnitDef[];
}
