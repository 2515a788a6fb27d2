import type { MilestoneInput, MilestoneSchedule } from "./types";

/** Spread annual targets into periods. Example: `spreadMilestones({ kind: "count", fiscalYear: 2027, fyStartMonth: 10, spread: { kind: "even" }, units })`. */
export function spreadMilestones(_input: MilestoneInput): MilestoneSchedule {
  throw new Error("spreadMilestones: not built yet");
}
