/** Target proration: `prorate(input)` splits a program target across units, exact to the increment. */
export * from "./types";
export { ProrationError, PRORATION_ERRORS, type ProrationErrorCode } from "./errors";
export { prorate } from "./prorate";
export { largestRemainder, webster } from "./rounding";
export { gapClosingTarget } from "./gap";
