/** Milestone-vs-actual checks: comparisons, status rules, roll-ups and the scorecard check. */
export * from "./aggregate";
export * from "./check";
export * from "./compare";
export * from "./leadlag";
export * from "./rollup";
export * from "./row";
export * from "./scorecard";
export * from "./status";
