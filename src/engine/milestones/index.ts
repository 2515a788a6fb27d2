/** Milestones: `spreadMilestones(input)` spreads annual targets over fiscal periods, per period and YTD. */
export * from "./types";
export { spreadMilestones } from "./spread";
export { fiscalPeriods, weeksPerMonth } from "./periods";
