import type { ProrateRequest } from "../../src/taskpane/port";

/**
 * A Targets request as the form sends it by default (split by caseload, largest remainder in
 * whole units, fiscal year 2027 starting in October, spread evenly), for the measure and total
 * given and anything else a test changes.
 */
export function prorateRequest(
  measure: string,
  total: number,
  over: Partial<ProrateRequest> = {},
): ProrateRequest {
  return {
    measure,
    total,
    method: "proportional",
    driver: "caseload",
    locks: {},
    rounding: "largestRemainder",
    increment: 1,
    fyStartMonth: 10,
    fiscalYear: 2027,
    spread: "even",
    ...over,
  };
}
