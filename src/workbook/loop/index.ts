/** The email loop: split a master into stamped office copies and collect the returns, as pure functions. */
export * from "./canonical";
export * from "./tables";
export * from "./stamp";
export * from "./issued";
export * from "./master";
export * from "./split";
export * from "./check";
export * from "./calendar";
export * from "./collect";
export * from "./mergedPlan";
