/**
 * Balanced scorecard template with the child-support performance guide's four perspectives:
 * business process results, customer service, organizational development and fiscal
 * accountability, by division. State fiscal year (July).
 */
import type { TemplateDef, TemplateMeasure } from "./types";

const BPR = "Business process results";
const CS = "Customer service";
const OD = "Organizational development";
const FA = "Fiscal accountability";

const measures: TemplateMeasure[] = [
  {
    id: "cases-processed",
    name: "Cases processed",
    kind: "count",
    direction: "up",
    unitLabel: "cases",
    purpose: "evaluate",
    indicator: "lag",
    pairedWith: "timeliness",
    group: BPR,
    sample: { level: 1.5, spread: 0.15, trendPerYear: 0.03 },
  },
  {
    id: "timeliness",
    name: "Cases processed within the time standard",
    kind: "rate",
    direction: "up",
    unitLabel: "%",
    purpose: "control",
    indicator: "lag",
    group: BPR,
    sample: { level: 88, spread: 4, trendPerYear: 0.5, denominatorPerCase: 0.12 },
  },
  {
    id: "satisfaction",
    name: "Customers satisfied (survey)",
    kind: "rate",
    direction: "up",
    unitLabel: "%",
    purpose: "learn",
    indicator: "lag",
    group: CS,
    sample: { level: 76, spread: 5, trendPerYear: 0.5, denominatorPerCase: 0.01 },
  },
  {
    id: "complaints",
    name: "Complaints received",
    kind: "count",
    direction: "down",
    unitLabel: "complaints",
    purpose: "improve",
    group: CS,
    sample: { level: 0.01, spread: 0.2, trendPerYear: -0.02 },
  },
  {
    id: "training-hours",
    name: "Training hours completed",
    kind: "count",
    direction: "up",
    unitLabel: "hours",
    purpose: "improve",
    indicator: "lead",
    leadFor: "timeliness",
    group: OD,
    sample: { level: 0.05, spread: 0.2, trendPerYear: 0.05 },
  },
  {
    id: "vacancy",
    name: "Vacancy rate",
    kind: "rate",
    direction: "down",
    unitLabel: "%",
    purpose: "control",
    group: OD,
    sample: { level: 8, spread: 2, trendPerYear: -0.2, denominatorPerCase: 0.003 },
  },
  {
    id: "cost-per-case",
    name: "Cost per case",
    kind: "ratio",
    direction: "down",
    unitLabel: "$ per case",
    purpose: "budget",
    indicator: "lag",
    group: FA,
    sample: { level: 52, spread: 5, trendPerYear: -0.5, denominatorPerCase: 0.12 },
  },
  {
    id: "budget-spent",
    name: "Budget spent (% of plan)",
    kind: "rate",
    direction: "band",
    lower: 95,
    upper: 100,
    unitLabel: "%",
    purpose: "budget",
    group: FA,
    sample: { level: 97.5, spread: 1.5, trendPerYear: 0, denominatorPerCase: 10 },
  },
];

const DIVISIONS: [string, string, number, number][] = [
  ["intake", "Intake", 9000, 20],
  ["enforcement", "Enforcement", 14000, 32],
  ["customer-service", "Customer Service", 11000, 18],
  ["legal", "Legal", 6000, 12],
  ["finance", "Finance", 5000, 9],
];

export const balancedScorecardTemplate: TemplateDef = {
  id: "balanced-scorecard",
  title: "Balanced scorecard",
  description:
    "Two measures in each of four perspectives: business process results, customer service, organizational development, fiscal accountability.",
  fyStartMonth: 7,
  plan: {
    mission: "Serve every customer accurately and promptly at a cost the public can defend.",
    deficit: "One case in eight misses the processing time standard.",
    target: "Process 92 % of cases within the time standard by year end.",
    theoryOfChange:
      "Trained, fully staffed divisions process cases on time; timely cases satisfy customers and cost less per case.",
    swot: {
      strengths: ["Stable leadership", "Clear time standards"],
      weaknesses: ["High vacancy in Enforcement", "Manual hand-offs between divisions"],
      opportunities: ["Cross-training", "Online self-service"],
      threats: ["Budget cuts", "Retirements"],
    },
    goals: ["92 % of cases within standard", "Satisfaction above 80 %", "Spending within 95-100 % of plan"],
  },
  measures,
  units: DIVISIONS.map(([id, name, caseload, fte]) => ({ id, name, caseload, fte })),
};
