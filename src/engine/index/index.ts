/** The one scorecard index: build it once with `indexScorecard`, pass it to checks, forecasts and flags. */
export * from "./access";
export * from "./build";
export * from "./series";
export * from "./years";
