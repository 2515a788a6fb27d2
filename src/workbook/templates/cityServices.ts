/**
 * City services template in the style of Baltimore's CitiStat and New York's Mayor's
 * Management Report: quantity and quality, outputs and outcomes, a named manager per
 * measure, by district. State and city fiscal year (July).
 */
import type { TemplateDef, TemplateMeasure } from "./types";

const measures: TemplateMeasure[] = [
  {
    id: "potholes-48h",
    name: "Potholes repaired within 48 hours",
    kind: "rate",
    direction: "up",
    unitLabel: "%",
    purpose: "evaluate",
    indicator: "lag",
    pairedWith: "pothole-reopen",
    owner: "Bureau of Transportation, Highways chief",
    group: "Streets",
    sample: { level: 84, spread: 6, trendPerYear: 1, denominatorPerCase: 0.02 },
  },
  {
    id: "pothole-reopen",
    name: "Pothole repairs reopened within 30 days",
    kind: "rate",
    direction: "down",
    unitLabel: "%",
    purpose: "control",
    owner: "Bureau of Transportation, Quality inspector",
    goal: "Guards the 48-hour measure against quick patches that fail",
    group: "Streets",
    sample: { level: 7, spread: 2, trendPerYear: 0, denominatorPerCase: 0.02 },
  },
  {
    id: "sr-on-time",
    name: "311 service requests closed on time",
    kind: "rate",
    direction: "up",
    unitLabel: "%",
    purpose: "improve",
    indicator: "lead",
    leadFor: "potholes-48h",
    owner: "311 director",
    group: "Customer service",
    sample: { level: 78, spread: 5, trendPerYear: 1, denominatorPerCase: 0.08 },
  },
  {
    id: "major-crimes",
    name: "Major crimes (CompStat seven)",
    kind: "count",
    direction: "down",
    unitLabel: "crimes",
    purpose: "evaluate",
    indicator: "lag",
    owner: "District commander",
    group: "Public safety",
    sample: { level: 0.03, spread: 0.25, trendPerYear: -0.03 },
  },
  {
    id: "unscheduled-leave",
    name: "Unscheduled leave (% of hours)",
    kind: "rate",
    direction: "down",
    unitLabel: "%",
    purpose: "control",
    owner: "Human resources liaison",
    group: "Workforce",
    sample: { level: 4.5, spread: 1, trendPerYear: -0.1, denominatorPerCase: 0.9 },
  },
  {
    id: "overtime",
    name: "Overtime spending",
    kind: "amount",
    direction: "down",
    unitLabel: "$",
    purpose: "budget",
    owner: "Fiscal officer",
    group: "Workforce",
    sample: { level: 18, spread: 0.2, trendPerYear: 0.02 },
  },
  {
    id: "meals",
    name: "Home-delivered meals",
    kind: "count",
    direction: "up",
    unitLabel: "meals",
    purpose: "promote",
    indicator: "lag",
    owner: "Aging services director",
    group: "Human services",
    sample: { level: 1.1, spread: 0.2, trendPerYear: 0.02 },
  },
  {
    id: "response-minutes",
    name: "Average emergency response time",
    kind: "ratio",
    direction: "down",
    unitLabel: "minutes",
    purpose: "evaluate",
    indicator: "lag",
    owner: "Fire chief",
    group: "Public safety",
    sample: { level: 5.6, spread: 0.6, trendPerYear: -0.05, denominatorPerCase: 0.01 },
  },
];

const DISTRICTS = [
  "Central",
  "Eastern",
  "Northeastern",
  "Northern",
  "Northwestern",
  "Southeastern",
  "Southern",
  "Southwestern",
  "Western",
];
const POPULATION = [62000, 48000, 91000, 77000, 69000, 83000, 58000, 64000, 51000];

export const cityServicesTemplate: TemplateDef = {
  id: "city-services",
  title: "City services scorecard",
  description:
    "CitiStat-style measures for streets, safety, workforce and human services by district, each with a named manager.",
  fyStartMonth: 7,
  plan: {
    mission: "Deliver city services residents can count on, quickly and at a fair cost.",
    deficit: "Potholes wait days for repair in the eastern districts, and residents stop reporting them.",
    target: "Repair 90 % of reported potholes within 48 hours in every district by June.",
    theoryOfChange:
      "Closing 311 requests on time keeps residents reporting; crews routed from fresh reports repair within 48 hours; quality inspections keep repairs from reopening.",
    swot: {
      strengths: ["Daily 311 data", "Biweekly CitiStat meetings"],
      weaknesses: ["Overtime used to cover vacancies", "Paper work orders in two yards"],
      opportunities: ["Mobile work orders", "Shared crews across districts"],
      threats: ["Freeze-thaw winters", "Hiring freeze"],
    },
    goals: [
      "90 % of potholes repaired within 48 hours",
      "Overtime within budget",
      "Major crimes below last year in every district",
    ],
  },
  measures,
  units: DISTRICTS.map((name, i) => ({ id: name.toLowerCase(), name, caseload: POPULATION[i] })),
};
